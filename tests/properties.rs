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

/// A document analyzed in a batch is the document analyzed alone: nothing
/// of one document (its date, names, places) reaches another of the batch.
#[test]
fn a_batch_gives_each_document_as_alone() {
    let mut texts: Vec<String> = std::fs::read_dir(crate::util::root().join("seeds"))
        .expect("seeds")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("seed"))
        .collect();
    texts.sort();
    let mut rng = Rng(7);
    for _ in 0..40 {
        texts.push(random_text(&mut rng));
    }
    // the seeds again, after the random texts: the batch is not in order of
    // kind, and one text appears twice
    texts.extend(texts[..5].to_vec());
    let sources: Vec<corpus::Source> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| corpus::Source {
            id: format!("d{i}"),
            path: format!("d{i}"),
            text: text.clone(),
            bytes: text.len(),
            encoding: "utf-8",
            warnings: Vec::new(),
            // every third has a publication date from the input
            published: (i % 3 == 0)
                .then(|| corpus::prepare::parse_iso("2024-02-29").expect("date")),
        })
        .collect();
    let options = corpus::Options::default();
    let refs: Vec<&corpus::Source> = sources.iter().collect();
    let together = corpus::analyze_batch(&refs, &options);
    assert_eq!(together.len(), sources.len());
    for (source, doc) in sources.iter().zip(&together) {
        let alone = corpus::analyze(source, &options);
        assert_eq!(
            serde_json::to_string(doc).expect("json"),
            serde_json::to_string(&alone).expect("json"),
            "{}",
            source.id
        );
    }
    let with_sentences = corpus::analyze_batch_with_sentences(&refs, &options);
    for (source, (doc, sentences)) in sources.iter().zip(&with_sentences) {
        let (alone, alone_sentences) = corpus::analyze_with_sentences(source, &options);
        assert_eq!(
            serde_json::to_string(doc).ok(),
            serde_json::to_string(&alone).ok()
        );
        assert_eq!(sentences, &alone_sentences);
    }
}
