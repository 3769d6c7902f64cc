//! Vietnamese numbers: digits with Vietnamese or English separators, scale
//! words, number words, and vague amounts.
//!
//! Separator rule (documented in the README): Vietnamese writes `.` (or a
//! space) between thousands and `,` before decimals: `15.000` is fifteen
//! thousand, `1,5 triệu` one and a half million. A comma followed by exactly
//! three digits and no scale word (`15,000`) is read the English way, as
//! thousands, because a Vietnamese decimal with three places and no unit is
//! rare in news; with a scale word (`1,500 tỷ`) it stays a decimal. A dot
//! followed by other than three digits (`1.5 triệu`) is a decimal point.
//!
//! Forms: `15.000`, `15 000`, `15000`, `15,000`, `1,5 triệu`, `10 nghìn` /
//! `10 ngàn`, `12 vạn`, words (`ba nghìn`, `mười lăm nghìn`, `một trăm`,
//! `hai mươi lăm`), a half of the scale word before it (`nghìn rưỡi` = 1 500,
//! `1 triệu rưỡi`), mixed (`hơn 10 nghìn`: the qualifier is the caller's),
//! and vague amounts (`hàng nghìn` = at least 1 000, `hàng chục nghìn` = at
//! least 10 000, `vài trăm` = at least 200), whose value is the lower bound.

use crate::gazetteer::{KeyWords, WordHashSet};
use regex::Regex;
use std::sync::OnceLock;

/// A number found in text (normalized offsets).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberMatch {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The value (lower bound for vague amounts).
    pub value: f64,
    /// True for vague amounts (`hàng nghìn`).
    pub vague: bool,
    /// True when written in words (`ba nghìn`).
    pub words: bool,
}

/// The value of a scale word.
pub fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "trăm" => 100.0,
        "nghìn" | "ngàn" => 1e3,
        "vạn" => 1e4,
        "triệu" => 1e6,
        "tỷ" | "tỉ" => 1e9,
        _ => return None,
    })
}

fn digit_word(word: &str) -> Option<u64> {
    Some(match word {
        "không" => 0,
        "một" | "mốt" => 1,
        "hai" => 2,
        "ba" => 3,
        "bốn" | "tư" => 4,
        "năm" | "lăm" => 5,
        "sáu" => 6,
        "bảy" | "bẩy" => 7,
        "tám" => 8,
        "chín" => 9,
        _ => return None,
    })
}

/// A small count written in digits or as one word (`3`, `ba`, `mười`).
pub fn small_number(word: &str) -> Option<u64> {
    let w = word.to_lowercase();
    if !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    if w == "mười" {
        return Some(10);
    }
    digit_word(&w).filter(|&d| d > 0)
}

/// Parse digits as written in Vietnamese text (see the module docs).
/// `has_scale` tells whether a scale word follows.
pub fn parse_digits(s: &str, has_scale: bool) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if s.contains(['.', ' ', '\u{00A0}']) {
        // thousands groups, with an optional decimal comma at the very end
        let (int_part, frac) = match s.split_once(',') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        let groups: Vec<&str> = int_part.split(['.', ' ', '\u{00A0}']).collect();
        let grouped =
            (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
        if grouped {
            let mut joined: String = groups.concat();
            if let Some(f) = frac {
                joined.push('.');
                joined.push_str(f);
            }
            return joined.parse().ok();
        }
        // a decimal point: 1.5
        if frac.is_none() && groups.len() == 2 && s.contains('.') {
            return s.parse().ok();
        }
        return None;
    }
    if let Some((int, frac)) = s.split_once(',') {
        if frac.len() == 3 && !has_scale && int.len() <= 3 {
            return format!("{int}{frac}").parse().ok();
        }
        return format!("{int}.{frac}").parse().ok();
    }
    s.parse().ok()
}

/// Parse a sequence of Vietnamese number words (`mười lăm nghìn`).
pub fn parse_words(words: &[&str]) -> Option<u64> {
    let mut total: u64 = 0;
    let mut group: u64 = 0;
    let mut last: u64 = 0;
    let mut any = false;
    // the scale word just read (`rưỡi` is half of it)
    let mut scale_before: Option<u64> = None;
    for &w in words {
        let w = w.to_lowercase();
        any = true;
        let previous_scale = scale_before.take();
        match w.as_str() {
            // `nghìn rưỡi` = 1 500, `hai trăm rưỡi` = 250: half the scale
            // word before it, and nothing else
            "rưỡi" => {
                match previous_scale? {
                    // hundreds are still in the group a later scale word
                    // multiplies (`trăm rưỡi nghìn`)
                    100 => group += 50,
                    mult => total += mult / 2,
                }
            }
            "mười" => {
                group += 10;
                last = 0;
            }
            "mươi" => {
                group += last * 10;
                last = 0;
            }
            // `chục` (ten): `chục nghìn` = 10 000, `hai chục` = 20
            "chục" => {
                group += last.max(1) * 10;
                last = 0;
            }
            "trăm" => {
                group += last * 100;
                last = 0;
                scale_before = Some(100);
            }
            "linh" | "lẻ" => {}
            "nghìn" | "ngàn" | "vạn" | "triệu" | "tỷ" | "tỉ" => {
                let mult = scale(&w)? as u64;
                let g = group + last;
                total += if g == 0 { 1 } else { g } * mult;
                group = 0;
                last = 0;
                scale_before = Some(mult);
            }
            other => {
                last = digit_word(other)?;
            }
        }
    }
    any.then_some(total + group + last)
}

const NUMBER_WORDS: &[&str] = &[
    "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "bẩy", "tám", "chín",
    "mười", "mươi", "chục", "trăm", "nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ", "linh", "lẻ",
    "rưỡi",
];

/// The first bytes of [`NUMBER_WORDS`], in lowercase and capitalized (all
/// number words begin with an ASCII letter).
const NUMBER_WORD_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < NUMBER_WORDS.len() {
        let b = NUMBER_WORDS[i].as_bytes()[0];
        table[b as usize] = true;
        table[b.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    table
};

/// Every number word by its [`KeyWords::hash`], to look the words of a
/// sentence up by: every word of every sentence with a troop cue is looked
/// up here (a 256-bit filter turns most other words away).
fn number_word_hashes() -> &'static WordHashSet<4> {
    static HASHES: OnceLock<WordHashSet<4>> = OnceLock::new();
    HASHES.get_or_init(|| WordHashSet::new(NUMBER_WORDS))
}

fn digits_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)\d{1,3}(?:[.\u{00A0} ]\d{3})+(?:,\d+)?(?-u:\b)|(?-u:\b)\d+(?:[.,]\d+)?(?-u:\b)(?:\s*(?:nghìn|ngàn|vạn|triệu|tỷ|tỉ|trăm))?")
            .expect("digits regex")
    })
}

fn vague_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?P<q>hàng|vài|mấy|dăm)\s+(?P<s1>chục|trăm|nghìn|ngàn|vạn|triệu)(?:\s+(?P<s2>nghìn|ngàn|triệu))?")
            .expect("vague regex")
    })
}

/// A number word, in lowercase or capitalized (at a sentence start).
fn is_number_word(w: &str) -> bool {
    // most words fail on their first byte (a table built from the list)
    if w.len() > 8
        || !w
            .as_bytes()
            .first()
            .is_some_and(|&b| NUMBER_WORD_FIRST_BYTES[usize::from(b)])
    {
        return false;
    }
    if NUMBER_WORDS.contains(&w) {
        return true;
    }
    // capitalized: compare without building the lowercase word (this runs
    // on every word of a sentence with a troop unit)
    let mut chars = w.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {
            let (lower, rest) = (crate::normalize::lower_char(c), chars.as_str());
            NUMBER_WORDS
                .iter()
                .any(|n| n.len() == w.len() && n.strip_prefix(lower) == Some(rest))
        }
        _ => false,
    }
}

/// Every number in `text[from..to]`, sorted by position, longest first on
/// ties. `key` is the match key of `text` and `words` its words.
pub fn find(text: &str, key: &str, words: &KeyWords, from: usize, to: usize) -> Vec<NumberMatch> {
    let hay = &text[from..to];
    let mut out = Vec::new();
    for m in digits_re().find_iter(hay) {
        let mut raw = m.as_str();
        if !hay[m.end()..]
            .chars()
            .next()
            .is_some_and(crate::normalize::is_word_char)
        {
            // fine as it is
        } else if let Some((d, _)) = raw.rsplit_once(|c: char| c.is_whitespace()) {
            // a scale word that is only the start of a longer word
            raw = d;
        }
        let m_end = m.start() + raw.len();
        // split off a scale word
        let (digits, scale_word) = match raw.rsplit_once(|c: char| c.is_whitespace()) {
            Some((d, w)) if scale(w).is_some() => (d, Some(w)),
            _ => (raw, None),
        };
        let Some(base) = parse_digits(digits, scale_word.is_some()) else {
            continue;
        };
        let scale_value = scale_word.and_then(scale);
        let mut value = base * scale_value.unwrap_or(1.0);
        // `1 triệu rưỡi`, `3 nghìn rưỡi`: and a half of the scale word
        let mut m_end = m_end;
        if let Some(unit) = scale_value {
            let after = &hay[m_end..];
            let gap = after.len() - after.trim_start().len();
            if gap > 0
                && after[gap..].starts_with("rưỡi")
                && super::word_edges(hay, m_end + gap, m_end + gap + "rưỡi".len())
            {
                value += unit / 2.0;
                m_end += gap + "rưỡi".len();
            }
        }
        out.push(NumberMatch {
            start: from + m.start(),
            end: from + m_end,
            value,
            vague: false,
            words: false,
        });
    }
    for c in vague_re().captures_iter(hay) {
        let whole = c.get(0).expect("group 0");
        if !super::word_edges(hay, whole.start(), whole.end()) {
            continue;
        }
        let unit = |n: &str| -> f64 {
            match n.to_lowercase().as_str() {
                "chục" => 10.0,
                other => scale(other).unwrap_or(1.0),
            }
        };
        let mut v = unit(&c["s1"]);
        if let Some(s2) = c.name("s2") {
            v *= unit(s2.as_str());
        }
        let q = c["q"].to_lowercase();
        if q == "vài" || q == "mấy" || q == "dăm" {
            v *= 2.0;
        }
        out.push(NumberMatch {
            start: from + whole.start(),
            end: from + whole.end(),
            value: v,
            vague: true,
            words: true,
        });
    }
    // number words: maximal runs of number words separated by spaces only
    // (then no other word lies between them); only number words are kept
    // the key's words, already hashed: a number word is found by its hash
    // without reading the other words again
    let hashes = number_word_hashes();
    let words: Vec<(usize, &str)> = words
        .starting_in(from, to)
        .filter(|&(_, hash)| hashes.contains(hash))
        .filter_map(|(start, _)| {
            let end = key[start..to].find(' ').map_or(to, |i| start + i);
            let word = &text[start..end];
            is_number_word(word).then_some((start - from, word))
        })
        .collect();
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j + 1 < words.len()
            && hay[words[j].0 + words[j].1.len()..words[j + 1].0]
                .trim()
                .is_empty()
        {
            j += 1;
        }
        let run: Vec<&str> = words[i..=j].iter().map(|(_, w)| *w).collect();
        if let Some(v) = parse_words(&run) {
            let (s, e) = (words[i].0, words[j].0 + words[j].1.len());
            if !out.iter().any(|m| m.start < from + e && from + s < m.end) {
                out.push(NumberMatch {
                    start: from + s,
                    end: from + e,
                    value: v as f64,
                    vague: false,
                    words: true,
                });
            }
        }
        i = j + 1;
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_word_look_up_finds_every_number_word_and_no_other() {
        let hashes = number_word_hashes();
        for w in NUMBER_WORDS {
            assert!(hashes.contains(KeyWords::hash(w)), "{w}");
        }
        for w in [
            "quân", "binh", "lính", "người", "nga", "triều", "tiên", "mươi1",
        ] {
            assert!(!hashes.contains(KeyWords::hash(w)), "{w}");
        }
    }

    #[test]
    fn digits() {
        let table: &[(&str, bool, Option<f64>)] = &[
            ("15.000", false, Some(15000.0)),
            ("15 000", false, Some(15000.0)),
            ("15000", false, Some(15000.0)),
            ("1.500.000", false, Some(1_500_000.0)),
            ("1,5", true, Some(1.5)),
            ("15,000", false, Some(15000.0)),
            ("1,500", true, Some(1.5)),
            ("1.5", true, Some(1.5)),
            ("12.345,6", false, Some(12345.6)),
            ("abc", false, None),
        ];
        for (s, scale, want) in table {
            assert_eq!(parse_digits(s, *scale), *want, "{s}");
        }
    }

    #[test]
    fn words() {
        let table: &[(&str, u64)] = &[
            ("ba nghìn", 3000),
            ("mười lăm nghìn", 15000),
            ("một trăm", 100),
            ("hai mươi lăm", 25),
            ("một nghìn năm trăm", 1500),
            ("mười hai vạn", 120_000),
            ("một trăm nghìn", 100_000),
            ("hai triệu", 2_000_000),
            ("nghìn", 1000),
            // `rưỡi`: and a half of the scale word just before it
            ("nghìn rưỡi", 1500),
            ("hai nghìn rưỡi", 2500),
            ("một triệu rưỡi", 1_500_000),
            ("hai trăm rưỡi", 250),
            ("ba vạn rưỡi", 35_000),
            ("chục nghìn", 10_000),
            ("hai chục", 20),
            ("ba chục nghìn", 30_000),
        ];
        for (s, want) in table {
            let w: Vec<&str> = s.split(' ').collect();
            assert_eq!(parse_words(&w), Some(*want), "{s}");
        }
        assert_eq!(parse_words(&["lính"]), None);
        // half of no scale word: not a number (`một rưỡi` is an hour and a
        // half, `rưỡi` alone no amount)
        assert_eq!(parse_words(&["một", "rưỡi"]), None);
        assert_eq!(parse_words(&["rưỡi"]), None);
    }

    #[test]
    fn a_half_after_digits_and_a_scale_word() {
        assert_eq!(
            values("khoảng 1 triệu rưỡi quân"),
            [("1 triệu rưỡi".into(), 1_500_000.0, false)]
        );
        assert_eq!(
            values("3 nghìn rưỡi binh sĩ"),
            [("3 nghìn rưỡi".into(), 3500.0, false)]
        );
        assert_eq!(
            values("một nghìn rưỡi lính"),
            [("một nghìn rưỡi".into(), 1500.0, false)]
        );
        // `rưỡi` after digits alone, or after an hour, is no half of them
        assert_eq!(values("lúc 3 rưỡi"), [("3".into(), 3.0, false)]);
        assert_eq!(values("lúc 3 giờ rưỡi"), [("3".into(), 3.0, false)]);
    }

    fn values(text: &str) -> Vec<(String, f64, bool)> {
        let key = crate::normalize::match_key(text);
        find(text, &key, &KeyWords::of(&key), 0, text.len())
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.value, m.vague))
            .collect()
    }

    #[test]
    fn finds_numbers_in_sentences() {
        assert_eq!(
            values("khoảng 15.000 quân"),
            [("15.000".into(), 15000.0, false)]
        );
        assert_eq!(
            values("hơn 1,5 triệu người"),
            [("1,5 triệu".into(), 1_500_000.0, false)]
        );
        assert_eq!(
            values("10 nghìn binh sĩ"),
            [("10 nghìn".into(), 10_000.0, false)]
        );
        assert_eq!(values("12 vạn quân"), [("12 vạn".into(), 120_000.0, false)]);
        assert_eq!(
            values("hàng nghìn lính"),
            [("hàng nghìn".into(), 1000.0, true)]
        );
        assert_eq!(
            values("hàng chục nghìn quân"),
            [("hàng chục nghìn".into(), 10_000.0, true)]
        );
        assert_eq!(
            values("vài trăm binh sĩ"),
            [("vài trăm".into(), 200.0, true)]
        );
        assert_eq!(
            values("ba nghìn binh sĩ"),
            [("ba nghìn".into(), 3000.0, false)]
        );
        assert_eq!(values("10.000-12.000 binh sĩ").len(), 2);
    }

    #[test]
    fn small_numbers() {
        assert_eq!(small_number("3"), Some(3));
        assert_eq!(small_number("hai"), Some(2));
        assert_eq!(small_number("mười"), Some(10));
        assert_eq!(small_number("nay"), None);
    }
}
