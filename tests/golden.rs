//! Golden files: the exact JSON of each seed, checked in under
//! `tests/golden/`. `CORPUS_BLESS=1 cargo test` rewrites them; review the
//! diff before committing.

use crate::eqnice;
use crate::util::{root, run, SEEDS};

fn check(id: &str) {
    check_command(
        &format!("{id}.json"),
        &["analyze", "--pretty", &format!("seeds/{id}.txt")],
    );
}

#[test]
fn golden_000() {
    check(SEEDS[0]);
}

#[test]
fn golden_001() {
    check(SEEDS[1]);
}

#[test]
fn golden_002() {
    check(SEEDS[2]);
}

#[test]
fn golden_003() {
    check(SEEDS[3]);
}

#[test]
fn golden_004() {
    check(SEEDS[4]);
}

fn check_command(name: &str, args: &[&str]) {
    let out = run(args, b"");
    assert_eq!(out.status.code(), Some(0));
    let got = String::from_utf8(out.stdout).expect("UTF-8 output");
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("CORPUS_BLESS").is_some() {
        std::fs::write(&path, &got).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with CORPUS_BLESS=1 to create)",
            path.display()
        )
    });
    eqnice!(expected, got, format!("golden {name}"));
}

#[test]
fn golden_timeline_table() {
    check_command("timeline.txt", &["timeline", "--format", "table", "seeds/"]);
}

#[test]
fn golden_entities() {
    check_command("entities.json", &["entities", "seeds/"]);
}

#[test]
fn summary_has_the_corpus_view() {
    let v = crate::util::json(&run(&["analyze", "seeds/"], b""));
    let s = &v["summary"];
    assert_eq!(s["date_span"]["earliest"], "2023-07-26");
    assert_eq!(s["date_span"]["latest"], "2025-11-07");
    let top = &s["entities"][0];
    assert_eq!(
        (top["name"].as_str(), top["documents"].as_u64()),
        (Some("Triều Tiên"), Some(5))
    );
    let timeline: Vec<(String, u64)> = s["troop_timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["date"].as_str().unwrap_or("-").to_string(),
                f["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        timeline,
        [
            ("2024-10-31".into(), 8000),
            ("2024-11-01".into(), 10000),
            ("2025-09".into(), 5000),
            ("2025-11-08".into(), 15000)
        ]
    );
    assert_eq!(s["troop_timeline"][2]["claimed_by"], "tình báo Hàn Quốc");
}

#[test]
fn golden_csv() {
    check_command("seeds.csv", &["analyze", "--format", "csv", "seeds/"]);
}

#[test]
fn golden_jsonl() {
    check_command("seeds.jsonl", &["analyze", "--format", "jsonl", "seeds/"]);
}
