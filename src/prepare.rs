//! Preparation: turn decoded text into what extractors read.
//!
//! This module owns the document's structure: the optional header line
//! (` date 2025-11-08 <title>`), the title, paragraph and sentence
//! boundaries, and the lowercase match key. It runs the normalizer once and
//! keeps its offset map, so every extractor works on the same
//! [`Prepared`] view and maps its matches back through
//! [`Prepared::span`].

use crate::gazetteer::KeyWords;
use crate::model::Span;
use crate::normalize::{key_with_words, normalize, Normalized};
use std::ops::Range;

/// A calendar date that may lack its day (or month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    /// The year.
    pub year: i32,
    /// Month 1–12, if known.
    pub month: Option<u32>,
    /// Day of month, if known (only with a month).
    pub day: Option<u32>,
}

impl PartialDate {
    /// ISO 8601 text: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

/// What the header line says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// The publication date, when the header has a valid one.
    pub published: Option<PartialDate>,
    /// The title.
    pub title: Option<String>,
    /// A problem with the header (an impossible date).
    pub warning: Option<String>,
    /// Byte offset in the normalized text where article text begins (after
    /// the `date YYYY-MM-DD` token, so the date is not extracted as text).
    pub body_start: usize,
}

/// A document ready for extraction.
#[derive(Debug)]
pub struct Prepared<'a> {
    /// The decoded original text; spans index into it.
    pub original: &'a str,
    /// The normalized text and its map.
    pub norm: Normalized,
    /// [`crate::normalize::match_key`] of the normalized text: same offsets, lowercase,
    /// punctuation as spaces.
    pub key: String,
    /// The words of [`Prepared::key`], hashed once for every gazetteer
    /// lookup.
    pub key_words: KeyWords,
    /// Header facts.
    pub header: Header,
    /// Sentence ranges in the normalized text, in order, from `body_start`.
    pub sentences: Vec<Range<usize>>,
    /// Number of non-empty lines.
    pub paragraphs: usize,
    /// The author's name in a byline that ends the article (`Hải Nam`,
    /// `Minh Anh (Theo Reuters)`): not a place nor a person of the story.
    pub byline: Option<Range<usize>>,
}

impl<'a> Prepared<'a> {
    /// Normalize and segment `original`.
    pub fn new(original: &'a str) -> Prepared<'a> {
        // one pass makes the key and its words, and tells that most texts
        // need no normalization; the others are keyed once normalized
        let (norm, keyed) = match key_with_words(original, true) {
            Some(keyed) => (Normalized::unchanged(original), keyed),
            None => {
                let norm = normalize(original);
                let keyed = key_with_words(&norm.text, false).unwrap_or_default();
                (norm, keyed)
            }
        };
        let key = keyed.key;
        let key_words = KeyWords::from_words(keyed.words);
        let header = parse_header(&norm.text);
        let sentences = split_sentences(&norm.text, header.body_start);
        let paragraphs = norm.text.lines().filter(|l| !l.trim().is_empty()).count();
        let byline = find_byline(&norm.text, header.body_start);
        Prepared {
            original,
            norm,
            key,
            key_words,
            header,
            sentences,
            paragraphs,
            byline,
        }
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.norm.text
    }

    /// Map a normalized range to its original span.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.norm.to_original(start, end)
    }

    /// The original text of a normalized range: what the item's `text` is.
    pub fn original_text(&self, start: usize, end: usize) -> (String, Span) {
        let span = self.span(start, end);
        (self.original[span.start..span.end].to_string(), span)
    }
}

/// Words that may follow the author's name in a byline: `Thúy Nga tổng
/// hợp`, `Minh Anh theo Reuters`, `Hà Linh lược dịch` (a bracket, `(Theo
/// Yonhap)`, may follow it too).
const BYLINE_TAILS: &[&str] = &["tổng hợp", "theo", "lược dịch", "biên dịch", "dịch"];

/// The author's name in the last line of `text[body_start..]`, when that
/// line is a byline: one to four capitalized words or initials (`T.P`),
/// then nothing, a bracket (`(Theo Yonhap)`) or a tail word (`tổng hợp`,
/// `theo`, `dịch` …).
/// A line with sentence punctuation is text, not a byline.
pub fn find_byline(text: &str, body_start: usize) -> Option<Range<usize>> {
    let body = text.get(body_start..)?;
    let trimmed = body.trim_end();
    let line_start = trimmed.rfind('\n').map_or(0, |i| i + 1);
    // the article must have text before its byline
    if line_start == 0 || trimmed.len() - line_start > 80 {
        return None;
    }
    let line = &trimmed[line_start..];
    let lead = line.len() - line.trim_start().len();
    let mut name_end = lead;
    let mut words = 0;
    for (i, word) in line.split_inclusive(' ').scan(0, |at, w| {
        let i = *at;
        *at += w.len();
        Some((i, w))
    }) {
        let word_trim = word.trim_end();
        if word_trim.is_empty() {
            continue;
        }
        let lower = line[i..].to_lowercase();
        if BYLINE_TAILS
            .iter()
            .any(|t| lower.starts_with(t) && !lower[t.len()..].starts_with(char::is_alphanumeric))
            || word_trim.starts_with('(')
        {
            break;
        }
        let capitalized = word_trim.chars().next().is_some_and(char::is_uppercase);
        let letters_and_dots = word_trim
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '-');
        if !capitalized || !letters_and_dots || word_trim.ends_with("..") {
            return None;
        }
        words += 1;
        name_end = i + word_trim.len();
    }
    let rest = line[name_end..].trim();
    let rest_ok = rest.is_empty()
        || (rest.starts_with('(') && rest.ends_with(')'))
        || !rest.contains(['.', '!', '?', ':', ';']);
    ((1..=4).contains(&words) && rest_ok)
        .then(|| body_start + line_start + lead..body_start + line_start + name_end)
}

/// Parse ` date YYYY-MM[-DD] title` at the start of `text`.
pub fn parse_header(text: &str) -> Header {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    let line = &text[..first_line_end];
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let mut header = Header::default();
    if let Some(rest) = trimmed.strip_prefix("date") {
        let after_kw = rest.trim_start();
        let token_len = after_kw
            .find(|c: char| c.is_whitespace())
            .unwrap_or(after_kw.len());
        let token = &after_kw[..token_len];
        if rest.len() > after_kw.len() && looks_like_iso(token) {
            let token_start = lead + 4 + (rest.len() - after_kw.len());
            let after_token = &text[token_start + token_len..first_line_end];
            let title_rel = after_token.len() - after_token.trim_start().len();
            header.body_start = token_start + token_len + title_rel;
            match parse_iso(token) {
                Some(d) => header.published = Some(d),
                None => {
                    header.warning = Some(format!(
                        "header date {token:?} is not a valid date; published left unknown"
                    ))
                }
            }
            let title = after_token.trim();
            if !title.is_empty() {
                header.title = Some(title.to_string());
            }
        }
    }
    if header.title.is_none() {
        // (a time stamp above the headline is none: `08/11/2025 09:12 GMT+7`)
        header.title = text[header.body_start..]
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !is_time_stamp(l))
            .filter(|l| reads_as_headline(l))
            .map(str::to_string);
    }
    header
}

/// Words a publication time stamp is written with besides its numbers
/// (lowercase): weekdays, `Cập nhật`, `GMT`.
const TIME_STAMP_WORDS: &[&str] = &[
    "am", "ba", "bảy", "chủ", "cập", "giờ", "gmt", "hai", "lúc", "ngày", "nhật", "năm", "pm",
    "sáu", "thứ", "tư", "utc", "đăng",
];

/// Whether `line` is a publication time stamp alone (`08/11/2025 09:12
/// GMT+7`, `Thứ Bảy, 8/11/2025, 14:30`, `Cập nhật: 08/11/2025`): a short
/// line with a number whose words are all [`TIME_STAMP_WORDS`].
fn is_time_stamp(line: &str) -> bool {
    line.len() <= 80
        && line.contains(|c: char| c.is_ascii_digit())
        && line
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .all(|w| TIME_STAMP_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Whether the first line of an article without a header is its headline:
/// a headline is short and ends without a full stop; a line that ends with
/// one (`Nhà lãnh đạo Triều Tiên … đưa tin ngày 27/7.`) or opens with a
/// news agency's dateline (`(Dân trí) - Đại tướng …`) is the lead
/// paragraph, and the article then has no title.
fn reads_as_headline(line: &str) -> bool {
    const LONGEST_HEADLINE: usize = 300;
    // (an ellipsis may end a headline: `Nga sẵn sàng đàm phán...`)
    let full_stop = line.ends_with('.') && !line.ends_with("...");
    line.len() <= LONGEST_HEADLINE && !full_stop && !line.starts_with('(')
}

fn looks_like_iso(token: &str) -> bool {
    let b = token.as_bytes();
    (b.len() == 7 || b.len() == 10)
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// Parse `YYYY-MM` or `YYYY-MM-DD`, checking the calendar.
pub fn parse_iso(token: &str) -> Option<PartialDate> {
    let year: i32 = token.get(0..4)?.parse().ok()?;
    let month: u32 = token.get(5..7)?.parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    let day = match token.get(8..10) {
        Some(d) => {
            let d: u32 = d.parse().ok()?;
            chrono::NaiveDate::from_ymd_opt(year, month, d)?;
            Some(d)
        }
        None => None,
    };
    Some(PartialDate {
        year,
        month: Some(month),
        day,
    })
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "St", "TP", "Tp", "tp", "Mr", "Mrs", "Ms", "Dr", "Th", "TS", "ThS", "PGS", "GS", "Gs", "Ts",
    "v.v", "Jr", "Sr", "Co", "Inc", "Ltd", "No", "Vol", "tr", "Ph",
];

/// Split the text from `start` into sentences: at line breaks, and after
/// `.`, `!`, `?`, `…` (with closing quotes or brackets) followed by a space
/// and a capital letter, digit or quote — except after abbreviations and
/// single-letter initials.
pub fn split_sentences(text: &str, start: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // Terminators are found with SIMD searches (memchr), without decoding
    // the characters between: `.`, `!`, `?`, and `…`, which is rare and so
    // searched for separately, its next position in the line remembered
    // (searching again from every terminator would reread a long line).
    let mut ellipsis: Option<(usize, Option<usize>)> = None; // (line end, next `…`)
    split_sentences_with(text, start, |pos, line_end| {
        let stale = match ellipsis {
            Some((end, next)) => end != line_end || next.is_some_and(|e| e < pos),
            None => true,
        };
        if stale {
            let next = ellipsis_finder()
                .find(&bytes[pos..line_end])
                .map(|i| pos + i);
            ellipsis = Some((line_end, next));
        }
        let next_ellipsis = ellipsis.and_then(|(_, next)| next);
        let punct = memchr::memchr3(b'.', b'!', b'?', &bytes[pos..line_end]).map(|i| pos + i);
        match (punct, next_ellipsis) {
            (Some(p), Some(e)) => Some(p.min(e)),
            (p, e) => p.or(e),
        }
    })
}

/// The searcher for `…`, built once: `memmem::find` builds one on every
/// call, which cost more than the search on a line of news text.
fn ellipsis_finder() -> &'static memchr::memmem::Finder<'static> {
    static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    FINDER.get_or_init(|| memchr::memmem::Finder::new("…"))
}

/// [`split_sentences`] with the search for the next terminator given:
/// `next_terminator(pos, line_end)` is the offset of the first `.`, `!`,
/// `?` or `…` in `text[pos..line_end]`.
fn split_sentences_with(
    text: &str,
    start: usize,
    mut next_terminator: impl FnMut(usize, usize) -> Option<usize>,
) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut line_start = start;
    while line_start < bytes.len() {
        let line_end =
            memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |i| line_start + i + 1);
        let mut s = line_start;
        let mut pos = line_start;
        while let Some(at) = next_terminator(pos, line_end) {
            let Some(c) = text[at..line_end].chars().next() else {
                break;
            };
            pos = at + c.len_utf8();
            // closing quotes and brackets stay with the sentence
            let mut end = pos;
            for c2 in text[end..line_end].chars() {
                if !matches!(c2, '"' | '”' | '’' | '\'' | ')' | '»' | '.' | '…') {
                    break;
                }
                end += c2.len_utf8();
            }
            pos = end;
            if end >= line_end || bytes[end] != b' ' {
                continue;
            }
            let next = text[end..line_end].trim_start().chars().next();
            let opens = next.is_some_and(|n| {
                n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '(' | '-')
            });
            if !opens || (c == '.' && before_is_abbreviation(&text[s..at])) {
                continue;
            }
            push_trimmed(text, s, end, &mut out);
            s = end;
        }
        push_trimmed(text, s, line_end, &mut out);
        line_start = line_end;
    }
    out
}

fn before_is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: "J. Biden", "T.P."
    }
    ABBREVIATIONS.contains(&word)
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(s + lead..s + lead + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_end_an_article() {
        fn byline(text: &str) -> Option<&str> {
            find_byline(text, 0).map(|r| &text[r])
        }
        let table: &[(&str, Option<&str>)] = &[
            ("Thân bài.\nHải Nam", Some("Hải Nam")),
            (
                "Thân bài.\n\nMinh Anh (Theo Reuters, Yonhap)\n",
                Some("Minh Anh"),
            ),
            ("Thân bài.\nThúy Nga tổng hợp", Some("Thúy Nga")),
            ("Thân bài.\nT.P", Some("T.P")),
            ("Thân bài.\nHà Linh theo AFP", Some("Hà Linh")),
            // text, not a byline
            ("Thân bài.\nÔng Kim đã tới Nga.", None),
            ("Thân bài.\nNga và Triều Tiên ký hiệp ước", None),
            ("Thân bài.\nMột Hai Ba Bốn Năm", None),
            // a one-line article has no byline
            ("Hải Nam", None),
        ];
        for (text, want) in table {
            assert_eq!(byline(text), *want, "{text:?}");
        }
    }

    #[test]
    fn header_with_day_and_title() {
        let h = parse_header(" date 2025-11-08 Nga - Triều Tiên thắt chặt hợp tác\n\nThân bài.");
        assert_eq!(h.published.unwrap().iso(), "2025-11-08");
        assert_eq!(
            h.title.as_deref(),
            Some("Nga - Triều Tiên thắt chặt hợp tác")
        );
        assert_eq!(h.body_start, " date 2025-11-08 ".len());
    }

    #[test]
    fn a_time_stamp_above_the_headline_is_no_title() {
        for stamp in [
            "08/11/2025 09:12 GMT+7",
            "Thứ Bảy, 8/11/2025, 14:30 (GMT+7)",
            "Cập nhật: 08/11/2025 10:15",
        ] {
            let text = format!("{stamp}\nNga và Triều Tiên hội đàm\n\nHai bên gặp nhau.");
            assert_eq!(
                parse_header(&text).title.as_deref(),
                Some("Nga và Triều Tiên hội đàm"),
                "{stamp}"
            );
        }
        // a headline with a number is still one
        let h = parse_header("Năm 2025: Nga và Triều Tiên hội đàm\n\nHai bên gặp nhau.");
        assert_eq!(
            h.title.as_deref(),
            Some("Năm 2025: Nga và Triều Tiên hội đàm")
        );
    }

    #[test]
    fn header_with_month_only() {
        let h = parse_header(" date 2023-09 Theo hãng tin Reuters (Anh), ...");
        assert_eq!(h.published.unwrap().iso(), "2023-09");
        assert!(h.title.unwrap().starts_with("Theo hãng tin"));
    }

    #[test]
    fn impossible_header_date_warns() {
        let h = parse_header(" date 2025-13-45 Tiêu đề\nabc");
        assert_eq!(h.published, None);
        assert!(h.warning.unwrap().contains("2025-13-45"));
        assert_eq!(h.title.as_deref(), Some("Tiêu đề"));
    }

    #[test]
    fn no_header_title_is_first_line() {
        let h = parse_header("\n\nNgoại trưởng Choe Son Hui nói\n\nThân bài");
        assert_eq!(h.published, None);
        assert_eq!(h.body_start, 0);
        assert_eq!(h.title.as_deref(), Some("Ngoại trưởng Choe Son Hui nói"));
        // a line that merely starts with "date" is not a header
        assert_eq!(parse_header("dated text").published, None);
    }

    #[test]
    fn a_lead_paragraph_is_no_title() {
        // (first line, title)
        let rows: &[(&str, Option<&str>)] = &[
            (
                "Triều Tiên có gửi thêm quân sang Nga?\n\nThân bài.",
                Some("Triều Tiên có gửi thêm quân sang Nga?"),
            ),
            (
                "Ông Putin: Nga sẵn sàng đàm phán...\n\nThân bài.",
                Some("Ông Putin: Nga sẵn sàng đàm phán..."),
            ),
            (
                "Nhà lãnh đạo Triều Tiên Kim Jong Un vừa có cuộc gặp Bộ trưởng Quốc phòng Nga, \
                 truyền thông nhà nước đưa tin ngày 27/7.\nThân bài.",
                None,
            ),
            (
                "(Dân trí) - Đại tướng Phan Văn Giang đã tiếp đoàn Nga\nThân bài.",
                None,
            ),
        ];
        for (text, want) in rows {
            assert_eq!(parse_header(text).title.as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn the_searching_scanner_agrees_with_the_byte_scanner() {
        // every arrangement of a few pieces: terminators, closers, capitals,
        // abbreviations, line ends and other E2-led punctuation
        let pieces = [
            "Ông", " ", ".", "…", "!", "?", "”", "“", "–", "\n", "TP", "a", "9", ")",
        ];
        let mut texts = crate::test_support::arrangements(&pieces, 4);
        texts.push(
            "Ông Kim gặp ông Putin… Hai bên ký 15.000 văn bản! “Không.” Ông nói? Vâng.\nDòng hai"
                .into(),
        );
        for t in &texts {
            for start in (0..=t.len()).filter(|&i| t.is_char_boundary(i)).take(3) {
                assert_eq!(
                    split_sentences(t, start),
                    split_sentences_by_byte(t, start),
                    "{t:?} from {start}"
                );
            }
        }
    }

    /// The oracle: the terminator search [`split_sentences`] replaced, a
    /// byte at a time (`…` by its lead byte, then checked).
    fn split_sentences_by_byte(text: &str, start: usize) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        split_sentences_with(text, start, |mut pos, line_end| loop {
            let at = pos
                + bytes[pos..line_end]
                    .iter()
                    .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))?;
            if bytes[at] != 0xE2 || bytes[at..line_end].starts_with("…".as_bytes()) {
                return Some(at);
            }
            pos = at + 1;
        })
    }

    #[test]
    fn sentences_split_on_punctuation_not_numbers_or_initials() {
        let t = "Ông Kim gặp ông Putin. Hai bên ký 15.000 văn bản tại St. Petersburg. T.P";
        let s: Vec<&str> = split_sentences(t, 0).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            s,
            [
                "Ông Kim gặp ông Putin.",
                "Hai bên ký 15.000 văn bản tại St. Petersburg.",
                "T.P"
            ]
        );
        let t2 = "Dòng một\nDòng hai: “Không.” Ông nói.";
        assert_eq!(split_sentences(t2, 0).len(), 3);
    }
}
