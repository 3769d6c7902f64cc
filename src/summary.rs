//! The corpus view: what the documents say together.
//!
//! Workers reduce each document to a small [`Digest`]; the [`Corpus`]
//! aggregator folds digests in input order, so the result does not depend on
//! the thread count. Memory grows with the number of distinct entities, not
//! with the size or number of the documents: the troop figures go to a
//! [`crate::spill::SortedSpill`], which writes sorted runs to temporary
//! files beyond a few thousand.
//!
//! - entities merged across documents by kind and canonical name (the
//!   identity the per-document extractors give), with document frequency,
//!   mention count, the documents, all aliases and roles;
//! - the span of day-level dates and counts per month;
//! - every troop figure, sorted by date: how reported numbers evolved;
//! - dated events (`corpus timeline`): one per sentence that carries a
//!   resolvable date, with the actors, places and figures of that sentence.

use crate::fast_hash::{FastMap, FastSet};
use crate::model::{CorpusEntity, CorpusView, Document, Event, Span, TimelineFigure};

/// What one document contributes to the corpus view.
#[derive(Debug, Clone, Default)]
pub struct Digest {
    id: String,
    entities: Vec<EntityDigest>,
    days: Vec<String>,
    months: Vec<String>,
    figures: Vec<TimelineFigure>,
}

/// One entity of a document, as the corpus view needs it: no document list
/// or count (the digest's id is the one document), and its aliases and roles
/// as the document gives them (sorted and distinct already). Speed: a full
/// [`CorpusEntity`] per entity cost five allocations that
/// [`Corpus::add`] threw away.
#[derive(Debug, Clone)]
struct EntityDigest {
    kind: &'static str,
    name: String,
    name_en: Option<String>,
    country: Option<String>,
    mentions: usize,
    aliases: Vec<String>,
    roles: Vec<String>,
}

/// True for a value with a known year at day or month precision.
fn known_year(value: &str) -> bool {
    value.len() >= 7 && value.as_bytes()[..4].iter().all(u8::is_ascii_digit)
}

impl Digest {
    /// Reduce a document.
    pub fn of(doc: &Document) -> Digest {
        Digest::from_document(doc.clone())
    }

    /// Reduce a document that is no longer needed: its strings move into
    /// the digest instead of being copied (`analyze` does this for every
    /// document).
    pub fn from_document(doc: Document) -> Digest {
        let id = doc.id;
        let mut entities = Vec::with_capacity(doc.actors.len() + doc.places.len());
        for a in doc.actors {
            entities.push(EntityDigest {
                kind: a.kind.as_str(),
                name: a.name,
                name_en: a.name_en,
                country: a.affiliation,
                mentions: a.mentions.len(),
                aliases: a.aliases,
                roles: a.roles,
            });
        }
        for p in doc.places {
            entities.push(EntityDigest {
                kind: "place",
                name: p.name,
                name_en: Some(p.name_en),
                country: p.country,
                mentions: p.mentions.len(),
                aliases: p.aliases,
                roles: Vec::new(),
            });
        }
        let mut days = Vec::new();
        let mut months = Vec::new();
        for d in doc.dates {
            let Some(v) = d.value else { continue };
            if !known_year(&v)
                || v.contains('/')
                || v.contains('W')
                || v.contains('Q')
                || v.contains('H')
            {
                continue;
            }
            months.push(v[..7].to_string());
            if v.len() == 10 {
                days.push(v);
            }
        }
        let figures = doc
            .troop_figures
            .into_iter()
            .map(|figure| TimelineFigure {
                document: id.clone(),
                figure,
            })
            .collect();
        Digest {
            id,
            entities,
            days,
            months,
            figures,
        }
    }
}

/// How many document ids an entity lists in the `analyze` summary.
pub const SUMMARY_ID_LIMIT: usize = 100;

/// Folds digests in input order.
#[derive(Debug, Default)]
pub struct Corpus {
    /// By kind, then canonical name: the entity and the number of the last
    /// document that counted it (so a document counts once). Hash maps:
    /// [`Corpus::finish`] sorts the entities by a total order, so the
    /// maps' order never shows, and a look-up hashes the name once where an
    /// ordered map compared it with a dozen others.
    entities: FastMap<&'static str, FastMap<String, (Accumulated, usize)>>,
    /// Documents folded in so far.
    documents_seen: usize,
    view: CorpusView,
    /// At most this many document ids per entity (`None`: all).
    id_limit: Option<usize>,
}

/// An entity as [`Corpus`] gathers it: its aliases and roles in hash sets
/// until [`Corpus::finish`] sorts them. Speed: the aliases and roles of
/// every mention of every document are added, nearly all of them already
/// there; a sorted set compared each with a dozen others (most of the
/// printing thread's time), a hash set compares it with one.
#[derive(Debug, Default)]
struct Accumulated {
    entity: CorpusEntity,
    aliases: FastSet<String>,
    roles: FastSet<String>,
}

impl Corpus {
    /// An aggregator that lists at most `limit` document ids per entity.
    pub fn with_id_limit(limit: usize) -> Corpus {
        Corpus {
            id_limit: Some(limit),
            ..Corpus::default()
        }
    }

    /// Fold in one document's digest.
    pub fn add(&mut self, digest: Digest) {
        // an entity may appear twice in one document's digest (two
        // identities with one canonical name): count the document once
        self.documents_seen += 1;
        let document = self.documents_seen;
        for e in digest.entities {
            // look up by reference first: most entities are already known
            let by_name = self.entities.entry(e.kind).or_default();
            let (slot, last_document) = match by_name.get_mut(e.name.as_str()) {
                Some(entry) => entry,
                None => by_name.entry(e.name.clone()).or_insert_with(|| {
                    let fresh = CorpusEntity {
                        kind: e.kind.to_string(),
                        name: e.name.clone(),
                        name_en: e.name_en.clone(),
                        country: e.country.clone(),
                        ..CorpusEntity::default()
                    };
                    let fresh = Accumulated {
                        entity: fresh,
                        ..Accumulated::default()
                    };
                    (fresh, 0)
                }),
            };
            let Accumulated {
                entity: slot,
                aliases,
                roles,
            } = slot;
            if slot.country.is_none() {
                slot.country = e.country;
            }
            if *last_document != document {
                *last_document = document;
                slot.documents += 1;
                if self.id_limit.is_none_or(|l| slot.document_ids.len() < l) {
                    slot.document_ids.push(digest.id.clone());
                } else {
                    slot.document_ids_truncated = true;
                }
            }
            slot.mentions += e.mentions;
            aliases.extend(e.aliases);
            roles.extend(e.roles);
        }
        for d in digest.days {
            let span = &mut self.view.date_span;
            if span.earliest.as_ref().is_none_or(|e| d < *e) {
                span.earliest = Some(d.clone());
            }
            if span.latest.as_ref().is_none_or(|l| d > *l) {
                span.latest = Some(d);
            }
        }
        for m in digest.months {
            *self.view.months.entry(m).or_default() += 1;
        }
        for figure in digest.figures {
            let key = timeline_key(figure.figure.date.as_deref());
            self.view.troop_timeline.push(key, figure);
        }
    }

    /// The finished view.
    pub fn finish(mut self) -> CorpusView {
        let mut entities: Vec<CorpusEntity> = self
            .entities
            .into_values()
            .flat_map(FastMap::into_values)
            .map(|(acc, _)| CorpusEntity {
                aliases: acc.aliases.into_iter().collect(),
                roles: acc.roles.into_iter().collect(),
                ..acc.entity
            })
            .collect();
        entities.sort_by(|a, b| {
            b.documents
                .cmp(&a.documents)
                .then(b.mentions.cmp(&a.mentions))
                .then(a.kind.cmp(&b.kind))
                .then(a.name.cmp(&b.name))
        });
        self.view.entities = entities;
        self.view.troop_timeline.finish();
        self.view
    }
}

/// Sort key of an ISO value: unknown years (`XXXX`) after known ones.
fn date_key(v: &str) -> (bool, &str) {
    (v.starts_with('X'), v)
}

/// Sort key of a figure in the timeline, as a string for the spill: dates
/// with a known year first (ISO values sort as text), then unknown years
/// (`XXXX-…`), then figures without a date. Ties keep input order.
fn timeline_key(date: Option<&str>) -> String {
    match date.map(date_key) {
        Some((unknown_year, v)) => format!("{}{v}", u8::from(unknown_year)),
        None => "2".to_string(),
    }
}

/// Dated events of one document: one per sentence with a resolved date
/// (known year), with the sentence's actors, places and figures.
/// `sentences` are the sentence spans in the original text.
pub fn events(doc: &Document, original: &str, sentences: &[Span]) -> Vec<Event> {
    let within = |s: &Span, outer: &Span| s.start >= outer.start && s.end <= outer.end;
    let mut out = Vec::new();
    for sent in sentences {
        let Some(date) = doc
            .dates
            .iter()
            .filter(|d| within(&d.span, sent))
            .find_map(|d| {
                d.value.clone().filter(|v| {
                    known_year(v) || v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit())
                })
            })
        else {
            continue;
        };
        let actors = doc
            .actors
            .iter()
            .filter(|a| a.mentions.iter().any(|m| within(&m.span, sent)))
            .map(|a| a.name.clone())
            .collect();
        let places = doc
            .places
            .iter()
            .filter(|p| p.mentions.iter().any(|m| within(&m.span, sent)))
            .map(|p| p.name.clone())
            .collect();
        let troop_figures = doc
            .troop_figures
            .iter()
            .filter(|f| within(&f.span, sent))
            .cloned()
            .collect();
        out.push(Event {
            date,
            document: doc.id.clone(),
            span: *sent,
            text: original[sent.start..sent.end].to_string(),
            actors,
            places,
            troop_figures,
        });
    }
    out
}

/// Sort events chronologically (unknown-year values last; ties keep input order).
pub fn sort_events(events: &mut [Event]) {
    events.sort_by(|a, b| date_key(&a.date).cmp(&date_key(&b.date)));
}

/// At most `n` characters of `s`, with `…` when cut.
fn shorten(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

/// An aligned text table of events for a terminal.
pub fn events_table(events: &[Event]) -> String {
    let mut rows: Vec<[String; 5]> = vec![[
        "DATE".into(),
        "DOCUMENT".into(),
        "ACTORS".into(),
        "TROOPS".into(),
        "TEXT".into(),
    ]];
    for e in events {
        let troops = e
            .troop_figures
            .iter()
            .map(|f| {
                format!(
                    "{} {}→{}",
                    f.count,
                    f.sender.as_deref().unwrap_or("?"),
                    f.destination
                        .as_deref()
                        .or(f.location.as_deref())
                        .unwrap_or("?")
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        rows.push([
            e.date.clone(),
            e.document.clone(),
            shorten(&e.actors.join(", "), 40),
            troops,
            shorten(&e.text, 70),
        ]);
    }
    let widths: Vec<usize> = (0..4)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in &rows {
        for (c, cell) in r.iter().enumerate() {
            out.push_str(cell);
            if c < 4 {
                out.push_str(&" ".repeat(widths[c] - cell.chars().count() + 2));
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Qualifier, TroopFigure, TroopStatus};
    use crate::spill::SortedSpill;

    fn digest(id: &str, dates: &[Option<&str>]) -> Digest {
        let figures = dates
            .iter()
            .enumerate()
            .map(|(i, date)| TimelineFigure {
                document: id.to_string(),
                figure: TroopFigure {
                    text: format!("{} quân", 1000 + i),
                    span: Span {
                        start: i * 10,
                        end: i * 10 + 9,
                    },
                    count: 1000 + i as u64,
                    count_max: None,
                    qualifier: Qualifier::Approximately,
                    unit: "quân".to_string(),
                    status: TroopStatus::Deployed,
                    sender: Some("KP".to_string()),
                    destination: Some("RU".to_string()),
                    location: None,
                    claimed_by: None,
                    date: date.map(str::to_string),
                },
            })
            .collect();
        Digest {
            id: id.to_string(),
            figures,
            ..Digest::default()
        }
    }

    fn timeline_json(run_len: usize) -> (String, usize) {
        let mut corpus = Corpus::default();
        corpus.view.troop_timeline = SortedSpill::with_run_len(run_len);
        let docs: [(&str, &[Option<&str>]); 4] = [
            ("a", &[Some("2025-11-07"), None, Some("XXXX-11-01")]),
            ("b", &[Some("2024-10"), Some("2025-11-07"), Some("2024")]),
            ("c", &[None, Some("2023-07-27")]),
            (
                "d",
                &[Some("2025-11-07"), Some("XXXX-11-01"), Some("2024-10")],
            ),
        ];
        for (id, dates) in docs {
            corpus.add(digest(id, dates));
        }
        let view = corpus.finish();
        let runs = view.troop_timeline.spilled_runs();
        let json = serde_json::to_string(&view.troop_timeline).expect("serialize");
        (json, runs)
    }

    #[test]
    fn timeline_is_sorted_by_date_with_ties_in_input_order() {
        let (json, runs) = timeline_json(1000);
        assert_eq!(runs, 0);
        let v: serde_json::Value = serde_json::from_str(&json).expect("json");
        let order: Vec<(String, String)> = v
            .as_array()
            .expect("array")
            .iter()
            .map(|f| {
                (
                    f["date"].as_str().unwrap_or("-").to_string(),
                    f["document"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let expected = [
            ("2023-07-27", "c"),
            ("2024", "b"),
            ("2024-10", "b"),
            ("2024-10", "d"),
            ("2025-11-07", "a"),
            ("2025-11-07", "b"),
            ("2025-11-07", "d"),
            ("XXXX-11-01", "a"),
            ("XXXX-11-01", "d"),
            ("-", "a"),
            ("-", "c"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(d, id)| (d.to_string(), id.to_string()))
            .collect();
        assert_eq!(order, expected);
    }

    #[test]
    fn spilled_timeline_is_byte_identical_to_the_in_memory_one() {
        let (in_memory, _) = timeline_json(1000);
        for run_len in [1, 2, 5] {
            let (spilled, runs) = timeline_json(run_len);
            assert!(runs > 0, "run length {run_len} must spill");
            assert_eq!(spilled, in_memory, "run length {run_len}");
        }
    }
}
