//! The input and output fault matrix: every input is accounted for, no
//! fault stops the run or crashes it, and each is explained.

use crate::util::{json, jsonl, root, run, run_in, TempDir, SEEDS};
use serde_json::Value;
use std::process::Command;

fn seed(i: usize) -> Vec<u8> {
    std::fs::read(root().join("seeds").join(format!("{}.txt", SEEDS[i]))).unwrap()
}

fn only_doc(v: &Value) -> &Value {
    assert_eq!(v["documents"].as_array().unwrap().len(), 1, "{v}");
    &v["documents"][0]
}

#[test]
fn empty_and_header_only_files_are_documents() {
    let dir = TempDir::new("empty");
    dir.write("empty.txt", b"");
    dir.write("header.txt", b" date 2025-11-08 Chi co tieu de\n");
    let v = json(&run(&["analyze", &dir.path("")], b""));
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["warnings"][0], "file is empty");
    assert_eq!(docs[1]["published"]["value"], "2025-11-08");
    assert_eq!(docs[1]["title"], "Chi co tieu de");
    assert_eq!(v["summary"]["errors"], 0);
}

#[test]
fn file_over_the_size_limit_is_an_error_naming_the_limit() {
    let dir = TempDir::new("too-large");
    dir.write("big.txt", &seed(1));
    dir.write("small.txt", "Nga.".as_bytes());
    let out = run(&["analyze", "--max-file-size", "1K", &dir.path("")], b"");
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["errors"][0]["kind"], "too_large");
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("1024 bytes"));
    assert_eq!(v["summary"]["documents"], 1);
}

#[test]
fn invalid_bytes_inside_good_text_are_replaced_with_a_warning() {
    let mut bytes = seed(0);
    bytes.splice(400..400, [0xFF, 0xFE, 0x80]);
    let out = run(&["analyze", "-"], &bytes);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let doc = only_doc(&v);
    assert_eq!(doc["encoding"], "utf-8-lossy");
    assert!(doc["warnings"][0].as_str().unwrap().contains("U+FFFD"));
    assert!(!doc["troop_figures"].as_array().unwrap().is_empty());
}

#[test]
fn utf16_with_bom_gives_the_same_values() {
    let text = String::from_utf8(seed(4)).unwrap();
    let mut le = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
    }
    let a = json(&run(&["analyze", "-"], &seed(4)));
    let b = json(&run(&["analyze", "-"], &le));
    assert_eq!(only_doc(&b)["encoding"], "utf-16le");
    for key in ["dates", "actors", "places", "troop_figures"] {
        assert_eq!(a["documents"][0][key], b["documents"][0][key], "{key}");
    }
}

#[test]
fn mixed_nfc_and_nfd_in_one_file() {
    let text = String::from_utf8(seed(0)).unwrap();
    let half = text.char_indices().nth(text.chars().count() / 2).unwrap().0;
    let nfd: String = unicode_nfd(&text[half..]);
    let mixed = format!("{}{}", &text[..half], nfd);
    let a = json(&run(&["analyze", "-"], text.as_bytes()));
    let b = json(&run(&["analyze", "-"], mixed.as_bytes()));
    let values = |v: &Value, key: &str, field: &str| -> Vec<Value> {
        v["documents"][0][key]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x[field].clone())
            .collect()
    };
    assert_eq!(values(&a, "dates", "value"), values(&b, "dates", "value"));
    assert_eq!(values(&a, "actors", "name"), values(&b, "actors", "name"));
    assert_eq!(values(&a, "places", "name"), values(&b, "places", "name"));
    assert_eq!(
        values(&a, "troop_figures", "count"),
        values(&b, "troop_figures", "count")
    );
}

fn unicode_nfd(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().collect()
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new("names");
    let name = std::ffi::OsStr::from_bytes(b"t\xFFn.txt");
    std::fs::write(dir.0.join(name), "Nga và Mỹ.").unwrap();
    let v = json(&run(&["analyze", &dir.path("")], b""));
    let doc = only_doc(&v);
    assert!(
        doc["path"].as_str().unwrap().ends_with("t\\xFFn.txt"),
        "{}",
        doc["path"]
    );
    assert_eq!(doc["id"], "t\\xFFn");
}

/// The corpus binary as a command, run as an unprivileged user when the
/// tests run as root (as in CI), so that permissions apply. `None` when
/// running as root without `setpriv` to drop privileges.
#[cfg(unix)]
fn unprivileged_corpus() -> Option<Command> {
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    if !is_root {
        return Some(Command::new(env!("CARGO_BIN_EXE_corpus")));
    }
    let has_setpriv = Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_setpriv {
        return None;
    }
    let mut cmd = Command::new("setpriv");
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_corpus"));
    Some(cmd)
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_io_errors() {
    use std::os::unix::fs::PermissionsExt;
    let Some(mut corpus) = unprivileged_corpus() else {
        eprintln!("skipped: running as root without setpriv");
        return;
    };
    let dir = TempDir::new("perm");
    let secret = dir.write("secret.txt", "Nga.".as_bytes());
    dir.write("ok.txt", "Mỹ.".as_bytes());
    dir.write("closed/inside.txt", "Lào.".as_bytes());
    let closed = dir.0.join("closed");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = corpus
        .args(["analyze", "--format", "jsonl", &dir.path("")])
        .output()
        .unwrap();
    // restore so the folder can be cleaned up
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let records = jsonl(&out);
    let errors: Vec<&Value> = records.iter().filter(|r| r["type"] == "error").collect();
    let failed: Vec<&str> = errors.iter().map(|e| e["path"].as_str().unwrap()).collect();
    assert_eq!(errors.len(), 2, "{records:?}");
    assert!(
        failed.iter().any(|p| p.ends_with("secret.txt")),
        "{failed:?}"
    );
    assert!(failed.iter().any(|p| p.ends_with("closed")), "{failed:?}");
    for e in &errors {
        let folder = e["path"].as_str().unwrap().ends_with("closed");
        assert_eq!(e["kind"], if folder { "walk" } else { "io" }, "{e}");
        assert!(
            e["message"].as_str().unwrap().contains("ermission denied"),
            "{e}"
        );
    }
    let summary = records.last().unwrap();
    assert_eq!(summary["documents"], 1);
    assert_eq!(summary["inputs"], 3);
}

#[cfg(unix)]
#[test]
fn output_into_a_read_only_folder_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let Some(mut corpus) = unprivileged_corpus() else {
        eprintln!("skipped: running as root without setpriv");
        return;
    };
    let dir = TempDir::new("ro-out");
    let old = dir.write("out/result.json", b"old contents");
    let out_dir = dir.0.join("out");
    std::fs::set_permissions(&out_dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let result = corpus
        .current_dir(root())
        .args(["analyze", "-o"])
        .arg(&old)
        .arg("seeds/")
        .output()
        .unwrap();
    std::fs::set_permissions(&out_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot create output file"), "{stderr}");
    assert!(stderr.contains("ermission denied"), "{stderr}");
    assert_eq!(std::fs::read(&old).unwrap(), b"old contents");
    assert_eq!(std::fs::read_dir(&out_dir).unwrap().count(), 1);
}

/// `-o` onto a full file system: a 64 KB tmpfs mounted in a private mount
/// namespace (`unshare`), too small for the output. The run fails with the
/// system's message, the old file is untouched, and no temporary file is
/// left behind.
#[cfg(target_os = "linux")]
#[test]
fn output_onto_a_full_disk_fails_cleanly_and_keeps_the_old_file() {
    let dir = TempDir::new("full-disk");
    let mount = dir.0.join("small");
    std::fs::create_dir_all(&mount).unwrap();
    let script = format!(
        "mount -t tmpfs -o size=64k tmpfs '{m}' || exit 99
         printf 'old contents' > '{m}/out.json'
         '{bin}' analyze --format json -o '{m}/out.json' seeds/
         echo \"exit=$?\"
         cat '{m}/out.json'; echo
         ls -A '{m}'",
        m = mount.display(),
        bin = env!("CARGO_BIN_EXE_corpus"),
    );
    let out = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "sh", "-c", &script])
        .current_dir(root())
        .output();
    let out = match out {
        Ok(o) if o.status.code() != Some(99) && o.status.success() => o,
        other => {
            eprintln!("skipped: cannot mount a small tmpfs here ({other:?})");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "exit=2", "{stdout}\n{stderr}");
    assert_eq!(
        stderr.trim(),
        "corpus: cannot write output: No space left on device (os error 28)"
    );
    assert_eq!(lines[1], "old contents", "{stdout}");
    assert_eq!(&lines[2..], ["out.json"], "temporary file left: {stdout}");
}

/// A file that disappears between discovery and reading (deleted by
/// another program while the run goes on) becomes an error record and the
/// run goes on. The file is deleted as soon as the first document is
/// printed; it is the last of 2,600 files (ten chunks later), so it is
/// read long after.
#[test]
fn file_removed_during_the_run_is_an_error_record() {
    use std::io::{BufRead, BufReader};
    let dir = TempDir::new("removed");
    let n = 2_600;
    let text = seed(0);
    for i in 0..n {
        dir.write(&format!("{i:05}.txt"), &text);
    }
    let last = dir.0.join(format!("{:05}.txt", n - 1));
    let mut child = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["analyze", "--jobs", "1", "--format", "jsonl", &dir.path("")])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    std::fs::remove_file(&last).unwrap();
    let mut records: Vec<Value> = vec![serde_json::from_str(&first).unwrap()];
    records.extend(lines.map(|l| serde_json::from_str(&l.unwrap()).unwrap()));
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
    let summary = records.last().unwrap();
    assert_eq!(summary["inputs"], n);
    assert_eq!(summary["documents"], n - 1);
    assert_eq!(summary["errors"], 1);
    let error = records.iter().find(|r| r["type"] == "error").unwrap();
    assert!(error["path"]
        .as_str()
        .unwrap()
        .ends_with(&format!("{:05}.txt", n - 1)));
    assert_eq!(error["kind"], "io");
    assert!(
        error["message"].as_str().unwrap().contains("No such file"),
        "{error}"
    );
}

#[test]
fn many_tiny_files_are_all_accounted_for() {
    let dir = TempDir::new("many");
    let n = 100_000;
    for i in 0..n {
        let sub = format!("{:03}", i / 1000);
        if i % 1000 == 0 {
            std::fs::create_dir_all(dir.0.join(&sub)).unwrap();
        }
        std::fs::write(dir.0.join(&sub).join(format!("{i:06}.txt")), "Nga.").unwrap();
    }
    let out = run(&["analyze", "--format", "jsonl", &dir.path("")], b"");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let last: Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(last["inputs"], n);
    assert_eq!(last["documents"], n);
    assert_eq!(text.lines().count(), n + 1);
}

#[test]
fn a_long_single_line_is_analyzed() {
    // 50 MB on one line: one sentence of a million numbers, which is where
    // per-figure work that is linear in the sentence turns quadratic (it
    // once took 440 s in a release build; about 90 s here in a debug build)
    let sentence = "Ngày 7/11, Triều Tiên đã gửi khoảng 15.000 quân sang Nga, ";
    let line = sentence.repeat(50_000_000 / sentence.len());
    let out = run(&["analyze", "--format", "jsonl", "-"], line.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let doc: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(doc["stats"]["paragraphs"], 1);
    let figures = doc["troop_figures"].as_array().unwrap();
    assert_eq!(figures.len(), 50_000_000 / sentence.len());
    let f = &figures[figures.len() - 1];
    let (s, e) = (
        f["span"][0].as_u64().unwrap() as usize,
        f["span"][1].as_u64().unwrap() as usize,
    );
    assert_eq!(&line[s..e], f["text"].as_str().unwrap());
}

/// Devices named on the command line are skipped with a note, never read
/// (`/dev/zero` would never end).
#[cfg(unix)]
#[test]
fn devices_are_skipped_not_read() {
    let out = run(
        &[
            "analyze",
            "--format",
            "jsonl",
            "/dev/zero",
            "/dev/null",
            "seeds/",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let records = jsonl(&out);
    let errors: Vec<&Value> = records.iter().filter(|r| r["type"] == "error").collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors.iter().all(|e| e["kind"] == "not_regular"),
        "{errors:?}"
    );
    assert_eq!(records.last().unwrap()["documents"], 5);
}

/// A closed standard output is reopened on /dev/null by the Rust runtime
/// before `main`, so it cannot be told from `> /dev/null`: the run ends
/// normally, without a panic.
#[test]
fn closed_stdout_ends_without_a_panic() {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' analyze seeds/ >&-",
            env!("CARGO_BIN_EXE_corpus")
        ))
        .current_dir(root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn output_under_a_regular_file_fails_cleanly_and_keeps_the_old_file() {
    let dir = TempDir::new("out-fault");
    let blocker = dir.write("file.txt", b"old contents");
    let target = format!("{}/out.json", blocker.display());
    let out = run(&["analyze", "-o", &target, "seeds/"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot create output file"));
    assert_eq!(std::fs::read(&blocker).unwrap(), b"old contents");
    let names: Vec<_> = std::fs::read_dir(&dir.0)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn every_input_is_accounted_for_in_a_mixed_folder() {
    let dir = TempDir::new("mixed");
    dir.write("a.txt", &seed(0));
    dir.write("b.txt", b"\x00\x00");
    dir.write("c.txt", b"");
    dir.write("d/e.txt", &seed(3));
    dir.write("f.txt", b"\x81\x8d\x8f\x90\x9d");
    let out = run_in(&dir.0, &["analyze", "--format", "jsonl", "."], b"");
    assert_eq!(out.status.code(), Some(1));
    let records = jsonl(&out);
    let summary = records.last().unwrap();
    assert_eq!(summary["inputs"], 5);
    assert_eq!(
        summary["inputs"].as_u64().unwrap(),
        summary["documents"].as_u64().unwrap() + summary["errors"].as_u64().unwrap()
    );
    assert_eq!(records.len(), 6);
}
