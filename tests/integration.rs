//! The integration test binary (one binary: `autotests = false`), running
//! the real `corpus` executable.

mod util;

mod cli;
mod golden;
mod invariants;
