//! Hashing for the maps built per document (actor and place grouping) and
//! for the gazetteer's word index: 64-bit FNV-1a, a few instructions per
//! byte. The standard library's SipHash costs far more per short key, and
//! these maps are built for every document.
//!
//! FNV is not keyed, so crafted input could collide on purpose; the keys
//! are names from one document, whose size `--max-file-size` bounds, so at
//! worst that document is grouped slowly.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a's offset basis: the hash of nothing.
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One FNV-1a step: fold `byte` into `hash`.
#[inline]
pub(crate) fn fnv_step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
}

/// Fold every byte of `bytes` into `hash`.
#[inline]
pub(crate) fn fnv_extend(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| fnv_step(h, b))
}

/// FNV-1a of `bytes`.
#[inline]
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    fnv_extend(FNV_OFFSET, bytes)
}

/// A [`Hasher`] computing FNV-1a over everything written to it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(FNV_OFFSET)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv_extend(self.0, bytes);
    }
}

/// A `HashMap` hashed with [`Fnv`].
pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A `HashSet` hashed with [`Fnv`].
pub(crate) type FnvSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        // published FNV-1a 64-bit test vectors
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn equal_keys_hash_equal_and_maps_work() {
        let build = BuildHasherDefault::<Fnv>::default();
        let h = |k: &Vec<String>| build.hash_one(k);
        let a = vec!["kim".to_string(), "jong".to_string()];
        assert_eq!(h(&a), h(&a.clone()));
        assert_ne!(h(&a), h(&vec!["kimjong".to_string()]));
        let mut m: FnvMap<&str, usize> = FnvMap::default();
        *m.entry("Nga").or_default() += 2;
        *m.entry("Nga").or_default() += 1;
        assert_eq!(m["Nga"], 3);
    }
}
