//! The README's examples are run here, so they stay true. Each command must
//! appear verbatim in README.md; `corpus` is the binary under test. They
//! need `jq`: CI installs it, and elsewhere the test says it was skipped.

use crate::util::root;
use std::process::Command;

/// (command as in the README, expected output)
const EXAMPLES: &[(&str, &str)] = &[
    ("corpus analyze seeds/ | jq '.documents | length'", "5\n"),
    (
        r#"corpus analyze seeds/ | jq -c '[.documents[].dates[] | select(.granularity=="day" and (.value|startswith("2025")))] | map(.value)'"#,
        "[\"2025-11-07\",\"2025-11-05\",\"2025-11-06\",\"2025-11-07\"]\n",
    ),
    (
        r#"corpus analyze seeds/ | jq -r '[.documents[].places[] | select(.kind=="city") | .name_en] | unique | join(", ")'"#,
        "Astana, Beijing, Minsk, Moscow, Pyongyang, Saint Petersburg, Seoul, Washington\n",
    ),
    (
        r#"corpus analyze seeds/ | jq -r '[.documents[].actors[] | select(.kind=="person" and .affiliation=="RU") | .name] | unique[]'"#,
        "Dmitry Peskov\nMikhail Bogdanov\nNikolai Patrushev\nSergei Lavrov\nSergei Shoigu\nViktor Goremykin\nVladimir Putin\n",
    ),
    (
        r#"corpus analyze seeds/ | jq -r '.documents[].troop_figures[] | "\(.date)\t\(.count)\t\(.sender) → \(.destination)/\(.location)\t\(.claimed_by)"'"#,
        "2025-11-08\t15000\tKP → RU/null\ttình báo Hàn Quốc\n2025-09\t5000\tKP → RU/Kursk\ttình báo Hàn Quốc\n2024-11-01\t10000\tKP → RU/null\tMỹ, NATO, Hàn Quốc và Ukraine\n2024-10-31\t8000\tKP → RU/Kursk\tNgoại trưởng Mỹ Antony Blinken\n",
    ),
];

#[test]
fn readme_examples_hold() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    if Command::new("jq").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI must install jq");
        eprintln!("skipped: jq is not installed");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_corpus");
    for (command, want) in EXAMPLES {
        assert!(
            readme.contains(command),
            "README.md no longer shows: {command}"
        );
        let shell = command.replacen("corpus ", &format!("'{bin}' "), 1);
        let out = Command::new("sh")
            .arg("-c")
            .arg(&shell)
            .current_dir(root())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout), *want, "{command}");
    }
}
