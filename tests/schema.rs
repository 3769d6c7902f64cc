//! `corpus schema` prints a JSON Schema; the seeds' output (JSON and each
//! JSON Lines record) must validate against it. The validator below
//! implements the keywords the schema uses: type (with null), const, enum,
//! properties, required, additionalProperties (false or a schema), items,
//! minItems, maxItems, minimum and local `$ref`s.

use crate::util::{json, run};
use serde_json::Value;

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

fn validate(root: &Value, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return validate(root, &root["$defs"][name], v, at, errors);
    }
    if let Some(t) = schema.get("type") {
        let ok = match t {
            Value::String(t) => type_ok(t, v),
            Value::Array(ts) => ts.iter().any(|t| type_ok(t.as_str().unwrap_or(""), v)),
            _ => false,
        };
        if !ok {
            errors.push(format!("{at}: {v} is not of type {t}"));
            return;
        }
    }
    if let Some(c) = schema.get("const") {
        if c != v {
            errors.push(format!("{at}: {v} is not {c}"));
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errors.push(format!("{at}: {v} is not one of {e:?}"));
        }
    }
    if let Some(min) = schema.get("minimum").and_then(Value::as_i64) {
        if v.as_i64().is_some_and(|x| x < min) {
            errors.push(format!("{at}: {v} < {min}"));
        }
    }
    if let Value::Object(map) = v {
        let props = schema.get("properties").and_then(Value::as_object);
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !map.contains_key(req.as_str().unwrap_or("")) {
                errors.push(format!("{at}: missing {req}"));
            }
        }
        for (k, x) in map {
            match props.and_then(|p| p.get(k)) {
                Some(s) => validate(root, s, x, &format!("{at}.{k}"), errors),
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => errors.push(format!("{at}: unexpected field {k}")),
                    Some(s @ Value::Object(_)) => {
                        validate(root, s, x, &format!("{at}.{k}"), errors)
                    }
                    _ => {}
                },
            }
        }
    }
    if let Value::Array(items) = v {
        if let Some(s) = schema.get("items") {
            for (i, x) in items.iter().enumerate() {
                validate(root, s, x, &format!("{at}[{i}]"), errors);
            }
        }
        let n = items.len() as u64;
        if schema
            .get("minItems")
            .and_then(Value::as_u64)
            .is_some_and(|m| n < m)
            || schema
                .get("maxItems")
                .and_then(Value::as_u64)
                .is_some_and(|m| n > m)
        {
            errors.push(format!("{at}: {n} items"));
        }
    }
}

fn schema() -> Value {
    let out = run(&["schema"], b"");
    assert_eq!(out.status.code(), Some(0));
    let s = json(&out);
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    s
}

#[test]
fn seeds_output_validates_against_the_schema() {
    let schema = schema();
    let dir = crate::util::TempDir::new("schema");
    dir.write("bad.txt", b"\x00");
    let out = run(
        &["analyze", "seeds/", "tests/fixtures/", &dir.path("bad.txt")],
        b"",
    );
    let v = json(&out);
    let mut errors = Vec::new();
    validate(&schema, &schema, &v, "$", &mut errors);
    assert!(errors.is_empty(), "{errors:#?}");
    // and a document that breaks the contract does not validate
    let mut broken = v.clone();
    broken["documents"][0]["dates"][0]["granularity"] = Value::from("fortnight");
    let mut errors = Vec::new();
    validate(&schema, &schema, &broken, "$", &mut errors);
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn jsonl_records_validate_against_their_definitions() {
    let schema = schema();
    let out = run(&["analyze", "--format", "jsonl", "seeds/"], b"");
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let def = v["type"].as_str().unwrap().to_string();
        let mut errors = Vec::new();
        validate(
            &schema,
            &schema["$defs"][def.as_str()],
            &v,
            &def,
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:#?}");
    }
}
