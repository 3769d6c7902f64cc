//! Property tests: for arbitrary text (built from fragments that stress the
//! pipeline: NFD, lone combining marks, control characters, Vietnamese
//! words, numbers, dates and names), analysis never panics, every span is
//! in bounds and slices the original to the item's text, and the document
//! serializes. A small seeded generator keeps the runs reproducible.

use corpus::model::Span;

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const FRAGMENTS: &[&str] = &[
    "Nga",
    "Triều Tiên",
    "Trie\u{0302}\u{0300}u Tie\u{0302}n",
    "\u{0301}",
    "\u{0323}\u{0300}",
    "hoà",
    "thuý",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u{00A0}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{0000}",
    "\u{0007}",
    ".",
    ",",
    "(",
    ")",
    "-",
    "–",
    "/",
    "“",
    "”",
    "…",
    "%",
    "15.000",
    "1,5",
    "10.000-12.000",
    "7/11",
    "ngày",
    "tháng",
    "năm",
    "2025",
    "hôm",
    "quân",
    "binh sĩ",
    "khoảng",
    "hơn",
    "ông",
    "bà",
    "Kim",
    "Bộ trưởng",
    "Quốc phòng",
    "Bộ",
    "Hội đồng",
    "Sân bay",
    "vùng",
    "Kursk",
    "(KCNA)",
    "thứ Năm",
    "Chủ nhật",
    "quý",
    "III",
    "từ",
    "đến",
    "người",
    "Anh",
    "Trung",
    "-",
    "Mỹ",
    "ﬁ",
    "ẞ",
    "İ",
    "Ω",
    "😀",
    "a\u{0308}\u{0301}",
    "日本",
    "ا",
    "0",
    "99999999999999999999",
    "date 2025-13-45",
    " date ",
];

fn random_text(rng: &mut Rng) -> String {
    let n = (rng.next() % 60) as usize;
    let mut s = String::new();
    if rng.next() % 4 == 0 {
        s.push_str(" date 2025-11-08 ");
    }
    for _ in 0..n {
        s.push_str(rng.pick(FRAGMENTS));
        if rng.next() % 3 == 0 {
            s.push(' ');
        }
    }
    s
}

fn check(text: &str) {
    let source = corpus::Source {
        id: "p".into(),
        path: "p".into(),
        text: text.to_string(),
        bytes: text.len(),
        encoding: "utf-8",
        warnings: Vec::new(),
        published: None,
    };
    let doc = corpus::analyze(&source, &corpus::Options::default());
    let ok = |t: &str, s: &Span| {
        s.start <= s.end && s.end <= text.len() && text.get(s.start..s.end) == Some(t)
    };
    for d in &doc.dates {
        assert!(ok(&d.text, &d.span), "date {d:?} in {text:?}");
    }
    for f in &doc.troop_figures {
        assert!(ok(&f.text, &f.span), "figure {f:?} in {text:?}");
    }
    for a in &doc.actors {
        for m in &a.mentions {
            assert!(ok(&m.text, &m.span), "actor {m:?} in {text:?}");
        }
    }
    for p in &doc.places {
        for m in &p.mentions {
            assert!(ok(&m.text, &m.span), "place {m:?} in {text:?}");
        }
    }
    serde_json::to_string(&doc).expect("serializable");
}

#[test]
fn analysis_of_arbitrary_text_keeps_its_invariants() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        check(&random_text(&mut rng));
    }
}

#[test]
fn decoding_arbitrary_bytes_never_panics() {
    let mut rng = Rng(42);
    for _ in 0..3000 {
        let n = (rng.next() % 200) as usize;
        let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        if let Ok(d) = corpus::load::decode(&bytes) {
            check(&d.text);
        }
    }
}

/// Inputs the fuzzer found to crash, kept as regression tests.
#[test]
fn fuzz_regressions() {
    let dir = crate::util::root().join("tests/fixtures");
    let mut found = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if !path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("fuzz-")
        {
            continue;
        }
        found += 1;
        if let Ok(d) = corpus::load::decode(&std::fs::read(&path).unwrap()) {
            check(&d.text);
        }
    }
    assert!(found > 0, "no fuzz regression inputs in {}", dir.display());
}
