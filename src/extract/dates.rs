//! Dates: every Vietnamese temporal expression, resolved to ISO 8601.
//!
//! Each rule is a named regular expression, compiled once, with examples in
//! the table tests below. All rules run over the body text, searched where
//! a word that can begin a date begins (`TRIGGER_WORDS`, a number, a
//! bracket); overlapping candidates are settled longest first. Then every
//! candidate is resolved:
//!
//! - **explicit**: the text gives the year (`ngày 5 tháng 11 năm 2025`,
//!   `tháng 11/2022`, `năm 1961`);
//! - **published**: the year (or the whole value, for `hôm qua`) comes from
//!   the publication date, news-style: a day and month without a year is the
//!   latest such date no more than a month after publication, or, when the
//!   sentence looks ahead (`tới`, `sắp`, `dự kiến`, `sẽ`), the first one
//!   from the day before publication on;
//! - **context**: the year comes from the article itself. A month or day
//!   whose sentence names a well-known event of that month takes the event's
//!   year (`Ukraine tiến vào Kursk hồi tháng 8` → 2024-08, from
//!   `data/dated_events.tsv`), even against the publication date (when the
//!   two agree, the anchor stays `published`), unless it is a day of the two
//!   weeks before publication (`ngày 17/6` in an article of 18 June is
//!   yesterday, whatever event it sits beside). Without a
//!   publication date, other dates take the year of the article's latest
//!   full date (`ngày 19/6/2024`), else of the events it names, else the
//!   year an anniversary implies (`kỷ niệm 70 năm kết thúc Chiến tranh Triều
//!   Tiên` → 1953 + 70 = 2023, from `data/events.tsv`);
//! - **unknown**: nothing says the year: written `XXXX-07-26`, never guessed.
//!   A weekday given with the date may still pin it within the five years
//!   from the latest year the article mentions.
//!
//! Vague references (`gần đây`, `tương lai`) are reported with a null value.
//! Durations (`70 năm`, `hơn 4 năm`), counts (`15.000`), fractions, scores,
//! `24/7` and times of day are not dates: no rule accepts them, and the
//! negative table proves it.

use super::Context;
use crate::gazetteer::WordHashSet;
use crate::model::{Anchor, DateMention, Granularity, Modifier};
use crate::prepare::{PartialDate, Prepared};
use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::util::start;
use regex_automata::{hybrid, meta, Anchored, Input, PatternSet};
use std::ops::Range;
use std::sync::OnceLock;

pub(crate) mod events;
mod lunar;

const CALENDAR_TSV: &str = include_str!("../../data/calendar.tsv");
const EVENTS_TSV: &str = include_str!("../../data/events.tsv");

/// The expression a rule recognized, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expr {
    Day {
        d: u32,
        m: u32,
        y: Option<i32>,
    },
    Month {
        m: u32,
        y: Option<i32>,
    },
    Year(i32),
    Quarter {
        q: u32,
        y: Option<i32>,
    },
    Half {
        h: u32,
        y: Option<i32>,
        rel: Option<i32>,
    },
    Decade(i32),
    /// The century by its ordinal: 21 is 2000–2099.
    Century(i32),
    DayRange {
        d1: u32,
        d2: u32,
        m: u32,
        y: Option<i32>,
    },
    MonthRange {
        m1: u32,
        m2: u32,
        y: Option<i32>,
    },
    /// Days of two months: `30/4-1/5`, `từ 28/12/2024 đến 2/1/2025`. The
    /// year `y` is the last day's; the first's is `y1`, else the same (the
    /// year before when its month comes later: `30/12-2/1`).
    DaySpan {
        d1: u32,
        m1: u32,
        y1: Option<i32>,
        d2: u32,
        m2: u32,
        y: Option<i32>,
    },
    YearRange(i32, i32),
    Relative {
        unit: Unit,
        offset: i32,
    },
    /// `thứ Hai tuần trước`: a weekday (ISO, 1 = Monday) of the week
    /// `offset` weeks from publication.
    WeekdayOfWeek {
        wd: u32,
        offset: i32,
    },
    /// `hôm thứ Năm`, `Chủ nhật vừa qua`: the latest such weekday on or
    /// before publication; `thứ Sáu tới`: the next one after it.
    Weekday {
        wd: u32,
        ahead: bool,
    },
    /// `cùng ngày`, `hôm đó` (0), `hôm sau` (+1), `ngày hôm trước` (-1):
    /// a day counted from the day the text dated last. With `chains`
    /// (`hai ngày sau đó`: two days after that), the next such day counts
    /// from this one; `hôm sau` … `tối hôm trước` both count from the
    /// dated day.
    DayAfterPrevious {
        offset: i32,
        chains: bool,
    },
    Vague,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// A recognized expression at a place in the normalized text.
#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    expr: Expr,
    weekday: Option<u32>,
    modifier: Option<Modifier>,
    /// A year given relative to publication after a day or month without
    /// one: `tháng 12 năm ngoái` is -1, `năm nay` 0, `năm tới` +1.
    year_offset: Option<i32>,
    /// The calendar of the day or month (`15/8 âm lịch` is lunar).
    calendar: Calendar,
    /// The rule that matched (read by the rule-coverage test).
    #[cfg_attr(not(test), allow(dead_code))]
    rule: &'static str,
}

/// The calendar a day or month is given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Calendar {
    /// The Gregorian calendar, unless the text says otherwise.
    Solar,
    /// The lunar calendar (`âm lịch`); `leap` for its leap month (`tháng
    /// 6 nhuận`).
    Lunar { leap: bool },
}

/// How a rule's captures become an expression.
type Handler = fn(&Groups, &Tables) -> Option<Expr>;

struct Rule {
    name: &'static str,
    /// The pattern `re` was compiled from (read by the trigger test).
    #[cfg_attr(not(test), allow(dead_code))]
    pattern: String,
    /// The rule's pattern, searched anchored where a trigger word starts.
    re: meta::Regex,
    /// The name of each capture group of `re`, by index.
    group_names: Vec<Option<String>>,
    handler: Handler,
}

/// A rule's match, its capture groups found by name in the rule's own list.
///
/// Speed: looking a group up by name hashes the name on every call, some
/// thirty times a document (0.6% of all instructions, measured); a rule
/// has a handful of groups, compared in a few instructions.
struct Groups<'c, 'h> {
    caps: &'c Captures,
    hay: &'h str,
    names: &'c [Option<String>],
}

/// One capture group of a match: where it is in the haystack, and its text.
#[derive(Debug, Clone, Copy)]
struct Group<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    /// The group's text.
    fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }

    /// Its first byte in the haystack.
    fn start(&self) -> usize {
        self.start
    }

    /// One past its last byte.
    fn end(&self) -> usize {
        self.end
    }
}

impl<'h> Groups<'_, 'h> {
    /// The group called `name`, if it took part in the match.
    fn name(&self, name: &str) -> Option<Group<'h>> {
        let index = self.names.iter().position(|n| n.as_deref() == Some(name))?;
        self.group(index)
    }

    /// The group at `index`, if it took part in the match.
    fn group(&self, index: usize) -> Option<Group<'h>> {
        let span = self.caps.get_group(index)?;
        Some(Group {
            hay: self.hay,
            start: span.start,
            end: span.end,
        })
    }

    /// The whole match.
    fn whole(&self) -> Group<'h> {
        self.group(0).expect("group 0")
    }
}

/// Month and weekday words, from `data/calendar.tsv`, and anniversary events.
struct Tables {
    months: Vec<(String, u32)>,
    weekdays: Vec<(String, u32)>,
    events: Vec<(String, i32)>,
    /// Each event phrase split in two at each space: (`cách mạng`, `tháng
    /// tám`), (`cách mạng tháng`, `tám`) …, for [`in_event_name`].
    event_splits: Vec<(String, String)>,
    /// The last words of the first halves of [`Tables::event_splits`].
    event_head_ends: crate::fast_hash::FastSet<String>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut months = Vec::new();
        let mut weekdays = Vec::new();
        for line in CALENDAR_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let c: Vec<&str> = line.split('\t').collect();
            let v: u32 = c[2].trim().parse().expect("data/calendar.tsv: number");
            match c[0] {
                "month" => months.push((c[1].to_string(), v)),
                _ => weekdays.push((c[1].to_string(), v)),
            }
        }
        // longest first, so `Mười Một` wins over `Mười`
        months.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        weekdays.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let events = EVENTS_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let (p, y) = l.split_once('\t').expect("data/events.tsv: two columns");
                (
                    p.to_string(),
                    y.trim().parse().expect("data/events.tsv: year"),
                )
            })
            .collect::<Vec<(String, i32)>>();
        let event_splits = events
            .iter()
            .flat_map(|(p, _)| {
                p.match_indices(' ')
                    .map(|(i, _)| (p[..i].to_string(), p[i + 1..].to_string()))
            })
            .collect::<Vec<(String, String)>>();
        let event_head_ends = event_splits
            .iter()
            .filter_map(|(head, _)| head.rsplit(' ').next())
            .map(str::to_string)
            .collect();
        Tables {
            months,
            weekdays,
            events,
            event_splits,
            event_head_ends,
        }
    })
}

fn num<T: std::str::FromStr>(c: &Groups, name: &str) -> Option<T> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

fn valid_dm(d: u32, m: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(2024, m)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .map_or(31, |d| d.day())
}

fn plausible_year(y: i32) -> bool {
    (1000..=2199).contains(&y)
}

fn day_expr(c: &Groups, t: &Tables) -> Option<Expr> {
    let d: u32 = num(c, "d")?;
    let m: u32 = month_number(c, t)?;
    let y: Option<i32> = num(c, "y");
    if !valid_dm(d, m) || y.is_some_and(|y| !plausible_year(y)) {
        return None;
    }
    if let (Some(s1), Some(s2)) = (c.name("s1"), c.name("s2")) {
        if s1.as_str() != s2.as_str() {
            return None;
        }
    }
    if let Some(y) = y {
        NaiveDate::from_ymd_opt(y, m, d)?;
    }
    Some(Expr::Day { d, m, y })
}

/// A day and month that open a wire dateline: after the place and a comma
/// that begin the sentence (`SEOUL, 5/3 (Yonhap) - …`), one to four
/// capitalized words. Elsewhere `5/3 -` may be a fraction or a score.
fn dateline_day_month(c: &Groups, t: &Tables) -> Option<Expr> {
    let place = c.hay[..c.name("span")?.start()]
        .trim_end()
        .strip_suffix(',')?;
    capitalized_words(place, 4)
        .then(|| day_expr(c, t))
        .flatten()
}

/// Whether `s` is one to `max` words, each capitalized: a dateline's place
/// (`Hà Nội`, `SEOUL`) or its news agency (`TTXVN`, `Dân trí`).
fn capitalized_words(s: &str, max: usize) -> bool {
    let mut words = 0;
    s.split_whitespace().all(|w| {
        words += 1;
        w.starts_with(char::is_uppercase)
    }) && (1..=max).contains(&words)
}

/// `thứ Năm (6/11)` or `thứ Năm, 6/11`: the day in brackets or after a
/// comma (its own pair of groups, as a pattern names each group once).
fn weekday_with_day(c: &Groups, t: &Tables) -> Option<Expr> {
    if c.name("d").is_some() {
        return day_expr(c, t);
    }
    let d: u32 = num(c, "d2")?;
    let m: u32 = num(c, "m2")?;
    valid_dm(d, m).then_some(Expr::Day { d, m, y: None })
}

/// `5 tháng 11`: only with `ngày` before it or a year after it.
fn textual_day(c: &Groups, t: &Tables) -> Option<Expr> {
    if c.name("pre").is_none() && c.name("y").is_none() {
        return None;
    }
    day_expr(c, t)
}

/// The month of group `mw` (its name) or else `m` (its number).
fn month_number(c: &Groups, t: &Tables) -> Option<u32> {
    match c.name("mw") {
        Some(w) => Some(
            t.months
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(w.as_str()) || k == w.as_str())?
                .1,
        ),
        None => num(c, "m"),
    }
}

fn month_expr(c: &Groups, t: &Tables) -> Option<Expr> {
    let m: u32 = month_number(c, t)?;
    let y: Option<i32> = num(c, "y");
    ((1..=12).contains(&m) && y.is_none_or(plausible_year)).then_some(Expr::Month { m, y })
}

fn year_expr(c: &Groups, _: &Tables) -> Option<Expr> {
    let y: i32 = num(c, "y")?;
    plausible_year(y).then_some(Expr::Year(y))
}

/// `Tết Nguyên đán 2025`, `mùng 2 Tết`: a day of the lunar new year (the
/// first of the first lunar month, or the one numbered), on the lunar
/// calendar ([`rule_candidate`] sets it). `Tết` alone (`dịp Tết`, `ăn
/// Tết`) is the season, no day: it needs `Nguyên đán`, a year or a day.
fn lunar_new_year(c: &Groups, _: &Tables) -> Option<Expr> {
    let y: Option<i32> = num(c, "y")
        .or_else(|| num(c, "y2"))
        .or_else(|| num(c, "y3"));
    if y.is_some_and(|y| !plausible_year(y)) {
        return None;
    }
    let d: u32 = match c.name("d") {
        // the days of Tết are the first few of the year
        Some(_) => num(c, "d").filter(|d| (1..=10).contains(d))?,
        None if c.name("nd").is_some() || y.is_some() => 1,
        None => return None,
    };
    Some(Expr::Day { d, m: 1, y })
}

fn year_range(c: &Groups, _: &Tables) -> Option<Expr> {
    let y1: i32 = num(c, "y1")?;
    let y2: i32 = num(c, "y2")?;
    (plausible_year(y1) && y1 < y2 && y2 - y1 <= 100).then_some(Expr::YearRange(y1, y2))
}

fn day_range(c: &Groups, _: &Tables) -> Option<Expr> {
    let d1: u32 = num(c, "d1")?;
    let d2: u32 = num(c, "d")?;
    let m: u32 = num(c, "m")?;
    let y: Option<i32> = num(c, "y");
    // without `từ`/`ngày` the form must be the compact `22-26/4`
    if c.name("lead").is_none()
        && !c
            .name("dash")
            .is_some_and(|d| matches!(d.as_str().trim(), "-" | "–"))
    {
        return None;
    }
    // `ngày 5 và 6/11` is a span only for two days in a row
    let joined_by_and = c.name("dash").is_some_and(|d| {
        d.as_str()
            .split_whitespace()
            .next()
            .is_some_and(|w| w.to_lowercase() == "và")
    });
    if joined_by_and && d2 != d1 + 1 {
        return None;
    }
    (valid_dm(d2, m) && d1 >= 1 && d1 < d2 && y.is_none_or(plausible_year))
        .then_some(Expr::DayRange { d1, d2, m, y })
}

/// `30/4-1/5`, `từ 28/12/2024 đến 2/1/2025`, `ngày 28/2 - 3/3`: a span
/// of days across months, each with its month. Without `từ`/`ngày` the
/// form must be the compact one with a dash (`1/3 đến 1/2` may be
/// fractions). The first day comes before the last.
fn day_span(c: &Groups, _: &Tables) -> Option<Expr> {
    let (d1, m1): (u32, u32) = (num(c, "d1")?, num(c, "m1")?);
    let (d2, m2): (u32, u32) = (num(c, "d")?, num(c, "m")?);
    let (y1, y): (Option<i32>, Option<i32>) = (num(c, "y1"), num(c, "y"));
    let dash = c
        .name("dash")
        .is_some_and(|d| matches!(d.as_str().trim(), "-" | "–"));
    if c.name("lead").is_none() && !dash {
        return None;
    }
    if !(valid_dm(d1, m1) && valid_dm(d2, m2)) || y1.is_some() && y.is_none() {
        return None;
    }
    // in order: with both years, any span (an anniversary's `(30/1/1950 -
    // 30/1/2025)` is a period, not two days); without the first's, a later
    // month, or December into January
    let ordered = match (y1, y) {
        (Some(a), Some(b)) => (a, m1, d1) < (b, m2, d2),
        _ => m1 < m2 || (m1, m2) == (12, 1),
    };
    (ordered && y1.is_none_or(plausible_year) && y.is_none_or(plausible_year)).then_some(
        Expr::DaySpan {
            d1,
            m1,
            y1,
            d2,
            m2,
            y,
        },
    )
}

/// [`day_span`] written with dashes (`từ ngày 28-2 đến 3-3`), where the
/// two days may also share their month (`từ ngày 1-12 đến 5-12`: the
/// slash form of that is read by [`day_range`] and the joining of `từ`
/// and `đến` dates).
fn dashed_day_span(c: &Groups, t: &Tables) -> Option<Expr> {
    let (m1, m): (u32, u32) = (num(c, "m1")?, num(c, "m")?);
    let (d1, d2): (u32, u32) = (num(c, "d1")?, num(c, "d")?);
    let (y1, y): (Option<i32>, Option<i32>) = (num(c, "y1"), num(c, "y"));
    if m1 == m && (y1.is_none() || y1 == y) {
        return (valid_dm(d2, m) && d1 >= 1 && d1 < d2 && y.is_none_or(plausible_year))
            .then_some(Expr::DayRange { d1, d2, m, y });
    }
    day_span(c, t)
}

/// `đêm 3 rạng sáng 4/9`: the night from one day into the next, the month
/// said once: the two days.
fn overnight(c: &Groups, _: &Tables) -> Option<Expr> {
    let d1: u32 = num(c, "d1")?;
    let d2: u32 = num(c, "d")?;
    let m: u32 = num(c, "m")?;
    let y: Option<i32> = num(c, "y");
    (d2 == d1 + 1 && valid_dm(d2, m) && y.is_none_or(plausible_year)).then_some(Expr::DayRange {
        d1,
        d2,
        m,
        y,
    })
}

/// `ngày 3 và 6/11`, `các ngày 2, 4 và 9/11`: the last day of a list, with
/// the month said once at its end. The days before it become dates of
/// their own in [`listed_dates`]. The days must rise, as news lists them.
fn day_list(c: &Groups, t: &Tables) -> Option<Expr> {
    let last: u32 = num(c, "d")?;
    let m: u32 = num(c, "m")?;
    let days = list_numbers(c.name("list")?.as_str());
    (rises_to(&days, last) && days.iter().all(|&(_, d)| valid_dm(d, m)))
        .then(|| day_expr(c, t))
        .flatten()
}

/// `tháng 3, 5 và 7`, `tháng 10 và tháng 11 năm 2023`: the last month of a
/// list, with the year said once at its end; the months before it become
/// dates of their own in [`listed_dates`].
fn month_list(c: &Groups, t: &Tables) -> Option<Expr> {
    let last: u32 = num(c, "m")?;
    let months = list_numbers(c.name("list")?.as_str());
    (rises_to(&months, last) && months.iter().all(|&(_, m)| (1..=12).contains(&m)))
        .then(|| month_expr(c, t))
        .flatten()
}

/// `năm 2018 và 2019`, `các năm 2023, 2024 và 2025`: the last year of a
/// list that says `năm` once, before the first; the years before the last
/// become dates of their own in [`listed_dates`]. The years must rise.
fn year_list(c: &Groups, t: &Tables) -> Option<Expr> {
    let last: u32 = num(c, "y")?;
    let years = list_numbers(c.name("list")?.as_str());
    (rises_to(&years, last) && years.iter().all(|&(_, y)| plausible_year(y as i32)))
        .then(|| year_expr(c, t))
        .flatten()
}

/// True when the listed numbers rise and stay below `last`.
fn rises_to(list: &[(usize, u32)], last: u32) -> bool {
    list.windows(2).all(|w| w[0].1 < w[1].1) && list.last().is_some_and(|&(_, n)| n < last)
}

/// The numbers of a day or month list (`2, 4`) with their byte offsets in
/// it.
fn list_numbers(list: &str) -> Vec<(usize, u32)> {
    let mut days = Vec::new();
    let mut at = 0;
    for part in list.split(',') {
        let digits = part.trim();
        if let Ok(d) = digits.parse() {
            days.push((at + (part.len() - part.trim_start().len()), d));
        }
        at += part.len() + 1;
    }
    days
}

/// The dates listed before the last one of a `day_list` or `month_list`
/// match: `ngày 3` or `tháng 3` (the first keeps its noun), then each bare
/// number, in the month and year (or the year) of the last.
fn listed_dates(c: &Groups, last: &Expr, body: usize) -> Vec<(usize, usize, Expr)> {
    let (Some(lead), Some(list)) = (c.name("lead"), c.name("list")) else {
        return Vec::new();
    };
    let item = |n: u32| match *last {
        Expr::Day { m, y, .. } => Some(Expr::Day { d: n, m, y }),
        Expr::Month { y, .. } => Some(Expr::Month { m: n, y }),
        Expr::Year(_) => i32::try_from(n).ok().map(Expr::Year),
        _ => None,
    };
    list_numbers(list.as_str())
        .into_iter()
        .enumerate()
        .filter_map(|(i, (at, n))| {
            let start = list.start() + at;
            let end = start + n.to_string().len();
            let start = if i == 0 { lead.start() } else { start };
            Some((body + start, body + end, item(n)?))
        })
        .collect()
}

/// A list's last month given without `tháng` (`tháng 3 và 5`) must end the
/// phrase, or say its year: in `tháng 3 và 5 binh sĩ` the 5 counts people.
fn bare_month_ends_phrase(text: &str, e: usize) -> bool {
    let rest = text[e..].trim_start();
    match rest.chars().next() {
        Some(c) if crate::normalize::is_word_char(c) => {
            let word = rest
                .split(|c: char| !crate::normalize::is_word_char(c))
                .next();
            word.is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "năm" | "vừa" | "qua" | "tới" | "này" | "trước" | "sau"
                )
            })
        }
        _ => true,
    }
}

fn month_range(c: &Groups, _: &Tables) -> Option<Expr> {
    let m1: u32 = num(c, "m1")?;
    let m2: u32 = num(c, "m2")?;
    let y: Option<i32> = num(c, "y");
    ((1..=12).contains(&m1) && (1..=12).contains(&m2) && m1 < m2 && y.is_none_or(plausible_year))
        .then_some(Expr::MonthRange { m1, m2, y })
}

/// `6 tháng đầu năm 2025` (the first six months), `3 tháng cuối năm`,
/// `hai tháng đầu năm 2025`:
/// the months from the year's start or to its end, as a range of months.
fn months_of_year(c: &Groups, _: &Tables) -> Option<Expr> {
    // in digits or words: `6 tháng đầu năm`, `hai tháng đầu năm 2025`
    let n = small_count(c.name("n")?.as_str())?;
    let y: Option<i32> = num(c, "y");
    if !(2..=11).contains(&n) || !y.is_none_or(plausible_year) {
        return None;
    }
    let (m1, m2) = match c.name("part")?.as_str().to_lowercase().as_str() {
        "đầu" => (1, n),
        _ => (13 - n, 12),
    };
    Some(Expr::MonthRange { m1, m2, y })
}

fn quarter(c: &Groups, _: &Tables) -> Option<Expr> {
    let q = match c.name("q")?.as_str().to_ascii_uppercase().as_str() {
        "I" | "1" => 1,
        "II" | "2" => 2,
        "III" | "3" => 3,
        "IV" | "4" => 4,
        _ => return None,
    };
    let y: Option<i32> = num(c, "y");
    y.is_none_or(plausible_year)
        .then_some(Expr::Quarter { q, y })
}

fn half(c: &Groups, _: &Tables) -> Option<Expr> {
    let h = if c.name("h")?.as_str().to_lowercase() == "đầu" {
        1
    } else {
        2
    };
    let y: Option<i32> = num(c, "y");
    let rel = c.name("rel").map(|r| rel_year(r.as_str()));
    Some(Expr::Half { h, y, rel })
}

fn rel_year(word: &str) -> i32 {
    match word.to_lowercase().as_str() {
        "ngoái" | "trước" => -1,
        "tới" | "sau" => 1,
        _ => 0,
    }
}

fn decade(c: &Groups, _: &Tables) -> Option<Expr> {
    let raw = c.name("dec")?.as_str();
    let n: i32 = raw.parse().ok()?;
    let y = if raw.len() == 2 { 1900 + n } else { n };
    (y % 10 == 0 && plausible_year(y)).then_some(Expr::Decade(y))
}

/// `thế kỷ 21`, `thế kỷ XX`, `thế kỷ thứ 19`: the 1st to the 21st.
fn century(c: &Groups, _: &Tables) -> Option<Expr> {
    let raw = c.name("cen")?.as_str();
    let n = match raw.parse::<i32>() {
        Ok(n) => n,
        Err(_) => roman_numeral(raw)?,
    };
    (1..=21).contains(&n).then_some(Expr::Century(n))
}

/// The value of a Roman numeral made of `I`, `V`, `X` (up to `XXXIX`).
fn roman_numeral(raw: &str) -> Option<i32> {
    let digit = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        _ => None,
    };
    let values: Vec<i32> = raw.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &v) in values.iter().enumerate() {
        // a smaller digit before a larger one subtracts (`IX`, `XIV`)
        if values.get(i + 1).is_some_and(|&next| next > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    (total > 0).then_some(total)
}

/// `cùng ngày`, `hôm đó`, `hôm sau`, `ngày hôm trước`. `hôm trước`
/// alone is also "the other day", no particular one: it needs `ngày` or a
/// time of day before it.
/// A count written in digits or in words (`6`, `hai`, `mười một`), as the
/// rules' patterns allow it.
fn small_count(written: &str) -> Option<u32> {
    if let Ok(n) = written.parse() {
        return Some(n);
    }
    let lower = written.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    u32::try_from(super::numbers::parse_words(&words)?).ok()
}

fn day_after_previous(c: &Groups, _: &Tables) -> Option<Expr> {
    // `một ngày trước đó`, `hai ngày sau đó`: counted from the day before
    if let Some(count) = c.name("count") {
        let n = i32::try_from(small_count(count.as_str())?).ok()?;
        let later = c.name("dir")?.as_str().to_lowercase() == "sau";
        return Some(Expr::DayAfterPrevious {
            offset: if later { n } else { -n },
            chains: true,
        });
    }
    let offset = match c.name("rel").map(|r| r.as_str().to_lowercase()) {
        None => 0,
        Some(rel) => match rel.as_str() {
            "đó" => 0,
            "sau" => 1,
            "trước" if c.name("pre").is_some() || c.name("ngay").is_some() => -1,
            _ => return None,
        },
    };
    Some(Expr::DayAfterPrevious {
        offset,
        chains: false,
    })
}

fn relative(c: &Groups, _: &Tables) -> Option<Expr> {
    let phrase = c.name("rel")?.as_str().to_lowercase();
    let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
    let (unit, offset) = match phrase.as_str() {
        "hôm nay" => (Unit::Day, 0),
        "hôm qua" => (Unit::Day, -1),
        "hôm kia" => (Unit::Day, -2),
        "ngày mai" => (Unit::Day, 1),
        "ngày kia" => (Unit::Day, 2),
        "tuần trước" => (Unit::Week, -1),
        "tuần này" => (Unit::Week, 0),
        "tuần tới" | "tuần sau" => (Unit::Week, 1),
        "tháng trước" => (Unit::Month, -1),
        "tháng này" => (Unit::Month, 0),
        "tháng tới" | "tháng sau" => (Unit::Month, 1),
        "năm ngoái" | "năm trước" => (Unit::Year, -1),
        "năm nay" => (Unit::Year, 0),
        "năm tới" | "năm sau" => (Unit::Year, 1),
        // a time of day today, yesterday or tomorrow: `sáng nay`, `đêm
        // qua`, `chiều mai`
        p if p.ends_with(" nay") => (Unit::Day, 0),
        p if p.ends_with(" qua") => (Unit::Day, -1),
        p if p.ends_with(" mai") => (Unit::Day, 1),
        _ => return None,
    };
    Some(Expr::Relative { unit, offset })
}

/// `(cuối) tuần qua`, `(đầu) tháng qua`, `(giữa) năm qua`: the period
/// before the one of publication.
fn last_period(c: &Groups, _: &Tables) -> Option<Expr> {
    let unit = period_unit(c.name("u")?.as_str());
    Some(Expr::Relative { unit, offset: -1 })
}

fn ago(c: &Groups, _: &Tables) -> Option<Expr> {
    let n = crate::extract::numbers::small_number(c.name("n")?.as_str())? as i32;
    let unit = period_unit(c.name("u")?.as_str());
    (n > 0 && n <= 200).then_some(Expr::Relative { unit, offset: -n })
}

/// The unit of a period word the rules capture as `u`: `ngày`, `tuần`,
/// `tháng`, else `năm`.
fn period_unit(word: &str) -> Unit {
    match word.to_lowercase().as_str() {
        "ngày" => Unit::Day,
        "tuần" => Unit::Week,
        "tháng" => Unit::Month,
        _ => Unit::Year,
    }
}

/// The ISO number (1 = Monday) of a weekday as written (`thứ  Năm`, `Chủ
/// nhật`), spacing and case aside.
fn weekday_number(t: &Tables, written: &str) -> Option<u32> {
    let w = written.to_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    t.weekdays
        .iter()
        .find(|(k, _)| k.to_lowercase() == w)
        .map(|(_, v)| *v)
}

/// `thứ Hai tuần trước`, `Chủ nhật tuần này`: a day of a week said
/// relative to publication.
fn weekday_of_week(c: &Groups, t: &Tables) -> Option<Expr> {
    let wd = weekday_number(t, c.name("wd")?.as_str())?;
    let offset = match c.name("rel")?.as_str().to_lowercase().as_str() {
        "trước" | "qua" => -1,
        "này" => 0,
        _ => 1,
    };
    Some(Expr::WeekdayOfWeek { wd, offset })
}

/// `hôm thứ Năm`, `ngày thứ Tư`, `vào Chủ nhật vừa qua`, `thứ Sáu tới`: a weekday with no
/// date. The weekday's number must be capitalized (`thứ Năm`, `thứ 5`):
/// a lowercase `thứ hai` is an ordinal (`lần thứ hai`).
fn bare_weekday(c: &Groups, t: &Tables) -> Option<Expr> {
    let written = c.name("wd")?.as_str();
    let second = written.split_whitespace().nth(1).unwrap_or("");
    let is_sunday = written.to_lowercase().starts_with("chủ");
    if !is_sunday && !second.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit()) {
        return None;
    }
    let wd = weekday_number(t, written)?;
    let ahead = c
        .name("rel")
        .is_some_and(|r| r.as_str().to_lowercase() == "tới");
    // a weekday alone needs a word that makes it a day: `hôm`, `ngày`, `vào`, a
    // time of day, or `vừa qua` / `tới` after it
    let made_a_day = ["pre", "vao", "rel"].iter().any(|g| c.name(g).is_some());
    made_a_day.then_some(Expr::Weekday { wd, ahead })
}

fn vague(_: &Groups, _: &Tables) -> Option<Expr> {
    Some(Expr::Vague)
}

fn alternation(words: impl Iterator<Item = String>) -> String {
    words
        .map(|w| {
            regex::escape(&w)
                .replace("\\ ", r"\s+")
                .replace(' ', r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The rules (the set of their patterns is [`rule_book`]'s second half).
#[cfg(test)]
fn rules() -> &'static [Rule] {
    &rule_book().rules
}

/// The rules, and the set of all their patterns as one lazy DFA, which
/// tells in one walk which rules match at a place ([`RuleSearch`]).
struct RuleBook {
    rules: Vec<Rule>,
    set: hybrid::dfa::DFA,
}

fn rule_book() -> &'static RuleBook {
    static RULES: OnceLock<RuleBook> = OnceLock::new();
    RULES.get_or_init(|| {
        let t = tables();
        let wd_words = alternation(t.weekdays.iter().map(|(w, _)| w.clone()));
        let month_words = alternation(t.months.iter().map(|(w, _)| w.clone()));
        let wd = format!(r"(?:(?P<wd>{wd_words})\s*,?\s*\(?\s*)?");
        // (two-word times of day first: `chiều tối`, `sáng sớm`, `tối muộn`)
        let pre = r"(?P<pre>chiều\s+tối|sáng\s+sớm|tối\s+muộn|ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng\s+sáng|khuya)";
        let defs: Vec<(&'static str, String, Handler)> = vec![
            // lists first: where a listed day or month has the same span as
            // a single one, the list's reading (which carries the month or
            // year said at its end) wins the tie
            (
                // days sharing the month said after the last: `ngày 3 và
                // 6/11`, `các ngày 2, 4 và ngày 9/11`; two days in a row are
                // the longer `day_range` match above, which wins
                "day_list",
                r"(?i)(?P<lead>ngày|hôm)\s+(?P<list>[0-9]{1,2}(?:\s*,\s*[0-9]{1,2})*)\s*,?\s*(?:và|hoặc|hay)\s+(?P<span>(?:ngày\s+)?(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})(?:\s*/\s*(?P<y>[0-9]{4}))?)".to_string(),
                day_list,
            ),
            (
                // months sharing the year said after the last: `tháng 3, 5
                // và 7`, `tháng 10 và tháng 11 năm 2023`
                "month_list",
                r"(?i)(?P<lead>tháng)\s+(?P<list>[0-9]{1,2}(?:\s*,\s*[0-9]{1,2})*)\s*,?\s*(?:và|hoặc|hay)\s+(?P<span>(?:tháng\s+|(?P<bare>))(?P<m>[0-9]{1,2})(?:\s*(?:/|năm\s)\s*(?P<y>[0-9]{4}))?)".to_string(),
                month_list,
            ),
            (
                // years sharing the `năm` said before the first: `năm 2018
                // và 2019`, `các năm 2023, 2024 và 2025`
                "year_list",
                r"(?i)(?P<lead>năm)\s+(?P<list>[0-9]{4}(?:\s*,\s*[0-9]{4})*)\s*,?\s*(?:và|hoặc|hay)\s+(?P<span>(?:năm\s+)?(?P<y>[0-9]{4}))".to_string(),
                year_list,
            ),
            (
                "full_numeric",
                format!(r"(?i){wd}(?:{pre}\s+)?(?P<d>[0-9]{{1,2}})\s*(?P<s1>[/.\-])\s*(?P<m>[0-9]{{1,2}})\s*(?P<s2>[/.\-])\s*(?P<y>[0-9]{{4}})"),
                day_expr,
            ),
            (
                "textual_full",
                format!(r"(?i){wd}(?:{pre}\s+)?(?P<d>[0-9]{{1,2}})\s+tháng\s+(?P<m>[0-9]{{1,2}})(?:(?:\s*,\s*|\s*năm\s+|\s*/\s*)(?P<y>[0-9]{{4}}))?"),
                textual_day,
            ),
            (
                // `ngày 30 tháng Sáu`, `ngày 5 tháng Mười Một năm 2023`: the
                // month's name (capitalized, as `tháng sáu` is also "six
                // months"); as `textual_full`, after a word such as `ngày`
                // or before a year (`5 tháng Mười` alone may count months)
                "textual_month_word",
                format!(r"(?i){wd}(?:{pre}\s+)?(?P<d>[0-9]{{1,2}})\s+(?i:tháng)\s+(?-i:(?P<mw>{month_words}))(?:(?:\s*,\s*|\s*(?i:năm)\s+|\s*/\s*)(?P<y>[0-9]{{4}}))?"),
                textual_day,
            ),
            (
                "day_month",
                format!(r"(?i){wd}{pre}\s+(?P<d>[0-9]{{1,2}})\s*(?:[/\-]\s*|\.)(?P<m>[0-9]{{1,2}})"),
                day_expr,
            ),
            (
                "weekday_day_month",
                // `thứ Năm (6/11)`, `thứ Sáu (1-11)`, `thứ Sáu, 1/11`, with
                // the time of day before it (`rạng sáng thứ Bảy (8/11)`)
                format!(r"(?i)(?:{pre}\s+)?(?P<wd>{wd_words})\s*(?:,?\s*\(\s*(?P<d>[0-9]{{1,2}})\s*[/\-]\s*(?P<m>[0-9]{{1,2}})\s*\)|,\s*(?P<d2>[0-9]{{1,2}})\s*/\s*(?P<m2>[0-9]{{1,2}}))"),
                weekday_with_day,
            ),
            (
                // `Hôm nay (8/11)`, `tối qua (ngày 7/11)`: the day in brackets
                "relative_day_month",
                r"(?i)(?:hôm|sáng|trưa|chiều|tối|đêm)\s+(?:nay|qua)\s*\(\s*(?:ngày\s+)?(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})(?:\s*/\s*(?P<y>[0-9]{4}))?\s*\)".to_string(),
                day_expr,
            ),
            (
                "preposition_day_month",
                r"(?i)(?:vào|từ|đến|tới|trước|sau|hồi|dịp|kể\s+từ|cho\s+đến)\s+(?P<span>(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2}))".to_string(),
                day_expr,
            ),
            (
                // the dateline of a news agency: `Hà Nội (TTXVN 28/4) -`
                "agency_day_month",
                r"\(\s*[A-ZĐ]{2,}\s+(?P<span>(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2}))\s*\)".to_string(),
                day_expr,
            ),
            (
                // a wire dateline: `SEOUL, 5/3 (Yonhap) -`, `Moskva, 12/3 –`
                // (the place before it: see `dateline_day_month`)
                "dateline_day_month",
                r"(?P<span>(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2}))\s*(?:\([^()]{2,40}\)\s*)?[-–—]\s".to_string(),
                dateline_day_month,
            ),
            (
                // `hôm 31/10 và 1/11`: a second day joined to a dated one
                "joined_day_month",
                r"(?i)(?:ngày|hôm|sáng|trưa|chiều|tối|đêm)\s+[0-9]{1,2}\s*/\s*[0-9]{1,2}\s+(?:và|hoặc)\s+(?P<span>(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2}))".to_string(),
                day_expr,
            ),
            (
                // `từ 2023 đến nay`: a bare year that starts a period lasting
                // until now
                "year_until_now",
                r"(?i)từ\s+(?P<span>(?P<y>(?:19|20)[0-9]{2}))\s+(?:đến|tới)\s+nay".to_string(),
                year_expr,
            ),
            (
                "month_year",
                r"(?i)tháng\s+(?P<m>[0-9]{1,2})\s*(?:/|-|năm\s)\s*(?P<y>[0-9]{4})".to_string(),
                month_expr,
            ),
            (
                "month_word",
                format!(r"(?i:tháng)\s+(?P<mw>{month_words})(?:\s*(?:(?i:năm)\s+|/\s*)(?P<y>[0-9]{{4}}))?"),
                month_expr,
            ),
            ("month", r"(?i)tháng\s+(?P<m>[0-9]{1,2})".to_string(), month_expr),
            ("year", r"(?i)năm\s+(?P<y>[0-9]{4})".to_string(), year_expr),
            (
                "lunar_new_year",
                // (each branch ends past the trigger word that begins it:
                // `Tết` alone is no match)
                r"(?i)(?:mùng|mồng)\s+(?P<d>[0-9]{1,2})\s+tết(?:\s+nguyên\s+đán)?(?:\s+(?:năm\s+)?(?P<y>(?:19|20)[0-9]{2}))?|tết\s+(?:(?P<nd>nguyên\s+đán)(?:\s+(?:năm\s+)?(?P<y2>(?:19|20)[0-9]{2}))?|(?:năm\s+)?(?P<y3>(?:19|20)[0-9]{2}))".to_string(),
                lunar_new_year,
            ),
            (
                "year_range",
                r"(?i)(?:(?:năm|giai\s+đoạn|thời\s+kỳ)\s+)?(?P<y1>(?:19|20)[0-9]{2})\s*[-–]\s*(?P<y2>(?:19|20)[0-9]{2})".to_string(),
                year_range,
            ),
            (
                "from_to_years",
                r"(?i)từ\s+(?:năm\s+)?(?P<y1>[0-9]{4})\s+(?:đến|tới)\s+(?:năm\s+)?(?P<y2>[0-9]{4})".to_string(),
                year_range,
            ),
            (
                "day_span",
                r"(?i)(?P<lead>từ\s+(?:ngày\s+)?|(?:ngày|hôm)\s+)?(?P<d1>[0-9]{1,2})\s*/\s*(?P<m1>[0-9]{1,2})(?:\s*/\s*(?P<y1>[0-9]{4}))?(?P<dash>\s*[-–]\s*|\s+(?:đến|tới)\s+(?:ngày\s+)?)(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})(?:\s*/\s*(?P<y>[0-9]{4}))?".to_string(),
                day_span,
            ),
            (
                // `từ ngày 28-2 đến 3-3`, `từ ngày 1-12 đến 5-12`: days
                // written with dashes, as official papers write them (only
                // after `ngày`: `từ 5-7 ngày` is a count)
                "dashed_day_span",
                r"(?i)(?P<lead>(?:từ\s+)?(?:ngày|hôm)\s+)(?P<d1>[0-9]{1,2})-(?P<m1>[0-9]{1,2})(?:-(?P<y1>[0-9]{4}))?(?P<dash>\s+(?:đến|tới)\s+(?:ngày\s+)?)(?P<d>[0-9]{1,2})-(?P<m>[0-9]{1,2})(?:-(?P<y>[0-9]{4}))?".to_string(),
                dashed_day_span,
            ),
            (
                "day_range",
                // (the month in numbers or words: `22-26/4`, `ngày 20 và 21
                // tháng 11 năm 2025`)
                r"(?i)(?P<lead>từ\s+(?:ngày\s+)?|(?:ngày|hôm)\s+)?(?P<d1>[0-9]{1,2})(?P<dash>\s*(?:-|–)\s*|\s+(?:đến|tới|và)\s+(?:ngày\s+)?)(?P<d>[0-9]{1,2})(?:\s*[/\-]\s*|\s+tháng\s+)(?P<m>[0-9]{1,2})(?:(?:\s*[/\-]\s*|\s+năm\s+)(?P<y>[0-9]{4}))?".to_string(),
                day_range,
            ),
            (
                "overnight",
                r"(?i)(?:đêm|tối)\s+(?:ngày\s+)?(?P<d1>[0-9]{1,2})\s*,?\s*(?:rạng\s+sáng|sáng)\s+(?:ngày\s+)?(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})(?:\s*/\s*(?P<y>[0-9]{4}))?".to_string(),
                overnight,
            ),
            (
                "month_range",
                r"(?i)(?:từ\s+)?tháng\s+(?P<m1>[0-9]{1,2})\s*(?:-|–|\s(?:đến|tới)\s)\s*(?:tháng\s+)?(?P<m2>[0-9]{1,2})(?:\s*(?:/|năm\s)\s*(?P<y>[0-9]{4}))?".to_string(),
                month_range,
            ),
            (
                // `6 tháng đầu năm 2025`, `9 tháng đầu năm nay`: longer than
                // `đầu năm 2025`, which it is not
                "months_of_year",
                r"(?i)(?P<n>[0-9]{1,2}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mười\s+một)\s+tháng\s+(?P<part>đầu|cuối)\s+(?:của\s+)?năm(?:\s+(?P<y>[0-9]{4}))?".to_string(),
                months_of_year,
            ),
            (
                "quarter",
                r"(?i)quý\s+(?P<q>IV|I{1,3}|[1-4])(?:\s*(?:/|năm\s)\s*(?P<y>[0-9]{4}))?".to_string(),
                quarter,
            ),
            (
                "half_year",
                r"(?i)nửa\s+(?P<h>đầu|cuối|sau)\s+(?:của\s+)?năm(?:\s*(?P<y>[0-9]{4})|\s+(?P<rel>nay|ngoái|tới|sau))?".to_string(),
                half,
            ),
            (
                "decade",
                r"(?i)(?:thập\s+(?:niên|kỷ)|những\s+năm|các\s+năm)\s+(?P<dec>[0-9]{4}|[0-9]{2})".to_string(),
                decade,
            ),
            (
                "century",
                r"(?i)thế\s+kỷ\s+(?:thứ\s+)?(?P<cen>[0-9]{1,2}|[IVX]{1,6})".to_string(),
                century,
            ),
            (
                // `thứ Hai tuần trước`: longer than `Hai tuần trước` (ago),
                // which it is not
                "weekday_of_week",
                format!(r"(?i)(?P<wd>{wd_words})\s+tuần\s+(?P<rel>trước|này|tới|sau|qua)"),
                weekday_of_week,
            ),
            (
                // `hôm thứ Năm`, `Chủ nhật vừa qua`, `thứ Sáu tới`: shorter
                // than a weekday with its date (`thứ Năm (6/11)`), which wins
                "bare_weekday",
                format!(r"(?i)(?P<vao>vào\s+)?(?P<span>(?:(?P<pre>ngày|hôm|sáng|trưa|chiều|tối|đêm)\s+)?(?P<wd>{wd_words})(?:\s+(?P<rel>vừa\s+qua|tới))?)"),
                bare_weekday,
            ),
            (
                "relative",
                r"(?i)(?P<rel>hôm\s+nay|hôm\s+qua|hôm\s+kia|(?:sáng(?:\s+sớm)?|rạng\s+sáng|trưa|chiều|tối|đêm)\s+(?:nay|qua|mai)|ngày\s+mai|ngày\s+kia|tuần\s+(?:trước|này|tới|sau)|tháng\s+(?:trước|này|tới|sau)|năm\s+(?:ngoái|nay|tới|sau|trước))".to_string(),
                relative,
            ),
            (
                // `từ đầu năm`, `vào cuối tháng`: this year or month; the
                // span is the period word, and the modifier before it is
                // attached like any other (`đầu năm 2024` is the year rule's)
                "part_of_period",
                r"(?i)(?:đầu|giữa|cuối)\s+(?P<span>(?P<u>năm|tháng))".to_string(),
                part_of_period,
            ),
            (
                // `cuối tuần qua`, `đầu tháng qua`: after a part word,
                // `qua` is the last such period (`tuần qua` alone, the past
                // week, stays vague); the span is the period, and the part
                // word is attached as a modifier
                "part_of_last_period",
                r"(?i)(?:đầu|giữa|cuối)\s+(?P<span>(?P<u>tuần|tháng|năm)\s+qua)".to_string(),
                last_period,
            ),
            (
                "ago",
                r"(?i)(?P<n>[0-9]{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?P<u>ngày|tuần|tháng|năm)\s+trước".to_string(),
                ago,
            ),
            (
                // `cách đây 3 năm`: unlike `3 năm trước`, never the
                // duration before an event; a qualified number (`cách đây
                // hơn 70 năm`) is no day
                "ago_from_now",
                r"(?i)cách\s+đây\s+(?P<n>[0-9]{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?P<u>ngày|tuần|tháng|năm)".to_string(),
                ago,
            ),
            (
                // `sáng cùng ngày`, `ngày hôm sau`: the day the text dated
                // last, or the one after or before it
                "day_after_previous",
                r"(?i)(?:(?P<pre>sáng|trưa|chiều|tối|đêm|rạng\s+sáng)\s+)?(?:cùng\s+ngày|(?P<ngay>ngày\s+)?hôm\s+(?P<rel>đó|sau|trước))|(?P<count>một|hai|ba|bốn|[0-9]{1,2})\s+ngày\s+(?P<dir>sau|trước)\s+đó".to_string(),
                day_after_previous,
            ),
            (
                "vague",
                r"(?i)(?:thời\s+gian\s+gần\s+đây|những\s+(?:ngày|tuần|tháng|năm)\s+gần\s+đây|gần\s+đây|mới\s+đây|tương\s+lai|ngày\s+nay|trong\s+ngày\s+tới|những\s+(?:ngày|tuần|tháng|năm)\s+tới|thời\s+gian\s+tới|sắp\s+tới|(?:năm|tháng|tuần)\s+qua)".to_string(),
                vague,
            ),
        ];
        let set = hybrid::dfa::DFA::builder()
            .configure(hybrid::dfa::DFA::config().match_kind(regex_automata::MatchKind::All))
            .build_many(&defs.iter().map(|(_, p, _)| p.as_str()).collect::<Vec<_>>())
            .expect("date rule set");
        let rules = defs
            .into_iter()
            .map(|(name, pattern, handler)| {
                let re =
                    meta::Regex::new(&pattern).unwrap_or_else(|e| panic!("date rule {name}: {e}"));
                let group_names = re
                    .group_info()
                    .pattern_names(regex_automata::PatternID::ZERO)
                    .map(|n| n.map(str::to_string))
                    .collect();
                Rule {
                    name,
                    pattern,
                    re,
                    group_names,
                    handler,
                }
            })
            .collect();
        RuleBook { rules, set }
    })
}

/// A date mention with its place in the normalized text, for extractors
/// that run after dates (troop figures read the date of their sentence).
#[derive(Debug, Clone)]
pub struct Located {
    /// First byte in the normalized text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The mention as reported.
    pub mention: DateMention,
}

/// Find every temporal expression of the document and resolve it.
pub fn extract(doc: &Prepared, ctx: &Context) -> Vec<DateMention> {
    find(doc, ctx).into_iter().map(|l| l.mention).collect()
}

/// Like [`find`], and for a document without a publication date, the one
/// it gives by itself: a dateline's day ([`dateline_published`]), against
/// which the relative dates (`tuần trước`, `hôm qua`) are then resolved;
/// else the day its lead's story gives ([`infer_published`]), weaker
/// evidence that leaves them unresolved.
pub fn find_inferring_published(
    doc: &Prepared,
    ctx: &Context,
) -> (Vec<Located>, Option<PartialDate>) {
    let candidates = find_candidates(doc);
    if ctx.published.is_some() {
        return (resolve_all(doc, ctx, candidates), None);
    }
    // (the rules' matches do not depend on the anchor: only resolving them
    // is done again)
    let dates = resolve_all(doc, ctx, candidates.clone());
    match dateline_published(doc, &dates) {
        Some(day) => {
            let anchored = Context {
                published: Some(day),
                ..*ctx
            };
            (resolve_all(doc, &anchored, candidates), Some(day))
        }
        None => {
            let inferred = infer_published(doc, &dates);
            (dates, inferred)
        }
    }
}

/// Like [`extract`], keeping the normalized offsets.
pub fn find(doc: &Prepared, ctx: &Context) -> Vec<Located> {
    resolve_all(doc, ctx, find_candidates(doc))
}

/// The rule matches of a document, resolved against its anchor.
fn resolve_all(doc: &Prepared, ctx: &Context, candidates: Vec<Candidate>) -> Vec<Located> {
    let text = doc.text();
    let anchor = DocAnchor::new(doc, ctx, &candidates);
    let mut out: Vec<(Candidate, Resolved)> = candidates
        .into_iter()
        .map(|c| {
            let r = anchor.resolve(&c);
            (c, r)
        })
        .collect();
    count_from_previous_day(&mut out);
    merge_from_to(text, &anchor, &mut out);
    out.into_iter()
        .map(|(c, r)| {
            let (text, span) = doc.original_text(c.start, c.end);
            Located {
                start: c.start,
                end: c.end,
                mention: DateMention {
                    text,
                    span,
                    value: r.value,
                    granularity: r.granularity,
                    anchor: r.anchor,
                    modifier: c.modifier,
                    weekday: c.weekday.map(weekday_name),
                    weekday_consistent: r.weekday_consistent,
                },
            }
        })
        .collect()
}

/// Resolve `cùng ngày`, `hôm sau` (in text order, like `out`) from the
/// last day before them: the same day or one after or before it, anchored
/// in context (or like that day, if it was counted from publication or has
/// no year). A day whose year is unknown gives the same day only
/// (the day after 28/2 depends on the year); without a day before, the
/// value stays unknown.
fn count_from_previous_day(out: &mut [(Candidate, Resolved)]) {
    let mut previous: Option<(String, Anchor)> = None;
    for (c, r) in out.iter_mut() {
        if let Expr::DayAfterPrevious { offset, chains } = c.expr {
            let Some((value, anchor)) = &previous else {
                continue;
            };
            let counted = match crate::prepare::parse_iso(value) {
                Some(PartialDate {
                    year,
                    month: Some(m),
                    day: Some(d),
                }) => NaiveDate::from_ymd_opt(year, m, d).map(|day| {
                    (day + Duration::days(i64::from(offset)))
                        .format("%Y-%m-%d")
                        .to_string()
                }),
                _ => (offset == 0).then(|| value.clone()),
            };
            if let Some(v) = counted {
                r.value = Some(v.clone());
                // taken from another date of the text, unless that one was
                // counted from publication or has no year
                r.anchor = match anchor {
                    Anchor::Explicit => Anchor::Context,
                    other => *other,
                };
                // (the next is counted from this one: `Một ngày trước đó
                // … Hai ngày sau đó`)
                if chains {
                    previous = Some((v, r.anchor));
                }
            }
        } else if r.granularity == Granularity::Day {
            if let Some(v) = &r.value {
                previous = Some((v.clone(), r.anchor));
            }
        }
    }
}

/// How many sentences from the start make the lead: the title, a caption
/// or the first sentence usually date the news.
const LEAD_SENTENCES: usize = 3;

/// Words a dateline may hold besides its date and time: `Cập nhật: 21:15 |
/// 28/10/2024`, `Ngày đăng: 3/9/2025, 10:20 (GMT+7)`.
const DATELINE_WORDS: &[&str] = &[
    "cập", "nhật", "đăng", "ngày", "lúc", "giờ", "gmt", "utc", "ict", "xuất", "bản", "thời",
    "gian", "sửa", "đổi", "lần", "cuối", "sáng", "chiều", "tối", "am", "pm", "h",
];

/// True when the sentence `range` is a dateline: besides the date spans in
/// it, only numbers, punctuation and [`DATELINE_WORDS`], after the place it
/// may open with (`Hà Nội, ngày 12 tháng 3 năm 2025`, `Moskva, 12/3/2025`:
/// up to four capitalized words and a comma).
fn is_dateline(text: &str, range: &Range<usize>, dates: &[Located]) -> bool {
    let mut rest = String::new();
    let mut at = range.start;
    if let Some((place, _)) = text[range.clone()].split_once(',') {
        let first_date = dates.iter().find(|d| range.contains(&d.start));
        if capitalized_words(place, 4)
            && first_date.is_some_and(|d| d.start > range.start + place.len())
        {
            at = range.start + place.len() + 1;
        }
    }
    for d in dates.iter().filter(|d| range.contains(&d.start)) {
        rest.push_str(text.get(at..d.start).unwrap_or(""));
        rest.push(' ');
        at = d.end.max(at);
    }
    rest.push_str(text.get(at..range.end).unwrap_or(""));
    rest.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(|w| DATELINE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The day a dateline among the lead's lines gives, with its year:
/// `Cập nhật: 21:15 | 28/10/2024`, `Thứ Tư, 3/9/2025, 10:20 (GMT+7)`;
/// else one among the last lines, where a page scraped whole may put it,
/// when it says it is one (`Cập nhật: 08/11/2025`, `Đăng lúc 10:20
/// 8/11/2025`; a closing `Ngày 30/4/1975.` is no dateline).
pub fn dateline_published(doc: &Prepared, dates: &[Located]) -> Option<PartialDate> {
    let text = doc.text();
    let day_of = |r: &Range<usize>| {
        let mut in_line = dates.iter().filter(|d| r.contains(&d.start));
        let first = in_line.next()?;
        let m = &first.mention;
        let explicit_day = m.anchor == Anchor::Explicit && m.granularity == Granularity::Day;
        if !explicit_day || in_line.next().is_some() || !is_dateline(text, r, dates) {
            return None;
        }
        crate::prepare::parse_iso(m.value.as_deref()?).filter(|p| p.day.is_some())
    };
    let says_it_is_one = |r: &&Range<usize>| {
        let line = text[(*r).clone()].to_lowercase();
        ["cập nhật", "đăng", "xuất bản"]
            .iter()
            .any(|w| line.contains(w))
            || line.split(|c: char| c.is_whitespace()).any(is_clock_time)
    };
    doc.sentences
        .iter()
        .take(LEAD_SENTENCES)
        .find_map(|r| day_of(r).or_else(|| day_of(&wire_dateline(text, r)?)))
        .or_else(|| {
            let lead = doc.sentences.len().min(LEAD_SENTENCES);
            // (the cheap tests of `day_of` first: most lines hold no date)
            doc.sentences[lead..]
                .iter()
                .rev()
                .take(LEAD_SENTENCES)
                .find_map(|r| day_of(r).filter(|_| says_it_is_one(&r)))
        })
}

/// The wire dateline that opens the sentence `r`, before its dash and
/// without the agency in brackets: `Hà Nội, ngày 5/3/2025` of `Hà Nội,
/// ngày 5/3/2025 (TTXVN) - Bộ Ngoại giao hôm nay cho biết …`. The dash is
/// within the sentence's first 100 bytes, with a space either side.
fn wire_dateline(text: &str, r: &Range<usize>) -> Option<Range<usize>> {
    let sentence = &text[r.clone()];
    let dash = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| sentence.find(d))
        .min()
        .filter(|&at| at <= 100)?;
    let mut head = sentence[..dash].trim_end();
    // the agency: `(TTXVN)`, `(Yonhap)`, `(Dân trí)`
    if let Some((before, agency)) = head.strip_suffix(')').and_then(|h| h.rsplit_once('(')) {
        if capitalized_words(agency, 3) {
            head = before.trim_end();
        }
    }
    Some(r.start..r.start + head.len())
}

/// A clock time as datelines write it: `10:20`, `21h15`, `9h`.
fn is_clock_time(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let Some((h, m)) = word.split_once([':', 'h']) else {
        return false;
    };
    !h.is_empty()
        && h.len() <= 2
        && h.bytes().all(|b| b.is_ascii_digit())
        && (m.is_empty() || m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether the date at `date` (offsets of `key`, whose sentences are
/// `sentences`) is a coming one: `ngày 5/12 tới`, `sẽ … vào tháng 10`.
fn looks_ahead(key: &str, sentences: &[Range<usize>], date: Range<usize>) -> bool {
    // `ngày 5/12 tới`, `tháng 10 tới đây`: the coming one
    let mut after = key[date.end.min(key.len())..].split_whitespace();
    // (not `tới` before another date: `từ ngày 30/4 tới ngày 2/5` is
    // `to`)
    let starts_a_date = |w: Option<&str>| {
        w.is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    w,
                    "ngày"
                        | "hôm"
                        | "tháng"
                        | "năm"
                        | "hết"
                        | "sáng"
                        | "trưa"
                        | "chiều"
                        | "tối"
                        | "đêm"
                )
        })
    };
    match (after.next(), after.next()) {
        (Some("tới"), next) if !starts_a_date(next) => return true,
        (Some("sắp"), Some("tới")) => return true,
        _ => {}
    }
    let pos = date.start;
    let i = sentences.partition_point(|r| r.end <= pos);
    let Some(r) = sentences.get(i).filter(|r| r.start <= pos) else {
        return false;
    };
    // the clause before the date: at most ~120 bytes back
    let before = super::window_before(key, pos, 120, r.start);
    // the last forward word, unless a past marker follows it (`sẽ ...
    // đã`); `tới` alone is not one: before a date it is mostly `to`
    // (`điều quân tới Nga từ tháng 10`)
    super::find_last_of_either(before, PAST_WORDS, FORWARD_WORDS) == Some(false)
}

/// A publication date the article's story gives, for an article without
/// one or a dateline: the latest day its lead dates (`Ngày 8/7, một phái
/// đoàn…`), when that day's year is known and no day anywhere in the
/// article is later. Any later day (a follow-up) makes the evidence
/// inconsistent, and nothing is inferred; a coming day (see `looks_ahead`:
/// `có hiệu lực từ ngày 4/12 tới`) is not the story's and is left out.
pub fn infer_published(doc: &Prepared, dates: &[Located]) -> Option<PartialDate> {
    let lead_end = doc
        .sentences
        .get(LEAD_SENTENCES - 1)
        .map_or(usize::MAX, |r| r.end);
    let day = |l: &Located| {
        let m = &l.mention;
        let known = matches!(m.anchor, Anchor::Explicit | Anchor::Context);
        // (a coming day, `có hiệu lực từ ngày 4/12 tới`, is no day of the
        // story)
        if m.granularity != Granularity::Day
            || !known
            || looks_ahead(&doc.key, &doc.sentences, l.start..l.end)
        {
            return None;
        }
        crate::prepare::parse_iso(m.value.as_deref()?).filter(|p| p.day.is_some())
    };
    let key = |p: &PartialDate| (p.year, p.month, p.day);
    let lead = dates
        .iter()
        .filter(|l| l.start < lead_end)
        .filter_map(day)
        .max_by_key(key)?;
    let latest = dates.iter().filter_map(day).max_by_key(key)?;
    (key(&latest) <= key(&lead)).then_some(lead)
}

fn weekday_name(n: u32) -> &'static str {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ][(n as usize).clamp(1, 7) - 1]
}

/// All rule matches in the document's sentences, overlaps settled longest
/// first (then earliest, then rule order), sorted by position.
fn find_candidates(doc: &Prepared) -> Vec<Candidate> {
    let mut all = Vec::new();
    let mut search = RuleSearch::new();
    for sentence in &doc.sentences {
        search.sentence(doc, sentence.clone(), &mut all);
    }
    all.retain(|(_, c)| !in_event_name(&doc.key, c.start, c.end));
    settle_overlaps(&doc.key, all)
}

/// The words a rule's match can begin with (lowercase), besides a number
/// and an opening bracket: the first words of every rule's pattern.
const TRIGGER_WORDS: &[&str] = &[
    "ba", "bảy", "bốn", "các", "cách", "chiều", "chín", "cho", "chủ", "cùng", "cuối", "dịp", "đầu",
    "đêm", "đến", "gần", "giai", "giữa", "hai", "hồi", "hôm", "kể", "khuya", "một", "mới", "mồng",
    "mùng", "mười", "năm", "ngày", "những", "nửa", "quý", "rạng", "sáng", "sắp", "sau", "sáu",
    "tám", "tết", "tháng", "thập", "thế", "thời", "thứ", "tối", "tới", "trong", "trưa", "trước",
    "từ", "tuần", "tương", "vào",
];

/// [`TRIGGER_WORDS`] by their hash, asked of every word of a document.
fn trigger_hashes() -> &'static WordHashSet<64> {
    static HASHES: OnceLock<WordHashSet<64>> = OnceLock::new();
    HASHES.get_or_init(|| WordHashSet::new(TRIGGER_WORDS))
}

/// The rule searches of one document, and what they reuse from one
/// search to the next.
///
/// Speed: a rule's match begins where a word begins (its edges are
/// checked), and its first word is one of [`TRIGGER_WORDS`], a number or
/// an opening bracket (`every_rule_match_begins_with_a_trigger` proves it
/// from the patterns). So the rules are searched only there: all at once,
/// anchored, and the few that match again for their groups. Searching each
/// sentence whole with the set of rules, then each matching rule for its
/// groups, cost 7% more time over a whole run (13% of all instructions
/// went to those searches).
///
/// As when each rule was searched from the start of the sentence, a rule
/// is not searched again inside its own last match. A match that begins
/// inside a word (and is then refused) no longer hides a later one.
struct RuleSearch {
    rules: &'static [Rule],
    set: &'static hybrid::dfa::DFA,
    /// The set's lazy DFA cache, borrowed from the thread for the document.
    cache: Option<hybrid::dfa::Cache>,
    triggers: &'static WordHashSet<64>,
    /// The rules that match at the current place.
    matched: PatternSet,
    /// For each rule, the end of its last match in the current sentence.
    searched_to: Vec<usize>,
}

thread_local! {
    /// Each thread's cache of the rule set's lazy DFA: kept from one
    /// document to the next, as the states it has built stay useful.
    static SET_CACHE: std::cell::Cell<Option<hybrid::dfa::Cache>> =
        const { std::cell::Cell::new(None) };
}

impl Drop for RuleSearch {
    fn drop(&mut self) {
        SET_CACHE.set(self.cache.take());
    }
}

/// A sentence as the searches read it.
struct Sentence<'t> {
    /// The whole normalized text.
    text: &'t str,
    /// The sentence's first byte in `text`.
    body: usize,
    /// The sentence.
    hay: &'t str,
}

impl RuleSearch {
    fn new() -> RuleSearch {
        let book = rule_book();
        let cache = SET_CACHE.take().unwrap_or_else(|| book.set.create_cache());
        RuleSearch {
            rules: &book.rules,
            set: &book.set,
            cache: Some(cache),
            triggers: trigger_hashes(),
            matched: PatternSet::new(book.rules.len()),
            searched_to: vec![0; book.rules.len()],
        }
    }

    /// Append the rule matches in `sentence` of `doc`, with the index of
    /// their rule, to `all`.
    fn sentence(
        &mut self,
        doc: &Prepared,
        sentence: Range<usize>,
        all: &mut Vec<(usize, Candidate)>,
    ) {
        let text = doc.text();
        let s = Sentence {
            text,
            body: sentence.start,
            hay: &text[sentence.clone()],
        };
        self.searched_to.fill(0);
        let bytes = s.hay.as_bytes();
        for (start, hash) in doc.key_words.starting_in(sentence.start, sentence.end) {
            let at = start - s.body;
            if bytes[at].is_ascii_digit() || self.triggers.contains(hash) {
                self.search_at(&s, at, all);
            }
        }
        // a news agency's dateline opens with a bracket: `(TTXVN 28/4)`
        for at in memchr::memchr_iter(b'(', bytes) {
            self.search_at(&s, at, all);
        }
    }

    /// Put the rules that match where `input` (anchored) starts in
    /// [`RuleSearch::matched`].
    ///
    /// Speed: a walk of the set's lazy DFA, byte by byte until no rule can
    /// match any more (a few bytes, mostly), costs about a quarter of what
    /// the `meta` regex's overlapping search did: most of that went to
    /// setting each search up.
    fn rules_matching_at(&mut self, input: &Input) {
        let rest = &input.haystack()[input.start()..];
        let walked = self
            .cache
            .as_mut()
            .and_then(|cache| walk_set(self.set, cache, rest, &mut self.matched));
        if walked.is_none() {
            // the lazy DFA gave up (it does not, as configured): each rule
            // searched on its own says the same
            self.matched.clear();
            each_rule_matching(self.rules, input, &mut self.matched);
        }
    }

    /// Search the rules anchored at byte `at` of the sentence, and append
    /// the candidates of those that match.
    fn search_at(&mut self, s: &Sentence, at: usize, all: &mut Vec<(usize, Candidate)>) {
        let input = Input::new(s.hay).range(at..).anchored(Anchored::Yes);
        // (clearing and reading the set's 33 flags cost more than the
        // search where nothing matches, which is most places)
        if !self.matched.is_empty() {
            self.matched.clear();
        }
        self.rules_matching_at(&input);
        if self.matched.is_empty() {
            return;
        }
        for pid in self.matched.iter() {
            let ri = pid.as_usize();
            if at < self.searched_to[ri] {
                continue;
            }
            let rule = &self.rules[ri];
            let mut caps = rule.re.create_captures();
            rule.re.search_captures(&input, &mut caps);
            let Some(m) = caps.get_match() else {
                continue;
            };
            self.searched_to[ri] = m.end();
            let groups = Groups {
                caps: &caps,
                hay: s.hay,
                names: &rule.group_names,
            };
            if let Some(c) = rule_candidate(s, ri, rule, &groups, all) {
                all.push((ri, c));
            }
        }
    }
}

/// Put every rule that matches at `input`'s start (anchored) in `matched`,
/// searching one rule after another: what [`walk_set`] tells in one walk.
fn each_rule_matching(rules: &[Rule], input: &Input, matched: &mut PatternSet) {
    for (ri, rule) in rules.iter().enumerate() {
        if rule.re.search_half(input).is_some() {
            matched.insert(regex_automata::PatternID::must(ri));
        }
    }
}

/// Walk `set` over `hay` from its start (anchored) and put every pattern
/// that matches a prefix of it in `matched`; `None` if the lazy DFA gave up.
fn walk_set(
    set: &hybrid::dfa::DFA,
    cache: &mut hybrid::dfa::Cache,
    hay: &[u8],
    matched: &mut PatternSet,
) -> Option<()> {
    let record = |cache: &hybrid::dfa::Cache, sid, matched: &mut PatternSet| {
        for i in 0..set.match_len(cache, sid) {
            matched.insert(set.match_pattern(cache, sid, i));
        }
    };
    let mut sid = set
        .start_state(cache, &start::Config::new().anchored(Anchored::Yes))
        .ok()?;
    for &byte in hay {
        sid = set.next_state(cache, sid, byte).ok()?;
        if sid.is_tagged() {
            if sid.is_dead() {
                return Some(());
            }
            if sid.is_quit() {
                return None;
            }
            if sid.is_match() {
                // (a match state says what matched before this byte)
                record(cache, sid, matched);
            }
        }
    }
    sid = set.next_eoi_state(cache, sid).ok()?;
    if sid.is_match() {
        record(cache, sid, matched);
    }
    Some(())
}

/// The candidate of one rule match (and, for a list, those of the dates
/// listed before its last, pushed to `found`).
fn rule_candidate(
    s: &Sentence,
    ri: usize,
    rule: &Rule,
    caps: &Groups,
    found: &mut Vec<(usize, Candidate)>,
) -> Option<Candidate> {
    let (text, body, t) = (s.text, s.body, tables());
    let whole = caps.whole();
    let (mut s, mut e) = (body + whole.start(), body + whole.end());
    if let Some(span) = caps.name("span") {
        (s, e) = (body + span.start(), body + span.end());
    }
    // Word boundaries are checked here rather than with `\b` in the
    // patterns: a Unicode `\b` keeps the regex engine off its fast DFA on
    // Vietnamese text (a 20x slowdown, measured).
    let ws = body + whole.start();
    if !clean_edges(text, s, e) || !super::word_edges(text, ws, e) {
        return None;
    }
    let expr = (rule.handler)(caps, t)?;
    let narrative = || refers_to_narrative(text, e);
    let bare_last = || caps.name("bare").is_some();
    if (rule.name == "month_list" && bare_last() && !bare_month_ends_phrase(text, e))
        || (rule.name == "relative"
            && (preceded_by_number(text, s) || narrative() || after_frequency_word(text, s)))
        || (rule.name == "part_of_period" && narrative())
        || (rule.name == "day_after_previous" && !names_a_day(text, e))
        || (rule.name == "bare_weekday" && recurring_weekday(text, s, e))
        || (matches!(expr, Expr::Day { y: None, .. }) && recurs_yearly(text, e))
        || (rule.name == "ago" && (narrative() || before_an_event(text, e) || after_thu(text, s)))
    {
        return None;
    }
    let weekday = caps.name("wd").and_then(|w| weekday_number(t, w.as_str()));
    // `15/8 âm lịch`: a lunar day or month, whose year may come after the
    // marker (`10 tháng 3 (âm lịch) năm 2023`)
    let lunar_end = matches!(expr, Expr::Day { .. } | Expr::Month { .. })
        .then(|| lunar_marker_after(text, e))
        .flatten();
    let (mut e, calendar) = match lunar_end {
        Some((end, leap)) => (end, Calendar::Lunar { leap }),
        None if rule.name == "lunar_new_year" => (e, Calendar::Lunar { leap: false }),
        None => (e, Calendar::Solar),
    };
    let mut expr = expr;
    if calendar != Calendar::Solar {
        if let Some((end, year)) = year_after(text, e) {
            if let Expr::Day { y: y @ None, .. } | Expr::Month { y: y @ None, .. } = &mut expr {
                (*y, e) = (Some(year), end);
            }
        }
    }
    let relative_year = lacks_year(&expr)
        .then(|| relative_year_after(text, e))
        .flatten();
    let (e, year_offset) = match relative_year {
        Some((end, offset)) => (end, Some(offset)),
        None => (e, None),
    };
    if matches!(rule.name, "day_list" | "month_list" | "year_list") {
        for (start, end, expr) in listed_dates(caps, &expr, body) {
            found.push((
                ri,
                Candidate {
                    start,
                    end,
                    expr,
                    weekday: None,
                    modifier: None,
                    year_offset,
                    calendar,
                    rule: rule.name,
                },
            ));
        }
    }
    Some(Candidate {
        start: s,
        end: e,
        expr,
        weekday,
        modifier: None,
        year_offset,
        calendar,
        rule: rule.name,
    })
}

/// Keep the longest of overlapping candidates (then the earliest, then the
/// first rule), attach modifiers, and sort by position.
fn settle_overlaps(key: &str, mut all: Vec<(usize, Candidate)>) -> Vec<Candidate> {
    all.sort_by_key(|(ri, c)| (std::cmp::Reverse(c.end - c.start), c.start, *ri));
    // greedy, longest first; the map of taken intervals keeps the overlap
    // test logarithmic (a one-line 50 MB file has hundreds of thousands)
    let mut taken: Vec<Candidate> = Vec::new();
    let mut taken_map: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for (_, c) in all {
        let overlaps_before = taken_map
            .range(..=c.start)
            .next_back()
            .is_some_and(|(_, &e)| e > c.start);
        let overlaps_inside = taken_map.range(c.start..c.end).next().is_some();
        if !overlaps_before && !overlaps_inside {
            taken_map.insert(c.start, c.end);
            taken.push(c);
        }
    }
    taken.sort_by_key(|c| (c.start, c.end));
    for c in &mut taken {
        attach_modifier(key, c);
    }
    taken
}

/// A date never continues a number: `1.5/11` or `3/4/5` are not dates.
fn clean_edges(text: &str, s: usize, e: usize) -> bool {
    let before = &text[..s];
    let continues_number = match before.chars().next_back() {
        Some(c) if c.is_ascii_digit() || c == '/' || c == ',' => true,
        Some('.') => before[..before.len() - 1].ends_with(|d: char| d.is_ascii_digit()),
        _ => false,
    };
    let mut after = text[e..].chars();
    let (a1, a2) = (after.next(), after.next());
    let runs_on = a1.is_some_and(|c| c.is_ascii_digit())
        || (matches!(a1, Some('/' | '.' | '-')) && a2.is_some_and(|c| c.is_ascii_digit()));
    !continues_number && !runs_on
}

/// `3 tháng sau` is a duration, not "next month".
/// `một tuần trước khi …`, `một ngày trước lễ duyệt binh`: before an event
/// the sentence tells, not a week or a day before publication.
fn before_an_event(text: &str, e: usize) -> bool {
    EVENT_HEADS.contains(&next_word_lowercase(text, e).as_str())
}

/// The words after byte `e` of `text`, lowercase, each without the
/// punctuation after it.
fn words_after_lowercase(text: &str, e: usize) -> impl Iterator<Item = String> + '_ {
    text[e..].split_whitespace().map(|w| {
        w.trim_end_matches(|c: char| !crate::normalize::is_word_char(c))
            .to_lowercase()
    })
}

/// The word after byte `e` of `text`, lowercase, without the punctuation
/// after it.
fn next_word_lowercase(text: &str, e: usize) -> String {
    words_after_lowercase(text, e).next().unwrap_or_default()
}

/// First words of what an event is called: a time (`khi`, `lúc`, `ngày`)
/// or the head noun of an occasion (`lễ`, `cuộc`, `chuyến`, `hội nghị`,
/// `phiên`, `kỳ`, `hạn`, `Tết`, …).
const EVENT_HEADS: &[&str] = &[
    "khi",
    "lúc",
    "ngày",
    "lễ",
    "cuộc",
    "chuyến",
    "hội",
    "sự",
    "buổi",
    "đợt",
    "phiên",
    "kỳ",
    "thời",
    "hạn",
    "tết",
    "giáng",
    "bầu",
    "trận",
    "chiến",
    "vụ",
    "thượng",
    "đại",
];

/// `đầu năm`, `cuối tháng` with no number after: the current one.
fn part_of_period(c: &Groups, _: &Tables) -> Option<Expr> {
    let unit = match c.name("u")?.as_str().to_lowercase().as_str() {
        "năm" => Unit::Year,
        _ => Unit::Month,
    };
    Some(Expr::Relative { unit, offset: 0 })
}

fn preceded_by_number(text: &str, s: usize) -> bool {
    let before = text[..s].trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty()
        || crate::extract::numbers::small_number(word).is_some()
        || QUANTITY_WORDS.contains(&word.to_lowercase().as_str())
}

/// Words that count like a number (`vài tuần sau`, a few weeks later;
/// `mấy ngày trước`).
const QUANTITY_WORDS: &[&str] = &["vài", "mấy", "nhiều", "dăm", "ít"];

/// `thứ` right before `s`: `thứ Hai tuần trước` is a weekday, not two
/// weeks ago.
fn after_thu(text: &str, s: usize) -> bool {
    word_before_lowercase(text, s) == "thứ"
}

/// A day or month whose year the text does not give in numbers.
fn lacks_year(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Day { y: None, .. }
            | Expr::Month { y: None, .. }
            | Expr::DayRange { y: None, .. }
            | Expr::DaySpan { y: None, .. }
            | Expr::MonthRange { y: None, .. }
            | Expr::Quarter { y: None, .. }
    )
}

/// The year said relative to publication right after a date ending at
/// `e`: ` năm ngoái` (-1), ` năm nay` (0), ` năm tới` (+1) … with the end
/// of those words. Not `năm trước đó`, which counts from the story.
fn relative_year_after(text: &str, e: usize) -> Option<(usize, i32)> {
    let rest = &text[e..];
    let after_space = rest.trim_start_matches([' ', '\t']);
    if after_space.len() == rest.len() {
        return None;
    }
    // (a line break may end the second word: `năm ngoái.` ends a paragraph)
    let mut words = after_space.splitn(3, char::is_whitespace);
    let (year_word, which) = (words.next()?, words.next()?);
    if year_word.to_lowercase() != "năm" {
        return None;
    }
    let which = which.trim_end_matches(|c: char| !crate::normalize::is_word_char(c));
    let offset = match which.to_lowercase().as_str() {
        "nay" => 0,
        "ngoái" | "trước" => -1,
        "tới" | "sau" => 1,
        _ => return None,
    };
    let end = text.len() - after_space.len() + year_word.len() + 1 + which.len();
    (!refers_to_narrative(text, end)).then_some((end, offset))
}

/// The end of the lunar calendar's marker right after a date that ends at
/// `e`, and whether it names the leap month: `âm lịch`, or `(âm lịch)`
/// with its bracket (`ngày 15/8 âm lịch`, `mùng 10 tháng 3 (âm lịch)`),
/// after `nhuận` (leap, which only the lunar calendar has) or `nhuận`
/// alone (`ngày 15 tháng 6 nhuận`).
fn lunar_marker_after(text: &str, e: usize) -> Option<(usize, bool)> {
    let leap_end = word_after(text, e, &["nhuận", "Nhuận"]);
    let from = leap_end.unwrap_or(e);
    let rest = &text[from..];
    let after_space = rest.trim_start_matches(' ');
    let (bracket, words) = match after_space.strip_prefix('(') {
        Some(inside) => (true, inside.trim_start_matches(' ')),
        None => (false, after_space),
    };
    // (the marker's capitalized and upper-case forms have its length)
    let marker_end = words
        .get(.."âm lịch".len())
        .filter(|head| matches!(*head, "âm lịch" | "Âm lịch" | "ÂM LỊCH"))
        .filter(|_| super::word_edges(words, 0, "âm lịch".len()))
        .map(|_| text.len() - words.len() + "âm lịch".len());
    let end = match (marker_end, bracket) {
        (Some(end), false) => end,
        (Some(end), true) => {
            let closing = text[end..].trim_start_matches(' ');
            if !closing.starts_with(')') {
                return leap_end.map(|end| (end, true));
            }
            text.len() - closing.len() + 1
        }
        (None, _) => return leap_end.map(|end| (end, true)),
    };
    Some((end, leap_end.is_some()))
}

/// The end of one of `words` standing as a word right after `e` and a
/// space.
fn word_after(text: &str, e: usize, words: &[&str]) -> Option<usize> {
    let rest = text[e..].strip_prefix(' ')?;
    let word = words.iter().find(|w| rest.starts_with(**w))?;
    super::word_edges(rest, 0, word.len()).then(|| e + 1 + word.len())
}

/// ` năm 2023` right after `e`: the year and the end of its number.
fn year_after(text: &str, e: usize) -> Option<(usize, i32)> {
    let rest = text[e..].strip_prefix(' ')?;
    let (word, number) = rest.split_at_checked("năm".len())?;
    if !word.eq_ignore_ascii_case("năm") {
        return None;
    }
    let number = number.strip_prefix(' ')?;
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 || !super::word_edges(number, 0, digits) {
        return None;
    }
    let year = number[..digits].parse().ok()?;
    Some((text.len() - number.len() + digits, year))
}

/// False after `cùng ngày` in `cùng ngày càng` (ever more: `ngày càng`)
/// and `cùng ngày với` (the same day as an event named after it, not the
/// day dated before).
fn names_a_day(text: &str, e: usize) -> bool {
    !matches!(next_word_lowercase(text, e).as_str(), "càng" | "với")
}

/// `ngày 9/5 hằng năm` (every year): a day that recurs, no one day.
///
/// Speed: asked of every day without a year, so the words after it are
/// compared in place (lowercase, as they follow a date mid-sentence)
/// rather than copied out.
fn recurs_yearly(text: &str, e: usize) -> bool {
    let rest = text[e..].trim_start_matches(' ');
    ["hằng năm", "hàng năm", "mỗi năm", "thường niên"]
        .iter()
        .any(|phrase| {
            rest.starts_with(phrase)
                && !rest[phrase.len()..].starts_with(crate::normalize::is_word_char)
        })
}

/// `mỗi thứ Hai`, `các ngày thứ Bảy`, `vào thứ Ba đầu tiên của tháng`,
/// `thứ Sáu hằng tuần`: a weekday that recurs (a timetable, a custom), no
/// one day.
fn recurring_weekday(text: &str, s: usize, e: usize) -> bool {
    if RECURRING_BEFORE.contains(&word_before_lowercase(text, s).as_str()) {
        return true;
    }
    let mut after = words_after_lowercase(text, e);
    let (first, second) = (
        after.next().unwrap_or_default(),
        after.next().unwrap_or_default(),
    );
    RECURRING_AFTER.contains(&format!("{first} {second}").as_str())
        // `thứ Ba thứ hai của tháng`: the second Tuesday of a month
        || (first == "thứ" && after.next().is_some_and(|w| w == "của" || w == "trong"))
}

/// The word before byte `s` of `text`, lowercase.
fn word_before_lowercase(text: &str, s: usize) -> String {
    text[..s]
        .trim_end()
        .rsplit(|c: char| !crate::normalize::is_word_char(c))
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// `hằng tuần trước …` (weekly, in front of …), `mỗi năm tới`: a frequency
/// word before a relative period makes it no date.
fn after_frequency_word(text: &str, s: usize) -> bool {
    matches!(
        word_before_lowercase(text, s).as_str(),
        "hàng" | "hằng" | "mỗi" | "từng"
    )
}

/// The word before a weekday that makes it recur: `mỗi thứ Hai`, `các ngày
/// thứ Bảy`, `những ngày Chủ nhật`, `hằng thứ Năm`.
const RECURRING_BEFORE: &[&str] = &["các", "hàng", "hằng", "mỗi", "những"];

/// Two words after a weekday that make it recur: `thứ Ba đầu tiên (của
/// tháng)`, `thứ Sáu cuối cùng`, `thứ Năm hằng tuần`.
const RECURRING_AFTER: &[&str] = &[
    "cuối cùng",
    "hàng tháng",
    "hàng tuần",
    "hằng tháng",
    "hằng tuần",
    "mỗi tháng",
    "mỗi tuần",
    "đầu tiên",
];

/// `năm trước đó`, `tháng sau đó`: relative to the story, not to the
/// publication date.
fn refers_to_narrative(text: &str, e: usize) -> bool {
    let next = text[e..].split_whitespace().next().unwrap_or("");
    matches!(
        next.trim_end_matches(|c: char| !crate::normalize::is_word_char(c)),
        "đó" | "ấy" | "nữa"
    )
}

/// `đầu`/`giữa`/`cuối` before a period longer than a day, `thượng`/`trung`/
/// `hạ tuần` before a month. `key` is the
/// lowercase match key of the text (same offsets).
fn attach_modifier(key: &str, c: &mut Candidate) {
    let is_period = match c.expr {
        Expr::Month { .. }
        | Expr::Year(_)
        | Expr::Quarter { .. }
        | Expr::Decade(_)
        | Expr::Century(_)
        | Expr::MonthRange { .. } => true,
        Expr::Relative { unit, .. } => unit != Unit::Day,
        _ => false,
    };
    if !is_period {
        return;
    }
    let trimmed = key[..c.start].trim_end_matches(' ');
    if trimmed.len() == c.start {
        return;
    }
    let of_month = matches!(c.expr, Expr::Month { .. });
    // (modifier word, its meaning, whether it modifies a month only: the
    // thirds of a month, `thượng tuần tháng 10` its first ten days)
    for (word, m, month_only) in [
        ("đầu", Modifier::Early, false),
        ("giữa", Modifier::Mid, false),
        ("cuối", Modifier::Late, false),
        ("thượng tuần", Modifier::Early, true),
        ("trung tuần", Modifier::Mid, true),
        ("hạ tuần", Modifier::Late, true),
    ] {
        if month_only && !of_month {
            continue;
        }
        if let Some(head) = trimmed.strip_suffix(word) {
            if !head
                .chars()
                .next_back()
                .is_some_and(crate::normalize::is_word_char)
            {
                c.start = head.len();
                c.modifier = Some(m);
                return;
            }
        }
    }
}

/// The resolved value of a candidate.
#[derive(Debug, Clone)]
struct Resolved {
    value: Option<String>,
    granularity: Granularity,
    anchor: Anchor,
    weekday_consistent: Option<bool>,
}

/// What the document offers to resolve years.
struct DocAnchor<'d> {
    /// Publication date (day may be unknown).
    published: Option<PartialDate>,
    /// A year the article itself establishes.
    context_year: Option<i32>,
    /// Years of the dates that name a well-known event (`hiệp ước ... ký
    /// hồi tháng Sáu` in an article on Russia and North Korea), by the
    /// date's start offset.
    event_years: Vec<(usize, i32)>,
    /// The years said in numbers (`năm 1953`, `19/6/2024`), by the start
    /// offset of their date, for the days and months said without one
    /// later in the same sentence.
    said_years: Vec<(usize, i32)>,
    /// The latest year mentioned anywhere (lower bound for weekday pinning).
    latest_year: Option<i32>,
    /// Sentence ranges, to look for forward-looking words.
    sentences: &'d [std::ops::Range<usize>],
    /// The lowercase match key of the text.
    key: &'d str,
}

/// Words that put the clause after them in the past, cancelling a forward
/// word before them.
const PAST_WORDS: &[&str] = &["đã", "từng", "vừa", "hồi"];

/// Words that put the clause after them ahead of the story: `sẽ`, `dự
/// kiến`, `trước thềm` (on the eve of).
const FORWARD_WORDS: &[&str] = &[
    "sắp",
    "dự kiến",
    "sẽ",
    "kế hoạch",
    "có thể",
    "chuẩn bị",
    "trước thềm",
];

impl<'d> DocAnchor<'d> {
    fn new(doc: &'d Prepared, ctx: &Context, candidates: &[Candidate]) -> DocAnchor<'d> {
        let latest_full = candidates
            .iter()
            .filter_map(|c| match c.expr {
                Expr::Day { d, m, y: Some(y) }
                | Expr::DayRange {
                    d2: d,
                    m,
                    y: Some(y),
                    ..
                }
                | Expr::DaySpan {
                    d2: d,
                    m2: m,
                    y: Some(y),
                    ..
                } => NaiveDate::from_ymd_opt(y, m, d),
                _ => None,
            })
            .max();
        // the years said in numbers, by where their dates start
        let said_years: Vec<(usize, i32)> = candidates
            .iter()
            .filter_map(|c| match c.expr {
                Expr::Year(y)
                | Expr::Day { y: Some(y), .. }
                | Expr::Month { y: Some(y), .. }
                | Expr::DayRange { y: Some(y), .. }
                | Expr::MonthRange { y: Some(y), .. }
                | Expr::Quarter { y: Some(y), .. }
                | Expr::Half { y: Some(y), .. }
                | Expr::DaySpan { y: Some(y), .. } => Some((c.start, y)),
                _ => None,
            })
            .collect();
        let range_ends = candidates.iter().filter_map(|c| match c.expr {
            Expr::YearRange(_, y) => Some(y),
            _ => None,
        });
        let latest_year = said_years.iter().map(|&(_, y)| y).chain(range_ends).max();
        let event_years = event_years(doc, ctx, candidates);
        let context_year = latest_full
            .map(|d| d.year())
            .or_else(|| event_years.iter().map(|&(_, y)| y).max())
            .or_else(|| anniversary_year(&doc.key, doc.header.body_start));
        DocAnchor {
            published: ctx.published,
            context_year,
            event_years,
            said_years,
            latest_year,
            sentences: &doc.sentences,
            key: &doc.key,
        }
    }

    fn looks_ahead(&self, date: Range<usize>) -> bool {
        looks_ahead(self.key, self.sentences, date)
    }

    /// The reference day for news-style resolution: the publication day, or
    /// the last day of the publication month.
    fn reference_day(&self) -> Option<NaiveDate> {
        let p = self.published?;
        let m = p.month?;
        let d = p.day.unwrap_or_else(|| days_in_month(p.year, m));
        NaiveDate::from_ymd_opt(p.year, m, d)
    }

    /// The year of the well-known event the date at `start` names.
    fn event_year(&self, start: usize) -> Option<(i32, Anchor)> {
        let i = self.event_years.binary_search_by_key(&start, |&(s, _)| s);
        i.ok().map(|i| (self.event_years[i].1, Anchor::Context))
    }

    /// Year for a day and month without one; `None` when unknowable.
    fn year_for_day(&self, pos: Range<usize>, d: u32, m: u32) -> Option<(i32, Anchor)> {
        let usual = self
            .year_said_before(pos.start)
            .or_else(|| self.news_year_for_day(pos.clone(), d, m));
        self.prefer_event(pos.start, usual)
    }

    /// The last year said in numbers before `pos` in its sentence: the
    /// year of a day or month said after it without one (`Chiến tranh kết
    /// thúc năm 1953 với hiệp định ký ngày 27/7` is 1953-07-27, whatever
    /// the publication date).
    fn year_said_before(&self, pos: usize) -> Option<(i32, Anchor)> {
        let s = self
            .sentences
            .partition_point(|r| r.start <= pos)
            .checked_sub(1)?;
        let sentence_start = self.sentences[s].start;
        let first = self
            .said_years
            .partition_point(|&(start, _)| start < sentence_start);
        self.said_years[first..]
            .iter()
            .take_while(|&&(start, _)| start < pos)
            .last()
            .map(|&(_, y)| (y, Anchor::Context))
    }

    /// A well-known event's year wins over `usual`; when they agree the
    /// usual anchor (`published`) is kept.
    fn prefer_event(&self, start: usize, usual: Option<(i32, Anchor)>) -> Option<(i32, Anchor)> {
        match (self.event_year(start), usual) {
            (Some((y, _)), Some((u, anchor))) if y == u => Some((u, anchor)),
            (Some(event), _) => Some(event),
            (None, usual) => usual,
        }
    }

    /// News-style year for a day and month: from the publication date,
    /// else the article's context year.
    fn news_year_for_day(&self, pos: Range<usize>, d: u32, m: u32) -> Option<(i32, Anchor)> {
        if let Some(reference) = self.reference_day() {
            let forward = self.looks_ahead(pos.clone());
            let cands: Vec<NaiveDate> = (reference.year() - 1..=reference.year() + 1)
                .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                .collect();
            let pick = if forward {
                cands
                    .iter()
                    .copied()
                    .filter(|c| *c >= reference - Duration::days(1))
                    .min()
            } else {
                cands
                    .iter()
                    .copied()
                    .filter(|c| *c <= reference + Duration::days(31))
                    .max()
            };
            return pick.map(|c| (c.year(), Anchor::Published));
        }
        if let Some(p) = self.published {
            return Some((p.year, Anchor::Published));
        }
        self.context_year.map(|y| (y, Anchor::Context))
    }

    /// The publication date, when it has a day.
    fn published_day(&self) -> Option<NaiveDate> {
        let p = self.published?;
        NaiveDate::from_ymd_opt(p.year, p.month?, p.day?)
    }

    /// The year of a date and where it comes from: the year `said` in
    /// numbers, else the one said relative to publication after the date
    /// (`năm ngoái`), else `usual` (the news-style year of its day or
    /// month).
    fn year_of(
        &self,
        said: Option<i32>,
        c: &Candidate,
        usual: impl FnOnce() -> Option<(i32, Anchor)>,
    ) -> (Option<i32>, Anchor) {
        match (said, c.year_offset) {
            (Some(y), _) => (Some(y), Anchor::Explicit),
            (None, Some(offset)) => self.offset_year(offset),
            (None, None) => usual().map_or((None, Anchor::Unknown), |(y, a)| (Some(y), a)),
        }
    }

    /// The year `offset` years from publication (`năm ngoái` is -1), else
    /// from the article's own year, else unknown.
    fn offset_year(&self, offset: i32) -> (Option<i32>, Anchor) {
        match (self.published, self.context_year) {
            (Some(p), _) => (Some(p.year + offset), Anchor::Published),
            (None, Some(cy)) => (Some(cy + offset), Anchor::Context),
            _ => (None, Anchor::Unknown),
        }
    }

    /// Year for a month (or quarter) without one; `None` when unknowable.
    fn year_for_month(&self, pos: Range<usize>, m: u32) -> Option<(i32, Anchor)> {
        let usual = self
            .year_said_before(pos.start)
            .or_else(|| self.news_year_for_month(pos.clone(), m));
        self.prefer_event(pos.start, usual)
    }

    /// News-style year for a month: from the publication date, else the
    /// article's context year.
    fn news_year_for_month(&self, pos: Range<usize>, m: u32) -> Option<(i32, Anchor)> {
        if let Some(p) = self.published {
            if let Some(pm) = p.month {
                let forward = self.looks_ahead(pos.clone());
                // news-style: the latest such month no later than the month
                // after publication, or the first one ahead when looking forward
                let y = if forward {
                    if m >= pm {
                        p.year
                    } else {
                        p.year + 1
                    }
                } else if m <= pm + 1 {
                    p.year
                } else {
                    p.year - 1
                };
                return Some((y, Anchor::Published));
            }
            return Some((p.year, Anchor::Published));
        }
        self.context_year.map(|y| (y, Anchor::Context))
    }

    fn resolve(&self, c: &Candidate) -> Resolved {
        let r = |value: Option<String>, granularity, anchor| Resolved {
            value,
            granularity,
            anchor,
            weekday_consistent: None,
        };
        match c.expr {
            Expr::Day { d, m, y } => {
                let (year, anchor) = self.year_of(y, c, || {
                    self.year_for_day(c.start..c.end, d, m).or_else(|| {
                        c.weekday
                            .and_then(|w| self.pin_by_weekday(d, m, w))
                            .map(|y| (y, Anchor::Context))
                    })
                });
                // a lunar day is known on the solar calendar only with its
                // year (and when the lunar month has that day)
                let (solar, is_lunar) = match c.calendar {
                    Calendar::Solar => (year.map(|y| (y, m, d)), false),
                    Calendar::Lunar { leap } => {
                        (year.and_then(|y| lunar::to_solar(d, m, y, leap)), true)
                    }
                };
                let mut res = match solar {
                    Some((y, m, d)) => r(Some(day_value(Some(y), m, d)), Granularity::Day, anchor),
                    None if is_lunar => r(None, Granularity::Day, Anchor::Unknown),
                    None => r(Some(day_value(year, m, d)), Granularity::Day, anchor),
                };
                if let (Some(w), Some((y, m, d))) = (c.weekday, solar) {
                    res.weekday_consistent = NaiveDate::from_ymd_opt(y, m, d)
                        .map(|date| date.weekday().number_from_monday() == w);
                }
                res
            }
            Expr::Month { m, y } => {
                let (year, anchor) = self.year_of(y, c, || self.year_for_month(c.start..c.end, m));
                if let Calendar::Lunar { leap } = c.calendar {
                    // a lunar month runs across two solar months: its days
                    return match year.and_then(|y| lunar::month_to_solar(m, y, leap)) {
                        Some(((y1, m1, d1), (y2, m2, d2))) => r(
                            Some(format!(
                                "{}/{}",
                                day_value(Some(y1), m1, d1),
                                day_value(Some(y2), m2, d2)
                            )),
                            Granularity::Interval,
                            anchor,
                        ),
                        None => r(None, Granularity::Month, Anchor::Unknown),
                    };
                }
                r(
                    Some(format!("{}-{m:02}", year_str(year))),
                    Granularity::Month,
                    anchor,
                )
            }
            Expr::Year(y) => r(Some(format!("{y:04}")), Granularity::Year, Anchor::Explicit),
            Expr::Quarter { q, y } => {
                let (year, anchor) =
                    self.year_of(y, c, || self.year_for_month(c.start..c.end, q * 3 - 2));
                r(
                    Some(format!("{}-Q{q}", year_str(year))),
                    Granularity::Quarter,
                    anchor,
                )
            }
            Expr::Half { h, y, rel } => {
                let (year, anchor) = match (y, rel) {
                    (Some(y), _) => (Some(y), Anchor::Explicit),
                    (None, Some(offset)) => self.offset_year(offset),
                    (None, None) => (None, Anchor::Unknown),
                };
                r(
                    Some(format!("{}-H{h}", year_str(year))),
                    Granularity::Half,
                    anchor,
                )
            }
            Expr::Decade(y) => r(
                Some(format!("{}X", y / 10)),
                Granularity::Decade,
                Anchor::Explicit,
            ),
            Expr::Century(n) => r(
                Some(format!("{:02}XX", n - 1)),
                Granularity::Century,
                Anchor::Explicit,
            ),
            Expr::YearRange(a, b) => r(
                Some(format!("{a:04}/{b:04}")),
                Granularity::Interval,
                Anchor::Explicit,
            ),
            Expr::DayRange { d1, d2, m, y } => {
                let (year, anchor) =
                    self.year_of(y, c, || self.year_for_day(c.start..c.end, d2, m));
                let v = format!("{}/{}", day_value(year, m, d1), day_value(year, m, d2));
                r(Some(v), Granularity::Interval, anchor)
            }
            Expr::DaySpan {
                d1,
                m1,
                y1,
                d2,
                m2,
                y,
            } => {
                let (year, anchor) =
                    self.year_of(y, c, || self.year_for_day(c.start..c.end, d2, m2));
                // `30/12-2/1`: the first day in the year before
                let first_year = y1.or(year.map(|y| if m1 > m2 { y - 1 } else { y }));
                let v = format!(
                    "{}/{}",
                    day_value(first_year, m1, d1),
                    day_value(year, m2, d2)
                );
                r(Some(v), Granularity::Interval, anchor)
            }
            Expr::MonthRange { m1, m2, y } => {
                let (year, anchor) = self.year_of(y, c, || self.year_for_month(c.start..c.end, m2));
                let ys = year_str(year);
                r(
                    Some(format!("{ys}-{m1:02}/{ys}-{m2:02}")),
                    Granularity::Interval,
                    anchor,
                )
            }
            Expr::Relative { unit, offset } => self.resolve_relative(unit, offset),
            Expr::WeekdayOfWeek { wd, offset } => weekday_day(self.published_day().map(|date| {
                let monday = date - Duration::days(date.weekday().num_days_from_monday() as i64);
                monday + Duration::weeks(offset as i64) + Duration::days(wd as i64 - 1)
            })),
            Expr::Weekday { wd, ahead } => weekday_day(self.published_day().map(|date| {
                let today = date.weekday().number_from_monday() as i64;
                let back = (today - wd as i64).rem_euclid(7);
                if ahead {
                    date + Duration::days(if back == 0 { 7 } else { 7 - back })
                } else {
                    date - Duration::days(back)
                }
            })),
            Expr::Vague => r(None, Granularity::Vague, Anchor::None),
            // counted in `resolve_all`, from the day resolved before it
            Expr::DayAfterPrevious { .. } => r(None, Granularity::Day, Anchor::Unknown),
        }
    }

    fn resolve_relative(&self, unit: Unit, offset: i32) -> Resolved {
        let granularity = match unit {
            Unit::Day => Granularity::Day,
            Unit::Week => Granularity::Week,
            Unit::Month => Granularity::Month,
            Unit::Year => Granularity::Year,
        };
        let p = self.published;
        let value = match unit {
            Unit::Year => p.map(|p| format!("{:04}", p.year + offset)),
            Unit::Month => p.and_then(|p| {
                let total = p.year * 12 + p.month? as i32 - 1 + offset;
                Some(format!(
                    "{:04}-{:02}",
                    total.div_euclid(12),
                    total.rem_euclid(12) + 1
                ))
            }),
            Unit::Day | Unit::Week => self.published_day().map(|date| {
                if unit == Unit::Day {
                    let d = date + Duration::days(offset as i64);
                    d.format("%Y-%m-%d").to_string()
                } else {
                    let d = date + Duration::weeks(offset as i64);
                    let w = d.iso_week();
                    format!("{:04}-W{:02}", w.year(), w.week())
                }
            }),
        };
        let (value, anchor) = match value {
            Some(v) => (Some(v), Anchor::Published),
            None => match (unit, self.context_year) {
                (Unit::Year, Some(y)) => (Some(format!("{:04}", y + offset)), Anchor::Context),
                _ => (None, Anchor::Unknown),
            },
        };
        Resolved {
            value,
            granularity,
            anchor,
            weekday_consistent: None,
        }
    }

    /// The only year within five years from the latest year mentioned in
    /// which `d/m` falls on `weekday`.
    fn pin_by_weekday(&self, d: u32, m: u32, weekday: u32) -> Option<i32> {
        let lower = self.latest_year?;
        let fits: Vec<i32> = (lower..lower + 5)
            .filter(|&y| {
                NaiveDate::from_ymd_opt(y, m, d)
                    .is_some_and(|date| date.weekday().number_from_monday() == weekday)
            })
            .collect();
        (fits.len() == 1).then(|| fits[0])
    }
}

/// A day computed from a weekday and the publication date (consistent with
/// its weekday by construction), or unknown without a dated publication.
fn weekday_day(day: Option<NaiveDate>) -> Resolved {
    Resolved {
        value: day.map(|d| d.format("%Y-%m-%d").to_string()),
        granularity: Granularity::Day,
        anchor: if day.is_some() {
            Anchor::Published
        } else {
            Anchor::Unknown
        },
        weekday_consistent: day.map(|_| true),
    }
}

fn year_str(y: Option<i32>) -> String {
    y.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"))
}

fn day_value(y: Option<i32>, m: u32, d: u32) -> String {
    format!("{}-{m:02}-{d:02}", year_str(y))
}

/// The years that well-known events give to dates without one: a month
/// (or day and month) whose sentence names an event of that month in
/// `data/dated_events.tsv` takes the event's year, unless two such events
/// disagree or the event comes after publication. Sorted by start offset.
fn event_years(doc: &Prepared, ctx: &Context, candidates: &[Candidate]) -> Vec<(usize, i32)> {
    let needs: Vec<events::Need> = candidates
        .iter()
        .filter_map(|c| {
            let (months, days) = match c.expr {
                Expr::Day { d, m, y: None } => ([m, m], Some((d, d))),
                Expr::DayRange { d1, d2, m, y: None } => ([m, m], Some((d1, d2))),
                Expr::Month { m, y: None } => ([m, m], None),
                Expr::MonthRange { m1, m2, y: None } => ([m1, m2], None),
                _ => return None,
            };
            let i = doc.sentences.partition_point(|r| r.end <= c.start);
            let sentence = doc.sentences.get(i).filter(|r| r.start <= c.start)?;
            Some(events::Need {
                start: c.start,
                sentence: sentence.clone(),
                months,
                days,
            })
        })
        .collect();
    events::years(
        &ctx.gazetteer.dated_events,
        &doc.key,
        &doc.key_words,
        ctx.published,
        &needs,
    )
}

/// `Cách mạng tháng Tám`, `Cách mạng Tháng Mười Nga`: a month that is a
/// word of an event's name (`data/events.tsv`) names the event, not a month
/// of the story. `key` is the match key of the text (same offsets).
fn in_event_name(key: &str, s: usize, e: usize) -> bool {
    let (before, said) = (key[..s].trim_end(), key[s..e].trim());
    let Some(&first) = said.as_bytes().first() else {
        return false;
    };
    // (every candidate is asked: the word before it turns most away)
    let t = tables();
    let last_word = before.rsplit(' ').next().unwrap_or("");
    if !t.event_head_ends.contains(last_word) {
        return false;
    }
    t.event_splits.iter().any(|(head, rest)| {
        rest.as_bytes().first() == Some(&first)
            && rest.starts_with(said)
            && rest[said.len()..].chars().next().is_none_or(|c| c == ' ')
            && before.ends_with(head.as_str())
            && !before[..before.len() - head.len()].ends_with(crate::normalize::is_word_char)
    })
}

/// `kỷ niệm 70 năm (ngày) kết thúc Chiến tranh Triều Tiên` → 1953 + 70.
fn anniversary_year(key: &str, from: usize) -> Option<i32> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"kỷ niệm\s+(\d{1,3})\s+năm\s+(?:ngày\s+)?").expect("anniversary regex")
    });
    let t = tables();
    for caps in re.captures_iter(key.get(from..)?) {
        let n: i32 = caps[1].parse().ok()?;
        let rest = &key[from + caps.get(0)?.end()..];
        if let Some((_, y)) = t
            .events
            .iter()
            .filter(|(p, _)| rest.starts_with(p.as_str()))
            .max_by_key(|(p, _)| p.len())
        {
            return Some(y + n);
        }
    }
    None
}

/// Whether `word` (of a match key) is a time of day: `0h`, `7h30`, `24h`.
fn is_clock_word(word: &str) -> bool {
    let b = word.as_bytes();
    b.first().is_some_and(u8::is_ascii_digit)
        && b.iter().filter(|&&c| c == b'h').count() == 1
        && b.iter().all(|&c| c.is_ascii_digit() || c == b'h')
}

/// `before` (a key up to a date, or between two) without a time of day at
/// its end: `từ 0h` and `từ 0 giờ` are `từ`, `đến 24h` is `đến`.
fn strip_clock_suffix(before: &str) -> &str {
    let (head, last) = before.rsplit_once(' ').unwrap_or(("", before));
    if is_clock_word(last) {
        return head.trim_end();
    }
    if last == "giờ" {
        let (head, number) = head.rsplit_once(' ').unwrap_or(("", head));
        if !number.is_empty() && number.bytes().all(|c| c.is_ascii_digit()) {
            return head.trim_end();
        }
    }
    before
}

/// `từ X đến Y`: two dates of the same granularity joined into an interval
/// (`từ ngày 5/11 đến ngày 7/11/2025`). A first date without a year takes
/// the second's.
fn merge_from_to(text: &str, anchor: &DocAnchor, out: &mut Vec<(Candidate, Resolved)>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i].0, &out[i + 1].0);
        // the times of day that may pin a range's bounds (`từ 0h ngày 8/5
        // đến hết ngày 10/5`) are part of its span, not of its dates
        let gap = strip_clock_suffix(anchor.key[a.end..b.start].trim());
        let gap = gap.strip_suffix(" hết").unwrap_or(gap);
        let before = strip_clock_suffix(anchor.key[..a.start].trim_end());
        // the key turns dashes into spaces: an empty gap is a dash
        let dash = gap.is_empty()
            && text[a.end..b.start]
                .trim()
                .chars()
                .all(|c| matches!(c, '-' | '–'));
        let joined = matches!(gap, "đến" | "tới" | "cho đến") || dash;
        let same = std::mem::discriminant(&a.expr) == std::mem::discriminant(&b.expr)
            && matches!(
                a.expr,
                Expr::Day { .. } | Expr::Month { .. } | Expr::Year(_)
            );
        if !(joined && same && before.ends_with("từ")) {
            i += 1;
            continue;
        }
        let mut first = out[i].0.clone();
        // inherit the year of the second date
        match (first.expr, b.expr) {
            (
                Expr::Day { d, m, y: None },
                Expr::Day {
                    m: m2, y: Some(y2), ..
                },
            ) if m <= m2 => first.expr = Expr::Day { d, m, y: Some(y2) },
            (Expr::Month { m, y: None }, Expr::Month { m: m2, y: Some(y2) }) if m <= m2 => {
                first.expr = Expr::Month { m, y: Some(y2) }
            }
            _ => {}
        }
        let ra = anchor.resolve(&first);
        let rb = out[i + 1].1.clone();
        let (Some(va), Some(vb)) = (ra.value.clone(), rb.value.clone()) else {
            i += 1;
            continue;
        };
        if va > vb && !va.starts_with('X') {
            i += 1;
            continue;
        }
        let start = before.len() - "từ".len();
        let merged = Candidate {
            start,
            end: b.end,
            expr: b.expr,
            weekday: None,
            modifier: None,
            year_offset: b.year_offset,
            calendar: Calendar::Solar,
            rule: "from_to",
        };
        let anchor_kind = if ra.anchor == Anchor::Explicit {
            rb.anchor
        } else {
            ra.anchor
        };
        let res = Resolved {
            value: Some(format!("{va}/{vb}")),
            granularity: Granularity::Interval,
            anchor: anchor_kind,
            weekday_consistent: None,
        };
        out.splice(i..i + 2, [(merged, res)]);
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Extract with a publication date (`YYYY-MM-DD`, `YYYY-MM` or empty).
    fn run(published: &str, text: &str) -> Vec<(String, Option<String>)> {
        let doc = Prepared::new(text);
        let mut ctx = Context::for_tests();
        ctx.published = crate::prepare::parse_iso(published);
        extract(&doc, &ctx)
            .into_iter()
            .map(|d| (d.text, d.value))
            .collect()
    }

    fn values(published: &str, text: &str) -> Vec<String> {
        run(published, text)
            .into_iter()
            .map(|(_, v)| v.unwrap_or_else(|| "null".into()))
            .collect()
    }

    /// (publication date, sentence, expected values in order)
    const EXAMPLES: &[(&str, &str, &[&str])] = &[
        // full dates
        (
            "",
            "Hai bên gặp nhau ngày 5 tháng 11 năm 2025 tại Bình Nhưỡng.",
            &["2025-11-05"],
        ),
        (
            "",
            "Văn kiện được ký ngày 19/6/2024 ở Bình Nhưỡng.",
            &["2024-06-19"],
        ),
        ("", "Hội nghị diễn ra hôm 05-11-2025.", &["2025-11-05"]),
        // the year of a range of days (or of months, a quarter) is the
        // article's year for the days said without one, in that sentence
        // and later
        (
            "",
            "Ông Lavrov thăm Triều Tiên từ 11 đến 13/7/2025. Ngày 12/7, ông gặp bà Choe.",
            &["2025-07-11/2025-07-13", "2025-07-12"],
        ),
        (
            "",
            "Trong quý I/2025, du khách tăng mạnh, nhất là sau ngày 8/3.",
            &["2025-Q1", "2025-03-08"],
        ),
        ("", "Ngày 5.11.2025, phái đoàn lên đường.", &["2025-11-05"]),
        (
            "",
            "Tin được công bố 18/9/2023 tại Moskva.",
            &["2023-09-18"],
        ),
        (
            "",
            "Cuộc gặp vào thứ Năm, ngày 6 tháng 11 năm 2025.",
            &["2025-11-06"],
        ),
        (
            "",
            "Sự kiện diễn ra ngày 5 tháng 11, 2025 tại Hà Nội.",
            &["2025-11-05"],
        ),
        // lunar days and months (âm lịch), on the solar calendar
        (
            "2025-03-10",
            "Lễ hội diễn ra vào ngày 15/2 âm lịch, tức ngày 14/3.",
            &["2025-03-14", "2025-03-14"],
        ),
        (
            "",
            "Ngày 10 tháng 3 (âm lịch) năm 2023 là ngày Giỗ Tổ Hùng Vương.",
            &["2023-04-29"],
        ),
        (
            "2025-03-10",
            "Tháng Giêng âm lịch năm nay có nhiều lễ hội.",
            &["2025-01-29/2025-02-27"],
        ),
        // the leap month, which only the lunar calendar has
        (
            "",
            "Ngày 15 tháng 6 nhuận năm 2025, lễ hội được tổ chức.",
            &["2025-08-08"],
        ),
        (
            "",
            "Ngày 1/2 nhuận âm lịch năm 2023 là thứ Tư.",
            &["2023-03-22"],
        ),
        // the lunar new year (Tết) and its days, lunar without the marker
        (
            "2025-11-08",
            "Dịp Tết Nguyên đán 2025, pháo hoa được bắn ở 63 tỉnh.",
            &["2025-01-29"],
        ),
        ("", "Mùng 2 Tết năm 2024, ông đi lễ chùa.", &["2024-02-11"]),
        ("", "Kỳ nghỉ Tết 2026 kéo dài 9 ngày.", &["2026-02-17"]),
        // … `Tết` alone is the season, and other festivals called `Tết`
        // are no new year
        ("2025-11-08", "Dịp Tết, mọi người về quê.", &[]),
        ("", "Tết Trung thu năm 2025 có nhiều hoạt động.", &["2025"]),
        // … without a year, or on a day the lunar month lacks: no value
        ("", "Hội làng mở vào ngày 15/8 âm lịch.", &["null"]),
        (
            "2025-03-10",
            "Hôm 30/12 âm lịch năm 2024, trời mưa.",
            &["null"],
        ),
        // day and month, year from the publication date
        ("2025-11-08", "KCNA ngày 7/11 đưa tin.", &["2025-11-07"]),
        // the month by its name
        ("2024-06-20", "Hạn chót là ngày 30 tháng Sáu.", &["2024-06-30"]),
        (
            "",
            "Hội nghị diễn ra ngày 5 tháng Mười Một năm 2023.",
            &["2023-11-05"],
        ),
        // (a number of months is no day)
        ("2024-06-20", "Dự án kéo dài 5 tháng Mười.", &["2023-10"]),
        (
            "2025-11-08",
            "Ngày 7-11, Bộ trưởng ra thông cáo.",
            &["2025-11-07"],
        ),
        (
            "2025-11-08",
            "Ông nói hôm 4/11 rằng hai nước sẽ hợp tác.",
            &["2025-11-04"],
        ),
        (
            "2025-01-03",
            "Vụ việc xảy ra ngày 28/12 tại biên giới.",
            &["2024-12-28"],
        ),
        (
            "2025-11-08",
            "Sáng 8/11, đoàn đại biểu tới Moskva.",
            &["2025-11-08"],
        ),
        (
            "2025-11-08",
            "Chiều 6/11, hai bên ký kết thỏa thuận.",
            &["2025-11-06"],
        ),
        (
            "2025-11-08",
            "Hội nghị dự kiến diễn ra ngày 2/1 tại Seoul.",
            &["2026-01-02"],
        ),
        (
            "2025-11-08",
            "Cuộc họp diễn ra ngày 26 tháng 10.",
            &["2025-10-26"],
        ),
        (
            "2023-09",
            "Hôm 4/9, tờ New York Times dẫn lời quan chức Mỹ.",
            &["2023-09-04"],
        ),
        (
            "2025-11-08",
            "Hai bên sẽ tổ chức tập trận vào 20/12.",
            &["2025-12-20"],
        ),
        (
            "2025-11-08",
            "Hai bên đã tập trận vào 20/12.",
            &["2024-12-20"],
        ),
        (
            "2025-11-10",
            "Lễ diễu binh diễn ra vào Chủ nhật (9/11).",
            &["2025-11-09"],
        ),
        // `dịp`, `nhân dịp` (on the occasion of) before a day
        (
            "2025-04-20",
            "Nhân dịp 9/5, đoàn đại biểu sẽ tới Moskva dự lễ duyệt binh.",
            &["2025-05-09"],
        ),
        // the day dated last, or the one after or before it
        (
            "2025-04-02",
            "Hôm 1/4, Bắc Kinh tuyên bố tập trận. Ngoại trưởng Mỹ cùng ngày kêu gọi kiềm chế.",
            &["2025-04-01", "2025-04-01"],
        ),
        (
            "2025-06-20",
            "Chiều 19/6, Thủ tướng tiếp đoàn. Trước đó, sáng cùng ngày, hai bên đồng chủ trì kỳ họp.",
            &["2025-06-19", "2025-06-19"],
        ),
        (
            "",
            "Ngày 28/2/2024, tàu cập cảng. Ngày hôm sau, thủy thủ lên bờ; tối hôm trước, họ đã họp.",
            &["2024-02-28", "2024-02-29", "2024-02-27"],
        ),
        (
            "2025-11-08",
            "Hôm qua, hai bên ký thỏa thuận. Hôm đó, Moskva cũng lên tiếng.",
            &["2025-11-07", "2025-11-07"],
        ),
        // a count of days before or after that day, each from the last
        (
            "2024-12-18",
            "Ngày 17/12, ông Ryder phát biểu. Một ngày trước đó, ông Lee cho biết. Hai ngày sau đó, NIS xác nhận.",
            &["2024-12-17", "2024-12-16", "2024-12-18"],
        ),
        // (`năm` is a year: no count of five days)
        (
            "2024-12-18",
            "Ngày 17/12, ông Ryder phát biểu. Năm ngày sau đó, NIS xác nhận.",
            &["2024-12-17"],
        ),
        // a day without a year gives the same day only; nothing before, or
        // `ngày càng`, `cùng ngày với`, `hôm trước` alone: no day
        (
            "",
            "Ngày 7/11, đoàn tới Moskva; cùng ngày, Kiev lên tiếng; hôm sau, đoàn về nước.",
            &["XXXX-11-07", "XXXX-11-07", "null"],
        ),
        ("2025-11-08", "Cùng ngày, Nga cũng lên tiếng.", &["null"]),
        (
            "2025-11-08",
            "Ngày 7/11, hai nước ký hiệp định, quan hệ cùng ngày càng gắn bó.",
            &["2025-11-07"],
        ),
        (
            "2025-11-08",
            "Ngày 7/11, lễ ký diễn ra cùng ngày với lễ kỷ niệm; ông nói hôm trước đã gặp đối tác.",
            &["2025-11-07"],
        ),
        // months
        (
            "2025-11-08",
            "Lính công binh di chuyển sang Nga từ tháng 9.",
            &["2025-09"],
        ),
        (
            "2023-09",
            "Ông Shoigu thăm Bình Nhưỡng vào tháng 7.",
            &["2023-07"],
        ),
        (
            "",
            "Hồi tháng 11/2022, một quan chức cho biết.",
            &["2022-11"],
        ),
        (
            "",
            "Nga đưa quân vào Ukraine vào tháng 2 năm 2022.",
            &["2022-02"],
        ),
        ("", "Lần gần nhất là tháng 2/2018.", &["2018-02"]),
        (
            "2024-11-02",
            "Hiệp ước được ký hồi tháng Sáu.",
            &["2024-06"],
        ),
        (
            "2025-03-01",
            "Lễ hội tổ chức vào tháng Giêng.",
            &["2025-01"],
        ),
        (
            "2025-03-01",
            "Phiên họp cuối cùng hồi tháng Chạp.",
            &["2024-12"],
        ),
        ("", "Thỏa thuận ký tháng Mười Một năm 2023.", &["2023-11"]),
        (
            "2025-11-08",
            "Kế hoạch sẽ hoàn tất vào tháng 3.",
            &["2026-03"],
        ),
        // years
        ("", "Hiệp ước ký năm 1961 đã hết hiệu lực.", &["1961"]),
        (
            "",
            "Kể từ năm 2006 tới nay, Triều Tiên thử hạt nhân 6 lần.",
            &["2006"],
        ),
        ("", "Năm 2022, Nga mở chiến dịch quân sự.", &["2022"]),
        // relative to the publication date
        ("2025-11-08", "Hôm nay, hai bên hội đàm.", &["2025-11-08"]),
        (
            "2025-11-08",
            "Hôm qua, Bộ Ngoại giao ra tuyên bố.",
            &["2025-11-07"],
        ),
        (
            "2025-11-08",
            "Phái đoàn sẽ tới vào ngày mai.",
            &["2025-11-09"],
        ),
        ("2025-11-08", "Cuộc gặp diễn ra tuần trước.", &["2025-W44"]),
        ("2025-11-08", "Hai bên sẽ gặp lại tuần tới.", &["2025-W46"]),
        (
            "2025-11-08",
            "Số liệu được công bố tháng trước.",
            &["2025-10"],
        ),
        (
            "2023-09",
            "Ông Kim có thể tới Nga trong tháng này.",
            &["2023-09"],
        ),
        (
            "2025-11-08",
            "Năm ngoái, Triều Tiên phóng 30 tên lửa.",
            &["2024"],
        ),
        ("2025-11-08", "Ngân sách năm nay tăng 10%.", &["2025"]),
        (
            "2025-11-08",
            "Kế hoạch cho năm tới đã được duyệt.",
            &["2026"],
        ),
        (
            "2025-11-08",
            "Hai năm trước, tình hình rất khác.",
            &["2023"],
        ),
        (
            "2025-06-23",
            "Cách đây 3 năm, hai bên từng đàm phán.",
            &["2022"],
        ),
        (
            "2025-06-23",
            "Cách đây hai tuần, phái đoàn đã tới Moskva.",
            &["2025-W24"],
        ),
        // a qualified number is no point in time
        (
            "2025-06-23",
            "Cách đây hơn 70 năm, chiến tranh kết thúc.",
            &[],
        ),
        (
            "2025-06-23",
            "Sáng mai, Hội đồng Bảo an sẽ họp.",
            &["2025-06-24"],
        ),
        // parts and spans
        ("", "Dự án hoàn thành vào cuối năm 2024.", &["2024"]),
        ("2025-11-08", "Đoàn sẽ tới vào đầu tháng 12.", &["2025-12"]),
        // `tới` before a date is mostly `to`, not `coming`; after it, it is
        (
            "2024-12-16",
            "Bình Nhưỡng đã điều quân tới Nga từ tháng 10.",
            &["2024-10"],
        ),
        (
            "2024-12-16",
            "Hội nghị sẽ diễn ra vào ngày 5/1 tới.",
            &["2025-01-05"],
        ),
        (
            "2025-04-02",
            "Cuộc bầu cử được ấn định vào tháng 10 tới.",
            &["2025-10"],
        ),
        // a past marker after the forward word wins
        (
            "2025-03-10",
            "Ông cho biết sẽ công bố kết quả cuộc điều tra đã bắt đầu hồi tháng 9.",
            &["2024-09"],
        ),
        ("", "Doanh thu quý 3/2024 tăng mạnh.", &["2024-Q3"]),
        ("2024-11-08", "Trong quý III, sản lượng giảm.", &["2024-Q3"]),
        (
            "",
            "Trong thập niên 1990, quan hệ hai nước lạnh nhạt.",
            &["199X"],
        ),
        ("", "Từ những năm 1950, hai nước là đồng minh.", &["195X"]),
        // a night from one day into the next
        (
            "2025-09-05",
            "Đêm 3 rạng sáng 4/9, Triều Tiên phóng tên lửa.",
            &["2025-09-03/2025-09-04"],
        ),
        ("2025-09-05", "Tối 3, sáng 5/9 họ họp.", &["2025-09-05"]),
        // centuries, in Arabic or Roman numerals; not a golden age, not a
        // century to come
        ("", "Đầu thế kỷ 21, quan hệ hai nước ấm lên.", &["20XX"]),
        ("", "Trong thế kỷ XX, hai nước là đồng minh.", &["19XX"]),
        ("", "Cuối thế kỷ thứ XIX, triều đình suy yếu.", &["18XX"]),
        (
            "",
            "Đây là thế kỷ Vàng của nghệ thuật, chưa tới thế kỷ 30.",
            &[],
        ),
        ("", "Trong nửa đầu năm 2025, xuất khẩu tăng.", &["2025-H1"]),
        // the first or last months of a year
        (
            "",
            "Trong 6 tháng đầu năm 2025, thương mại tăng 20%.",
            &["2025-01/2025-06"],
        ),
        (
            "2025-11-20",
            "Trong 9 tháng đầu năm nay, xuất khẩu giảm.",
            &["2025-01/2025-09"],
        ),
        ("", "3 tháng cuối năm 2024 là mùa cao điểm.", &["2024-10/2024-12"]),
        // … their number in words
        (
            "",
            "Trong hai tháng đầu năm 2025, Bình Nhưỡng gửi thêm quân.",
            &["2025-01/2025-02"],
        ),
        (
            "2025-11-20",
            "Trong mười một tháng đầu năm nay, xuất khẩu giảm.",
            &["2025-01/2025-11"],
        ),
        // ranges
        (
            "2024-05-01",
            "Có ít nhất 10 cuộc gặp từ ngày 22 đến 26/4.",
            &["2024-04-22/2024-04-26"],
        ),
        (
            "2024-05-01",
            "Diễn tập kéo dài 22-26/4.",
            &["2024-04-22/2024-04-26"],
        ),
        (
            "2025-11-20",
            "Ngày 20 và 21 tháng 11, hai bên họp tại Hà Nội.",
            &["2025-11-20/2025-11-21"],
        ),
        (
            "",
            "Hội nghị diễn ra từ ngày 3 đến ngày 5 tháng 12 năm 2024.",
            &["2024-12-03/2024-12-05"],
        ),
        // days of two months, each with its month
        (
            "2025-05-05",
            "Lễ kỷ niệm diễn ra ngày 30/4-1/5 tại Hà Nội.",
            &["2025-04-30/2025-05-01"],
        ),
        (
            "2025-03-05",
            "Cuộc tập trận diễn ra từ 28/2 - 3/3.",
            &["2025-02-28/2025-03-03"],
        ),
        (
            "2025-01-05",
            "Hội chợ kéo dài 30/12-2/1.",
            &["2024-12-30/2025-01-02"],
        ),
        (
            "",
            "Hội chợ mở cửa 30/12/2024-2/1/2025.",
            &["2024-12-30/2025-01-02"],
        ),
        (
            "",
            "Kỳ nghỉ kéo dài từ ngày 28/12/2024 đến 2/1/2025.",
            &["2024-12-28/2025-01-02"],
        ),
        // a year said earlier in the sentence is that of a day or month
        // said without one, whatever the publication date; not in the next
        // sentence
        (
            "2025-05-02",
            "Chiến tranh kết thúc năm 1953 với hiệp định đình chiến ký ngày 27/7.",
            &["1953", "1953-07-27"],
        ),
        (
            "2025-05-02",
            "Năm 2023, hai nhà lãnh đạo gặp nhau vào tháng 9 tại Vostochny.",
            &["2023", "2023-09"],
        ),
        (
            "2025-05-02",
            "Chiến tranh kết thúc năm 1953. Hôm 27/4, hai bên gặp lại.",
            &["1953", "2025-04-27"],
        ),
        // days written with dashes, joined by `đến`, across months or in
        // one; not a count of days
        (
            "2025-03-06",
            "Hội nghị diễn ra từ ngày 28-2 đến 3-3.",
            &["2025-02-28/2025-03-03"],
        ),
        (
            "2025-03-06",
            "Cuộc tập trận diễn ra từ ngày 1-12 đến 5-12.",
            &["2024-12-01/2024-12-05"],
        ),
        ("2025-03-06", "Thời gian chờ từ 5-7 ngày.", &[]),
        // the day and month of a wire dateline, after its place
        (
            "",
            "SEOUL, 5/3 (Yonhap) - Bộ Tham mưu Liên quân Hàn Quốc cho biết.",
            &["XXXX-03-05"],
        ),
        ("2025-03-06", "Moskva, 5/3 – Điện Kremlin cho biết.", &["2025-03-05"]),
        // … not a fraction or a score before a dash elsewhere
        ("2025-03-06", "Tỷ lệ là 5/3 - cao hơn mức trung bình.", &[]),
        ("2025-03-06", "Trong trận đấu, tỷ số 5/3 - một bất ngờ.", &[]),
        // an anniversary's period, many years long, is one span; its end
        // is no day that `cùng ngày` refers to, and gives the year of the
        // days said without one
        (
            "",
            "Chiều 12/3, Thủ tướng tiếp Đại sứ. Năm nay đánh dấu 75 năm thiết lập quan hệ ngoại giao (30/1/1950 - 30/1/2025). Cùng ngày, Bộ trưởng hội đàm trực tuyến.",
            &["2025-03-12", "2025", "1950-01-30/2025-01-30", "2025-03-12"],
        ),
        // … not days out of order (fractions, scores)
        ("2025-03-05", "Tỷ lệ này là 3/5-1/2 tùy vùng.", &[]),
        (
            "",
            "Chiến dịch kéo dài từ tháng 9 đến tháng 11/2025.",
            &["2025-09/2025-11"],
        ),
        (
            "",
            "Giai đoạn 2022-2024 chứng kiến nhiều biến động.",
            &["2022/2024"],
        ),
        (
            "",
            "Từ năm 2015 đến năm 2020, ông là đại sứ.",
            &["2015/2020"],
        ),
        (
            "",
            "Hội chợ mở cửa từ ngày 5/11 đến ngày 7/11/2025.",
            &["2025-11-05/2025-11-07"],
        ),
        // … with the times of day that pin its bounds, and `tới` (to),
        // which before a date is no `coming`
        (
            "2025-05-10",
            "Lệnh ngừng bắn kéo dài từ 0h ngày 8/5 đến hết ngày 10/5.",
            &["2025-05-08/2025-05-10"],
        ),
        (
            "2025-05-10",
            "Giao tranh từ 7h30 ngày 8/5 đến 24h ngày 9/5.",
            &["2025-05-08/2025-05-09"],
        ),
        (
            "2025-05-10",
            "Chuyến thăm kéo dài từ ngày 30/4 tới ngày 2/5.",
            &["2025-04-30/2025-05-02"],
        ),
        ("2025-05-10", "Ngày 30/4 tới, Nga sẽ diễu binh.", &["2026-04-30"]),
        // unknown year: honest
        (
            "",
            "Hãng KCNA cho biết trong cuộc gặp ngày 26/7 tại Bình Nhưỡng.",
            &["XXXX-07-26"],
        ),
        ("", "Ngoại trưởng nói hôm 1/11 tại Moscow.", &["XXXX-11-01"]),
        ("", "Quân đội Ukraine tấn công hồi tháng 8.", &["XXXX-08"]),
        // year from the article itself
        (
            "",
            "Lễ ký ngày 19/6/2024. Ngày 8/7, phái đoàn tới Nga.",
            &["2024-06-19", "2024-07-08"],
        ),
        (
            "",
            "Lễ kỷ niệm 70 năm kết thúc chiến tranh Triều Tiên diễn ra ngày 27/7.",
            &["2023-07-27"],
        ),
        // vague
        ("", "Gần đây, hai nước tăng cường hợp tác.", &["null"]),
        (
            "2023-09",
            "Ông Kim có thể tới Nga ngay trong tuần tới.",
            &["null"],
        ),
        (
            "",
            "Trong những năm gần đây, tình hình thay đổi.",
            &["null"],
        ),
    ];

    /// (publication date, article, expected values in order): a month or
    /// day-and-month takes the year of a well-known event its sentence names.
    /// Parts of the current period and two-day spans, with their negatives.
    const PART_EXAMPLES: &[(&str, &str, &[&str])] = &[
        (
            "2025-11-08",
            "Sáng nay, Tổng thống Zelensky phát biểu tại Kiev.",
            &["2025-11-08"],
        ),
        (
            "2025-11-08",
            "Đêm qua, Moscow bị hàng chục máy bay không người lái tấn công.",
            &["2025-11-07"],
        ),
        // the day in brackets is the value, even without a publication date
        ("", "Hôm nay (8/11/2025), hai bên ký kết.", &["2025-11-08"]),
        (
            "2025-11-10",
            "Tối qua (ngày 9/11), ông Putin gọi điện cho ông Trump.",
            &["2025-11-09"],
        ),
        (
            "2025-11-08",
            "Từ đầu năm đến nay, Ukraine mất khoảng 300 km2 lãnh thổ.",
            &["2025"],
        ),
        (
            "2025-11-08",
            "Dự án sẽ hoàn tất vào cuối tháng, theo Bộ Quốc phòng.",
            &["2025-11"],
        ),
        (
            "2025-11-08",
            "Hai nước tập trận chung vào giữa năm, lần đầu tiên kể từ 2019.",
            &["2025"],
        ),
        // a number after it: the year or month rule's, not this year
        (
            "2025-11-08",
            "Cuối năm 2024, quân Triều Tiên tới Kursk.",
            &["2024"],
        ),
        (
            "2025-11-08",
            "Đầu tháng 10, hai bên gặp nhau.",
            &["2025-10"],
        ),
        // `đầu năm đó`: that year, told in the story, not this one
        ("2025-11-08", "Họ rút quân vào đầu năm đó.", &[]),
        // no period: `cuối cùng`, `đầu tuần` is not a month or year
        ("2025-11-08", "Cuối cùng, hai bên đạt thỏa thuận.", &[]),
        (
            "2025-11-08",
            "Trong hai ngày 5 và 6/11, hai bên hội đàm tại Bình Nhưỡng.",
            &["2025-11-05/2025-11-06"],
        ),
        // `N … trước` is `ago` only on its own: not before an event or
        // before a time the story gives
        (
            "2025-10-23",
            "Vụ phóng diễn ra một tuần trước khi ông Trump tới Hàn Quốc.",
            &[],
        ),
        // (`trước đó`: before that day, counted from the day the text
        // dated last, none here)
        (
            "2025-10-23",
            "Ba ngày trước đó, hai bên đã gặp nhau.",
            &["null"],
        ),
        (
            "2025-09-05",
            "Ông Kim tới Bắc Kinh một ngày trước lễ duyệt binh.",
            &[],
        ),
        (
            "2025-09-05",
            "Hai tuần trước cuộc bầu cử, ông rút lui.",
            &[],
        ),
        (
            "2025-09-05",
            "Ông tới Moskva hai ngày trước hội nghị thượng đỉnh.",
            &[],
        ),
        // on its own, it is still `ago`
        (
            "2025-09-05",
            "Hai ngày trước, ông Putin đã gọi điện cho ông Kim.",
            &["2025-09-03"],
        ),
        // two days not in a row are no span: each is a date, in the month
        // said after the last
        (
            "2025-11-08",
            "Các cuộc tấn công diễn ra ngày 3 và 6/11.",
            &["2025-11-03", "2025-11-06"],
        ),
        (
            "2025-11-08",
            "Đoàn đại biểu làm việc tại Moskva trong các ngày 2, 4 và 9/10.",
            &["2025-10-02", "2025-10-04", "2025-10-09"],
        ),
        (
            "2025-11-08",
            "Hai cuộc phóng thử được thực hiện hôm 12 và ngày 20/9/2024.",
            &["2024-09-12", "2024-09-20"],
        ),
        (
            "2025-11-08",
            "Hai bên gặp nhau ngày 4 và ngày 5/11.",
            &["2025-11-04/2025-11-05"],
        ),
        // a news agency's dateline
        (
            "2025-04-28",
            "Hà Nội (TTXVN 28/4) - Theo phóng viên TTXVN tại Bình Nhưỡng, KCNA đưa tin.",
            &["2025-04-28"],
        ),
        ("2025-04-28", "Đội hình (Nga 3/4) thay đổi.", &[]),
        // alternatives are listed days too
        (
            "2025-10-25",
            "Binh sĩ có thể xuất hiện ở chiến trường từ ngày 27 hoặc 28/10.",
            &["2025-10-27", "2025-10-28"],
        ),
        (
            "2025-11-08",
            "Họ gặp nhau vào ngày 3 hay 4/11.",
            &["2025-11-03", "2025-11-04"],
        ),
        // a weekday with its day in brackets or after a comma
        (
            "2024-11-05",
            "Hai bên hội đàm hôm thứ Sáu (1-11) tại Moskva.",
            &["2024-11-01"],
        ),
        (
            "2024-11-05",
            "Hai bên hội đàm thứ Sáu, 1/11, tại Moskva.",
            &["2024-11-01"],
        ),
        // a list of years says `năm` once
        (
            "2025-11-08",
            "Ông Trump đã ba lần gặp ông Kim vào các năm 2018 và 2019.",
            &["2018", "2019"],
        ),
        (
            "2025-11-08",
            "Các cuộc tập trận diễn ra trong năm 2023, 2024 và năm 2025.",
            &["2023", "2024", "2025"],
        ),
        ("2025-11-08", "Từ năm 2019 và 2000 binh sĩ khác.", &["2019"]),
        // a list must rise (`8 và 3/11` is no list: its month is unclear);
        // numbers that are no days are left alone
        ("2025-11-08", "Ngày 8 và 3/11 là hai mốc khác nhau.", &[]),
        ("2025-11-08", "Khoảng 3 và 6/11 số phiếu ủng hộ.", &[]),
        // a year said relative to publication after a day or month
        (
            "2024-12-05",
            "Khoảng 1.100 binh sĩ thương vong kể từ tháng 12 năm ngoái.",
            &["2023-12"],
        ),
        (
            "2025-11-08",
            "Hai bên đã ký thỏa thuận vào ngày 7/11 năm trước tại Moskva.",
            &["2024-11-07"],
        ),
        (
            "2025-11-08",
            "Hội nghị thượng đỉnh dự kiến diễn ra vào tháng 5 năm tới.",
            &["2026-05"],
        ),
        (
            "2025-03-01",
            "Quân đội tăng cường tập trận từ quý IV năm ngoái.",
            &["2024-Q4"],
        ),
        (
            "2025-11-08",
            "Các cuộc tập trận diễn ra ngày 3 và 6/8 năm nay.",
            &["2025-08-03", "2025-08-06"],
        ),
        // months listed with one year, or none
        (
            "2024-12-05",
            "Bình Nhưỡng điều thêm quân trong hai tháng 10 và 11.",
            &["2024-10", "2024-11"],
        ),
        (
            "2025-11-08",
            "Các cuộc tập trận diễn ra vào tháng 3, 5 và tháng 7 năm 2023.",
            &["2023-03", "2023-05", "2023-07"],
        ),
        (
            "2025-11-08",
            "Hai bên hội đàm vào tháng 3 và tháng 4 năm ngoái.",
            &["2024-03", "2024-04"],
        ),
        // a bare number after `và` that counts people is no month
        (
            "2025-11-08",
            "Tháng 3 và 5 binh sĩ bị thương.",
            &["2025-03"],
        ),
        // a weekday of a week said relative to publication (a Monday)
        (
            "2025-04-28",
            "Vào thứ Hai tuần trước, hai bên gặp nhau.",
            &["2025-04-21"],
        ),
        (
            "2025-04-28",
            "Thứ Năm tuần trước, ông nói.",
            &["2025-04-24"],
        ),
        (
            "2025-04-28",
            "Chủ nhật tuần này sẽ có bầu cử.",
            &["2025-05-04"],
        ),
        (
            "2025-04-28",
            "Sáng thứ Ba tuần tới, hai bên họp.",
            &["2025-05-06"],
        ),
        // a weekday alone: the latest on or before publication, or the next
        (
            "2025-04-28",
            "Ông nói hôm thứ Năm rằng hai bên sẽ hợp tác.",
            &["2025-04-24"],
        ),
        (
            "2025-04-28",
            "Vào Chủ nhật vừa qua, cử tri đi bỏ phiếu.",
            &["2025-04-27"],
        ),
        (
            "2025-04-28",
            "Thứ Sáu tới, hai bên sẽ họp.",
            &["2025-05-02"],
        ),
        // `ngày` before a weekday makes it a day like `hôm`
        (
            "2025-04-28",
            "Phát biểu tại Seoul ngày thứ Tư, ông Cho nhấn mạnh điều đó.",
            &["2025-04-23"],
        ),
        (
            "2025-04-28",
            "Cuộc bầu cử diễn ra ngày Chủ nhật.",
            &["2025-04-27"],
        ),
        // … an ordinal is no weekday, nor is a weekday without a day word
        ("2025-04-28", "Đây là lần thứ hai hai bên gặp nhau.", &[]),
        (
            "2025-04-28",
            "Ngày thứ hai của hội nghị bàn về kinh tế.",
            &[],
        ),
        ("2025-04-28", "Thứ Năm là ngày bận rộn nhất.", &[]),
        // … nor a weekday that recurs
        (
            "2025-06-18",
            "Mỗi tháng có hai chuyến, khởi hành vào thứ Ba đầu tiên và thứ Ba thứ ba của tháng.",
            &[],
        ),
        (
            "2025-06-18",
            "Chợ họp vào các ngày thứ Bảy và Chủ nhật.",
            &[],
        ),
        (
            "2025-06-18",
            "Người biểu tình tụ tập vào thứ Sáu hằng tuần trước tòa nhà quốc hội.",
            &[],
        ),
        ("2025-06-18", "Tàu chạy vào thứ Năm thứ hai của tháng.", &[]),
        // a month in an event's name names the event
        (
            "2025-09-05",
            "Sáng 2/9, lễ kỷ niệm 80 năm Cách mạng tháng Tám và Quốc khánh diễn ra tại Hà Nội.",
            &["2025-09-02"],
        ),
        (
            "2025-11-08",
            "Đảng Cộng sản Nga kỷ niệm Cách mạng Tháng Mười Nga tại Moskva vào tháng 11.",
            &["2025-11"],
        ),
        (
            "2025-11-08",
            "Họ tuần hành nhân kỷ niệm Cách mạng tháng 10.",
            &[],
        ),
        // a frequency word makes a relative period none: `hằng tuần trước
        // tòa nhà` is weekly, in front of the building
        (
            "2025-06-18",
            "Họ tuần hành hằng tuần trước trụ sở chính phủ.",
            &[],
        ),
        // … and `N tuần trước` without `thứ` is still `ago`
        (
            "2025-04-28",
            "Cách đây hai tuần trước, họ gặp.",
            &["2025-W16"],
        ),
        ("2025-04-28", "Sáng sớm nay, Nga tấn công.", &["2025-04-28"]),
        // a count of weeks is a span, not next week (`vài tuần sau khi`)
        (
            "2025-04-28",
            "Chuyến thăm diễn ra vài tuần sau khi hai bên ký hiệp ước.",
            &[],
        ),
        ("2025-04-28", "Hai bên sẽ gặp lại tuần sau.", &["2025-W19"]),
        // a second day joined to a dated one; fractions are no days
        (
            "2025-11-08",
            "Ông Kim thị sát nhà máy hôm 31/10 và 1/11.",
            &["2025-10-31", "2025-11-01"],
        ),
        ("2025-11-08", "Tỷ lệ 3/4 và 1/2 số phiếu ủng hộ.", &[]),
        // a bare year that starts a period until now
        (
            "2025-11-08",
            "Từ 2023 đến nay, Nga nhận hàng triệu quả đạn pháo.",
            &["2023"],
        ),
        // after a part word, `qua` is the last period; alone it is the
        // vague "past" one
        ("2025-11-07", "Cuối tuần qua, Nga tấn công.", &["2025-W44"]),
        (
            "2025-11-07",
            "Hồi cuối năm qua, hai bên gặp nhau.",
            &["2024"],
        ),
        ("2025-11-07", "Đầu tháng qua, ông tới Moskva.", &["2025-10"]),
        ("2025-11-07", "Trong năm qua, Nga tăng chi tiêu.", &["null"]),
        // `năm sau đó` counts from the story: not attached
        (
            "2025-11-08",
            "Tháng 3 năm sau đó, ông từ chức.",
            &["2025-03"],
        ),
    ];

    #[test]
    fn parts_of_periods_and_two_day_spans() {
        for (published, text, want) in PART_EXAMPLES {
            assert_eq!(
                values(published, text),
                *want,
                "{text:?} (published {published:?})"
            );
        }
    }

    #[test]
    fn modifiers_join_the_period_they_modify() {
        // (sentence, mention text, modifier)
        let table: &[(&str, &str, Option<Modifier>)] = &[
            (
                "Đoàn sẽ tới vào đầu tháng 12.",
                "đầu tháng 12",
                Some(Modifier::Early),
            ),
            (
                "Giữa năm 2024, hai bên ký hiệp ước.",
                "Giữa năm 2024",
                Some(Modifier::Mid),
            ),
            (
                "Trung tuần tháng 10, vệ tinh chụp được tàu.",
                "Trung tuần tháng 10",
                Some(Modifier::Mid),
            ),
            (
                "Hạ tuần tháng 9, Tehran gửi tên lửa.",
                "Hạ tuần tháng 9",
                Some(Modifier::Late),
            ),
            (
                "Từ thượng tuần tháng 3, quân đội tập trận.",
                "thượng tuần tháng 3",
                Some(Modifier::Early),
            ),
            // a third of a month modifies a month only
            ("Hạ tuần năm 2024 không có nghĩa.", "năm 2024", None),
        ];
        for (text, want_text, want_modifier) in table {
            let doc = Prepared::new(text);
            let mut ctx = Context::for_tests();
            ctx.published = crate::prepare::parse_iso("2024-11-08");
            let got = extract(&doc, &ctx);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].text, *want_text, "{text}");
            assert_eq!(got[0].modifier, *want_modifier, "{text}");
        }
    }

    const EVENT_EXAMPLES: &[(&str, &str, &[&str])] = &[
        // no publication date: the event gives the year, and the article's
        // other dates take it as their context
        (
            "",
            "Hồi tháng 8, quân đội Ukraine bất ngờ tiến vào tỉnh Kursk của Nga. Ngày 12/9, Moscow phản công.",
            &["2024-08", "2024-09-12"],
        ),
        (
            "",
            "Hiệp ước giữa Nga và Triều Tiên, ký kết hồi tháng Sáu, có hiệu lực từ ngày 4/12.",
            &["2024-06", "2024-12-04"],
        ),
        (
            "",
            "Ông Kim Jong Un và Tổng thống Donald Trump gặp nhau tại Singapore ngày 12/6.",
            &["2018-06-12"],
        ),
        (
            "",
            "Đập Kakhovka bị phá hủy hôm 6/6, gây lũ lụt ở Kherson.",
            &["2023-06-06"],
        ),
        (
            "",
            "Nhóm Wagner nổi loạn hồi tháng 6 và ông Prigozhin thiệt mạng vào tháng 8.",
            &["2023-06", "2023-08"],
        ),
        // with a publication date, the event wins over news-style resolution
        (
            "2025-11-08",
            "Hiệp ước mà Nga và Triều Tiên ký hồi tháng 6 bao gồm điều khoản phòng thủ chung.",
            &["2024-06"],
        ),
        // ... but not an event after publication
        (
            "2023-01-10",
            "Tổng thống Putin từng tới Bình Nhưỡng vào tháng 6.",
            &["2022-06"],
        ),
        // a day must be near the event's day: not the invasion of 24/2
        (
            "2025-02-13",
            "Nga phát động đợt tấn công lớn vào Ukraine hôm 12/2.",
            &["2025-02-12"],
        ),
        (
            "",
            "Ngày 24/2, Nga phát động chiến dịch quân sự đặc biệt ở Ukraine.",
            &["2022-02-24"],
        ),
        // … nor a day of the last two weeks before publication: yesterday,
        // not an earlier year's event three days off
        (
            "2025-06-18",
            "Ông Shoigu ngày 17/6 đã tới Bình Nhưỡng theo chỉ thị của Tổng thống Putin, chuyến thăm thứ ba của ông tới Triều Tiên.",
            &["2025-06-17"],
        ),
        (
            "2025-07-20",
            "Ông Putin tới Bình Nhưỡng ngày 19/6 trong chuyến thăm lịch sử.",
            &["2024-06-19"],
        ),
        // the month must be the event's month
        (
            "",
            "Hồi tháng 9, Ukraine tấn công Kursk bằng máy bay không người lái.",
            &["XXXX-09"],
        ),
        // every document cue must appear: which treaty is unknown
        (
            "",
            "Hai nước ký hiệp ước hữu nghị vào tháng 6.",
            &["XXXX-06"],
        ),
        // the cues must be in the date's sentence
        (
            "",
            "Wagner là lực lượng lính đánh thuê. Hồi tháng 6, họ nổi loạn.",
            &["XXXX-06"],
        ),
        // two events of the same month from different years: left unknown
        (
            "",
            "Hồi tháng 6, đập Kakhovka bị phá hủy và cuộc chiến 12 ngày giữa Israel và Iran nổ ra.",
            &["XXXX-06"],
        ),
        // an explicit year is never overridden
        (
            "",
            "Ukraine tấn công Kursk hồi tháng 8/2025.",
            &["2025-08"],
        ),
    ];

    #[test]
    fn an_event_that_agrees_with_the_publication_date_keeps_its_anchor() {
        let anchors = |published: &str, text: &str| -> Vec<Anchor> {
            let doc = Prepared::new(text);
            let mut ctx = Context::for_tests();
            ctx.published = crate::prepare::parse_iso(published);
            extract(&doc, &ctx).into_iter().map(|d| d.anchor).collect()
        };
        let text = "Hiệp ước mà Nga và Triều Tiên ký hồi tháng 6 có hiệu lực.";
        assert_eq!(anchors("2024-07-01", text), [Anchor::Published]);
        assert_eq!(anchors("2025-11-08", text), [Anchor::Context]);
    }

    #[test]
    fn well_known_events_give_the_year() {
        for (published, text, want) in EVENT_EXAMPLES {
            assert_eq!(
                values(published, text),
                *want,
                "{text:?} (published {published:?})"
            );
        }
    }

    /// (article, inferred publication date): an article without one is
    /// dated by its lead only when nothing in it is later.
    const INFERRED: &[(&str, Option<&str>)] = &[
        (
            "Phái đoàn Triều Tiên tới Nga\nNgày 8/7, phái đoàn đã khởi hành. Hai nước ký hiệp ước ngày 19/6/2024.",
            Some("2024-07-08"),
        ),
        (
            "KCNA đưa tin ngày 27/7/2023 rằng ông Kim đã gặp ông Shoigu hôm 26/7.",
            Some("2023-07-27"),
        ),
        // a later day in the body: a follow-up, no inference
        (
            "Ngày 8/7/2024, phái đoàn khởi hành. Họ sẽ trở về ngày 20/7.\n\nĐoạn hai. Đoạn ba. Hội nghị tiếp theo diễn ra ngày 3/9.",
            None,
        ),
        // the year is unknown: no inference
        ("Hôm 1/11, hai ngoại trưởng hội đàm tại Moscow.", None),
        // a day the story comes before (`trước thềm`, on the eve of) is no
        // day of it
        (
            "Triều Tiên phóng tên lửa trước thềm ngày 20/1/2025
Ngày 6/1/2025, Triều Tiên phóng một tên lửa.",
            Some("2025-01-06"),
        ),
        // only a month in the lead: no day to date the article by
        ("Tháng 6/2024, hai nước ký hiệp ước.", None),
        // a dateline gives the day, whatever the body says later
        (
            "Triều Tiên chuyển vũ khí cho Nga\nCập nhật: 21:15 | 28/10/2024\nNgày 28/10, Bộ Quốc phòng cho biết. Cuộc điện đàm sẽ diễn ra ngày 30/10.",
            Some("2024-10-28"),
        ),
        (
            "Tiêu đề\nThứ Tư, 3/9/2025, 10:20 (GMT+7)\nÔng Kim tới Bắc Kinh. Ông sẽ về nước ngày 5/9.",
            Some("2025-09-03"),
        ),
        // a sentence that says more than the date is no dateline
        (
            "Tiêu đề\nNgày 8/7/2024, phái đoàn khởi hành.\nCâu hai. Câu ba. Họ trở về ngày 20/7.",
            None,
        ),
        // a coming day (`tới`, `sẽ`, `dự kiến`) is no day of the story: it
        // is not the lead's latest, nor a later one that forbids inference
        (
            "Nga phê chuẩn hiệp ước\nTổng thống Putin hôm 9/11/2024 đã ký luật phê chuẩn, văn kiện dự kiến có hiệu lực từ ngày 4/12 tới.\n\nHạ viện đã thông qua hôm 24/10.",
            Some("2024-11-09"),
        ),
        // the dated sentence is not in the lead
        (
            "Tiêu đề. Câu một. Câu hai. Câu ba. Ngày 5/5/2024, họ gặp nhau.",
            None,
        ),
        // a dateline among the last lines, when it says it is one (a word
        // such as `Cập nhật`, or a time) …
        (
            "Tiêu đề
Câu một. Câu hai. Câu ba. Câu bốn.
Cập nhật: 08/11/2025",
            Some("2025-11-08"),
        ),
        (
            "Tiêu đề
Câu một. Câu hai. Câu ba. Câu bốn.
10:20 8/11/2025",
            Some("2025-11-08"),
        ),
        // … not a date that closes the story
        (
            "Tiêu đề
Câu một. Câu hai. Câu ba. Câu bốn.
Ngày 30/4/1975.",
            None,
        ),
    ];

    #[test]
    fn roman_numerals_of_centuries() {
        for (raw, want) in [
            ("XXI", Some(21)),
            ("XX", Some(20)),
            ("XIX", Some(19)),
            ("XIV", Some(14)),
            ("IX", Some(9)),
            ("v", Some(5)),
            ("", None),
            ("XL", None),
        ] {
            assert_eq!(roman_numeral(raw), want, "{raw}");
        }
    }

    #[test]
    fn a_dateline_anchors_relative_dates_and_a_lead_story_does_not() {
        let ctx = Context::for_tests();
        let relative = |text: &str| {
            let doc = Prepared::new(text);
            let (dates, published) = find_inferring_published(&doc, &ctx);
            let last = dates.last().map(|d| d.mention.value.clone());
            (published.map(|p| p.iso()), last.flatten())
        };
        assert_eq!(
            relative("Tiêu đề\nCập nhật: 21:15 | 28/10/2024\nHai bên đã gặp nhau tuần trước."),
            (Some("2024-10-28".into()), Some("2024-W43".into()))
        );
        // a dateline among the last lines anchors them too
        let doc = Prepared::new(
            "Tiêu đề\nHai bên đã gặp nhau tuần trước. Câu hai. Câu ba.\nCập nhật: 28/10/2024",
        );
        let (dates, published) = find_inferring_published(&doc, &ctx);
        assert_eq!(published.map(|p| p.iso()).as_deref(), Some("2024-10-28"));
        assert_eq!(dates[0].mention.value.as_deref(), Some("2024-W43"));
        assert_eq!(
            relative("Tiêu đề\nNgày 28/10/2024, Bộ Quốc phòng cho biết.\nHai bên đã gặp nhau tuần trước."),
            (Some("2024-10-28".into()), None)
        );
        // a dateline may open with its place and a comma
        for text in [
            "Tiêu đề\nHà Nội, ngày 12 tháng 3 năm 2025\nBộ Ngoại giao hôm qua ra thông cáo.",
            "Tiêu đề\nMoskva, 12/3/2025\nBộ Ngoại giao hôm qua ra thông cáo.",
        ] {
            assert_eq!(
                relative(text),
                (Some("2025-03-12".into()), Some("2025-03-11".into())),
                "{text}"
            );
        }
        // a wire dateline opens the first sentence, up to its dash, the
        // agency in brackets
        for text in [
            "Tiêu đề\nHà Nội, ngày 12/3/2025 (TTXVN) - Bộ Ngoại giao hôm qua ra thông cáo.",
            "Tiêu đề\nMOSKVA, 12/3/2025 (Sputnik) – Điện Kremlin hôm qua ra thông cáo.",
        ] {
            assert_eq!(
                relative(text),
                (Some("2025-03-12".into()), Some("2025-03-11".into())),
                "{text}"
            );
        }
        // … not a dash later in the sentence, nor words before it that are
        // no dateline's
        for text in [
            "Tiêu đề\nHà Nội, ngày 12/3/2025, Bộ Ngoại giao và Bộ Quốc phòng cùng các cơ quan liên quan của hai nước đã họp bàn về hợp tác - hôm qua họ họp.",
            "Tiêu đề\nNgày 12/3/2025 Bộ Ngoại giao ra thông cáo - hôm qua họ họp.",
        ] {
            assert_eq!(relative(text), (Some("2025-03-12".into()), None), "{text}");
        }
        // … not a sentence whose words after the comma are no dateline's
        assert_eq!(
            relative("Tiêu đề\nHà Nội, ngày 12/3/2025 đã diễn ra hội nghị.\nHôm qua họ họp."),
            (Some("2025-03-12".into()), None)
        );
    }

    #[test]
    fn publication_is_inferred_from_the_lead() {
        let ctx = Context::for_tests();
        for (text, want) in INFERRED {
            let doc = Prepared::new(text);
            let got = find_inferring_published(&doc, &ctx).1.map(|p| p.iso());
            assert_eq!(got.as_deref(), *want, "{text:?}");
        }
    }

    #[test]
    fn examples() {
        for (published, text, want) in EXAMPLES {
            assert_eq!(
                values(published, text),
                *want,
                "{text:?} (published {published:?})"
            );
        }
    }

    /// Not dates: durations, counts, fractions, scores, times, phone
    /// numbers, `24/7`, percentages.
    const NEGATIVES: &[&str] = &[
        "Kỷ niệm 70 năm kết thúc chiến tranh.",
        "Chuyến đi đầu tiên sau hơn 4 năm.",
        "Hiệu lực trong 120 ngày.",
        "Triều Tiên đã gửi khoảng 15.000 quân.",
        "Một phần 1/3 dân số ủng hộ.",
        "Đội nhà thắng 2-1 trong trận đấu.",
        "Cuộc họp bắt đầu lúc 10:30 sáng.",
        "Đường dây nóng 0912.345.678 hoạt động 24/7.",
        "Tỷ lệ ủng hộ đạt 45% trong 3 tháng.",
        "Sư đoàn 11 được điều tới.",
        "Họ thử 6 tên lửa trong 2 tháng sau đó.",
        "Hơn 1.500 người tham gia, gấp 3 lần năm trước đó.",
        // a day of every year
        "Ngày 9/5 hằng năm, Nga tổ chức diễu binh.",
        "Lễ được tổ chức vào ngày 2/9 hàng năm.",
    ];

    #[test]
    fn negatives() {
        for text in NEGATIVES {
            let found: Vec<_> = run("2025-11-08", text)
                .into_iter()
                .filter(|(_, v)| v.is_some())
                .collect();
            assert!(found.is_empty(), "{text:?} gave {found:?}");
        }
    }

    #[test]
    fn weekday_is_checked_and_pins_a_year() {
        let doc = Prepared::new("Cuộc gặp vào thứ Năm, ngày 6 tháng 11 năm 2025. Thứ Hai, ngày 6 tháng 11 năm 2025 là sai.");
        let ctx = Context::for_tests();
        let d = extract(&doc, &ctx);
        assert_eq!(d[0].weekday, Some("thursday"));
        assert_eq!(d[0].weekday_consistent, Some(true));
        assert_eq!(d[1].weekday_consistent, Some(false));
        // no publication date; the article mentions 2023; Sunday 9/11 → 2025
        let doc = Prepared::new("Từ năm 2023, hai bên đàm phán. Lễ ký diễn ra Chủ nhật (9/11).");
        let d = extract(&doc, &ctx);
        assert_eq!(d[1].value.as_deref(), Some("2025-11-09"));
        assert_eq!(d[1].anchor, Anchor::Context);
    }

    #[test]
    fn spans_cover_the_expression() {
        let r = run(
            "2025-11-08",
            "Hội đàm hôm 1/11 tại Moscow và cuối năm 2024.",
        );
        assert_eq!(r[0].0, "hôm 1/11");
        assert_eq!(r[1].0, "cuối năm 2024");
        // a two-word time of day is part of the date
        let evening = run("2025-11-08", "Chiều tối 6/11, Điện Kremlin ra thông báo.");
        assert_eq!(evening[0].0, "Chiều tối 6/11");
        let early = run("2025-11-08", "Sáng sớm 7/11, tên lửa được phóng.");
        assert_eq!(early[0].0, "Sáng sớm 7/11");
        // … and so is one before a weekday with its day
        let dawn = run("2025-11-08", "Rạng sáng thứ Bảy (8/11), UAV tấn công.");
        assert_eq!(
            dawn,
            [("Rạng sáng thứ Bảy (8/11)".into(), Some("2025-11-08".into()))]
        );
        let r = run(
            "2025-11-08",
            "Từ tháng 12 năm ngoái, quân đội đã tăng cường.",
        );
        assert_eq!(r, [("tháng 12 năm ngoái".into(), Some("2024-12".into()))]);
        // … also where it ends a paragraph and another follows
        let r = run(
            "2024-06-20",
            "Hai ông gặp nhau vào tháng 9 năm ngoái.\n\nHai bên ký hiệp ước.",
        );
        assert_eq!(r, [("tháng 9 năm ngoái".into(), Some("2023-09".into()))]);
    }

    #[test]
    fn every_rule_fires_on_an_example() {
        let mut fired = std::collections::BTreeSet::new();
        for (_, text, _) in EXAMPLES.iter().chain(PART_EXAMPLES) {
            let doc = Prepared::new(text);
            for c in find_candidates(&doc) {
                fired.insert(c.rule);
            }
        }
        for rule in rules() {
            assert!(
                fired.contains(rule.name),
                "rule {} has no example",
                rule.name
            );
        }
    }

    /// The proof behind searching the rules only where a trigger word, a
    /// number or a bracket begins: no rule matches a text whose first word
    /// is anything else. A breadth-first walk of two DFAs together, the
    /// rules' (anchored, all matches) and the triggers', looks for a text
    /// the rules match while the triggers' DFA has died without a match.
    #[test]
    fn every_rule_match_begins_with_a_trigger() {
        use regex_automata::dfa::{dense, Automaton, StartKind};
        use regex_automata::util::start;
        use regex_automata::MatchKind;
        let patterns: Vec<&str> = rules().iter().map(|r| r.pattern.as_str()).collect();
        let config = || {
            dense::Config::new()
                .match_kind(MatchKind::All)
                .start_kind(StartKind::Anchored)
        };
        let rules_dfa = dense::Builder::new()
            .configure(config())
            .build_many(&patterns)
            .expect("the rules' DFA");
        let words = TRIGGER_WORDS
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|");
        // a trigger word ends where a non-word character (or the text) does
        let triggers = format!(r"(?i)[0-9]|\(|(?:{words})(?:[^\p{{Alphabetic}}\p{{N}}]|$)");
        let trigger_dfa = dense::Builder::new()
            .configure(config())
            .build(&triggers)
            .expect("the triggers' DFA");
        let anchored = start::Config::new().anchored(Anchored::Yes);
        let first = (
            rules_dfa.start_state(&anchored).expect("start"),
            trigger_dfa.start_state(&anchored).expect("start"),
            false,
        );
        let mut seen = std::collections::HashSet::from([first]);
        let mut queue = std::collections::VecDeque::from([(first, Vec::<u8>::new())]);
        while let Some(((r, t, rule_matched), text)) = queue.pop_front() {
            let ends_here = rules_dfa.is_match_state(rules_dfa.next_eoi_state(r));
            let trigger_at_end = trigger_dfa.is_match_state(trigger_dfa.next_eoi_state(t));
            // a rule has matched, and no trigger can any more
            let untriggered =
                !trigger_at_end && (ends_here || (rule_matched && trigger_dfa.is_dead_state(t)));
            assert!(
                !untriggered,
                "a rule matches {:?}, which no trigger begins",
                String::from_utf8_lossy(&text)
            );
            for byte in 0..=255u8 {
                let (r2, t2) = (
                    rules_dfa.next_state(r, byte),
                    trigger_dfa.next_state(t, byte),
                );
                if trigger_dfa.is_match_state(t2) {
                    continue;
                }
                let matched = rule_matched || rules_dfa.is_match_state(r2);
                if rules_dfa.is_dead_state(r2) && !matched {
                    continue;
                }
                if seen.insert((r2, t2, matched)) {
                    let mut longer = text.clone();
                    longer.push(byte);
                    queue.push_back(((r2, t2, matched), longer));
                }
            }
        }
    }

    /// The walk of the rule set's lazy DFA tells the same rules as
    /// searching each rule, at every word of the examples.
    #[test]
    fn the_set_walk_agrees_with_each_rule() {
        let book = rule_book();
        let mut cache = book.set.create_cache();
        let mut checked = 0;
        // (and dates that end their text: the walk's end-of-text step)
        let ends = [
            "Hà Nội, ngày 7/11",
            "Ông đến vào năm 2020",
            "thứ Hai tuần trước",
        ];
        let examples = EXAMPLES.iter().chain(PART_EXAMPLES).map(|(_, t, _)| *t);
        for text in examples.chain(ends) {
            let doc = Prepared::new(text);
            // as the search reads them: sentence by sentence, a sentence's
            // end the text's end
            for sentence in &doc.sentences {
                let hay = &doc.text()[sentence.clone()];
                for (start, _) in doc.key_words.starting_in(sentence.start, sentence.end) {
                    let at = start - sentence.start;
                    let input = Input::new(hay).range(at..).anchored(Anchored::Yes);
                    let mut walked = PatternSet::new(book.rules.len());
                    let mut each = PatternSet::new(book.rules.len());
                    walk_set(&book.set, &mut cache, &hay.as_bytes()[at..], &mut walked)
                        .expect("the walk does not give up");
                    each_rule_matching(&book.rules, &input, &mut each);
                    let names = |set: &PatternSet| -> Vec<&str> {
                        set.iter().map(|p| book.rules[p.as_usize()].name).collect()
                    };
                    assert_eq!(names(&walked), names(&each), "at {at} of {text:?}");
                    checked += usize::from(!each.is_empty());
                }
            }
        }
        assert!(checked > 100, "only {checked} places where a rule matches");
    }
}
