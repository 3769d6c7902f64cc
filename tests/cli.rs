//! Command-line behaviour: inputs, formats, exit codes, output files.

use crate::util::{json, jsonl, root, run, run_in, TempDir, SEEDS};
use serde_json::Value;
use std::io::Read;
use std::process::{Command, Stdio};

fn seed_bytes(id: &str) -> Vec<u8> {
    std::fs::read(root().join("seeds").join(format!("{id}.txt"))).expect("seed")
}

#[test]
fn analyze_seeds_gives_five_documents_sorted_with_published_dates() {
    let out = run(&["analyze", "seeds/"], b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    let v = json(&out);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["tool"]["name"], "corpus");
    let docs = v["documents"].as_array().unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, SEEDS);
    assert_eq!(docs[0]["published"]["value"], "2025-11-08");
    assert_eq!(docs[0]["published"]["source"], "header");
    assert_eq!(docs[3]["published"]["value"], "2023-09");
    // no header: dated by its lead, `Ngày 8/7` with the year of its full dates
    assert_eq!(docs[1]["published"]["value"], "2024-07-08");
    assert_eq!(docs[1]["published"]["source"], "inferred");
    assert_eq!(
        docs[0]["title"],
        "Nga - Triều Tiên thắt chặt hợp tác quân sự"
    );
    assert_eq!(v["errors"], serde_json::json!([]));
    assert_eq!(v["summary"]["documents"], 5);
    assert_eq!(v["summary"]["inputs"], 5);
}

/// The values extracted from a document, without spans (which differ
/// between encodings of the same text).
fn values(doc: &Value) -> Value {
    let pick = |key: &str, fields: &[&str]| -> Value {
        doc[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| {
                fields
                    .iter()
                    .map(|f| item[*f].clone())
                    .collect::<Vec<_>>()
                    .into()
            })
            .collect::<Vec<Value>>()
            .into()
    };
    serde_json::json!({
        "title": doc["title"],
        "published": doc["published"],
        "dates": pick("dates", &["value", "granularity", "anchor"]),
        "actors": pick("actors", &["name", "kind", "roles", "affiliation"]),
        "places": pick("places", &["name", "kind", "country"]),
        "troop_figures": pick("troop_figures", &["count", "qualifier", "sender", "destination", "location"]),
    })
}

#[test]
fn nfd_and_windows_1258_copies_give_the_same_values() {
    for id in ["000_36f7b37c0ef47342", "004_f3e2a161b2957a9e"] {
        let orig = json(&run(&["analyze", &format!("seeds/{id}.txt")], b""));
        let orig_doc = &orig["documents"][0];
        for (variant, enc) in [("nfd", "utf-8"), ("cp1258", "windows-1258")] {
            let out = run(
                &["analyze", &format!("tests/fixtures/{id}.{variant}.txt")],
                b"",
            );
            assert_eq!(out.status.code(), Some(0));
            let v = json(&out);
            let doc = &v["documents"][0];
            assert_eq!(doc["encoding"], enc);
            assert!(doc["normalization"]["composed"].as_u64().unwrap() > 0);
            assert_eq!(values(doc), values(orig_doc), "{id} {variant}");
            for key in ["dates", "troop_figures"] {
                assert_eq!(
                    doc[key].as_array().unwrap().len(),
                    orig_doc[key].as_array().unwrap().len()
                );
            }
        }
    }
}

#[test]
fn legacy_tcvn3_vni_and_viscii_copies_give_the_same_values() {
    // TCVN3 and VISCII copies made with iconv (TCVN5712-1, VISCII), whose
    // fonts have no curly quotes or en dash: those are ASCII in them
    for id in ["000_36f7b37c0ef47342", "004_f3e2a161b2957a9e"] {
        let orig = json(&run(&["analyze", &format!("seeds/{id}.txt")], b""));
        let orig_doc = &orig["documents"][0];
        for (variant, enc) in [
            ("tcvn3", "tcvn3"),
            ("vni", "vni-windows"),
            ("viscii", "viscii"),
        ] {
            let out = run(
                &["analyze", &format!("tests/fixtures/{id}.{variant}.txt")],
                b"",
            );
            assert_eq!(out.status.code(), Some(0), "{id} {variant}");
            let v = json(&out);
            let doc = &v["documents"][0];
            assert_eq!(doc["encoding"], enc);
            assert_eq!(values(doc), values(orig_doc), "{id} {variant}");
        }
    }
}

#[test]
fn bad_files_among_good_ones_exit_1_with_error_records() {
    let dir = TempDir::new("bad-among-good");
    dir.write("a.txt", &seed_bytes(SEEDS[0]));
    dir.write("b.txt", b"\x00\x01\x02binary\x00");
    dir.write("c.txt", &seed_bytes(SEEDS[4]));
    dir.write("d.txt", b"\x81\x8d\x8f\x90\x9d junk that is no encoding");
    let out = run(&["analyze", &dir.path("")], b"");
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0]["kind"], "binary");
    assert!(errors[0]["path"].as_str().unwrap().ends_with("b.txt"));
    assert_eq!(errors[1]["kind"], "decode");
    assert_eq!(v["summary"]["inputs"], 4);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("b.txt: binary file"), "{stderr}");
    assert!(stderr.starts_with("corpus: "));
}

#[test]
fn nothing_readable_exits_2() {
    let out = run(&["analyze", "no/such/path.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert_eq!(v["errors"][0]["kind"], "io");
    let usage = run(&["analyze"], b"");
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("Usage"));
}

#[test]
fn stdin_is_read_with_dash() {
    let out = run(&["analyze", "-"], &seed_bytes(SEEDS[0]));
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["documents"][0]["path"], "-");
    assert_eq!(v["documents"][0]["id"], "stdin");
    assert_eq!(v["documents"][0]["published"]["value"], "2025-11-08");
}

#[test]
fn jsonl_has_one_record_per_line_and_a_final_summary() {
    let dir = TempDir::new("jsonl");
    dir.write("a.txt", &seed_bytes(SEEDS[1]));
    dir.write("z.txt", b"\x00");
    let out = run(&["analyze", "--format", "jsonl", &dir.path("")], b"");
    assert_eq!(out.status.code(), Some(1));
    let lines = jsonl(&out);
    let types: Vec<&str> = lines.iter().map(|l| l["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["document", "error", "summary"]);
    assert_eq!(lines[2]["errors"], 1);
}

#[test]
fn pretty_and_compact_json_are_the_same_data() {
    let compact = run(&["analyze", "seeds/"], b"");
    let pretty = run(&["analyze", "--pretty", "seeds/"], b"");
    assert!(pretty.stdout.len() > compact.stdout.len());
    assert_eq!(compact.stdout.iter().filter(|&&b| b == b'\n').count(), 1);
    assert_eq!(json(&compact), json(&pretty));
}

#[test]
fn output_is_identical_across_thread_counts() {
    let one = run(
        &["analyze", "--jobs", "1", "seeds/", "tests/fixtures/"],
        b"",
    );
    let two = run(
        &["analyze", "--jobs", "2", "seeds/", "tests/fixtures/"],
        b"",
    );
    let four = run(
        &["analyze", "--jobs", "4", "tests/fixtures/", "seeds/"],
        b"",
    );
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn output_file_is_written_atomically() {
    let dir = TempDir::new("atomic");
    let target = dir.path("out.json");
    std::fs::write(&target, b"old").unwrap();
    let out = run(&["analyze", "-o", &target, "seeds/"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let written: Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(written["documents"].as_array().unwrap().len(), 5);
    let names: Vec<_> = std::fs::read_dir(&dir.0)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "temporary file left behind: {names:?}");

    // A target in a missing folder: clear error, nothing created.
    let bad = dir.path("missing/out.json");
    let out = run(&["analyze", "-o", &bad, "seeds/"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot create output file"));
    assert!(!dir.0.join("missing").exists());
}

#[test]
fn broken_pipe_ends_quietly() {
    let dir = TempDir::new("pipe");
    let seed = seed_bytes(SEEDS[1]);
    for i in 0..150 {
        dir.write(&format!("{i:03}.txt"), &seed);
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["analyze", &dir.path("")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    assert!(stderr.is_empty(), "stderr: {stderr}");
}

#[test]
fn folders_skip_hidden_entries_and_other_extensions() {
    let dir = TempDir::new("walk");
    let seed = seed_bytes(SEEDS[3]);
    dir.write("b/one.txt", &seed);
    dir.write("a/two.TXT", &seed);
    dir.write(".hidden/three.txt", &seed);
    dir.write("a/.four.txt", &seed);
    dir.write("a/five.md", &seed);
    let out = run_in(&dir.0, &["analyze", "."], b"");
    let v = json(&out);
    let paths: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["./a/two.TXT", "./b/one.txt"]);
    let out = run_in(&dir.0, &["analyze", "--ext", "md,txt", "a"], b"");
    assert_eq!(json(&out)["documents"].as_array().unwrap().len(), 2);
    // A file named explicitly is read whatever its extension.
    let out = run_in(&dir.0, &["analyze", "a/five.md"], b"");
    assert_eq!(json(&out)["summary"]["documents"], 1);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_fifos_do_not_hang() {
    let dir = TempDir::new("loops");
    dir.write("d/a.txt", &seed_bytes(SEEDS[3]));
    std::os::unix::fs::symlink(dir.0.join("d"), dir.0.join("d/loop")).unwrap();
    let fifo = dir.0.join("d/pipe.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    let out = run(&["analyze", &dir.path("d")], b"");
    let v = json(&out);
    assert_eq!(v["summary"]["documents"], 1);
    let kinds: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    if made {
        assert!(kinds.contains(&"not_regular"), "{kinds:?}");
    }
    assert_eq!(
        out.status.code(),
        Some(if kinds.is_empty() { 0 } else { 1 })
    );
}

/// A FIFO named on the command line is opened (without waiting for a
/// writer) and refused as not regular; the other input is still analyzed.
#[cfg(unix)]
#[test]
fn a_fifo_named_explicitly_is_refused_without_blocking() {
    let dir = TempDir::new("fifo_named");
    dir.write("a.txt", &seed_bytes(SEEDS[3]));
    let fifo = dir.0.join("pipe.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mkfifo failed");
        return;
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["analyze", "pipe.txt", "a.txt"])
        .current_dir(&dir.0)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("corpus blocked opening a FIFO");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["summary"]["documents"], 1);
    assert_eq!(v["errors"][0]["path"], "pipe.txt");
    assert_eq!(v["errors"][0]["kind"], "not_regular");
    assert!(
        v["errors"][0]["message"].as_str().unwrap().contains("FIFO"),
        "{}",
        v["errors"][0]
    );
}

#[test]
fn bad_header_date_is_a_warning_not_an_error() {
    let out = run(
        &["analyze", "-"],
        " date 2025-13-45 Tiêu đề\n\nNội dung.".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let doc = &v["documents"][0];
    assert_eq!(doc["published"], Value::Null);
    assert!(doc["warnings"][0].as_str().unwrap().contains("2025-13-45"));
}

#[test]
fn normalize_prints_nfc_and_folded_text() {
    let out = run(
        &["normalize", "tests/fixtures/000_36f7b37c0ef47342.nfd.txt"],
        b"",
    );
    assert_eq!(out.stdout, seed_bytes(SEEDS[0]));
    let out = run(
        &["normalize", "--fold", "-"],
        "Thuỵ Sĩ và Triều Tiên".as_bytes(),
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "thuy si va trieu tien"
    );
}

#[test]
fn csv_has_one_row_per_item_with_rfc4180_quoting() {
    let out = run(&["analyze", "--format", "csv", "seeds/"], b"");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("document,item,text,start,end,value,kind,country,attributes\r\n"));
    let v = json(&run(&["analyze", "seeds/"], b""));
    let mut items = 0;
    for d in v["documents"].as_array().unwrap() {
        items +=
            d["dates"].as_array().unwrap().len() + d["troop_figures"].as_array().unwrap().len();
        for key in ["actors", "places"] {
            for e in d[key].as_array().unwrap() {
                items += e["mentions"].as_array().unwrap().len();
            }
        }
    }
    assert_eq!(text.matches("\r\n").count(), items + 1);
    // a claimant with commas is quoted
    assert!(text.contains("\"count_max=; unit=binh lính; status=deployed; destination=RU; location=; claimed_by=Mỹ, NATO, Hàn Quốc và Ukraine; date=2024-11-01\""));
}

#[test]
fn only_restricts_the_parts() {
    let v = json(&run(&["analyze", "--only", "troops,places", "seeds/"], b""));
    for d in v["documents"].as_array().unwrap() {
        assert!(d["dates"].as_array().unwrap().is_empty());
        assert!(d["actors"].as_array().unwrap().is_empty());
        assert!(!d["places"].as_array().unwrap().is_empty());
    }
    assert_eq!(v["summary"]["troop_figures"], 4);
}

#[test]
fn jsonl_input_one_article_per_line() {
    let input = concat!(
        r#"{"id":"a1","text":"Ngày 7/11, Triều Tiên gửi 1.000 quân sang Nga.","published":"2025-11-08"}"#,
        "\nnot json\n",
        r#"{"id":7,"text":"Ông Putin tới Bình Nhưỡng.","published":"2025-13"}"#,
        "\n",
        r#"{"text":"Nga và Mỹ."}"#,
        "\n"
    );
    let out = run(
        &["analyze", "--input", "jsonl", "--format", "jsonl", "-"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = jsonl(&out);
    assert_eq!(lines[0]["id"], "a1");
    assert_eq!(lines[0]["published"]["source"], "input");
    assert_eq!(lines[0]["dates"][0]["value"], "2025-11-07");
    assert_eq!(lines[0]["troop_figures"][0]["count"], 1000);
    assert_eq!(lines[1]["type"], "error");
    assert_eq!(lines[1]["path"], "-:2");
    assert_eq!(lines[2]["type"], "error");
    assert!(lines[2]["message"].as_str().unwrap().contains("2025-13"));
    assert_eq!(lines[3]["id"], "stdin:4");
    assert_eq!(lines[4]["inputs"], 4);
}

#[test]
fn completions_and_man_page() {
    let out = run(&["completions", "bash"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("_corpus()"));
    let out = run(&["man"], b"");
    assert!(String::from_utf8_lossy(&out.stdout).contains(".TH corpus 1"));
    let help = run(&["analyze", "--help"], b"");
    assert!(String::from_utf8_lossy(&help.stdout).contains("--only"));
}

#[test]
fn user_gazetteer_adds_entries() {
    let dir = TempDir::new("gazetteer");
    let g = dir.write(
        "extra.tsv",
        "# kind: actors\nĐại tá Giả Định\tperson\tVN\t-\t\nLê Văn Tám\tperson\tVN\tLe Van Tam\tVăn Tám\n".as_bytes(),
    );
    // (a two-syllable name, which no rule reads as a person without a
    // title: a full name such as `Lê Văn Tám` is one already)
    let text = "Hôm qua Văn Tám tới Hà Nội. Sau đó Văn Tám về quê.";
    let without = json(&run(&["analyze", "-"], text.as_bytes()));
    assert!(without["documents"][0]["actors"]
        .as_array()
        .unwrap()
        .is_empty());
    let with = json(&run(
        &["analyze", "--gazetteer", g.to_str().unwrap(), "-"],
        text.as_bytes(),
    ));
    let actors = with["documents"][0]["actors"].as_array().unwrap();
    assert_eq!(actors.len(), 1);
    assert_eq!(actors[0]["name"], "Lê Văn Tám");
    assert_eq!(actors[0]["affiliation"], "VN");
    assert_eq!(actors[0]["mentions"].as_array().unwrap().len(), 2);
    // a malformed file is a usage error naming the file
    let bad = dir.write("bad.tsv", b"no kind line\n");
    let out = run(
        &["analyze", "--gazetteer", bad.to_str().unwrap(), "seeds/"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.tsv"));
}

#[test]
fn user_dated_events_give_years() {
    let dir = TempDir::new("dated-events");
    let g = dir.write(
        "events.tsv",
        "# kind: dated_events\nHanoi flood\t2008-11-01\tlũ lụt;hà nội\t\n".as_bytes(),
    );
    let text = "Trận lũ lụt lịch sử ở Hà Nội hồi tháng 11 khiến nhiều người thiệt mạng.";
    let value = |args: &[&str]| {
        let v = json(&run(args, text.as_bytes()));
        v["documents"][0]["dates"][0]["value"].clone()
    };
    assert_eq!(value(&["analyze", "-"]), "XXXX-11");
    assert_eq!(
        value(&["analyze", "--gazetteer", g.to_str().unwrap(), "-"]),
        "2008-11"
    );
    // a bad row is a usage error naming the file and the line
    let bad = dir.write(
        "bad.tsv",
        "# kind: dated_events\nFlood\t2008-13\tlũ\n".as_bytes(),
    );
    let out = run(&["analyze", "--gazetteer", bad.to_str().unwrap(), "-"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.tsv") && err.contains("line 2"), "{err}");
}

#[test]
fn fold_matches_place_names_without_diacritics() {
    let text = "Quan he giua Trieu Tien va Nga, theo Matxcova.";
    let plain = json(&run(&["analyze", "-"], text.as_bytes()));
    let names = |v: &Value| -> Vec<String> {
        v["documents"][0]["places"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name_en"].as_str().unwrap().to_string())
            .collect()
    };
    // "Matxcova" is itself a listed spelling; "Trieu Tien" needs --fold
    assert_eq!(names(&plain), ["Russia", "Moscow"]);
    let folded = json(&run(&["analyze", "--fold", "-"], text.as_bytes()));
    assert_eq!(names(&folded), ["North Korea", "Russia", "Moscow"]);
    let p = &folded["documents"][0]["places"][0]["mentions"][0];
    assert_eq!(p["text"], "Trieu Tien");
}
