//! Extraction: the pure functions that find items in a prepared document.
//!
//! Each extractor is a function of the prepared text and a [`Context`]: no
//! I/O, no clock, no global mutable state. "Today" is
//! [`Context::published`], so a test pins it like a reference time. They run
//! in a fixed order because later ones use earlier results: places first
//! (actors read them as labels), then actors (whose names remove the places
//! inside them), dates, and troop figures, which read all three.

pub mod actors;
pub mod dates;
pub mod numbers;
pub mod places;
pub mod tokens;
pub mod troops;

use crate::gazetteer::Gazetteer;
use crate::model::{Actor, DateMention, Place, TroopFigure};
use crate::prepare::{PartialDate, Prepared};

/// What extractors may know besides the text.
#[derive(Debug, Clone, Copy)]
pub struct Context<'g> {
    /// The document's publication date, the anchor of relative dates.
    pub published: Option<PartialDate>,
    /// The gazetteer in force (built-in plus `--gazetteer` files).
    pub gazetteer: &'g Gazetteer,
    /// Also match place names without diacritics.
    pub fold: bool,
}

impl Context<'static> {
    /// The built-in gazetteer, no publication date: for tests.
    pub fn for_tests() -> Context<'static> {
        Context {
            published: None,
            gazetteer: crate::gazetteer::builtin(),
            fold: false,
        }
    }
}

/// Everything extracted from one document.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Temporal expressions.
    pub dates: Vec<DateMention>,
    /// Persons and organizations.
    pub actors: Vec<Actor>,
    /// Places.
    pub places: Vec<Place>,
    /// Troop figures.
    pub troop_figures: Vec<TroopFigure>,
    /// The publication date the article's own dates give, when the context
    /// has none ([`dates::infer_published`]).
    pub inferred_published: Option<PartialDate>,
}

/// True when `text[s..e]` neither begins nor ends inside a word.
pub(crate) fn word_edges(text: &str, s: usize, e: usize) -> bool {
    !text[..s]
        .chars()
        .next_back()
        .is_some_and(crate::normalize::is_word_char)
        && !text[e..]
            .chars()
            .next()
            .is_some_and(crate::normalize::is_word_char)
}

/// The text of `hay` before `pos`: at most `len` bytes back and not before
/// `floor` (a sentence start), beginning on a character boundary. Rules
/// that look back read a bounded window, so a huge one-line "sentence"
/// stays linear.
pub(crate) fn window_before(hay: &str, pos: usize, len: usize, floor: usize) -> &str {
    let mut from = pos.saturating_sub(len).max(floor);
    while !hay.is_char_boundary(from) {
        from += 1;
    }
    &hay[from..pos]
}

/// The offset of the first occurrence of `word` in `hay` that stands as
/// a whole word (or phrase).
pub(crate) fn find_word(hay: &str, word: &str) -> Option<usize> {
    hay.match_indices(word)
        .map(|(i, _)| i)
        .find(|&i| word_edges(hay, i, i + word.len()))
}

/// Where in `hay` a word begins: a word character not preceded by one.
fn word_starts(hay: &str) -> impl Iterator<Item = usize> + '_ {
    let mut in_word = false;
    hay.char_indices().filter_map(move |(i, c)| {
        let word = crate::normalize::is_word_char(c);
        let starts = word && !in_word;
        in_word = word;
        starts.then_some(i)
    })
}

/// Does one of `words` stand as a whole word (or phrase) at `i`, a word
/// start of `hay`?
fn word_at<W: AsRef<str>>(hay: &str, i: usize, words: &[W]) -> bool {
    let first = hay.as_bytes()[i];
    words.iter().map(AsRef::as_ref).any(|w| {
        // the first byte before the comparison: most word starts match none
        w.as_bytes().first() == Some(&first)
            && hay[i..].starts_with(w)
            && !hay[i + w.len()..]
                .chars()
                .next()
                .is_some_and(crate::normalize::is_word_char)
    })
}

/// Whether any of `words` stands as a whole word (or phrase) in `hay`: the
/// same as [`find_word`] for each, in one pass over the word starts of
/// `hay` (one string search per word cost more than the window it read).
/// Every word must begin with a word character.
pub(crate) fn contains_any_word<W: AsRef<str>>(hay: &str, words: &[W]) -> bool {
    debug_assert!(words.iter().all(|w| w
        .as_ref()
        .chars()
        .next()
        .is_some_and(crate::normalize::is_word_char)));
    word_starts(hay).any(|i| word_at(hay, i, words))
}

/// The offset of the last whole-word (or phrase) occurrence of any of
/// `words` in `hay`: the last whole-word match of any of them, in one pass.
/// Every word must begin with a word character.
pub(crate) fn find_last_of<W: AsRef<str>>(hay: &str, words: &[W]) -> Option<usize> {
    debug_assert!(words.iter().all(|w| w
        .as_ref()
        .chars()
        .next()
        .is_some_and(crate::normalize::is_word_char)));
    // word starts from the end: a character preceded by a non-word one
    let mut after: Option<(usize, bool)> = None; // the character after, and whether it is a word character
    for (i, c) in hay.char_indices().rev() {
        let word = crate::normalize::is_word_char(c);
        if let Some((j, true)) = after {
            if !word && word_at(hay, j, words) {
                return Some(j);
            }
        }
        after = Some((i, word));
    }
    match after {
        Some((0, true)) if word_at(hay, 0, words) => Some(0),
        _ => None,
    }
}

/// The distinct forms of a list of mentions, NFC-normalized and sorted:
/// the `aliases` of an actor or place.
pub fn aliases_of(mentions: &[crate::model::Mention]) -> Vec<String> {
    // most mentions repeat a few forms: normalize each form once
    let mut forms: Vec<&str> = mentions.iter().map(|m| m.text.as_str()).collect();
    forms.sort_unstable();
    forms.dedup();
    let mut aliases: Vec<String> = forms
        .into_iter()
        .map(|form| crate::normalize::normalize(form).text)
        .collect();
    aliases.sort();
    aliases.dedup();
    aliases
}

/// Run every extractor over `doc`.
pub fn run_all(doc: &Prepared, ctx: &Context) -> Extracted {
    let tokens = tokens::tokenize(doc.text(), &doc.key, &doc.sentences);
    let mut place_mentions = places::find(doc, ctx, &tokens);
    let actors = actors::extract(doc, ctx, &tokens, &place_mentions);
    places::drop_inside(
        &mut place_mentions,
        &actors.person_spans,
        &actors.org_spans,
        ctx.gazetteer,
    );
    let places = places::aggregate(doc, ctx.gazetteer, &place_mentions);
    let dates = dates::find(doc, ctx);
    let troop_figures = troops::extract(
        doc,
        ctx,
        &place_mentions,
        &dates,
        &actors.org_countries,
        &actors.person_spans,
    );
    let inferred_published = match ctx.published {
        None => dates::infer_published(doc, &dates),
        Some(_) => None,
    };
    Extracted {
        inferred_published,
        dates: dates.into_iter().map(|d| d.mention).collect(),
        actors: actors.actors,
        places,
        troop_figures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The oracle: the last whole-word occurrence of `word`, by a string
    /// search from the end.
    fn find_last_word(hay: &str, word: &str) -> Option<usize> {
        hay.rmatch_indices(word)
            .map(|(i, _)| i)
            .find(|&i| word_edges(hay, i, i + word.len()))
    }

    const WORDS: &[&str] = &["đã", "sẽ", "dự kiến", "có thể", "từng"];

    #[test]
    fn whole_words_and_phrases_only() {
        let cases: &[(&str, bool, Option<usize>)] = &[
            ("quân đội sẽ điều thêm", true, Some("quân đội ".len())),
            ("họ dự kiến và đã gửi", true, Some("họ dự kiến và ".len())),
            ("đã từng", true, Some("đã ".len())),
            // inside a longer word, or a phrase cut by punctuation
            ("dựkiến, dự, kiến", false, None),
            ("nhữngđã sẽx", false, None),
            ("", false, None),
            ("có thể", true, Some(0)),
        ];
        for &(hay, any, last) in cases {
            assert_eq!(contains_any_word(hay, WORDS), any, "{hay:?}");
            assert_eq!(find_last_of(hay, WORDS), last, "{hay:?}");
        }
    }

    #[test]
    fn one_pass_agrees_with_a_search_per_word() {
        // every arrangement of a few pieces, against the per-word searches
        let pieces = ["đã", "sẽ", "dự", "kiến", " ", ",", "x", "có thể", "từng"];
        let mut hays = vec![String::new()];
        for _ in 0..4 {
            let mut next = Vec::new();
            for h in &hays {
                for p in pieces {
                    next.push(format!("{h}{p}"));
                }
            }
            hays.extend(next);
        }
        for hay in &hays {
            let any = WORDS.iter().any(|w| find_word(hay, w).is_some());
            let last = WORDS.iter().filter_map(|w| find_last_word(hay, w)).max();
            assert_eq!(contains_any_word(hay, WORDS), any, "{hay:?}");
            assert_eq!(find_last_of(hay, WORDS), last, "{hay:?}");
        }
    }
}
