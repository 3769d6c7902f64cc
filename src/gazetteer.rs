//! Gazetteers: the built-in lists of countries, places, actors and titles,
//! and the matcher that finds them in a document.
//!
//! The lists are plain TSV files under `data/` (see `data/README.md`),
//! compiled in with `include_str!` and parsed once. Users add their own
//! entries with `--gazetteer FILE` (same formats, the file's first line
//! naming its kind). Every alias is reduced to a key with
//! [`crate::normalize::phrase_key`] (NFC, canonical tone marks, lowercase,
//! hyphens as spaces), so `Kim Jong-un` and `Kim Jong Un` are one key.
//!
//! Matching looks up, at each word start of the document's lowercase key
//! (where every non-word character is a space), the longest alias of a
//! category that starts there and ends at a word boundary (see
//! `WordMatcher`), then goes on after it: hits are whole words, and a hit
//! inside a word never hides a real one. The capitals of the alias must be
//! capitals in the text (`Nga` the country, not `nga`).

use crate::error::Error;
use crate::fast_hash::{fnv_extend, word_hash, FastMap};
use crate::model::ActorKind;
use crate::normalize::{fold_str, phrase_key, short_starts_with, KeyWord};
use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;
use std::sync::OnceLock;

const COUNTRIES_TSV: &str = include_str!("../data/countries.tsv");
const PLACES_TSV: &str = include_str!("../data/places.tsv");
const ACTORS_TSV: &str = include_str!("../data/actors.tsv");
const TITLES_TSV: &str = include_str!("../data/titles.tsv");

/// A place of the gazetteer (countries included, with kind `country`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceEntry {
    /// Canonical Vietnamese name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// `country`, `city`, `region`, `facility`, `sea`, or `ignore` (a
    /// phrase that blocks shorter matches inside it, like
    /// `Chiến tranh Triều Tiên`).
    pub kind: String,
    /// ISO country code; `None` for places spanning several countries.
    pub country: Option<String>,
}

/// A person or organization of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// Canonical name.
    pub name: String,
    /// Person or organization.
    pub kind: ActorKind,
    /// ISO code of the country the actor acts for.
    pub affiliation: Option<String>,
    /// English name.
    pub name_en: Option<String>,
}

/// What kind of word a title phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// An office or function (`Bộ trưởng`, `phát ngôn viên`).
    Role,
    /// A military rank (`Trung tướng`).
    Rank,
    /// `ông`, `bà`: marks a person but is not a role.
    Honorific,
    /// The field of an office (`Quốc phòng` in `Bộ trưởng Quốc phòng`).
    Domain,
}

/// What a gazetteer pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `places[i]`; `short` is true for bilateral short forms (`Trung`).
    Place {
        /// Index into [`Gazetteer::places`].
        index: usize,
        /// Only valid inside a bilateral compound (`Nga - Trung`).
        short: bool,
    },
    /// `actors[i]`.
    Actor(usize),
    /// A title phrase.
    Title(TitleKind),
}

/// One pattern of an automaton: its target, the alias as written and the
/// capitals the alias asks of a hit.
#[derive(Debug, Clone)]
struct Pattern {
    target: Target,
    alias: String,
    capitals: Capitals,
}

impl Pattern {
    fn new(target: Target, alias: String) -> Pattern {
        let capitals = Capitals::of(&alias);
        Pattern {
            target,
            alias,
            capitals,
        }
    }
}

/// A gazetteer hit in a document (normalized offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// First byte in the normalized text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What was found.
    pub target: Target,
}

/// All built-in and user lists, with their automata.
#[derive(Debug)]
pub struct Gazetteer {
    /// Places, countries first.
    pub places: Vec<PlaceEntry>,
    /// Persons and organizations.
    pub actors: Vec<ActorEntry>,
    place_patterns: Vec<Pattern>,
    actor_patterns: Vec<Pattern>,
    title_patterns: Vec<Pattern>,
    place_matcher: WordMatcher,
    actor_matcher: WordMatcher,
    title_matcher: WordMatcher,
    fold_place_matcher: Option<(WordMatcher, Vec<Target>)>,
    /// Country entry index by ISO code.
    country_by_code: HashMap<String, usize>,
    /// Well-known dated events, which give years to dates without one.
    pub dated_events: crate::extract::dates::events::DatedEvents,
    /// The gender an honorific gives (lowercase honorific → a woman?).
    honorific_genders: FastMap<String, bool>,
}

/// Rows of a TSV file: comment and blank lines skipped, columns padded.
pub(crate) fn rows(text: &str, columns: usize) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(move |(i, line)| {
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let mut cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        cols.resize(columns.max(cols.len()), "");
        Some((i + 1, cols))
    })
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty() && s != "-").then(|| s.to_string())
}

fn aliases(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

/// Builder collecting entries before the automata are made.
#[derive(Debug, Default)]
struct Builder {
    places: Vec<PlaceEntry>,
    actors: Vec<ActorEntry>,
    place_patterns: Vec<Pattern>,
    actor_patterns: Vec<Pattern>,
    title_patterns: Vec<Pattern>,
    honorific_genders: FastMap<String, bool>,
    dated_events: crate::extract::dates::events::DatedEventsBuilder,
}

impl Builder {
    fn add_countries(&mut self, text: &str) -> Result<(), String> {
        for (line, c) in rows(text, 5) {
            if c[0].len() != 2 || !c[0].bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(format!(
                    "line {line}: {:?} is not an ISO 3166-1 alpha-2 code",
                    c[0]
                ));
            }
            let index = self.places.len();
            self.places.push(PlaceEntry {
                name: c[1].to_string(),
                name_en: c[2].to_string(),
                kind: "country".to_string(),
                country: Some(c[0].to_string()),
            });
            for alias in std::iter::once(c[1]).chain(aliases(c[3])) {
                self.place_patterns.push(Pattern::new(
                    Target::Place {
                        index,
                        short: false,
                    },
                    alias.to_string(),
                ));
            }
            for alias in aliases(c[4]) {
                self.place_patterns.push(Pattern::new(
                    Target::Place { index, short: true },
                    alias.to_string(),
                ));
            }
        }
        Ok(())
    }

    fn add_places(&mut self, text: &str) -> Result<(), String> {
        for (line, c) in rows(text, 5) {
            if c[0].is_empty() || c[2].is_empty() {
                return Err(format!("line {line}: name and kind are required"));
            }
            let index = self.places.len();
            self.places.push(PlaceEntry {
                name: c[0].to_string(),
                name_en: if c[1] == "-" {
                    c[0].to_string()
                } else {
                    c[1].to_string()
                },
                kind: c[2].to_string(),
                country: opt(c[3]),
            });
            for alias in std::iter::once(c[0]).chain(aliases(c[4])) {
                let mut pattern = Pattern::new(
                    Target::Place {
                        index,
                        short: false,
                    },
                    alias.to_string(),
                );
                // `quảng trường Kim Il Sung` as well as `Quảng trường …`:
                // the generic word of a facility may be written either way
                if c[2] == "facility" {
                    pattern
                        .capitals
                        .free_first(crate::extract::places::generic_words(alias));
                }
                self.place_patterns.push(pattern);
            }
        }
        Ok(())
    }

    fn add_actors(&mut self, text: &str) -> Result<(), String> {
        for (line, c) in rows(text, 5) {
            let kind = match c[1] {
                "person" => ActorKind::Person,
                "organization" => ActorKind::Organization,
                other => return Err(format!("line {line}: unknown actor kind {other:?}")),
            };
            let index = self.actors.len();
            self.actors.push(ActorEntry {
                name: c[0].to_string(),
                kind,
                affiliation: opt(c[2]),
                name_en: opt(c[3]),
            });
            for alias in std::iter::once(c[0]).chain(aliases(c[4])) {
                self.actor_patterns
                    .push(Pattern::new(Target::Actor(index), alias.to_string()));
            }
        }
        Ok(())
    }

    fn add_titles(&mut self, text: &str) -> Result<(), String> {
        for (line, c) in rows(text, 3) {
            let kind = match c[1] {
                "role" => TitleKind::Role,
                "rank" => TitleKind::Rank,
                "honorific" => TitleKind::Honorific,
                "domain" => TitleKind::Domain,
                other => return Err(format!("line {line}: unknown title kind {other:?}")),
            };
            let woman = match (kind, c[2]) {
                (_, "") => None,
                (TitleKind::Honorific, "female") => Some(true),
                (TitleKind::Honorific, "male") => Some(false),
                (TitleKind::Honorific, other) => {
                    return Err(format!("line {line}: unknown gender {other:?}"))
                }
                (_, other) => {
                    return Err(format!(
                        "line {line}: only an honorific has a gender, not {other:?}"
                    ))
                }
            };
            if let Some(woman) = woman {
                self.honorific_genders.insert(c[0].to_lowercase(), woman);
            }
            self.title_patterns
                .push(Pattern::new(Target::Title(kind), c[0].to_string()));
        }
        self.add_deputies();
        Ok(())
    }

    /// `Phó Bí thư`, `Phó Tổng thống`, `Phó Chánh án`: the deputy of any
    /// office (a role written capitalized) is an office too, unless listed
    /// already.
    fn add_deputies(&mut self) {
        let role = Target::Title(TitleKind::Role);
        let listed: std::collections::HashSet<String> = self
            .title_patterns
            .iter()
            .map(|p| p.alias.to_lowercase())
            .collect();
        let deputies: Vec<Pattern> = self
            .title_patterns
            .iter()
            .filter(|p| {
                p.target == role
                    && p.alias.starts_with(char::is_uppercase)
                    && !p.alias.to_lowercase().starts_with("phó ")
            })
            .map(|p| format!("Phó {}", p.alias))
            .filter(|d| !listed.contains(&d.to_lowercase()))
            .map(|d| Pattern::new(role, d))
            .collect();
        self.title_patterns.extend(deputies);
    }

    fn build(mut self) -> Gazetteer {
        // One automaton pattern per key. An alias written with punctuation
        // between words (`Ấn Độ Dương - Thái Bình Dương`) also gets its
        // uncollapsed key, so text that keeps the punctuation matches too.
        let expand = |patterns: Vec<Pattern>| -> (Vec<Pattern>, Vec<String>) {
            let mut out = Vec::with_capacity(patterns.len());
            let mut keys = Vec::with_capacity(patterns.len());
            for p in patterns {
                let collapsed = phrase_key(&p.alias);
                let raw = crate::normalize::match_key(&crate::normalize::normalize(&p.alias).text)
                    .trim()
                    .to_string();
                if raw != collapsed {
                    out.push(p.clone());
                    keys.push(raw);
                }
                out.push(p);
                keys.push(collapsed);
            }
            (out, keys)
        };
        let automaton = |keys: Vec<String>| WordMatcher::new(&keys);
        let (place_patterns, place_keys) = expand(std::mem::take(&mut self.place_patterns));
        let (actor_patterns, actor_keys) = expand(std::mem::take(&mut self.actor_patterns));
        let (title_patterns, title_keys) = expand(std::mem::take(&mut self.title_patterns));
        self.place_patterns = place_patterns;
        self.actor_patterns = actor_patterns;
        self.title_patterns = title_patterns;
        let country_by_code = self
            .places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == "country")
            .filter_map(|(i, p)| p.country.clone().map(|c| (c, i)))
            .collect();
        Gazetteer {
            place_matcher: automaton(place_keys),
            actor_matcher: automaton(actor_keys),
            title_matcher: automaton(title_keys),
            fold_place_matcher: None,
            places: self.places,
            actors: self.actors,
            place_patterns: self.place_patterns,
            actor_patterns: self.actor_patterns,
            title_patterns: self.title_patterns,
            country_by_code,
            dated_events: self.dated_events.build(),
            honorific_genders: self.honorific_genders,
        }
    }
}

fn builtin_builder() -> Builder {
    let mut b = Builder::default();
    // The built-in files are checked by unit tests; a failure here is a bug.
    b.add_countries(COUNTRIES_TSV).expect("data/countries.tsv");
    b.add_places(PLACES_TSV).expect("data/places.tsv");
    b.add_actors(ACTORS_TSV).expect("data/actors.tsv");
    b.add_titles(TITLES_TSV).expect("data/titles.tsv");
    b.dated_events
        .add(crate::extract::dates::events::DATED_EVENTS_TSV)
        .expect("data/dated_events.tsv");
    b
}

/// The built-in gazetteer, parsed once.
pub fn builtin() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| builtin_builder().build())
}

/// The built-in gazetteer plus user files. Each user file starts with a
/// line `# kind: countries|places|actors|titles|dated_events`, then rows in the format of
/// the built-in file of that kind.
pub fn with_user_files(paths: &[impl AsRef<Path>], fold: bool) -> Result<Gazetteer, Error> {
    let mut b = builtin_builder();
    for path in paths {
        let path = path.as_ref();
        let err = |message: String| Error::Gazetteer {
            path: path.to_path_buf(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
        let kind = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# kind:"))
            .map(str::trim)
            .ok_or_else(|| {
                err(
                    "first line must be `# kind: countries|places|actors|titles|dated_events`"
                        .into(),
                )
            })?;
        match kind {
            "countries" => b.add_countries(&text),
            "places" => b.add_places(&text),
            "actors" => b.add_actors(&text),
            "titles" => b.add_titles(&text),
            "dated_events" => b.dated_events.add(&text),
            other => Err(format!("unknown kind {other:?}")),
        }
        .map_err(err)?;
    }
    let mut g = b.build();
    if fold {
        g.enable_fold();
    }
    Ok(g)
}

/// Whole-word keys, found at word starts by [`word_hits`].
///
/// Gazetteer keys are whole words separated by single spaces, and a hit
/// must start at a word start, so the keys are indexed by their first
/// word: each word of the text is hashed once (`fast_hash::word_hash`) and
/// looked up, first in a bit set of the first words' hashes (8 KB, a
/// one-hash Bloom filter that rejects nearly every word), then in the table
/// of keys with that first word, which are compared byte for byte, longest
/// first.
///
/// Profiles showed this lookup is the hot loop of the gazetteer: an
/// Aho-Corasick automaton walked from every word start spent most of its
/// time on cache misses in its state tables. For the same reason the
/// candidates of a first word lie side by side, with what rules them out
/// (the second word's hash) and where their key's bytes are in one arena:
/// a look-up reads the map, one run of candidates and the key's bytes,
/// where it followed a pointer to a list, then per candidate one into a
/// table and one to a boxed key.
#[derive(Debug)]
pub(crate) struct WordMatcher {
    /// Every key's bytes, one after another.
    arena: Vec<u8>,
    /// Bit `first_word_hash(w) % FIRST_WORD_BITS` is set for the first
    /// word `w` of every key.
    first_words: Box<Filter>,
    /// The same for every key of one word.
    single_words: Box<Filter>,
    /// Bit `pair_hash(first, second) % FIRST_WORD_BITS` is set for the
    /// first two words of every key of two or more. Speed: many keys
    /// begin with a common syllable (`Chính ủy`, `Tham tán`, `Binh nhì`,
    /// `thành phố`); the pairs it begins in running text (`chính phủ`,
    /// `tham gia`, `binh sĩ`) pass the first-word filter and are turned
    /// down here, without looking up candidates.
    first_pairs: Box<Filter>,
    /// The candidates of each first word (by the full hash of that word),
    /// as a range of [`WordMatcher::candidates`].
    by_first_word: HashMap<u64, (u32, u32), BuildHasherDefault<PassThrough>>,
    /// Keys grouped by first word, longest first (then lowest pattern
    /// index) within a group.
    candidates: Vec<Candidate>,
    /// For each pattern, the next pattern with the same key (`u32::MAX` for
    /// none): spellings of one key that ask for different capitals
    /// (`Cơ quan Tình báo …` and `Cơ quan tình báo …`).
    same_key_next: Vec<u32>,
}

/// One key among those of its first word.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// The hash of the key's second word (run of non-space bytes), if it
    /// has one. Speed: many keys share a first word (`bộ`, `quân`, `cơ
    /// quan`); the text's next word rules most of them out without
    /// comparing bytes.
    second_word: Option<u64>,
    /// Where the key's bytes start in the arena.
    start: u32,
    /// The key's length in bytes.
    len: u32,
    /// The pattern index.
    pattern: u32,
}

/// The hasher of [`WordMatcher::by_first_word`], whose keys are word
/// hashes already: hashing them again with the default SipHash cost more than the
/// look-up itself.
#[derive(Debug, Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv_extend(self.0, bytes);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Size of the first-word bit set, in bits.
const FIRST_WORD_BITS: usize = 1 << 16;

/// A bit set of [`FIRST_WORD_BITS`] bits. Speed: an array, whose index
/// (a hash's bit over 64) needs no bounds check, asked of every word
/// (the checks of a `Vec` cost 1% of all instructions).
type Filter = [u64; FIRST_WORD_BITS / 64];

/// Whether the bit of `hash` is set in the filter `bits`
/// ([`FIRST_WORD_BITS`] long).
#[inline]
fn has_bit(bits: &Filter, hash: u64) -> bool {
    let bit = (hash as usize) % FIRST_WORD_BITS;
    bits[bit / 64] & (1 << (bit % 64)) != 0
}

/// Set the bit of `hash` in the filter `bits`, which [`has_bit`] reads.
fn set_bit(bits: &mut Filter, hash: u64) {
    let bit = (hash as usize) % FIRST_WORD_BITS;
    bits[bit / 64] |= 1 << (bit % 64);
}

/// The hash of a key's first two words, from theirs, for
/// [`WordMatcher::first_pairs`].
#[inline]
fn pair_hash(first: u64, second: u64) -> u64 {
    (first.rotate_left(23) ^ second).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 16
}

/// The hash of a key's word (`fast_hash::word_hash`), the one the word
/// index gives every word of a text: enough for a filter and a table whose
/// candidates are then compared byte for byte.
#[inline]
fn first_word_hash(word: &[u8]) -> u64 {
    word_hash(word)
}

impl WordMatcher {
    pub(crate) fn new(keys: &[String]) -> WordMatcher {
        // (pattern counts and key bytes are far below u32::MAX: a few
        // thousand keys of a few words each)
        let as_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut first_words = Box::new([0u64; FIRST_WORD_BITS / 64]);
        let mut single_words = Box::new([0u64; FIRST_WORD_BITS / 64]);
        let mut first_pairs = Box::new([0u64; FIRST_WORD_BITS / 64]);
        let mut groups: HashMap<u64, Vec<usize>, BuildHasherDefault<PassThrough>> =
            HashMap::default();
        for (i, key) in keys.iter().enumerate() {
            let mut words = key.split(' ').filter(|w| !w.is_empty());
            let Some(first) = words.next() else {
                continue;
            };
            let hash = first_word_hash(first.as_bytes());
            set_bit(&mut first_words, hash);
            match words.next() {
                Some(second) => set_bit(
                    &mut first_pairs,
                    pair_hash(hash, first_word_hash(second.as_bytes())),
                ),
                None => set_bit(&mut single_words, hash),
            }
            groups.entry(hash).or_default().push(i);
        }
        let mut arena = Vec::new();
        let mut key_start = Vec::with_capacity(keys.len());
        for key in keys {
            key_start.push(as_u32(arena.len()));
            arena.extend_from_slice(key.as_bytes());
        }
        let mut candidates = Vec::with_capacity(keys.len());
        let mut by_first_word = HashMap::default();
        // groups in a fixed order, so the layout does not depend on the map
        let mut hashes: Vec<u64> = groups.keys().copied().collect();
        hashes.sort_unstable();
        for hash in hashes {
            let mut group = groups.remove(&hash).unwrap_or_default();
            group.sort_by_key(|&i| (std::cmp::Reverse(keys[i].len()), i));
            let first = as_u32(candidates.len());
            for i in group {
                let second_word = keys[i]
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .nth(1)
                    .map(|w| first_word_hash(w.as_bytes()));
                candidates.push(Candidate {
                    second_word,
                    start: key_start[i],
                    len: as_u32(keys[i].len()),
                    pattern: as_u32(i),
                });
            }
            by_first_word.insert(hash, (first, as_u32(candidates.len()) - first));
        }
        let mut same_key_next = vec![u32::MAX; keys.len()];
        let mut last_with_key: HashMap<&str, usize> = HashMap::new();
        for (i, key) in keys.iter().enumerate() {
            if let Some(prev) = last_with_key.insert(key.as_str(), i) {
                same_key_next[prev] = u32::try_from(i).unwrap_or(u32::MAX);
            }
        }
        WordMatcher {
            arena,
            first_words,
            single_words,
            first_pairs,
            by_first_word,
            candidates,
            same_key_next,
        }
    }

    /// Whether a key may start with the word of hash `hash`: the
    /// first-word filter, which turns down nearly every word.
    #[inline]
    fn may_start_with(&self, hash: u64) -> bool {
        has_bit(&self.first_words, hash)
    }

    /// For a word that [`WordMatcher::may_start_with`] let pass, whether
    /// a key may start with it when the text's next word has hash
    /// `next_hash`: a key of one word, or of two or more that begins with
    /// the pair.
    #[inline]
    fn may_start_with_pair(&self, hash: u64, next_hash: Option<u64>) -> bool {
        has_bit(&self.single_words, hash)
            || next_hash.is_some_and(|next| has_bit(&self.first_pairs, pair_hash(hash, next)))
    }

    /// The candidates of the first word of hash `hash`.
    #[inline]
    fn candidates_of(&self, hash: u64) -> &[Candidate] {
        match self.by_first_word.get(&hash) {
            Some(&(first, len)) => {
                let first = first as usize;
                self.candidates
                    .get(first..first + len as usize)
                    .unwrap_or(&[])
            }
            None => &[],
        }
    }

    /// Whether `candidate`'s key starts at `bytes[pos..]` (whose next word
    /// has hash `next_hash`) and ends at a word boundary: its end if so.
    #[inline]
    fn key_at(
        &self,
        candidate: &Candidate,
        bytes: &[u8],
        pos: usize,
        next_hash: Option<u64>,
    ) -> Option<usize> {
        // a key's second word must be the text's next word: a match
        // implies it (both are runs of non-space bytes)
        if candidate.second_word.is_some() && candidate.second_word != next_hash {
            return None;
        }
        let start = candidate.start as usize;
        let key = self.arena.get(start..start + candidate.len as usize)?;
        let end = pos + key.len();
        (short_starts_with(&bytes[pos..], key) && (end == bytes.len() || bytes[end] == b' '))
            .then_some(end)
    }

    /// The next pattern after `pattern` with the same key, if any.
    fn next_with_same_key(&self, pattern: usize) -> Option<usize> {
        let next = *self.same_key_next.get(pattern)?;
        (next != u32::MAX).then_some(next as usize)
    }

    /// The longest key that starts at `bytes[pos..]`, whose first word has
    /// hash `hash`, and ends at a word boundary, as `(end, pattern index)`.
    /// `next_hash` is the hash of the word after it in the text, if any.
    #[inline]
    fn longest_at(
        &self,
        bytes: &[u8],
        pos: usize,
        hash: u64,
        next_hash: Option<u64>,
    ) -> Option<(usize, usize)> {
        if !self.may_start_with(hash) || !self.may_start_with_pair(hash, next_hash) {
            return None;
        }
        self.candidates_of(hash).iter().find_map(|c| {
            self.key_at(c, bytes, pos, next_hash)
                .map(|end| (end, c.pattern as usize))
        })
    }

    /// Every key that starts at the word `words[at]` of the match key
    /// `bytes` and ends at a word boundary, as `found(end, pattern index)`.
    ///
    /// Speed: asked at every word; the filter that turns down most words
    /// is inlined where it is asked.
    #[inline]
    pub(crate) fn each_at(
        &self,
        bytes: &[u8],
        words: &KeyWords,
        at: usize,
        found: impl FnMut(usize, usize),
    ) {
        let Some(w) = words.words.get(at) else {
            return;
        };
        if self.may_start_with(w.hash) {
            self.each_at_filtered(bytes, words, at, found);
        }
    }

    /// [`WordMatcher::each_at`] for a word the first-word filter let pass.
    fn each_at_filtered(
        &self,
        bytes: &[u8],
        words: &KeyWords,
        at: usize,
        mut found: impl FnMut(usize, usize),
    ) {
        let w = words.words[at];
        let next_hash = words.words.get(at + 1).map(|n| n.hash);
        if !self.may_start_with_pair(w.hash, next_hash) {
            return;
        }
        for c in self.candidates_of(w.hash) {
            if let Some(end) = self.key_at(c, bytes, w.start, next_hash) {
                found(end, c.pattern as usize);
            }
        }
    }
}

/// The words of a match key (runs of non-space bytes) with their hashes:
/// computed once per document and shared by the place, actor and title
/// lookups, which would otherwise each scan and hash every word again.
#[derive(Debug, Clone, Default)]
pub struct KeyWords {
    words: Vec<KeyWord>,
}

impl KeyWords {
    /// The words [`crate::normalize::key_with_words`] found.
    pub fn from_words(words: Vec<KeyWord>) -> KeyWords {
        KeyWords { words }
    }

    /// The words that start in `[from, until)`.
    fn within(&self, from: usize, until: usize) -> KeyWords {
        let a = self.words.partition_point(|w| w.start < from);
        let b = self.words.partition_point(|w| w.start < until);
        KeyWords {
            words: self.words[a..b].to_vec(),
        }
    }

    /// Index the words of `key` (a [`crate::normalize::match_key`]).
    pub fn of(key: &str) -> KeyWords {
        // one pass: the hash is built as the word is read
        let bytes = key.as_bytes();
        let mut words = Vec::with_capacity(bytes.len() / 5);
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b' ' {
                i += 1;
                continue;
            }
            let start = i;
            while bytes.get(i).is_some_and(|&b| b != b' ') {
                i += 1;
            }
            let hash = word_hash(&bytes[start..i]);
            words.push(KeyWord { start, hash });
        }
        KeyWords { words }
    }

    /// The words that start in `[from, to)` of the key, as `(start,
    /// hash)`; the hash is [`KeyWords::hash`] of the word.
    pub fn starting_in(&self, from: usize, to: usize) -> impl Iterator<Item = (usize, u64)> + '_ {
        let first = self.words.partition_point(|w| w.start < from);
        self.words[first..]
            .iter()
            .take_while(move |w| w.start < to)
            .map(|w| (w.start, w.hash))
    }

    /// The index of the first word that starts at or after byte `pos`.
    pub fn first_from(&self, pos: usize) -> usize {
        self.words.partition_point(|w| w.start < pos)
    }

    /// The start of the word at index `at`, if there is one.
    pub fn start_of(&self, at: usize) -> Option<usize> {
        self.words.get(at).map(|w| w.start)
    }

    /// The hash a word of the key is indexed by.
    pub fn hash(word: &str) -> u64 {
        first_word_hash(word.as_bytes())
    }
}

/// A small set of words looked up by their [`KeyWords::hash`], the hash
/// every word of a document's key already has (the date rules' trigger
/// words, the number words).
///
/// Speed: asked of every word of a document; a filter of one bit per hash
/// (`64 * N` bits, the hash's low bits) turns most words away in a few
/// instructions, and a binary search of the sorted hashes confirms the
/// rest. A hash set look-up cost 1.4% of all instructions, a scan of the
/// words 1%.
#[derive(Debug)]
pub(crate) struct WordHashSet<const N: usize> {
    filter: [u64; N],
    sorted: Vec<u64>,
}

impl<const N: usize> WordHashSet<N> {
    /// The filter's bits less one (`N` is a power of two).
    const MASK: usize = 64 * N - 1;

    /// The set of `words`.
    pub(crate) fn new(words: &[&str]) -> WordHashSet<N> {
        debug_assert!(N.is_power_of_two());
        let mut sorted: Vec<u64> = words.iter().map(|w| KeyWords::hash(w)).collect();
        sorted.sort_unstable();
        let mut filter = [0u64; N];
        for &hash in &sorted {
            let bit = hash as usize & Self::MASK;
            filter[bit / 64] |= 1 << (bit % 64);
        }
        WordHashSet { filter, sorted }
    }

    /// True when `hash` is the [`KeyWords::hash`] of a word of the set.
    #[inline]
    pub(crate) fn contains(&self, hash: u64) -> bool {
        let bit = hash as usize & Self::MASK;
        self.filter[bit / 64] & (1 << (bit % 64)) != 0 && self.sorted.binary_search(&hash).is_ok()
    }
}

/// Every hit of `matcher` in `key` (whose words are `words`) that starts
/// and ends at word boundaries, from byte `from` on, as `(start, end,
/// pattern index)`: at each word start the longest key that ends at a word
/// boundary, then on after it. A `from` inside a word starts at the next
/// word.
fn word_hits(
    matcher: &WordMatcher,
    key: &str,
    words: &KeyWords,
    from: usize,
) -> Vec<(usize, usize, usize)> {
    let bytes = key.as_bytes();
    let words = &words.words;
    let mut hits = Vec::new();
    let mut i = words.partition_point(|w| w.start < from);
    while let Some(w) = words.get(i) {
        i += 1;
        let next_hash = words.get(i).map(|n| n.hash);
        if let Some((end, pattern)) = matcher.longest_at(bytes, w.start, w.hash, next_hash) {
            hits.push((w.start, end, pattern));
            while words.get(i).is_some_and(|n| n.start < end) {
                i += 1;
            }
        }
    }
    hits
}

impl Gazetteer {
    /// Also match place names without diacritics (`--fold`).
    pub fn enable_fold(&mut self) {
        let mut keys = Vec::new();
        let mut targets = Vec::new();
        let mut seen = BTreeSet::new();
        for p in &self.place_patterns {
            if let Target::Place { short: false, .. } = p.target {
                let key = fold_str(&phrase_key(&p.alias));
                if key.len() > 3 && seen.insert(key.clone()) {
                    keys.push(key);
                    targets.push(p.target);
                }
            }
        }
        let ac = WordMatcher::new(&keys);
        self.fold_place_matcher = Some((ac, targets));
    }

    /// Whether the honorific `word` (`bà`, `ông`) names a woman (true) or
    /// a man (false), as `data/titles.tsv` says; none for other words.
    pub fn honorific_gender(&self, word: &str) -> Option<bool> {
        // most words are lowercase already: no copy for those
        if word.chars().any(char::is_uppercase) {
            self.honorific_genders.get(&word.to_lowercase()).copied()
        } else {
            self.honorific_genders.get(word).copied()
        }
    }

    /// The index (in `places`) of the country whose name, or one of whose
    /// names, is exactly `name` (original text: `Hàn Quốc`, `Nhật Bản`).
    pub fn country_named(&self, name: &str) -> Option<usize> {
        let key = crate::normalize::match_key(name);
        self.find_places(name, &key, &KeyWords::of(&key), 0)
            .iter()
            .find_map(|hit| match hit.target {
                Target::Place {
                    index,
                    short: false,
                } if hit.start == 0
                    && hit.end == name.len()
                    && self.places[index].kind == "country" =>
                {
                    Some(index)
                }
                _ => None,
            })
    }

    /// The country entry of an ISO code.
    pub fn country(&self, code: &str) -> Option<&PlaceEntry> {
        self.country_by_code.get(code).map(|&i| &self.places[i])
    }

    fn scan(
        &self,
        matcher: &WordMatcher,
        patterns: &[Pattern],
        text: &str,
        key: &str,
        words: &KeyWords,
        from: usize,
    ) -> Vec<Hit> {
        // the first spelling of the key whose capitals the text has
        let agreeing = |s: usize, e: usize, first: usize| {
            let (found, found_key) = (&text[s..e], &key.as_bytes()[s..e]);
            let mut p = Some(first);
            while let Some(i) = p {
                if patterns[i].capitals.agree_keyed(found, found_key) {
                    return Some(Hit {
                        start: s,
                        end: e,
                        target: patterns[i].target,
                    });
                }
                p = matcher.next_with_same_key(i);
            }
            None
        };
        let mut hits = Vec::new();
        for (s, e, first) in word_hits(matcher, key, words, from) {
            match agreeing(s, e, first) {
                Some(hit) => hits.push(hit),
                // a shorter alias inside a refused hit is still one:
                // `hãng thông tấn TASS`, lowercase where the alias `Hãng
                // thông tấn TASS` has capitals, holds `TASS` (rare: looked
                // for only then)
                None => hits.extend(
                    word_hits(matcher, &key[..e], &words.within(s + 1, e), s + 1)
                        .into_iter()
                        .filter_map(|(s, e, first)| agreeing(s, e, first)),
                ),
            }
        }
        hits
    }

    /// Place hits (raw: before context rules) in `text`, whose lowercase key
    /// is `key` with words `words`, from byte `from`.
    pub fn find_places(&self, text: &str, key: &str, words: &KeyWords, from: usize) -> Vec<Hit> {
        let (matcher, patterns) = (&self.place_matcher, &self.place_patterns);
        self.scan(matcher, patterns, text, key, words, from)
    }

    /// Diacritic-insensitive place hits, for `--fold`: only hits that the
    /// exact matcher did not find are useful. Empty unless enabled.
    pub fn find_places_folded(&self, text: &str, from: usize) -> Vec<Hit> {
        let Some((ac, targets)) = &self.fold_place_matcher else {
            return Vec::new();
        };
        let (folded, map) = crate::normalize::fold(text);
        let key = crate::normalize::match_key(&folded);
        let mut hits = Vec::new();
        for (s, e, p) in word_hits(ac, &key, &KeyWords::of(&key), 0) {
            if map.is_empty() {
                break;
            }
            let start = map[s.min(map.len() - 1)].0 as usize;
            let end = map[(e - 1).min(map.len() - 1)].1 as usize;
            if start < from || !text[start..].starts_with(char::is_uppercase) {
                continue;
            }
            hits.push(Hit {
                start,
                end,
                target: targets[p],
            });
        }
        hits
    }

    /// Person and organization hits (arguments as for
    /// [`Gazetteer::find_places`]).
    pub fn find_actors(&self, text: &str, key: &str, words: &KeyWords, from: usize) -> Vec<Hit> {
        let (matcher, patterns) = (&self.actor_matcher, &self.actor_patterns);
        self.scan(matcher, patterns, text, key, words, from)
    }

    /// Title phrase hits (case-insensitive) in `key`, whose words are
    /// `words`, from byte `from`.
    pub fn find_titles(&self, key: &str, words: &KeyWords, from: usize) -> Vec<Hit> {
        word_hits(&self.title_matcher, key, words, from)
            .into_iter()
            .map(|(s, e, p)| Hit {
                start: s,
                end: e,
                target: self.title_patterns[p].target,
            })
            .collect()
    }
}

/// Whether `found` (the text as written) has a capital wherever `alias`
/// starts a word with one. A word after a hyphen may be lowercase
/// (`Kim Jong-un` for `Kim Jong Un`). An all-capitals alias (an acronym)
/// must be all capitals in the text.
pub fn capitals_agree(alias: &str, found: &str) -> bool {
    Capitals::of(alias).agree(found)
}

/// What an alias asks of the capitals of a hit, worked out once when the
/// gazetteer is built: every hit is checked against it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Capitals {
    /// An acronym (two or more letters, all capitals): the hit must be all
    /// capitals too.
    Acronym,
    /// Per word of the alias, whether it starts with a capital.
    Words(Vec<bool>),
}

impl Capitals {
    fn of(alias: &str) -> Capitals {
        let mut letters = alias.chars().filter(|&c| is_letter(c));
        if letters.clone().count() >= 2 && letters.all(char::is_uppercase) {
            return Capitals::Acronym;
        }
        Capitals::Words(
            crate::normalize::words_with_offsets(alias)
                .map(|(_, w)| w.starts_with(char::is_uppercase))
                .collect(),
        )
    }

    /// [`Capitals::agree`], with the words of `found` read off its match
    /// key `found_key` (a space exactly where `found` has no word
    /// character) instead of decoding it.
    ///
    /// Speed: every gazetteer hit is checked, and splitting the text into
    /// words by character was 2% of all instructions (measured); only the
    /// first character of a word that needs a capital is decoded here.
    /// `tests::capitals_read_off_the_key_agree_with_the_plain_reading`
    /// compares the two.
    fn agree_keyed(&self, found: &str, found_key: &[u8]) -> bool {
        let Capitals::Words(capital) = self else {
            return self.agree(found);
        };
        let mut i = 0;
        for &needs_capital in capital {
            while found_key.get(i) == Some(&b' ') {
                i += 1;
            }
            if i >= found_key.len() {
                return false;
            }
            if needs_capital
                && !found[i..].starts_with(char::is_uppercase)
                && !found[..i].ends_with('-')
            {
                return false;
            }
            while found_key.get(i).is_some_and(|&b| b != b' ') {
                i += 1;
            }
        }
        true
    }

    /// Let the first `n` words be written in either case.
    fn free_first(&mut self, n: usize) {
        if let Capitals::Words(capital) = self {
            for c in capital.iter_mut().take(n) {
                *c = false;
            }
        }
    }

    fn agree(&self, found: &str) -> bool {
        match self {
            Capitals::Acronym => found
                .chars()
                .filter(|&c| is_letter(c))
                .all(char::is_uppercase),
            Capitals::Words(capital) => {
                // a capitalized alias word needs a capitalized text word,
                // unless the text word follows a hyphen
                let mut found_words = crate::normalize::words_with_offsets(found);
                capital.iter().all(|&needs_capital| {
                    found_words.next().is_some_and(|(at, f)| {
                        !needs_capital
                            || f.starts_with(char::is_uppercase)
                            || found[..at].ends_with('-')
                    })
                })
            }
        }
    }
}

/// `char::is_alphabetic`, without the Unicode table look-up for the Latin
/// letters Vietnamese is written in.
#[inline]
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        c if c.is_ascii() => false,
        '\u{00D7}' | '\u{00F7}' => false,
        '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => true,
        c => c.is_alphabetic(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_sorted_unique(name: &str, text: &str) {
        let keys: Vec<&str> = rows(text, 1).map(|(_, c)| c[0]).collect();
        for w in keys.windows(2) {
            assert!(
                w[0] < w[1],
                "{name}: {:?} must sort before {:?} (unique, byte order)",
                w[0],
                w[1]
            );
        }
    }

    #[test]
    fn honorifics_may_give_a_gender() {
        let g = builtin();
        assert_eq!(g.honorific_gender("Bà"), Some(true));
        assert_eq!(g.honorific_gender("chị"), Some(true));
        assert_eq!(g.honorific_gender("ông"), Some(false));
        assert_eq!(g.honorific_gender("ngài"), None);
        assert_eq!(g.honorific_gender("Tổng thống"), None);
        let mut b = Builder::default();
        b.add_titles("bác\thonorific\tmale\n").unwrap();
        assert_eq!(b.build().honorific_gender("Bác"), Some(false));
        let mut b = Builder::default();
        assert!(b.add_titles("Thủ tướng\trole\tfemale\n").is_err());
        assert!(b.add_titles("cụ\thonorific\told\n").is_err());
    }

    #[test]
    fn data_files_are_sorted_and_unique() {
        check_sorted_unique("countries", COUNTRIES_TSV);
        check_sorted_unique("places", PLACES_TSV);
        check_sorted_unique("actors", ACTORS_TSV);
        check_sorted_unique("titles", TITLES_TSV);
    }

    #[test]
    fn data_files_parse_and_codes_are_known() {
        let g = builtin();
        assert!(g.places.iter().filter(|p| p.kind == "country").count() >= 195);
        for p in &g.places {
            if let Some(c) = &p.country {
                assert!(
                    g.country(c).is_some(),
                    "{}: unknown country code {c}",
                    p.name
                );
            }
            assert!(
                ["country", "city", "region", "facility", "sea", "river", "ignore"]
                    .contains(&p.kind.as_str()),
                "{}: kind {}",
                p.name,
                p.kind
            );
        }
        for a in &g.actors {
            if let Some(c) = &a.affiliation {
                assert!(
                    g.country(c).is_some(),
                    "{}: unknown country code {c}",
                    a.name
                );
            }
        }
    }

    #[test]
    fn no_alias_key_points_to_two_entries_of_a_kind() {
        let g = builtin();
        let mut seen: HashMap<String, Target> = HashMap::new();
        for p in g.place_patterns.iter().chain(&g.actor_patterns) {
            let key = phrase_key(&p.alias);
            if let Some(prev) = seen.insert(key.clone(), p.target) {
                assert_eq!(prev, p.target, "alias key {key:?} is ambiguous");
            }
        }
    }

    #[test]
    fn capitals() {
        assert!(capitals_agree("Nga", "Nga"));
        assert!(!capitals_agree("Nga Mỹ", "Nga"));
        assert!(!capitals_agree("Nga", "nga"));
        assert!(capitals_agree("Kim Jong Un", "Kim Jong-un"));
        assert!(!capitals_agree("Kim Jong Un", "kim jong un"));
        assert!(capitals_agree("châu Âu", "Châu Âu"));
        assert!(capitals_agree("NATO", "NATO"));
        assert!(!capitals_agree("NATO", "Nato"));
    }

    #[test]
    fn capitals_read_off_the_key_agree_with_the_plain_reading() {
        let aliases = [
            "Nga",
            "Kim Jong Un",
            "châu Âu",
            "NATO",
            "Bộ Quốc phòng Nga",
            "Nhà Trắng",
            "Bình Nhưỡng",
        ];
        let founds = [
            "Nga",
            "nga",
            "Kim Jong-un",
            "kim jong un",
            "Kim Jong Un",
            "Kim  Jong–Un",
            "Châu Âu",
            "châu âu",
            "NATO",
            "Nato",
            "Bộ Quốc phòng Nga",
            "bộ quốc phòng nga",
            "Bộ Quốc Phòng (Nga)",
            "Nhà Trắng",
            "nhà Trắng",
            "Bình-Nhưỡng",
            "Bình",
            "",
            " Nga",
            "Ấn Độ",
        ];
        for alias in aliases {
            let capitals = Capitals::of(alias);
            for found in founds {
                let key = crate::normalize::match_key(found);
                assert_eq!(
                    capitals.agree_keyed(found, key.as_bytes()),
                    capitals.agree(found),
                    "{alias:?} {found:?}"
                );
            }
        }
    }

    #[test]
    fn finds_places_at_word_boundaries_only() {
        let g = builtin();
        let text = "Ngay tại Nga-Triều Tiên, ngà voi và Mátxcơva";
        let key = crate::normalize::match_key(text);
        let found: Vec<&str> = g
            .find_places(text, &key, &KeyWords::of(&key), 0)
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect();
        assert_eq!(found, ["Nga", "Triều Tiên", "Mátxcơva"]);
    }

    #[test]
    fn a_key_written_with_other_capitals_matches_its_own_spelling() {
        let g = builtin();
        let actor_names = |text: &str| -> Vec<String> {
            let key = crate::normalize::match_key(text);
            g.find_actors(text, &key, &KeyWords::of(&key), 0)
                .into_iter()
                .filter_map(|h| match h.target {
                    Target::Actor(i) => Some(g.actors[i].name.clone()),
                    _ => None,
                })
                .collect()
        };
        // both spellings are aliases of one entry; the capitalized one comes
        // first in the data and used to hide the other
        assert_eq!(
            actor_names("Cơ quan tình báo quốc gia Hàn Quốc cho biết."),
            ["NIS"]
        );
        assert_eq!(
            actor_names("Cơ quan Tình báo Quốc gia Hàn Quốc cho biết."),
            ["NIS"]
        );
        // capitals the text lacks still fail: `nga` is no country, and an
        // acronym must be written in capitals
        assert_eq!(actor_names("hur cho biết."), Vec::<String>::new());
        // … and a shorter alias inside the refused one is still found
        assert_eq!(
            actor_names("Theo hãng thông tấn TASS, Moskva lên tiếng."),
            ["TASS"]
        );
    }

    #[test]
    fn word_hits_are_longest_and_start_at_word_starts() {
        let keys: Vec<String> = [
            "bc", "abcd", "nga", "an", "nga an", "x y z", "q", "kim", "kim jong", "an",
        ]
        .iter()
        .map(|k| k.to_string())
        .collect();
        let matcher = WordMatcher::new(&keys);
        let hits = |key: &str, from: usize| -> Vec<(usize, usize, usize)> {
            word_hits(&matcher, key, &KeyWords::of(key), from)
        };
        // `bc` inside `abc` is not a word
        assert_eq!(hits("abc bc", 0), [(4, 6, 0)]);
        // longest first, and no hit inside `ngang`
        assert_eq!(hits("nga an ngang an", 0), [(0, 6, 4), (13, 15, 3)]);
        // a longer pattern that stops mid-word is not a hit; a shorter one
        // that ends at a word boundary is
        assert_eq!(hits("abcde", 0), []);
        assert_eq!(hits("kim jongx", 0), [(0, 3, 7)]);
        // of two equal keys, the first pattern
        assert_eq!(hits("an", 0), [(0, 2, 3)]);
        // `from` inside a word starts at the next word
        assert_eq!(hits("nga an", 1), [(4, 6, 3)]);
        // a partial multi-word pattern is not a hit
        assert_eq!(hits("x y", 0), []);
        assert_eq!(hits("", 0), []);
        // one-byte keys pass the first-word filter
        assert_eq!(hits("q qq an", 0), [(0, 1, 6), (5, 7, 3)]);
    }

    #[test]
    fn the_second_word_filter_keeps_every_hit() {
        // keys sharing a first word, one with two spaces inside (the key of
        // `St. Petersburg` in text); the filter reads the next run of
        // non-space bytes on both sides
        let keys: Vec<String> = ["st  pe", "st pa x", "st pa", "st", "bo quoc phong", "bo"]
            .iter()
            .map(|k| k.to_string())
            .collect();
        let matcher = WordMatcher::new(&keys);
        let hits = |key: &str| -> Vec<(usize, usize, usize)> {
            word_hits(&matcher, key, &KeyWords::of(key), 0)
        };
        assert_eq!(hits("st  pe"), [(0, 6, 0)]);
        assert_eq!(hits("st pe"), [(0, 2, 3)]);
        assert_eq!(hits("st pa x st pa xy"), [(0, 7, 1), (8, 13, 2)]);
        assert_eq!(hits("bo quoc phong bo quoc"), [(0, 13, 4), (14, 16, 5)]);
        assert_eq!(hits("bo"), [(0, 2, 5)]);
    }
}
