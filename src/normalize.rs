//! Vietnamese text normalization with an exact offset map back to the original.
//!
//! The same word reaches us in many byte forms: precomposed (NFC) or
//! decomposed (NFD, and Windows-1258, which stores tone marks as combining
//! characters), with the tone mark on either vowel of `oa`/`oe`/`uy`
//! (`hoà`/`hòa`, `thuý`/`thúy`, `khoẻ`/`khỏe`), with non-breaking spaces,
//! zero-width characters, look-alike letters (the Latin Eth `Ð` for `Đ`)
//! and CRLF line ends. Extractors must see one form.
//!
//! Two tiers (after charabia's lossless / lossy split):
//! - **lossless** ([`normalize`]): NFC, one tone-mark convention (the
//!   "old" one, `hòa`), plain spaces, no invisible characters, `Đ` for
//!   its look-alikes, LF line ends.
//!   Meaning is preserved; this is the text every extractor reads.
//! - **lossy keys** ([`match_key`], [`fold`]): lowercase (same byte length,
//!   so offsets are shared) for gazetteer matching, and a diacritic fold
//!   (`Triều Tiên` → `trieu tien`, `đ` → `d`) offered as an opt-in fallback,
//!   because Vietnamese tones carry meaning (`Nga` is not `ngà`).
//!
//! Every byte of the normalized text remembers the byte range of the
//! original unit (a base character and its combining marks) it came from,
//! so any match maps back with [`Normalized::to_original`] to a span that
//! slices the original text exactly.

use crate::fast_hash::word_hash;
use crate::model::{NormalizationReport, Span};
use unicode_normalization::char::{compose, decompose_canonical, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// True for a letter or digit. Fast for ASCII and the Latin blocks that
/// Vietnamese uses; falls back to the Unicode tables for the rest.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        c if c.is_ascii() => false,
        '\u{00C0}'..='\u{00D6}'
        | '\u{00D8}'..='\u{00F6}'
        | '\u{00F8}'..='\u{024F}'
        | '\u{1E00}'..='\u{1EFF}' => true,
        c => c.is_alphanumeric(),
    }
}

/// Whether two short byte strings (words, short phrases) are equal, without
/// a call to `memcmp`: the slice comparison calls it, and for strings of a
/// few bytes the call costs more than the comparison. The extractors compare
/// such strings hundreds of times a document (trigger words, key words).
#[inline]
pub(crate) fn short_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    // eight bytes at a time, then the rest
    while i + 8 <= a.len() {
        let (x, y) = (&a[i..i + 8], &b[i..i + 8]);
        if u64::from_ne_bytes(x.try_into().unwrap_or([0; 8]))
            != u64::from_ne_bytes(y.try_into().unwrap_or([0; 8]))
        {
            return false;
        }
        i += 8;
    }
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `hay` starts with `prefix`, as [`short_eq`] compares.
#[inline]
pub(crate) fn short_starts_with(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && short_eq(&hay[..prefix.len()], prefix)
}

/// The words of `s` (runs of letters and digits, see [`is_word_char`]) with
/// their byte offsets.
pub fn words_with_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// True for the precomposed letters of the Latin blocks Vietnamese uses
/// (Latin-1 letters, Extended-A and -B, Extended Additional): letters, and
/// neither combining marks, special spaces nor invisible characters. A
/// fast answer before the Unicode tables.
#[inline]
fn is_latin_letter(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

/// Lowercase one character when its lowercase form is one character of the
/// same UTF-8 length (true of every Vietnamese letter); otherwise the
/// character itself. Fast for ASCII and Vietnamese letters.
#[inline]
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    match u {
        0x41..=0x5A => (u as u8 + 32) as char,
        0..=0x7F => c,
        // Latin-1 capitals À–Þ except ×
        0xC0..=0xDE if u != 0xD7 => char::from_u32(u + 32).unwrap_or(c),
        0xDF..=0xFF => c,
        // Latin Extended Additional (Vietnamese Ạ…Ỹ): capital even, small odd
        0x1EA0..=0x1EF9 => char::from_u32(u | 1).unwrap_or(c),
        0x0102 | 0x0110 | 0x0128 | 0x0168 | 0x01A0 => char::from_u32(u + 1).unwrap_or(c),
        0x01AF => '\u{01B0}',
        // the small ones of those: ă đ ĩ ũ ơ ư
        0x0103 | 0x0111 | 0x0129 | 0x0169 | 0x01A1 | 0x01B0 => c,
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        }
    }
}

/// Whether `original` needs any change (combining marks, special or
/// invisible characters, carriage returns, or a tone mark to move). Most
/// files do not: they skip the map entirely.
///
/// Speed: every file is checked, so the letters Vietnamese is written with
/// are recognized from their UTF-8 bytes (tables built at compile time
/// from [`is_toned_final`]) and only other characters are decoded;
/// [`needs_normalization_by_char`] is the plain reading it must agree with.
fn needs_normalization(original: &str) -> bool {
    let bytes = original.as_bytes();
    if memchr::memchr(b'\r', bytes).is_some() {
        return true;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            continue;
        }
        // Latin-1 letters U+00C0–U+00FF (lead byte C3), Latin Extended-A/B
        // U+0100–U+023F (C4–C8) and Latin Extended Additional U+1E00–U+1EFF
        // (E1 B8–BB) are never combining marks, spaces or invisible: only a
        // toned a/e/y among them needs a look at its neighbours
        let toned = match (b, bytes.get(i + 1), bytes.get(i + 2)) {
            // `Ð`, `ð`: look-alikes of `Đ`, `đ`
            (0xC3, Some(0x90 | 0xB0), _) => return true,
            (0xC3, Some(&b1), _) if b1 & 0xC0 == 0x80 => {
                Some((TONED_LATIN1[usize::from(b1 & 0x3F)], 2))
            }
            (0xC4..=0xC8, Some(&b1), _) if b1 & 0xC0 == 0x80 => Some((false, 2)),
            (0xE1, Some(&b1 @ 0xB8..=0xBB), Some(&b2)) if b2 & 0xC0 == 0x80 => {
                let k = usize::from(b1 - 0xB8) << 6 | usize::from(b2 & 0x3F);
                Some((TONED_EXTENDED_ADDITIONAL[k], 3))
            }
            _ => None,
        };
        match toned {
            Some((false, len)) => i += len,
            Some((true, len)) => {
                if toned_final_moves(original, i, i + len) {
                    return true;
                }
                i += len;
            }
            None => {
                let Some(c) = original[i..].chars().next() else {
                    break;
                };
                if char_needs_change(original, c, i) {
                    return true;
                }
                i += c.len_utf8();
            }
        }
    }
    false
}

/// Whether the character `c` at `original[i..]` needs a change: a combining
/// mark, a special space, an invisible character, or a toned final whose
/// mark moves.
fn char_needs_change(original: &str, c: char, i: usize) -> bool {
    (!is_latin_letter(c) && (is_combining_mark(c) || is_special_space(c) || is_invisible(c)))
        || look_alike(c).is_some()
        || (is_toned_final(c) && toned_final_moves(original, i, i + c.len_utf8()))
}

/// A toned a/e/y at `original[start..end]` after o/u (not `qu`) at the end
/// of a word: hoà, thuý, khoẻ, whose mark moves to the o/u.
fn toned_final_moves(original: &str, start: usize, end: usize) -> bool {
    let mut before = original[..start].chars().rev();
    let (prev, prev2) = (before.next(), before.next());
    matches!(prev, Some('o' | 'u' | 'O' | 'U'))
        && !matches!(prev2, Some('q' | 'Q'))
        && !original[end..].starts_with(is_word_char)
}

/// The plain reading of [`needs_normalization`], character by character:
/// the oracle of its tests.
#[cfg(test)]
fn needs_normalization_by_char(original: &str) -> bool {
    original.contains('\r')
        || original
            .char_indices()
            .any(|(i, c)| !c.is_ascii() && char_needs_change(original, c, i))
}

/// [`is_toned_final`] of U+00C0 + k, by the last byte's low six bits k.
const TONED_LATIN1: [bool; 64] = toned_table::<64>(0x00C0);

/// [`is_toned_final`] of U+1E00 + k.
const TONED_EXTENDED_ADDITIONAL: [bool; 256] = toned_table::<256>(0x1E00);

const fn toned_table<const N: usize>(first: u32) -> [bool; N] {
    let mut table = [false; N];
    let mut k = 0;
    while k < N {
        table[k] = match char::from_u32(first + k as u32) {
            Some(c) => is_toned_final(c),
            None => false,
        };
        k += 1;
    }
    table
}

/// A toned `a`, `e` or `y`: the vowels whose tone mark may sit on the
/// second vowel of `oa`, `oe`, `uy`.
const fn is_toned_final(c: char) -> bool {
    matches!(
        c,
        'à' | 'á'
            | 'ả'
            | 'ã'
            | 'ạ'
            | 'è'
            | 'é'
            | 'ẻ'
            | 'ẽ'
            | 'ẹ'
            | 'ỳ'
            | 'ý'
            | 'ỷ'
            | 'ỹ'
            | 'ỵ'
            | 'À'
            | 'Á'
            | 'Ả'
            | 'Ã'
            | 'Ạ'
            | 'È'
            | 'É'
            | 'Ẻ'
            | 'Ẽ'
            | 'Ẹ'
            | 'Ỳ'
            | 'Ý'
            | 'Ỷ'
            | 'Ỹ'
            | 'Ỵ'
    )
}

/// The lossless normalized form of a text, with its map to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalized text that extractors read.
    pub text: String,
    /// For every byte of `text`, the original `[start, end)` it came from;
    /// `None` when the text did not change (the map is the identity).
    map: Option<Vec<(u32, u32)>>,
    /// What was changed.
    pub report: NormalizationReport,
}

impl Normalized {
    /// Map a `[start, end)` byte range of the normalized text to the range of
    /// the original text it was made from. Both ends must lie on character
    /// boundaries of the normalized text.
    pub fn to_original(&self, start: usize, end: usize) -> Span {
        match &self.map {
            None => Span::new(start, end),
            Some(map) => {
                if map.is_empty() {
                    return Span::new(0, 0);
                }
                let s = map[start.min(map.len() - 1)].0 as usize;
                if end <= start {
                    return Span::new(s, s);
                }
                let e = map[(end - 1).min(map.len() - 1)].1 as usize;
                Span::new(s, e.max(s))
            }
        }
    }

    /// True when normalization changed nothing.
    pub fn is_identity(&self) -> bool {
        self.map.is_none()
    }
}

/// Characters replaced by a plain space.
fn is_special_space(c: char) -> bool {
    // (the zero-width space too: it marks a boundary between words,
    // `Cận\u{200B}Bình` is two)
    matches!(
        c,
        '\u{00A0}' | '\u{2000}'..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Characters removed entirely (they carry no text).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// The Vietnamese letter a look-alike character stands for: the Latin Eth
/// (`Ð`, `ð`, U+00D0 and U+00F0), which legacy encodings, converters and
/// keyboards put for `Đ`, `đ` (`Ðà Nẵng`). Same UTF-8 length.
fn look_alike(c: char) -> Option<char> {
    match c {
        '\u{00D0}' => Some('Đ'),
        '\u{00F0}' => Some('đ'),
        _ => None,
    }
}

/// Tone marks of Vietnamese as combining characters.
fn is_tone_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}'
    )
}

/// Builder that writes normalized output and its map together.
struct Writer {
    text: String,
    map: Vec<(u32, u32)>,
    /// Output byte index where the current word began.
    word_start: Option<usize>,
}

impl Writer {
    fn with_capacity(len: usize) -> Writer {
        Writer {
            text: String::with_capacity(len),
            map: Vec::with_capacity(len),
            word_start: None,
        }
    }

    /// End the last word and hand over the text, with its map only when
    /// something changed.
    fn finish(mut self, mut report: NormalizationReport) -> Normalized {
        finish_word(&mut self, &mut report);
        let changed = report != NormalizationReport::default();
        Normalized {
            map: if changed { Some(self.map) } else { None },
            text: self.text,
            report,
        }
    }

    fn push_char(&mut self, c: char, range: (u32, u32)) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.map.push(range);
        }
    }

    fn push_str(&mut self, s: &str, range: (u32, u32)) {
        self.text.push_str(s);
        for _ in 0..s.len() {
            self.map.push(range);
        }
    }

    /// Write one unit, `original[unit]`: the base character `c` and, when
    /// `combined`, the combining marks after it (composed to NFC); a word
    /// ends before a unit that is not a letter. Line endings become `\n`,
    /// special spaces a space, invisible characters nothing.
    fn write_unit(
        &mut self,
        original: &str,
        c: char,
        unit: std::ops::Range<usize>,
        combined: bool,
        report: &mut NormalizationReport,
    ) {
        let range = (unit.start as u32, unit.end as u32);
        let next = original.as_bytes().get(unit.end).copied();
        let unit = &original[unit];
        let is_letter = if c.is_ascii() {
            c.is_ascii_alphabetic()
        } else {
            is_latin_letter(c) || c.is_alphabetic()
        };
        if !is_letter {
            finish_word(self, report);
        } else if self.word_start.is_none() {
            self.word_start = Some(self.text.len());
        }
        if combined {
            let before = self.text.len();
            // one or two marks (every letter of NFD Vietnamese): compose
            // them in turn; the general composition algorithm when that
            // fails (a test checks both against full NFC)
            let mut marks = unit[c.len_utf8()..].chars();
            let composed = match (marks.next(), marks.next(), marks.next()) {
                (Some(m1), None, _) => compose(c, m1),
                (Some(m1), Some(m2), None) => compose(c, m1).and_then(|x| compose(x, m2)),
                _ => None,
            };
            match composed {
                Some(composed) => self.text.push(composed),
                None => self.text.extend(unit.nfc()),
            }
            let added = self.text.len() - before;
            self.map.extend(std::iter::repeat_n(range, added));
            if &self.text[before..] != unit {
                report.composed += 1;
            }
            return;
        }
        match c {
            '\r' => {
                report.line_endings += 1;
                if next != Some(b'\n') {
                    self.push_char('\n', range);
                }
            }
            c if is_special_space(c) => {
                report.spaces += 1;
                self.push_char(' ', range);
            }
            c if is_invisible(c) => {
                report.invisible += 1;
            }
            c => match look_alike(c) {
                Some(letter) => {
                    report.look_alikes += 1;
                    self.push_char(letter, range);
                }
                None => self.push_str(unit, range),
            },
        }
    }
}

impl Normalized {
    /// The normalized form of a text that needs no change: itself.
    pub fn unchanged(text: &str) -> Normalized {
        Normalized {
            text: text.to_string(),
            map: None,
            report: NormalizationReport::default(),
        }
    }
}

/// Normalize `original` (see the module docs). Never fails.
///
/// Speed: one file in ten or so needs this (NFD text above all), and it
/// used to cost eight times the rest of the preparation. Runs of ASCII
/// characters that stay as they are (no combining mark follows, not a
/// carriage return) are copied whole, with their identity map; only the
/// other characters go one unit (a character and its combining marks) at
/// a time. The tone-mark move at a word's end (`finish_word`) can only
/// apply when the word's last character is not ASCII, so inside a run a
/// word just ends. `tests::runs_agree_with_the_unit_loop` checks it
/// against the plain loop, which the tests keep.
pub fn normalize(original: &str) -> Normalized {
    if !needs_normalization(original) {
        return Normalized::unchanged(original);
    }
    let bytes = original.as_bytes();
    let mut w = Writer::with_capacity(original.len());
    let mut report = NormalizationReport::default();
    let mut i = 0;
    while i < bytes.len() {
        // a run starts after a unit written alone (or at the start)
        let run = i;
        while let Some(&b) = bytes.get(i) {
            if !b.is_ascii() || b == b'\r' || combining_mark_at(original, i + 1) {
                break;
            }
            if b.is_ascii_alphabetic() {
                if w.word_start.is_none() {
                    w.word_start = Some(w.text.len() + (i - run));
                }
            } else if w.word_start.is_some() {
                if i == run {
                    // the word ends with the unit before the run
                    finish_word(&mut w, &mut report);
                } else {
                    // an ASCII letter ends the word: no tone mark moves
                    w.word_start = None;
                }
            }
            i += 1;
        }
        if i > run {
            w.text.push_str(&original[run..i]);
            w.map.extend((run..i).map(|k| (k as u32, k as u32 + 1)));
        }
        let Some(c) = original[i..].chars().next() else {
            break;
        };
        // one unit: a base character and the combining marks after it
        let start = i;
        let mut end = start + c.len_utf8();
        let mut combined = false;
        while combining_mark_at(original, end) {
            combined = true;
            end += original[end..].chars().next().map_or(1, char::len_utf8);
        }
        i = end;
        w.write_unit(original, c, start..end, combined, &mut report);
    }
    w.finish(report)
}

/// Whether a combining mark that [`normalize`] joins to the character
/// before it starts at byte `at` of `text` (none before U+0300, lead byte
/// CC, so most bytes are answered without decoding).
#[inline]
fn combining_mark_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(&b) if b >= 0xCC => text[at..]
            .chars()
            .next()
            .is_some_and(|m| !is_latin_letter(m) && is_combining_mark(m)),
        _ => false,
    }
}

/// At the end of a word, move a tone mark written on the second vowel of a
/// final `oa`, `oe` or `uy` to the first (`hoà` → `hòa`), unless the `u`
/// belongs to `qu` (`quý` is written one way only).
fn finish_word(w: &mut Writer, report: &mut NormalizationReport) {
    let Some(word_start) = w.word_start.take() else {
        return;
    };
    let word = &w.text[word_start..];
    let mut rev = word.char_indices().rev();
    let (Some((i2, c2)), Some((i1, c1))) = (rev.next(), rev.next()) else {
        return;
    };
    if let Some((_, c0)) = rev.next() {
        if c0 == 'q' || c0 == 'Q' {
            return;
        }
    }
    let base1 = c1;
    if !matches!(base1, 'o' | 'O' | 'u' | 'U') {
        return;
    }
    let mut parts = [None::<char>; 3];
    let mut n = 0;
    decompose_canonical(c2, |d| {
        if n < 3 {
            parts[n] = Some(d);
        }
        n += 1;
    });
    let (Some(base2), Some(tone), None) = (parts[0], parts[1], parts[2]) else {
        return;
    };
    if n != 2 || !is_tone_mark(tone) {
        return;
    }
    let pair_ok = matches!(
        (base1.to_ascii_lowercase(), base2.to_ascii_lowercase()),
        ('o', 'a') | ('o', 'e') | ('u', 'y')
    );
    if !pair_ok {
        return;
    }
    let Some(new1) = compose(base1, tone) else {
        return;
    };
    let abs1 = word_start + i1;
    let abs2 = word_start + i2;
    let range = (w.map[abs1].0, w.map[abs2 + c2.len_utf8() - 1].1);
    w.text.truncate(abs1);
    w.map.truncate(abs1);
    w.push_char(new1, range);
    w.push_char(base2, range);
    report.tone_marks += 1;
}

/// Lowercase key with the same byte length as `text`: letters and digits
/// lowercased (when the lowercase form has the same UTF-8 length), every
/// other character replaced by spaces. Offsets into the key are offsets into
/// `text`, and words in the key are separated by spaces only, so gazetteer
/// aliases can be matched as `" " + alias`.
pub fn match_key(text: &str) -> String {
    scan_key::<false, false>(text)
        .map(|keyed| keyed.key)
        .unwrap_or_default()
}

/// One word of a match key (a run of non-space bytes): where it starts and
/// the hash of its bytes, by which the gazetteer looks words up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyWord {
    /// First byte of the word.
    pub start: usize,
    /// `fast_hash::word_hash` of the word's bytes.
    pub hash: u64,
}

/// A text's [`match_key`] and its words.
#[derive(Debug, Clone, Default)]
pub struct Keyed {
    /// The match key.
    pub key: String,
    /// Its words, in order.
    pub words: Vec<KeyWord>,
}

/// The [`match_key`] of `text` and its words, in one pass. With
/// `unless_normalization_needed`, `None` as soon as `text` turns out to
/// need [`normalize`] (whose output's key is then the one wanted): one
/// pass then also tells that most texts need no normalization.
pub fn key_with_words(text: &str, unless_normalization_needed: bool) -> Option<Keyed> {
    if unless_normalization_needed {
        scan_key::<true, true>(text)
    } else {
        scan_key::<true, false>(text)
    }
}

/// How a character becomes part of the match key, for the characters the
/// scanner looks up instead of decoding.
#[derive(Debug, Clone, Copy)]
struct KeyEntry {
    /// The character's bytes in the key: itself lowercased, or spaces.
    key: [u8; 4],
    /// The character's length in bytes.
    len: u8,
    /// [`WORD`], [`CHANGES`], [`TONED`], [`REWRITTEN`].
    flags: u8,
}

/// [`KeyEntry::flags`]: the character is a letter or digit.
const WORD: u8 = 1;
/// [`KeyEntry::flags`]: [`normalize`] changes the character itself
/// (a combining mark, special space or invisible character).
const CHANGES: u8 = 2;
/// [`KeyEntry::flags`]: a toned `a`, `e` or `y` ([`is_toned_final`]).
const TONED: u8 = 4;
/// [`KeyEntry::flags`]: the key differs from the character.
const REWRITTEN: u8 = 8;

/// The key entry of one character, from [`is_word_char`], [`lower_char`]
/// and [`char_needs_change`] (whose toned-final part the scanner checks at
/// the word's end).
fn key_entry(c: char) -> KeyEntry {
    let word = is_word_char(c);
    let mut key = [b' '; 4];
    if word {
        lower_char(c).encode_utf8(&mut key);
    }
    let len = c.len_utf8();
    let mut original = [b' '; 4];
    c.encode_utf8(&mut original);
    let mut flags = 0;
    if word {
        flags |= WORD;
    }
    if (!is_latin_letter(c) && (is_combining_mark(c) || is_special_space(c) || is_invisible(c)))
        || look_alike(c).is_some()
    {
        flags |= CHANGES;
    }
    if is_toned_final(c) {
        flags |= TONED;
    }
    if key[..len] != original[..len] {
        flags |= REWRITTEN;
    }
    KeyEntry {
        key,
        len: len as u8,
        flags,
    }
}

/// Key entries of the two-byte characters (U+0080–U+07FF, lead bytes
/// C2–DF), of Latin Extended Additional (U+1E00–U+1EFF, E1 B8–BB), the
/// block of most Vietnamese letters, and of General Punctuation
/// (U+2000–U+207F, E2 80–81: dashes, curly quotes, `…`, special spaces
/// and invisible characters, all common in news text). Built once with
/// [`key_entry`], from the functions the plain character loop uses, so the
/// two agree.
struct KeyTables {
    two: Vec<KeyEntry>,
    vietnamese: Vec<KeyEntry>,
    punctuation: Vec<KeyEntry>,
}

fn key_tables() -> &'static KeyTables {
    static TABLES: std::sync::OnceLock<KeyTables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let entries = |range: std::ops::Range<u32>| {
            range
                .map(|u| key_entry(char::from_u32(u).unwrap_or(' ')))
                .collect()
        };
        KeyTables {
            two: entries(0x80..0x800),
            vietnamese: entries(0x1E00..0x1F00),
            punctuation: entries(0x2000..0x2080),
        }
    })
}

/// The scanner behind [`match_key`] and [`key_with_words`]: the key, the
/// words with `WORDS` (else none), and with `CHECK` `None` as soon as the
/// text needs [`normalize`].
///
/// Speed: this runs over every document. The key is the text's runs of
/// unchanged characters, copied whole, with the few changed characters
/// (punctuation, non-ASCII capitals) written between them and ASCII
/// capitals lowered at the end in one pass. Characters are looked up rather
/// than decoded: ASCII in [`ASCII_KEY`], two-byte characters and the
/// Vietnamese letters of U+1E00–U+1EFF and general punctuation (`–`, `…`)
/// in [`key_tables`]; only other characters (`€`, other scripts) are
/// decoded. Before, the normalization check, the key and the word hashes
/// were three passes.
/// `tests::the_key_scan_agrees_with_the_character_functions` checks it
/// against the plain character loops.
fn scan_key<const WORDS: bool, const CHECK: bool>(text: &str) -> Option<Keyed> {
    let bytes = text.as_bytes();
    let tables = key_tables();
    let mut key = String::with_capacity(bytes.len());
    // the words' bounds, hashed once the key is lowercase
    let mut bounds: Vec<(usize, usize)> =
        Vec::with_capacity(if WORDS { bytes.len() / 5 } else { 0 });
    // text before `copied` is in the key
    let mut copied = 0;
    // the word being read (`in_word`): its start, and whether its last
    // character is a toned a/e/y
    let (mut in_word, mut start, mut toned_last) = (false, 0, false);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let entry = if b.is_ascii() {
            let k = ASCII_KEY[usize::from(b)];
            if k != b' ' {
                if !in_word {
                    (in_word, start) = (true, i);
                }
                toned_last = false;
                i += 1;
                continue;
            }
            if b == b' ' && !in_word {
                i += 1;
                continue;
            }
            if CHECK && b == b'\r' {
                return None;
            }
            KeyEntry {
                key: [b' '; 4],
                len: 1,
                flags: if b == b' ' { 0 } else { REWRITTEN },
            }
        } else {
            let looked_up = match (b, bytes.get(i + 1), bytes.get(i + 2)) {
                (0xC2..=0xDF, Some(&b1), _) => {
                    Some(tables.two[(usize::from(b & 0x1F) << 6 | usize::from(b1 & 0x3F)) - 0x80])
                }
                (0xE1, Some(&b1 @ 0xB8..=0xBB), Some(&b2)) => {
                    Some(tables.vietnamese[usize::from(b1 - 0xB8) << 6 | usize::from(b2 & 0x3F)])
                }
                (0xE2, Some(&b1 @ 0x80..=0x81), Some(&b2)) => {
                    Some(tables.punctuation[usize::from(b1 - 0x80) << 6 | usize::from(b2 & 0x3F)])
                }
                _ => None,
            };
            match looked_up {
                Some(entry) => entry,
                None => {
                    let c = text[i..].chars().next()?;
                    if CHECK && char_needs_change(text, c, i) {
                        return None;
                    }
                    key_entry(c)
                }
            }
        };
        if CHECK && entry.flags & CHANGES != 0 {
            return None;
        }
        let len = usize::from(entry.len);
        if entry.flags & WORD != 0 {
            if !in_word {
                (in_word, start) = (true, i);
            }
            toned_last = entry.flags & TONED != 0;
        } else if in_word {
            in_word = false;
            if CHECK && toned_last && toned_final_moves_in_key(&key, &text[copied..i]) {
                return None;
            }
            if WORDS {
                bounds.push((start, i));
            }
        }
        if entry.flags & REWRITTEN != 0 {
            key.push_str(&text[copied..i]);
            // the entry's bytes are a character of `len` bytes, or spaces
            key.push_str(std::str::from_utf8(&entry.key[..len]).ok()?);
            copied = i + len;
        }
        i += len;
    }
    if in_word {
        if CHECK && toned_last && toned_final_moves_in_key(&key, &text[copied..]) {
            return None;
        }
        if WORDS {
            bounds.push((start, bytes.len()));
        }
    }
    key.push_str(&text[copied..]);
    key.make_ascii_lowercase();
    let kb = key.as_bytes();
    let words = bounds
        .into_iter()
        .map(|(start, end)| KeyWord {
            start,
            hash: word_hash(&kb[start..end]),
        })
        .collect();
    Some(Keyed { key, words })
}

/// [`toned_final_moves`] for the toned a/e/y that ends the key so far,
/// `key` followed by the pending unchanged text `pending` (not yet
/// lowercased): `o`/`u` before it, and no `q` before those.
fn toned_final_moves_in_key(key: &str, pending: &str) -> bool {
    let mut before = key.chars().rev();
    let mut before = pending.chars().rev().chain(&mut before);
    before.next(); // the toned letter
    let lower = |c: Option<char>| c.map(|c| c.to_ascii_lowercase());
    matches!(lower(before.next()), Some('o' | 'u')) && lower(before.next()) != Some('q')
}

/// [`match_key`] of each ASCII byte: letters lowercased, digits kept,
/// everything else a space.
const ASCII_KEY: [u8; 128] = {
    let mut table = [b' '; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// Lowercase one phrase for use as a gazetteer key: NFC, canonical tone
/// marks, lowercase, punctuation to spaces, runs of spaces collapsed.
pub fn phrase_key(phrase: &str) -> String {
    // most phrases are normalized already: keyed in the pass that tells so
    let key = match scan_key::<false, true>(phrase) {
        Some(keyed) => keyed.key,
        None => match_key(&normalize(phrase).text),
    };
    // most phrases have single spaces already: keep the key as it is (a
    // byte test: `str::contains` builds a substring searcher every call)
    let double_space = key.as_bytes().windows(2).any(|w| w == b"  ");
    if key.starts_with(' ') || key.ends_with(' ') || double_space {
        key.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        key
    }
}

/// Fold one character for diacritic-insensitive matching: lowercase, tone
/// and vowel marks dropped, `đ` → `d`. A lone combining mark folds to
/// nothing.
pub fn fold_char(c: char, out: &mut String) {
    match c {
        'đ' | 'Đ' => out.push('d'),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => {
            let mut lowered = String::new();
            lowered.push(lower_char(c));
            for l in lowered.chars() {
                decompose_canonical(l, |d| {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                });
            }
        }
    }
}

/// The diacritic-folded form of `text` (`Triều Tiên` → `trieu tien`), with
/// for every output byte the `[start, end)` range of `text` it came from.
pub fn fold(text: &str) -> (String, Vec<(u32, u32)>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let before = out.len();
        fold_char(c, &mut out);
        let range = (i as u32, (i + c.len_utf8()) as u32);
        for _ in before..out.len() {
            map.push(range);
        }
    }
    (out, map)
}

/// Fold a whole phrase without keeping a map.
pub fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The plain reading of [`normalize`], one unit (a character and its
/// combining marks) at a time: the oracle of its tests.
#[cfg(test)]
fn normalize_by_unit(original: &str) -> Normalized {
    if !needs_normalization(original) {
        return Normalized::unchanged(original);
    }
    let mut w = Writer::with_capacity(original.len());
    let mut report = NormalizationReport::default();
    let mut chars = original.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        // Gather one unit: a base character and the combining marks after it.
        let mut end = start + c.len_utf8();
        let mut combined = false;
        while let Some(&(i, m)) = chars.peek() {
            if !m.is_ascii() && !is_latin_letter(m) && is_combining_mark(m) {
                combined = true;
                end = i + m.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        w.write_unit(original, c, start..end, combined, &mut report);
    }
    w.finish(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_check_agrees_with_the_character_check() {
        // every character of the planes Vietnamese text meets, alone, at a
        // word end after o/u/qu, and inside a word
        let chars = (0x80u32..0x3000)
            .chain(0xFE00..0x10000)
            .filter_map(char::from_u32);
        for c in chars {
            for text in [
                format!("{c}"),
                format!("ho{c}"),
                format!("Hu{c} "),
                format!("qu{c}"),
                format!("ho{c}n"),
                format!("a{c}b"),
            ] {
                assert_eq!(
                    needs_normalization(&text),
                    needs_normalization_by_char(&text),
                    "{text:?} (U+{:04X})",
                    c as u32
                );
            }
        }
        for text in [
            "hoà bình",
            "Thuý",
            "khoẻ",
            "quà",
            "hòa",
            "a\r\nb",
            "",
            "ascii only",
        ] {
            assert_eq!(
                needs_normalization(text),
                needs_normalization_by_char(text),
                "{text:?}"
            );
        }
    }

    fn nfd(s: &str) -> String {
        s.nfd().collect()
    }

    /// The plain character loop [`match_key`] must agree with.
    fn naive_match_key(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_ascii() {
                out.push(if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    ' '
                });
            } else if is_word_char(c) {
                out.push(lower_char(c));
            } else {
                for _ in 0..c.len_utf8() {
                    out.push(' ');
                }
            }
        }
        out
    }

    #[test]
    fn match_key_agrees_with_the_naive_key() {
        let mut texts: Vec<String> = vec![
            "Nhà lãnh đạo TRIỀU TIÊN Kim Jong-un, ông Shoigu (Nga) – 15.000 quân…".into(),
            "ĂÂĐÊÔƠƯ ăâđêôơư ÀÁẢÃẠ Ỳ Ý Ỷ Ỹ Ỵ ÆØß ΣΑΒ Жук 日本 \u{0301}\u{00A0}\t\r\n€".into(),
            String::new(),
        ];
        // every character of the Latin, Greek, Cyrillic and punctuation
        // blocks, alone and between letters
        for u in (0u32..0x0600).chain(0x1E00..0x2100) {
            if let Some(c) = char::from_u32(u) {
                texts.push(format!("a{c}B{c}"));
            }
        }
        for t in &texts {
            let key = match_key(t);
            assert_eq!(key, naive_match_key(t), "{t:?}");
            assert_eq!(key.len(), t.len());
        }
    }

    #[test]
    fn the_key_scan_agrees_with_the_character_functions() {
        // every character of the planes Vietnamese text meets, alone, after
        // o/u/qu at a word's end, inside a word, and in real sentences
        let mut texts: Vec<String> = vec![
            "Nhà lãnh đạo TRIỀU TIÊN Kim Jong-un, ông Shoigu (Nga) – 15.000 quân…".into(),
            "Hoà bình, THUỶ, khoẻ, quà, Hoà, thuý. QUÝ hoà\r\nbình".into(),
            "Hà, Huế. Thủy… Tòa “Hòa” QUÁ!".into(),
            "ĂÂĐÊÔƠƯ ăâđêôơư ÀÁẢÃẠ Ỳ Ý Ỷ Ỹ Ỵ ÆØß ΣΑΒ Жук 日本 \u{0301}\u{00A0}\t\r\n€".into(),
            String::new(),
        ];
        let chars = (0x80u32..0x3000)
            .chain(0xFE00..0x10000)
            .filter_map(char::from_u32);
        for c in chars {
            texts.extend([
                format!("{c}"),
                format!("ho{c}"),
                format!("Hu{c} x"),
                format!("qu{c}"),
                format!("a{c}B{c}"),
                format!("hà{c}"),
                format!("Hoà{c}"),
                format!("HÒ{c}, x"),
            ]);
        }
        for t in &texts {
            let keyed = scan_key::<true, false>(t).expect("a key without the check");
            assert_eq!(keyed.key, naive_match_key(t), "{t:?}");
            assert_eq!(keyed.key, match_key(t), "{t:?}");
            let words = crate::gazetteer::KeyWords::of(&keyed.key);
            let want: Vec<(usize, u64)> = words.starting_in(0, t.len()).collect();
            let got: Vec<(usize, u64)> = keyed.words.iter().map(|w| (w.start, w.hash)).collect();
            assert_eq!(got, want, "{t:?}");
            let checked = key_with_words(t, true);
            assert_eq!(checked.is_none(), needs_normalization(t), "{t:?}");
            if let Some(checked) = checked {
                assert_eq!(checked.key, keyed.key, "{t:?}");
                assert_eq!(checked.words, keyed.words, "{t:?}");
            }
        }
    }

    #[test]
    fn runs_agree_with_the_unit_loop() {
        // every arrangement of pieces that start, end or break words and
        // runs: ASCII letters around a toned final (o/u/qu + à), marks,
        // CR/LF, special spaces, invisibles, digits, punctuation
        let pieces = [
            "ho",
            "q",
            "u",
            "a",
            "à",
            "y",
            "\u{0300}",
            "\u{0302}\u{0301}",
            "e\u{0301}",
            "\r",
            "\n",
            "\u{00A0}",
            "\u{200B}",
            " ",
            "1",
            ",",
            "Đ",
            "ế",
        ];
        let mut texts = crate::test_support::arrangements(&pieces, 4);
        // whole articles in NFD, with Windows line ends
        for entry in std::fs::read_dir("seeds").expect("seeds") {
            let text = std::fs::read_to_string(entry.expect("seed").path()).expect("seed");
            texts.push(nfd(&text));
            texts.push(nfd(&text).replace('\n', "\r\n"));
            texts.push(text);
        }
        for t in &texts {
            let (fast, plain) = (normalize(t), normalize_by_unit(t));
            assert_eq!(fast.text, plain.text, "{t:?}");
            assert_eq!(fast.map, plain.map, "{t:?}");
            assert_eq!(fast.report, plain.report, "{t:?}");
        }
    }

    #[test]
    fn nfc_input_is_identity() {
        let s = "Nhà lãnh đạo Triều Tiên Kim Jong Un gặp ông Shoigu.";
        let n = normalize(s);
        assert_eq!(n.text, s);
        assert!(n.is_identity());
        assert_eq!(n.report, NormalizationReport::default());
    }

    #[test]
    fn marked_units_compose_as_nfc_does() {
        // the fast path in `normalize` must agree with full NFC,
        // also where no composite exists (the mark then stays)
        let bases = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYdĐbqx";
        let marks = [
            '\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}', '\u{0302}', '\u{0306}',
            '\u{031B}', '\u{0308}',
        ];
        for b in bases.chars() {
            for m in marks {
                // a word around it, so the tone-mark move does not apply
                let text = format!("x{b}{m}x");
                let want: String = text.nfc().collect();
                assert_eq!(normalize(&text).text, want, "{b:?} + {m:?}");
                // two marks, in either order (NFD gives the canonical one)
                for m2 in marks {
                    let text = format!("x{b}{m}{m2}x");
                    let want: String = text.nfc().collect();
                    assert_eq!(normalize(&text).text, want, "{b:?} + {m:?} + {m2:?}");
                }
            }
        }
        // the NFD of every Vietnamese letter composes back
        let letters = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
        for l in letters.chars().chain(letters.to_uppercase().chars()) {
            let nfd: String = format!("x{l}x").nfd().collect();
            assert_eq!(normalize(&nfd).text, format!("x{l}x"), "{l}");
        }
    }

    #[test]
    fn nfd_input_becomes_nfc_and_maps_back() {
        let table = [
            "Triều Tiên",
            "Bình Nhưỡng đã gửi khoảng 15.000 quân",
            "Bộ trưởng Quốc phòng Nga Sergei Shoigu",
            "ngày 5 tháng 11 năm 2025",
        ];
        for s in table {
            let d = nfd(s);
            assert_ne!(d, s);
            let n = normalize(&d);
            assert_eq!(n.text, s, "NFD of {s:?}");
            assert!(n.report.composed > 0);
            // every word maps back to the decomposed original exactly
            let mut pos = 0;
            for word in s.split(' ') {
                let span = n.to_original(pos, pos + word.len());
                let orig = &d[span.start..span.end];
                assert_eq!(orig.nfc().collect::<String>(), word);
                pos += word.len() + 1;
            }
        }
    }

    #[test]
    fn tone_placement_is_unified() {
        let table = [
            ("hoà bình", "hòa bình"),
            ("Thuỵ Sĩ", "Thụy Sĩ"),
            ("sức khoẻ", "sức khỏe"),
            ("Cộng hoà", "Cộng hòa"),
            ("tuỳ ý", "tùy ý"),
            ("thuý", "thúy"),
            ("HOÀ", "HÒA"),
            // already canonical, or not an open oa/oe/uy syllable: unchanged
            ("hòa", "hòa"),
            ("quý", "quý"),
            ("hoàn thành", "hoàn thành"),
            ("thuyền", "thuyền"),
            ("quà", "quà"),
            ("ngoài", "ngoài"),
        ];
        for (input, want) in table {
            assert_eq!(normalize(input).text, want, "{input}");
            assert_eq!(normalize(&nfd(input)).text, want, "NFD {input}");
        }
    }

    #[test]
    fn tone_move_maps_to_the_whole_syllable() {
        let s = "€ hoà bình";
        let n = normalize(s);
        assert_eq!(n.text, "€ hòa bình");
        let start = n.text.find("hòa").unwrap();
        let span = n.to_original(start, start + "hòa".len());
        assert_eq!(&s[span.start..span.end], "hoà");
    }

    #[test]
    fn spaces_invisibles_and_line_ends() {
        let s = "a\u{00A0}b\u{200D}c\r\nd\re\u{200B}f";
        let n = normalize(s);
        assert_eq!(n.text, "a bc\nd\ne f");
        assert_eq!(n.report.spaces, 2);
        assert_eq!(n.report.invisible, 1);
        assert_eq!(n.report.line_endings, 2);
        let span = n.to_original(2, 4); // "bc"
        assert_eq!(&s[span.start..span.end], "b\u{200D}c");
    }

    #[test]
    fn look_alike_letters_become_vietnamese() {
        let s = "Ðoàn tới Ðà Nẵng, ðường xa.";
        let n = normalize(s);
        assert_eq!(n.text, "Đoàn tới Đà Nẵng, đường xa.");
        assert_eq!(n.report.look_alikes, 3);
        let start = n.text.find("Đà Nẵng").unwrap();
        let span = n.to_original(start, start + "Đà Nẵng".len());
        assert_eq!(&s[span.start..span.end], "Ðà Nẵng");
    }

    #[test]
    fn lone_combining_marks_do_not_panic() {
        for s in [
            "\u{0301}",
            "a\u{0301}\u{0301}\u{0323}",
            "\u{0300}x",
            "\r",
            "",
        ] {
            let n = normalize(s);
            for (i, _) in n.text.char_indices() {
                let span = n.to_original(i, i + 1);
                assert!(span.end <= s.len());
            }
        }
    }

    #[test]
    fn fast_lowercase_agrees_with_unicode() {
        for c in ('\u{0}'..='\u{2FFF}').filter(|c| !c.is_control()) {
            let mut l = c.to_lowercase();
            let want = match (l.next(), l.next()) {
                (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                _ => c,
            };
            assert_eq!(lower_char(c), want, "{c:?} U+{:04X}", c as u32);
            if c.is_alphanumeric() != is_word_char(c) {
                // only the Latin blocks are taken whole; they hold no non-letters but × ÷
                panic!("is_word_char disagrees for {c:?} U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn keys_keep_byte_length() {
        let s = "Đổng Quân (Dong Jun), “Nga-Triều Tiên”";
        let k = match_key(s);
        assert_eq!(k.len(), s.len());
        assert!(k.starts_with("đổng quân  dong jun"));
        assert!(k.contains("nga triều tiên"));
    }

    #[test]
    fn fold_drops_marks_and_maps() {
        let (f, map) = fold("Triều Tiên, Đà Nẵng");
        assert_eq!(f, "trieu tien, da nang");
        assert_eq!(map.len(), f.len());
        assert_eq!(fold_str("Mátxcơva"), "matxcova");
        assert_eq!(phrase_key("Kim Jong-un"), "kim jong un");
        assert_eq!(phrase_key("Thuỵ  Sĩ"), "thụy sĩ");
    }
}
