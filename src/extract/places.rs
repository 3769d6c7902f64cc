//! Places: countries, cities, regions, facilities, seas and rivers; one
//! entry per real place.
//!
//! Candidates come from the gazetteer (every country, capitals, major
//! cities, conflict regions, seas, rivers, facilities) and from patterns that name a
//! place by its generic word (`vùng X`, `tỉnh X`, `Sân bay Quốc tế X`,
//! `căn cứ X`, `sông X`). Rules then settle the ambiguous ones, each tested below:
//! - `Triều Tiên` is North Korea, but `bán đảo Triều Tiên` is the peninsula
//!   and `Chiến tranh Triều Tiên` no place at all (longest match, and
//!   `ignore` entries that block shorter matches inside them);
//! - a bilateral short form (`Trung` in `Nga - Trung`) counts only next to
//!   another country joined by a dash or slash;
//! - a one-word country name (`Nga`, `Anh`, `Nhật`) is not a place when it
//!   is part of a personal name: after a capitalized word that is not a
//!   sentence opener, after `ông`/`bà`/`anh`/…, or opening a sentence before
//!   another capitalized word (`Nhật Lệ`, a byline); `Anh` (also a pronoun)
//!   never counts as the first word of a sentence; a compass word after
//!   `miền`, `phía`, `tại` … names a part of the country (`miền Đông
//!   Ukraine`);
//! - the author's name in a closing byline (`Hải Nam`) is no place, nor
//!   is a one-word place after `ông`, `bà`, `chị` … (`chị Huế`), nor a
//!   city or region that names a ship (`tàu sân bay Sơn Đông`);
//! - `bờ biển Nhật Bản` is Japan's coast, not the Sea of Japan (`Biển Nhật
//!   Bản`): a sea named `biển <country>` after `bờ` or `ven` is the country;
//! - places inside a person's name are dropped; inside an organization's
//!   name, countries are kept as mentions of the country
//!   (`Bộ Quốc phòng Nga` mentions Russia) and other places are dropped
//!   (`Washington Post` does not mention Washington).

use super::tokens::{is_all_caps, is_capitalized, is_vietnamese_syllable, tokens_in, Token};
use super::Context;
use crate::fast_hash::FastMap;
use crate::gazetteer::{Gazetteer, Hit, Target};
use crate::model::{Mention, Place};
use crate::normalize::short_eq;
use crate::prepare::Prepared;

/// Which place a mention refers to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceRef {
    /// An entry of the gazetteer.
    Known(usize),
    /// A place found by a pattern: its name, kind and country.
    Found {
        /// The name as written (NFC).
        name: String,
        /// The English name: the proper name, with the English of a
        /// generic word that is part of the name.
        name_en: String,
        /// `city`, `region`, `facility` or `river`.
        kind: &'static str,
        /// ISO code, when the text says.
        country: Option<String>,
    },
}

/// One mention of a place (normalized offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The place.
    pub place: PlaceRef,
}

impl PlaceMention {
    /// The ISO code of the country the place is in (itself for a country).
    pub fn country<'g>(&'g self, g: &'g Gazetteer) -> Option<&'g str> {
        match &self.place {
            PlaceRef::Known(i) => g.places[*i].country.as_deref(),
            PlaceRef::Found { country, .. } => country.as_deref(),
        }
    }

    /// The kind of place.
    pub fn kind<'g>(&'g self, g: &'g Gazetteer) -> &'g str {
        match &self.place {
            PlaceRef::Known(i) => &g.places[*i].kind,
            PlaceRef::Found { kind, .. } => kind,
        }
    }

    /// The canonical name.
    pub fn name<'g>(&'g self, g: &'g Gazetteer) -> &'g str {
        match &self.place {
            PlaceRef::Known(i) => &g.places[*i].name,
            PlaceRef::Found { name, .. } => name,
        }
    }

    /// True for a country.
    pub fn is_country(&self, g: &Gazetteer) -> bool {
        self.kind(g) == "country"
    }
}

/// One-word country names that are also Vietnamese given names (`Minh
/// Anh`, `Văn Đức`, `Thúy Nga`): after any capitalized word that is not a
/// sentence-opening function word they are taken as names.
const NAME_LIKE: &[&str] = &["Anh", "Ý", "Đức", "Nhật", "Nga", "Mỹ", "Úc", "Pháp"];

/// Capitalized words that open sentences without being names, so that a
/// one-word country after them still counts (`Hiện Mỹ duy trì …`, `Quân
/// Nga rút …`): prepositions and conjunctions, adverbs, quantity and time
/// words, and nouns that a country qualifies. Words that are also common
/// given names (`Thế`, `Đức`, `Minh`, as in `Thế Anh`) are left out: a
/// name is the likelier reading there.
const OPENERS: &[&str] = &[
    // prepositions and conjunctions
    "tại", "theo", "ở", "với", "từ", "sang", "cho", "của", "về", "và", "nhưng", "trong", "khi",
    "nếu", "còn", "cả", "cùng", "giữa", "sau", "trước", "phía", "bên", "đến", "tới", "vì", "do",
    "như", "đối", "gồm", "kể", "ngoài", "tuy", "dù", "bởi", "nhờ", "qua", "trên", "dưới", "hoặc",
    "hay", "mà", "để", "rồi", "nên", // adverbs
    "hiện", "ngay", "riêng", "cũng", "chỉ", "đã", "đang", "sẽ", "vừa", "liệu", "nay", "lúc",
    "chưa", "không", // quantity words
    "các", "những", "hai", "ba", "mọi", "mỗi", "một", "nhiều", // time words
    "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "ngày", "tuần", "tháng", "năm",
    // nouns a country qualifies
    "người", "nước", "quân", "lính", "tàu", "dân", "báo", "hãng", "phe", "tướng", "xe", "pháo",
];

/// Words after which a capitalized word is a personal name, not a place.
const PERSON_WORDS: &[&str] = &[
    "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cháu", "con", "cụ", "chàng", "nàng",
    "ngài", "bé", "thầy", "cậu", "dì",
];

/// Find the place mentions of a document: gazetteer hits that pass the
/// context rules, plus pattern places. Mentions inside actor names are
/// removed later, by [`drop_inside`].
/// Whether `[s, e)` is inside the author's name of the byline.
fn in_byline(doc: &Prepared, s: usize, e: usize) -> bool {
    doc.byline
        .as_ref()
        .is_some_and(|b| s >= b.start && e <= b.end)
}

pub fn find(doc: &Prepared, ctx: &Context, tokens: &[Token]) -> Vec<PlaceMention> {
    let g = ctx.gazetteer;
    let text = doc.text();
    let from = doc.header.body_start;
    let mut hits = g.find_places(text, &doc.key, &doc.key_words, from);
    if ctx.fold {
        let extra = g.find_places_folded(text, from);
        for h in extra {
            if !hits.iter().any(|k| k.start < h.end && h.start < k.end) {
                hits.push(h);
            }
        }
        hits.sort_by_key(|h| (h.start, h.end));
    }
    // sorted offsets, searched in place of hash sets (no hashing per hit)
    let mut starts: Vec<usize> = hits.iter().map(|h| h.start).collect();
    let mut ends: Vec<usize> = hits.iter().map(|h| h.end).collect();
    starts.sort_unstable();
    ends.sort_unstable();
    let mut out = Vec::new();
    // the first token at or after each hit: the hits come in text order,
    // so a cursor walks the tokens once (a binary search per hit read the
    // token list out of cache at every step)
    let mut cursor = 0;
    for (i, hit) in hits.iter().enumerate() {
        let Target::Place { index, short } = hit.target else {
            continue;
        };
        while tokens.get(cursor).is_some_and(|t| t.start < hit.start) {
            cursor += 1;
        }
        let entry = &g.places[index];
        if entry.kind == "ignore" || in_byline(doc, hit.start, hit.end) {
            continue;
        }
        if short && !bilateral(text, &hits, i, g) {
            continue;
        }
        let one_word = !hit_text_has_space(text, hit);
        // a one-word place after `ông`, `bà`, `chị` … is a person's given
        // name (`chị Huế`, `bà Nga`)
        if one_word && after_person_word(&doc.key, tokens, cursor) {
            continue;
        }
        if entry.kind == "country" {
            if one_word && !single_word_ok(text, tokens, cursor, hit, &starts, &ends) {
                continue;
            }
        } else if after_ship_noun(&doc.key, hit.start) {
            // a city or region right after a ship noun is the ship's name
            // (`tàu sân bay Sơn Đông`, `tuần dương hạm Moskva`); a country
            // there says whose ship it is (`tàu sân bay Mỹ`)
            continue;
        }
        if entry.kind == "sea" {
            if let Some(country) = coast_of_country(text, &doc.key, hit, g) {
                out.push(country);
                continue;
            }
        }
        out.push(PlaceMention {
            start: hit.start,
            end: hit.end,
            place: PlaceRef::Known(index),
        });
    }
    find_patterns(doc, g, tokens, &mut out);
    out.sort_by_key(|m| (m.start, m.end));
    countries_from_neighbours(&doc.key, &mut out, g);
    out
}

/// `làng Makhnovka và thị trấn Sudzha`: two places, each behind the generic
/// word of a town or region, joined by `và` or `hoặc`, lie in one country,
/// so a found place the text gives no country takes its neighbour's. A
/// comma list is left alone (`làng Plekhovo, Kursk và Sumy` crosses a
/// border), and so is a country (`làng X và Nga`).
fn countries_from_neighbours(key: &str, out: &mut [PlaceMention], g: &Gazetteer) {
    let division_before = |pos: usize| {
        let before = key[..pos].trim_end();
        PLACE_TRIGGERS.iter().any(|&(trigger, kind, _)| {
            matches!(kind, "city" | "region")
                && before
                    .strip_suffix(trigger)
                    .is_some_and(|b| b.is_empty() || b.ends_with(' '))
        })
    };
    let joined = |a: &PlaceMention, b: &PlaceMention| {
        let Some(between) = key.get(a.end..b.start) else {
            return false;
        };
        let between = between.trim();
        let Some(rest) = ["và ", "hoặc "]
            .iter()
            .find_map(|c| between.strip_prefix(c))
        else {
            return false;
        };
        division_before(a.start)
            && PLACE_TRIGGERS.iter().any(|&(trigger, kind, _)| {
                matches!(kind, "city" | "region") && rest.trim() == trigger
            })
    };
    let lent = |m: &PlaceMention| -> Option<String> {
        (!m.is_country(g))
            .then(|| m.country(g).map(str::to_string))
            .flatten()
    };
    // right to left, then left to right, so that a country passes along a
    // chain of three or more
    for pair in (0..out.len().saturating_sub(1))
        .rev()
        .chain(0..out.len().saturating_sub(1))
    {
        let (a, b) = (&out[pair], &out[pair + 1]);
        // (the country test first: it is cheaper, and most pairs fail it)
        let (to, country) = match (a.country(g), b.country(g)) {
            (None, Some(_)) => (pair, lent(b)),
            (Some(_), None) => (pair + 1, lent(a)),
            _ => continue,
        };
        if country.is_none() || !joined(a, b) {
            continue;
        }
        if let PlaceRef::Found { country: slot, .. } = &mut out[to].place {
            *slot = country;
        }
    }
}

fn hit_text_has_space(text: &str, hit: &Hit) -> bool {
    text[hit.start..hit.end].contains([' ', '-'])
}

/// A short form is valid when joined by a dash or slash to another country.
fn bilateral(text: &str, hits: &[Hit], i: usize, g: &Gazetteer) -> bool {
    let joined = |a: &Hit, b: &Hit| {
        a.end <= b.start && {
            let gap = text[a.end..b.start].trim();
            super::PAIR_JOINERS.contains(&gap)
        }
    };
    let is_country = |h: &Hit| matches!(h.target, Target::Place { index, .. } if g.places[index].kind == "country");
    let h = &hits[i];
    (i > 0 && is_country(&hits[i - 1]) && joined(&hits[i - 1], h))
        || (i + 1 < hits.len() && is_country(&hits[i + 1]) && joined(h, &hits[i + 1]))
}

/// Nouns of ships, whose name may be a place's (`tàu sân bay Sơn Đông`)
/// or a person's (`tàu khu trục Đô đốc Tributs`).
const SHIP_NOUNS: &[&str] = &[
    "tàu",
    "tàu sân bay",
    "tàu khu trục",
    "tàu tuần dương",
    "tàu ngầm",
    "tàu hộ vệ",
    "tàu đổ bộ",
    "tàu chiến",
    "chiến hạm",
    "soái hạm",
    "tuần dương hạm",
    "khu trục hạm",
    "hộ vệ hạm",
    "hàng không mẫu hạm",
];

/// Words before `biển <country>` that make it the country's coast, not a
/// sea named after the country (`bờ biển Nhật Bản` is Japan's coast; `Biển
/// Nhật Bản` the Sea of Japan).
const COAST_WORDS: &[&str] = &["bờ", "ven", "dọc bờ"];

/// The country of a sea hit written `biển <country>` after a
/// [`COAST_WORDS`] word (`bờ biển Nhật Bản`), as a mention of the country
/// alone; `None` for any other sea hit.
fn coast_of_country(text: &str, key: &str, hit: &Hit, g: &Gazetteer) -> Option<PlaceMention> {
    let tail = text.get(hit.start..hit.end)?.strip_prefix("biển ")?;
    let tail_start = hit.end - tail.len();
    if !COAST_WORDS
        .iter()
        .any(|w| super::phrase_before(key, hit.start, w).is_some())
    {
        return None;
    }
    let index = g.country_named(tail)?;
    Some(PlaceMention {
        start: tail_start,
        end: hit.end,
        place: PlaceRef::Known(index),
    })
}

/// Whether the match key `key` has a [`SHIP_NOUNS`] phrase right before
/// byte `pos` (spaces aside, at a word boundary).
///
/// Speed: asked before every titled name; the word before `pos` is
/// compared with the nouns' last words first (most are none).
pub(super) fn after_ship_noun(key: &str, pos: usize) -> bool {
    let Some(before) = key.get(..pos) else {
        return false;
    };
    let last_word = before.trim_end().rsplit(' ').next().unwrap_or("");
    SHIP_NOUNS
        .iter()
        .any(|noun| noun.ends_with(last_word) && super::phrase_before(key, pos, noun).is_some())
}

/// Whether the token before token `ti`, in the same sentence, is one of
/// [`PERSON_WORDS`]. `key` is the text's match key (lowercase: no copy).
fn after_person_word(key: &str, tokens: &[Token], ti: usize) -> bool {
    let (Some(tok), Some(prev)) = (tokens.get(ti), ti.checked_sub(1).map(|p| &tokens[p])) else {
        return false;
    };
    prev.is_word
        && prev.sentence == tok.sentence
        && key
            .get(prev.start..prev.end)
            .is_some_and(|w| PERSON_WORDS.contains(&w))
}

/// Capitalized compass words: `miền Đông Ukraine` is a part of Ukraine.
const COMPASS: &[&str] = &["Đông", "Tây", "Nam", "Bắc"];

/// Words before a compass word that make it the part of a country
/// (`miền Đông`, `phía Tây`, `khu vực Đông Bắc`, `tại Đông …`), not the
/// given name before a country-like one (`Văn Nam Nga`).
const PART_OF_COUNTRY_WORDS: &[&str] = &[
    "miền", "vùng", "phía", "mạn", "phần", "vực", "tại", "ở", "từ", "tới", "đến", "sang", "khắp",
];

/// Whether one or two compass words (`Đông`, `Đông Bắc`) stand before
/// token `ti`, after a word of [`PART_OF_COUNTRY_WORDS`], in its sentence.
fn after_compass_part(text: &str, tokens: &[Token], ti: usize) -> bool {
    let sentence = tokens[ti].sentence;
    let word_at = |j: usize| {
        let t = &tokens[j];
        (t.is_word && t.sentence == sentence).then(|| t.text(text))
    };
    let mut j = ti;
    let mut compass = 0;
    while compass < 2 {
        match j.checked_sub(1).and_then(word_at) {
            Some(w) if COMPASS.contains(&w) => {
                j -= 1;
                compass += 1;
            }
            _ => break,
        }
    }
    compass > 0
        && j.checked_sub(1)
            .and_then(word_at)
            .is_some_and(|w| PART_OF_COUNTRY_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Whether the one-word country name `hit`, at token `ti`, is the country
/// and not part of a personal name or a pronoun (see the module's list);
/// the caller has already tested the word before it with
/// [`after_person_word`].
fn single_word_ok(
    text: &str,
    tokens: &[Token],
    ti: usize,
    hit: &Hit,
    hit_starts: &[usize],
    hit_ends: &[usize],
) -> bool {
    let Some(tok) = tokens.get(ti) else {
        return true;
    };
    let first_in_sentence = ti == 0
        || tokens[ti - 1].sentence != tok.sentence
        || !tokens[ti - 1].is_word
            && matches!(tokens[ti - 1].text(text), "“" | "\"" | "(" | "‘" | "'")
            && (ti < 2 || tokens[ti - 2].sentence != tok.sentence);
    let word = &text[hit.start..hit.end];
    if first_in_sentence {
        if word == "Anh" {
            return false;
        }
        if let Some(next) = tokens.get(ti + 1) {
            let next_is_place = hit_starts.binary_search(&next.start).is_ok();
            if next.sentence == tok.sentence
                && next.is_word
                && is_capitalized(next.text(text))
                && !next_is_place
            {
                return false;
            }
        }
        return true;
    }
    let prev = &tokens[ti - 1];
    if !prev.is_word {
        return true;
    }
    let prev_text = prev.text(text);
    if after_compass_part(text, tokens, ti) {
        return true;
    }
    let prev_is_place_end = hit_ends.binary_search(&prev.end).is_ok();
    let prev_first = ti < 2 || tokens[ti - 2].sentence != tok.sentence;
    if NAME_LIKE.contains(&word)
        && is_capitalized(prev_text)
        && !is_all_caps(prev_text)
        && !prev_is_place_end
        && !(prev_first && OPENERS.contains(&prev_text.to_lowercase().as_str()))
    {
        return false;
    }
    !(is_capitalized(prev_text) && !is_all_caps(prev_text) && !prev_is_place_end && !prev_first)
}

/// Generic words that introduce a place name, with the kind of place and,
/// when the generic word is part of the name, the English form of the
/// name (`{}` stands for the proper name: `căn cứ không quân Khalino` is
/// `Khalino Air Base`). Otherwise the name is the proper name alone
/// (`thị trấn Sudzha` is `Sudzha`), in English too.
const PLACE_TRIGGERS: &[(&str, &str, Option<&str>)] = &[
    (
        "sân bay quốc tế",
        "facility",
        Some("{} International Airport"),
    ),
    ("sân bay vũ trụ", "facility", Some("{} Cosmodrome")),
    ("sân bay quân sự", "facility", Some("{} Air Base")),
    ("sân bay", "facility", Some("{} Airport")),
    ("căn cứ không quân", "facility", Some("{} Air Base")),
    ("căn cứ hải quân", "facility", Some("{} Naval Base")),
    ("căn cứ quân sự", "facility", Some("{} Military Base")),
    ("căn cứ", "facility", Some("{} Base")),
    ("cảng", "facility", Some("Port of {}")),
    (
        "nhà máy điện hạt nhân",
        "facility",
        Some("{} Nuclear Power Plant"),
    ),
    (
        "nhà máy thủy điện",
        "facility",
        Some("{} Hydroelectric Plant"),
    ),
    ("nhà máy lọc dầu", "facility", Some("{} Refinery")),
    ("nhà máy đóng tàu", "facility", Some("{} Shipyard")),
    ("nhà máy", "facility", Some("{} Plant")),
    ("xưởng đóng tàu", "facility", Some("{} Shipyard")),
    ("thao trường", "facility", Some("{} Training Ground")),
    ("trường bắn", "facility", Some("{} Firing Range")),
    ("nhà tù", "facility", Some("{} Prison")),
    (
        "lò phản ứng hạt nhân",
        "facility",
        Some("{} Nuclear Reactor"),
    ),
    ("lò phản ứng", "facility", Some("{} Reactor")),
    ("cơ sở hạt nhân", "facility", Some("{} Nuclear Facility")),
    ("đập", "facility", Some("{} Dam")),
    ("bãi phóng", "facility", Some("{} Launch Site")),
    ("bãi thử hạt nhân", "facility", Some("{} Nuclear Test Site")),
    ("trung tâm vũ trụ", "facility", Some("{} Space Center")),
    ("cửa khẩu", "facility", Some("{} Border Crossing")),
    ("quảng trường", "facility", Some("{} Square")),
    ("sông", "river", Some("{} River")),
    ("thành phố", "city", None),
    ("thị trấn", "city", None),
    ("thủ phủ", "city", None),
    ("tỉnh", "region", None),
    ("vùng", "region", None),
    ("khu vực", "region", None),
    ("bang", "region", None),
    ("huyện", "region", None),
    ("quận", "region", None),
    ("phường", "region", None),
    ("thị xã", "city", None),
    ("làng", "city", None),
    ("đảo", "region", None),
];

/// How many leading words of `name` (a facility's name as written: `Sân
/// bay Quốc tế Vnukovo`) are the generic words of a facility trigger in
/// [`PLACE_TRIGGERS`], longest first; 0 when it starts with none.
pub(crate) fn generic_words(name: &str) -> usize {
    let lower = name.to_lowercase();
    PLACE_TRIGGERS
        .iter()
        .filter(|(trigger, kind, _)| {
            *kind == "facility"
                && lower.starts_with(trigger)
                && lower[trigger.len()..].starts_with(' ')
        })
        .map(|(trigger, _, _)| trigger.split(' ').count())
        .max()
        .unwrap_or(0)
}

/// The triggers of [`PLACE_TRIGGERS`] whose first word is `word`, as
/// `(index, number of words)`, in the table's order (longer first); empty
/// for most words.
///
/// Speed: runs once per word of every document, so the first words are
/// bucketed by their first byte, built once, with a mask of the lengths
/// each bucket holds: most words fail on two table lookups (common words
/// share a first byte with a trigger, `đã` with `đảo`, but seldom its
/// length), where a comparison with each word of the bucket cost 2% of a
/// run's time. A word that passes is compared with the triggers that begin
/// with it only (`trường`, of `chiến trường`, with `trường bắn`), not with
/// every trigger of its first byte.
fn triggers_starting_with(word: &str) -> &'static [(usize, usize)] {
    /// A trigger's first word and the triggers that begin with it.
    type Group = (&'static str, Vec<(usize, usize)>);
    struct FirstWords {
        buckets: Vec<Vec<Group>>,
        /// By first byte: bit `n` set when a word of `n` bytes (below 64)
        /// is in the bucket.
        lengths: [u64; 256],
    }
    static FIRST_WORDS: std::sync::OnceLock<FirstWords> = std::sync::OnceLock::new();
    let first_words = FIRST_WORDS.get_or_init(|| {
        let mut buckets: Vec<Vec<Group>> = vec![Vec::new(); 256];
        let mut lengths = [0u64; 256];
        for (index, (trigger, _, _)) in PLACE_TRIGGERS.iter().enumerate() {
            let first = trigger.split(' ').next().unwrap_or(trigger);
            let words = trigger.split(' ').count();
            let b = usize::from(first.as_bytes()[0]);
            let bucket = &mut buckets[b];
            match bucket.iter_mut().find(|(w, _)| *w == first) {
                Some((_, triggers)) => triggers.push((index, words)),
                None => bucket.push((first, vec![(index, words)])),
            }
            lengths[b] |= 1u64.checked_shl(first.len() as u32).unwrap_or(0);
        }
        FirstWords { buckets, lengths }
    });
    let bytes = word.as_bytes();
    let Some(&b) = bytes.first() else {
        return &[];
    };
    let b = usize::from(b);
    if bytes.len() >= 64 || first_words.lengths[b] >> bytes.len() & 1 == 0 {
        return &[];
    }
    first_words.buckets[b]
        .iter()
        .find(|(w, _)| short_eq(w.as_bytes(), bytes))
        .map_or(&[], |(_, triggers)| triggers.as_slice())
}

fn find_patterns(doc: &Prepared, g: &Gazetteer, tokens: &[Token], out: &mut Vec<PlaceMention>) {
    let text = doc.text();
    let key = &doc.key;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if !t.is_word {
            i += 1;
            continue;
        }
        // the triggers that begin with the word (most words begin none)
        let mut matched = None;
        for &(index, n) in triggers_starting_with(&key[t.start..t.end]) {
            let (trigger, kind, english) = PLACE_TRIGGERS[index];
            if i + n > tokens.len() {
                continue;
            }
            let last = tokens[i + n - 1];
            if last.sentence != t.sentence
                || !short_eq(&key.as_bytes()[t.start..last.end], trigger.as_bytes())
            {
                continue;
            }
            matched = Some((trigger, n, kind, english));
            break;
        }
        let Some((trigger, n, kind, english)) = matched else {
            i += 1;
            continue;
        };
        // `tàu sân bay USS Nimitz`, `tàu khu trục`: a ship, not a place
        if i > 0
            && tokens[i - 1].sentence == t.sentence
            && &key[tokens[i - 1].start..tokens[i - 1].end] == "tàu"
        {
            i += n;
            continue;
        }
        // `căn cứ Điều 4 của Hiệp ước`, `căn cứ Nghị quyết 2270`: `căn cứ`
        // (based on) before a legal text is a verb, no base
        let name_start = i + n;
        if trigger == "căn cứ" && names_a_legal_text(key, tokens, name_start) {
            i = name_start;
            continue;
        }
        // The name: capitalized words after the trigger, not already a place.
        let j = name_run_end(text, tokens, name_start, t.sentence, out);
        if j == name_start || (name_start > 0 && is_inside_known(out, tokens[name_start].start)) {
            // `hai thị trấn Sudzha và Lgov`: a list may start with a known
            // place, and so may two names without the plural word (`làng
            // Plekhovo và Vorozhba`)
            let plural = name_start < tokens.len() && plural_before(key, tokens, i);
            let known = (name_start < tokens.len() && (plural || english.is_none()))
                .then(|| out.iter().find(|m| m.start == tokens[name_start].start))
                .flatten()
                .map(|m| (m.end, m.country(g).map(str::to_string)));
            let (known_end, known_country) = known.unzip();
            let listed = known_end.and_then(|end| {
                let after = tokens_in(tokens, tokens[name_start].start, end).end;
                if plural {
                    Some(list_after(text, key, tokens, after, out))
                } else {
                    joined_foreign_name(doc, g, tokens, after, out)
                }
            });
            match listed {
                Some(listed) => {
                    let first = out.len();
                    i = push_listed(doc, g, tokens, out, listed, first, (kind, english)).max(i + n);
                    // the places listed with a known one, of one kind, lie
                    // in its country unless the text says otherwise
                    if let Some(c) = known_country.flatten() {
                        fill_country(&mut out[first..], &c);
                    }
                }
                None => i += n,
            }
            continue;
        }
        // `vùng Đông Bắc Trung Quốc`, `miền Tây Ukraine`: compass words
        // before a known place are a part of it, which the place's own
        // mention stands for (as after `miền`, `phía` …), no place named
        // `Đông Bắc`
        if (name_start..j).all(|k| COMPASS.contains(&tokens[k].text(text)))
            && tokens
                .get(j)
                .is_some_and(|next| out.iter().any(|m| m.start == next.start))
        {
            i = j;
            continue;
        }
        let name_tok_start = tokens[name_start].start;
        let name_end = tokens[j - 1].end;
        // a trigger with an English form is part of the name
        let (start, end) = if english.is_some() {
            (t.start, name_end)
        } else {
            (name_tok_start, name_end)
        };
        let name = text[start..end].to_string();
        let proper = &text[name_tok_start..name_end];
        let name_en = english.map_or_else(|| proper.to_string(), |e| e.replace("{}", proper));
        let country = country_after(text, tokens, j, out, g, kind == "facility");
        let first = out.len();
        out.push(PlaceMention {
            start,
            end,
            place: PlaceRef::Found {
                name,
                name_en,
                kind,
                country,
            },
        });
        i = j;
        // `các làng Plekhovo, Vorozhba và Martynovka`: after a plural
        // trigger, the names listed with it are places of the same kind
        if plural_before(key, tokens, name_start - n) {
            let listed = list_after(text, key, tokens, j, out);
            i = push_listed(doc, g, tokens, out, listed, first, (kind, english)).max(i);
        } else if english.is_none() {
            // `làng A và B`: a list of two without the plural word
            if let Some(listed) = joined_foreign_name(doc, g, tokens, j, out) {
                i = push_listed(doc, g, tokens, out, listed, first, (kind, english));
            }
        }
    }
}

/// Legal texts (their first words, lowercase) that `căn cứ` (based on)
/// introduces: `căn cứ Điều 51 Hiến chương`, `căn cứ Luật Quốc phòng`.
const LEGAL_TEXTS: &[&str] = &[
    "bộ luật",
    "chỉ thị",
    "chương",
    "công ước",
    "điều",
    "hiến chương",
    "hiến pháp",
    "hiệp định",
    "hiệp ước",
    "khoản",
    "luật",
    "nghị định",
    "nghị quyết",
    "pháp lệnh",
    "quy định",
    "quyết định",
    "thỏa thuận",
    "thông tư",
    "tuyên bố",
];

/// Whether the name of a legal text ([`LEGAL_TEXTS`]) begins at token
/// `at`: after the bare trigger `căn cứ`, the verb "based on", not a base.
fn names_a_legal_text(key: &str, tokens: &[Token], at: usize) -> bool {
    let Some(next) = tokens.get(at) else {
        return false;
    };
    let rest = &key[next.start..];
    LEGAL_TEXTS
        .iter()
        .any(|law| rest.starts_with(law) && rest[law.len()..].starts_with(' '))
}

/// Gives the found places of `listed` the country `c` where the text gave
/// them none.
fn fill_country(listed: &mut [PlaceMention], c: &str) {
    for m in listed {
        if let PlaceRef::Found { country, .. } = &mut m.place {
            country.get_or_insert_with(|| c.to_string());
        }
    }
}

/// `làng Novoyelizavetivka và Dachenske`: after a singular trigger's place
/// (a town, a region: not a facility) ending at token `j`, one more name
/// joined by `và`, a single capitalized word of a foreign language (not a
/// Vietnamese syllable, not an acronym, not a known place or actor) with
/// no capitalized word after it, is a second place of the same kind
/// (Vietnamese leaves the plural unsaid). Returns it as a list of one.
fn joined_foreign_name(
    doc: &Prepared,
    g: &Gazetteer,
    tokens: &[Token],
    j: usize,
    out: &[PlaceMention],
) -> Option<Listed> {
    let (text, key) = (doc.text(), doc.key.as_str());
    let va = tokens.get(j)?;
    let name = tokens.get(j + 1)?;
    let same_sentence = |t: &Token| t.sentence == tokens[j - 1].sentence;
    if &key[va.start..va.end] != "và" || !same_sentence(va) || !same_sentence(name) {
        return None;
    }
    let word = name.text(text);
    let capitalized_after = tokens
        .get(j + 2)
        .is_some_and(|t| t.is_word && same_sentence(t) && is_capitalized(t.text(text)));
    let foreign_name = name.is_word
        && is_capitalized(word)
        && !is_all_caps(word)
        && !is_vietnamese_syllable(word)
        && !capitalized_after
        && !is_inside_known(out, name.start);
    let word_key = &key[name.start..name.end];
    let an_actor = || {
        !g.find_actors(word, word_key, &crate::gazetteer::KeyWords::of(word_key), 0)
            .is_empty()
    };
    (foreign_name && !an_actor()).then(|| Listed {
        names: vec![(name.start, name.end)],
        end: j + 2,
    })
}

/// After a trigger's first place (found places from `out[first]` on are
/// the list's), the places `listed` ([`list_after`], or
/// [`joined_foreign_name`]), of the trigger's `kind` and English form; a
/// country said after the whole list is every member's. Returns the token
/// after the list.
fn push_listed(
    doc: &Prepared,
    g: &Gazetteer,
    tokens: &[Token],
    out: &mut Vec<PlaceMention>,
    listed: Listed,
    first: usize,
    (kind, english): (&'static str, Option<&str>),
) -> usize {
    let text = doc.text();
    for &(start, end) in &listed.names {
        let proper = &text[start..end];
        out.push(PlaceMention {
            start,
            end,
            place: PlaceRef::Found {
                name: proper.to_string(),
                name_en: english.map_or_else(|| proper.to_string(), |e| e.replace("{}", proper)),
                kind,
                country: None,
            },
        });
    }
    if let Some(c) = country_after(text, tokens, listed.end, out, g, false) {
        fill_country(&mut out[first..], &c);
    }
    listed.end
}

/// Words besides numbers before a trigger that make it plural: `các làng`,
/// `những thành phố`, `vài thị trấn`.
const PLURAL_WORDS: &[&str] = &["các", "những", "mấy", "vài"];

/// Whether the token before the trigger at token `at` makes it plural
/// ([`PLURAL_WORDS`], or a number above one: `hai thị trấn`, `3 tỉnh`).
fn plural_before(key: &str, tokens: &[Token], at: usize) -> bool {
    let Some(before) = at.checked_sub(1).map(|b| tokens[b]) else {
        return false;
    };
    let word = &key[before.start..before.end];
    before.is_word
        && before.sentence == tokens[at].sentence
        && (PLURAL_WORDS.contains(&word)
            || super::numbers::small_number(word).is_some_and(|count| count > 1))
}

/// The names listed after a pattern place that ends at token `j`.
struct Listed {
    /// Byte ranges of the new names (known places in the list are
    /// skipped: they are found already).
    names: Vec<(usize, usize)>,
    /// The token after the list.
    end: usize,
}

/// `, Vorozhba và Martynovka`: names (up to four capitalized words, not
/// inside a found place) after a comma, `và` or `hoặc`, from token `j`;
/// `và`/`hoặc` brings the last one. A list must end so: without it (`các
/// làng A, Bộ Quốc phòng Nga cho biết`) nothing is listed.
fn list_after(text: &str, key: &str, tokens: &[Token], j: usize, out: &[PlaceMention]) -> Listed {
    let mut listed = Listed {
        names: Vec::new(),
        end: j,
    };
    let mut k = j;
    let sentence = match tokens.get(j.wrapping_sub(1)) {
        Some(t) => t.sentence,
        None => return listed,
    };
    while let Some(sep) = tokens.get(k).filter(|t| t.sentence == sentence) {
        let sep_word = &key[sep.start..sep.end];
        let last = matches!(sep_word, "và" | "hoặc");
        if !last && text[sep.start..sep.end].trim() != "," {
            break;
        }
        let first = k + 1;
        let Some(t) = tokens
            .get(first)
            .filter(|t| t.sentence == sentence && t.is_word)
        else {
            break;
        };
        let e = if let Some(known) = out.iter().find(|m| m.start == t.start) {
            // a known place in the list: step over it
            tokens_in(tokens, known.start, known.end).end
        } else {
            let e = name_run_end(text, tokens, first, sentence, out);
            if e == first {
                break;
            }
            listed.names.push((tokens[first].start, tokens[e - 1].end));
            e
        };
        k = e;
        if last {
            listed.end = e;
            return listed;
        }
    }
    Listed {
        names: Vec::new(),
        end: j,
    }
}

/// The end (token index) of a pattern place's name from token `from`: up
/// to four capitalized words of `sentence`, not inside a place found
/// already. A lowercase Vietnamese syllable between two capitalized words
/// is the rest of a word whose first syllable has the capital (`Nhà máy
/// Liên hợp Gang thép Kim Chaek`: `Liên hợp`, `Gang thép`), unless it is a
/// function word or verb that ends a name ([`super::actors::ORG_STOP`],
/// `và`).
fn name_run_end(
    text: &str,
    tokens: &[Token],
    from: usize,
    sentence: usize,
    out: &[PlaceMention],
) -> usize {
    let in_name = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_word && t.sentence == sentence && !is_inside_known(out, t.start))
    };
    let capital = |k: usize| in_name(k) && is_capitalized(tokens[k].text(text));
    let mut j = from;
    let mut capitals = 0;
    while capitals < 4 && in_name(j) {
        if capital(j) {
            capitals += 1;
        } else {
            let w = tokens[j].text(text);
            let rest_of_a_word = j > from
                && capital(j - 1)
                && is_vietnamese_syllable(tokens[j - 1].text(text))
                && is_vietnamese_syllable(w)
                && !super::actors::ORG_STOP.contains(&w)
                && w != "và"
                && capital(j + 1);
            if !rest_of_a_word {
                break;
            }
        }
        j += 1;
    }
    j
}

fn is_inside_known(out: &[PlaceMention], pos: usize) -> bool {
    out.iter().any(|m| m.start <= pos && pos < m.end)
}

/// `X của Nga`, `X, Nga`, `X (Nga)`, `X ở Nga`, `X gần Pokrovsk`: the
/// country right after a pattern place (or of the place it lies in or near).
/// After a comma only a country counts, as a comma may go on with a list of
/// places, except after a `facility`: `Quảng trường Ba Đình, Hà Nội` is in
/// Hanoi (facilities are seldom listed so).
fn country_after(
    text: &str,
    tokens: &[Token],
    j: usize,
    places: &[PlaceMention],
    g: &Gazetteer,
    facility: bool,
) -> Option<String> {
    let mut k = j;
    let mut in_words = false;
    if let Some(t) = tokens.get(k) {
        let w = t.text(text);
        if matches!(w, "của" | "ở" | "thuộc" | "tại" | "gần" | "," | "(") {
            in_words = w.chars().all(char::is_alphabetic) || facility && w == ",";
            k += 1;
        }
    }
    let place_at = |k: usize| {
        let t = tokens.get(k)?;
        places
            .iter()
            .find(|m| m.start == t.start && (m.is_country(g) || in_words))
    };
    // `làng Plekhovo ở tỉnh Kursk`: after a word (not a comma, which may
    // start a list), the place it lies in, behind its generic words
    // (`tỉnh`, `Cộng hòa`, `ngoại ô`, `phía bắc tỉnh`), gives the country
    // too; the generic word may be part of the place's name (`vùng Viễn
    // Đông`)
    if in_words {
        for _ in 0..3 {
            match tokens.get(k) {
                Some(t)
                    if place_at(k).is_none()
                        && ADMIN_WORDS.contains(&t.text(text).to_lowercase().as_str()) =>
                {
                    k += 1
                }
                _ => break,
            }
        }
    }
    place_at(k).and_then(|m| m.country(g).map(str::to_string))
}

/// Generic words before the name of a place another one lies in.
const ADMIN_WORDS: &[&str] = &[
    "tỉnh", "vùng", "khu", "vực", "thành", "phố", "huyện", "quận", "bang", "miền", "nước", "cộng",
    "hòa", "ngoại", "ô", "trung", "tâm", "phía", "bắc", "nam", "đông", "tây",
];

/// Remove place mentions inside actor names: all of them inside persons,
/// and all but countries inside organizations.
pub fn drop_inside(
    places: &mut Vec<PlaceMention>,
    persons: &[(usize, usize)],
    orgs: &[(usize, usize)],
    g: &Gazetteer,
) {
    places.retain(|m| {
        let inside = |spans: &[(usize, usize)]| {
            spans
                .iter()
                .any(|&(s, e)| s <= m.start && m.end <= e && (s, e) != (m.start, m.end))
        };
        !inside(persons) && (m.is_country(g) || !inside(orgs))
    });
}

/// Group mentions into one [`Place`] per real place, ordered by first mention.
pub fn aggregate(doc: &Prepared, g: &Gazetteer, mentions: &[PlaceMention]) -> Vec<Place> {
    // Speed: each mention's group is found by reference (no copy of the
    // place per mention), and each group's list is allocated once, at its
    // size.
    let mut index: FastMap<&PlaceRef, usize> =
        FastMap::with_capacity_and_hasher(mentions.len(), Default::default());
    let mut order: Vec<&PlaceRef> = Vec::new();
    let group_of: Vec<usize> = mentions
        .iter()
        .map(|m| {
            *index.entry(&m.place).or_insert_with(|| {
                order.push(&m.place);
                order.len() - 1
            })
        })
        .collect();
    let mut sizes = vec![0; order.len()];
    for &group in &group_of {
        sizes[group] += 1;
    }
    let mut lists: Vec<Vec<Mention>> = sizes.into_iter().map(Vec::with_capacity).collect();
    for (m, &group) in mentions.iter().zip(&group_of) {
        let (text, span) = doc.original_text(m.start, m.end);
        lists[group].push(Mention { text, span });
    }
    order
        .into_iter()
        .zip(lists)
        .map(|(r, mut mentions)| {
            mentions.sort_by_key(|m| m.span);
            let aliases = super::aliases_of(&mentions, doc);
            match r {
                PlaceRef::Known(i) => {
                    let e = &g.places[*i];
                    Place {
                        name: e.name.clone(),
                        name_en: e.name_en.clone(),
                        kind: e.kind.clone(),
                        country: e.country.clone(),
                        aliases,
                        mentions,
                    }
                }
                PlaceRef::Found {
                    name,
                    name_en,
                    kind,
                    country,
                } => Place {
                    name_en: name_en.clone(),
                    name: name.clone(),
                    kind: kind.to_string(),
                    country: country.clone(),
                    aliases,
                    mentions,
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    fn places_of(text: &str) -> Vec<(String, String)> {
        let doc = Prepared::new(text);
        let ctx = Context::for_tests();
        let tokens = tokenize(doc.text(), &doc.key, &doc.sentences);
        find(&doc, &ctx, &tokens)
            .iter()
            .map(|m| {
                (
                    doc.text()[m.start..m.end].to_string(),
                    m.name(ctx.gazetteer).to_string(),
                )
            })
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        places_of(text).into_iter().map(|(_, n)| n).collect()
    }

    #[test]
    fn every_triggers_first_word_finds_its_triggers() {
        for (trigger, _, _) in PLACE_TRIGGERS {
            let first = trigger.split(' ').next().unwrap_or(trigger);
            assert!(!triggers_starting_with(first).is_empty(), "{first}");
        }
        // words that share a first byte, or a first byte and a length, with one
        for word in ["đã", "được", "trong", "theo", "thành", "phườn", "phường"] {
            assert_eq!(
                !triggers_starting_with(word).is_empty(),
                matches!(word, "thành" | "phường"),
                "{word}"
            );
        }
        // each word's triggers begin with it, longer first
        let sân: Vec<&str> = triggers_starting_with("sân")
            .iter()
            .map(|&(i, _)| PLACE_TRIGGERS[i].0)
            .collect();
        assert_eq!(
            sân,
            [
                "sân bay quốc tế",
                "sân bay vũ trụ",
                "sân bay quân sự",
                "sân bay"
            ]
        );
    }

    #[test]
    fn countries_cities_and_variants() {
        let table: &[(&str, &[&str])] = &[
            (
                "Ông Kim đến Mátxcơva, rồi Moskva và Moscow.",
                &["Mátxcơva", "Mátxcơva", "Mátxcơva"],
            ),
            (
                "Hàn Quốc và Mỹ tập trận gần bán đảo Triều Tiên.",
                &["Hàn Quốc", "Mỹ", "bán đảo Triều Tiên"],
            ),
            (
                "Quan hệ Nga-Triều Tiên ngày càng chặt chẽ.",
                &["Nga", "Triều Tiên"],
            ),
            (
                "Hoa Kỳ và Liên bang Nga đàm phán tại Geneva.",
                &["Mỹ", "Nga", "Geneva"],
            ),
            (
                "Binh sĩ CHDCND Triều Tiên có mặt ở vùng Kursk.",
                &["Triều Tiên", "Kursk"],
            ),
            ("Hội nghị diễn ra ở St. Petersburg.", &["St. Petersburg"]),
            // a region named by two, one place (not Asia and the Pacific)
            (
                "Khu vực châu Á - Thái Bình Dương bất ổn.",
                &["châu Á - Thái Bình Dương"],
            ),
            // the East Sea of Korea is the Sea of Japan; the East Sea alone
            // is the South China Sea
            (
                "Tên lửa rơi xuống Biển Đông Triều Tiên.",
                &["Biển Nhật Bản"],
            ),
            (
                "Tàu Trung Quốc hoạt động ở Biển Đông.",
                &["Trung Quốc", "Biển Đông"],
            ),
            // Diaoyutai is the islands (Taiwan's name), and the guesthouse
            // in Beijing by its longer name
            (
                "Hai ông gặp nhau tại nhà khách Điếu Ngư Đài.",
                &["Nhà khách Quốc gia Điếu Ngư Đài"],
            ),
            (
                "Tàu hải cảnh tuần tra gần Điếu Ngư Đài.",
                &["Quần đảo Senkaku"],
            ),
        ];
        for (text, want) in table {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn rivers_by_list_and_by_generic_word() {
        let doc_places = |text: &str| -> Vec<(String, String, Option<String>)> {
            let doc = Prepared::new(text);
            let ctx = Context::for_tests();
            let tokens = tokenize(doc.text(), &doc.key, &doc.sentences);
            let g = ctx.gazetteer;
            find(&doc, &ctx, &tokens)
                .iter()
                .map(|m| {
                    let country = m.country(g).map(str::to_string);
                    (m.name(g).to_string(), m.kind(g).to_string(), country)
                })
                .collect()
        };
        let river = |name: &str, country: Option<&str>| {
            (
                name.to_string(),
                "river".to_string(),
                country.map(str::to_string),
            )
        };
        // a border river: no one country; a Vietnamese alias
        assert_eq!(
            doc_places("Cây cầu bắc qua sông Đồ Môn."),
            [river("sông Tumen", None)]
        );
        // a river, not the city of the same name
        assert_eq!(
            doc_places("Quân đội tấn công bờ tả ngạn sông Dnipro."),
            [river("sông Dnipro", Some("UA"))]
        );
        // in no list: the generic word makes it a river
        assert_eq!(
            doc_places("Quân đội rút khỏi bờ sông Oskol."),
            [river("sông Oskol", None)]
        );
        // a lowercase word after `sông` names no river
        assert_eq!(doc_places("Hai bên bờ sông đều có lính."), []);
    }

    #[test]
    fn korean_war_is_not_north_korea() {
        assert_eq!(
            names("Kỷ niệm 70 năm kết thúc Chiến tranh Triều Tiên."),
            Vec::<String>::new()
        );
        assert_eq!(
            names("Lễ kỷ niệm chiến tranh Triều Tiên ở Bình Nhưỡng."),
            ["Bình Nhưỡng"]
        );
    }

    #[test]
    fn words_that_begin_with_a_country_name_are_no_country() {
        for text in [
            "Pháp luật quốc tế cấm điều này.",
            "Đức Giáo hoàng Leo XIV kêu gọi hòa bình.",
            "Mỹ thuật Triều Tiên được giới thiệu.",
            "Ý đồ của Bình Nhưỡng là gì?",
            "Nhật ký của binh sĩ được công bố.",
        ] {
            let found = names(text);
            assert!(
                !found
                    .iter()
                    .any(|n| ["Pháp", "Đức", "Mỹ", "Italy", "Nhật Bản"].contains(&n.as_str())),
                "{text}: {found:?}"
            );
        }
        // the countries themselves still count
        assert_eq!(
            names("Đức và Ý ủng hộ Ukraine."),
            ["Đức", "Italy", "Ukraine"]
        );
    }

    #[test]
    fn a_compass_part_of_a_country_names_the_country() {
        for (text, want) in [
            ("Giao tranh tại miền Đông Ukraine.", "Ukraine"),
            ("Giao tranh ở Đông Ukraine.", "Ukraine"),
            ("Quân đội tập trung ở miền Tây Nga.", "Nga"),
            ("Tên lửa rơi xuống phía Nam Ukraine.", "Ukraine"),
            // … also two compass words after a place trigger (`vùng`)
            ("Quân đội đóng ở vùng Đông Bắc Trung Quốc.", "Trung Quốc"),
            ("Vùng Tây Bắc Ukraine bị tấn công.", "Ukraine"),
            // a region named with compass words is one place
            ("Khu vực Tây Nam Á căng thẳng.", "Tây Nam Á"),
        ] {
            assert_eq!(names(text), [want], "{text}");
        }
        // a given name before a country-like name is still a person's
        for text in ["Ca sĩ Văn Nam Nga biểu diễn.", "Bà Đông Nga phát biểu."] {
            assert_eq!(names(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn based_on_a_legal_text_is_no_base() {
        // `căn cứ` (based on) before a law, an article, a resolution
        for text in [
            "Quyết định được đưa ra căn cứ Điều 4 của Hiệp ước.",
            "Căn cứ Nghị quyết 2270, các nước phải trục xuất lao động.",
            "Lực lượng được điều động căn cứ Luật Quốc phòng.",
            "Căn cứ Hiến chương Liên Hợp Quốc, mọi nước có quyền tự vệ.",
        ] {
            assert!(
                !names(text)
                    .iter()
                    .any(|n| n.to_lowercase().starts_with("căn cứ")),
                "{text}: {:?}",
                names(text)
            );
        }
        // a base keeps its name
        assert_eq!(names("Máy bay hạ cánh xuống căn cứ Hmeimim."), ["Hmeimim"]);
        assert_eq!(
            names("Binh sĩ đóng tại căn cứ Khalino gần Kursk."),
            ["căn cứ Khalino", "Kursk"]
        );
    }

    #[test]
    fn bilateral_short_forms() {
        assert_eq!(
            names("Quan hệ Nga - Trung chưa từng có."),
            ["Nga", "Trung Quốc"]
        );
        assert_eq!(
            names("Hợp tác Mỹ - Nhật - Hàn được tăng cường."),
            ["Mỹ", "Nhật Bản", "Hàn Quốc"]
        );
        // not bilateral: "Trung" and "Hàn" alone are no places
        assert_eq!(
            names("Ông Trung nói chuyện với bà Hàn."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn one_word_names_inside_personal_names() {
        // Kim Nhật Thành is a person: "Nhật" is not Japan
        assert_eq!(
            names("Đại học Quân sự Kim Nhật Thành đào tạo sĩ quan."),
            Vec::<String>::new()
        );
        // byline
        assert_eq!(names("Nhật Lệ"), Vec::<String>::new());
        // pronoun
        assert_eq!(names("Anh cho biết sẽ trở lại."), Vec::<String>::new());
        assert_eq!(names("Theo hãng tin Reuters (Anh), ông nói."), ["Anh"]);
        assert_eq!(
            names("Thủ tướng Anh Keir Starmer đến Pháp."),
            ["Anh", "Pháp"]
        );
        assert_eq!(names("Chị Anh là giáo viên."), Vec::<String>::new());
        assert_eq!(names("Tại Nga, hai bên gặp nhau."), ["Nga"]);
        assert_eq!(names("Theo Nga, đó là tin giả."), ["Nga"]);
        // bylines and given names
        assert_eq!(names("Hai bên gặp nhau.\nHải Nam"), Vec::<String>::new());
        assert_eq!(names("Hai bên gặp nhau tại Hải Nam."), ["Hải Nam"]);
        assert_eq!(
            names("Minh Anh (Theo Yonhap, Reuters)"),
            Vec::<String>::new()
        );
        assert_eq!(names("Thúy Nga tổng hợp"), Vec::<String>::new());
        assert_eq!(names("Thế Anh tổng hợp"), Vec::<String>::new());
        // a sentence-opening adverb or noun is no given name
        assert_eq!(
            names("Hiện Mỹ duy trì khoảng 28.500 quân tại Hàn Quốc."),
            ["Mỹ", "Hàn Quốc"]
        );
        assert_eq!(names("Quân Nga đã rút khỏi thành phố."), ["Nga"]);
        assert_eq!(names("Lính Mỹ tới căn cứ."), ["Mỹ"]);
        assert_eq!(
            names("Tướng Mỹ: Lính Triều Tiên học cách chiến đấu."),
            ["Mỹ", "Triều Tiên"]
        );
        assert_eq!(names("Pháo Nga nã vào Kharkiv."), ["Nga", "Kharkiv"]);
        // a ship named after a place is no mention of it; a country
        // before a ship's name says whose ship
        assert_eq!(
            names("Tàu sân bay Sơn Đông của Trung Quốc tiến vào eo biển."),
            ["Trung Quốc"]
        );
        assert_eq!(
            names("Tuần dương hạm Moskva bị đánh chìm."),
            Vec::<String>::new()
        );
        assert_eq!(names("Tàu sân bay Mỹ cập cảng Đà Nẵng."), ["Mỹ", "Đà Nẵng"]);
        // any one-word place after an honorific is a given name
        assert_eq!(names("Chị Huế cho biết."), Vec::<String>::new());
        assert_eq!(names("Ông Huế và bà Lan tới Huế."), ["Huế"]);
        assert_eq!(names("Phóng viên Văn Đức đưa tin từ Đức."), ["Đức"]);
        assert_eq!(
            names("Ủy ban Chính Pháp Trung ương họp."),
            Vec::<String>::new()
        );
        assert_eq!(
            names("Bộ trưởng Quốc phòng Mỹ Pete Hegseth tới Hàn Quốc."),
            ["Mỹ", "Hàn Quốc"]
        );
        // lowercase words are never places
        assert_eq!(names("con ngựa nga và thẩm mỹ"), Vec::<String>::new());
    }

    #[test]
    fn a_countrys_coast_is_no_sea_named_after_it() {
        // (sentence, place names in order)
        let rows: &[(&str, &[&str])] = &[
            (
                "Tàu tuần tra áp sát bờ biển Nhật Bản hôm qua.",
                &["Nhật Bản"],
            ),
            ("Làng chài ven biển Hàn Quốc.", &["Hàn Quốc"]),
            // the sea itself
            (
                "Triều Tiên phóng tên lửa xuống Biển Nhật Bản.",
                &["Triều Tiên", "Biển Nhật Bản"],
            ),
            ("Tàu chiến tới bờ Biển Đen.", &["biển Đen"]),
        ];
        for (text, expected) in rows {
            assert_eq!(names(text), *expected, "{text}");
        }
    }

    #[test]
    fn pattern_places_and_facilities() {
        let p = places_of("Họ hạ cánh tại Sân bay Quốc tế Zvartnots rồi tới tỉnh Lugova của Nga.");
        assert_eq!(p[0].0, "Sân bay Quốc tế Zvartnots");
        assert_eq!(p[1].0, "Lugova");
        let doc = Prepared::new("tỉnh Lugova của Nga");
        let ctx = Context::for_tests();
        let tokens = tokenize(doc.text(), &doc.key, &doc.sentences);
        let found = find(&doc, &ctx, &tokens);
        assert_eq!(found[0].country(ctx.gazetteer), Some("RU"));
        assert_eq!(found[0].kind(ctx.gazetteer), "region");
        // the known place it lies in gives the country, after a word only
        let country_of = |text: &str, name: &str| {
            let doc = Prepared::new(text);
            let tokens = tokenize(doc.text(), &doc.key, &doc.sentences);
            find(&doc, &ctx, &tokens)
                .into_iter()
                .find(|m| m.name(ctx.gazetteer) == name)
                .and_then(|m| m.country(ctx.gazetteer).map(str::to_string))
        };
        assert_eq!(
            country_of("Nga giành lại làng Darino ở tỉnh Kursk.", "Darino"),
            Some("RU".to_string())
        );
        assert_eq!(
            country_of("Giao tranh tại làng Darino, Kursk và Sumy.", "Darino"),
            None
        );
        // … or after a comma, for a facility (seldom listed so)
        assert_eq!(
            country_of(
                "Lễ diễu binh diễn ra tại Quảng trường Ba Đình, Hà Nội.",
                "Quảng trường Ba Đình"
            ),
            Some("VN".to_string())
        );
        // … when the generic word is part of its name, or two words long
        assert_eq!(
            country_of("Tàu cập cảng Dunai ở vùng Viễn Đông.", "cảng Dunai"),
            Some("RU".to_string())
        );
        assert_eq!(
            country_of(
                "UAV tấn công nhà máy Alabuga tại Cộng hòa Tatarstan.",
                "nhà máy Alabuga"
            ),
            Some("RU".to_string())
        );
        // … behind words of its part (`ngoại ô`, `phía bắc tỉnh`)
        assert_eq!(
            country_of(
                "Máy bay hạ cánh xuống sân bay Vnukovo ở ngoại ô Moskva.",
                "sân bay Vnukovo"
            ),
            Some("RU".to_string())
        );
        assert_eq!(
            country_of("Nga giành lại làng Darino ở phía bắc tỉnh Kursk.", "Darino"),
            Some("RU".to_string())
        );
        // a neighbour of one kind joined by `và` lends its country, either
        // way round
        for text in [
            "Giao tranh diễn ra gần làng Makhnovka và thị trấn Sudzha.",
            "Giao tranh diễn ra gần thị trấn Sudzha và làng Makhnovka.",
        ] {
            assert_eq!(
                country_of(text, "Makhnovka"),
                Some("RU".to_string()),
                "{text}"
            );
        }
        // but not without the neighbour's generic word
        assert_eq!(
            country_of("Giao tranh gần làng Makhnovka và Sudzha.", "Makhnovka"),
            None
        );
        assert_eq!(
            country_of("Giao tranh gần Sudzha và làng Makhnovka.", "Makhnovka"),
            None
        );
        // a known place listed with it, of the same kind, gives its own
        assert_eq!(
            country_of(
                "Họ chịu tổn thất gần làng Plekhovo và Vorozhba.",
                "Vorozhba"
            ),
            Some("RU".to_string())
        );
        // a known place it lies near gives it too, and to a name joined to it
        for name in ["Novoyelizavetivka", "Dachenske"] {
            assert_eq!(
                country_of(
                    "Nga kiểm soát làng Novoyelizavetivka và Dachenske gần thành phố Pokrovsk.",
                    name
                ),
                Some("UA".to_string()),
                "{name}"
            );
        }
    }

    #[test]
    fn lowercase_syllables_of_a_capitalized_word_are_in_the_name() {
        for (text, want) in [
            (
                "Đoàn thăm Nhà máy Liên hợp Gang thép Kim Chaek ở Chongjin.",
                "Nhà máy Liên hợp Gang thép Kim Chaek",
            ),
            (
                "Ông Kim thăm nhà máy Cơ khí Chế tạo Ryongsong ở Bình Nhưỡng.",
                "nhà máy Cơ khí Chế tạo Ryongsong",
            ),
            // not a word that ends a name, nor one before no capital
            ("Cảng Kim Chaek đón Tàu Hải quân Nga.", "Cảng Kim Chaek"),
            ("Họ đến sân bay Kalino sáng nay.", "sân bay Kalino"),
        ] {
            let got: Vec<_> = places_of(text).into_iter().map(|(t, _)| t).collect();
            assert!(got.iter().any(|t| t == want), "{text}: {got:?}");
        }
        // a ward of Hanoi is no United States
        assert_eq!(
            names("Hội nghị diễn ra tại khu Mỹ Đình, Hà Nội."),
            ["Mỹ Đình", "Hà Nội"]
        );
    }

    #[test]
    fn names_listed_after_a_plural_trigger() {
        // (sentence, the places found, in order)
        let table: &[(&str, &[&str])] = &[
            (
                "Họ tấn công gần các làng Plekhovo, Vorozhba và Martynovka.",
                &["Plekhovo", "Vorozhba", "Martynovka"],
            ),
            // a known place in the list is found once, and the list goes on
            (
                "Quân đội tiến vào hai thị trấn Sudzha và Lgov.",
                &["Sudzha", "Lgov"],
            ),
            // Vietnam's districts and wards
            (
                "Màn hình được đặt tại các quận Hoàn Kiếm, Ba Đình và Đống Đa.",
                &["Hoàn Kiếm", "Ba Đình", "Đống Đa"],
            ),
            (
                "Người dân phường Cửa Nam và thị xã Sơn Tây đã sơ tán.",
                &["Cửa Nam", "Sơn Tây"],
            ),
            // not a list without `và`/`hoặc` at its end, nor after a
            // singular trigger
            (
                "Quân Nga chiếm các làng Zelene, Bộ Quốc phòng Nga cho biết.",
                &["Nga", "Zelene", "Nga"],
            ),
            (
                "Giao tranh tại làng Plekhovo, Vorozhba và Martynovka.",
                &["Plekhovo"],
            ),
            // … but a singular trigger's place and one foreign name joined
            // by `và` are two places (the plural is often unsaid)
            (
                "Nga kiểm soát làng Novoyelizavetivka và Dachenske gần thành phố Pokrovsk.",
                &["Nga", "Novoyelizavetivka", "Dachenske", "Pokrovsk"],
            ),
            // … also when the first is a known place
            (
                "Họ chịu tổn thất gần làng Plekhovo và Vorozhba.",
                &["Plekhovo", "Vorozhba"],
            ),
            // not a known actor, a Vietnamese word or a longer name
            (
                "Quân Nga tiến vào làng Zelene và Putin tuyên bố chiến thắng.",
                &["Nga", "Zelene"],
            ),
            (
                "Giao tranh ở làng Zelene và Lữ đoàn 47 rút lui.",
                &["Zelene"],
            ),
            (
                "Xe tăng tới làng Zelene và Donald Trump lên tiếng.",
                &["Zelene"],
            ),
        ];
        for (text, want) in table {
            assert_eq!(names(text), *want, "{text}");
        }
        // a country after the whole list is every member's
        let doc = Prepared::new("Nga chiếm hai làng Novoivanivka và Kurakhove ở tỉnh Donetsk.");
        let ctx = Context::for_tests();
        let tokens = tokenize(doc.text(), &doc.key, &doc.sentences);
        let found = find(&doc, &ctx, &tokens);
        let country = |name: &str| {
            found
                .iter()
                .find(|m| m.name(ctx.gazetteer) == name)
                .and_then(|m| m.country(ctx.gazetteer))
        };
        assert_eq!(country("Novoivanivka"), Some("UA"));
        assert_eq!(country("Kurakhove"), Some("UA"));
    }

    #[test]
    fn known_facility() {
        let p = places_of("tại Sân bay Quốc tế Sunan vào ngày 5 tháng 11");
        assert_eq!(
            p,
            [(
                "Sân bay Quốc tế Sunan".to_string(),
                "Sân bay Quốc tế Sunan".to_string()
            )]
        );
    }

    #[test]
    fn a_port_and_a_spaceport_of_one_name_are_two_places() {
        // the port near Nakhodka and the cosmodrome in Amur oblast
        assert_eq!(
            names("Tàu rời cảng Vostochny. Hai ông gặp nhau tại sân bay vũ trụ Vostochny."),
            ["Cảng Vostochny", "Vostochny"]
        );
    }

    #[test]
    fn a_found_facility_has_an_english_name() {
        // (text, name, English name)
        let table = [
            (
                "Máy bay cất cánh từ căn cứ không quân Khalino ở Kursk.",
                "căn cứ không quân Khalino",
                "Khalino Air Base",
            ),
            (
                "Tàu cập cảng Vanino hôm qua.",
                "cảng Vanino",
                "Port of Vanino",
            ),
            ("Vụ nổ xảy ra ở thị trấn Sudzha.", "Sudzha", "Sudzha"),
            (
                "Israel tấn công lò phản ứng hạt nhân Arak.",
                "lò phản ứng hạt nhân Arak",
                "Arak Nuclear Reactor",
            ),
            (
                "Vụ vỡ đập Kakhovka gây lũ lụt ở tỉnh Kherson.",
                "đập Kakhovka",
                "Kakhovka Dam",
            ),
            (
                "Tên lửa rơi gần nhà máy thủy điện Kaniv.",
                "nhà máy thủy điện Kaniv",
                "Kaniv Hydroelectric Plant",
            ),
            // military airfields, training grounds and ranges, refineries,
            // shipyards and prisons
            (
                "Máy bay cất cánh từ sân bay quân sự Shaykovka.",
                "sân bay quân sự Shaykovka",
                "Shaykovka Air Base",
            ),
            (
                "Binh sĩ được huấn luyện tại thao trường Sergeyevsky ở vùng Primorsky.",
                "thao trường Sergeyevsky",
                "Sergeyevsky Training Ground",
            ),
            (
                "Trường bắn Luga nằm gần St. Petersburg.",
                "Trường bắn Luga",
                "Luga Firing Range",
            ),
            (
                "UAV tấn công nhà máy lọc dầu Novokuibyshevsk ở tỉnh Samara.",
                "nhà máy lọc dầu Novokuibyshevsk",
                "Novokuibyshevsk Refinery",
            ),
            (
                "Tàu ngầm được hạ thủy tại nhà máy đóng tàu Sinpo.",
                "nhà máy đóng tàu Sinpo",
                "Sinpo Shipyard",
            ),
            (
                "Các tù binh bị giam ở nhà tù Olenivka.",
                "nhà tù Olenivka",
                "Olenivka Prison",
            ),
        ];
        for (text, name, name_en) in table {
            let doc = Prepared::new(text);
            let ctx = Context::for_tests();
            let tokens = tokenize(doc.text(), &doc.key, &doc.sentences);
            let places = aggregate(&doc, ctx.gazetteer, &find(&doc, &ctx, &tokens));
            let place = places.iter().find(|p| p.name == name);
            assert_eq!(
                place.map(|p| p.name_en.as_str()),
                Some(name_en),
                "{text}: {places:?}"
            );
        }
        // a trigger word used as a verb names nothing
        assert_eq!(names("Họ đập tan cuộc tấn công của Nga."), ["Nga"]);
    }

    #[test]
    fn squares_by_trigger_and_by_name() {
        assert_eq!(
            places_of("Người biểu tình tụ tập tại Quảng trường Maidan.")[0].0,
            "Quảng trường Maidan"
        );
        let p = places_of("Lễ duyệt binh tại Quảng trường Đỏ ở Moskva.");
        assert_eq!(p[0].0, "Quảng trường Đỏ");
        // the generic word of a listed facility may be lowercase; the
        // proper name may not
        let p = places_of("Lễ duyệt binh ở quảng trường Kim Il Sung.");
        assert_eq!(p[0].1, "Quảng trường Kim Nhật Thành");
        let p = places_of("Họ đứng ở quảng trường đỏ rực cờ.");
        assert!(p.iter().all(|p| p.1 != "Quảng trường Đỏ"), "{p:?}");
    }

    #[test]
    fn a_ship_is_not_a_place() {
        // `tàu sân bay` is an aircraft carrier, not an airport
        assert!(places_of("Mỹ điều tàu sân bay USS Nimitz tới khu vực.")
            .iter()
            .all(|(name, _)| !name.contains("Nimitz")));
        // the trigger alone still works
        assert_eq!(
            places_of("Máy bay hạ cánh xuống sân bay Zvartnots.")[0].0,
            "sân bay Zvartnots"
        );
    }
}
