//! The integration test binary (one binary: `autotests = false`), running
//! the real `corpus` executable.

mod util;

mod cli;
mod duckdb;
mod faults;
mod golden;
mod invariants;
mod properties;
mod readme;
mod schema;
