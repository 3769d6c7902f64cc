//! Helpers shared by the integration tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root (where `seeds/` lives).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run the corpus binary in the repository root with `args`, feeding `stdin`.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    run_in(&root(), args, stdin)
}

/// Run the corpus binary in `dir`.
pub fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn corpus");
    {
        let mut sin = child.stdin.take().expect("stdin");
        // A child that does not read stdin closes it; that is fine.
        let _ = sin.write_all(stdin);
    }
    child.wait_with_output().expect("wait for corpus")
}

/// Parse stdout as one JSON value.
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// Parse stdout as JSON Lines: one value per line.
pub fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("line is not JSON ({e}): {l}")))
        .collect()
}

/// A temporary folder removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// A new empty folder under the target directory.
    pub fn new(name: &str) -> TempDir {
        let dir = root()
            .join("target")
            .join("test-tmp")
            .join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    /// Write a file (creating folders) and return its path.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, bytes).expect("write");
        p
    }

    /// The path as a string.
    pub fn path(&self, rel: &str) -> String {
        self.0.join(rel).to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The five seed ids.
pub const SEEDS: [&str; 5] = [
    "000_36f7b37c0ef47342",
    "001_8163cc289ccb2005",
    "002_09f7936d173d14ba",
    "003_f278458ffaa73689",
    "004_f3e2a161b2957a9e",
];

/// Assert equality of two long strings, printing both blocks on failure.
#[macro_export]
macro_rules! eqnice {
    ($expected:expr, $got:expr, $what:expr) => {{
        let expected = &*$expected;
        let got = &*$got;
        if expected != got {
            panic!(
                "\n{} differs\n\n--- expected ---\n{}\n--- got ---\n{}\n",
                $what, expected, got
            );
        }
    }};
}
