//! Well-known dated events (`data/dated_events.tsv`): the year a reader
//! knows for `Ukraine tiến vào Kursk hồi tháng 8` (2024).
//!
//! A month, or a day and month, without a year takes an event's year when
//! its sentence names the event (every sentence cue), the article names its
//! context (every document cue), and the month is the event's month. Two
//! events that fit with different years leave the date unknown; an event
//! after the publication date never fits.
//!
//! Speed: every cue phrase of every event is looked up by its first word in
//! the document's word index (the gazetteer's word matcher), once over each
//! sentence that holds a date needing a year that some event's month (and
//! day) fits, and over the whole document only when an event's sentence
//! cues all match. A sentence only records which phrases it holds, so the
//! cost stays linear even for a one-line, 50 MB "sentence" with a million
//! dates. (An Aho-Corasick automaton over the bytes found the same phrases,
//! but its tables for a few hundred phrases missed the CPU caches at most
//! bytes: 13% of the date stage's time for 2% of its instructions.)

use crate::gazetteer::{KeyWords, WordMatcher};
use crate::prepare::PartialDate;
use std::cell::OnceCell;
use std::ops::Range;

/// The built-in table.
pub(crate) const DATED_EVENTS_TSV: &str = include_str!("../../../data/dated_events.tsv");

/// One event: its month and the cues that name it. A cue is a list of
/// alternative phrases, by index into the table's phrases.
#[derive(Debug)]
struct Event {
    year: i32,
    month: u32,
    /// The day, when the table gives one.
    day: Option<u32>,
    sentence_cues: Vec<Vec<usize>>,
    document_cues: Vec<Vec<usize>>,
}

/// The dated-event table (built-in rows plus `--gazetteer` files of kind
/// `dated_events`), its distinct cue phrases and their automaton. Owned by
/// the [`Gazetteer`](crate::gazetteer::Gazetteer).
#[derive(Debug)]
pub struct DatedEvents {
    events: Vec<Event>,
    phrases: Vec<String>,
    matcher: WordMatcher,
}

/// Rows collected before the automaton is made.
#[derive(Debug, Default)]
pub(crate) struct DatedEventsBuilder {
    events: Vec<Event>,
    phrases: Vec<String>,
    index: std::collections::HashMap<String, usize>,
}

impl DatedEventsBuilder {
    /// Add the rows of a `dated_events` TSV text (the format of
    /// `data/dated_events.tsv`).
    pub(crate) fn add(&mut self, tsv: &str) -> Result<(), String> {
        for (i, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let line_no = i + 1;
            let c: Vec<&str> = line.split('\t').map(str::trim).collect();
            if c.len() < 3 {
                return Err(format!(
                    "line {line_no}: needs event, date and sentence cues (tab-separated)"
                ));
            }
            let date = crate::prepare::parse_iso(c[1])
                .ok_or_else(|| format!("line {line_no}: date {:?} is not YYYY-MM[-DD]", c[1]))?;
            let sentence_cues = self.cues(c[2]);
            if sentence_cues.is_empty() {
                return Err(format!("line {line_no}: an event needs sentence cues"));
            }
            let document_cues = self.cues(c.get(3).copied().unwrap_or(""));
            self.events.push(Event {
                year: date.year,
                month: date.month.unwrap_or(1),
                day: date.day,
                sentence_cues,
                document_cues,
            });
        }
        Ok(())
    }

    fn cues(&mut self, col: &str) -> Vec<Vec<usize>> {
        col.split(';')
            .filter(|cue| !cue.trim().is_empty())
            .map(|cue| {
                cue.split('|')
                    .map(crate::normalize::phrase_key)
                    .filter(|key| !key.is_empty())
                    .map(|key| match self.index.get(&key) {
                        Some(&i) => i,
                        None => {
                            self.phrases.push(key.clone());
                            self.index.insert(key, self.phrases.len() - 1);
                            self.phrases.len() - 1
                        }
                    })
                    .collect::<Vec<usize>>()
            })
            .filter(|alts| !alts.is_empty())
            .collect()
    }

    pub(crate) fn build(self) -> DatedEvents {
        let matcher = WordMatcher::new(&self.phrases);
        DatedEvents {
            events: self.events,
            phrases: self.phrases,
            matcher,
        }
    }
}

/// Which cue phrases a stretch of text holds.
#[derive(Clone)]
struct PhraseSet(Vec<u64>);

impl PhraseSet {
    fn new(n: usize) -> PhraseSet {
        PhraseSet(vec![0; n.div_ceil(64)])
    }
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn contains(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    /// True when every cue has one of its phrases here.
    fn has_all(&self, cues: &[Vec<usize>]) -> bool {
        cues.iter()
            .all(|alts| alts.iter().any(|&p| self.contains(p)))
    }
}

impl DatedEvents {
    /// The cue phrases that stand as whole words in `key[range]`, whose
    /// words are `words`.
    fn phrases_in(&self, key: &str, words: &KeyWords, range: Range<usize>) -> PhraseSet {
        let mut found = PhraseSet::new(self.phrases.len());
        let mut at = words.first_from(range.start);
        while words.start_of(at).is_some_and(|start| start < range.end) {
            self.matcher
                .each_at(key.as_bytes(), words, at, |end, phrase| {
                    if end <= range.end {
                        found.insert(phrase);
                    }
                });
            at += 1;
        }
        found
    }
}

/// A date that needs a year: where it starts, its sentence, and the months
/// it names (twice the same for a single month).
pub(super) struct Need {
    pub start: usize,
    pub sentence: Range<usize>,
    pub months: [u32; 2],
    /// The first and last day, for a day or a span of days.
    pub days: Option<(u32, u32)>,
}

/// Days a day-level date may lie from its event's day: a few, for events
/// that lasted or were reported a day or two later.
const DAY_SLACK: u32 = 3;

/// Days before publication within which a day and month without a year is
/// the recent one, not an earlier year's event (`ngày 17/6` in an article
/// of 18 June 2025 is yesterday, even beside the cues of 19 June 2024).
const RECENT_DAYS: i64 = 14;

/// Whether `days` of `month` (no year given) fall, in the publication's
/// year, within [`RECENT_DAYS`] before `published` (a full date) or
/// [`DAY_SLACK`] after it.
fn recent_day(published: Option<PartialDate>, month: u32, days: Option<(u32, u32)>) -> bool {
    let (Some(p), Some((first, _))) = (published, days) else {
        return false;
    };
    let (Some(pm), Some(pd)) = (p.month, p.day) else {
        return false;
    };
    let date = |m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(p.year, m, d);
    let (Some(said), Some(published)) = (date(month, first), date(pm, pd)) else {
        return false;
    };
    let before = (published - said).num_days();
    (-i64::from(DAY_SLACK)..=RECENT_DAYS).contains(&before)
}

/// The event years of the dates in `needs` (sorted by sentence), by start
/// offset, for a document with match key `key`.
pub(super) fn years(
    t: &DatedEvents,
    key: &str,
    words: &KeyWords,
    published: Option<PartialDate>,
    needs: &[Need],
) -> Vec<(usize, i32)> {
    if needs.is_empty() {
        return Vec::new();
    }
    let mut sentences: Vec<Range<usize>> = needs.iter().map(|n| n.sentence.clone()).collect();
    sentences.dedup();
    // a sentence is read only when an event fits one of its dates' months
    // and days: most dates have no such event
    let in_sentence: Vec<OnceCell<PhraseSet>> = vec![OnceCell::new(); sentences.len()];
    // the whole document is read only when an event's sentence cues are all
    // there: rare, and then once
    let in_document = OnceCell::new();
    let mut out = Vec::new();
    for need in needs {
        let Ok(s) = sentences.binary_search_by_key(&need.sentence.start, |r| r.start) else {
            continue;
        };
        if recent_day(published, need.months[0], need.days) {
            continue;
        }
        let mut years = t
            .events
            .iter()
            .filter(|e| need.months.contains(&e.month))
            // `hôm 12/2` is not the event of 24 February
            .filter(|e| match (e.day, need.days) {
                (Some(d), Some((first, last))) => first <= d + DAY_SLACK && d <= last + DAY_SLACK,
                _ => true,
            })
            .filter(|e| {
                published.is_none_or(|p| (e.year, e.month) <= (p.year, p.month.unwrap_or(12)))
            })
            .filter(|e| {
                in_sentence[s]
                    .get_or_init(|| t.phrases_in(key, words, sentences[s].clone()))
                    .has_all(&e.sentence_cues)
            })
            .filter(|e| {
                e.document_cues.is_empty()
                    || in_document
                        .get_or_init(|| t.phrases_in(key, words, 0..key.len()))
                        .has_all(&e.document_cues)
            })
            .map(|e| e.year);
        if let Some(first) = years.next() {
            if years.all(|y| y == first) {
                out.push((need.start, first));
            }
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_parses() {
        let names: Vec<&str> = DATED_EVENTS_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split('\t').next())
            .collect();
        assert!(
            names.windows(2).all(|w| w[0] < w[1]),
            "data/dated_events.tsv"
        );
        let t = &crate::gazetteer::builtin().dated_events;
        assert_eq!(t.events.len(), names.len());
        for e in &t.events {
            assert!((1..=12).contains(&e.month) && (1800..=2100).contains(&e.year));
            assert!(!e.sentence_cues.is_empty(), "an event needs sentence cues");
        }
    }

    #[test]
    fn cues_are_whole_words_in_their_sentence() {
        let need = |start, sentence: Range<usize>| Need {
            start,
            sentence,
            months: [8, 8],
            days: None,
        };
        let key = "ukraine tiến vào kursk hồi tháng 8  sau đó tháng 8";
        let split = key.find("sau").unwrap_or(0);
        let t = &crate::gazetteer::builtin().dated_events;
        let words = KeyWords::of(key);
        let got = years(
            t,
            key,
            &words,
            None,
            &[need(27, 0..split), need(43, split..key.len())],
        );
        assert_eq!(got, [(27, 2024)]);
        // `kursks` is not `kursk`
        let key = "ukraine tiến vào kursks hồi tháng 8";
        let words = KeyWords::of(key);
        assert!(years(t, key, &words, None, &[need(28, 0..key.len())]).is_empty());
    }

    #[test]
    fn a_day_just_before_publication_is_the_recent_one() {
        let published = |y, m, d| {
            Some(PartialDate {
                year: y,
                month: Some(m),
                day: Some(d),
            })
        };
        let p = published(2025, 6, 18);
        assert!(recent_day(p, 6, Some((17, 17))));
        assert!(recent_day(p, 6, Some((5, 5))));
        assert!(recent_day(p, 6, Some((20, 21))));
        // weeks before, or a month alone: an event may still give the year
        assert!(!recent_day(p, 5, Some((20, 20))));
        assert!(!recent_day(p, 6, None));
        assert!(!recent_day(published(2025, 6, 1), 6, Some((19, 19))));
        // no full publication date: nothing is recent
        let month_only = Some(PartialDate {
            year: 2025,
            month: Some(6),
            day: None,
        });
        assert!(!recent_day(month_only, 6, Some((17, 17))));
    }

    #[test]
    fn user_rows_are_checked() {
        let mut b = DatedEventsBuilder::default();
        assert!(b.add("Event\t2025-13\tcue\n").is_err());
        assert!(b.add("Event\t2025-06\n").is_err());
        assert!(b.add("Event\t2025-06\t ; \n").is_err());
        assert!(b
            .add("# comment\nEvent\t2025-06-01\tcue one|cue two;other\tdoc\n")
            .is_ok());
        let t = b.build();
        assert_eq!(t.events.len(), 1);
        assert_eq!(t.events[0].sentence_cues, [vec![0, 1], vec![2]]);
        assert_eq!(t.events[0].day, Some(1));
    }
}
