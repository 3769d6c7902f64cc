//! Dates (stub).
use super::Context;
use crate::model::DateMention;
use crate::prepare::Prepared;

/// Find temporal expressions.
pub fn extract(_doc: &Prepared, _ctx: &Context) -> Vec<DateMention> {
    Vec::new()
}
