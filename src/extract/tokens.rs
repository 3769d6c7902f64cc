//! Words and punctuation of the normalized text, with the labels the
//! gazetteer and the patterns give them. The actor and place rules read
//! this token view instead of raw bytes, so "the word before", "a run of
//! capitalized words" and "is this word part of a known place" are simple
//! index look-ups.

use std::ops::Range;

/// A word or a punctuation character of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte (normalized text).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// A word (letters/digits, with inner hyphens or apostrophes) or a
    /// single punctuation character.
    pub is_word: bool,
    /// A word that starts with a capital letter ([`is_capitalized`]),
    /// known once for the many rules that ask.
    pub capitalized: bool,
    /// The sentence the token belongs to.
    pub sentence: usize,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Split `text` into tokens, sentence by sentence. `key` is the
/// [`match_key`](crate::normalize::match_key) of `text`.
///
/// Speed: a byte of the key is a space exactly where `text` has no word
/// character, so words are runs of non-space key bytes, found without
/// decoding; only the characters between words are decoded.
/// `tests::agrees_with_the_character_loop` checks it against the plain
/// character loop.
pub fn tokenize(text: &str, key: &str, sentences: &[Range<usize>]) -> Vec<Token> {
    let (tb, kb) = (text.as_bytes(), key.as_bytes());
    debug_assert_eq!(tb.len(), kb.len(), "the key of another text");
    let mut out = Vec::with_capacity(text.len() / 5);
    for (si, range) in sentences.iter().enumerate() {
        let end = range.end.min(kb.len());
        let mut i = range.start;
        while i < end {
            let start = i;
            if kb[i] == b' ' {
                let Some((c, len)) = char_at(text, i, end) else {
                    break;
                };
                i += len;
                if !c.is_whitespace() {
                    out.push(Token {
                        start,
                        end: i,
                        is_word: false,
                        capitalized: false,
                        sentence: si,
                    });
                }
                continue;
            }
            loop {
                i = next_space(kb, i, end);
                // inner hyphen or apostrophe: only if a letter follows
                let joiner = match tb.get(i..) {
                    Some([b'-' | b'\'', ..]) => 1,
                    Some([0xE2, 0x80, 0x99, ..]) => 3, // ’
                    _ => 0,
                };
                if joiner > 0 && i + joiner < end && kb[i + joiner] != b' ' {
                    i += joiner;
                } else {
                    break;
                }
            }
            // an ASCII first letter is read from its byte, others decoded
            let capitalized = match tb[start] {
                b if b.is_ascii() => b.is_ascii_uppercase(),
                _ => is_capitalized(&text[start..i]),
            };
            out.push(Token {
                start,
                end: i,
                is_word: true,
                capitalized,
                sentence: si,
            });
        }
    }
    out
}

/// The first space in `key[from..end]`, or `end`: a word's end.
///
/// Speed: this reads every word byte of every document; eight bytes are
/// tested at a time (a word of the key is a few bytes long, so most words
/// end inside the first eight).
#[inline]
fn next_space(key: &[u8], from: usize, end: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    const SPACES: u64 = ONES * b' ' as u64;
    let mut i = from;
    while let Some(chunk) = key.get(i..i + 8).filter(|_| i + 8 <= end) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // a zero byte where the chunk has a space
        let x = word ^ SPACES;
        let found = x.wrapping_sub(ONES) & !x & HIGH;
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end && key[i] != b' ' {
        i += 1;
    }
    i
}

/// The character at byte `i` of `text` and its length, if `i < end`;
/// without decoding for ASCII.
#[inline]
fn char_at(text: &str, i: usize, end: usize) -> Option<(char, usize)> {
    if i >= end {
        return None;
    }
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
        _ => text.get(i..)?.chars().next().map(|c| (c, c.len_utf8())),
    }
}

/// True for a word that starts with a capital letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True for a word written in capitals only (an acronym such as `NATO`):
/// it has a letter, every letter is a capital, and it is two characters
/// long or more.
///
/// Speed: every capitalized word is tested. `char::is_alphabetic` is a
/// slow table search outside ASCII, so it is asked only of characters that
/// are neither capitals nor small letters (both kinds are letters; a test
/// checks that for every character).
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = false;
    for c in word.chars() {
        if c.is_uppercase() {
            letters = true;
        } else if c.is_lowercase() || c.is_alphabetic() {
            return false;
        }
    }
    letters && word.chars().nth(1).is_some()
}

/// Initial consonants of a Vietnamese syllable, folded (`đ` is `d`; `qu`
/// and `gi` count as one: their vowel is the rest).
const SYLLABLE_INITIALS: &[&str] = &[
    "", "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
    "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

/// Final consonants of a Vietnamese syllable.
const SYLLABLE_FINALS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// True when `word` is spelled like one Vietnamese syllable: an initial
/// consonant of the language, one to three vowels, a final consonant of
/// the language (`Quốc`, `Nguyễn`, `Dầu`), so not `Zarubezhneft`,
/// `Samsung` or `Putin`. In names, a lowercase syllable continues a
/// capitalized Vietnamese one (`Dầu khí`), not a foreign word.
pub fn is_vietnamese_syllable(word: &str) -> bool {
    // lowercase, without marks (`Quốc` → `quoc`, `Đảng` → `dang`)
    let lower = crate::normalize::fold_str(word);
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let Some(v_start) = lower.find(is_vowel) else {
        return false;
    };
    let mut initial = &lower[..v_start];
    let mut rest = &lower[v_start..];
    // `qu`, `gi`: the `u` or `i` belongs to the initial when a vowel follows
    for (consonant, glide) in [("q", 'u'), ("g", 'i')] {
        if initial == consonant && rest.starts_with(glide) && rest[1..].starts_with(is_vowel) {
            initial = &lower[..v_start + 1];
            rest = &rest[1..];
        }
    }
    let v_len = rest.find(|c: char| !is_vowel(c)).unwrap_or(rest.len());
    let (vowels, fin) = rest.split_at(v_len);
    SYLLABLE_INITIALS.contains(&initial)
        && (1..=3).contains(&vowels.chars().count())
        && SYLLABLE_FINALS.contains(&fin)
}

/// The token indices covered by the byte range `[start, end)`.
pub fn tokens_in(tokens: &[Token], start: usize, end: usize) -> Range<usize> {
    let a = tokens.partition_point(|t| t.start < start);
    let b = tokens.partition_point(|t| t.start < end);
    a..b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{is_word_char, match_key};

    #[test]
    fn vietnamese_syllables_and_foreign_words() {
        for w in [
            "Quốc",
            "phòng",
            "Nguyễn",
            "Dầu",
            "khí",
            "Giang",
            "gì",
            "Nghệ",
            "Trường",
            "Đảng",
            "Ủy",
            "ban",
            "Việt",
            "Nam",
            "Hòa",
            "Khuyến",
            "Tập",
            "đoàn",
        ] {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
        for w in [
            "Zarubezhneft",
            "Samsung",
            "Putin",
            "Trump",
            "Moskva",
            "Rosatom",
            "Lockheed",
            "Wagner",
            "NATO",
            "2024",
        ] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn capitals_and_small_letters_are_letters() {
        // what `is_all_caps` relies on to skip `is_alphabetic`
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if c.is_uppercase() || c.is_lowercase() {
                assert!(c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn all_caps_words() {
        for (word, caps) in [
            ("NATO", true),
            ("KCNA", true),
            ("ĐẢNG", true),
            ("F-16", true),
            ("Nga", false),
            ("Đông", false),
            ("nato", false),
            ("A", false),
            ("2025", false),
            ("-", false),
            ("NATOs", false),
            ("ǅ", false),
        ] {
            assert_eq!(is_all_caps(word), caps, "{word}");
        }
    }

    /// The plain character loop [`tokenize`] must agree with.
    fn naive_tokenize(text: &str, sentences: &[Range<usize>]) -> Vec<Token> {
        let mut out = Vec::new();
        for (si, range) in sentences.iter().enumerate() {
            let end = range.end;
            let mut i = range.start;
            while let Some((c, len)) = char_at(text, i, end) {
                let start = i;
                i += len;
                if c.is_whitespace() {
                    continue;
                }
                if !is_word_char(c) {
                    out.push(Token {
                        start,
                        end: i,
                        is_word: false,
                        capitalized: false,
                        sentence: si,
                    });
                    continue;
                }
                while let Some((d, len)) = char_at(text, i, end) {
                    let joins = matches!(d, '-' | '\'' | '’')
                        && char_at(text, i + len, end).is_some_and(|(a, _)| is_word_char(a));
                    if is_word_char(d) || joins {
                        i += len;
                    } else {
                        break;
                    }
                }
                out.push(Token {
                    start,
                    end: i,
                    is_word: true,
                    capitalized: is_capitalized(&text[start..i]),
                    sentence: si,
                });
            }
        }
        out
    }

    #[test]
    fn word_ends_are_found_as_the_byte_loop_finds_them() {
        let keys = crate::test_support::arrangements(&["ab", " ", "ắ", "x", "   ", "abcdefghi"], 4);
        for key in &keys {
            let kb = key.as_bytes();
            for end in 0..=kb.len() {
                for from in 0..=end {
                    let plain = (from..end).find(|&i| kb[i] == b' ').unwrap_or(end);
                    assert_eq!(next_space(kb, from, end), plain, "{key:?} {from}..{end}");
                }
            }
        }
    }

    #[test]
    fn agrees_with_the_character_loop() {
        let texts = [
            "Ông Kim Jong-un (phải), Nga - Trung. Bộ trưởng Shoigu’s “đã tới” Bình Nhưỡng…",
            "x-'y a’ -b c- ’d 15.000 quân\tvà\u{2028}ĐẠI\u{0301} 日本 Жук, e'-f",
            "a-",
            "-",
            "’",
            "a’",
            "",
        ];
        for t in texts {
            let key = match_key(t);
            // the whole text as one sentence, and cut into pieces at every
            // character boundary
            let mut cuts: Vec<Vec<Range<usize>>> = vec![vec![0..t.len()]];
            for (b, _) in t.char_indices().skip(1) {
                cuts.push(vec![0..b, b..t.len()]);
            }
            for sentences in &cuts {
                assert_eq!(
                    tokenize(t, &key, sentences),
                    naive_tokenize(t, sentences),
                    "{t:?} {sentences:?}"
                );
            }
        }
    }

    #[test]
    fn words_keep_inner_hyphens() {
        let t = "Ông Kim Jong-un (phải), Nga - Trung.";
        let whole = std::iter::once(0..t.len()).collect::<Vec<_>>();
        let toks = tokenize(t, &crate::normalize::match_key(t), &whole);
        let words: Vec<&str> = toks.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            words,
            ["Ông", "Kim", "Jong-un", "(", "phải", ")", ",", "Nga", "-", "Trung", "."]
        );
        assert!(is_capitalized("Ông"));
        assert!(is_all_caps("NATO"));
        assert!(!is_all_caps("Nato"));
        assert!(!is_all_caps("A"));
    }
}
