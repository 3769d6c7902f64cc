//! Extraction: the pure functions that find items in a prepared document.
//!
//! Each extractor is `fn(&Prepared, &Context, …) -> Vec<Item>`: no I/O, no
//! clock, no global mutable state. "Today" is [`Context::published`], so a
//! test pins it like a reference time. They run in a fixed order because
//! later ones use earlier results: places and actors first, then dates,
//! then troop figures, which read all three.

pub mod dates;
pub mod numbers;

use crate::model::{Actor, DateMention, Place, TroopFigure};
use crate::prepare::{PartialDate, Prepared};

/// What extractors may know besides the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The document's publication date, the anchor of relative dates.
    pub published: Option<PartialDate>,
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
}

/// Run every extractor over `doc`.
pub fn run_all(doc: &Prepared, ctx: &Context) -> Extracted {
    let dates = dates::extract(doc, ctx);
    Extracted {
        dates,
        ..Extracted::default()
    }
}
