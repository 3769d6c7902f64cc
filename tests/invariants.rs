//! Invariants over every seed and fixture: spans slice the original text
//! exactly, and shift with a prefix.

use crate::util::{json, root, run};
use serde_json::Value;

/// Every (text, span) pair of a document.
fn items(doc: &Value) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut take = |item: &Value| {
        let s = item["span"][0].as_u64().unwrap() as usize;
        let e = item["span"][1].as_u64().unwrap() as usize;
        out.push((item["text"].as_str().unwrap().to_string(), s, e));
    };
    for key in ["dates", "troop_figures"] {
        doc[key].as_array().unwrap().iter().for_each(&mut take);
    }
    for key in ["actors", "places"] {
        for entity in doc[key].as_array().unwrap() {
            entity["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .for_each(&mut take);
        }
    }
    out
}

fn decoded(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    corpus::load::decode(&bytes).unwrap().text
}

#[test]
fn spans_slice_the_original_text() {
    let out = run(&["analyze", "seeds/", "tests/fixtures/"], b"");
    let v = json(&out);
    let mut checked = 0;
    for doc in v["documents"].as_array().unwrap() {
        let text = decoded(&root().join(doc["path"].as_str().unwrap()));
        for (t, s, e) in items(doc) {
            assert!(s < e && e <= text.len(), "{t:?} [{s}, {e})");
            assert_eq!(&text[s..e], t, "span [{s}, {e}) in {}", doc["path"]);
            checked += 1;
        }
    }
    assert!(checked > 0 || v["summary"]["dates"] == 0);
}

#[test]
fn spans_shift_with_a_multibyte_prefix() {
    for id in [
        "001_8163cc289ccb2005",
        "002_09f7936d173d14ba",
        "004_f3e2a161b2957a9e",
    ] {
        let seed = std::fs::read(root().join("seeds").join(format!("{id}.txt"))).unwrap();
        let prefix = "€ Ảnh\n\n".as_bytes();
        let mut shifted = prefix.to_vec();
        shifted.extend_from_slice(&seed);
        let a = json(&run(&["analyze", "-"], &seed));
        let b = json(&run(&["analyze", "-"], &shifted));
        let ia = items(&a["documents"][0]);
        let ib = items(&b["documents"][0]);
        let moved: Vec<_> = ia
            .iter()
            .map(|(t, s, e)| (t.clone(), s + prefix.len(), e + prefix.len()))
            .collect();
        assert_eq!(moved, ib, "{id}");
    }
}
