//! Every occurrence of a few dozen short phrases in a stretch of text,
//! overlaps included.
//!
//! The troop rules ask which status phrases (`đã điều`, `đóng quân` …)
//! occur in the window around a figure. [`Phrases`] answers with one pass
//! of an Aho-Corasick DFA, which it drives itself through the crate's
//! [`Automaton`] trait on the concrete DFA type: the search behind
//! `AhoCorasick::find_overlapping_iter` calls the automaton through a trait
//! object at every byte, which took about twenty instructions a byte here
//! against a few for this loop (measured with callgrind).
//!
//! Not for large phrase sets over whole documents: a DFA for a few hundred
//! phrases has tables that miss the CPU caches at most bytes (the dated
//! events' cues are looked up by word instead, see
//! `extract::dates::events`).

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::Anchored;

/// A set of phrases and the DFA that finds them.
#[derive(Debug, Clone)]
pub struct Phrases {
    dfa: DFA,
}

impl Phrases {
    /// The automaton of `phrases` (an empty set finds nothing).
    ///
    /// # Panics
    /// When the DFA cannot be built (too many states): the phrase lists
    /// are compiled in or small, and their tests build them.
    pub fn new<P: AsRef<[u8]>>(phrases: impl IntoIterator<Item = P>) -> Phrases {
        let dfa = DFA::builder()
            .build(phrases)
            .expect("phrase automaton (too many states?)");
        Phrases { dfa }
    }

    /// Call `found(start, end, phrase)` for every occurrence of a phrase in
    /// `hay[from..to]`, overlapping ones too, in order of their end (for
    /// one end, in no set order). `phrase` is its index in the list given
    /// to [`Phrases::new`].
    pub fn each(
        &self,
        hay: &[u8],
        from: usize,
        to: usize,
        mut found: impl FnMut(usize, usize, usize),
    ) {
        let dfa = &self.dfa;
        // an unanchored DFA of non-empty phrases has a start state and
        // never dies; without one there is nothing to find
        let Ok(mut state) = dfa.start_state(Anchored::No) else {
            return;
        };
        for (i, &byte) in hay[from..to].iter().enumerate() {
            state = dfa.next_state(Anchored::No, state, byte);
            if dfa.is_special(state) && dfa.is_match(state) {
                let end = from + i + 1;
                for k in 0..dfa.match_len(state) {
                    let phrase = dfa.match_pattern(state, k);
                    found(end - dfa.pattern_len(phrase), end, phrase.as_usize());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every occurrence, as the crate's own overlapping search finds them.
    fn oracle(phrases: &[&str], hay: &str) -> Vec<(usize, usize, usize)> {
        let ac = aho_corasick::AhoCorasick::new(phrases).expect("automaton");
        let mut v: Vec<_> = ac
            .find_overlapping_iter(hay)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn agrees_with_the_crates_overlapping_search() {
        let phrases = [
            "năm",
            "năm nay",
            "nay",
            "tư",
            "tương",
            "ương lai",
            "a",
            "ai",
        ];
        let hays = crate::test_support::arrangements(&["năm", " ", "nay", "tương", "lai", "x"], 4);
        let p = Phrases::new(phrases);
        for hay in &hays {
            let mut got = Vec::new();
            p.each(hay.as_bytes(), 0, hay.len(), |s, e, i| got.push((s, e, i)));
            // in order of their end
            assert!(got.windows(2).all(|w| w[0].1 <= w[1].1), "{hay:?}");
            got.sort();
            assert_eq!(got, oracle(&phrases, hay), "{hay:?}");
        }
    }

    #[test]
    fn a_range_is_searched_alone() {
        let p = Phrases::new(["nay"]);
        let hay = b"nay nay nay";
        let mut got = Vec::new();
        p.each(hay, 2, 7, |s, e, i| got.push((s, e, i)));
        assert_eq!(got, [(4, 7, 0)]);
        let none = Phrases::new(Vec::<&str>::new());
        none.each(hay, 0, hay.len(), |_, _, _| panic!("nothing to find"));
    }
}
