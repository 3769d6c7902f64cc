//! Hashing for the maps built per document (actor and place grouping, the
//! corpus summary) and for the gazetteer's word index: a multiply-and-
//! rotate mix of eight bytes at a time ([`FastHasher`], [`word_hash`]).
//! The standard library's SipHash costs far more per short key, and these
//! maps are built for every document.
//!
//! The hashes are not keyed, so crafted input could collide on purpose;
//! the keys are names from one document, whose size `--max-file-size`
//! bounds, or the corpus summary's entity names, so at worst a run
//! groups slowly.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a's offset basis: the hash of nothing.
#[cfg(test)]
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One FNV-1a step: fold `byte` into `hash` (the gazetteer's hasher of
/// word hashes falls back to it for other keys).
#[inline]
pub(crate) fn fnv_step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
}

/// Fold every byte of `bytes` into `hash`.
#[inline]
pub(crate) fn fnv_extend(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| fnv_step(h, b))
}

/// The multiplier of [`FastHasher`] and [`word_hash`] (2^64 / golden ratio).
const MIX: u64 = 0x9E37_79B9_7F4A_7C15;

/// One mixing step: fold eight bytes, `x`, into `hash`.
#[inline]
fn mix(hash: u64, x: u64) -> u64 {
    (hash ^ x).wrapping_mul(MIX).rotate_left(29)
}

/// Fold `bytes` into `hash`, eight at a time (the last few as one
/// little-endian number).
#[inline]
fn mix_bytes(mut hash: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        hash = mix(hash, u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        hash = mix(hash, little_endian_tail(rest));
    }
    hash
}

/// `rest` (1 to 7 bytes) as one little-endian number: byte `k` at bits
/// `8k..8k+8`. Read as two overlapping loads rather than byte by byte (most
/// words are shorter than eight bytes, so every word hash takes this path);
/// a byte both loads read lands on the same bits twice, so the overlap
/// changes nothing.
#[inline]
fn little_endian_tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    let u32_at = |i: usize| {
        u64::from(u32::from_le_bytes([
            rest[i],
            rest[i + 1],
            rest[i + 2],
            rest[i + 3],
        ]))
    };
    let u16_at = |i: usize| u64::from(u16::from_le_bytes([rest[i], rest[i + 1]]));
    match n {
        0 => 0,
        1 => u64::from(rest[0]),
        2 | 3 => u16_at(0) | u16_at(n - 2) << (8 * (n - 2)),
        _ => u32_at(0) | u32_at(n - 4) << (8 * (n - 4)),
    }
}

/// A [`Hasher`] that mixes what is written to it eight bytes at a time,
/// and integers in one step.
///
/// Speed: FNV-1a, which these maps used before, takes a multiply per byte
/// and eight for an integer (an enum's discriminant, an index); grouping
/// mentions and summarizing the corpus hash many short names and indices.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 32;
        h = h.wrapping_mul(MIX);
        h ^ (h >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix_bytes(mix(self.0, bytes.len() as u64), bytes);
    }

    fn write_u8(&mut self, n: u8) {
        self.0 = mix(self.0, u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = mix(self.0, u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = mix(self.0, n);
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = mix(self.0, n as u64);
    }

    fn write_isize(&mut self, n: isize) {
        self.0 = mix(self.0, n as u64);
    }
}

/// The hash of one word of a match key, by which the gazetteer, the dated
/// events and the number words look words up: eight bytes at a time, then
/// mixed so that every bit depends on every byte (the look-ups index by
/// the low bits).
///
/// Speed: every word of every document is hashed. FNV-1a took a multiply
/// per byte, each waiting for the last; a word of the key is a few bytes,
/// so this takes one or two. Matches are confirmed on the bytes, so the
/// hash only needs to spread words well.
#[inline]
pub(crate) fn word_hash(word: &[u8]) -> u64 {
    FastHasher(mix_bytes(word.len() as u64, word)).finish()
}

/// A `HashMap` hashed with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A `HashSet` hashed with [`FastHasher`].
pub(crate) type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        // published FNV-1a 64-bit test vectors
        let fnv1a = |bytes: &[u8]| fnv_extend(FNV_OFFSET, bytes);
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_tail_of_a_hash_is_its_bytes_in_little_endian_order() {
        let bytes = [0x11u8, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77];
        for n in 0..=7 {
            let byte_by_byte = bytes[..n]
                .iter()
                .enumerate()
                .fold(0u64, |x, (k, &b)| x | u64::from(b) << (8 * k));
            assert_eq!(little_endian_tail(&bytes[..n]), byte_by_byte, "{n} bytes");
        }
    }

    #[test]
    fn word_hashes_spread_words_in_their_low_bits() {
        // the first-word filter and the maps index by the low bits: the
        // syllables of a text should fill distinct low-bit buckets about as
        // random numbers would
        let text = std::fs::read_to_string("seeds/000_36f7b37c0ef47342.txt").expect("seed");
        let key = crate::normalize::match_key(&text);
        let mut words: Vec<&str> = key.split_whitespace().collect();
        words.sort_unstable();
        words.dedup();
        let buckets: std::collections::HashSet<u64> = words
            .iter()
            .map(|w| word_hash(w.as_bytes()) % 4096)
            .collect();
        // n words in 4096 buckets: about n - n²/8192 distinct
        let n = words.len() as f64;
        assert!(
            buckets.len() as f64 > 0.9 * (n - n * n / 8192.0),
            "{} distinct buckets for {n} words",
            buckets.len()
        );
        assert_ne!(word_hash(b"nga"), word_hash("ngà".as_bytes()));
        assert_ne!(word_hash(b"ab"), word_hash(b"ab\0"));
    }

    #[test]
    fn equal_keys_hash_equal_and_maps_work() {
        let build = BuildHasherDefault::<FastHasher>::default();
        let h = |k: &Vec<String>| build.hash_one(k);
        let a = vec!["kim".to_string(), "jong".to_string()];
        assert_eq!(h(&a), h(&a.clone()));
        assert_ne!(h(&a), h(&vec!["kimjong".to_string()]));
        assert_ne!(h(&vec![]), h(&vec![String::new()]));
        assert_ne!(
            build.hash_one(("ab", "c")),
            build.hash_one(("a", "bc")),
            "the length is part of the hash"
        );
        let mut m: FastMap<&str, usize> = FastMap::default();
        *m.entry("Nga").or_default() += 2;
        *m.entry("Nga").or_default() += 1;
        assert_eq!(m["Nga"], 3);
    }
}
