//! The README's DuckDB example: the JSON Lines and CSV outputs load with
//! `read_json_auto` and `read_csv_auto`. Needs the `duckdb` Python package:
//! CI installs it; elsewhere the test says it was skipped.

use crate::util::{root, run, TempDir};
use std::process::Command;

const JSON_QUERY: &str = "select id, json_array_length(troop_figures) as figures from read_json_auto('seeds.jsonl') where type = 'document' order by id";
const CSV_QUERY: &str = "select value::int as count, country as sender from read_csv_auto('seeds.csv') where item = 'troop_figure' order by count";

#[test]
fn duckdb_reads_jsonl_and_csv() {
    let has_duckdb = Command::new("python3")
        .args(["-c", "import duckdb"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_duckdb {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install the duckdb Python package"
        );
        eprintln!("skipped: the duckdb Python package is not installed");
        return;
    }
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains(JSON_QUERY) && readme.contains(CSV_QUERY),
        "README.md no longer shows the queries"
    );
    let dir = TempDir::new("duckdb");
    std::fs::write(
        dir.0.join("seeds.jsonl"),
        run(&["analyze", "--format", "jsonl", "seeds/"], b"").stdout,
    )
    .unwrap();
    std::fs::write(
        dir.0.join("seeds.csv"),
        run(&["analyze", "--format", "csv", "seeds/"], b"").stdout,
    )
    .unwrap();
    let script = format!("import duckdb\nprint(duckdb.sql(\"{JSON_QUERY}\").fetchall())\nprint(duckdb.sql(\"{CSV_QUERY}\").fetchall())\n");
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .current_dir(&dir.0)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "[('000_36f7b37c0ef47342', 2), ('001_8163cc289ccb2005', 0), ('002_09f7936d173d14ba', 0), ('003_f278458ffaa73689', 0), ('004_f3e2a161b2957a9e', 2)]"
    );
    assert_eq!(
        lines[1],
        "[(5000, 'KP'), (8000, 'KP'), (10000, 'KP'), (15000, 'KP')]"
    );
}
