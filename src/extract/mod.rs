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
    /// has none ([`dates::find_inferring_published`]).
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

/// Whether `key` (a slice of a [`crate::normalize::match_key`]) holds only
/// spaces and word characters, as a key does.
fn is_key(key: &str) -> bool {
    key.chars()
        .all(|c| c == ' ' || crate::normalize::is_word_char(c))
}

/// Does one of `words` stand as a whole word (or phrase) at `i`, a word
/// start of the match key `key`? In a key every character but the space
/// is a word character, so the word ends where a space or the key does.
fn word_at<W: AsRef<str>>(key: &[u8], i: usize, words: &[W]) -> bool {
    let first = key[i];
    words.iter().map(|w| w.as_ref().as_bytes()).any(|w| {
        // the first byte before the comparison: most word starts match none
        w.first() == Some(&first)
            && key[i..].starts_with(w)
            && key.get(i + w.len()).is_none_or(|&b| b == b' ')
    })
}

/// What joins the two countries of a pair (`Nga - Triều`, `Hàn–Mỹ`,
/// `Mỹ/Nhật`): a short form counts as a country only in such a pair
/// (places), and a pair ends an organization's name (actors).
pub(crate) const PAIR_JOINERS: &[&str] = &["-", "–", "—", "/"];

/// Does `key[..pos]`, spaces at its end aside, end with the word phrase
/// `phrase`? Returns its start. `key` is a match key (a space is its only byte that is not part of a
/// word).
///
/// Speed: asked about a hundred times a document (troop figures: every
/// place and person near a figure, against lists of prepositions); the
/// spaces and the word boundary are read as bytes, not decoded.
pub(crate) fn phrase_before(key: &str, pos: usize, phrase: &str) -> Option<usize> {
    let bytes = key.as_bytes();
    let mut end = pos;
    while end > 0 && bytes[end - 1] == b' ' {
        end -= 1;
    }
    let start = end.checked_sub(phrase.len())?;
    (crate::normalize::short_eq(&bytes[start..end], phrase.as_bytes())
        && (start == 0 || bytes[start - 1] == b' '))
        .then_some(start)
}

/// Whether any of `words` stands as a whole word (or phrase) in `key`, a
/// slice of a [`crate::normalize::match_key`]: the same as [`find_word`]
/// for each, in one pass over the word starts (one string search per word
/// cost more than the window it read). Every word must begin with a word
/// character.
pub(crate) fn contains_any_word<W: AsRef<str>>(key: &str, words: &[W]) -> bool {
    find_first_of(key, words).is_some()
}

/// The offset of the first whole-word (or phrase) occurrence of any of
/// `words` in `key`, a slice of a [`crate::normalize::match_key`]: the
/// least [`find_word`] of them, in one pass. Every word must begin with a
/// word character.
pub(crate) fn find_first_of<W: AsRef<str>>(key: &str, words: &[W]) -> Option<usize> {
    debug_assert!(is_key(key));
    let bytes = key.as_bytes();
    (0..bytes.len())
        .find(|&i| bytes[i] != b' ' && (i == 0 || bytes[i - 1] == b' ') && word_at(bytes, i, words))
}

/// The offset of the last whole-word (or phrase) occurrence of any of
/// `words` in `key`, a slice of a [`crate::normalize::match_key`], in one
/// pass from the end. Every word must begin with a word character.
pub(crate) fn find_last_of<W: AsRef<str>>(key: &str, words: &[W]) -> Option<usize> {
    debug_assert!(is_key(key));
    let bytes = key.as_bytes();
    (0..bytes.len())
        .rev()
        .find(|&i| bytes[i] != b' ' && (i == 0 || bytes[i - 1] == b' ') && word_at(bytes, i, words))
}

/// The last whole-word occurrence in `key` of any of `first` or of any of
/// `second`, in one pass from the end: `Some(true)` when it is one of
/// `first` (also when one of `second` stands at the same place), else
/// `Some(false)`. The same as comparing the [`find_last_of`] of each.
pub(crate) fn find_last_of_either<A: AsRef<str>, B: AsRef<str>>(
    key: &str,
    first: &[A],
    second: &[B],
) -> Option<bool> {
    debug_assert!(is_key(key));
    let bytes = key.as_bytes();
    (0..bytes.len())
        .rev()
        .filter(|&i| bytes[i] != b' ' && (i == 0 || bytes[i - 1] == b' '))
        .find_map(|i| {
            if word_at(bytes, i, first) {
                Some(true)
            } else {
                word_at(bytes, i, second).then_some(false)
            }
        })
}

/// The distinct forms of a list of mentions, NFC-normalized and sorted:
/// the `aliases` of an actor or place. `doc` is the document they are in.
///
/// Speed: in a document that needed no normalization (most of them) every
/// form is normalized already, and is not checked again.
pub fn aliases_of(mentions: &[crate::model::Mention], doc: &Prepared) -> Vec<String> {
    // most mentions repeat a few forms: normalize each form once
    let mut forms: Vec<&str> = mentions.iter().map(|m| m.text.as_str()).collect();
    forms.sort_unstable();
    forms.dedup();
    if doc.norm.is_identity() {
        return forms.into_iter().map(str::to_string).collect();
    }
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
    run_batch(&[(doc, *ctx)])
        .pop()
        .expect("run_batch returns one result per document")
}

/// What the first extractors found in one document ([`first_pass`]): the
/// place mentions and the actors.
#[derive(Debug)]
pub struct FirstPass {
    /// Place mentions, before those inside an actor's name are dropped.
    places: Vec<places::PlaceMention>,
    /// The actors and where their mentions are.
    actors: actors::ActorsResult,
}

/// The extractors that read the token view, over one document: tokens,
/// places, then actors (whose rules read the places).
///
/// Speed: these three read the tokens and the word index again and again,
/// so they run one document at a time, right after the document is
/// prepared, while its data is in the CPU caches; [`finish_batch`] runs the
/// others over a whole batch. When each of the three ran over the whole
/// batch in turn, a document's tokens had left the caches before the next
/// extractor read them: a third more last-level cache misses (cachegrind)
/// and 3% more CPU time.
pub fn first_pass(doc: &Prepared, ctx: &Context) -> FirstPass {
    let tokens = tokens::tokenize(doc.text(), &doc.key, &doc.sentences);
    let places = places::find(doc, ctx, &tokens);
    let actors = actors::extract(doc, ctx, &tokens, &places);
    FirstPass { places, actors }
}

/// Run every extractor over a batch of documents, in the batch's order:
/// the same results as [`run_all`] on each.
///
/// Speed: after the [`first_pass`] of each document, each extractor runs
/// over the whole batch before the next one starts, so its automata,
/// tables and code stay in the CPU caches instead of being evicted by the
/// other extractors at every document (a cache simulation of one thread:
/// 40% fewer instruction-cache misses). On the 100 MB benchmark with
/// batches of 128, CPU time fell by about 15% while the shared machine was
/// quiet, and by little to nothing while it was busy; 512 documents were
/// slower again, their texts no longer fitting.
pub fn run_batch(batch: &[(&Prepared, Context)]) -> Vec<Extracted> {
    let first = batch
        .iter()
        .map(|(doc, ctx)| first_pass(doc, ctx))
        .collect();
    finish_batch(batch, first)
}

/// The rest of [`run_batch`] for documents whose [`first_pass`] is done
/// (`first`, in the batch's order): each remaining extractor runs over the
/// whole batch before the next.
pub fn finish_batch(batch: &[(&Prepared, Context)], first: Vec<FirstPass>) -> Vec<Extracted> {
    let (mut place_mentions, actors): (Vec<_>, Vec<_>) =
        first.into_iter().map(|f| (f.places, f.actors)).unzip();
    let places: Vec<_> = batch
        .iter()
        .zip(&mut place_mentions)
        .zip(&actors)
        .map(|(((doc, ctx), mentions), actors)| {
            places::drop_inside(
                mentions,
                &actors.person_spans,
                &actors.org_spans,
                ctx.gazetteer,
            );
            places::aggregate(doc, ctx.gazetteer, mentions)
        })
        .collect();
    let (dates, inferred): (Vec<_>, Vec<_>) = batch
        .iter()
        .map(|(doc, ctx)| dates::find_inferring_published(doc, ctx))
        .unzip();
    let troop_figures: Vec<_> = batch
        .iter()
        .zip(&place_mentions)
        .zip(&dates)
        .zip(&inferred)
        .zip(&actors)
        .map(|(((((doc, ctx), places), dates), inferred), actors)| {
            // a figure with no date of its own is of the day of publication,
            // the header's or the one the article gives (`Thứ bảy,
            // 15/11/2025` under the headline)
            let ctx = Context {
                published: ctx.published.or(*inferred),
                ..*ctx
            };
            troops::extract(
                doc,
                &ctx,
                places,
                dates,
                &actors.org_countries,
                &actors.person_spans,
            )
        })
        .collect();
    batch
        .iter()
        .zip(dates)
        .zip(inferred)
        .zip(actors)
        .zip(places)
        .zip(troop_figures)
        .map(
            |(((((_, dates), inferred_published), actors), places), troop_figures)| Extracted {
                inferred_published,
                dates: dates.into_iter().map(|d| d.mention).collect(),
                actors: actors.actors,
                places,
                troop_figures,
            },
        )
        .collect()
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
            let key = crate::normalize::match_key(hay);
            assert_eq!(contains_any_word(&key, WORDS), any, "{hay:?}");
            assert_eq!(find_last_of(&key, WORDS), last, "{hay:?}");
        }
    }

    #[test]
    fn one_pass_agrees_with_a_search_per_word() {
        // every arrangement of a few pieces, against the per-word searches
        let pieces = [
            "đã",
            "sẽ",
            "dự",
            "kiến",
            " ",
            ",",
            "x",
            "có thể",
            "từng",
            "Sẽ",
        ];
        let hays = crate::test_support::arrangements(&pieces, 4);
        for hay in &hays {
            let key = crate::normalize::match_key(hay);
            let first = WORDS.iter().filter_map(|w| find_word(&key, w)).min();
            let last = WORDS.iter().filter_map(|w| find_last_word(&key, w)).max();
            assert_eq!(find_first_of(&key, WORDS), first, "{hay:?}");
            assert_eq!(contains_any_word(&key, WORDS), first.is_some(), "{hay:?}");
            assert_eq!(find_last_of(&key, WORDS), last, "{hay:?}");
            // the later of two lists' last words, the first list on a tie
            let (past, forward) = (&["đã", "từng", "dự"], &["sẽ", "dự kiến", "có thể"]);
            let either = match (find_last_of(&key, past), find_last_of(&key, forward)) {
                (Some(p), Some(f)) => Some(p >= f),
                (p, f) => p.map(|_| true).or(f.map(|_| false)),
            };
            assert_eq!(find_last_of_either(&key, past, forward), either, "{hay:?}");
        }
    }
}
