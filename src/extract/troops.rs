//! Troop figures: how many military personnel, qualified how, whose, sent
//! where, located where, according to whom, and when.
//!
//! A figure is a number ([`super::numbers`]) directly followed by a
//! personnel noun from `data/troop_terms.tsv` (`quân`, `binh sĩ`, `binh
//! lính`, `lính công binh` …); `người` counts only when the phrase says the
//! people are soldiers (`8.000 người trong số binh lính Triều Tiên`,
//! `người lính`), when soldiers named in the sentence are lost, or when the
//! number is the value of a troop count (`tổng số quân … lên 14.000
//! người`), the object of a verb of sending troops or a force (`lực
//! lượng khoảng 11.000 người`) or sent in the passive (`… người đã được
//! triển khai`) in a sentence that has named soldiers (`… và dự kiến sẽ
//! gửi tổng cộng 12.000 người`).
//! Everything else is read from the figure's sentence, using
//! the places and dates already extracted rather than detecting them again:
//!
//! - **qualifier**: the words before the number (`khoảng` → approximately,
//!   `hơn` → more_than, `ít nhất` → at_least, `lên tới` → up_to), a range
//!   (`10.000-12.000`, `từ 10.000 đến 12.000`), or a vague amount;
//! - **status**: the status word nearest to the figure (`gửi` deployed,
//!   `đang ở` present, `thiệt mạng` killed, `bị thương` wounded, `thương
//!   vong` casualties, `bị bắt` captured, `rút`, `trở về` withdrawn),
//!   planned when `dự kiến`, `sẽ`,
//!   `chuẩn bị` … govern a deployment verb; present for `có N binh sĩ`
//!   (there are) with no status word;
//! - **sender**: the country named right after the noun (`binh lính Triều
//!   Tiên`, `quân nhân thuộc lực lượng đặc nhiệm Triều Tiên`), else the nearest country or capital before the figure that is
//!   neither a destination, the owner of a place (`tỉnh Kursk của Nga`)
//!   nor in a source (`Theo … Hàn Quốc, …`) (`Bình Nhưỡng … đã gửi` → KP);
//!   for `nước này` (this country), the last country named before the
//!   sentence that is not the destination;
//! - **destination**: a place after `sang`, `tới`, `đến`, `cho`, `vào`; else
//!   the country of the location when it is not the sender's; after the
//!   figure, neither destination nor location is looked for past a
//!   conjunction that opens another clause (`sau khi`, `trong khi`, `nếu`);
//! - **location**: a city, region or facility after `tại`, `ở`, `trong` (or
//!   `tới`, `sang`: where they are sent), else one that `tại`/`ở` names
//!   before the figure with no reporting verb between (`Tại Kursk, 11.000
//!   lính …`);
//! - **claimed_by**: `theo X`, the subject of a reporting verb (`X cho biết`,
//!   `X cho rằng`), `tuyên bố của X … rằng`, or `…, theo X.` or `…, X ước
//!   tính.` ending the sentence; a sentence without one keeps
//!   the claimant of the previous figure of the same paragraph;
//! - **date**: the first dated expression of the sentence, else the
//!   publication date.
//!
//! Not figures: meetings, tests, missiles, money, percentages, years,
//! civilians and workers (`5.000 người dân`, `lao động`), unit designations
//! (`Sư đoàn 11`), military words that merely start with `quân` (`quân sự`,
//! `quân đội`).

use super::dates::Located;
use super::numbers::{self, NumberMatch};
use super::places::PlaceMention;
use super::tokens::is_capitalized;
use super::{find_word, phrase_before, Context};
use crate::gazetteer::{Gazetteer, KeyWords, WordMatcher};
use crate::model::{Qualifier, TroopFigure, TroopStatus};
use crate::phrases::Phrases;
use crate::prepare::Prepared;
use std::ops::Range;
use std::sync::OnceLock;

const TERMS_TSV: &str = include_str!("../../data/troop_terms.tsv");

/// The word lists of `data/troop_terms.tsv`, longest phrase first.
struct Terms {
    units: Vec<String>,
    /// Finds the units (and [`CASUALTY_NOUN`]) that start at a word: a
    /// sentence where none does is skipped ([`may_name_a_unit`]).
    unit_matcher: WordMatcher,
    unit_blockers: Vec<String>,
    qualifiers: Vec<(String, Qualifier)>,
    statuses: Vec<(String, TroopStatus)>,
    /// Words that begin with a status phrase and are other words (`đưa
    /// tin`, to report, begins with `đưa`, to send; `điều tra` with
    /// `điều`): a status phrase where one of these stands is none.
    status_blockers: Vec<String>,
    /// Finds every occurrence of every status phrase, by index into
    /// `statuses`, in one pass.
    status_matcher: Phrases,
    planners: Vec<String>,
    reporting: Vec<String>,
    /// Conjunctions that open a subordinate clause (`sau khi`, `vì`):
    /// a claim made inside one is made by that clause's subject.
    subordinators: Vec<String>,
}

fn terms() -> &'static Terms {
    static T: OnceLock<Terms> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Terms {
            units: Vec::new(),
            unit_matcher: WordMatcher::new(&[]),
            unit_blockers: Vec::new(),
            qualifiers: Vec::new(),
            statuses: Vec::new(),
            status_blockers: Vec::new(),
            status_matcher: Phrases::new(Vec::<&str>::new()),
            planners: Vec::new(),
            reporting: Vec::new(),
            subordinators: Vec::new(),
        };
        for line in TERMS_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let c: Vec<&str> = line.split('\t').map(str::trim).collect();
            let phrase = c[1].to_string();
            let value = c.get(2).copied().unwrap_or("");
            match c[0] {
                // in match-key form, as the text is read: punctuation in
                // the phrase (`cán bộ, chiến sĩ`) stands where the text has
                // it, as a space
                "unit" => t.units.push(crate::normalize::match_key(&phrase)),
                "not_unit" => t.unit_blockers.push(phrase),
                "qualifier" => t.qualifiers.push((phrase, qualifier(value))),
                "status" => t.statuses.push((phrase, status(value))),
                "not_status" => t.status_blockers.push(phrase),
                "planned" => t.planners.push(phrase),
                "reporting" => t.reporting.push(phrase),
                "subordinator" => t.subordinators.push(phrase),
                other => panic!("data/troop_terms.tsv: unknown kind {other:?}"),
            }
        }
        t.units.sort_by_key(|u| std::cmp::Reverse(u.len()));
        // (`thương vong` counts soldiers where the sentence names them: a
        // sentence with it may hold a figure)
        let mut may_follow_a_number = t.units.clone();
        may_follow_a_number.push(CASUALTY_NOUN.to_string());
        t.unit_matcher = WordMatcher::new(&may_follow_a_number);
        t.qualifiers
            .sort_by_key(|(q, _)| std::cmp::Reverse(q.len()));
        t.statuses.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        t.status_matcher = Phrases::new(t.statuses.iter().map(|(s, _)| s));
        t
    })
}

fn qualifier(name: &str) -> Qualifier {
    match name {
        "approximately" => Qualifier::Approximately,
        "more_than" => Qualifier::MoreThan,
        "at_least" => Qualifier::AtLeast,
        "up_to" => Qualifier::UpTo,
        other => panic!("data/troop_terms.tsv: unknown qualifier {other:?}"),
    }
}

fn status(name: &str) -> TroopStatus {
    match name {
        "deployed" => TroopStatus::Deployed,
        "present" => TroopStatus::Present,
        "killed" => TroopStatus::Killed,
        "wounded" => TroopStatus::Wounded,
        "casualties" => TroopStatus::Casualties,
        "captured" => TroopStatus::Captured,
        "withdrawn" => TroopStatus::Withdrawn,
        other => panic!("data/troop_terms.tsv: unknown status {other:?}"),
    }
}

/// Does `key[pos..]` start with the word phrase `phrase` (ending at a word
/// boundary)? Returns the end. `key` is a match key: a space is its only
/// byte that is not part of a word.
fn phrase_at(key: &str, pos: usize, phrase: &str) -> Option<usize> {
    let bytes = key.as_bytes();
    let end = pos + phrase.len();
    (bytes
        .get(pos..end)
        .is_some_and(|k| crate::normalize::short_eq(k, phrase.as_bytes()))
        && bytes.get(end).is_none_or(|&b| b == b' '))
    .then_some(end)
}

/// False when no figure can be read in `key[sentence]` (whose words are
/// `words`): no unit (nor `thương vong`) starts at a word, and no number runs into a word
/// (`15.000đặc công`, where [`figure_at`] reads the unit right after the
/// digits). Digits inside a word (`ặ15đặc`) are not looked at: that is
/// not text a figure is written in.
///
/// Speed: this looks units up by the words' hashes, already computed
/// (as the gazetteer does); an Aho-Corasick search for the unit phrases
/// read every byte of the sentence (3% of all instructions, measured),
/// and most sentences name no unit.
fn may_name_a_unit(key: &str, words: &KeyWords, sentence: &Range<usize>) -> bool {
    let matcher = &terms().unit_matcher;
    let bytes = key.as_bytes();
    let mut at = words.first_from(sentence.start);
    while let Some(start) = words.start_of(at).filter(|&s| s < sentence.end) {
        let mut unit = false;
        matcher.each_at(bytes, words, at, |_, _| unit = true);
        if unit || bytes[start].is_ascii_digit() && digits_run_into_a_word(bytes, start) {
            return true;
        }
        at += 1;
    }
    false
}

/// True when the digits that begin the word at `key[start..]` are followed
/// by a letter, not a space.
fn digits_run_into_a_word(key: &[u8], start: usize) -> bool {
    let rest = &key[start..];
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    rest.get(digits).is_some_and(|&b| b != b' ')
}

/// The end of the longest of `phrases` that stands at `key[pos..]` (see
/// [`phrase_at`]).
fn longest_phrase_at<P: AsRef<str>>(key: &str, pos: usize, phrases: &[P]) -> Option<usize> {
    phrases
        .iter()
        .filter_map(|p| phrase_at(key, pos, p.as_ref()))
        .max()
}

fn skip_spaces(key: &str, pos: usize) -> usize {
    pos + (key[pos..].len() - key[pos..].trim_start().len())
}

/// A figure's number, unit and extent, before its context is read.
struct Core {
    start: usize,
    end: usize,
    /// The figure gives the number of the troops a figure before it in the
    /// paragraph counted (`con số này có thể lên tới 12.000`): it has no
    /// unit of its own (an empty unit span) and takes that figure's unit,
    /// sender, destination and status unless it says otherwise.
    restates_previous: bool,
    count: u64,
    count_max: Option<u64>,
    qualifier: Qualifier,
    unit_start: usize,
    unit_end: usize,
}

/// Find the troop figures of a document.
pub fn extract(
    doc: &Prepared,
    ctx: &Context,
    places: &[PlaceMention],
    dates: &[Located],
    orgs: &[(usize, usize, Option<String>)],
    persons: &[(usize, usize)],
) -> Vec<TroopFigure> {
    let text = doc.text();
    let key = &doc.key;
    let g = ctx.gazetteer;
    let mut out: Vec<TroopFigure> = Vec::new();
    let mut last_claim: Option<(usize, String)> = None; // (paragraph, claimant)
    let mut paragraph = 0;
    let mut paragraph_start = doc.header.body_start;
    let mut prev_end = doc.header.body_start;
    // the paragraph of the last sentence with a figure
    let mut figure_paragraph: Option<usize> = None;
    // the last figure that is not a part of, or a figure among, the one
    // before it (an index in `out`)
    let mut last_whole: Option<usize> = None;
    for sentence in &doc.sentences {
        if text[prev_end..sentence.start].contains('\n') {
            paragraph += 1;
            paragraph_start = sentence.start;
        }
        prev_end = sentence.end;
        // (a sentence without a unit may still restate the paragraph's
        // figure: `con số này có thể lên tới 12.000`)
        let restates_a_figure = || {
            figure_paragraph == Some(paragraph)
                && super::contains_any_word(&key[sentence.clone()], RESTATED_FIGURE)
        };
        if !(may_name_a_unit(key, &doc.key_words, sentence) || restates_a_figure()) {
            continue;
        }
        let nums: Vec<NumberMatch> =
            numbers::find(text, key, &doc.key_words, sentence.start, sentence.end)
                .into_iter()
                .filter(|n| !overlaps_a_date(dates, n.start, n.end))
                .filter(|n| !designates_a_formation(text, key, n, sentence.start))
                .filter(|n| !is_the_article(n))
                .collect();
        // the sentence's figures first: each one's context ends at the next
        let mut cores = Vec::new();
        let mut k = 0;
        let figure_earlier_in_paragraph = figure_paragraph == Some(paragraph);
        while k < nums.len() {
            let previous_end = cores.last().map(|c: &Core| c.end);
            let before = FiguresBefore {
                in_sentence_end: previous_end,
                in_paragraph: figure_earlier_in_paragraph || previous_end.is_some(),
            };
            match figure_at(text, key, &nums, k, sentence.start, before) {
                Some((core, used)) => {
                    cores.push(core);
                    k += used;
                }
                None => k += 1,
            }
        }
        if !cores.is_empty() {
            figure_paragraph = Some(paragraph);
        }
        // where a figure is or goes is said before the next figure of the
        // sentence (`2 triệu quân, trong đó hàng chục nghìn binh sĩ đóng tại
        // Phúc Kiến`: Phúc Kiến is the second one's), unless the next one is
        // joined to it by `và` (`100 binh sĩ thiệt mạng và 1.000 người bị
        // thương tại Kursk`: both were at Kursk); computed from the last
        // figure back, so a run of joined figures shares one bound
        let mut said_before: Vec<Option<usize>> = vec![None; cores.len()];
        let mut joined_to_next = vec![false; cores.len()];
        for f in (0..cores.len().saturating_sub(1)).rev() {
            let (this, next) = (&cores[f], &cores[f + 1]);
            let between = key.get(this.end..next.start).unwrap_or("");
            // (`và` joins two clauses when a verb of the second stands
            // after it: `có 1,2 triệu quân thường trực, và quân đội nước này
            // đã mất khoảng 4.000 binh sĩ ở Kursk`)
            let joined = between.len() < 120
                && super::find_last_of(between, &["và"]).is_some_and(|va| {
                    let after_va = this.end + va + "và".len();
                    !has_status_phrase(key, after_va, next.start)
                })
                && !super::contains_any_word(between, PART_OF_WORDS);
            joined_to_next[f] = joined;
            said_before[f] = if joined {
                said_before[f + 1]
            } else {
                Some(next.start)
            };
        }
        let first_of_sentence = out.len();
        let mut location_ends = Vec::with_capacity(cores.len());
        for (f, core) in cores.iter().enumerate() {
            // the figure's context: its sentence, at most ~300 bytes each side
            // (a sentence may be a whole 50 MB line)
            let s = clip(
                text,
                sentence.start.max(core.start.saturating_sub(300)),
                sentence.end.min(core.end + 300),
            );
            // `1.500 binh sĩ nước ngoài` (foreign soldiers): of no one
            // country, and not of the one acting
            let foreign = phrase_at(key, skip_spaces(key, core.unit_end), "nước ngoài").is_some();
            // last resort: the country of the organization acting before the
            // figure (`Lầu Năm Góc … điều thêm 1.500 lính`)
            let mut sender = if foreign {
                None
            } else {
                sender(text, key, g, places, core, s.start).or_else(|| {
                    orgs.iter()
                        .rfind(|(os, oe, c)| {
                            *os >= s.start
                                && *oe <= core.start
                                && c.is_some()
                                && !in_a_source(text, key, *os, *oe, s.start, core.start)
                                && !holds_captives(key, core, *oe)
                        })
                        .and_then(|(_, _, c)| c.clone())
                })
            };
            let next_figure = said_before[f].map_or(s.end, |b| b.clamp(core.end, s.end));
            // where a figure is may also be said before it, after the
            // figure before its run of `và`-joined ones
            let mut run = f;
            while run > 0 && joined_to_next[run - 1] {
                run -= 1;
            }
            let said_after = run
                .checked_sub(1)
                .map_or(s.start, |p| cores[p].end.max(location_ends[p]).max(s.start));
            // where and whither are said in the figure's own clause: a
            // place after `sau khi`, `trong khi`, `nếu` … (the
            // subordinators of data/troop_terms.tsv) belongs to the clause
            // that conjunction opens (`… tới khu vực này sau khi chiến sự ở
            // Ukraine kết thúc`: Ukraine is neither). `để` (in order to) is
            // none: `gửi quân để hỗ trợ Nga` names whom they help.
            let clause_limit = next_figure;
            let next_figure = key
                .get(core.end..next_figure)
                .and_then(|after| super::find_first_of(after, &terms().subordinators))
                .map_or(next_figure, |i| core.end + i);
            let location = location(key, g, places, core, said_after, next_figure);
            location_ends.push(location.as_ref().map_or(0, |l| l.2));
            // … except the troops' own sending in the passive right after
            // `trước khi`/`sau khi`: `được huấn luyện tại Triều Tiên trước
            // khi được điều sang Nga`
            let sent_later = sent_after_subordinator(key, g, places, next_figure, clause_limit);
            let mut destination =
                destination(key, g, places, core, s.start, next_figure, sent_later)
                    .or_else(|| receiver(text, key, g, places, core, s.start));
            // (where captives are held is not where they were sent: `Hai
            // binh sĩ Triều Tiên bị bắt … đang được thẩm vấn tại Kiev`)
            let mut held_there = false;
            if destination.is_none() {
                if let Some(l) = &location {
                    if l.1.as_deref() != sender.as_deref() {
                        destination = l.1.clone();
                        held_there = key
                            .get(core.end..l.2)
                            .is_some_and(|between| super::contains_any_word(between, HELD_WORDS));
                    }
                }
            }
            if sender.is_none() && !foreign {
                let earlier = doc
                    .header
                    .body_start
                    .max(sentence.start.saturating_sub(600));
                sender = anaphoric_sender(
                    g,
                    places,
                    earlier..sentence.start,
                    &key[sentence.start..core.start],
                    destination.as_deref(),
                );
            }
            // `… 10.000 quân Triều Tiên đã được đưa tới Nga. Lầu Năm Góc cho
            // biết ít nhất 8.000 người đã có mặt ở Kursk`: bare people in a
            // paragraph of troops are those troops, of the same sender
            let bare_people = &key[core.unit_start..core.unit_end] == "người";
            if sender.is_none() && !foreign && bare_people && figure_earlier_in_paragraph {
                sender = out.last().and_then(|previous| previous.sender.clone());
            }
            // `… các binh sĩ Triều Tiên "không hiểu chiến thuật". Ông Lee
            // cho biết số binh sĩ thương vong đã vượt quá 1.100 người`: a
            // sentence naming no country counts the soldiers of the country
            // the paragraph named last with soldiers (not `ba tù binh khác`:
            // others)
            if sender.is_none()
                && !foreign
                && phrase_at(key, skip_spaces(key, core.unit_end), "khác").is_none()
                && !places_in(places, sentence.start, sentence.end)
                    .iter()
                    .any(|m| m.is_country(g))
            {
                sender = soldiers_named_before(key, g, places, paragraph_start..sentence.start)
                    .filter(|c| Some(c.as_str()) != destination.as_deref());
            }
            // a part of the figure before it (`mất hơn 60.000 quân, trong
            // đó có khoảng 4.000 binh sĩ Triều Tiên`)
            // … or more of the same troops (`11.000 binh sĩ … và thêm
            // khoảng 3.000 người`)
            let part_of_previous = f > 0
                && (names_a_part(key, cores[f - 1].end, core.start)
                    || more_of_previous(key, cores[f - 1].end, core.start));
            // … or `khoảng 4.700 người trong số này đã thương vong`: some of
            // the troops the figure before in the paragraph counted. Both
            // were sent by the same country to the same place, unless the
            // text says otherwise.
            let among_previous =
                longest_phrase_at(key, skip_spaces(key, core.end), AMONG_THESE).is_some();
            // (a restated figure counts the troops of the last whole
            // figure, not of a part of it: theirs are its sender and
            // destination, whatever else the sentence names)
            let restated = last_whole
                .and_then(|i| out.get(i))
                .filter(|_| core.restates_previous);
            if let Some(previous) = restated {
                sender = previous.sender.clone();
                destination = previous.destination.clone();
            }
            if part_of_previous || among_previous && (f > 0 || figure_earlier_in_paragraph) {
                if let Some(previous) = out.last() {
                    sender = sender.or_else(|| previous.sender.clone());
                    destination = destination.or_else(|| previous.destination.clone());
                }
            }
            if destination == sender {
                destination = None;
            }
            let said = claimant(text, key, dates, persons, core, s.start);
            let in_paragraph = || match &last_claim {
                Some((p, c)) if *p == paragraph => Some(c.clone()),
                _ => None,
            };
            let claimed_by = if said.as_deref().is_some_and(is_pronoun) {
                // `Ông cảnh báo …`, `Theo ông, …`: the speaker named before
                // in the paragraph, else the person named last in it
                in_paragraph().or_else(|| {
                    // (`persons` is in actor order, not text order)
                    persons
                        .iter()
                        .filter(|&&(ps, pe)| ps >= paragraph_start && pe <= core.start)
                        .max_by_key(|&&(_, pe)| pe)
                        .map(|&(ps, pe)| text[ps..pe].to_string())
                })
            } else {
                said.or_else(|| trailing_source(text, key, dates, core.end, s.end))
                    .or_else(|| speaker_after_quote(text, key, dates, core, s.clone()))
                    .or_else(|| trailing_speaker(text, key, dates, core.end, s.end))
                    .or_else(|| speaker_before_colon(text, places, g, core, s.start))
                    .or_else(in_paragraph)
            };
            if let Some(c) = &claimed_by {
                last_claim = Some((paragraph, c.clone()));
            }
            // the figure's date: a later figure's own, said after it and
            // before the next (`11.000 binh sĩ … vào cuối năm 2024, và thêm
            // 3.000 người vào đầu năm 2025`), else the sentence's first
            let first_date_in = |from: usize, to: usize| {
                let first = dates.partition_point(|d| d.start < from);
                dates[first..]
                    .iter()
                    .take_while(|d| d.end <= to)
                    .find_map(|d| d.mention.value.clone())
            };
            let next_figure = cores.get(f + 1).map_or(sentence.end, |c| c.start);
            let date = (f > 0)
                .then(|| first_date_in(core.end, next_figure))
                .flatten()
                .or_else(|| first_date_in(sentence.start, sentence.end))
                .or_else(|| timeline_date(text, dates, paragraph_start))
                .or_else(|| ctx.published.map(|p| p.iso()));
            // the status words of a figure lie between the numbers around
            // it (`700.000 quân ở Ukraine và đã chịu hơn 800.000 thương
            // vong`: the casualties are the second number's)
            // (binary searches: `nums` is sorted, and a one-line 50 MB file
            // is one sentence with a million numbers)
            let next_number = nums
                .get(nums.partition_point(|m| m.start < core.end))
                .filter(|m| m.start < s.end);
            let status_to = next_number.map_or(s.end, |m| m.start);
            let number_at_end = next_number.is_some();
            let before = nums.partition_point(|m| m.end <= core.start);
            let status_from = before
                .checked_sub(1)
                .map_or(s.start, |i| nums[i].end.max(s.start));
            // figures joined by `và` share the verb before them (`cử 1.000
            // công binh và 5.000 lính xây dựng`)
            // (`out` ends with figure f - 1 of this sentence when f > 0)
            // a part of the figure before it shares what happened to it,
            // when it says nothing of its own
            let status = match (
                status_of(key, core, status_from, status_to, number_at_end),
                out.last(),
            ) {
                (TroopStatus::Unknown, Some(previous))
                    if f > 0 && (joined_to_next[f - 1] || part_of_previous) =>
                {
                    previous.status
                }
                // … and so do a figure and a number of something else
                // before it (`sẽ gửi 1.000 tấn lương thực và
                // 5.000 lính`, `điều 200 xe tăng và 3.000 binh sĩ`): the
                // verb is read before that number
                // … and so does a figure that restates the number before
                // it (`điều thêm 2 lữ đoàn, tương đương khoảng 5.000 quân`)
                (TroopStatus::Unknown, _) if before > 0 => {
                    let between = nums[before - 1].end.max(s.start)..core.start;
                    // (the key has no punctuation: the text tells commas)
                    // (`cũng như`, as well as, joins them after a comma)
                    let joined = super::find_word(&key[between.clone()], "và").is_some()
                        && !text[between.clone()].contains([',', ';'])
                        || key[between.clone()].trim_end().ends_with(" cũng như");
                    let restated = between.len() < 80
                        && super::contains_any_word(&key[between], RESTATING_WORDS);
                    if joined || restated {
                        let from = before
                            .checked_sub(2)
                            .map_or(s.start, |i| nums[i].end.max(s.start));
                        status_of(key, core, from, status_to, number_at_end)
                    } else {
                        TroopStatus::Unknown
                    }
                }
                (status, _) => status,
            };
            // `có 11.000 binh sĩ Triều Tiên ở Nga` (there are): present
            // (prisoners of war, `hai tù binh`, are captured by their noun
            // in `status_of`); but `trong đó có` (among whom are) names a
            // part, not a presence, and a part of prisoners is captured
            // (`trao đổi 1.200 tù nhân, trong đó có 390 binh sĩ`)
            let part_of_prisoners = || {
                before > 0 && {
                    let previous = &nums[before - 1];
                    names_a_part(key, previous.end, core.start)
                        && longest_phrase_at(key, skip_spaces(key, previous.end), PRISONER_NOUNS)
                            .is_some()
                }
            };
            let existential = phrase_before(key, core.start, "có").is_some_and(|co| {
                !PART_OF_BEFORE_CO
                    .iter()
                    .any(|w| phrase_before(key, co, w).is_some())
            });
            // `khoảng 1/3 trong số 11.000 binh sĩ … đã thương vong`: a part
            // of them was lost, not the whole
            let whole_of_a_part = || {
                phrase_before(key, core.start, "trong số").is_some_and(|at| {
                    let part = super::window_before(key, at, 24, s.start);
                    part.trim_end().ends_with(|c: char| c.is_ascii_digit())
                        || super::contains_any_word(part, PART_WORDS)
                })
            };
            let status = if matches!(
                status,
                TroopStatus::Killed
                    | TroopStatus::Wounded
                    | TroopStatus::Casualties
                    | TroopStatus::Captured
            ) && whole_of_a_part()
            {
                TroopStatus::Unknown
            } else {
                status
            };
            let status = if status != TroopStatus::Unknown {
                status
            } else if part_of_prisoners() {
                TroopStatus::Captured
            } else if existential {
                TroopStatus::Present
            } else {
                status
            };
            if status == TroopStatus::Captured && held_there {
                destination = None;
            }
            // a restated figure is of the troops counted before: their
            // unit, and what happened to them unless it says
            let (unit, status) = match restated {
                Some(previous) => (
                    previous.unit.clone(),
                    if status == TroopStatus::Unknown {
                        previous.status
                    } else {
                        status
                    },
                ),
                None => (text[core.unit_start..core.unit_end].to_string(), status),
            };
            // `Ukraine bắt sống hai lính Triều Tiên … thẩm vấn hai tù binh`:
            // a figure with no country that gives again the count and
            // status of an earlier one of the article counts the same troops
            if sender.is_none() && !foreign && core.count >= 2 && status != TroopStatus::Unknown {
                if let Some(same) = out
                    .iter()
                    .rfind(|p| p.count == core.count && p.status == status && p.sender.is_some())
                {
                    sender = same.sender.clone();
                }
            }
            if !(part_of_previous || among_previous || core.restates_previous) {
                last_whole = Some(out.len());
            }
            let (fig_text, span) = doc.original_text(core.start, core.end);
            out.push(TroopFigure {
                text: fig_text,
                span,
                count: core.count,
                count_max: core.count_max,
                qualifier: core.qualifier,
                unit,
                status,
                sender,
                destination,
                location: location.map(|l| l.0),
                claimed_by,
                date,
            });
        }
        // `11.500 quân nhân Nga và 1.500 binh sĩ nước ngoài tham gia diễu
        // hành`: a figure joined by `và` to the next, with nothing but its
        // country between them, shares the verb said after the next one
        for f in (0..cores.len().saturating_sub(1)).rev() {
            let (this, next) = (first_of_sentence + f, first_of_sentence + f + 1);
            if joined_to_next[f]
                && out[this].status == TroopStatus::Unknown
                && only_a_country_before_va(key, g, places, cores[f].end, cores[f + 1].start)
            {
                out[this].status = out[next].status;
            }
        }
    }
    out
}

/// Whether `key[from..to]` is `và`, or a country and `và`.
fn only_a_country_before_va(
    key: &str,
    g: &Gazetteer,
    places: &[PlaceMention],
    from: usize,
    to: usize,
) -> bool {
    let Some(between) = key.get(from..to) else {
        return false;
    };
    let Some(head) = between.trim_end().strip_suffix("và") else {
        return false;
    };
    let head_end = from + head.trim_end().len();
    let head_start = skip_spaces(key, from);
    head_start >= head_end
        || places_in(places, head_start, head_end)
            .iter()
            .any(|m| m.start == head_start && m.end == head_end && m.is_country(g))
}

/// `[s, e)` moved inward to character boundaries of `text`.
fn clip(text: &str, mut s: usize, mut e: usize) -> std::ops::Range<usize> {
    while !text.is_char_boundary(s) {
        s += 1;
    }
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    s..e.max(s)
}

/// Dates are sorted and disjoint: a binary search finds an overlap.
fn overlaps_a_date(dates: &[Located], s: usize, e: usize) -> bool {
    let i = dates.partition_point(|d| d.end <= s);
    dates.get(i).is_some_and(|d| d.start < e)
}

/// The date that heads a timeline's paragraph (`Tháng 1/2025: Ukraine bắt
/// giữ hai binh sĩ …`), starting at `paragraph_start` and followed by a
/// colon: the date of every sentence of the paragraph.
fn timeline_date(text: &str, dates: &[Located], paragraph_start: usize) -> Option<String> {
    let d = dates.get(dates.partition_point(|d| d.start < paragraph_start))?;
    let heads = text[paragraph_start..d.start].trim().is_empty()
        && text[d.end..]
            .trim_start_matches([' ', '\t'])
            .starts_with(':');
    heads.then(|| d.mention.value.clone()).flatten()
}

/// The place mentions inside `[s, e)` (mentions are sorted by start).
fn places_in(places: &[PlaceMention], s: usize, e: usize) -> &[PlaceMention] {
    let a = places.partition_point(|m| m.start < s);
    let b = places.partition_point(|m| m.start < e);
    &places[a..b.max(a)]
}

/// The country of the last soldiers named with theirs in `key[range]`
/// (`binh sĩ Triều Tiên`, `quân của Nga`, `lính đặc nhiệm Nga` is not read:
/// the country must follow the noun).
fn soldiers_named_before(
    key: &str,
    g: &Gazetteer,
    places: &[PlaceMention],
    range: Range<usize>,
) -> Option<String> {
    places_in(places, range.start, range.end)
        .iter()
        .rev()
        .filter(|m| m.end <= range.end && m.is_country(g))
        .find(|m| {
            let noun_end = super::phrase_before(key, m.start, "của").unwrap_or(m.start);
            SOLDIER_WORDS
                .iter()
                .chain(&["quân", "quân đội"])
                .any(|w| super::phrase_before(key, noun_end, w).is_some_and(|s| s >= range.start))
        })
        .and_then(|m| m.country(g))
        .map(str::to_string)
}

/// Soldier nouns that, earlier in the sentence, make a later `N người`
/// soldiers.
const SOLDIER_WORDS: &[&str] = &["binh sĩ", "binh lính", "lính", "quân nhân", "chiến binh"];

/// Losses that make `N người` soldiers when the sentence has spoken of
/// soldiers: `binh sĩ Triều Tiên thương vong, trong đó 300 người chết`,
/// `mất 1.250 binh sĩ, nâng tổng số thương vong lên 890.000 người`; the
/// adverbs of [`BEFORE_PASSIVE`] may come first (`4.700 người đã thương
/// vong`).
const LOSS_AFTER: &[&str] = &[
    "chết",
    "thiệt mạng",
    "tử trận",
    "tử vong",
    "hy sinh",
    "bị thương",
    "bị bắt",
    "bị giết",
    "mất tích",
    "thương vong",
];
const LOSS_BEFORE: &[&str] = &["thương vong", "tổn thất"];

/// `trong số này` (among these) after `N người`: the people are some of
/// those counted before.
const AMONG_THESE: &[&str] = &["trong số này", "trong số đó", "trong số họ"];

/// The figures read before the number [`figure_at`] looks at.
#[derive(Debug, Clone, Copy)]
struct FiguresBefore {
    /// The end of the previous figure of the sentence, if any.
    in_sentence_end: Option<usize>,
    /// Whether the paragraph has a figure before (in this sentence or an
    /// earlier one).
    in_paragraph: bool,
}

/// Troop-count nouns whose value a later `N người` gives: `nâng tổng số
/// quân Triều Tiên tại Nga lên hơn 14.000 người`, `quân số … khoảng 11.000
/// người`.
const COUNT_OF_TROOPS: &[&str] = &[
    "số quân",
    "quân số",
    "số binh sĩ",
    "số binh lính",
    "số lính",
    "số quân nhân",
    "số lượng quân",
    "số lượng binh sĩ",
    "số lượng binh lính",
    "số lượng lính",
    "số lượng quân nhân",
];

/// Military formations whose strength a later `N người` gives, when a word
/// of [`STRENGTH_WORDS`] stands between: `hai lữ đoàn Triều Tiên, với tổng
/// cộng khoảng 8.000 người`, `một sư đoàn gồm 10.000 người`.
const FORMATIONS: &[&str] = &[
    "binh đoàn",
    "đại đội",
    "lữ đoàn",
    "quân đoàn",
    "sư đoàn",
    "tiểu đoàn",
    "trung đoàn",
];

/// True when `n` is `một` alone: before a noun it is the article as
/// much as the number (`Một binh sĩ Triều Tiên bị thương được đưa tới
/// Kiev`, a wounded soldier), and one soldier is no troop figure.
/// `một nghìn`, `một trăm` and the digit `1` are counts.
fn is_the_article(n: &NumberMatch) -> bool {
    n.words && !n.vague && n.value == 1.0
}

/// Formations and commands that take a number as their name: `Sư đoàn
/// 98`, `Hạm đội 7`, `Quân khu 4`, `Tập đoàn quân 58`.
const NUMBERED_FORMATIONS: &[&str] = &["hạm đội", "quân khu", "phi đội", "tập đoàn quân"];

/// True when the number `n` (in digits) names the formation right before
/// it (`1.500 binh sĩ thuộc Sư đoàn 98 đã được điều …`): a name, not a
/// count, which must not end the figure before it and its status words.
fn designates_a_formation(text: &str, key: &str, n: &NumberMatch, sentence_start: usize) -> bool {
    !n.words
        && text[..n.start].ends_with(' ')
        && FORMATIONS
            .iter()
            .chain(NUMBERED_FORMATIONS)
            .any(|f| phrase_before(key, n.start, f).is_some_and(|at| at >= sentence_start))
}

/// Words that introduce the strength of a formation (`gồm`, `với`, `có`).
const STRENGTH_WORDS: &[&str] = &["gồm", "bao gồm", "với", "có", "tổng cộng", "quân số"];

/// Words that may follow a bare `N người` that ends a count: a noun there
/// (`người dân`, `người lao động`) says who the people are.
const AFTER_BARE_NGUOI: &[&str] = &[
    "tại", "ở", "trên", "và", "theo", "trong", "đang", "đã", "sẽ", "được", "bao", "so", "khi",
    "nhưng", "vào", "từ", "đến", "tới", "sang", "trước", "sau", "để", "nhằm", "hiện",
];

/// True when the `người` ending at `nguoi_end` stands alone: the phrase
/// ends, or a word that names no kind of people follows.
fn nguoi_stands_alone(text: &str, key: &str, nguoi_end: usize) -> bool {
    // punctuation ends the phrase (the key, which has it as spaces, would
    // read on into the next sentence)
    let rest = text[nguoi_end..].trim_start_matches(' ');
    if rest
        .chars()
        .next()
        .is_none_or(|c| !crate::normalize::is_word_char(c))
    {
        return true;
    }
    let after = skip_spaces(key, nguoi_end);
    let next_word = key[after..].split(' ').next().unwrap_or("");
    next_word.is_empty() || AFTER_BARE_NGUOI.contains(&next_word)
}

/// Subjects that are a number of something (`số`, `tổng số`, `quân số`):
/// before a reporting verb, that number is what is estimated.
const COUNTED_SUBJECTS: &[&str] = &["số", "số lượng", "tổng số", "con số", "quân số"];

/// Words that say a sentence gives an estimate (`con số`, a figure;
/// `ước tính`, to estimate): people it says were lost, after a figure of
/// troops in the paragraph, are those troops' losses.
const ESTIMATE_WORDS: &[&str] = &["con số", "số liệu", "ước tính", "thống kê"];

/// Words for a part of a whole (`một nửa`, `phần lớn`), before `trong số`
/// and the figure of the whole.
const PART_WORDS: &[&str] = &["nửa", "phần lớn", "hầu hết", "đa số", "một phần", "số ít"];

/// Words that make the figure after them a part of the one before:
/// `trong đó` (of whom), `trong số (đó)` (among them), `bao gồm`, `gồm`
/// (including).
const PART_OF_WORDS: &[&str] = &["trong đó", "trong số", "bao gồm", "gồm"];

/// True when the number from `num_start` counts more of the troops of the
/// figure ending at `previous_end`, earlier in its sentence: `thêm`
/// (more) among the three words before it (`11.000 binh sĩ được triển
/// khai tới Nga vào cuối năm 2024, và thêm khoảng 3.000 người`).
fn more_of_previous(key: &str, previous_end: usize, num_start: usize) -> bool {
    key.get(previous_end..num_start).is_some_and(|between| {
        between.len() < 200
            && between
                .split_whitespace()
                .rev()
                .take(3)
                .any(|w| w == "thêm")
    })
}

/// Words before `có` that make `có N …` a part of what was counted before
/// (`trong đó có`, among whom are), not a presence (`có N binh sĩ`, there
/// are).
const PART_OF_BEFORE_CO: &[&str] = &[
    "trong đó",
    "trong số đó",
    "trong số này",
    "trong số",
    "bao gồm",
    "gồm",
];

/// Nouns of captives: a figure counted as their part was captured.
const PRISONER_NOUNS: &[&str] = &["tù nhân", "tù binh", "người bị bắt"];

/// True when `N người` is a part of the troop figure just before it in the
/// sentence (`12.000 quân …, trong đó khoảng 3.000 người đã được điều tới
/// tiền tuyến`), and `người` stands alone.
fn people_are_part_of_figure(
    text: &str,
    key: &str,
    previous_end: usize,
    num_start: usize,
    nguoi_end: usize,
) -> bool {
    names_a_part(key, previous_end, num_start) && nguoi_stands_alone(text, key, nguoi_end)
}

/// True when a word of [`PART_OF_WORDS`] (`trong đó`, `gồm` …) stands
/// shortly between a number ending at `previous_end` and one starting at
/// `num_start`: the second counts a part of the first.
fn names_a_part(key: &str, previous_end: usize, num_start: usize) -> bool {
    key.get(previous_end..num_start).is_some_and(|between| {
        between.len() < 80 && super::contains_any_word(between, PART_OF_WORDS)
    })
}

/// True when `N người` (number from `num_start`, `người` ending at
/// `nguoi_end`) is the value of a troop count said shortly before it in
/// the sentence, or the strength of a formation, and `người` stands alone.
fn people_are_a_troop_count(
    text: &str,
    key: &str,
    num_start: usize,
    nguoi_end: usize,
    sentence_start: usize,
    after_a_figure: bool,
) -> bool {
    let window = super::window_before(key, num_start, 120, sentence_start);
    // `khoảng 3.000 binh sĩ đã được đưa tới Nga … và tổng số dự kiến sẽ lên
    // tới 10.000 người`: the total of the troops the sentence counted
    // (not the total of other people: `tổng số người dân sơ tán là …`)
    let total_of_the_figure = || {
        after_a_figure
            && super::find_last_of(window, TOTAL_WORDS)
                .is_some_and(|i| !super::contains_any_word(&window[i..], &["người", "dân"]))
    };
    let strength_of_formation = || {
        super::find_last_of(window, FORMATIONS).is_some_and(|f| {
            let after_formation = &window[f..];
            super::contains_any_word(after_formation, STRENGTH_WORDS)
        })
    };
    nguoi_stands_alone(text, key, nguoi_end)
        && (super::contains_any_word(window, COUNT_OF_TROOPS)
            || strength_of_formation()
            || total_of_the_figure())
}

/// The noun for casualties, a unit of lost soldiers where the sentence
/// names soldiers (see [`figure_at`]); its figure's status is casualties.
const CASUALTY_NOUN: &str = "thương vong";

/// Words for the total, which after a troop figure in the sentence make a
/// later bare `N người` the total of those troops.
const TOTAL_WORDS: &[&str] = &["tổng số", "tổng cộng", "tổng quân số"];

/// Verbs of sending troops that, a few words before a bare `N người`, make
/// the people soldiers when the sentence has spoken of soldiers: `đưa khoảng
/// 1.500 lính đặc nhiệm tới Vladivostok và dự kiến sẽ gửi tổng cộng 12.000
/// người`. (`đưa`, which also means taking people away, is not one.)
const SENDING_VERBS: &[&str] = &["cử", "gửi", "huy động", "triển khai", "điều", "điều động"];

/// True when the sentence, before the number at `num_start`, has named
/// soldiers: a troop figure (`after_a_figure`) or, in a bounded window, a
/// soldier noun. The window keeps a huge one-line "sentence" linear.
fn sentence_names_soldiers(
    text: &str,
    key: &str,
    num_start: usize,
    sentence_start: usize,
    after_a_figure: bool,
) -> bool {
    if after_a_figure {
        return true;
    }
    let window = super::window_before(key, num_start, 400, sentence_start);
    super::contains_any_word(window, SOLDIER_WORDS)
        || names_an_army(text, key, num_start - window.len(), num_start)
}

/// True when `[from, to)` names an army: `quân đội`, or `quân` before a
/// capitalized name (`quân Triều Tiên`, `quân Nga`); `quân` alone is also
/// the first word of `quân sự` (military), and `hành quân` is to march.
/// `lực lượng` (forces) names one before a capitalized name (`lực lượng
/// Triều Tiên`) or as `lực lượng vũ trang`/`quân sự`; other forces
/// (`lực lượng cứu hộ`, rescuers; `lực lượng chức năng`, the
/// authorities) are no army.
fn names_an_army(text: &str, key: &str, from: usize, to: usize) -> bool {
    let before_name = |after: usize| text[after..to].starts_with(char::is_uppercase);
    let quan = key[from..to].match_indices("quân ").any(|(i, _)| {
        let at = from + i;
        let after = at + "quân ".len();
        super::word_edges(key, at, at + "quân".len())
            && !key[from..at].ends_with("hành ")
            && (key[after..to].starts_with("đội ") || before_name(after))
    });
    quan || key[from..to].match_indices("lực lượng ").any(|(i, _)| {
        let at = from + i;
        let after = at + "lực lượng ".len();
        super::word_edges(key, at, at + "lực lượng".len())
            && (before_name(after)
                || ["vũ trang ", "quân sự "]
                    .iter()
                    .any(|w| key[after..to].starts_with(w)))
    })
}

/// Nouns for an armed force that, a few words before a bare `N người`,
/// say the people are its strength: `lực lượng khoảng 11.000 người`.
const FORCE_NOUNS: &[&str] = &["lực lượng", "đội quân", "binh lực"];

/// Words between `N người` and a passive sending verb after it: `11.000
/// người đã được triển khai`, `3.000 người sẽ được điều`.
const BEFORE_PASSIVE: &[&str] = &["đã", "sẽ", "vừa", "mới", "đang", "cũng"];

/// True when a sending verb comes after `người` in the passive (`đã được
/// triển khai`, `được cử`), the adverbs of [`BEFORE_PASSIVE`] allowed first,
/// with no punctuation between (the key has it as spaces).
fn sent_in_the_passive(text: &str, key: &str, nguoi_end: usize) -> bool {
    verb_after_people(text, key, nguoi_end).is_some_and(|at| {
        phrase_at(key, at, "được")
            .is_some_and(|e| longest_phrase_at(key, skip_spaces(key, e), SENDING_VERBS).is_some())
    })
}

/// Where the verb after `người` (ending at `nguoi_end`) begins, past the
/// adverbs of [`BEFORE_PASSIVE`] (`đã`, `đang` …); `None` when punctuation
/// follows `người` (the key, which has it as spaces, would read on).
fn verb_after_people(text: &str, key: &str, nguoi_end: usize) -> Option<usize> {
    let next_is_word = text[nguoi_end..]
        .trim_start_matches(' ')
        .starts_with(crate::normalize::is_word_char);
    if !next_is_word {
        return None;
    }
    Some(past_adverbs(key, past_khac(key, nguoi_end)))
}

/// Past `khác` (other) right after a figure's noun, if there: `khoảng 1.000
/// người khác bị thương`.
fn past_khac(key: &str, noun_end: usize) -> usize {
    phrase_at(key, skip_spaces(key, noun_end), "khác").unwrap_or(noun_end)
}

/// Where the next word after `from` begins, past the adverbs of
/// [`BEFORE_PASSIVE`] (`đã`, `sẽ`, `đang` …) and the spaces around them.
fn past_adverbs(key: &str, from: usize) -> usize {
    let mut at = skip_spaces(key, from);
    while let Some(e) = longest_phrase_at(key, at, BEFORE_PASSIVE) {
        at = skip_spaces(key, e);
    }
    at
}

/// Verbs of being at the front or in garrison that make the `N người`
/// before them troops present, in a paragraph about troops.
const PRESENCE_AFTER: &[&str] = &["có mặt", "hiện diện", "đóng quân", "đồn trú", "tham chiến"];

/// True when `N người` (number from `num_start`, `người` ending at
/// `nguoi_end`) is the subject of a verb of presence ([`PRESENCE_AFTER`],
/// the adverbs of [`BEFORE_PASSIVE`] allowed first) in a paragraph that
/// counted troops before it, or in a sentence that names soldiers: `Lầu
/// Năm Góc cho biết ít nhất 8.000 người đã có mặt ở Kursk` after a figure of
/// North Korean troops.
fn people_are_troops_present(
    text: &str,
    key: &str,
    num_start: usize,
    nguoi_end: usize,
    sentence_start: usize,
    before: FiguresBefore,
) -> bool {
    verb_after_people(text, key, nguoi_end)
        .is_some_and(|at| longest_phrase_at(key, at, PRESENCE_AFTER).is_some())
        && (before.in_paragraph
            || sentence_names_soldiers(
                text,
                key,
                num_start,
                sentence_start,
                before.in_sentence_end.is_some(),
            ))
}

/// True when `N người` (number from `num_start`, `người` ending at
/// `nguoi_end`) are troops sent or a force, in a sentence that names
/// soldiers (a soldier noun, or a troop figure before it), and `người`
/// stands alone: the object of a verb of sending troops or a force noun
/// among the four words before it, or the subject of a passive sending
/// verb after it (`lực lượng khoảng 11.000 người đã được triển khai`).
fn people_are_troops_sent(
    text: &str,
    key: &str,
    num_start: usize,
    nguoi_end: usize,
    sentence_start: usize,
    after_a_figure: bool,
) -> bool {
    let window = |len: usize| super::window_before(key, num_start, len, sentence_start);
    let near = window(80).trim_end();
    // the last four words: `gửi tổng cộng`, `điều thêm khoảng`
    let words_start = near.rmatch_indices(' ').nth(3).map_or(0, |(i, _)| i + 1);
    let last_words = &near[words_start..];
    if !nguoi_stands_alone(text, key, nguoi_end) {
        return false;
    }
    // `cử một đội quân 10.000 người`, `điều lực lượng khoảng 10.000 người`:
    // a force of so many people, named right before the number (past its
    // qualifiers); `lực lượng` alone may be any task force, so a verb of
    // sending must say it is sent
    let qualifiers_start = before_qualifiers(key, num_start, sentence_start);
    let force_before = FORCE_NOUNS
        .iter()
        .find(|&&f| phrase_before(key, qualifiers_start, f).is_some_and(|at| at >= sentence_start));
    if force_before
        .is_some_and(|&f| f != "lực lượng" || super::contains_any_word(window(80), SENDING_VERBS))
    {
        return true;
    }
    (super::contains_any_word(last_words, SENDING_VERBS)
        || super::contains_any_word(last_words, FORCE_NOUNS)
        || sent_in_the_passive(text, key, nguoi_end))
        && sentence_names_soldiers(text, key, num_start, sentence_start, after_a_figure)
}

/// Where the qualifiers right before the number at `num_start` (`khoảng`,
/// `hơn` …) begin, within its sentence.
fn before_qualifiers(key: &str, num_start: usize, sentence_start: usize) -> usize {
    let mut at = num_start;
    while let Some(q) = terms()
        .qualifiers
        .iter()
        .find_map(|(q, _)| phrase_before(key, at, q))
        .filter(|&q| q >= sentence_start)
    {
        at = q;
    }
    at
}

/// True when `N người` (number from `num_start`, `người` ending at
/// `nguoi_end`) counts soldiers lost: a loss word right after it, or a
/// casualty noun shortly before it, and soldiers earlier in the sentence
/// (a soldier noun, or a troop figure: `15.000 quân …, trong đó khoảng
/// 4.700 người thương vong`). Only a bounded window before the number is
/// read, so a huge one-line "sentence" stays linear.
fn people_are_soldiers_lost(
    text: &str,
    key: &str,
    num_start: usize,
    nguoi_end: usize,
    sentence_start: usize,
    before: FiguresBefore,
) -> bool {
    let after_a_figure = before.in_sentence_end.is_some();
    let window = |len: usize| super::window_before(key, num_start, len, sentence_start);
    let after = skip_spaces(key, nguoi_end);
    let loss_at = |at: usize| LOSS_AFTER.iter().any(|w| phrase_at(key, at, w).is_some());
    let loss_before = || super::contains_any_word(window(80), LOSS_BEFORE);
    let loss_after = || verb_after_people(text, key, nguoi_end).is_some_and(loss_at);
    if (loss_after() || loss_before())
        && sentence_names_soldiers(text, key, num_start, sentence_start, after_a_figure)
    {
        return true;
    }
    // `… khoảng 3.000 lính đã thiệt mạng hoặc bị thương. Tình báo Hàn Quốc
    // đưa ra con số thấp hơn, với khoảng 300 người chết`: another estimate
    // of the losses of the troops counted before in the paragraph
    if loss_after() && before.in_paragraph && super::contains_any_word(window(120), ESTIMATE_WORDS)
    {
        return true;
    }
    // `khoảng 4.700 người trong số này đã thương vong`: of the troops a
    // figure before in the paragraph counted, these were lost
    if let Some(among_end) = longest_phrase_at(key, after, AMONG_THESE) {
        if loss_at(past_adverbs(key, among_end))
            && (before.in_paragraph
                || sentence_names_soldiers(text, key, num_start, sentence_start, false))
        {
            return true;
        }
    }
    // an army that loses people: `quân đội Triều Tiên đã mất khoảng 1.000
    // người` (the verb right before the number and its qualifiers; `quân`
    // alone is also the first word of `quân sự`, military)
    let verb_end = before_qualifiers(key, num_start, sentence_start);
    let verb_right_before = |verbs: &[&str]| {
        verbs
            .iter()
            .any(|v| phrase_before(key, verb_end, v).is_some_and(|at| at >= sentence_start))
    };
    // people killed, wounded or taken by someone, where the sentence names
    // soldiers: `tiêu diệt khoảng 30 lính Triều Tiên và làm bị thương 40
    // người khác`
    if verb_right_before(LOSS_DONE_TO)
        && sentence_names_soldiers(text, key, num_start, sentence_start, after_a_figure)
    {
        return true;
    }
    verb_right_before(&["mất"]) && {
        let before = window(200);
        super::contains_any_word(before, FORCE_NOUNS)
            || super::contains_any_word(before, &["quân đội"])
    }
}

/// Verbs of killing, wounding or capturing people, said before them: `làm
/// bị thương 40 người`, `tiêu diệt khoảng 30 người`.
const LOSS_DONE_TO: &[&str] = &[
    "làm bị thương",
    "tiêu diệt",
    "giết",
    "giết chết",
    "hạ sát",
    "bắt sống",
    "bắt giữ",
    "làm thiệt mạng",
];

/// A figure at number `k`: the number (or range) followed by a personnel
/// noun. Returns the figure and how many numbers it used.
fn figure_at(
    text: &str,
    key: &str,
    nums: &[NumberMatch],
    k: usize,
    sentence_start: usize,
    before: FiguresBefore,
) -> Option<(Core, usize)> {
    let previous_figure_end = before.in_sentence_end;
    let t = terms();
    let n = nums[k];
    // a fraction or a code (`1/3 binh sĩ`, `Sư đoàn 11/3`) is no count
    if text[..n.start].ends_with('/') {
        return None;
    }
    // a range: N - M unit, (từ) N đến M unit; `đến` right between two
    // numbers before a unit is a range with or without `từ` (`khoảng 11.000
    // đến 12.000 quân`)
    let mut last = n;
    let mut used = 1;
    let mut count_max = None;
    let mut count = n.value;
    if let Some(&m) = nums.get(k + 1) {
        let dash = matches!(text[n.end..m.start].trim(), "-" | "–");
        let words = matches!(text[n.end..m.start].trim(), "đến" | "tới");
        if (dash || words) && m.value > n.value {
            last = m;
            used = 2;
            count_max = Some(m.value as u64);
            // `10-12 nghìn`: the scale said once, after the upper bound
            count = shared_scale(text, n, m).map_or(n.value, |sc| n.value * sc);
        }
    }
    let after = skip_spaces(key, last.end);
    // a number with no unit after it may still restate the figure before
    // (not a range: `con số này` is one number), or give a count of troops
    // named before it (a range too)
    let restated = || {
        if used == 2 {
            // `Quân số Triều Tiên ở Nga ước tính 11.000-12.000`
            return counted_figure(text, key, n, last.end, sentence_start).map(|core| {
                let core = Core {
                    end: last.end,
                    count: count.round() as u64,
                    count_max,
                    qualifier: Qualifier::Range,
                    ..core
                };
                (core, 2)
            });
        }
        restated_figure(text, key, n, sentence_start, before)
            .or_else(|| counted_figure(text, key, n, n.end, sentence_start))
            .map(|core| (core, 1))
    };
    // only spaces between the number and the noun (the key turns
    // punctuation into spaces: `15/3, Quân …` is no figure)
    // … or the quotes around a quoted number: `“hàng trăm” binh sĩ`
    let opening_quote = text[..n.start]
        .chars()
        .next_back()
        .filter(|c| matches!(c, '"' | '“'));
    let quoted = opening_quote.is_some() && matches!(text[last.end..after].trim(), "\"" | "”");
    if !quoted && !text[last.end..after].chars().all(char::is_whitespace) {
        return restated();
    }
    let mut unit = None;
    for u in &t.units {
        if let Some(e) = phrase_at(key, after, u) {
            unit = Some((after, e, u.as_str()));
            break;
        }
    }
    // `khoảng 1.500 thương vong` (casualties) counts soldiers where the
    // sentence names them (`Quân đội Nga chịu …`), not civilians
    // (`thương vong dân sự`) nor the losses of a disaster
    if unit.is_none() {
        if let Some(e) = phrase_at(key, after, CASUALTY_NOUN) {
            let civilian = longest_phrase_at(key, skip_spaces(key, e), &["dân", "thường dân"]);
            if civilian.is_none()
                && sentence_names_soldiers(
                    text,
                    key,
                    n.start,
                    sentence_start,
                    previous_figure_end.is_some(),
                )
            {
                unit = Some((after, e, CASUALTY_NOUN));
            }
        }
    }
    let Some((unit_start, mut unit_end, unit_word)) = unit else {
        return restated();
    };
    // `quân sự`, `quân đội`, `người dân`, `lính cứu hỏa` … are not
    // personnel: a one-word unit may begin another noun; a longer one is a
    // whole noun, and a word after it describes it (`binh sĩ lực lượng đặc
    // nhiệm`, `binh sĩ dân quân`)
    let next = skip_spaces(key, unit_end);
    if !unit_word.contains(' ')
        && t.unit_blockers
            .iter()
            .any(|b| phrase_at(key, next, b).is_some())
    {
        return None;
    }
    let mut end = unit_end;
    if unit_word == "người" {
        let nguoi_end = unit_start + "người".len();
        // soldiers only: `người lính`, `người trong số binh lính X`
        let rest = &key[next..];
        let window: Vec<&str> = rest.split_whitespace().take(5).collect();
        let soldier_at = window
            .iter()
            .position(|w| matches!(*w, "lính" | "binh" | "quân" | "chiến"));
        let first_ok = window
            .first()
            .is_some_and(|w| matches!(*w, "lính" | "trong" | "thuộc" | "là"));
        match soldier_at.filter(|_| first_ok) {
            Some(p) => {
                // the figure ends with the soldier noun: its longest unit
                // phrase (`binh lính`, `lính đặc nhiệm`), else its word
                let (soldier_start, soldier_end) =
                    rest.split_whitespace()
                        .take(p + 1)
                        .fold((next, next), |(_, pos), w| {
                            let s = skip_spaces(key, pos);
                            (s, s + w.len())
                        });
                let noun_end = t
                    .units
                    .iter()
                    .find_map(|u| phrase_at(key, soldier_start, u))
                    .unwrap_or(soldier_end);
                end = noun_end.min(key.len());
            }
            None if people_are_soldiers_lost(
                text,
                key,
                n.start,
                nguoi_end,
                sentence_start,
                before,
            ) || people_are_a_troop_count(
                text,
                key,
                n.start,
                nguoi_end,
                sentence_start,
                previous_figure_end.is_some(),
            ) || people_are_troops_sent(
                text,
                key,
                n.start,
                nguoi_end,
                sentence_start,
                previous_figure_end.is_some(),
            ) || people_are_troops_present(
                text,
                key,
                n.start,
                nguoi_end,
                sentence_start,
                before,
            ) || previous_figure_end.is_some_and(|pe| {
                people_are_part_of_figure(text, key, pe, n.start, nguoi_end)
                    || more_of_previous(key, pe, n.start)
                        && nguoi_stands_alone(text, key, nguoi_end)
            }) => {}
            // (`con số này tăng lên khoảng 11.000 người`: the troops the
            // paragraph counted, again)
            None => return restated().filter(|(core, _)| core.end == nguoi_end),
        }
        unit_end = nguoi_end;
    }
    if count < 1.0 || count.fract() != 0.0 && !n.words && count < 10.0 {
        return None;
    }
    let qualifier_word = qualifier_before(text, key, n.start, sentence_start);
    let qualifier = if count_max.is_some() {
        Qualifier::Range
    } else if n.vague {
        Qualifier::Vague
    } else {
        qualifier_word.map_or(Qualifier::Exact, |(_, kind)| kind)
    };
    let start = match qualifier {
        Qualifier::Exact | Qualifier::Vague => n.start,
        // `từ N đến M`, or a qualifier before the range (`khoảng N đến M`)
        Qualifier::Range => word_right_before(text, key, n.start, sentence_start, "từ")
            .or(qualifier_word.map(|(at, _)| at))
            .unwrap_or(n.start),
        _ => qualifier_word.map_or(n.start, |(at, _)| at),
    };
    // (the figure's text holds both quotes)
    let start = match opening_quote {
        Some(q) if quoted && start == n.start => start - q.len_utf8(),
        _ => start,
    };
    Some((
        Core {
            start,
            end,
            restates_previous: false,
            count: count.round() as u64,
            count_max,
            qualifier,
            unit_start,
            unit_end,
        },
        used,
    ))
}

/// Where `phrase` starts when it stands right before the number at
/// `number_start`, in its sentence: only spaces between (the key turns
/// punctuation into spaces: `hơn. 10.000` has no qualifier).
fn word_right_before(
    text: &str,
    key: &str,
    number_start: usize,
    sentence_start: usize,
    phrase: &str,
) -> Option<usize> {
    phrase_before(key, number_start, phrase).filter(|&q| {
        q >= sentence_start
            && text[q + phrase.len()..number_start]
                .chars()
                .all(char::is_whitespace)
    })
}

/// The qualifier word right before the number at `number_start` (`khoảng`,
/// `hơn`), where it starts, and what it says.
fn qualifier_before(
    text: &str,
    key: &str,
    number_start: usize,
    sentence_start: usize,
) -> Option<(usize, Qualifier)> {
    terms().qualifiers.iter().find_map(|(q, kind)| {
        word_right_before(text, key, number_start, sentence_start, q).map(|at| (at, *kind))
    })
}

/// Phrases that take up the troop figure said before: `Lầu Năm Góc ước
/// tính con số này có thể lên tới 12.000` (this number).
const RESTATED_FIGURE: &[&str] = &[
    "con số này",
    "con số đó",
    "con số trên",
    "con số nói trên",
    "số lượng này",
    "số lượng đó",
    "số quân này",
    // `ước tính con số là 3.000`: the number the paragraph is about
    "con số là",
];

/// Words that open a time adjunct after a restated number (`con số là
/// 3.000 vào ngày 23/10`), which ends its clause as punctuation does.
const TIME_ADJUNCT_OPENERS: &[&str] = &["vào", "hôm", "tính đến", "tính tới", "trong", "từ"];

/// Words that, after a [`TIME_ADJUNCT_OPENERS`] word, say it is a time:
/// `vào ngày`, `hôm thứ Ba`, `tính đến cuối tháng 10` (or a number: `hôm
/// 23/10`).
const TIME_WORDS: &[&str] = &[
    "ngày", "tháng", "năm", "thứ", "tuần", "đầu", "cuối", "giữa", "sáng", "chiều", "tối", "đêm",
];

/// True when the clause ends after a unitless number ending at `end`:
/// punctuation, the text's end or a time adjunct (`… là 3.000 vào ngày
/// 23/10`); not `con số này tăng 20%`, `… 300 xe tải`.
fn clause_ends_after(text: &str, key: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches([' ', '\t']);
    rest.is_empty()
        || rest.starts_with([',', '.', ';', ':', ')', '"', '”', '\n', '\r'])
        || time_adjunct_at(key, text.len() - rest.len())
}

/// True when a time adjunct starts at `at` of `key`: `vào ngày 23/10`,
/// `hôm 23/10`, `tính đến cuối tháng 10`, `ngày 23/10`.
///
/// Right after the number, with no opener, a time word must lead on to a
/// date (`… 11.000 ngày 23/10`, `… cuối tháng 10`): alone it is the unit
/// of a duration (`mất gần một nửa quân số chỉ sau 3 ngày`), and the
/// number no count.
fn time_adjunct_at(key: &str, at: usize) -> bool {
    let opener_end = longest_phrase_at(key, at, TIME_ADJUNCT_OPENERS);
    let at = opener_end.map_or(at, |e| skip_spaces(key, e));
    let digit_at = |i: usize| key.as_bytes().get(i).is_some_and(u8::is_ascii_digit);
    if digit_at(at) {
        return true;
    }
    let Some(word_end) = longest_phrase_at(key, at, TIME_WORDS) else {
        return false;
    };
    let next = skip_spaces(key, word_end);
    opener_end.is_some() || digit_at(next) || longest_phrase_at(key, next, TIME_WORDS).is_some()
}

/// A number without a unit that gives again the count of the figure
/// before it in the paragraph: a [`RESTATED_FIGURE`] phrase shortly before
/// it in the sentence, no other number between them, and nothing after the
/// number but the end of its clause (`con số này là 12.000 binh sĩ` has a
/// unit and is read as any figure; `con số này tăng 20%` is no count).
fn restated_figure(
    text: &str,
    key: &str,
    n: NumberMatch,
    sentence_start: usize,
    before: FiguresBefore,
) -> Option<Core> {
    if !before.in_paragraph || n.value < 2.0 || n.value.fract() != 0.0 {
        return None;
    }
    let near = super::window_before(key, n.start, 60, sentence_start);
    let near_start = n.start - near.len();
    let (phrase_at_rel, phrase) = RESTATED_FIGURE
        .iter()
        .filter_map(|p| super::find_word(near, p).map(|i| (i, *p)))
        .max_by_key(|&(i, p)| (i, p.len()))?;
    let between = &text[near_start + phrase_at_rel + phrase.len()..n.start];
    if between.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // (`con số này tăng lên khoảng 11.000 người`: people, the troops
    // counted before)
    let people = phrase_at(key, skip_spaces(key, n.end), "người");
    let end = people.unwrap_or(n.end);
    if !clause_ends_after(text, key, end) {
        return None;
    }
    let qualifier_word = qualifier_before(text, key, n.start, sentence_start);
    let qualifier = if n.vague {
        Qualifier::Vague
    } else {
        qualifier_word.map_or(Qualifier::Exact, |(_, kind)| kind)
    };
    let start = match qualifier {
        Qualifier::Exact | Qualifier::Vague => n.start,
        _ => qualifier_word.map_or(n.start, |(at, _)| at),
    };
    Some(Core {
        start,
        end,
        restates_previous: true,
        count: n.value.round() as u64,
        count_max: None,
        qualifier,
        unit_start: people.map_or(n.end, |e| e - "người".len()),
        unit_end: end,
    })
}

/// A number without a unit that gives a count of troops named before it
/// in its clause (`Số binh sĩ Triều Tiên thiệt mạng ước tính khoảng
/// 4.000`, `Quân số Triều Tiên tại Nga hiện vào khoảng 11.000`): a
/// [`COUNT_OF_TROOPS`] phrase shortly before, no other number or sentence
/// punctuation between, and nothing after the number but the end of its
/// clause or a time. The figure is the number (with its qualifier); its
/// unit is the soldier noun of the phrase, before it.
fn counted_figure(
    text: &str,
    key: &str,
    n: NumberMatch,
    end: usize,
    sentence_start: usize,
) -> Option<Core> {
    if n.value < 2.0 || n.value.fract() != 0.0 || n.vague {
        return None;
    }
    let near = super::window_before(key, n.start, 100, sentence_start);
    let near_start = n.start - near.len();
    let phrase_start = near_start + super::find_last_of(near, COUNT_OF_TROOPS)?;
    let phrase_end = longest_phrase_at(key, phrase_start, COUNT_OF_TROOPS)?;
    let between = &text[phrase_end..n.start];
    if between
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '.' | ';' | ':' | '?' | '!' | '(' | ')'))
    {
        return None;
    }
    if !clause_ends_after(text, key, end) {
        return None;
    }
    // the soldier noun: `binh sĩ` of `số binh sĩ`, `quân` of `quân số`
    let phrase = &key[phrase_start..phrase_end];
    let (unit_start, unit_end) = match phrase
        .strip_prefix("số lượng ")
        .or(phrase.strip_prefix("số "))
    {
        Some(noun) => (phrase_end - noun.len(), phrase_end),
        None => (
            phrase_start,
            phrase_start + phrase.find(' ').unwrap_or(phrase.len()),
        ),
    };
    let qualifier_word = qualifier_before(text, key, n.start, sentence_start);
    let qualifier = qualifier_word.map_or(Qualifier::Exact, |(_, kind)| kind);
    let start = qualifier_word.map_or(n.start, |(at, _)| at);
    Some(Core {
        start,
        end: n.end,
        restates_previous: false,
        count: n.value.round() as u64,
        count_max: None,
        qualifier,
        unit_start,
        unit_end,
    })
}

/// The scale word that ends the upper bound of a range (`10-12 nghìn`)
/// when the lower bound has none and, scaled, stays below the upper one.
fn shared_scale(text: &str, lower: NumberMatch, upper: NumberMatch) -> Option<f64> {
    let lower_text = &text[lower.start..lower.end];
    if lower.words
        || !lower_text
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let last_word = text[upper.start..upper.end].split_whitespace().last()?;
    let sc = numbers::scale(&last_word.to_lowercase())?;
    (lower.value * sc < upper.value).then_some(sc)
}

/// Words that end the noun phrase of a figure (verbs, prepositions,
/// conjunctions): the sender is not looked for past them.
const NOT_DESCRIBING: &[&str] = &[
    "đã", "đang", "sẽ", "được", "bị", "và", "của", "từ", "cùng", "với", "là", "có", "cũng", "vừa",
    "mới", "gửi", "điều", "đưa", "cử", "tham", "hiện", "thì", "mà", "khi", "để", "trong", "số",
    // `rút 4.500 binh sĩ khỏi Hàn Quốc`: the place they leave (out of)
    "khỏi",
];

/// Words that make the place after them a destination, or a location:
/// `sang Nga`, `tới Kursk`, and movement toward a place (`về` alone is
/// also "about": `thông tin về Nga`). `cho` comes last: see
/// [`LOCATION_TO_WORDS`].
const TO_WORDS: &[&str] = &[
    "sang",
    "tới",
    "đến",
    "vào",
    "về phía",
    "tiến về",
    "di chuyển về",
    "hành quân về",
    "đổ về",
    "cho",
];
/// [`TO_WORDS`] that lead to where the troops go: all but `cho` (gives to
/// someone), the last.
const LOCATION_TO_WORDS: &[&str] = match TO_WORDS.split_last() {
    Some((_, all_but_cho)) => all_but_cho,
    None => &[],
};
/// Troops sent to help someone (`sang hỗ trợ Moskva`, `giúp Nga`) go to that
/// someone's country; the place named is no location (`Moskva` stands for
/// Russia there).
const HELP_WORDS: &[&str] = &["hỗ trợ", "giúp", "giúp đỡ", "chi viện", "tiếp viện"];
const AT_WORDS: &[&str] = &["tại", "ở", "trong", "trên", "gần", "quanh"];
/// Words between `tới`/`tại` and the place they lead to: `tới tỉnh Kursk`,
/// `tới miền tây nước Nga`, `tới thành phố cảng Vladivostok` (up to two,
/// read backwards from the place).
const AT_GENERIC: &[&str] = &[
    "vùng",
    "khu vực",
    "tỉnh",
    "thành phố",
    "thủ đô",
    "thủ phủ",
    "thị trấn",
    "làng",
    "huyện",
    "bang",
    "cảng",
    "căn cứ",
    "đảo",
    "bán đảo",
    "mặt trận",
    "nước",
    "lãnh thổ",
    "miền tây",
    "miền đông",
    "miền nam",
    "miền bắc",
    "phía tây",
    "phía đông",
    "phía nam",
    "phía bắc",
];

/// True when one of `words` stands right before `pos` of `key` (a generic
/// place word or two such as `tỉnh`, `miền tây` may come between), starting
/// at or after `floor`: the sentence's or clause's start, since the key has
/// punctuation as spaces (`… được gửi tới.\n\nTriều Tiên đưa …` has no
/// `tới` before `Triều Tiên`).
fn preceded_by(key: &str, floor: usize, pos: usize, words: &[&str]) -> bool {
    let mut p = pos;
    for _ in 0..2 {
        match AT_GENERIC
            .iter()
            .find_map(|g| phrase_before(key, p, g))
            .filter(|&s| s >= floor)
        {
            Some(s) => p = s,
            None => break,
        }
    }
    words
        .iter()
        .any(|w| phrase_before(key, p, w).is_some_and(|s| s >= floor))
}

/// Whether `[start, end)` lies in a source clause before `figure`: `Theo
/// Cơ quan Tình báo Hàn Quốc, …` says who tells, not whose troops.
fn in_a_source(
    text: &str,
    key: &str,
    start: usize,
    end: usize,
    sentence_start: usize,
    figure: usize,
) -> bool {
    let clause = text[sentence_start..start]
        .rfind(',')
        .map_or(sentence_start, |c| sentence_start + c + 1);
    if phrase_at(key, skip_spaces(key, clause), "theo").is_some() && text[end..figure].contains(',')
    {
        return true;
    }
    // `Lầu Năm Góc ngày 4/11 cho biết ít nhất 8.000 người đã có mặt ở
    // Kursk`: the figure opens the clause its reporting verb reports (not
    // `… cho biết sẽ điều thêm 1.500 lính`, where the body acts)
    // … or gives a figure whose description the clause goes on with:
    // `tình báo Hàn Quốc đưa ra con số thấp hơn, với khoảng 300 người`
    let reporting = &terms().reporting;
    key.get(end..figure)
        .and_then(|between| super::find_last_of(between, reporting))
        .and_then(|v| longest_phrase_at(key, end + v, reporting))
        .is_some_and(|verb_end| {
            matches!(key[verb_end..figure].trim(), "" | "rằng" | "là")
                || (key[..verb_end].ends_with("con số") || key[..verb_end].ends_with("số liệu"))
                    && !text[verb_end..figure].contains(['.', ';', ':'])
        })
}

fn sender(
    text: &str,
    key: &str,
    g: &Gazetteer,
    places: &[PlaceMention],
    core: &Core,
    sentence_start: usize,
) -> Option<String> {
    // `binh lính Triều Tiên`, `quân của Nga`, `người trong số binh lính
    // Triều Tiên`, `lính đặc nhiệm Triều Tiên` (up to two describing words)
    for end in [core.unit_end, core.end] {
        let mut after = skip_spaces(key, end);
        if let Some(e) = phrase_at(key, after, "của") {
            after = skip_spaces(key, e);
        }
        let mut describing = 3;
        let mut after_va = false;
        while describing > 0 {
            describing -= 1;
            // punctuation ends the phrase (the key has it as spaces): the
            // country of the next sentence is not the figure's
            if text[end..after]
                .contains(|c: char| !c.is_whitespace() && !crate::normalize::is_word_char(c))
            {
                break;
            }
            if let Some(m) = places_in(places, after, after + 1)
                .iter()
                .find(|m| m.is_country(g))
            {
                // `quân và Nga …`: a country after `và` is another subject
                if after_va {
                    break;
                }
                return m.country(g).map(str::to_string);
            }
            // skip one describing word, never a preposition or a verb
            let word_end = key[after..].find(' ').map_or(key.len(), |i| after + i);
            let word = &key[after..word_end];
            after_va = false;
            // `6.000 công binh và công nhân xây dựng Triều Tiên`: a second
            // noun joined by `và` shares the country named after both
            if word == "và" && end == core.unit_end && text[end..word_end].trim() == "và" {
                after_va = true;
                describing += 3;
                after = skip_spaces(key, word_end);
                continue;
            }
            // `200 quân nhân đến từ Nga`, `15.000 binh sĩ từ Triều Tiên`:
            // where they come from is whose they are, unless that is a list
            // of countries, which no one sender is, or troops are withdrawn
            // from it (`rút 3.000 quân từ Ukraine`)
            let from_word = if matches!(word, "đến" | "tới") {
                phrase_at(key, skip_spaces(key, word_end), "từ")
            } else {
                (word == "từ"
                    && !super::contains_any_word(&key[sentence_start..core.start], WITHDRAW_WORDS))
                .then_some(word_end)
            };
            if end == core.unit_end {
                if let Some(e) = from_word {
                    let from = skip_spaces(key, e);
                    let country = places_in(places, from, from + 1)
                        .iter()
                        .find(|m| m.is_country(g));
                    if let Some(m) = country {
                        // (a comma or `và`, then another country: a
                        // comma alone may end the clause)
                        let mut next = skip_spaces(key, m.end);
                        if let Some(e) = phrase_at(key, next, "và") {
                            next = skip_spaces(key, e);
                        }
                        let listed = next > m.end
                            && places_in(places, next, next + 1)
                                .iter()
                                .any(|p| p.is_country(g));
                        return if listed {
                            None
                        } else {
                            m.country(g).map(str::to_string)
                        };
                    }
                }
            }
            if word.is_empty()
                || word.contains(|c: char| c.is_ascii_digit())
                || TO_WORDS.contains(&word)
                || AT_WORDS.contains(&word)
                || NOT_DESCRIBING.contains(&word)
            {
                break;
            }
            // `quân nhân thuộc lực lượng đặc nhiệm Triều Tiên`: what they
            // belong to is named in a few more words
            if word == "thuộc" {
                describing += 3;
            }
            after = skip_spaces(key, word_end);
        }
    }
    // the owner of a place (`tỉnh Kursk của Nga`) says where, not whose
    let owns_the_place_before = |m: &PlaceMention| {
        phrase_before(key, m.start, "của").is_some_and(|c| {
            let before = key[..c].trim_end().len();
            places_in(places, sentence_start, before)
                .iter()
                .any(|p| p.end == before)
        })
    };
    // `Triều Tiên đã gửi …`: the nearest country or capital before the figure
    let before_figure = places_in(places, sentence_start, core.start);
    let nearest = before_figure
        .iter()
        .filter(|m| m.end <= core.start)
        .filter(|m| matches!(m.kind(g), "country" | "city"))
        .rfind(|m| {
            !preceded_by(key, sentence_start, m.start, TO_WORDS)
                && !preceded_by(key, sentence_start, m.start, AT_WORDS)
                && !preceded_by(key, sentence_start, m.start, PARTNER_WORDS)
                && !preceded_by(key, sentence_start, m.start, HELP_WORDS)
                && !owns_the_place_before(m)
                && !in_a_source(text, key, m.start, m.end, sentence_start, core.start)
                && !holds_captives(key, core, m.end)
                && receives(key, m.end, core.start).is_none()
                && !names_a_means(text, key, sentence_start, m.start)
        })?;
    // `Quân đội Mỹ và Hàn Quốc … 21.000 binh sĩ`: the last of a pair of
    // countries is no one sender
    let paired = before_figure
        .iter()
        .rfind(|p| p.end <= nearest.start)
        .is_some_and(|p| {
            p.is_country(g) && matches!(text[p.end..nearest.start].trim(), "và" | "-" | "–")
        });
    if paired {
        return None;
    }
    nearest.country(g).map(str::to_string)
}

/// Whether the place at `pos` qualifies a means of transport or tool,
/// within the three words after `bằng` (by means of): `được đưa tới bằng
/// tàu hải quân Nga` says whose ships, not whose troops.
fn names_a_means(text: &str, key: &str, floor: usize, pos: usize) -> bool {
    let window = super::window_before(key, pos, 40, floor);
    let Some(at) = super::find_last_of(window, &["bằng"]) else {
        return false;
    };
    let from = pos - window.len() + at;
    // (no punctuation between: the key has it as spaces)
    key[from..pos].split_whitespace().count() <= 4
        && !text[from..pos].contains([',', '.', ';', ':'])
}

/// Verbs of withdrawing troops: the country after `từ` (from) is where
/// they leave, not whose they are.
const WITHDRAW_WORDS: &[&str] = &["rút", "sơ tán", "di tản"];

/// Verbs of receiving troops: `Nga nhận được khoảng 15.000 binh sĩ`, `Nga
/// đã tiếp nhận 2.000 lính Triều Tiên`. The country before them is where
/// the troops go, not whose they are. (data/troop_terms.tsv lists them as
/// `deployed` status words too: received troops have arrived.)
const RECEIVING_WORDS: &[&str] = &["tiếp nhận", "nhận được", "nhận thêm", "đón nhận"];

/// The start of a receiving verb ([`RECEIVING_WORDS`]) between `from` and
/// the figure at `figure` that ends less than 30 bytes before the figure:
/// room for a qualifier and an adverb (`đã tiếp nhận thêm khoảng 3.000
/// quân`), not for a clause.
fn receives(key: &str, from: usize, figure: usize) -> Option<usize> {
    let between = key.get(from..figure)?;
    let i = super::find_last_of(between, RECEIVING_WORDS)?;
    let verb = from + i;
    let after = longest_phrase_at(key, verb, RECEIVING_WORDS)?;
    (figure - after < 30).then_some(verb)
}

/// The country that receives the figure's troops: the nearest one named
/// before a receiving verb right before the figure, in its clause.
fn receiver(
    text: &str,
    key: &str,
    g: &Gazetteer,
    places: &[PlaceMention],
    core: &Core,
    sentence_start: usize,
) -> Option<String> {
    let verb = receives(key, sentence_start, core.start)?;
    let clause = text[sentence_start..verb]
        .rfind([',', ';'])
        .map_or(sentence_start, |c| sentence_start + c + 1);
    places_in(places, clause, verb)
        .iter()
        .rfind(|m| m.end <= verb && m.is_country(g))
        .and_then(|m| m.country(g).map(str::to_string))
}

/// Words that make the country after them a partner, a party helped or an
/// enemy of the one acting, never whose troops a figure after them counts:
/// `phối hợp với Kiev để thẩm vấn hai tù binh`, `Nga tấn công Ukraine
/// bằng 5.000 quân`.
const PARTNER_WORDS: &[&str] = &["với", "chống", "chống lại", "tấn công"];

/// Words of holding captives: a country or organization named before them
/// holds the figure's soldiers (`Ukraine bắt sống 2 binh sĩ`, `SBU thẩm
/// vấn 2 tù binh`), whose they are it does not say.
/// (Not `bắt` alone: `bắt đầu điều quân` is to begin sending troops.)
const CAPTOR_WORDS: &[&str] = &[
    "bắt giữ",
    "bắt sống",
    "bắt được",
    "giam giữ",
    "thẩm vấn",
    "trao trả",
    "trao đổi",
    "phóng thích",
];

/// Whether the figure counts prisoners of war (its unit is `tù binh`).
fn is_prisoners(key: &str, core: &Core) -> bool {
    key.get(core.unit_start..core.unit_end) == Some("tù binh")
}

/// Whether the actor named before `actor_end` holds the soldiers of
/// `core` rather than sends them: the figure counts prisoners of war (`tù
/// binh`: their captor or the party exchanging them is named before them),
/// or a word of [`CAPTOR_WORDS`] lies between that actor and the figure.
fn holds_captives(key: &str, core: &Core, actor_end: usize) -> bool {
    is_prisoners(key, core)
        || key
            .get(actor_end..core.start)
            .is_some_and(|between| super::contains_any_word(between, CAPTOR_WORDS))
}

/// Verbs of holding captives: the place after them is where captives are
/// held (`đang được thẩm vấn tại Kiev`), not where they were sent.
/// (`giam` is a whole word of `giam giữ` and `bị giam`: phrases match whole
/// words.)
const HELD_WORDS: &[&str] = &["thẩm vấn", "giam", "tạm giữ"];

/// Words that stand for a country named before: `Nước này được cho là đã
/// gửi 11.000 quân`.
const COUNTRY_ANAPHORS: &[&str] = &["nước này", "quốc gia này"];

/// The sender a figure's clause names by [`COUNTRY_ANAPHORS`] (in
/// `before_figure`, the key from the sentence start to the figure): the
/// last country named in `earlier` (the text just before the sentence)
/// that is not the destination.
fn anaphoric_sender(
    g: &Gazetteer,
    places: &[PlaceMention],
    earlier: Range<usize>,
    before_figure: &str,
    destination: Option<&str>,
) -> Option<String> {
    if !super::contains_any_word(before_figure, COUNTRY_ANAPHORS) {
        return None;
    }
    places_in(places, earlier.start, earlier.end)
        .iter()
        .filter(|m| m.end <= earlier.end && m.is_country(g))
        .filter_map(|m| m.country(g))
        .rfind(|&c| Some(c) != destination)
        .map(str::to_string)
}

/// The country the troops are sent to in the passive clause that `trước
/// khi` or `sau khi` opens at `at` (before `limit`): `trước khi được điều
/// sang Nga` (before being sent to Russia) says where the figure's troops
/// go; a clause with a subject of its own (`sau khi chiến sự ở Ukraine
/// kết thúc`) does not.
fn sent_after_subordinator(
    key: &str,
    g: &Gazetteer,
    places: &[PlaceMention],
    at: usize,
    limit: usize,
) -> Option<String> {
    let conjunction_end = longest_phrase_at(key, skip_spaces(key, at), &["trước khi", "sau khi"])?;
    let passive_end = longest_phrase_at(
        key,
        skip_spaces(key, conjunction_end),
        &["sẽ được", "được", "bị"],
    )?;
    let verb_end = longest_phrase_at(key, skip_spaces(key, passive_end), SENDING_VERBS)?;
    places_in(places, verb_end, limit)
        .iter()
        .find(|m| m.end <= limit)
        .filter(|m| {
            preceded_by(key, at, m.start, LOCATION_TO_WORDS)
                && key[verb_end..m.start].split_whitespace().count() <= 3
        })
        .and_then(|m| m.country(g).map(str::to_string))
}

fn destination(
    key: &str,
    g: &Gazetteer,
    places: &[PlaceMention],
    core: &Core,
    s: usize,
    e: usize,
    sent_later: Option<String>,
) -> Option<String> {
    let to = |m: &&PlaceMention| {
        (preceded_by(key, s, m.start, TO_WORDS) || preceded_by(key, s, m.start, HELP_WORDS))
            && m.kind(g) != "region"
    };
    let after = places_in(places, core.end, e)
        .iter()
        .filter(|m| m.end <= e)
        .find(to);
    let before = || {
        places_in(places, s, core.start)
            .iter()
            .filter(|m| m.end <= core.start)
            .rfind(to)
    };
    // last resort: a country the troops are in (`đang có mặt ở Nga`), or
    // the one a count of troops before the figure says they are in (`số
    // binh sĩ Triều Tiên tại Nga đã lên tới 11.000 người`)
    let present_in = || {
        places_in(places, core.end, e)
            .iter()
            .filter(|m| m.end <= e)
            .find(|m| m.is_country(g) && preceded_by(key, s, m.start, AT_WORDS))
    };
    let counted_in = || {
        places_in(places, s, core.start)
            .iter()
            .filter(|m| m.end <= core.start && m.is_country(g))
            .rfind(|m| {
                preceded_by(key, s, m.start, AT_WORDS)
                    && super::find_last_of(&key[s..m.start], COUNT_OF_TROOPS).is_some()
            })
    };
    // … or the country that has them (`Hàn Quốc có 28.500 lính Mỹ`: the
    // subject right before `có`; its own troops are told apart later, as
    // a destination that is the sender is dropped)
    let host = || {
        places_in(places, s, core.start)
            .iter()
            .filter(|m| m.end <= core.start && m.is_country(g))
            .rfind(|m| {
                matches!(
                    key[m.end..core.start].trim(),
                    "có" | "hiện có" | "đang có" | "vẫn có"
                )
            })
    };
    let country = |m: &PlaceMention| m.country(g).map(str::to_string);
    after
        .or_else(before)
        .and_then(country)
        .or(sent_later)
        .or_else(|| {
            present_in()
                .or_else(counted_in)
                .or_else(host)
                .and_then(country)
        })
}

/// The location (name, country, end of its mention) of the figure: a
/// non-country place after `tại`/`ở`/`trong` (where they are) or
/// `tới`/`sang`/`đến` (where they go) in `core.end..e`, else one after
/// `tại`/`ở` in `s..core.start`.
fn location(
    key: &str,
    g: &Gazetteer,
    places: &[PlaceMention],
    core: &Core,
    s: usize,
    e: usize,
) -> Option<(String, Option<String>, usize)> {
    let after = places_in(places, core.end, e)
        .iter()
        .filter(|m| m.end <= e)
        .find(|m| {
            // (`cho X` gives to someone: a recipient, not a place)
            !m.is_country(g)
                && (preceded_by(key, s, m.start, AT_WORDS)
                    || preceded_by(key, s, m.start, LOCATION_TO_WORDS))
        });
    // else where the clause before says they are (`Tại Kursk, 11.000 lính
    // …`, `thương vong tại tỉnh Kursk … lên tới 4.000 người`); not where
    // a speaker was (`Phát biểu tại Seoul, ông X cho biết 3.000 quân …`)
    // … or where they went with the figure's troops (`tiến vào Kursk với
    // vài nghìn quân`: the place right before `với` and the figure)
    let before = || {
        places_in(places, s, core.start)
            .iter()
            .filter(|m| m.end <= core.start)
            .rfind(|m| {
                !m.is_country(g)
                    && (preceded_by(key, s, m.start, AT_WORDS)
                        && !super::contains_any_word(&key[m.end..core.start], &terms().reporting)
                        || preceded_by(key, s, m.start, LOCATION_TO_WORDS)
                            && key[m.end..core.start].trim() == "với")
            })
    };
    after.or_else(before).map(|m| {
        (
            m.name(g).to_string(),
            m.country(g).map(str::to_string),
            m.end,
        )
    })
}

fn status_of(key: &str, core: &Core, s: usize, e: usize, number_at_e: bool) -> TroopStatus {
    let t = terms();
    // `1.500 thương vong`: the unit says what happened to them
    if key.get(core.unit_start..core.unit_end) == Some(CASUALTY_NOUN) {
        return TroopStatus::Casualties;
    }
    // Speed: one automaton pass finds every status phrase; a string search
    // per phrase (41 of them) set up a searcher each time. The nearest
    // phrase wins; of two as near, the one listed first (the longer), then
    // the earlier in the text.
    let mut found = Vec::new();
    t.status_matcher
        .each(key.as_bytes(), s, e, |start, _, index| {
            found.push((start, index))
        });
    // (distance, phrase, start)
    let mut best: Option<(usize, usize, usize)> = None;
    // the verb of a figure that is its subject follows it, past adverbs
    // (`2.700 người đã bị thương`): those do not count in the distance, or
    // `300 người đã chết và 2.700 người đã bị thương` gave the second the
    // first's status, as near
    let verb_after = past_adverbs(key, past_khac(key, core.end));
    for (pos, index) in found {
        let phrase = &t.statuses[index].0;
        if phrase_at(key, pos, phrase).is_none()
            || t.status_blockers
                .iter()
                .any(|b| phrase_at(key, pos, b).is_some())
            || (pos > 0
                && key[..pos]
                    .chars()
                    .next_back()
                    .is_some_and(crate::normalize::is_word_char))
        {
            continue;
        }
        if pos >= core.start && pos < core.end {
            continue;
        }
        // the verb right before the next number, past its qualifiers, is
        // that number's: `có khoảng 1,2 triệu quân, và quân đội nước này đã
        // mất khoảng 4.000 binh sĩ` (the first were not lost)
        let phrase_end = pos + phrase.len();
        if number_at_e
            && pos >= core.end
            && key
                .get(phrase_end..before_qualifiers(key, e, phrase_end))
                .is_none_or(|between| between.trim().is_empty())
        {
            continue;
        }
        let dist = if pos >= verb_after {
            pos - verb_after
        } else if pos >= core.end {
            pos - core.end
        } else {
            core.start - phrase_end.min(core.start)
        };
        let candidate = (dist, index, pos);
        if best.is_none_or(|b| candidate < b) {
            best = Some(candidate);
        }
    }
    // a noun that says what happened to them (`500 thương binh`, wounded
    // soldiers; `hai tù binh`, prisoners of war) stands alone, and
    // outweighs a verb of moving or being (`Bệnh viện tiếp nhận 500 thương
    // binh`: wounded)
    let found = best.map(|(_, index, pos)| (pos, t.statuses[index].1));
    if matches!(
        found,
        None | Some((_, TroopStatus::Deployed | TroopStatus::Present))
    ) {
        if let Some((_, st)) =
            status_at(key, core.unit_start).filter(|&(end, _)| end == core.unit_end)
        {
            return st;
        }
    }
    match found {
        Some((pos, st @ (TroopStatus::Deployed | TroopStatus::Present))) => {
            // `dự kiến gửi`, `sẽ triển khai`, `chuẩn bị điều`: a few words back
            let window_start = key[s..pos]
                .char_indices()
                .rev()
                .nth(24)
                .map_or(s, |(i, _)| s + i);
            let window = &key[window_start..pos];
            // a past tense after the modal makes it a hedge, not a plan:
            // `có thể đã điều 3.000 quân` (may have sent); so does a present
            // one (`có thể đang có mặt`), and `có thể` before being there
            // at all is a guess (`có thể tham chiến`), where `sẽ tham gia`
            // is a plan
            let planned_before = |window: &str| {
                super::find_last_of(window, &t.planners).is_some_and(|i| {
                    let after = &window[i..];
                    super::find_word(after, "đã").is_none()
                        && (st == TroopStatus::Deployed
                            || (super::find_word(after, "đang").is_none()
                                && phrase_at(window, i, "có thể").is_none()))
                })
            };
            // … or a plan between the verb and a figure after it: `đã được
            // đưa tới Nga và tổng số dự kiến sẽ lên tới 10.000 người` (the
            // total planned), where `có thể` there is a guess at the number
            let between = (pos < core.start)
                .then(|| status_at(key, pos))
                .flatten()
                .and_then(|(end, _)| key.get(end..core.start));
            let planned_between = |b: &str| {
                super::find_last_of(b, &t.planners).is_some_and(|i| {
                    phrase_at(b, i, "có thể").is_none() && super::find_word(&b[i..], "đã").is_none()
                })
            };
            let planned = planned_before(window) || between.is_some_and(planned_between);
            if planned {
                TroopStatus::Planned
            } else {
                st
            }
        }
        // `thiệt mạng hoặc bị thương` (killed or wounded): casualties
        Some((pos, st @ (TroopStatus::Killed | TroopStatus::Wounded))) => {
            let other = status_at(key, pos)
                .and_then(|(end, _)| {
                    longest_phrase_at(key, skip_spaces(key, end), &["hoặc", "hay", "và"])
                })
                .and_then(|end| status_at(key, skip_spaces(key, end)));
            match other {
                Some((_, o))
                    if o != st && matches!(o, TroopStatus::Killed | TroopStatus::Wounded) =>
                {
                    TroopStatus::Casualties
                }
                _ => st,
            }
        }
        Some((_, st)) => st,
        None => TroopStatus::Unknown,
    }
}

/// Whether a status phrase (`đã mất`, `triển khai`) begins at a word of
/// `key[from..to]`.
fn has_status_phrase(key: &str, from: usize, to: usize) -> bool {
    let Some(words) = key.get(from..to) else {
        return false;
    };
    words
        .split(' ')
        .scan(from, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .any(|(start, w)| !w.is_empty() && status_at(key, start).is_some_and(|(end, _)| end <= to))
}

/// Words that open a restatement of the number before them in other
/// terms (`2 lữ đoàn, tương đương khoảng 5.000 quân`): the figure after
/// them shares that number's verb.
const RESTATING_WORDS: &[&str] = &["tương đương", "tức", "tức là", "gồm", "bao gồm", "với"];

/// The longest status phrase at `pos` of `key`: where it ends, and its
/// status.
fn status_at(key: &str, pos: usize) -> Option<(usize, TroopStatus)> {
    // (`statuses` is sorted longest first)
    terms()
        .statuses
        .iter()
        .find_map(|(p, st)| phrase_at(key, pos, p).map(|end| (end, *st)))
}

/// Prepositions that open a phrase before a subject (`Tại Seoul, …`):
/// a capitalized phrase they open is no member of a listed subject.
const LEADING_PREPOSITIONS: &[&str] = &[
    "tại", "ở", "theo", "trong", "sau", "trước", "với", "từ", "khi", "vào", "hồi", "đến", "tới",
    "sang", "cùng", "ngoài", "bên", "phía", "giữa", "về", "như",
];

/// Leading words of a clause that are not part of its subject.
const CLAUSE_OPENERS: &[&str] = &[
    "trong khi đó",
    "ngoài ra",
    "bên cạnh đó",
    "đồng thời",
    "thêm vào đó",
    "tuy nhiên",
    "trước đó",
    "sau đó",
    "cùng ngày",
    "hiện",
    "hiện nay",
];

/// What a source says, in `theo <noun> của X` (`theo ước tính của phía
/// Hàn Quốc`): the noun and its `của` are not the claimant.
const REPORT_NOUNS: &[&str] = &[
    "ước tính",
    "báo cáo",
    "đánh giá",
    "thông tin",
    "số liệu",
    "dữ liệu",
    "nguồn tin",
    "tuyên bố",
    "tính toán",
    "thống kê",
    "thông báo",
    "thông cáo",
    // what was agreed or planned, by no one named: `theo kế hoạch`
    "kế hoạch",
    "dự kiến",
    "quy định",
    "thỏa thuận",
];

/// Who the sentence attributes the figure to.
fn claimant(
    text: &str,
    key: &str,
    dates: &[Located],
    persons: &[(usize, usize)],
    core: &Core,
    s: usize,
) -> Option<String> {
    let t = terms();
    if s > core.start {
        return None;
    }
    // a figure whose qualifier is a reporting verb (`X ước tính khoảng
    // 12.000 quân`): the verb still tells who claims it
    let reach = longest_phrase_at(key, core.start, &t.reporting).unwrap_or(core.start);
    let before = &key[s..reach];
    // `theo X,`
    if let Some(i) = find_word(before, "theo") {
        let from = source_after_theo(key, s + i + "theo".len());
        let to = text[from..core.start]
            .find(',')
            .map_or(core.start, |c| from + c);
        let x = clean_claimant(text, dates, from, to);
        // `Theo đó, …` (accordingly) names no source: read on
        let accordingly = matches!(x.to_lowercase().as_str(), "đó" | "vậy" | "như vậy" | "đấy");
        if to < core.start && !accordingly {
            // `Theo ước tính, …`: a source's word with no source names none
            // (and its `ước tính` is no reporting verb)
            return (!x.is_empty()).then_some(x);
        }
    }
    // `tuyên bố của X … rằng`
    if let Some(i) = find_word(before, "của") {
        let from = s + i + "của".len();
        if let Some(r) = find_word(&key[from..core.start], "rằng") {
            let head = &key[s..s + i];
            if [
                "tuyên bố",
                "thông tin",
                "báo cáo",
                "đánh giá",
                "ước tính",
                "cáo buộc",
            ]
            .iter()
            .any(|w| head.trim_end().ends_with(w))
            {
                let x = clean_claimant(text, dates, from, from + r);
                if !x.is_empty() {
                    return Some(x);
                }
            }
        }
    }
    // `X cho biết/cho rằng … N quân`
    let mut v = s + super::find_first_of(before, &t.reporting)?;
    // a dash between spaces breaks a clause too: the dateline of `(Dân
    // trí) - Tổng thống X cho biết …`, an aside `– theo X –`
    let spaced_dash = |i: usize, c: char| {
        matches!(c, '-' | '–' | '—')
            && text[..i].ends_with(' ')
            && text[i + c.len_utf8()..].starts_with(' ')
    };
    let clause_break = |to: usize| {
        text[s..to]
            .char_indices()
            .rfind(|&(i, c)| matches!(c, ',' | ';' | ':' | '“' | '"') || spaced_dash(s + i, c))
            .map(|(i, c)| (s + i, s + i + c.len_utf8()))
    };
    // `Phát biểu tại cuộc họp báo, X nói rằng …`, `Trước đó, phát biểu
    // tại …, X cho biết …`: a verb that opens its clause has no subject
    // before it; the next one after it does
    let clause_of_v = clause_break(v).map_or(s, |(_, after)| after);
    if key[clause_of_v..v].trim().is_empty() {
        let after_verb = longest_phrase_at(key, v, &t.reporting).unwrap_or(v);
        if let Some(next) = key
            .get(after_verb..reach)
            .and_then(|rest| super::find_first_of(rest, &t.reporting))
        {
            v = after_verb + next;
        }
    }
    let mut clause_start = clause_break(v).map_or(s, |(_, after)| after);
    // `X, cựu chuyên gia quân sự, nhận định …`: the verb right after an
    // apposition; the claimant is the name before it, unless only the
    // apposition names a person (`Người đứng đầu HUR, tướng Kyrylo
    // Budanov, ước tính …`)
    if only_adverbs(key, dates, clause_start, v) {
        if let Some((comma, _)) = clause_break(v) {
            if let Some((apposition, after_apposition)) = clause_break(comma) {
                let head_start = clause_break(apposition).map_or(s, |(_, after)| after);
                let names_a_person =
                    |a: usize, b: usize| persons.iter().any(|&(ps, pe)| ps >= a && pe <= b);
                if !names_a_person(head_start, apposition)
                    && names_a_person(after_apposition, comma)
                {
                    v = comma;
                    clause_start = after_apposition;
                } else {
                    v = apposition;
                    clause_start = head_start;
                }
            }
        }
    }
    // `Mỹ, Hàn Quốc và NATO cáo buộc …`: a subject that lists names with
    // `và` at its end takes the names before it, comma by comma, while each
    // is a short capitalized name
    if find_word(&key[clause_start..v], "và").is_some() {
        while let Some((comma, _)) = clause_break(clause_start).filter(|&(c, _)| c > s) {
            if !text[comma..].starts_with(',') {
                break;
            }
            let member_start = clause_break(comma).map_or(s, |(_, after)| after);
            let member = text[member_start..comma].trim();
            let words: Vec<&str> = member.split(' ').collect();
            let opens_a_phrase = words
                .first()
                .is_some_and(|w| LEADING_PREPOSITIONS.contains(&w.to_lowercase().as_str()));
            if member.is_empty()
                || words.len() > 4
                || opens_a_phrase
                || !words.iter().all(|w| is_capitalized(w))
            {
                break;
            }
            clause_start = member_start;
        }
    }
    let mut from = skip_spaces(key, clause_start);
    for o in CLAUSE_OPENERS {
        if let Some(e) = phrase_at(key, from, o) {
            from = skip_spaces(key, e);
            if key[from..].starts_with(',') {
                from = skip_spaces(key, from + 1);
            }
        }
    }
    // `Vụ phóng diễn ra sau khi Seoul và Washington cáo buộc …`: the
    // subject of the subordinate clause that holds the verb claims it
    if from < v {
        if let Some(i) = super::find_last_of(&key[from..v], &t.subordinators) {
            if let Some(end) = longest_phrase_at(key, from + i, &t.subordinators) {
                from = skip_spaces(key, end);
            }
        }
    }
    // `Nghị sĩ X dẫn lời NIS cho biết …` (quoting NIS): the one quoted
    // claims it
    for quoting in QUOTING {
        if let Some(i) = find_word(&key[from..v], quoting) {
            from = skip_spaces(key, from + i + quoting.len());
        }
    }
    if from >= v {
        return None;
    }
    // `Số lính đánh thuê … ước tính khoảng 13.000 người` (is estimated at):
    // the number of something is what is counted, not who counts it
    // (`số liệu của X`, X's figures, still names X)
    if phrase_at(key, from, "số liệu").is_none()
        && COUNTED_SUBJECTS
            .iter()
            .any(|q| phrase_at(key, from, q).is_some())
    {
        return None;
    }
    let x = clean_claimant(text, dates, from, v);
    // (a pronoun, `Ông cảnh báo …`, is returned as said: the caller finds
    // whom it stands for)
    (!x.is_empty()).then_some(x)
}

/// Verbs of quoting between a speaker and the source quoted: `X dẫn lời Y
/// cho biết` (X, quoting Y, said).
const QUOTING: &[&str] = &["dẫn lời", "trích lời"];

/// True for a subject that stands for a speaker named earlier (`ông`,
/// `bà ấy`).
fn is_pronoun(subject: &str) -> bool {
    PRONOUNS.contains(&subject.to_lowercase().as_str())
}

/// Where the source named after a `theo` ending at `theo_end` begins:
/// right after it, or after `ước tính của`, `nguồn tin từ` …
/// (`theo ước tính của X`: X claims it).
fn source_after_theo(key: &str, theo_end: usize) -> usize {
    let source = skip_spaces(key, theo_end);
    longest_phrase_at(key, source, REPORT_NOUNS)
        .and_then(|end| longest_phrase_at(key, skip_spaces(key, end), &["của", "từ"]))
        .unwrap_or(theo_end)
}

/// The source named at the end of the figure's sentence: `Hơn 600 lính
/// Triều Tiên đã chết, theo tình báo Hàn Quốc.` (`theo` after a comma, up
/// to the next comma or the sentence's end; `theo ước tính của X` is X).
fn trailing_source(
    text: &str,
    key: &str,
    dates: &[Located],
    figure_end: usize,
    sentence_end: usize,
) -> Option<String> {
    // (a figure may end past a clipped context in odd text)
    let rest = text.get(figure_end..sentence_end)?;
    let comma = rest
        .match_indices(',')
        .map(|(i, _)| figure_end + i)
        .find(|&c| phrase_at(key, skip_spaces(key, c + 1), "theo").is_some())?;
    let from = source_after_theo(key, skip_spaces(key, comma + 1) + "theo".len());
    // (`theo` read on past the sentence: no source of this one)
    let to = text
        .get(from..sentence_end)?
        .find(',')
        .map_or(sentence_end, |c| from + c);
    let x = clean_claimant(text, dates, from, to);
    let x = x.trim_end_matches(['.', '!', '?', ';']).trim();
    (!x.is_empty() && x.split(' ').count() <= 10).then(|| x.to_string())
}

/// The speaker whose reporting verb closes the figure's sentence after a
/// comma: `Khoảng 1,5 triệu quân Nga đã thương vong, Bộ Quốc phòng Anh ước
/// tính.`, `…, ông Syrskyi cho biết.` (the last clause is a subject and a
/// reporting verb, and nothing after the verb). A pronoun (`…, ông nói.`)
/// names no one here: the caller falls back to the paragraph's speaker.
fn trailing_speaker(
    text: &str,
    key: &str,
    dates: &[Located],
    figure_end: usize,
    sentence_end: usize,
) -> Option<String> {
    let rest = text.get(figure_end..sentence_end)?;
    let comma = figure_end + rest.rfind(',')?;
    // a quotation after the figure is what the speaker says, not the
    // figure (see `speaker_after_quote`)
    if text[figure_end..comma].contains(['"', '“', '”']) {
        return None;
    }
    let clause_end = figure_end
        + rest
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '?' | ';'))
            .len();
    // the longest reporting verb that ends the clause, else the first
    // after the comma that only when, where or how it was said follows
    // (`…, nghị sĩ Lee cho biết hôm nay sau cuộc họp kín`)
    let reporting = &terms().reporting;
    let verb = reporting
        .iter()
        .filter_map(|v| phrase_before(key, clause_end, v))
        .filter(|&start| start > comma)
        .min()
        .or_else(|| {
            let after_comma = skip_spaces(key, comma + 1);
            let at =
                after_comma + super::find_first_of(key.get(after_comma..clause_end)?, reporting)?;
            let verb_end = skip_spaces(key, longest_phrase_at(key, at, reporting)?);
            let dated = dates.iter().any(|d| d.start == verb_end);
            (dated || longest_phrase_at(key, verb_end, SAYING_ADJUNCTS).is_some()).then_some(at)
        })?;
    let x = clean_claimant(text, dates, comma + 1, verb);
    // adverbs between the subject and its verb (`Nga cũng khẳng định`)
    let mut words: Vec<&str> = x.split_whitespace().collect();
    while words.last().is_some_and(|w| SUBJECT_ADVERBS.contains(w)) {
        words.pop();
    }
    // `tờ Wall Street Journal dẫn nguồn tin tình báo Ukraine cho biết`:
    // the one who reports, citing a source
    if let Some(cites) = words.iter().skip(1).position(|w| *w == "dẫn") {
        words.truncate(cites + 1);
    }
    let x = words.join(" ");
    // a name, or an honorific and a name (`ông Syrskyi`), or a
    // description with a name in it (`một quan chức Ukraine`, `tờ Wall
    // Street Journal`), not a pronoun
    let capitalized = |w: &&str| w.starts_with(char::is_uppercase);
    let named = words.first().is_some_and(capitalized)
        || (words.len() > 1 && !PRONOUNS.contains(&words[0]) && words[1..].iter().any(capitalized))
        || (words.len() > 1 && PRONOUNS.contains(&words[0]) && capitalized(&words[1]));
    (named && words.len() <= 8 && !is_pronoun(&x)).then_some(x)
}

/// Words that open what may follow a speaker's verb at a sentence's end:
/// when, where or how it was said (`cho biết hôm nay`, `nói trong cuộc
/// họp báo`, `viết trên Telegram`), not a new statement. (`hôm` covers
/// `hôm nay` and `hôm qua`: the phrases are whole words at the start.)
const SAYING_ADJUNCTS: &[&str] = &[
    "hôm", "trong", "tại", "ở", "trên", "sau", "khi", "với", "vào", "qua",
];

/// Adverbs that may stand between a subject and its reporting verb.
const SUBJECT_ADVERBS: &[&str] = &["cũng", "đã", "vừa", "mới", "còn", "từng", "thì", "lại"];

/// The speaker of a quotation that holds the figure, named after it:
/// `"… khoảng 8.000 người", ông Syrskyi viết trên Telegram.` (the quote
/// closes, a comma, then the speaker and a reporting verb).
fn speaker_after_quote(
    text: &str,
    key: &str,
    dates: &[Located],
    core: &Core,
    sentence: Range<usize>,
) -> Option<String> {
    let opened = text.get(sentence.start..core.start)?;
    let straight = opened.matches('"').count();
    let inside = straight % 2 == 1 || opened.rfind('“') > opened.rfind('”');
    if !inside {
        return None;
    }
    let rest = text.get(core.end..sentence.end)?;
    let close = core.end + rest.find(['"', '”'])?;
    let after = close + text[close..].chars().next()?.len_utf8();
    // the comma after the quote, or inside it (`… người," ông X nói`)
    let comma_inside = text[..close].ends_with(',');
    let mut from = skip_spaces(text, after);
    if text[from..].starts_with(',') {
        from = skip_spaces(text, from + 1);
    } else if !comma_inside {
        return None;
    }
    let verb = from + super::find_first_of(key.get(from..sentence.end)?, &terms().reporting)?;
    let x = clean_claimant(text, dates, from, verb);
    (!x.is_empty() && !is_pronoun(&x) && x.split(' ').count() <= 8).then_some(x)
}

/// The speaker of a headline or lead in the `X: …` form: `Hàn Quốc: Triều
/// Tiên gửi thêm 3.000 quân sang Nga`, `Tổng thống Zelensky: "…"`. A few
/// words ending in a capitalized one, before a colon that precedes the
/// figure; not a caption label (`Ảnh:`), not a town or region (a dateline).
fn speaker_before_colon(
    text: &str,
    places: &[PlaceMention],
    g: &Gazetteer,
    core: &Core,
    sentence_start: usize,
) -> Option<String> {
    let colon = sentence_start + text.get(sentence_start..core.start)?.find(": ")?;
    let raw = &text[sentence_start..colon];
    let speaker = raw.trim();
    let words: Vec<&str> = speaker.split(' ').collect();
    let name_like = words.len() <= 6
        && words.first().is_some_and(|w| is_capitalized(w))
        && words.last().is_some_and(|w| is_capitalized(w))
        && !speaker.contains(|c: char| c.is_ascii_digit() || matches!(c, '"' | '“' | ','));
    let label = COLON_LABELS.contains(&speaker.to_lowercase().as_str());
    let start = sentence_start + (raw.len() - raw.trim_start().len());
    let a_town = places_in(places, start, colon)
        .iter()
        .any(|m| m.start == start && m.end == colon && !m.is_country(g));
    (name_like && !label && !a_town).then(|| speaker.to_string())
}

/// Labels written before a colon that name no speaker.
const COLON_LABELS: &[&str] = &[
    "ảnh",
    "video",
    "clip",
    "nguồn",
    "cập nhật",
    "lưu ý",
    "chú thích",
    "tin liên quan",
    "infographic",
    "đồ họa",
    "xem thêm",
    "bài liên quan",
];

/// Subjects that stand for a speaker named earlier.
const PRONOUNS: &[&str] = &[
    "ông",
    "bà",
    "họ",
    "ông ta",
    "ông ấy",
    "bà ta",
    "bà ấy",
    "người này",
    "ông này",
    "bà này",
];

/// Adverbs that may stand between a subject and its verb (`X, Giám đốc
/// HUR, trước đó ước tính …`).
const ADVERBS: &[&str] = &["cũng", "đã", "từng", "vừa", "mới", "mới đây", "gần đây"];

/// Whether `key[from..to]` holds nothing but spaces, clause openers,
/// adverbs and dates: a clause with no subject of its own.
fn only_adverbs(key: &str, dates: &[Located], from: usize, to: usize) -> bool {
    let mut i = from;
    loop {
        i = skip_spaces(key, i);
        if i >= to {
            return true;
        }
        let date_end = dates
            .get(dates.partition_point(|d| d.start < i))
            .filter(|d| d.start == i)
            .map(|d| d.end);
        match date_end
            .or_else(|| longest_phrase_at(key, i, CLAUSE_OPENERS))
            .or_else(|| longest_phrase_at(key, i, ADVERBS))
        {
            Some(end) if end <= to => i = end,
            _ => return false,
        }
    }
}

/// The claimant text between `from` and `to`, without date expressions
/// and trailing function words.
fn clean_claimant<'t>(text: &'t str, dates: &[Located], from: usize, to: usize) -> String {
    let mut end = to;
    for d in dates {
        if d.start > from && d.start < end {
            end = d.start;
        }
    }
    let mut x = text[from..end].trim().trim_end_matches([',', ':']).trim();
    // trailing function words left by a removed date (`… trong tuần này`),
    // and adverbs between the subject and its verb (`Tổng thống X trước đó
    // ước tính`)
    const LEFT_BY_A_DATE: &[&str] = &["trong", "vào", "hồi", "hôm", "ngày", "từ"];
    let without_trailing = |x: &'t str| {
        LEFT_BY_A_DATE
            .iter()
            .chain(ADVERBS)
            .chain(CLAUSE_OPENERS)
            .find_map(|w| x.strip_suffix(w).filter(|head| head.ends_with(' ')))
    };
    while let Some(head) = without_trailing(x) {
        x = head.trim_end().trim_end_matches(',').trim_end();
    }
    // `Theo ước tính, …`: what a source says, with no source, claims nothing
    let bare = x.trim_end_matches(['.', '!', '?', ';']).trim_end();
    if REPORT_NOUNS.contains(&bare.to_lowercase().as_str()) {
        return String::new();
    }
    x.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{run_all, Context};

    fn figures(published: &str, text: &str) -> Vec<TroopFigure> {
        let doc = Prepared::new(text);
        let mut ctx = Context::for_tests();
        ctx.published = crate::prepare::parse_iso(published);
        run_all(&doc, &ctx).troop_figures
    }

    /// The counts of the figures of `text`.
    fn counts_in(published: &str, text: &str) -> Vec<u64> {
        figures(published, text).iter().map(|f| f.count).collect()
    }

    /// The statuses of the figures of `text`.
    fn statuses_in(published: &str, text: &str) -> Vec<TroopStatus> {
        figures(published, text).iter().map(|f| f.status).collect()
    }

    #[test]
    fn a_sentence_is_skipped_only_when_no_unit_can_follow_a_number() {
        // (sentence, may name a unit)
        let rows = [
            ("Bình Nhưỡng đã gửi khoảng 15.000 quân sang Nga.", true),
            ("Khoảng 1.500 binh sĩ đặc nhiệm đã tới Vladivostok.", true),
            ("Lính đánh thuê được trả lương cao.", true),
            ("Hai nước ký hiệp ước đối tác chiến lược toàn diện.", false),
            // first words of units that are not units here
            ("Bộ Quốc phòng và công ty chiến lược bàn về sự cố.", false),
            ("Bác sĩ nói tay ông bị thương.", false),
            // a number run into its unit, as a figure reads it
            ("Họ điều 15.000đặc công tới.", true),
            ("Năm 2024 là năm bầu cử.", false),
        ];
        for (sentence, expected) in rows {
            let doc = Prepared::new(sentence);
            let all = 0..doc.key.len();
            assert_eq!(
                may_name_a_unit(&doc.key, &doc.key_words, &all),
                expected,
                "{sentence}"
            );
        }
    }

    type Row = (
        &'static str,
        u64,
        Qualifier,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    );

    /// (sentence, count, qualifier, sender, destination, location)
    const EXAMPLES: &[Row] = &[
        ("Tình báo Hàn Quốc cho rằng Bình Nhưỡng đã gửi khoảng 15.000 quân sang Nga.", 15000, Qualifier::Approximately, Some("KP"), Some("RU"), None),
        ("5.000 lính công binh Triều Tiên cũng đang di chuyển sang Nga, tham gia khôi phục hạ tầng tại vùng Kursk.", 5000, Qualifier::Exact, Some("KP"), Some("RU"), Some("Kursk")),
        ("Mỹ cho biết Triều Tiên đã gửi khoảng 10.000 binh lính tới Nga.", 10000, Qualifier::Approximately, Some("KP"), Some("RU"), None),
        // military engineers and deminers (not engineers at large)
        ("Bình Nhưỡng đã gửi thêm 1.000 kỹ sư rà phá bom mìn tới Kursk.", 1000, Qualifier::Exact, Some("KP"), Some("RU"), Some("Kursk")),
        // what they belong to; a source is not the sender
        ("Theo Cơ quan Tình báo Quốc gia Hàn Quốc, khoảng 1.500 quân nhân thuộc lực lượng đặc nhiệm Triều Tiên đã được đưa tới Vladivostok.", 1500, Qualifier::Approximately, Some("KP"), Some("RU"), Some("Vladivostok")),
        ("Theo Cơ quan Tình báo Quốc gia Hàn Quốc, khoảng 1.500 quân nhân đã được đưa tới Vladivostok.", 1500, Qualifier::Approximately, None, Some("RU"), Some("Vladivostok")),
        // where they come from (`đến từ`) is whose they are; a list of
        // countries is no one sender (the country that has them is still
        // where they went)
        ("Lễ duyệt binh ở Hà Nội có khoảng 300 quân nhân đến từ Nga.", 300, Qualifier::Approximately, Some("RU"), Some("VN"), Some("Hà Nội")),
        ("Lễ duyệt binh ở Việt Nam có hơn 200 quân nhân đến từ Nga, Trung Quốc, Lào và Campuchia.", 200, Qualifier::MoreThan, None, Some("VN"), None),
        // … or `từ` alone, a comma after the country ending the clause; not
        // where troops are withdrawn from
        ("Khoảng 3.000 binh sĩ từ Triều Tiên đã tới Nga.", 3000, Qualifier::Approximately, Some("KP"), Some("RU"), None),
        ("Năm ngoái, Nga đã nhận được khoảng 15.000 binh sĩ từ Triều Tiên, ISW ước tính.", 15000, Qualifier::Approximately, Some("KP"), Some("RU"), None),
        ("Nga đã rút 3.000 quân từ Ukraine về nước.", 3000, Qualifier::Exact, Some("RU"), None, None),
        // the country that receives troops is where they go, not whose
        // they are
        ("Nga đã tiếp nhận thêm 2.000 lính Triều Tiên.", 2000, Qualifier::Exact, Some("KP"), Some("RU"), None),
        ("Nga đã tiếp nhận thêm 2.000 lính đánh thuê.", 2000, Qualifier::Exact, None, Some("RU"), None),
        ("Ukraine xác nhận 3.000 binh sĩ Triều Tiên đã tới Kursk.", 3000, Qualifier::Exact, Some("KP"), Some("RU"), Some("Kursk")),
        // the owner of a place is not the sender
        ("Số binh sĩ Triều Tiên thương vong tại tỉnh Kursk của Nga đã lên tới khoảng 4.000 người.", 4000, Qualifier::Approximately, Some("KP"), Some("RU"), Some("Kursk")),
        ("Ông Blinken cho biết 8.000 người trong số binh lính Triều Tiên đang ở khu vực Kursk của Nga.", 8000, Qualifier::Exact, Some("KP"), Some("RU"), Some("Kursk")),
        ("Triều Tiên có thể gửi thêm hơn 3.000 binh sĩ tới Nga.", 3000, Qualifier::MoreThan, Some("KP"), Some("RU"), None),
        // foreign troops located in a country were sent there
        ("Ít nhất 1.200 binh sĩ Triều Tiên đã thiệt mạng ở Kursk.", 1200, Qualifier::AtLeast, Some("KP"), Some("RU"), Some("Kursk")),
        ("Nga có thể triển khai lên tới 100.000 quân tại Belgorod.", 100000, Qualifier::UpTo, Some("RU"), None, Some("Belgorod")),
        ("Khoảng 10.000-12.000 binh sĩ Triều Tiên đang có mặt ở Nga.", 10000, Qualifier::Range, Some("KP"), Some("RU"), None),
        ("Hàng nghìn binh sĩ Triều Tiên được điều tới mặt trận.", 1000, Qualifier::Vague, Some("KP"), None, None),
        ("Bình Nhưỡng đã cử 1,5 nghìn lính đánh thuê sang Nga.", 1500, Qualifier::Exact, Some("KP"), Some("RU"), None),
        ("Ukraine bắt sống hai binh sĩ Triều Tiên tại Kursk.", 2, Qualifier::Exact, Some("KP"), Some("RU"), Some("Kursk")),
        ("Mỹ duy trì khoảng 28.500 quân tại Hàn Quốc.", 28500, Qualifier::Approximately, Some("US"), Some("KR"), None),
        ("Theo Lầu Năm Góc, có chừng 11.000 quân nhân Triều Tiên ở vùng Kursk.", 11000, Qualifier::Approximately, Some("KP"), Some("RU"), Some("Kursk")),
        // generic words between the preposition and the place
        ("Triều Tiên đã đưa khoảng 1.500 lính đặc nhiệm tới cảng Vladivostok.", 1500, Qualifier::Approximately, Some("KP"), Some("RU"), Some("Vladivostok")),
        ("Nga điều 2.000 lính tới thành phố cảng Vladivostok.", 2000, Qualifier::Exact, Some("RU"), None, Some("Vladivostok")),
        ("Mỹ triển khai 5.000 binh sĩ tại đảo Okinawa.", 5000, Qualifier::Exact, Some("US"), Some("JP"), Some("Okinawa")),
        ("Từ 10.000 đến 12.000 binh sĩ Triều Tiên sẽ được gửi tới Nga.", 10000, Qualifier::Range, Some("KP"), Some("RU"), None),
        ("Bình Nhưỡng đã điều khoảng 11.000 đến 12.000 quân tới Nga.", 11000, Qualifier::Range, Some("KP"), Some("RU"), None),
        ("Từ năm 2022 đến 2024, 5.000 binh sĩ Triều Tiên đã được gửi tới Nga.", 5000, Qualifier::Exact, Some("KP"), Some("RU"), None),
        ("Trung Quốc đưa mười lăm nghìn quân tới biên giới.", 15000, Qualifier::Exact, Some("CN"), None, None),
        ("Lầu Năm Góc công bố kế hoạch điều thêm 1.500 lính thủy đánh bộ tới Australia.", 1500, Qualifier::Exact, Some("US"), Some("AU"), None),
        ("Nga đã triển khai gần 50.000 binh sĩ tới vùng Kursk để phản công.", 50000, Qualifier::Approximately, Some("RU"), None, Some("Kursk")),
        // a place in a clause that a conjunction opens is neither where nor whither
        ("Nga có thể triển khai hàng chục nghìn binh sĩ tới khu vực này sau khi chiến sự ở Ukraine kết thúc.", 10000, Qualifier::Vague, Some("RU"), None, None),
        ("Nga đã điều 2.000 lính tới biên giới trong khi quân Ukraine tập trung ở vùng Kursk.", 2000, Qualifier::Exact, Some("RU"), None, None),
        ("Triều Tiên gửi 3.000 binh sĩ sang Nga để hỗ trợ chiến dịch ở Kursk.", 3000, Qualifier::Exact, Some("KP"), Some("RU"), Some("Kursk")),
        ("Ukraine cho biết khoảng 3.000 binh sĩ Triều Tiên đã thương vong.", 3000, Qualifier::Approximately, Some("KP"), None, None),
        ("Theo tình báo Ukraine, có tới 12.000 quân Triều Tiên đang ở Nga.", 12000, Qualifier::UpTo, Some("KP"), Some("RU"), None),
        ("Mỹ gửi thêm 3.000 binh sĩ tới Ba Lan.", 3000, Qualifier::Exact, Some("US"), Some("PL"), None),
        ("Hàn Quốc ước tính ít nhất 100 binh sĩ Triều Tiên đã thiệt mạng tại Kursk.", 100, Qualifier::AtLeast, Some("KP"), Some("RU"), Some("Kursk")),
        ("Khoảng 1.500 lính đặc nhiệm Triều Tiên được đưa tới Vladivostok.", 1500, Qualifier::Approximately, Some("KP"), Some("RU"), Some("Vladivostok")),
        ("Nước Anh điều 900 quân nhân tới Estonia.", 900, Qualifier::Exact, Some("GB"), Some("EE"), None),
        ("Trên 2.000 binh sĩ Nga bị bắt làm tù binh ở Kharkiv.", 2000, Qualifier::MoreThan, Some("RU"), Some("UA"), Some("Kharkiv")),
        ("Israel huy động khoảng 300.000 quân dự bị.", 300000, Qualifier::Approximately, Some("IL"), None, None),
        ("Pháp sẵn sàng gửi tối đa 2.000 binh sĩ sang Ukraine.", 2000, Qualifier::UpTo, Some("FR"), Some("UA"), None),
        ("Hàng chục nghìn binh sĩ Nga tập trung gần biên giới.", 10000, Qualifier::Vague, Some("RU"), None, None),
        ("Triều Tiên có thể cử thêm 5 vạn quân tới Nga.", 50000, Qualifier::Exact, Some("KP"), Some("RU"), None),
        ("Vài trăm binh sĩ Triều Tiên đã bị thương ở Kursk.", 200, Qualifier::Vague, Some("KP"), Some("RU"), Some("Kursk")),
        ("Theo NIS, 11.000 binh sĩ Triều Tiên đang đóng quân tại Kursk.", 11000, Qualifier::Exact, Some("KP"), Some("RU"), Some("Kursk")),
        ("Mỹ có khoảng 54.000 quân nhân tại Nhật Bản.", 54000, Qualifier::Approximately, Some("US"), Some("JP"), None),
        ("Theo ISW, Nga đã tập trung khoảng 50.000 quân gần Pokrovsk.", 50000, Qualifier::Approximately, Some("RU"), Some("UA"), Some("Pokrovsk")),
        ("Nga đã mất khoảng 1.250 binh sĩ trong 24 giờ qua.", 1250, Qualifier::Approximately, Some("RU"), None, None),
        // `dưới` (under) is at most, unless `trên dưới` or `không dưới`
        ("Dưới 500 lính Mỹ ở lại Syria.", 500, Qualifier::UpTo, Some("US"), None, None),
        ("Trên dưới 500 binh sĩ Nga được điều tới Belarus.", 500, Qualifier::Approximately, Some("RU"), Some("BY"), None),
        ("Không dưới 300 lính Nga thiệt mạng.", 300, Qualifier::AtLeast, Some("RU"), None, None),
        // troops in training somewhere are there
        ("Khoảng 3.000 binh sĩ Triều Tiên đang được huấn luyện tại Nga.", 3000, Qualifier::Approximately, Some("KP"), Some("RU"), None),
        // troops sent to help a country go there
        ("Bình Nhưỡng có thể gửi thêm 20.000 quân sang hỗ trợ Moskva.", 20000, Qualifier::Exact, Some("KP"), Some("RU"), None),
        // a second noun joined by `và` shares the country after both; a
        // country right after `và` is another subject
        ("Khoảng 6.000 công binh và công nhân xây dựng Triều Tiên sẽ được điều tới Kursk.", 6000, Qualifier::Approximately, Some("KP"), Some("RU"), Some("Kursk")),
        ("Triều Tiên đã huấn luyện 1.000 binh sĩ và Nga cung cấp vũ khí.", 1000, Qualifier::Exact, Some("KP"), None, None),
        // a region word between `tới` and the country
        ("Khoảng 2.000 binh sĩ Triều Tiên được đưa tới miền tây nước Nga.", 2000, Qualifier::Approximately, Some("KP"), Some("RU"), None),
        // `N người` giving the value of a troop count said before it
        ("Theo NIS, tổng số quân Triều Tiên được gửi sang Nga đã lên hơn 14.000 người.", 14000, Qualifier::MoreThan, Some("KP"), Some("RU"), None),
        ("Mỹ duy trì quân số khoảng 28.500 người tại Hàn Quốc.", 28500, Qualifier::Approximately, Some("US"), Some("KR"), None),
    ];

    #[test]
    fn a_count_that_ends_its_sentence_is_read_alone() {
        // the next sentence's first word does not name the people
        let f = figures(
            "2025-10-25",
            "Nâng tổng số binh sĩ lên 12.000 người.\nKhoảng 500 binh sĩ đã thương vong.",
        );
        let counts: Vec<u64> = f.iter().map(|f| f.count).collect();
        assert_eq!(counts, [12000, 500]);
        // … and the next sentence's first country is not the sender
        let f = figures(
            "2025-03-01",
            "Quân đội Nga có khoảng 1,5 triệu quân nhân. Triều Tiên có thể điều thêm quân.",
        );
        assert_eq!(f[0].sender.as_deref(), Some("RU"));
        // … nor is the previous sentence's last word (`tới`) one before the
        // country that opens this one
        let f = figures(
            "2025-03-01",
            "Binh sĩ có thể được gửi tới.\n\nTriều Tiên đưa 10.000 binh sĩ sang Nga.",
        );
        assert_eq!(
            f.iter()
                .map(|f| (f.count, f.sender.as_deref(), f.destination.as_deref()))
                .collect::<Vec<_>>(),
            [(10000, Some("KP"), Some("RU"))]
        );
    }

    #[test]
    fn people_among_the_troops_counted_before_are_their_losses() {
        let f = figures(
            "2025-11-08",
            "Theo tình báo Hàn Quốc, khoảng 11.000 binh sĩ Triều Tiên đã được triển khai tới Nga. \
             Khoảng 4.700 người trong số này đã thương vong, trong đó có 600 người thiệt mạng.",
        );
        let got: Vec<(u64, TroopStatus, Option<&str>, Option<&str>)> = f
            .iter()
            .map(|f| {
                (
                    f.count,
                    f.status,
                    f.sender.as_deref(),
                    f.destination.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (11000, TroopStatus::Deployed, Some("KP"), Some("RU")),
                (4700, TroopStatus::Casualties, Some("KP"), Some("RU")),
                (600, TroopStatus::Killed, Some("KP"), Some("RU")),
            ]
        );
        // no troops counted before in the paragraph: townspeople
        let counts = |text: &str| counts_in("2025-11-08", text);
        assert_eq!(
            counts("Thị trấn có 50.000 dân. Khoảng 4.700 người trong số này đã thiệt mạng."),
            [0u64; 0]
        );
        assert_eq!(
            counts(
                "Nga có 11.000 binh sĩ ở Kursk.\nThị trấn có 50.000 dân. \
                 Khoảng 4.700 người trong số này đã thiệt mạng."
            ),
            [11000]
        );
        // among them, but nothing lost: no figure
        assert_eq!(
            counts("Nga có 11.000 binh sĩ ở Kursk. Khoảng 4.700 người trong số này là tân binh."),
            [11000]
        );
    }

    #[test]
    fn a_timeline_entry_dates_the_figures_of_its_paragraph() {
        let dates = |text: &str| -> Vec<Option<String>> {
            figures("2025-06-01", text)
                .into_iter()
                .map(|f| f.date)
                .collect()
        };
        let some = |d: &str| Some(d.to_string());
        assert_eq!(
            dates("Tháng 1/2025: Ukraine bắt giữ hai binh sĩ Triều Tiên. Tình báo Hàn Quốc ước tính khoảng 300 lính Triều Tiên đã thiệt mạng.\n\nTháng 4/2025: Nga xác nhận có 11.000 quân Triều Tiên."),
            [some("2025-01"), some("2025-01"), some("2025-04")]
        );
        // a date that opens a sentence without a colon dates that sentence
        assert_eq!(
            dates("Tháng 1/2025, Ukraine bắt giữ hai binh sĩ Triều Tiên. Tình báo Hàn Quốc ước tính khoảng 300 lính Triều Tiên đã thiệt mạng."),
            [some("2025-01"), some("2025-06-01")]
        );
    }

    #[test]
    fn a_number_that_restates_the_figure_before_counts_its_troops() {
        let summary = |text: &str| -> Vec<String> {
            figures("2024-11-05", text)
                .iter()
                .map(|f| {
                    format!(
                        "{} {:?} {} {:?} {} {}",
                        f.count,
                        f.qualifier,
                        f.unit,
                        f.status,
                        f.sender.as_deref().unwrap_or("-"),
                        f.destination.as_deref().unwrap_or("-")
                    )
                })
                .collect()
        };
        // (text, figures): the restated number takes the unit, sender and
        // destination of the whole figure before it, not of its part nor
        // the country of whoever estimates it
        let rows: &[(&str, &[&str])] = &[
            (
                "Triều Tiên đã gửi khoảng 10.000 binh sĩ tới Nga, trong đó 3.000 người đã tới \
                 Kursk. Lầu Năm Góc ước tính con số này có thể lên tới 12.000.",
                &[
                    "10000 Approximately binh sĩ Deployed KP RU",
                    "3000 Exact người Deployed KP RU",
                    "12000 UpTo binh sĩ Deployed KP RU",
                ],
            ),
            (
                "Nga đã điều 5.000 quân tới biên giới. Theo Kiev, con số đó là hơn 7.000, \
                 theo các nguồn tin khác.",
                &[
                    "5000 Exact quân Deployed RU -",
                    "7000 MoreThan quân Deployed RU -",
                ],
            ),
            // `con số là`, and a time adjunct after the number
            (
                "Ông Blinken nói khoảng 10.000 quân Triều Tiên đang ở Nga. Trước đó, Lầu Năm \
                 Góc ước tính con số là 3.000 vào ngày 23/10.",
                &[
                    "10000 Approximately quân Present KP RU",
                    "3000 Exact quân Present KP RU",
                ],
            ),
            (
                "Nga đã điều 5.000 quân tới biên giới. Con số này là 8.000 tính đến cuối tháng 10.",
                &[
                    "5000 Exact quân Deployed RU -",
                    "8000 Exact quân Deployed RU -",
                ],
            ),
            // … or followed by `người` (people): the troops again
            (
                "Khoảng 1.500 lính đặc nhiệm Triều Tiên đã tới Vladivostok. Đến cuối tháng, \
                 con số này tăng lên khoảng 11.000 người.",
                &[
                    "1500 Approximately lính đặc nhiệm Deployed KP RU",
                    "11000 Approximately lính đặc nhiệm Deployed KP RU",
                ],
            ),
            (
                "Nga đã điều 5.000 quân tới biên giới. Con số này gồm 300 người dân.",
                &["5000 Exact quân Deployed RU -"],
            ),
            // … but not a number that something else follows
            (
                "Nga đã điều 5.000 quân tới biên giới. Con số là 300 xe tăng vào tháng 10.",
                &["5000 Exact quân Deployed RU -"],
            ),
            // no figure before in the paragraph: no troops to restate
            (
                "Thành phố có 20.000 cư dân. Con số này có thể lên tới 25.000.",
                &[],
            ),
            (
                "Nga đã điều 5.000 quân tới biên giới.\nCon số này có thể lên tới 7.000.",
                &["5000 Exact quân Deployed RU -"],
            ),
            // a number of something else, a share, a year
            (
                "Nga đã điều 5.000 quân tới biên giới. Con số này tăng 20% so với năm 2023.",
                &["5000 Exact quân Deployed RU -"],
            ),
            (
                "Nga đã điều 5.000 quân tới biên giới. Con số này cần 300 xe tải để chở.",
                &["5000 Exact quân Deployed RU -"],
            ),
        ];
        for (text, want) in rows {
            assert_eq!(summary(text), *want, "{text}");
        }
    }

    #[test]
    fn words_after_a_personnel_noun_that_leave_it_one() {
        // (the nouns `quân` begins, such as `quân ngũ`, are blocked; these
        // words after `binh sĩ` are no such noun)
        let counts = counts_in(
            "2025-11-08",
            "Khoảng 100 binh sĩ kỳ cựu, 1.000 binh sĩ trang bị súng trường và 50 binh sĩ \
             Trường Sa dự lễ. Hai binh sĩ báo cáo rằng họ bị tấn công.",
        );
        assert_eq!(counts, [100, 1000, 50, 2]);
        // a word that would begin a noun after `quân` (`quân lực`, `quân
        // dân`) describes a longer noun
        let counts = counts_in(
            "2024-10-24",
            "Triều Tiên đã đưa 1.500 binh sĩ lực lượng đặc nhiệm tới Vladivostok. Nga huy \
             động 300 quân nhân dân quân địa phương.",
        );
        assert_eq!(counts, [1500, 300]);
        // … and still ends a one-word unit
        let counts = counts_in(
            "2024-10-24",
            "Nga có 5.000 quân lực dự bị, 200 lính cứu hỏa và 300 người dân ở Kursk.",
        );
        assert_eq!(counts, Vec::<u64>::new());
    }

    #[test]
    fn paired_ranks_written_with_a_comma_are_one_unit() {
        let units = |text: &str| -> Vec<(u64, String)> {
            figures("2025-03-10", text)
                .into_iter()
                .map(|f| (f.count, f.unit))
                .collect()
        };
        // `cán bộ, chiến sĩ` (officers and men): the comma is part of the
        // phrase, and the unit is written as the text has it
        assert_eq!(
            units("Bộ Chỉ huy đã huy động 43 cán bộ, chiến sĩ tham gia cứu hộ."),
            [(43, "cán bộ, chiến sĩ".to_string())]
        );
        assert_eq!(
            units("Lữ đoàn cử 120 cán bộ chiến sĩ sang Lào."),
            [(120, "cán bộ chiến sĩ".to_string())]
        );
        assert_eq!(
            units("Hơn 2.000 sĩ quan, binh sĩ Nga đã tham gia cuộc tập trận."),
            [(2000, "sĩ quan, binh sĩ".to_string())]
        );
        assert_eq!(
            units("Có 15 hạ sĩ quan bị thương, 300 dân quân được huy động."),
            [
                (15, "hạ sĩ quan".to_string()),
                (300, "dân quân".to_string())
            ]
        );
        // cadres alone, or cadres and workers, are no troops
        assert_eq!(units("Ông nói chuyện với 43 cán bộ, rồi rời đi."), []);
        assert_eq!(units("Nhà máy có 500 cán bộ, công nhân viên."), []);
        // military construction workers are sent with the troops; builders
        // are not
        assert_eq!(
            units("Triều Tiên gửi 5.000 công nhân xây dựng quân sự tới Nga."),
            [(5000, "công nhân xây dựng quân sự".to_string())]
        );
        assert_eq!(units("Nhà máy thuê 3.000 công nhân xây dựng."), []);
    }

    #[test]
    fn people_are_the_strength_of_a_formation() {
        let counts = |text: &str| counts_in("2025-02-08", text);
        assert_eq!(
            counts("Họ có hai lữ đoàn Triều Tiên, với tổng cộng khoảng 8.000 người."),
            [8000]
        );
        assert_eq!(
            counts("Một sư đoàn gồm 10.000 người đã tới biên giới."),
            [10000]
        );
        // a formation that does something to people: they are not its own
        assert_eq!(
            counts("Lữ đoàn 47 đã sơ tán 3.000 người khỏi thị trấn."),
            [0u64; 0]
        );
    }

    #[test]
    fn people_sent_as_troops_are_troops() {
        let counts = |text: &str| counts_in("2024-11-05", text);
        // the object of a sending verb, after a troop figure or a soldier noun
        assert_eq!(
            counts("NIS ước tính Triều Tiên đã đưa khoảng 1.500 lính đặc nhiệm tới Vladivostok, và dự kiến sẽ gửi tổng cộng 12.000 người trước tháng 12."),
            [1500, 12000]
        );
        assert_eq!(
            counts("Sau đợt binh sĩ đầu tiên, Bình Nhưỡng điều thêm khoảng 3.000 người sang Nga."),
            [3000]
        );
        // a force of people, or people sent in the passive
        assert_eq!(
            counts("Bình Nhưỡng điều thêm 25.000 binh sĩ, bổ sung cho lực lượng khoảng 11.000 người hiện có."),
            [25000, 11000]
        );
        assert_eq!(
            counts("Theo NIS, ngoài các binh sĩ tham chiến, 1.000 người đã được điều tới Kursk để rà phá bom mìn."),
            [1000]
        );
        // a force named right before them (`lực lượng` only when sent)
        assert_eq!(
            counts("Bình Nhưỡng cử một đội quân 10.000 người tới Kursk."),
            [10000]
        );
        assert_eq!(
            counts("Nga điều một lực lượng khoảng 10.000 người tới Kursk."),
            [10000]
        );
        assert_eq!(
            counts("Một lực lượng 300 người bảo vệ sân vận động."),
            [0u64; 0]
        );
        // no soldiers in the sentence
        assert_eq!(
            counts("Triều Tiên gửi 200 người tới hội chợ ở Moskva."),
            [0u64; 0]
        );
        assert_eq!(
            counts("Lực lượng cứu hộ khoảng 500 người được điều tới vùng lũ."),
            [0u64; 0]
        );
        // the passive verb must follow in the same sentence
        assert_eq!(
            counts("Nga điều 5.000 binh sĩ tới Kursk, sơ tán 300 người. Được triển khai từ tháng 8, họ chiến đấu."),
            [5000]
        );
        // people named for who they are, or taken away rather than sent
        assert_eq!(
            counts("Nga điều 5.000 binh sĩ tới Kursk và gửi 300 người lao động về nước."),
            [5000]
        );
        assert_eq!(
            counts("Nga điều 5.000 binh sĩ tới Kursk và đưa 3.000 người ra khỏi vùng giao tranh."),
            [5000]
        );
    }

    #[test]
    fn people_after_a_total_word_are_the_total_of_the_figure_before() {
        for (text, want) in [
            (
                "Khoảng 3.000 binh sĩ Triều Tiên đã được đưa tới Nga trong tháng này và tổng số \
                 dự kiến sẽ lên tới 10.000 người vào tháng 12.",
                &[(3000, TroopStatus::Deployed), (10000, TroopStatus::Planned)][..],
            ),
            (
                "Triều Tiên đã gửi 3.000 quân tới Nga và tổng cộng có thể lên tới 12.000 người.",
                &[(3000, TroopStatus::Deployed), (12000, TroopStatus::Deployed)][..],
            ),
            // not without a figure before, nor the total of other people
            (
                "Tổng số dự kiến sẽ lên tới 10.000 người vào tháng 12.",
                &[][..],
            ),
            (
                "Khoảng 3.000 binh sĩ đã tới Nga, trong khi tổng số người dân sơ tán là 10.000 người.",
                &[(3000, TroopStatus::Deployed)][..],
            ),
        ] {
            let got: Vec<_> = figures("2024-10-24", text)
                .iter()
                .map(|f| (f.count, f.status))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_bare_number_after_a_count_of_troops_is_a_figure() {
        let summary = |text: &str| -> Vec<String> {
            figures("2025-03-10", text)
                .iter()
                .map(|f| {
                    format!(
                        "{} {:?} {} {:?} {}",
                        f.count,
                        f.qualifier,
                        f.unit.to_lowercase(),
                        f.status,
                        f.sender.as_deref().unwrap_or("-")
                    )
                })
                .collect()
        };
        let rows: &[(&str, &[&str])] = &[
            (
                "Số binh sĩ Triều Tiên thiệt mạng ước tính khoảng 4.000.",
                &["4000 Approximately binh sĩ Killed KP"],
            ),
            (
                "Quân số Triều Tiên tại Nga hiện vào khoảng 11.000.",
                &["11000 Approximately quân Unknown KP"],
            ),
            // … or a range
            (
                "Quân số Triều Tiên tại Nga ước tính 11.000-12.000.",
                &["11000 Range quân Unknown KP"],
            ),
            (
                "Số lượng binh sĩ Nga ở Kursk là 50.000 vào tháng 1.",
                &["50000 Exact binh sĩ Unknown RU"],
            ),
            // not a share, a number of something else, or a year
            ("Số binh sĩ Nga tăng 20% so với năm ngoái.", &[]),
            ("Số quân này cần 300 xe tải để di chuyển.", &[]),
            ("Số binh sĩ năm 2024 giảm mạnh.", &[]),
            // … nor a duration: the time word alone is its unit
            (
                "Đơn vị của anh đã mất gần một nửa quân số chỉ sau 3 ngày.",
                &[],
            ),
            (
                "Số quân Nga ở Kursk là 50.000 ngày 23/10.",
                &["50000 Exact quân Unknown RU"],
            ),
        ];
        for (text, want) in rows {
            assert_eq!(summary(text), *want, "{text}");
        }
    }

    #[test]
    fn people_are_soldiers_when_the_sentence_says_so_and_they_are_lost() {
        let f = figures(
            "2025-03-10",
            "Ông Zelensky cho biết khoảng 4.000 binh sĩ Triều Tiên đã thương vong, trong đó có 300 người chết và 2 người bị bắt.",
        );
        let got: Vec<_> = f.iter().map(|f| (f.count, f.status)).collect();
        assert_eq!(
            got,
            [
                (4000, TroopStatus::Casualties),
                (300, TroopStatus::Killed),
                (2, TroopStatus::Captured)
            ]
        );
        // killed or wounded: casualties; killed, then wounded: two figures
        for (text, want) in [
            (
                "Gần 4.000 lính Triều Tiên đã thiệt mạng hoặc bị thương.",
                TroopStatus::Casualties,
            ),
            (
                "Khoảng 1.000 binh sĩ bị thương hay tử trận.",
                TroopStatus::Casualties,
            ),
            (
                "Khoảng 3.000 binh sĩ chết và bị thương trong tháng 1.",
                TroopStatus::Casualties,
            ),
            (
                "Khoảng 300 binh sĩ thiệt mạng và bị bắt.",
                TroopStatus::Killed,
            ),
        ] {
            let got: Vec<_> = figures("2025-03-10", text)
                .iter()
                .map(|f| f.status)
                .collect();
            assert_eq!(got, [want], "{text}");
        }
        // a troop figure before them, with no soldier noun, makes the
        // people lost soldiers too; people lost with no soldiers before
        // them are not
        for (text, want) in [
            (
                "Bình Nhưỡng đã gửi khoảng 15.000 quân tới Nga, trong đó khoảng 4.700 người thương vong, gồm khoảng 600 người thiệt mạng.",
                &[
                    (15000, TroopStatus::Deployed),
                    (4700, TroopStatus::Casualties),
                    (600, TroopStatus::Killed),
                ][..],
            ),
            // an adverb between the people and their loss; each figure
            // of a pair takes the verb after it, not the previous one's
            (
                "Trong số khoảng 11.000 binh sĩ Triều Tiên được điều sang Nga, khoảng 4.700 người đã thương vong.",
                &[
                    (11000, TroopStatus::Deployed),
                    (4700, TroopStatus::Casualties),
                ][..],
            ),
            (
                "Binh sĩ Triều Tiên chịu tổn thất nặng, 300 người đã chết và 2.700 người đã bị thương.",
                &[(300, TroopStatus::Killed), (2700, TroopStatus::Wounded)][..],
            ),
            // … and a verb of loss done to them, before them
            (
                "Ukraine cho biết đã tiêu diệt khoảng 30 lính Triều Tiên và làm bị thương 40 người khác.",
                &[(30, TroopStatus::Killed), (40, TroopStatus::Wounded)][..],
            ),
            (
                "Vụ không kích làm bị thương 40 người ở Kharkiv.",
                &[][..],
            ),
            // `người khác` (others)
            (
                "Ít nhất 100 lính Triều Tiên đã thiệt mạng và khoảng 1.000 người khác bị thương.",
                &[(100, TroopStatus::Killed), (1000, TroopStatus::Wounded)][..],
            ),
            // another estimate of the losses of the troops counted before
            // in the paragraph; not people lost in a sentence that gives no
            // estimate, nor an estimate with no troops before it
            (
                "Khoảng 3.000 lính Triều Tiên đã thiệt mạng hoặc bị thương. Tình báo Hàn Quốc đưa ra con số thấp hơn, với khoảng 300 người chết và 2.700 người bị thương.",
                &[
                    (3000, TroopStatus::Casualties),
                    (300, TroopStatus::Killed),
                    (2700, TroopStatus::Wounded),
                ][..],
            ),
            (
                "Nga đã triển khai 50.000 quân tới Kursk. Vụ pháo kích khiến 5 người chết ở Belgorod.",
                &[(50000, TroopStatus::Deployed)][..],
            ),
            (
                "Giới chức ước tính khoảng 600 người thiệt mạng trong trận động đất.",
                &[][..],
            ),
            (
                "Trận động đất khiến khoảng 600 người thiệt mạng ở miền nam.",
                &[][..],
            ),
            (
                "Trận động đất khiến khoảng 600 người đã thiệt mạng ở miền nam.",
                &[][..],
            ),
            // an army that loses people
            (
                "Từ ngày 15 đến 20/12, quân đội Triều Tiên đã mất khoảng 1.000 người.",
                &[(1000, TroopStatus::Casualties)][..],
            ),
            // … not a town, nor an army that loses something else
            (
                "Thị trấn này đã mất khoảng 1.000 người vì dịch bệnh.",
                &[][..],
            ),
            (
                "Quân đội Nga mất 3 ngày để đưa 1.000 người dân ra khỏi vùng chiến sự.",
                &[][..],
            ),
            // an army named by `quân` and its country, or `quân đội`
            (
                "Ông Zelensky nói số thương vong của quân Triều Tiên lên tới 3.800 người.",
                &[(3800, TroopStatus::Casualties)][..],
            ),
            (
                "Tổn thất của quân đội Nga trong tuần qua là khoảng 9.000 người.",
                &[(9000, TroopStatus::Casualties)][..],
            ),
            // casualties as the noun, of an army or of soldiers named
            (
                "Quân đội Nga chịu khoảng 1.500 thương vong mỗi ngày.",
                &[(1500, TroopStatus::Casualties)][..],
            ),
            (
                "Binh sĩ Triều Tiên đã được điều tới Kursk và chịu hơn 4.000 thương vong.",
                &[(4000, TroopStatus::Casualties)][..],
            ),
            // … not of a disaster, nor civilian ones
            ("Trận động đất gây 300 thương vong.", &[][..]),
            (
                "Cuộc tấn công của quân Nga gây ra 50 thương vong dân sự.",
                &[][..],
            ),
            // forces of a country, or armed forces, are an army too; rescue
            // forces and the authorities are not
            (
                "Lực lượng Triều Tiên đã chịu khoảng 4.000 thương vong kể từ khi tham chiến.",
                &[(4000, TroopStatus::Casualties)][..],
            ),
            (
                "Các lực lượng vũ trang của Ukraine mất khoảng 2.000 người trong tháng qua.",
                &[(2000, TroopStatus::Casualties)][..],
            ),
            (
                "Lực lượng cứu hộ cho biết vụ sập nhà gây 30 thương vong.",
                &[][..],
            ),
            (
                "Lực lượng chức năng xác nhận vụ cháy làm 12 người thiệt mạng.",
                &[][..],
            ),
            // … not `quân sự` (military) nor `hành quân` (to march)
            (
                "Cuộc tấn công quân sự gây thương vong cho hơn 300 người.",
                &[][..],
            ),
            (
                "Sau cuộc hành quân Bắc tiến, thương vong lên tới 3.800 người.",
                &[][..],
            ),
        ] {
            let got: Vec<_> = figures("2025-04-29", text)
                .iter()
                .map(|f| (f.count, f.status))
                .collect();
            assert_eq!(got, want, "{text}");
        }
        let f = figures(
            "2025-03-10",
            "Nga mất khoảng 1.250 binh sĩ trong 24 giờ qua, nâng tổng số thương vong lên hơn 890.000 người.",
        );
        let got: Vec<_> = f.iter().map(|f| (f.count, f.qualifier)).collect();
        assert_eq!(
            got,
            [
                (1250, Qualifier::Approximately),
                (890000, Qualifier::MoreThan)
            ]
        );
    }

    #[test]
    fn examples() {
        for (text, count, q, sender, dest, loc) in EXAMPLES {
            let f = figures("2025-11-08", text);
            assert_eq!(f.len(), 1, "{text}: {f:#?}");
            let f = &f[0];
            assert_eq!(f.count, *count, "{text}");
            assert_eq!(f.qualifier, *q, "{text}");
            assert_eq!(f.sender.as_deref(), *sender, "sender: {text}");
            assert_eq!(f.destination.as_deref(), *dest, "destination: {text}");
            assert_eq!(f.location.as_deref(), *loc, "location: {text}");
        }
    }

    #[test]
    fn status_words_of_another_number_do_not_count() {
        let f = figures(
            "2025-02-24",
            "Anh ước tính Nga có khoảng 700.000 quân ở Ukraine và đã chịu hơn 800.000 thương vong.",
        );
        // `có … ở` (there are … in): present, not the casualties that
        // belong to the other number, itself a figure of casualties
        let got: Vec<_> = f.iter().map(|f| (f.count, f.status)).collect();
        assert_eq!(
            got,
            [
                (700000, TroopStatus::Present),
                (800000, TroopStatus::Casualties)
            ]
        );
        // … nor the verb right before the next number (past its
        // qualifiers), which is that number's, nor the place said after it
        // when `và` joins two clauses
        let f = figures(
            "2025-04-11",
            "Ông ước tính Triều Tiên có khoảng 1,2 triệu quân thường trực, và quân đội nước này đã mất khoảng 4.000 binh sĩ ở Kursk.",
        );
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.count, f.status, f.location.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (1_200_000, TroopStatus::Present, None),
                (4000, TroopStatus::Casualties, Some("Kursk"))
            ]
        );
        // … nor the loss of a part of them (`1/3 trong số`, `một nửa trong
        // số`): the whole keeps no status of its own
        for text in [
            "Khoảng 1/3 trong số 11.000 binh sĩ Triều Tiên đã thương vong.",
            "Một nửa trong số 12.000 lính Triều Tiên đã thiệt mạng.",
        ] {
            assert_eq!(
                statuses_in("2025-04-11", text),
                [TroopStatus::Unknown],
                "{text}"
            );
        }
        // (figures joined by `và` with no verb between still share both)
        let f = figures(
            "2025-04-11",
            "Nga điều 1.000 công binh và 5.000 lính tới Kursk.",
        );
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.status, f.location.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (TroopStatus::Deployed, Some("Kursk")),
                (TroopStatus::Deployed, Some("Kursk"))
            ]
        );
    }

    #[test]
    fn each_figure_keeps_its_own_location() {
        let f = figures(
            "2025-04-02",
            "Trung Quốc duy trì khoảng 2 triệu quân thường trực, trong đó hàng chục nghìn binh sĩ đóng tại tỉnh Phúc Kiến.",
        );
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(f[0].location, None);
        assert_eq!(f[1].location.as_deref(), Some("Phúc Kiến"));
    }

    #[test]
    fn a_location_said_before_the_figure() {
        let located = |text: &str| -> Vec<Option<String>> {
            figures("2025-02-24", text)
                .into_iter()
                .map(|f| f.location)
                .collect()
        };
        assert_eq!(
            located("Tại Kursk, khoảng 11.000 lính Triều Tiên vẫn chiến đấu."),
            [Some("Kursk".to_string())]
        );
        assert_eq!(
            located("Tại vùng Kursk, 100 binh sĩ thiệt mạng và 1.000 người bị thương."),
            [Some("Kursk".to_string()), Some("Kursk".to_string())]
        );
        // where the speaker was is not where the troops are
        assert_eq!(
            located("Phát biểu tại Seoul, ông Cho cho biết 3.000 binh sĩ đã được gửi đi."),
            [None]
        );
        // the place of the figure before is its own
        assert_eq!(
            located("Nga có 500 binh sĩ ở Kursk, còn 300 binh sĩ khác chờ lệnh."),
            [Some("Kursk".to_string()), None]
        );
    }

    #[test]
    fn where_captives_are_held_is_no_destination() {
        let found = |text: &str| -> Vec<(TroopStatus, Option<String>, Option<String>)> {
            figures("2025-01-15", text)
                .into_iter()
                .map(|f| (f.status, f.location, f.destination))
                .collect()
        };
        assert_eq!(
            found("Hai binh sĩ Triều Tiên bị bắt hôm 9/1 đang được thẩm vấn tại Kiev."),
            [(TroopStatus::Captured, Some("Kiev".to_string()), None)]
        );
        // … but where they were taken still is (they were sent there)
        assert_eq!(
            found("Ukraine bắt sống hai binh sĩ Triều Tiên tại Kursk."),
            [(
                TroopStatus::Captured,
                Some("Kursk".to_string()),
                Some("RU".to_string())
            )]
        );
        // troops that are not captives go where they are
        assert_eq!(
            found("Hai binh sĩ Triều Tiên đang được huấn luyện tại Kursk."),
            [(
                TroopStatus::Present,
                Some("Kursk".to_string()),
                Some("RU".to_string())
            )]
        );
    }

    #[test]
    fn a_passive_sending_after_truoc_khi_says_where_they_go() {
        let found = |text: &str| -> Vec<Option<String>> {
            figures("2025-01-15", text)
                .into_iter()
                .map(|f| f.destination)
                .collect()
        };
        let ru = || vec![Some("RU".to_string())];
        assert_eq!(
            found("Hàng nghìn binh sĩ có thể đang được huấn luyện tại Triều Tiên trước khi được điều sang Nga."),
            ru()
        );
        assert_eq!(
            found("Khoảng 3.000 lính Triều Tiên được huấn luyện ở Triều Tiên trước khi được triển khai tới tỉnh Kursk."),
            ru()
        );
        // a clause with a subject of its own sends no one of the figure
        assert_eq!(
            found("Hàng nghìn binh sĩ đang được huấn luyện tại Triều Tiên trước khi Nga điều quân sang Ukraine."),
            vec![Some("KP".to_string())]
        );
    }

    #[test]
    fn troops_moving_toward_a_place_go_there() {
        let found = |text: &str| -> Vec<(Option<String>, Option<String>)> {
            figures("2024-11-05", text)
                .into_iter()
                .map(|f| (f.destination, f.location))
                .collect()
        };
        assert_eq!(
            found("Khoảng 3.000 binh sĩ Triều Tiên đang di chuyển về phía tây nước Nga."),
            [(Some("RU".to_string()), None)]
        );
        assert_eq!(
            found("Khoảng 2.000 lính Triều Tiên đang tiến về Kursk."),
            [(Some("RU".to_string()), Some("Kursk".to_string()))]
        );
        // `về` alone is "about", not "toward"
        assert_eq!(
            found("Khoảng 3.000 binh sĩ Triều Tiên được cung cấp thông tin về Nga."),
            [(None, None)]
        );
    }

    #[test]
    fn a_count_of_troops_says_where_they_are() {
        let found = |text: &str| -> Vec<(u64, Option<String>, Option<String>)> {
            figures("2024-11-20", text)
                .into_iter()
                .map(|f| (f.count, f.sender, f.destination))
                .collect()
        };
        let kp_in_ru = |n: u64| (n, Some("KP".to_string()), Some("RU".to_string()));
        // the country the counted troops are in is where they were sent
        assert_eq!(
            found("Số binh sĩ Triều Tiên tại Nga đã lên tới khoảng 11.000 người."),
            [kp_in_ru(11000)]
        );
        assert_eq!(
            found("Ông Zelensky nói số quân Triều Tiên ở Nga có thể tăng lên 12.000 người."),
            [kp_in_ru(12000)]
        );
        // `số lượng` (the number of) counts troops too
        assert_eq!(
            found("Số lượng quân Triều Tiên ở Nga hiện vào khoảng 10.000 người."),
            [kp_in_ru(10000)]
        );
        // a country after `tại` with no count of troops before it is where
        // someone spoke, not where the troops are
        assert_eq!(
            found("Phát biểu tại Hàn Quốc, ông Austin cho biết Triều Tiên có 1.000 binh sĩ."),
            [(1000, Some("KP".to_string()), None)]
        );
    }

    #[test]
    fn figures_joined_by_va_share_the_verb_before_them() {
        let statuses = |text: &str| statuses_in("2025-06-20", text);
        assert_eq!(
            statuses("Triều Tiên sẽ cử 1.000 công binh rà phá bom mìn và 5.000 lính xây dựng quân sự tới tỉnh Kursk."),
            [TroopStatus::Planned, TroopStatus::Planned]
        );
        // being there is planned too when a plan says so, not when it is
        // a guess or a present tense
        assert_eq!(
            statuses("Khoảng 19.000 binh sĩ Hàn Quốc sẽ tham gia cuộc tập trận kéo dài 11 ngày."),
            [TroopStatus::Planned]
        );
        assert_eq!(
            statuses("Khoảng 8.000 binh sĩ Triều Tiên có thể tham chiến trong vài ngày tới."),
            [TroopStatus::Present]
        );
        assert_eq!(
            statuses("Khoảng 8.000 binh sĩ Triều Tiên sẽ vẫn đang đóng quân ở Kursk."),
            [TroopStatus::Present]
        );
        // a figure with a verb of its own keeps it
        assert_eq!(
            statuses("Khoảng 100 binh sĩ thiệt mạng và 1.000 người bị thương."),
            [TroopStatus::Killed, TroopStatus::Wounded]
        );
        // a number of something else between the verb and the figure
        assert_eq!(
            statuses("Ông Shoigu nói rằng Triều Tiên sẽ gửi 1.000 tấn lương thực và 5.000 lính xây dựng quân sự."),
            [TroopStatus::Planned]
        );
        // … or `cũng như` (as well as), after a comma
        assert_eq!(
            statuses("Triều Tiên sẽ gửi 1.000 tấn gạo, cũng như 5.000 binh sĩ tới Nga."),
            [TroopStatus::Planned]
        );
        // (a comma alone ends the verb's reach)
        assert_eq!(
            statuses("Triều Tiên sẽ gửi 1.000 tấn gạo, 5.000 binh sĩ khác chờ lệnh."),
            [TroopStatus::Unknown]
        );
        assert_eq!(
            statuses("Nga đã điều 200 xe tăng và 3.000 binh sĩ tới biên giới."),
            [TroopStatus::Deployed]
        );
        // … but not across a comma
        assert_eq!(
            statuses("Nga đã điều 200 xe tăng, 3.000 binh sĩ khác chưa rõ."),
            [TroopStatus::Unknown]
        );
        // a part of the figure before it shares its status, unless it has
        // one of its own
        assert_eq!(
            statuses("Từ tháng 8/2024 đến nay, Nga đã mất hơn 60.000 quân ở Kursk, trong đó có khoảng 4.000 binh sĩ Triều Tiên."),
            [TroopStatus::Casualties, TroopStatus::Casualties]
        );
        assert_eq!(
            statuses("Nga đã mất 10.000 quân, trong đó 3.000 binh sĩ bị bắt."),
            [TroopStatus::Casualties, TroopStatus::Captured]
        );
        // not joined: the second figure has no verb
        assert_eq!(
            statuses("Nga gửi 1.000 binh sĩ. Còn 500 lính ở lại biên giới."),
            [TroopStatus::Deployed, TroopStatus::Unknown]
        );
        // a figure that restates the number before it takes its verb
        assert_eq!(
            statuses(
                "Triều Tiên đã điều thêm 2 lữ đoàn, tương đương khoảng 5.000 quân, tới Kursk."
            ),
            [TroopStatus::Deployed]
        );
        assert_eq!(
            statuses("Bình Nhưỡng sẽ gửi 3 sư đoàn, tức khoảng 30.000 binh sĩ, sang Nga."),
            [TroopStatus::Planned]
        );
        assert_eq!(
            statuses("Triều Tiên đã quyết định gửi tổng cộng 4 lữ đoàn với khoảng 12.000 quân tới hỗ trợ Nga."),
            [TroopStatus::Deployed]
        );
        // … not a number far before it
        assert_eq!(
            statuses("Nga đã điều 200 xe tăng tới biên giới phía tây trong nhiều tháng qua để tập trận, trong khi con số tương đương 3.000 binh sĩ chưa rõ."),
            [TroopStatus::Unknown]
        );
    }

    #[test]
    fn words_that_begin_with_a_status_verb_are_none() {
        let status = |text: &str| statuses_in("2024-12-20", text);
        // (text, statuses): `đưa tin` (to report) is no `đưa` (to send),
        // `điều tra` (to investigate) no `điều`
        let rows: &[(&str, &[TroopStatus])] = &[
            (
                "Truyền thông Nga đưa tin 500 lính Ukraine đã đầu hàng ở Kursk.",
                &[TroopStatus::Captured],
            ),
            (
                "Cảnh sát đang điều tra 30 binh sĩ.",
                &[TroopStatus::Unknown],
            ),
            // … while the verbs themselves still count
            (
                "Bình Nhưỡng đã đưa 3.000 quân tới Nga.",
                &[TroopStatus::Deployed],
            ),
            (
                "Nga điều 5.000 binh sĩ tới biên giới.",
                &[TroopStatus::Deployed],
            ),
        ];
        for (text, want) in rows {
            assert_eq!(status(text), *want, "{text}");
        }
    }

    #[test]
    fn where_troops_went_with_and_the_country_that_has_them() {
        let places = |text: &str| -> Vec<(Option<String>, Option<String>, Option<String>)> {
            figures("2024-12-20", text)
                .into_iter()
                .map(|f| (f.sender, f.destination, f.location))
                .collect()
        };
        let row = |s: &str, d: Option<&str>, l: Option<&str>| {
            (
                Some(s.to_string()),
                d.map(String::from),
                l.map(String::from),
            )
        };
        // (text, (sender, destination, location) of each figure)
        let table: Vec<(&str, Vec<_>)> = vec![
            // the place right before `với` and the figure, after a verb of
            // going: where the troops went
            (
                "Ukraine tiến vào Kursk với vài nghìn quân hồi tháng 8.",
                vec![row("UA", Some("RU"), Some("Kursk"))],
            ),
            // … not a place after `với` for something else
            (
                "Ukraine tiến vào Kursk, với sự hỗ trợ của phương Tây, và mất 500 binh sĩ.",
                vec![row("UA", None, None)],
            ),
            // the country that has another's troops is their destination
            (
                "Hàn Quốc có 28.500 lính Mỹ đồn trú.",
                vec![row("US", Some("KR"), None)],
            ),
            // … and its own are no one's destination
            (
                "Trung Quốc có khoảng 2 triệu quân thường trực.",
                vec![row("CN", None, None)],
            ),
        ];
        for (text, want) in table {
            assert_eq!(places(text), want, "{text}");
        }
    }

    #[test]
    fn the_number_that_names_a_formation_does_not_end_a_figure() {
        let statuses = |text: &str| -> Vec<(u64, TroopStatus)> {
            figures("2024-10-18", text)
                .iter()
                .map(|f| (f.count, f.status))
                .collect()
        };
        // (text, figures): `Sư đoàn 98`, `Hạm đội 7` are names, not numbers
        // that end the figure's clause before its verb
        let rows: &[(&str, &[(u64, TroopStatus)])] = &[
            (
                "Khoảng 1.500 binh sĩ thuộc Sư đoàn 98 đã được điều lên biên giới phía bắc.",
                &[(1500, TroopStatus::Deployed)],
            ),
            (
                "Khoảng 2.000 thủy thủ của Hạm đội 7 đã được triển khai tới Biển Đông.",
                &[(2000, TroopStatus::Deployed)],
            ),
            (
                "Hơn 300 binh sĩ thuộc Lữ đoàn 155 đã thiệt mạng tại Pokrovsk.",
                &[(300, TroopStatus::Killed)],
            ),
            // a count before a formation noun is a count: the figure after
            // it stays a figure of its own
            (
                "Triều Tiên đã điều thêm 2 lữ đoàn, tương đương khoảng 5.000 quân, tới Kursk.",
                &[(5000, TroopStatus::Deployed)],
            ),
        ];
        for (text, want) in rows {
            assert_eq!(statuses(text), *want, "{text}");
        }
    }

    #[test]
    fn a_country_said_by_nuoc_nay_is_the_last_named_before() {
        let senders = |text: &str| -> Vec<Option<String>> {
            figures("2024-12-20", text)
                .into_iter()
                .map(|f| f.sender)
                .collect()
        };
        let kp = || Some("KP".to_string());
        assert_eq!(
            senders("Triều Tiên chưa xác nhận thông tin. Nước này được cho là đã gửi khoảng 11.000 quân sang Nga."),
            [kp()]
        );
        // the destination is not the country meant
        assert_eq!(
            senders("Triều Tiên và Nga ký hiệp ước. Quốc gia này đã điều 3.000 binh sĩ sang Nga."),
            [kp()]
        );
        // no anaphor: no sender is guessed from an earlier sentence
        assert_eq!(
            senders("Triều Tiên chưa xác nhận thông tin. Khoảng 11.000 quân đã tới Nga."),
            [None]
        );
        // … but a sentence naming no country counts the soldiers the
        // paragraph named last with their country
        assert_eq!(
            senders("Theo NIS, các binh sĩ Triều Tiên không hiểu chiến thuật. Ông Lee cho biết số binh sĩ thương vong đã vượt quá 1.100 người."),
            [kp()]
        );
        assert_eq!(
            senders(
                "Quân Nga và lính của Triều Tiên cùng tấn công. Khoảng 200 binh sĩ đã thiệt mạng."
            ),
            [kp()]
        );
        // (not across paragraphs, nor where the sentence names a country)
        assert_eq!(
            senders("Các binh sĩ Triều Tiên được huấn luyện.\n\nKhoảng 200 binh sĩ đã thiệt mạng."),
            [None]
        );
        assert_eq!(
            senders("Các binh sĩ Triều Tiên được huấn luyện. Ukraine mất khoảng 200 binh sĩ."),
            [Some("UA".to_string())]
        );
    }

    #[test]
    fn the_country_troops_leave_is_not_their_sender() {
        for (text, want) in [
            ("Mỹ rút 4.500 binh sĩ khỏi Hàn Quốc.", "US"),
            ("Mỹ dự kiến rút 2 nghìn binh sĩ khỏi Syria.", "US"),
        ] {
            let f = figures("2025-01-20", text);
            assert_eq!(f[0].sender.as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn more_of_the_same_troops_and_each_figures_date() {
        // `và thêm N người`: more of the troops counted before, sent by the
        // same country to the same place, at the date said with them
        let f = figures(
            "2025-06-01",
            "Khoảng 11.000 binh sĩ Triều Tiên được triển khai tới Nga vào cuối năm 2024, và thêm khoảng 3.000 người vào đầu năm 2025.",
        );
        let got: Vec<_> = f
            .iter()
            .map(|f| {
                (
                    f.count,
                    f.status,
                    f.sender.as_deref(),
                    f.destination.as_deref(),
                    f.date.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    11000,
                    TroopStatus::Deployed,
                    Some("KP"),
                    Some("RU"),
                    Some("2024")
                ),
                (
                    3000,
                    TroopStatus::Deployed,
                    Some("KP"),
                    Some("RU"),
                    Some("2025")
                ),
            ]
        );
        // … but not more people of another kind, nor `thêm` far before
        for text in [
            "Khoảng 11.000 binh sĩ Triều Tiên đã tới Nga, và thêm 3.000 người dân sơ tán khỏi Kursk.",
            "Thêm vào đó, khoảng 11.000 binh sĩ Triều Tiên đã tới Nga và hàng không đã chở 3.000 người.",
        ] {
            assert_eq!(counts_in("2025-06-01", text), [11000], "{text}");
        }
        // a later figure with no date of its own takes the sentence's
        let f = figures(
            "2025-06-01",
            "Ngày 8/5, Nga điều 1.000 quân tới Kursk và Triều Tiên điều 2.000 quân.",
        );
        let dates: Vec<_> = f.iter().map(|f| f.date.as_deref()).collect();
        assert_eq!(dates, [Some("2025-05-08"), Some("2025-05-08")]);
    }

    #[test]
    fn people_present_in_a_paragraph_of_troops() {
        // bare `N người` with a verb of presence, after a troop figure in
        // the paragraph: those troops, reported (not sent) by the body
        let f = figures(
            "2024-12-03",
            "Khoảng 10.000 quân Triều Tiên đã được đưa tới Nga. Lầu Năm Góc ngày 4/11 cho biết ít nhất 8.000 người đã có mặt ở Kursk.",
        );
        let got: Vec<_> = f
            .iter()
            .map(|f| {
                (
                    f.count,
                    f.status,
                    f.sender.as_deref(),
                    f.claimed_by.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (10000, TroopStatus::Deployed, Some("KP"), None),
                (8000, TroopStatus::Present, Some("KP"), Some("Lầu Năm Góc")),
            ]
        );
        // no troops before: people at a square are no figure
        assert_eq!(
            counts_in(
                "",
                "Khoảng 8.000 người đã có mặt ở quảng trường để xem diễu binh."
            ),
            Vec::<u64>::new()
        );
        // a body that acts is still the sender of what it sends
        let f = figures(
            "",
            "Lầu Năm Góc cho biết sẽ điều thêm 1.500 lính tới Ba Lan.",
        );
        assert_eq!(f[0].sender.as_deref(), Some("US"));
    }

    #[test]
    fn troops_received_arrived_and_what_the_noun_says_outweighs_it() {
        for (text, want) in [
            (
                "Nga đã tiếp nhận thêm 2.000 lính Triều Tiên.",
                TroopStatus::Deployed,
            ),
            (
                "Năm ngoái, Nga nhận được khoảng 15.000 binh sĩ.",
                TroopStatus::Deployed,
            ),
            (
                "Nga sẽ tiếp nhận 6.000 công binh Triều Tiên.",
                TroopStatus::Planned,
            ),
            // wounded, prisoners: the noun says what happened to them
            (
                "Bệnh viện tiếp nhận 500 thương binh Nga.",
                TroopStatus::Wounded,
            ),
            ("Hai tù binh đã được đưa tới Kiev.", TroopStatus::Captured),
        ] {
            assert_eq!(statuses_in("2025-06-18", text), [want], "{text}");
        }
    }

    #[test]
    fn a_part_of_what_was_counted_is_no_presence() {
        // `có N` (there are) is present; `trong đó có N` a part
        assert_eq!(
            statuses_in("", "Hiện có khoảng 11.000 binh sĩ Triều Tiên ở Nga."),
            [TroopStatus::Present]
        );
        assert_eq!(
            statuses_in(
                "",
                "Nga và Ukraine trao đổi 1.200 tù nhân, trong đó có 390 binh sĩ."
            ),
            [TroopStatus::Captured]
        );
        assert_eq!(
            statuses_in("", "Đoàn gồm 300 người, trong đó có 20 sĩ quan."),
            [TroopStatus::Unknown]
        );
    }

    #[test]
    fn military_experts_are_personnel_other_experts_are_not() {
        assert_eq!(
            counts_in(
                "2025-06-18",
                "Triều Tiên sẽ cử 1.000 chuyên gia rà phá bom mìn và 5.000 công nhân xây dựng quân sự tới Kursk."
            ),
            [1000, 5000]
        );
        assert_eq!(
            counts_in("", "Nga gửi 200 chuyên gia quân sự tới Bình Nhưỡng."),
            [200]
        );
        assert_eq!(
            counts_in("", "Hơn 300 chuyên gia y tế đã tới Bình Nhưỡng."),
            Vec::<u64>::new()
        );
    }

    #[test]
    fn a_captor_partner_or_enemy_is_not_the_sender() {
        for (text, want) in [
            // the captor, and the party that questions or exchanges them
            ("Lực lượng Ukraine đã bắt sống 2 binh sĩ ở Kursk.", None),
            ("Tại Seoul, Cơ quan Tình báo Quốc gia cho biết sẵn sàng phối hợp với Kiev để thẩm vấn hai tù binh.", None),
            ("Nga và Ukraine hôm qua trao đổi 95 tù binh.", None),
            // the partner after `với`, the enemy after `tấn công`
            ("Mỹ cam kết với Ukraine sẽ gửi 3.000 binh sĩ.", Some("US")),
            ("Nga tấn công Ukraine bằng khoảng 5.000 quân.", Some("RU")),
            // whose they are is still said after the noun
            ("Ukraine bắt sống hai binh sĩ Triều Tiên.", Some("KP")),
            // `bắt đầu` (to begin) holds no one
            ("Triều Tiên bắt đầu điều 3.000 quân sang Nga.", Some("KP")),
            // where they work, and whose ship carries them, say not whose
            // they are
            ("Họ rà phá bom mìn trên lãnh thổ Nga, cũng như 5.000 binh sĩ khác.", None),
            ("Binh sĩ được chở tới bằng tàu hải quân Nga, và 12.000 người sẽ được triển khai.", None),
            ("Nga, bằng mọi giá, sẽ điều 12.000 quân.", Some("RU")),
            // the country that gives a figure claims it
            ("Tình báo Hàn Quốc đưa ra con số thấp hơn, với khoảng 300 lính thiệt mạng.", None),
            ("Hàn Quốc công bố số liệu mới: Triều Tiên có 3.000 lính thiệt mạng.", Some("KP")),
            // two countries acting together are no one sender; a source
            // before the country is no second one
            ("Quân đội Mỹ và Hàn Quốc tập trận với khoảng 21.000 binh sĩ.", None),
            ("Liên Xô và Trung Quốc từng gửi hàng trăm nghìn quân tới Bình Nhưỡng.", None),
            ("Theo Hàn Quốc, Triều Tiên đã gửi khoảng 15.000 binh sĩ tới Nga.", Some("KP")),
        ] {
            let f = figures("2025-01-20", text);
            assert_eq!(f[0].sender.as_deref(), want, "{text}");
        }
        // foreign soldiers are of no one country
        let f = figures(
            "2025-05-10",
            "Khoảng 11.500 quân nhân Nga và 1.500 binh sĩ nước ngoài tham gia diễu hành.",
        );
        let senders: Vec<_> = f.iter().map(|f| f.sender.as_deref()).collect();
        assert_eq!(senders, [Some("RU"), None]);
    }

    #[test]
    fn the_same_count_and_status_again_is_the_same_troops() {
        let senders = |text: &str| -> Vec<Option<String>> {
            figures("2025-01-12", text)
                .into_iter()
                .map(|f| f.sender)
                .collect()
        };
        let kp = || Some("KP".to_string());
        assert_eq!(
            senders("Ukraine bắt sống hai lính Triều Tiên ở Kursk. Ông Zelensky đăng video thẩm vấn hai tù binh."),
            [kp(), kp()]
        );
        // another count, or the same count with another status, is not them
        assert_eq!(
            senders("Ukraine bắt sống hai lính Triều Tiên ở Kursk. Ông Zelensky cho biết ba tù binh khác đang được thẩm vấn."),
            [kp(), None]
        );
        assert_eq!(
            senders("Triều Tiên đã điều 2.000 binh sĩ tới Nga. Khoảng 2.000 người đã thiệt mạng trong trận động đất."),
            [kp()]
        );
    }

    #[test]
    fn there_are_troops_is_present() {
        let statuses = |text: &str| statuses_in("2024-12-20", text);
        assert_eq!(
            statuses("Lầu Năm Góc ước tính có từ 10.000 đến 12.000 binh sĩ Triều Tiên ở Nga."),
            [TroopStatus::Present]
        );
        // figures joined by `và` share the verb after the last one, when
        // only a country stands between them
        assert_eq!(
            statuses("Khoảng 11.500 quân nhân Nga và 1.500 binh sĩ nước ngoài tham gia diễu hành."),
            [TroopStatus::Present, TroopStatus::Present]
        );
        assert_eq!(
            statuses("Khoảng 5.000 quân tới Kursk và 1.000 binh sĩ đã thiệt mạng."),
            [TroopStatus::Unknown, TroopStatus::Killed]
        );
        // prisoners of war are captured, unless a verb says otherwise
        assert_eq!(
            statuses("Kiev đề nghị trao hai tù binh Triều Tiên cho Seoul."),
            [TroopStatus::Captured]
        );
        assert_eq!(
            statuses("Nga cho biết 150 tù binh đã trở về."),
            [TroopStatus::Withdrawn]
        );
        // `có thể` is a hedge, not `there are`; a verb after wins
        assert_eq!(
            statuses("Ukraine cho rằng có 500 lính Triều Tiên đã thiệt mạng."),
            [TroopStatus::Killed]
        );
        assert_eq!(
            statuses("Con số 500 lính được nêu trong báo cáo."),
            [TroopStatus::Unknown]
        );
    }

    #[test]
    fn figures_joined_by_va_share_the_place_said_after_them() {
        let f = figures(
            "2024-12-20",
            "NIS cho biết ít nhất 100 binh sĩ Triều Tiên đã thiệt mạng và gần 1.000 người bị thương trong các cuộc giao tranh tại tỉnh Kursk.",
        );
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.count, f.location.as_deref(), f.destination.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (100, Some("Kursk"), Some("RU")),
                (1000, Some("Kursk"), Some("RU"))
            ]
        );
    }

    #[test]
    fn a_qualified_range_keeps_its_qualifier_word_and_both_ends() {
        let f = figures(
            "2024-12-16",
            "Bình Nhưỡng đã điều khoảng 11.000 đến 12.000 quân tới Nga.",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].text, "khoảng 11.000 đến 12.000 quân");
        assert_eq!((f[0].count, f[0].count_max), (11000, Some(12000)));
    }

    #[test]
    fn status_attribution_and_date() {
        let table: &[(&str, TroopStatus)] = &[
            (
                "Triều Tiên đã gửi 10.000 binh sĩ sang Nga.",
                TroopStatus::Deployed,
            ),
            (
                "Khoảng 8.000 binh sĩ đang ở khu vực Kursk.",
                TroopStatus::Present,
            ),
            (
                "Khoảng 3.000 binh sĩ Triều Tiên đang được huấn luyện tại Nga.",
                TroopStatus::Present,
            ),
            (
                "Khoảng 300 binh sĩ Triều Tiên đã thiệt mạng.",
                TroopStatus::Killed,
            ),
            ("Hơn 2.700 binh sĩ bị thương.", TroopStatus::Wounded),
            (
                "Quân đội Triều Tiên chịu thương vong 4.000 binh sĩ.",
                TroopStatus::Casualties,
            ),
            (
                "Ukraine cho biết đã bắt giữ 2 binh sĩ Triều Tiên.",
                TroopStatus::Captured,
            ),
            (
                "Vài trăm binh sĩ Triều Tiên đã trở về Bình Nhưỡng.",
                TroopStatus::Withdrawn,
            ),
            (
                "Mỹ rút 4.500 binh sĩ khỏi Hàn Quốc.",
                TroopStatus::Withdrawn,
            ),
            (
                "Khoảng 3.000 binh sĩ đã được luân chuyển về nước sau sáu tháng chiến đấu.",
                TroopStatus::Withdrawn,
            ),
            (
                "Khi đó, khoảng 10.000 binh sĩ Ukraine vượt biên giới.",
                TroopStatus::Deployed,
            ),
            (
                "Khoảng 1.000 lính Triều Tiên tham gia chiến dịch.",
                TroopStatus::Present,
            ),
            (
                "Quân đội Hàn Quốc có 500.000 binh sĩ tại ngũ.",
                TroopStatus::Present,
            ),
            (
                "Chừng 500 quân Triều Tiên đóng ở Kursk.",
                TroopStatus::Present,
            ),
            (
                "Khoảng 10 đến 12 nghìn quân đã tới Nga.",
                TroopStatus::Deployed,
            ),
            (
                "Bình Nhưỡng bổ sung thêm khoảng 3.000 quân hồi đầu năm.",
                TroopStatus::Deployed,
            ),
            (
                "Nga tiếp viện 2.000 binh sĩ cho mặt trận Zaporizhzhia.",
                TroopStatus::Deployed,
            ),
            (
                "Nga đã mất khoảng 1.250 binh sĩ trong 24 giờ qua.",
                TroopStatus::Casualties,
            ),
            (
                "Hơn 200 binh sĩ Ukraine mất tích sau trận đánh.",
                TroopStatus::Casualties,
            ),
            (
                "Nga tập trung 50.000 quân gần Pokrovsk.",
                TroopStatus::Deployed,
            ),
            (
                "Bình Nhưỡng dự kiến gửi thêm 6.000 quân.",
                TroopStatus::Planned,
            ),
            (
                "Triều Tiên có thể đã điều thêm 3.000 quân tới Nga.",
                TroopStatus::Deployed,
            ),
            (
                "Triều Tiên có thể gửi thêm 3.000 quân tới Nga.",
                TroopStatus::Planned,
            ),
            (
                "Triều Tiên cam kết cử 1.000 công binh tới Kursk.",
                TroopStatus::Planned,
            ),
            (
                "Khoảng 200 pháo thủ Triều Tiên đang vận hành pháo tự hành gần Tokmak.",
                TroopStatus::Present,
            ),
            (
                "Khoảng 2.000 binh sĩ Triều Tiên hoạt động tại vùng biên giới.",
                TroopStatus::Present,
            ),
            (
                "Hơn 3.000 lính Triều Tiên đã bị loại khỏi vòng chiến.",
                TroopStatus::Casualties,
            ),
            (
                "Khoảng 200 binh sĩ Nga bỏ mạng trong trận này.",
                TroopStatus::Killed,
            ),
            ("Hai binh sĩ tử nạn khi huấn luyện.", TroopStatus::Killed),
            (
                "Nga tổn thất khoảng 1.000 quân mỗi ngày.",
                TroopStatus::Casualties,
            ),
            // the noun says it: wounded soldiers, prisoners of war
            (
                "Bệnh viện tiếp nhận 500 thương binh Nga.",
                TroopStatus::Wounded,
            ),
            (
                "Kyiv công bố video hai tù binh Triều Tiên.",
                TroopStatus::Captured,
            ),
        ];
        for (text, st) in table {
            let f = figures("2025-11-08", text);
            assert_eq!(f.len(), 1, "{text}");
            assert_eq!(f[0].status, *st, "{text}");
        }
        // a source named at the end of the sentence
        let f = figures(
            "2025-01-20",
            "Hơn 600 lính Triều Tiên đã chết, theo tình báo Hàn Quốc.",
        );
        assert_eq!(f[0].claimed_by.as_deref(), Some("tình báo Hàn Quốc"));
        let f = figures(
            "2025-01-20",
            "Khoảng 300 binh sĩ thiệt mạng, theo ước tính của Lầu Năm Góc, trong tháng 12.",
        );
        assert_eq!(f[0].claimed_by.as_deref(), Some("Lầu Năm Góc"));
        // `theo` that is no source clause (`theo lệnh`) is not read
        let f = figures(
            "2025-01-20",
            "Khoảng 300 binh sĩ được điều theo lệnh của ông Kim.",
        );
        assert_eq!(f[0].claimed_by, None);
        // a pronoun subject is the speaker named before in the paragraph
        let f = figures("2025-09-20", "Tại Kiev, Tổng thống Zelensky cho biết 2.000 binh sĩ đã được huấn luyện. Ông cảnh báo Nga có thể huy động thêm 150.000 quân.");
        assert_eq!(f[1].claimed_by.as_deref(), Some("Tổng thống Zelensky"));
        assert_eq!(f[1].status, TroopStatus::Planned);
        // … or the person named last in the paragraph, when no figure
        // before it had a claimant (`Theo ông, …`)
        let f = figures("2025-02-24", "Đại tá Lee Sung-jun nói tại cuộc họp báo rằng Bình Nhưỡng đã chuyển giao thêm tên lửa. Theo ông, khoảng 4.000 binh sĩ Triều Tiên đã thương vong.");
        assert_eq!(f[0].claimed_by.as_deref(), Some("Lee Sung-jun"));
        // a headline's `X:` speaks
        for (text, want) in [
            (
                "Hàn Quốc: Triều Tiên gửi thêm 3.000 quân sang Nga",
                Some("Hàn Quốc"),
            ),
            (
                "Tổng thống Zelensky: \"Triều Tiên đã gửi 10.000 lính\"",
                Some("Tổng thống Zelensky"),
            ),
            // the subject that gives a figure (`đưa ra con số`)
            (
                "Trong khi đó, tình báo Hàn Quốc đưa ra con số thấp hơn, với khoảng 300 lính Triều Tiên chết.",
                Some("tình báo Hàn Quốc"),
            ),
            // a caption label or a town's dateline does not
            ("Ảnh: 3.000 binh sĩ Triều Tiên tới Nga.", None),
            ("Kursk: 3.000 binh sĩ Triều Tiên đã tới.", None),
        ] {
            let f = figures("2025-02-24", text);
            assert_eq!(f[0].claimed_by.as_deref(), want, "{text}");
        }
        // a pronoun with no one before it in the paragraph claims nothing
        let f = figures("2025-02-24", "Đại tá Lee Sung-jun phát biểu.\nTheo ông, khoảng 4.000 binh sĩ Triều Tiên đã thương vong.");
        assert_eq!(f[0].claimed_by, None);
        // a recipient is no location
        let f = figures("2025-09-20", "Khoảng 11.000 binh sĩ Triều Tiên đã tham chiến và Bình Nhưỡng còn cung cấp đạn pháo cho Moskva.");
        assert_eq!(f[0].location, None);
        // adverbs between an apposition and the verb
        let f = figures("2025-03-05", "Tướng Kyrylo Budanov, Giám đốc HUR, trước đó ước tính Bình Nhưỡng có thể gửi tới 30.000 quân nữa sang Nga.");
        assert_eq!(f[0].claimed_by.as_deref(), Some("Tướng Kyrylo Budanov"));
        // the speaker named after a quotation that holds the figure
        for text in [
            "\"Chúng tôi ghi nhận hai lữ đoàn Triều Tiên với khoảng 8.000 lính\", ông Syrskyi viết trên Telegram.",
            "“Có khoảng 8.000 lính Triều Tiên ở Kursk,” ông Syrskyi nói.",
        ] {
            let f = figures("2025-02-08", text);
            assert_eq!(f[0].claimed_by.as_deref(), Some("ông Syrskyi"), "{text}");
        }
        // a figure outside the quotation is not the speaker's
        let f = figures(
            "2025-02-08",
            "Khoảng 8.000 lính đã tới, \"đó là điều đáng lo\", ông Syrskyi nói.",
        );
        assert_eq!(f[0].claimed_by, None);
        // a subject and its reporting verb closing the sentence
        for (text, want) in [
            (
                "Khoảng 1,5 triệu quân Nga đã thương vong kể từ năm 2022, Bộ Quốc phòng Anh ước tính.",
                Some("Bộ Quốc phòng Anh"),
            ),
            (
                "Khoảng 8.000 lính Triều Tiên đã tới Kursk, ông Syrskyi cho biết.",
                Some("ông Syrskyi"),
            ),
            (
                "Khoảng 8.000 lính Triều Tiên đã tới Kursk, Lầu Năm Góc cũng xác nhận.",
                Some("Lầu Năm Góc"),
            ),
            // a description with a name in it, and a reporter citing a
            // source
            (
                "Hiện có khoảng 1.500 lính Triều Tiên bị bắt làm tù binh, một quan chức Ukraine nói.",
                Some("một quan chức Ukraine"),
            ),
            (
                "Bình Nhưỡng có thể điều thêm 30.000 quân tới Nga, tờ Wall Street Journal dẫn nguồn tin tình báo Ukraine cho biết.",
                Some("tờ Wall Street Journal"),
            ),
            // … followed only by when, where or how it was said
            (
                "Ít nhất 100 binh sĩ Triều Tiên đã thiệt mạng tại Kursk, nghị sĩ Lee Seong-kweun cho biết hôm nay sau cuộc họp kín với tình báo.",
                Some("nghị sĩ Lee Seong-kweun"),
            ),
            (
                "Khoảng 8.000 lính Triều Tiên đã tới Kursk, ông Syrskyi viết trên Telegram.",
                Some("ông Syrskyi"),
            ),
            (
                "Khoảng 8.000 lính Triều Tiên đã tới Kursk, Lầu Năm Góc cho biết hôm 31/10.",
                Some("Lầu Năm Góc"),
            ),
            // a pronoun, or a verb that is not the clause's last word, names no one
            ("Khoảng 8.000 lính Triều Tiên đã tới Kursk, ông nói.", None),
            ("Khoảng 8.000 lính Triều Tiên đã tới Kursk, quân đội nước này cho biết.", None),
            (
                "Khoảng 8.000 lính Triều Tiên đã tới Kursk, Nga xác nhận thông tin này.",
                None,
            ),
        ] {
            let f = figures("2025-02-08", text);
            assert_eq!(f[0].claimed_by.as_deref(), want, "{text}");
        }
        // … and between a subject and its verb
        let f = figures("2025-02-08", "Tổng thống Volodymyr Zelensky trước đó ước tính gần 4.000 lính Triều Tiên đã thiệt mạng.");
        assert_eq!(
            f[0].claimed_by.as_deref(),
            Some("Tổng thống Volodymyr Zelensky")
        );
        let f = figures(
            "2025-02-08",
            "Tình báo Anh gần đây cho biết 1.000 binh sĩ Triều Tiên đã tới Nga.",
        );
        assert_eq!(f[0].claimed_by.as_deref(), Some("Tình báo Anh"));
        let f = figures(
            "2025-03-05",
            "Ông Yusov, người phát ngôn của HUR, hôm 4/3 cũng cho biết 200 pháo thủ đang ở Kursk.",
        );
        assert_eq!(f[0].claimed_by.as_deref(), Some("Ông Yusov"));
        // a speaker quoting a source: the source claims it
        for (text, want) in [
            (
                "Nghị sĩ Lee Seong-kweun, thành viên Ủy ban Tình báo, dẫn lời NIS cho biết khoảng 2.000 quân Triều Tiên đã thiệt mạng.",
                "NIS",
            ),
            (
                "Hãng Yonhap trích lời một quan chức quân đội cho biết 1.500 binh sĩ đã tới Nga.",
                "một quan chức quân đội",
            ),
        ] {
            let f = figures("2025-04-24", text);
            assert_eq!(f[0].claimed_by.as_deref(), Some(want), "{text}");
        }
        let f = figures("2025-11-08", "Ngoại trưởng Mỹ Antony Blinken hôm 31/10 cho biết 8.000 binh sĩ Triều Tiên đang ở Nga.");
        assert_eq!(
            f[0].claimed_by.as_deref(),
            Some("Ngoại trưởng Mỹ Antony Blinken")
        );
        assert_eq!(f[0].date.as_deref(), Some("2025-10-31"));
        let f = figures(
            "2025-11-08",
            "Trong khi đó, tình báo Hàn Quốc cho rằng Bình Nhưỡng đã gửi khoảng 15.000 quân. Ngoài ra, 5.000 lính công binh cũng sang Nga từ tháng 9.",
        );
        assert_eq!(f[0].claimed_by.as_deref(), Some("tình báo Hàn Quốc"));
        assert_eq!(f[0].date.as_deref(), Some("2025-11-08"));
        assert_eq!(f[1].claimed_by.as_deref(), Some("tình báo Hàn Quốc"));
        assert_eq!(f[1].date.as_deref(), Some("2025-09"));
        let f = figures("", "Tuyên bố của Mỹ, NATO, Hàn Quốc và Ukraine trong tuần này rằng Triều Tiên đã gửi khoảng 10.000 binh lính tới Nga.");
        assert_eq!(
            f[0].claimed_by.as_deref(),
            Some("Mỹ, NATO, Hàn Quốc và Ukraine")
        );
        let f = figures("", "Theo Lầu Năm Góc, khoảng 11.000 binh sĩ đang ở Nga.");
        assert_eq!(f[0].claimed_by.as_deref(), Some("Lầu Năm Góc"));
        // the verb right after an apposition: the name before it claims
        let f = figures(
            "",
            "Đại tá Trần Quang Minh, cựu chuyên gia quân sự, nhận định khoảng 2.000 binh sĩ Triều Tiên đã thiệt mạng.",
        );
        assert_eq!(f[0].claimed_by.as_deref(), Some("Đại tá Trần Quang Minh"));
        // a scale said once for both bounds of a range
        for (text, low, high) in [
            (
                "Triều Tiên có khoảng 10-12 nghìn binh sĩ ở Nga.",
                10_000,
                12_000,
            ),
            ("Nga huy động 1,5-2 triệu quân.", 1_500_000, 2_000_000),
            (
                "Có từ 10.000 đến 12.000 binh sĩ Triều Tiên ở Nga.",
                10_000,
                12_000,
            ),
        ] {
            let f = figures("", text);
            assert_eq!((f[0].count, f[0].count_max), (low, Some(high)), "{text}");
        }
        // the longest unit phrase; an adverb after the claimant is dropped
        let f = figures(
            "",
            "Ông Hong Jang-won từng cảnh báo rằng khoảng 1.500 lính đặc nhiệm Triều Tiên đã có mặt ở Vladivostok.",
        );
        assert_eq!(f[0].unit, "lính đặc nhiệm");
        assert_eq!(f[0].claimed_by.as_deref(), Some("Ông Hong Jang-won"));
        // `trong đó N người`: a part of the figure before it
        let f = figures(
            "",
            "Khoảng 12.000 quân Triều Tiên hiện có mặt tại Nga, trong đó khoảng 3.000 người đã được điều tới tiền tuyến.",
        );
        let got: Vec<_> = f.iter().map(|f| (f.count, f.unit.as_str())).collect();
        assert_eq!(got, [(12000, "quân"), (3000, "người")]);
        // … and `trong số đó`, `gồm`, the same words as a part's status
        let f = figures(
            "",
            "Nga điều 12.000 quân tới Kursk, gồm 3.000 người từ Triều Tiên.",
        );
        let got: Vec<_> = f.iter().map(|f| (f.count, f.unit.as_str())).collect();
        assert_eq!(got, [(12000, "quân"), (3000, "người")]);
        // `N người lính`: the figure ends with the soldier noun, and what
        // follows it tells the status
        let f = figures("", "Hai người lính bị thương và được đưa về Kiev.");
        assert_eq!(f[0].text, "Hai người lính");
        assert_eq!(f[0].status, TroopStatus::Wounded);
        // … but not people named for who they are
        let f = figures(
            "",
            "Nga điều 5.000 binh sĩ tới Kursk, trong đó có 300 người dân được sơ tán.",
        );
        assert_eq!(f.len(), 1);
        // who claims the first figure of a sentence
        for (text, claimant) in [
            // only the apposition names a person: it claims
            (
                "Người đứng đầu cơ quan tình báo Ukraine, tướng Kyrylo Budanov, cho biết khoảng 12.000 binh sĩ Triều Tiên đang ở Nga.",
                Some("tướng Kyrylo Budanov"),
            ),
            // a qualifier that is also a reporting verb still finds its claimant
            (
                "Lầu Năm Góc ước tính khoảng 10.000 binh sĩ Triều Tiên đã được điều tới Nga.",
                Some("Lầu Năm Góc"),
            ),
            // `Theo đó` (accordingly) is no source; a speaker after it is
            (
                "Theo đó, khoảng 14.000 binh sĩ Triều Tiên đã được triển khai tới Kursk.",
                None,
            ),
            (
                "Theo đó, NIS cho biết khoảng 14.000 binh sĩ Triều Tiên đã tới Kursk.",
                Some("NIS"),
            ),
            // the number of something is estimated, by no one named
            (
                "Số lính đánh thuê nước ngoài chiến đấu cho Ukraine ước tính khoảng 13.000 người.",
                None,
            ),
            // what a source says, with no source, claims nothing
            (
                "Theo ước tính, khoảng 300 binh sĩ Triều Tiên đã thiệt mạng.",
                None,
            ),
            (
                "Khoảng 300 binh sĩ Triều Tiên đã thiệt mạng, theo ước tính.",
                None,
            ),
            // … nor does an announcement or a plan with no one named
            (
                "Theo thông báo, khoảng 2.000 thủy thủ Nga sẽ tham gia tập trận.",
                None,
            ),
            (
                "Theo kế hoạch, khoảng 5.000 binh sĩ Mỹ sẽ rút khỏi Iraq.",
                None,
            ),
            // a reporting verb that opens the sentence has no subject: the
            // next one does
            (
                "Phát biểu tại cuộc họp báo ở Seoul, người phát ngôn Jeon Ha-kyu nói rằng khoảng 3.000 binh sĩ Triều Tiên đã tới Nga.",
                Some("người phát ngôn Jeon Ha-kyu"),
            ),
            (
                "Phát biểu tại Seoul, khoảng 3.000 binh sĩ Triều Tiên đã tới Nga.",
                None,
            ),
            // … and so has one that opens a clause after an adverb
            (
                "Trước đó, phát biểu tại Lầu Năm Góc ngày 31/10, Bộ trưởng Quốc phòng Mỹ Lloyd Austin cho biết khoảng 8.000 binh sĩ Triều Tiên đã có mặt ở Kursk.",
                Some("Bộ trưởng Quốc phòng Mỹ Lloyd Austin"),
            ),
        ] {
            let f = figures("", text);
            assert_eq!(f[0].claimed_by.as_deref(), claimant, "{text}");
        }
        // the verb inside a subordinate clause: that clause's subject claims
        for (text, claimant) in [
            (
                "Vụ phóng diễn ra sau khi Seoul và Washington cáo buộc Bình Nhưỡng điều khoảng 10.000 binh sĩ sang Nga.",
                "Seoul và Washington",
            ),
            (
                "Điện Kremlin im lặng, nhưng tình báo Ukraine cho biết 3.000 lính Triều Tiên đã tới Kursk.",
                "tình báo Ukraine",
            ),
            (
                "Bà Choe tới Moskva trong bối cảnh phương Tây cáo buộc Bình Nhưỡng đưa hàng nghìn quân tới giúp Nga.",
                "phương Tây",
            ),
            // `theo <what a source says> của X`
            (
                "Theo ước tính của phía Hàn Quốc, khoảng 4.700 binh sĩ Triều Tiên đã thương vong.",
                "phía Hàn Quốc",
            ),
            (
                "Theo nguồn tin từ tình báo Ukraine, 3.000 lính Triều Tiên đã tới Kursk.",
                "tình báo Ukraine",
            ),
            (
                "Theo thông báo của Bộ Quốc phòng Nga, khoảng 2.000 thủy thủ sẽ tham gia tập trận.",
                "Bộ Quốc phòng Nga",
            ),
            // a dateline before the subject
            (
                "(Dân trí) - Tổng thống Zelensky ngày 11/1 thông báo lực lượng Ukraine đã bắt sống hai binh sĩ Triều Tiên.",
                "Tổng thống Zelensky",
            ),
            // a listed subject keeps its members before the last comma
            (
                "Mỹ, Hàn Quốc và NATO cáo buộc Triều Tiên đã gửi khoảng 10.000 binh sĩ tới Nga.",
                "Mỹ, Hàn Quốc và NATO",
            ),
            (
                "Trong khi đó, Nhật Bản, Anh và Pháp cho biết 3.000 lính Triều Tiên đã tới Kursk.",
                "Nhật Bản, Anh và Pháp",
            ),
            // … but not a phrase before the subject
            (
                "Tại Seoul, Hàn Quốc và Mỹ cho biết 3.000 lính Triều Tiên đã tới Kursk.",
                "Hàn Quốc và Mỹ",
            ),
        ] {
            let f = figures("", text);
            assert_eq!(f[0].claimed_by.as_deref(), Some(claimant), "{text}");
        }
    }

    /// Numbers that are not troop figures.
    const NEGATIVES: &[&str] = &[
        "Có ít nhất 10 cuộc gặp song phương cấp cao.",
        // `một` before a noun is the article as much as the number: one
        // soldier is no troop figure
        "Một binh sĩ Triều Tiên bị thương được đưa tới Kiev để thẩm vấn.",
        "Ukraine cho biết đã bắt được một lính Triều Tiên ở Kursk.",
        // engineers at large are no troops
        "Samsung tuyển thêm 500 kỹ sư phần mềm tại Hà Nội.",
        "Triều Tiên đã tiến hành 6 vụ thử hạt nhân.",
        "Nga phóng 40 tên lửa và 100 quả đạn pháo.",
        "Kỷ niệm 70 năm kết thúc chiến tranh.",
        "Hợp đồng trị giá 1,5 tỷ USD.",
        "Tỷ lệ ủng hộ tăng 15%.",
        "Khoảng 5.000 người dân đã sơ tán.",
        "Hàng nghìn lao động Triều Tiên làm việc ở Nga.",
        "Sư đoàn 11 được điều tới Kursk.",
        "Năm 2024 quân đội Nga tiến công.",
        "Hai nước có 2 quân sự quan hệ.",
        "Khoảng 3.000 người tham dự lễ kỷ niệm.",
        "Ông đã 70 tuổi và có 3 người con.",
        "Trước đó, hôm 15/3, Quân Giải phóng Nhân dân Trung Quốc tập trận.",
        "Số 10, quân đội Nga rút lui.",
        "Nga sản xuất 1.500 xe tăng mỗi năm.",
        "Khoảng 20 tàu chiến tham gia tập trận.",
        "Ukraine bắn hạ 30 máy bay không người lái.",
        "Hơn 10.000 người lao động Triều Tiên đang làm việc tại Nga.",
        "Có 3 quân khu được đặt trong tình trạng báo động.",
        "Dân số khu vực là 1,5 triệu người.",
        // `N người` and a loss, but no soldiers in the sentence
        "Vụ không kích khiến 20 người chết và 45 người bị thương ở Kharkiv.",
        "Số thương vong dân sự đã lên tới 12.000 người.",
        // a troop count, but the people are named for who they are
        "Ngoài số quân được điều động, còn 2.000 người lao động Triều Tiên sang Nga.",
        // a count of people that is no troop count
        "Số người sơ tán khỏi Kursk đã lên tới 120.000 người.",
        "Lữ đoàn 155 của Nga được điều tới Kursk.",
        // a fraction of the troops, not a count
        "Khoảng 1/3 binh sĩ Triều Tiên tại Kursk đã thương vong.",
        "Ngày 7/11, Nga tập trận.",
        // a person's years of service, firefighters, a military band or
        // commission, playing cards: `quân`/`lính` begin other nouns
        "Ông có 30 năm quân ngũ.",
        "Khoảng 200 lính cứu hỏa đã được điều đến hiện trường.",
        "Ba quân nhạc và hai quân ủy được thành lập.",
        "Anh ta rút ba quân bài.",
    ];

    #[test]
    fn mot_with_a_scale_word_is_a_count() {
        // (`một` alone is the article: see NEGATIVES)
        assert_eq!(
            counts_in(
                "2025-11-08",
                "Nga đã điều một nghìn binh sĩ và 1 trung đoàn tới Kursk."
            ),
            [1000]
        );
        assert_eq!(
            counts_in("2025-11-08", "Khoảng một trăm lính Triều Tiên đã bị bắt."),
            [100]
        );
    }

    #[test]
    fn a_quoted_number_is_a_count() {
        let f = figures(
            "2024-12-18",
            "Ông Ryder cho biết \"hàng trăm\" binh sĩ Triều Tiên đã chết hoặc bị thương ở Kursk.",
        );
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.text.as_str(), f.count, f.status))
            .collect();
        assert_eq!(
            got,
            [("\"hàng trăm\" binh sĩ", 100, TroopStatus::Casualties)]
        );
        // other punctuation, or a quote that opens before other words,
        // still ends the number
        assert_eq!(
            counts_in("", "Ông nói: \"Có 3.000\" binh sĩ ở đây."),
            Vec::<u64>::new()
        );
        assert_eq!(
            counts_in("", "Năm 2024: 3.000) binh sĩ."),
            Vec::<u64>::new()
        );
    }

    #[test]
    fn negatives() {
        for text in NEGATIVES {
            let f = figures("2025-11-08", text);
            assert!(f.is_empty(), "{text}: {f:#?}");
        }
    }
}
