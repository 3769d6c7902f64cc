//! Fuzz target: arbitrary bytes through decode → normalize → extract.
//! Checks the invariants every consumer relies on: no panic, every span
//! inside the text and slicing it to exactly the item's text.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = corpus::load::decode(data) else {
        return;
    };
    let source = corpus::Source {
        id: "fuzz".into(),
        path: "fuzz".into(),
        text: decoded.text,
        bytes: data.len(),
        encoding: decoded.encoding,
        warnings: decoded.warnings,
        published: None,
    };
    let doc = corpus::analyze(&source, &corpus::Options::default());
    let text = &source.text;
    let check = |t: &str, s: &corpus::model::Span| {
        assert!(s.start <= s.end && s.end <= text.len(), "span out of bounds");
        assert_eq!(&text[s.start..s.end], t, "span does not slice the text");
    };
    for d in &doc.dates {
        check(&d.text, &d.span);
    }
    for t in &doc.troop_figures {
        check(&t.text, &t.span);
    }
    for a in &doc.actors {
        for m in &a.mentions {
            check(&m.text, &m.span);
        }
    }
    for p in &doc.places {
        for m in &p.mentions {
            check(&m.text, &m.span);
        }
    }
    serde_json::to_string(&doc).expect("serializable");
});
