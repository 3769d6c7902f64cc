//! The `corpus` binary: parse arguments, run the library, map the result to
//! an exit code. Everything else lives in the library.

use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

// The extractors make many small, short-lived allocations (mentions, spans,
// strings); a thread-caching allocator cuts the allocator's share of a run
// (about 15% of the profile with glibc malloc). jemalloc rather than
// mimalloc: mimalloc returned freed memory to the system 10 ms after each
// batch and took it back, zeroing huge pages, at every batch (7% of the
// wall time on the 100 MB benchmark); jemalloc keeps it for seconds.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = corpus::cli::Cli::parse();
    let stdout = io::stdout();
    let stdout_is_terminal = stdout.is_terminal();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut err = io::stderr().lock();
    let streams = corpus::Streams {
        stdout: &mut out,
        stderr: &mut err,
        stdout_is_terminal,
        stderr_is_terminal: io::stderr().is_terminal(),
    };
    let result = corpus::run(&cli, streams).and_then(|outcome| {
        out.flush()?;
        Ok(outcome)
    });
    match result {
        Ok(outcome) => ExitCode::from(outcome as u8),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let e = anyhow::Error::new(e);
            let _ = writeln!(io::stderr(), "corpus: {e:#}");
            ExitCode::from(corpus::Outcome::Failed as u8)
        }
    }
}
