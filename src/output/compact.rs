//! Compact JSON of a [`Document`], written by hand.
//!
//! Speed: this is the record every document becomes, and serde's generic
//! path escaped every key again and checked every string byte by byte: 7%
//! of a run's instructions. Keys and punctuation here are literal bytes and
//! strings are copied in runs between the characters JSON escapes. The
//! bytes are exactly `serde_json::to_vec(doc)`:
//! `tests::agrees_with_serde` checks it on the seeds and on hostile text, and
//! it fails when a field is added to the model but not here.

use crate::model::{Actor, DateMention, Document, Mention, Place, Span, TroopFigure};
use serde::Serialize;

/// Append the compact JSON of `doc` to `out`.
pub(crate) fn document(doc: &Document, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"type\":");
    string(out, doc.record_type);
    out.extend_from_slice(b",\"id\":");
    string(out, &doc.id);
    out.extend_from_slice(b",\"path\":");
    string(out, &doc.path);
    out.extend_from_slice(b",\"title\":");
    opt_string(out, doc.title.as_deref());
    out.extend_from_slice(b",\"published\":");
    match &doc.published {
        None => out.extend_from_slice(b"null"),
        Some(p) => {
            out.extend_from_slice(b"{\"value\":");
            string(out, &p.value);
            out.extend_from_slice(b",\"source\":");
            variant(out, &p.source);
            out.push(b'}');
        }
    }
    out.extend_from_slice(b",\"encoding\":");
    string(out, doc.encoding);
    let n = &doc.normalization;
    out.extend_from_slice(b",\"normalization\":{\"composed\":");
    number(out, n.composed);
    out.extend_from_slice(b",\"tone_marks\":");
    number(out, n.tone_marks);
    out.extend_from_slice(b",\"spaces\":");
    number(out, n.spaces);
    out.extend_from_slice(b",\"invisible\":");
    number(out, n.invisible);
    out.extend_from_slice(b",\"line_endings\":");
    number(out, n.line_endings);
    out.extend_from_slice(b",\"look_alikes\":");
    number(out, n.look_alikes);
    let s = &doc.stats;
    out.extend_from_slice(b"},\"stats\":{\"bytes\":");
    number(out, s.bytes);
    out.extend_from_slice(b",\"chars\":");
    number(out, s.chars);
    out.extend_from_slice(b",\"paragraphs\":");
    number(out, s.paragraphs);
    out.extend_from_slice(b",\"sentences\":");
    number(out, s.sentences);
    out.extend_from_slice(b"},\"warnings\":");
    strings(out, &doc.warnings);
    out.extend_from_slice(b",\"dates\":");
    list(out, &doc.dates, date);
    out.extend_from_slice(b",\"actors\":");
    list(out, &doc.actors, actor);
    out.extend_from_slice(b",\"places\":");
    list(out, &doc.places, place);
    out.extend_from_slice(b",\"troop_figures\":");
    list(out, &doc.troop_figures, troop_figure);
    out.push(b'}');
}

fn date(out: &mut Vec<u8>, d: &DateMention) {
    out.extend_from_slice(b"{\"text\":");
    string(out, &d.text);
    out.extend_from_slice(b",\"span\":");
    span(out, d.span);
    out.extend_from_slice(b",\"value\":");
    opt_string(out, d.value.as_deref());
    out.extend_from_slice(b",\"granularity\":");
    variant(out, &d.granularity);
    out.extend_from_slice(b",\"anchor\":");
    variant(out, &d.anchor);
    if let Some(m) = &d.modifier {
        out.extend_from_slice(b",\"modifier\":");
        variant(out, m);
    }
    if let Some(w) = d.weekday {
        out.extend_from_slice(b",\"weekday\":");
        string(out, w);
    }
    if let Some(c) = d.weekday_consistent {
        out.extend_from_slice(if c {
            b",\"weekday_consistent\":true"
        } else {
            b",\"weekday_consistent\":false"
        });
    }
    out.push(b'}');
}

fn actor(out: &mut Vec<u8>, a: &Actor) {
    out.extend_from_slice(b"{\"name\":");
    string(out, &a.name);
    out.extend_from_slice(b",\"kind\":");
    string(out, a.kind.as_str());
    out.extend_from_slice(b",\"name_en\":");
    opt_string(out, a.name_en.as_deref());
    out.extend_from_slice(b",\"aliases\":");
    strings(out, &a.aliases);
    out.extend_from_slice(b",\"roles\":");
    strings(out, &a.roles);
    out.extend_from_slice(b",\"affiliation\":");
    opt_string(out, a.affiliation.as_deref());
    out.extend_from_slice(b",\"mentions\":");
    list(out, &a.mentions, mention);
    out.push(b'}');
}

fn place(out: &mut Vec<u8>, p: &Place) {
    out.extend_from_slice(b"{\"name\":");
    string(out, &p.name);
    out.extend_from_slice(b",\"name_en\":");
    string(out, &p.name_en);
    out.extend_from_slice(b",\"kind\":");
    string(out, &p.kind);
    out.extend_from_slice(b",\"country\":");
    opt_string(out, p.country.as_deref());
    out.extend_from_slice(b",\"aliases\":");
    strings(out, &p.aliases);
    out.extend_from_slice(b",\"mentions\":");
    list(out, &p.mentions, mention);
    out.push(b'}');
}

fn troop_figure(out: &mut Vec<u8>, t: &TroopFigure) {
    out.extend_from_slice(b"{\"text\":");
    string(out, &t.text);
    out.extend_from_slice(b",\"span\":");
    span(out, t.span);
    out.extend_from_slice(b",\"count\":");
    number(out, t.count);
    out.extend_from_slice(b",\"count_max\":");
    match t.count_max {
        Some(c) => number(out, c),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"qualifier\":");
    variant(out, &t.qualifier);
    out.extend_from_slice(b",\"unit\":");
    string(out, &t.unit);
    out.extend_from_slice(b",\"status\":");
    variant(out, &t.status);
    out.extend_from_slice(b",\"sender\":");
    opt_string(out, t.sender.as_deref());
    out.extend_from_slice(b",\"destination\":");
    opt_string(out, t.destination.as_deref());
    out.extend_from_slice(b",\"location\":");
    opt_string(out, t.location.as_deref());
    out.extend_from_slice(b",\"claimed_by\":");
    opt_string(out, t.claimed_by.as_deref());
    out.extend_from_slice(b",\"date\":");
    opt_string(out, t.date.as_deref());
    out.push(b'}');
}

fn mention(out: &mut Vec<u8>, m: &Mention) {
    out.extend_from_slice(b"{\"text\":");
    string(out, &m.text);
    out.extend_from_slice(b",\"span\":");
    span(out, m.span);
    out.push(b'}');
}

fn span(out: &mut Vec<u8>, s: Span) {
    out.push(b'[');
    number(out, s.start);
    out.push(b',');
    number(out, s.end);
    out.push(b']');
}

fn list<T>(out: &mut Vec<u8>, items: &[T], item: fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(out, x);
    }
    out.push(b']');
}

/// A list of strings: [`list`] with [`string`].
fn strings(out: &mut Vec<u8>, items: &[String]) {
    list(out, items, |out, s| string(out, s));
}

/// An enum's name as serde gives it (`"more_than"`): the model's enums
/// carry their names in their serde attributes only.
fn variant<T: Serialize>(out: &mut Vec<u8>, value: &T) {
    // writing a unit variant into a Vec cannot fail
    let _ = serde_json::to_writer(&mut *out, value);
}

fn number(out: &mut Vec<u8>, n: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string, escaped as serde_json escapes it: `"` and `\`, the short
/// escapes for backspace, tab, newline, form feed and carriage return,
/// `\u00XX` (lowercase hex) for the other control characters; everything
/// else as it is.
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Speed: eight bytes at a time while none of them needs escaping,
        // which is nearly always (names, quoted mentions, dates)
        if bytes.get(i..i + 8).is_some_and(eight_clean) {
            i += 8;
            continue;
        }
        // the last few bytes of a string of eight or more: one test of the
        // last eight (overlapping bytes already checked) rather than a test
        // a byte
        if i + 8 > bytes.len() && bytes.len() >= 8 && eight_clean(&bytes[bytes.len() - 8..]) {
            break;
        }
        let b = bytes[i];
        if b >= 0x20 && b != b'"' && b != b'\\' {
            i += 1;
            continue;
        }
        out.extend_from_slice(&bytes[run..i]);
        i += 1;
        run = i;
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xF)]);
            }
        }
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// Whether none of `eight` (eight bytes) needs escaping ([`needs_escape`]).
fn eight_clean(eight: &[u8]) -> bool {
    let mut word = [0u8; 8];
    word.copy_from_slice(eight);
    !needs_escape(u64::from_le_bytes(word))
}

/// Whether any of the eight bytes of `word` is a control character, `"` or
/// `\`. A byte-wise test without branches: `x - 0x01… & !x & 0x80…` is
/// non-zero exactly when some byte of `x` is zero (and `x - 0x20… & !x`
/// when some byte is below 0x20); a borrow can only follow a byte that
/// already set it.
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH != 0;
    control
        || has_zero(word ^ (ONES * u64::from(b'"')))
        || has_zero(word ^ (ONES * u64::from(b'\\')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options, Source};

    fn compact(doc: &Document) -> Vec<u8> {
        let mut out = Vec::new();
        document(doc, &mut out);
        out
    }

    fn source(id: &str, text: &str) -> Source {
        Source {
            id: id.to_string(),
            path: format!("dir/\"{id}\"\\\t.txt"),
            text: text.to_string(),
            bytes: text.len(),
            encoding: "utf-8",
            warnings: vec!["a \u{1}warning\u{7f}".to_string()],
            published: None,
        }
    }

    #[test]
    fn agrees_with_serde() {
        let mut texts: Vec<String> = std::fs::read_dir("seeds")
            .expect("seeds folder")
            .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("seed"))
            .collect();
        assert!(texts.len() >= 5, "the seeds are the main case");
        texts.extend(
            [
                " date 2025-11-08 Tiêu đề \"trích\" \\ dẫn\n\nNgày 7/11, ông Kim Jong-un \u{8}\u{c}\u{1b} nói \"khoảng 15.000 quân\" sang Nga.\r\n",
                "Tháng 10/2024, khoảng 11.000 đến 12.000 binh sĩ Triều Tiên tới Kursk (Nga)\u{0}.",
                "",
                "\u{301}\u{feff}\u{a0}",
            ]
            .map(str::to_string),
        );
        for (i, text) in texts.iter().enumerate() {
            let doc = analyze(&source(&format!("d{i}"), text), &Options::default());
            let want = serde_json::to_vec(&doc).expect("serde");
            assert_eq!(
                String::from_utf8_lossy(&compact(&doc)),
                String::from_utf8_lossy(&want),
                "text {i}"
            );
        }
    }

    #[test]
    fn needs_escape_agrees_with_the_byte_test_for_every_byte_and_place() {
        let escaped = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
        for filler in [b'a', b' ', b'!', 0x7f, 0x80, 0xc3, 0xff] {
            for b in 0..=255u8 {
                for at in 0..8 {
                    let mut word = [filler; 8];
                    word[at] = b;
                    assert_eq!(
                        needs_escape(u64::from_le_bytes(word)),
                        escaped(b),
                        "byte {b:#04x} at {at} among {filler:#04x}"
                    );
                }
            }
        }
    }

    #[test]
    fn strings_escape_as_serde_does_at_every_position() {
        let specials = [
            '"', '\\', '\u{0}', '\u{8}', '\t', '\n', '\u{c}', '\r', '\u{1f}', '\u{7f}', ' ', 'ệ',
        ];
        for len in 0..20 {
            for at in 0..len.max(1) {
                for c in specials {
                    let mut text: String = "abcdefghijklmnopqrstu"[..len].to_string();
                    if len > 0 {
                        text.replace_range(at..at + 1, &c.to_string());
                    }
                    let mut out = Vec::new();
                    string(&mut out, &text);
                    let want = serde_json::to_vec(&text).expect("serde");
                    assert_eq!(out, want, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn every_optional_field_agrees_with_serde() {
        use crate::model::*;
        let mut doc = analyze(
            &source("x", "Ngày 7/11, khoảng 15.000 quân Triều Tiên tới Nga."),
            &Options::default(),
        );
        doc.title = Some("t\u{2028}".to_string());
        doc.published = Some(Published {
            value: "2025-11-08".to_string(),
            source: PublishedSource::Inferred,
        });
        for d in &mut doc.dates {
            d.modifier = Some(Modifier::Late);
            d.weekday = Some("friday");
            d.weekday_consistent = Some(false);
        }
        for t in &mut doc.troop_figures {
            t.count_max = Some(u64::MAX);
            t.sender = Some("KP".to_string());
            t.claimed_by = Some("\"NIS\"".to_string());
        }
        assert!(!doc.dates.is_empty() && !doc.troop_figures.is_empty());
        let want = serde_json::to_vec(&doc).expect("serde");
        assert_eq!(
            String::from_utf8_lossy(&compact(&doc)),
            String::from_utf8_lossy(&want)
        );
    }
}
