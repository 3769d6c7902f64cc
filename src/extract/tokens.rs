//! Words and punctuation of the normalized text, with the labels the
//! gazetteer and the patterns give them. The actor and place rules read
//! this token view instead of raw bytes, so "the word before", "a run of
//! capitalized words" and "is this word part of a known place" are simple
//! index look-ups.

use crate::normalize::is_word_char;
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
    /// The sentence the token belongs to.
    pub sentence: usize,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Split `text` into tokens, sentence by sentence.
pub fn tokenize(text: &str, sentences: &[Range<usize>]) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
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
                    sentence: si,
                });
                continue;
            }
            while let Some((d, len)) = char_at(text, i, end) {
                if is_word_char(d) {
                    i += len;
                } else if matches!(d, '-' | '\'' | '’')
                    && char_at(text, i + len, end).is_some_and(|(a, _)| is_word_char(a))
                {
                    // inner hyphen or apostrophe: only if a letter follows
                    i += len;
                } else {
                    break;
                }
            }
            out.push(Token {
                start,
                end: i,
                is_word: true,
                sentence: si,
            });
        }
    }
    out
}

/// The character at byte `i` of `text` and its length, if `i < end`;
/// without decoding for ASCII, most of the bytes (this runs on every byte).
#[inline]
fn char_at(text: &str, i: usize, end: usize) -> Option<(char, usize)> {
    if i >= end {
        return None;
    }
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
        _ => text[i..].chars().next().map(|c| (c, c.len_utf8())),
    }
}

/// True for a word that starts with a capital letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True for a word written in capitals only (an acronym such as `NATO`).
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase) && word.chars().count() >= 2
}

/// The index of the first token whose start is at or after `pos`.
pub fn token_at_or_after(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.start < pos)
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

    #[test]
    fn words_keep_inner_hyphens() {
        let t = "Ông Kim Jong-un (phải), Nga - Trung.";
        let whole = std::iter::once(0..t.len()).collect::<Vec<_>>();
        let toks = tokenize(t, &whole);
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
