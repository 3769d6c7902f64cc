//! Helpers shared by the unit tests.

/// Every string of at most `depth` of `pieces` in a row (the empty one
/// too): inputs for comparing a fast scanner with its plain oracle.
pub(crate) fn arrangements(pieces: &[&str], depth: usize) -> Vec<String> {
    let mut all = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..depth {
        last = last
            .iter()
            .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
            .collect();
        all.extend(last.iter().cloned());
    }
    all
}
