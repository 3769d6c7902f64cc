//! Golden files: the exact JSON of each seed, checked in under
//! `tests/golden/`. `CORPUS_BLESS=1 cargo test` rewrites them; review the
//! diff before committing.

use crate::eqnice;
use crate::util::{root, run, SEEDS};

fn check(id: &str) {
    let out = run(&["analyze", "--pretty", &format!("seeds/{id}.txt")], b"");
    assert_eq!(out.status.code(), Some(0));
    let got = String::from_utf8(out.stdout).expect("UTF-8 output");
    let path = root().join("tests/golden").join(format!("{id}.json"));
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
    eqnice!(expected, got, format!("golden {id}"));
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
