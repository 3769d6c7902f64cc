//! Legacy Vietnamese 8-bit encodings: which one a file is in, and its
//! text.
//!
//! Before Unicode, Vietnamese was written in font encodings that older
//! archives, and files saved from old Word documents, still hold:
//! - **TCVN3** (TCVN 5712, the `.VnTime` fonts): one byte a letter; the
//!   table here is TCVN 5712 VN1, whose lowercase letters are TCVN3's and
//!   which adds the capitals TCVN3 keeps in separate fonts;
//! - **VNI-Windows** (the `VNI-Times` fonts): a vowel followed by a byte
//!   for its marks (`a` + `ù` is `á`, `o` + `á` is `ố`), a few letters in one
//!   byte (`ñ` is `đ`, `ö` is `ư`); the other bytes are Windows-1252;
//! - **VISCII**: one byte a letter, six of them in the C0 controls.
//!
//! Their tables are `data/legacy_encodings.tsv`. Which encoding a file is in
//! is read from the text itself ([`score`]): each reading is scored by its
//! Vietnamese letters against the letters and symbols Vietnamese never uses
//! (`ñ`, `ö`, `¶`, `¾` …), which every wrong reading is full of.
//!
//! The same texts also reach us already in Unicode but still in their
//! font's code points (a TCVN3 document saved as UTF-8 reads `ViÖt Nam`):
//! [`repair_latin1`] reads such a text's Latin-1 characters as the bytes
//! they were.

use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

const LEGACY_TSV: &str = include_str!("../../data/legacy_encodings.tsv");

/// A legacy Vietnamese encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN3 / TCVN 5712.
    Tcvn3,
    /// VNI-Windows.
    Vni,
    /// VISCII.
    Viscii,
}

/// Every legacy encoding, in the order a tie is broken.
pub const ALL: [Legacy; 3] = [Legacy::Tcvn3, Legacy::Vni, Legacy::Viscii];

impl Legacy {
    /// The encoding's name in a document's `encoding` field.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "tcvn3",
            Legacy::Vni => "vni-windows",
            Legacy::Viscii => "viscii",
        }
    }

    /// The `encoding` of a UTF-8 file whose Latin-1 characters were this
    /// encoding's bytes ([`repair_latin1`]).
    pub fn in_utf8_name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "utf-8-tcvn3",
            Legacy::Vni => "utf-8-vni-windows",
            Legacy::Viscii => "utf-8-viscii",
        }
    }

    /// Decode `bytes`, in NFC. Every byte has a reading, so this never
    /// fails.
    pub fn decode(self, bytes: &[u8]) -> String {
        let tables = tables();
        let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
        match self {
            Legacy::Tcvn3 | Legacy::Viscii => {
                let table = if self == Legacy::Tcvn3 {
                    &tables.tcvn3
                } else {
                    &tables.viscii
                };
                for &b in bytes {
                    match table[usize::from(b)] {
                        Some(c) => out.push(c),
                        None => out.push(char::from(b)),
                    }
                }
            }
            Legacy::Vni => {
                // the marks follow their vowel as combining characters,
                // composed by the NFC below
                let mut after_vowel = false;
                for &b in bytes {
                    let i = usize::from(b);
                    if let (true, Some(marks)) = (after_vowel, &tables.vni_marks[i]) {
                        out.extend(marks.iter());
                        // one mark byte a vowel
                        after_vowel = false;
                        continue;
                    }
                    let c = match tables.vni_letters[i] {
                        Some(c) => c,
                        None if b.is_ascii() => char::from(b),
                        None => windows_1252(b),
                    };
                    out.push(c);
                    after_vowel = is_vni_vowel(c);
                }
            }
        }
        if unicode_normalization::is_nfc(&out) {
            out
        } else {
            out.nfc().collect()
        }
    }
}

/// A vowel a VNI mark byte may follow (`ơ` and `ư` are one byte each and
/// take tone marks too).
fn is_vni_vowel(c: char) -> bool {
    matches!(
        c.to_ascii_lowercase(),
        'a' | 'e' | 'o' | 'u' | 'y' | 'ơ' | 'ư' | 'Ơ' | 'Ư'
    )
}

/// The Windows-1252 character of one byte (VNI-Windows' bytes that are
/// neither letters nor marks: curly quotes, dashes, `…`).
fn windows_1252(b: u8) -> char {
    let bytes = [b];
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    text.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The parsed tables of `data/legacy_encodings.tsv`, by byte.
struct Tables {
    tcvn3: [Option<char>; 256],
    viscii: [Option<char>; 256],
    vni_letters: [Option<char>; 256],
    vni_marks: Vec<Option<Box<[char]>>>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| parse_tables(LEGACY_TSV))
}

/// One cell: a character written as itself, or code points written
/// `U+0302 U+0301` (combining marks, the no-break space, controls).
fn parse_cell(cell: &str) -> Vec<char> {
    if cell.starts_with("U+") {
        cell.split(' ')
            .filter_map(|u| u.strip_prefix("U+"))
            .filter_map(|hex| u32::from_str_radix(hex, 16).ok())
            .filter_map(char::from_u32)
            .collect()
    } else {
        cell.chars().collect()
    }
}

fn parse_tables(tsv: &str) -> Tables {
    let mut tables = Tables {
        tcvn3: [None; 256],
        viscii: [None; 256],
        vni_letters: [None; 256],
        vni_marks: vec![None; 256],
    };
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let Some(byte) = cells.first().and_then(|b| u8::from_str_radix(b, 16).ok()) else {
            continue;
        };
        let i = usize::from(byte);
        let cell = |n: usize| parse_cell(cells.get(n).copied().unwrap_or(""));
        tables.tcvn3[i] = cell(1).first().copied();
        tables.viscii[i] = cell(2).first().copied();
        tables.vni_letters[i] = cell(3).first().copied();
        let marks = cell(4);
        if !marks.is_empty() {
            tables.vni_marks[i] = Some(marks.into_boxed_slice());
        }
    }
    tables
}

/// How Vietnamese a text reads: its words that are Vietnamese syllables
/// with a non-ASCII letter (`Việt`, `đã`, `Nhưỡng`) against its words with
/// a non-ASCII letter that are no Vietnamese syllable (`prộsident`, the
/// TCVN3 reading of `président`) and the non-ASCII symbols and controls
/// Vietnamese text does not use (`¶`, `¾`, `¸`, a combining mark left over).
/// ASCII words (names, numbers), punctuation (`“`, `–`, `…`, `«`), the
/// no-break space, `°` and `€` count for neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    /// Vietnamese syllables with a non-ASCII letter.
    pub vietnamese: usize,
    /// Words and characters no Vietnamese text has.
    pub foreign: usize,
}

impl Score {
    /// True when the text reads as Vietnamese: some Vietnamese syllables
    /// and at most one foreign word or character in 20 of them.
    pub fn reads_vietnamese(self) -> bool {
        self.vietnamese >= 1 && self.foreign * 20 <= self.vietnamese
    }

    /// The value readings are compared by: a foreign word outweighs a
    /// Vietnamese one.
    fn value(self) -> i64 {
        self.vietnamese as i64 - 4 * self.foreign as i64
    }
}

/// Score `text` (decomposed letters are composed first).
pub fn score(text: &str) -> Score {
    let text: String = text.nfc().collect();
    let mut s = Score::default();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphabetic() {
            word.extend(c.to_lowercase());
            if chars.peek().is_some_and(|n| n.is_alphabetic()) {
                continue;
            }
            if !word.is_ascii() {
                if is_syllable(&word) {
                    s.vietnamese += 1;
                } else {
                    s.foreign += 1;
                }
            }
            word.clear();
        } else if c.is_ascii() {
            if c.is_ascii_control() && !c.is_ascii_whitespace() {
                s.foreign += 1;
            }
        } else if !is_neutral(c) {
            s.foreign += 1;
        }
    }
    s
}

/// The vowels of Vietnamese, each with its five tone marks and without.
const VOWELS: &str = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩị\
    oòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";

/// True for a lowercase word that is one Vietnamese syllable: written in
/// the letters of the language only (no `ñ`, `ö`, `å`, which fold to plain
/// letters), with at most one tone mark, and spelled as a syllable
/// ([`crate::extract::tokens::is_vietnamese_syllable`]: initial, vowels,
/// final).
fn is_syllable(word: &str) -> bool {
    let mut toned = 0;
    for c in word.chars() {
        match VOWELS.chars().position(|v| v == c) {
            // a toned vowel is every one of its group of six but the first
            Some(i) => toned += usize::from(i % 6 != 0),
            None if c.is_ascii_lowercase() || c == 'đ' => {}
            None => return false,
        }
    }
    toned <= 1 && crate::extract::tokens::is_vietnamese_syllable(word)
}

/// Non-ASCII characters that tell nothing about the encoding: spaces,
/// general punctuation (curly quotes, dashes, `…`), guillemets, degree,
/// currency and copyright signs.
fn is_neutral(c: char) -> bool {
    c.is_whitespace()
        || ('\u{2000}'..='\u{206F}').contains(&c)
        || matches!(
            c,
            '«' | '»' | '°' | '©' | '®' | '€' | '£' | '¥' | '\u{FEFF}'
        )
}

/// The best legacy reading of bytes that are not UTF-8, if one reads as
/// Vietnamese better than `baseline` (the Windows-1258 reading).
pub fn best_reading(bytes: &[u8], baseline: Score) -> Option<(Legacy, String)> {
    let mut best: Option<(Legacy, String, Score)> = None;
    for legacy in ALL {
        let text = legacy.decode(bytes);
        let s = score(&text);
        if best.as_ref().is_none_or(|(_, _, b)| s.value() > b.value()) {
            best = Some((legacy, text, s));
        }
    }
    let (legacy, text, s) = best?;
    (s.reads_vietnamese() && s.value() > baseline.value()).then_some((legacy, text))
}

/// A UTF-8 text that holds a legacy encoding's bytes as Latin-1
/// characters (`Vieät Nam`, `ViÖt Nam`), decoded; `None` for any other
/// text.
///
/// Speed: every UTF-8 file passes here. Real Vietnamese has letters above
/// U+00FF (`ư`, `ơ`, `đ`, `ạ` …) within its first words, and the byte scan
/// stops at the first one.
pub fn repair_latin1(text: &str) -> Option<(Legacy, String)> {
    // only characters up to U+00FF, and punctuation (curly quotes and
    // dashes, which the conversion to Unicode made of the font's bytes)
    let mut latin1 = false;
    for &b in text.as_bytes() {
        match b {
            0xC2 | 0xC3 => latin1 = true,
            0xC4..=0xDF | 0xE1 | 0xE3..=0xFF => return None,
            _ => {}
        }
    }
    if !latin1 {
        return None;
    }
    let mut bytes = Vec::with_capacity(text.len());
    for c in text.chars() {
        match u8::try_from(u32::from(c)) {
            Ok(b) => bytes.push(b),
            // general punctuation: its Windows-1252 byte, as the font had it
            Err(_) => {
                let mut buf = [0; 4];
                let (encoded, _, unmappable) =
                    encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
                if unmappable || encoded.len() != 1 {
                    return None;
                }
                bytes.extend_from_slice(&encoded);
            }
        }
    }
    let as_is = score(text);
    let (legacy, repaired) = best_reading(&bytes, as_is)?;
    // the text as it is must look wrong too: many letters Vietnamese
    // never uses
    (as_is.foreign * 10 >= as_is.vietnamese.max(1)).then_some((legacy, repaired))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Encode `text` (NFC) in `legacy`, from the decoding tables: the
    /// inverse the tests check decoding against.
    fn encode(legacy: Legacy, text: &str) -> Vec<u8> {
        let tables = tables();
        let mut out = Vec::new();
        'chars: for c in text.chars() {
            if c.is_ascii() {
                out.push(c as u8);
                continue;
            }
            let single = match legacy {
                Legacy::Tcvn3 => &tables.tcvn3,
                Legacy::Viscii => &tables.viscii,
                Legacy::Vni => &tables.vni_letters,
            };
            if let Some(b) = (0..=255u8).find(|&b| single[usize::from(b)] == Some(c)) {
                out.push(b);
                continue;
            }
            if legacy == Legacy::Vni {
                // a base letter and a mark byte that together give `c`
                let bases = "aeiouyAEIOUYơưƠƯ";
                for base in bases.chars() {
                    for b in 0x80..=255u8 {
                        let Some(marks) = &tables.vni_marks[usize::from(b)] else {
                            continue;
                        };
                        let composed: String = std::iter::once(base)
                            .chain(marks.iter().copied())
                            .collect::<String>()
                            .nfc()
                            .collect();
                        // the mark byte's case follows the letter's
                        if composed == c.to_string() && (b >= 0xE0) == base.is_lowercase() {
                            out.extend(encode(Legacy::Vni, &base.to_string()));
                            out.push(b);
                            continue 'chars;
                        }
                    }
                }
            }
            panic!("{c} has no {legacy:?} encoding");
        }
        out
    }

    const SENTENCE: &str = "Theo Bộ Quốc phòng Hàn Quốc, Triều Tiên đã điều khoảng 11.000 \
        binh sĩ tới tỉnh Kursk của Nga; ông Kim Jong-un gặp Tổng thống Putin ở Bình Nhưỡng. \
        ĐẠI HỘI, Ủy ban, Ấn Độ, Ỷ lại, Ữ, Ẵ, Ỹ, Ỵ, Ừ, Ứ, Ự, Ý, Ú.";

    #[test]
    fn each_encoding_decodes_what_it_encodes() {
        for legacy in ALL {
            let bytes = encode(legacy, SENTENCE);
            assert!(std::str::from_utf8(&bytes).is_err(), "{legacy:?}");
            assert_eq!(legacy.decode(&bytes), SENTENCE, "{legacy:?}");
        }
    }

    #[test]
    fn each_encoding_is_told_apart_from_the_others() {
        let baseline = Score {
            vietnamese: 0,
            foreign: 1,
        };
        for legacy in ALL {
            let bytes = encode(legacy, SENTENCE);
            let (found, text) = best_reading(&bytes, baseline).expect("a reading");
            assert_eq!((found, text.as_str()), (legacy, SENTENCE));
            // and it reads better than the bytes as Windows-1258
            let (cp1258, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(&bytes);
            let (found, _) = best_reading(&bytes, score(&cp1258)).expect("beats 1258");
            assert_eq!(found, legacy);
        }
    }

    #[test]
    fn known_legacy_spellings() {
        // the spellings these encodings are known by, byte for byte
        let cases: [(Legacy, &[u8], &str); 4] = [
            (Legacy::Tcvn3, b"B\xB6o Th\xBEng", "Bảo Thắng"),
            (Legacy::Tcvn3, b"M\xAD\xEAng Kh\xAD\xACng", "Mường Khương"),
            (Legacy::Vni, b"Vie\xE4t Nam", "Việt Nam"),
            (Legacy::Vni, b"Nh\xF6\xF4\xF5ng", "Nhưỡng"),
        ];
        for (legacy, bytes, want) in cases {
            assert_eq!(legacy.decode(bytes), want);
        }
    }

    #[test]
    fn vni_marks_after_a_consonant_stay_windows_1252() {
        // `â` after `t` is no mark: a Latin-1 letter, as Windows-1252 has it
        assert_eq!(Legacy::Vni.decode(b"t\xE2 \x93x\x94"), "tâ “x”");
    }

    #[test]
    fn latin1_text_of_a_legacy_font_is_repaired() {
        let vni = "Toång thoáng Nga Vladimir Putin ñaõ ñeán Bình Nhöôõng vaø hoäi ñaøm vôùi oâng Kim Jong Un veà hôïp taùc quaân söï.";
        let (legacy, text) = repair_latin1(vni).expect("repaired");
        assert_eq!(legacy, Legacy::Vni);
        assert_eq!(
            text,
            "Tổng thống Nga Vladimir Putin đã đến Bình Nhưỡng và hội đàm với ông Kim Jong Un về hợp tác quân sự."
        );
        let tcvn3 = "Tæng thèng Nga Vladimir Putin ®· ®Õn B×nh Nh\u{AD}ìng vµ héi ®µm víi «ng Kim.";
        let (legacy, text) = repair_latin1(tcvn3).expect("repaired");
        assert_eq!(legacy, Legacy::Tcvn3);
        assert_eq!(
            text,
            "Tổng thống Nga Vladimir Putin đã đến Bình Nhưỡng và hội đàm với ông Kim."
        );
    }

    #[test]
    fn unicode_vietnamese_and_other_languages_are_left_alone() {
        for text in [
            "Triều Tiên đã điều quân tới Nga.",
            // French and German: Latin-1 letters, but not a Vietnamese font's
            "Le président français a été reçu à Moscou, où il a rencontré des élèves.",
            "Die Bundesregierung übernimmt die Führung; Österreich äußert sich später.",
            "plain ASCII text, nothing to repair",
            "Ông Kim nói: «Chúng tôi» – café",
        ] {
            assert_eq!(repair_latin1(text), None, "{text}");
        }
    }

    #[test]
    fn the_table_is_sorted_by_byte_and_complete() {
        let bytes: Vec<u8> = LEGACY_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| u8::from_str_radix(&l[..2], 16).expect("hex byte"))
            .collect();
        assert!(bytes.windows(2).all(|w| w[0] < w[1]), "sorted, unique");
        let t = tables();
        for b in 0x80..=0xFF {
            assert!(t.tcvn3[b].is_some() && t.viscii[b].is_some(), "{b:02X}");
        }
        // VNI: 17 marks in two cases, 9 one-byte letters in two cases
        assert_eq!(t.vni_marks.iter().flatten().count(), 34);
        assert_eq!(t.vni_letters.iter().flatten().count(), 18);
    }
}
