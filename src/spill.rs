//! A stable sort of records that need not fit in memory.
//!
//! The corpus view lists every troop figure of the corpus sorted by date,
//! which grows with the corpus. [`SortedSpill`] keeps up to
//! [`RUN_LEN`] records in memory; beyond that it sorts them and
//! writes them to a temporary file as one sorted run (a JSON line per
//! record). Serializing the spill merges the runs and the records still in
//! memory, so peak memory is bounded by the run length and the number of
//! runs, not by the corpus.
//!
//! The order is that of a stable sort by key: records with equal keys keep
//! the order they were pushed in. Runs are written in push order and the
//! merge takes the earliest run on ties, which preserves it.
//!
//! If a temporary file cannot be created or written, the records stay in
//! memory: the output is the same, only the memory bound is lost. Reading a
//! run back fails the serialization with the I/O error.

use serde::de::DeserializeOwned;
use serde::ser::{Error as _, SerializeSeq};
use serde::{Serialize, Serializer};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Records sorted by a string key, spilled to temporary files in sorted
/// runs when there are many. Serializes as a JSON array in key order.
pub struct SortedSpill<T> {
    pending: Vec<(String, T)>,
    /// Where runs are written: the system's temporary folder.
    dir: PathBuf,
    runs: Vec<PathBuf>,
    len: usize,
    run_len: usize,
}

/// Records kept in memory before a sorted run is written out. A troop
/// figure is about half a kilobyte in memory, so a few MB.
pub const RUN_LEN: usize = 8192;

impl<T> Default for SortedSpill<T> {
    fn default() -> Self {
        SortedSpill::with_run_len(RUN_LEN)
    }
}

impl<T> SortedSpill<T> {
    /// An empty spill that writes a run every `run_len` records (at least 1).
    pub fn with_run_len(run_len: usize) -> Self {
        SortedSpill {
            pending: Vec::new(),
            dir: std::env::temp_dir(),
            runs: Vec::new(),
            len: 0,
            run_len: run_len.max(1),
        }
    }

    /// Number of records pushed.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when nothing was pushed.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of runs written to temporary files so far.
    pub fn spilled_runs(&self) -> usize {
        self.runs.len()
    }
}

impl<T> std::fmt::Debug for SortedSpill<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SortedSpill")
            .field("len", &self.len)
            .field("runs", &self.runs.len())
            .finish()
    }
}

impl<T> Drop for SortedSpill<T> {
    fn drop(&mut self) {
        for path in &self.runs {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Makes temporary file names unique within the process.
static RUN_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// How many taken names a new run file skips before giving up.
const NAME_ATTEMPTS: usize = 1000;

/// Create a new run file `corpus-<pid>-<n>.spill` in `dir`, never opening
/// an existing one. A name can be taken by a file an earlier process with
/// the same id left behind (killed before it cleaned up): such names are
/// skipped rather than making the spill give up on disk.
fn create_run_file(
    dir: &std::path::Path,
    pid: u32,
    counter: &AtomicUsize,
) -> io::Result<(PathBuf, File)> {
    let mut last = None;
    for _ in 0..NAME_ATTEMPTS {
        let n = counter.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!("corpus-{pid}-{n}.spill"));
        match File::options().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free run file name")))
}

impl<T: Serialize + DeserializeOwned> SortedSpill<T> {
    /// Add a record with its sort key (keys must not contain a newline).
    pub fn push(&mut self, key: String, record: T) {
        self.pending.push((key, record));
        self.len += 1;
        if self.pending.len() >= self.run_len && self.write_run().is_err() {
            // No temporary file can be written: keep everything in memory
            // from now on rather than retrying at every push.
            self.run_len = usize::MAX;
        }
    }

    /// Sort the records in memory and write them out as one run.
    fn write_run(&mut self) -> io::Result<()> {
        self.pending.sort_by(|a, b| a.0.cmp(&b.0));
        let (path, file) = create_run_file(&self.dir, std::process::id(), &RUN_COUNTER)?;
        let written = (|| {
            let mut out = BufWriter::new(file);
            for (key, record) in &self.pending {
                out.write_all(key.as_bytes())?;
                out.write_all(b"\t")?;
                serde_json::to_writer(&mut out, record)?;
                out.write_all(b"\n")?;
            }
            out.flush()
        })();
        match written {
            Ok(()) => {
                self.runs.push(path);
                self.pending.clear();
                Ok(())
            }
            Err(e) => {
                let _ = std::fs::remove_file(&path);
                Err(e)
            }
        }
    }

    /// Sort what is still in memory. Call it once all records are pushed,
    /// before serializing (serialization takes `&self` and cannot sort).
    pub fn finish(&mut self) {
        self.pending.sort_by(|a, b| a.0.cmp(&b.0));
    }
}

/// One source of sorted records for the merge: a run file or the records
/// still in memory.
enum Source<'a, T> {
    File(io::Lines<BufReader<File>>),
    Memory(std::slice::Iter<'a, (String, T)>),
}

/// A record from a source: owned when read back from a file.
enum Item<'a, T> {
    Owned(T),
    Borrowed(&'a T),
}

impl<'a, T: DeserializeOwned> Source<'a, T> {
    fn next(&mut self) -> io::Result<Option<(String, Item<'a, T>)>> {
        match self {
            Source::Memory(it) => Ok(it.next().map(|(k, r)| (k.clone(), Item::Borrowed(r)))),
            Source::File(lines) => {
                let Some(line) = lines.next().transpose()? else {
                    return Ok(None);
                };
                let (key, json) = line.split_once('\t').ok_or_else(|| {
                    io::Error::new(io::ErrorKind::InvalidData, "spill line without a key")
                })?;
                let record = serde_json::from_str(json).map_err(io::Error::other)?;
                Ok(Some((key.to_string(), Item::Owned(record))))
            }
        }
    }
}

impl<T: Serialize + DeserializeOwned> Serialize for SortedSpill<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len))?;
        if self.runs.is_empty() {
            // Common case: everything in memory, already sorted by `finish`.
            for (_, record) in &self.pending {
                seq.serialize_element(record)?;
            }
            return seq.end();
        }
        let mut sources: Vec<Source<'_, T>> = Vec::with_capacity(self.runs.len() + 1);
        for path in &self.runs {
            let file = File::open(path).map_err(S::Error::custom)?;
            sources.push(Source::File(BufReader::new(file).lines()));
        }
        sources.push(Source::Memory(self.pending.iter()));
        // Heads of the sources; the heap orders by (key, source index), so
        // ties go to the earlier source: a stable merge.
        let mut heads: Vec<Option<Item<'_, T>>> = Vec::with_capacity(sources.len());
        let mut heap = BinaryHeap::new();
        for (i, source) in sources.iter_mut().enumerate() {
            match source.next().map_err(S::Error::custom)? {
                Some((key, item)) => {
                    heap.push(Reverse((key, i)));
                    heads.push(Some(item));
                }
                None => heads.push(None),
            }
        }
        while let Some(Reverse((_, i))) = heap.pop() {
            match heads[i].take() {
                Some(Item::Owned(record)) => seq.serialize_element(&record)?,
                Some(Item::Borrowed(record)) => seq.serialize_element(record)?,
                None => {}
            }
            if let Some((key, item)) = sources[i].next().map_err(S::Error::custom)? {
                heap.push(Reverse((key, i)));
                heads[i] = Some(item);
            }
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (key, input position) records: the output must be a stable sort.
    fn sorted_output(keys: &[&str], run_len: usize) -> (Vec<(String, usize)>, usize) {
        let mut spill = SortedSpill::with_run_len(run_len);
        for (i, k) in keys.iter().enumerate() {
            spill.push(k.to_string(), (k.to_string(), i));
        }
        spill.finish();
        let runs = spill.spilled_runs();
        let json = serde_json::to_string(&spill).expect("serialize");
        (serde_json::from_str(&json).expect("parse"), runs)
    }

    #[test]
    fn merge_of_runs_equals_a_stable_sort_in_memory() {
        let keys = [
            "2025-11", "2024-01", "2", "2025-11", "1XXXX-03", "2024-01", "2025-11", "0", "2",
            "2024-01", "2025-02",
        ];
        let mut expected: Vec<(String, usize)> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.to_string(), i))
            .collect();
        expected.sort_by(|a, b| a.0.cmp(&b.0));
        for run_len in [1, 2, 3, 4, 100] {
            let (got, runs) = sorted_output(&keys, run_len);
            assert_eq!(got, expected, "run length {run_len}");
            assert_eq!(runs, keys.len() / run_len, "run length {run_len}");
        }
    }

    #[test]
    fn empty_spill_is_an_empty_array() {
        let (got, runs) = sorted_output(&[], 2);
        assert!(got.is_empty());
        assert_eq!(runs, 0);
    }

    #[test]
    fn without_a_writable_folder_everything_stays_in_memory() {
        let mut spill = SortedSpill::with_run_len(2);
        spill.dir = PathBuf::from("/nonexistent/corpus-spill-test");
        for (i, k) in ["b", "a", "c", "a", "b"].iter().enumerate() {
            spill.push(k.to_string(), i);
        }
        spill.finish();
        assert_eq!(spill.spilled_runs(), 0);
        assert_eq!(spill.run_len, usize::MAX, "no retry at every push");
        let got: Vec<usize> =
            serde_json::from_str(&serde_json::to_string(&spill).expect("serialize"))
                .expect("parse");
        assert_eq!(got, [1, 3, 0, 4, 2]);
    }

    #[test]
    fn names_left_by_an_earlier_process_are_skipped() {
        let dir = std::env::temp_dir().join(format!("corpus-spill-names-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("test folder");
        // a stale run of an earlier process with the same id
        let stale = dir.join("corpus-7-0.spill");
        std::fs::write(&stale, "left behind").expect("stale file");
        let counter = AtomicUsize::new(0);
        let (path, _file) = create_run_file(&dir, 7, &counter).expect("a free name");
        assert_eq!(path, dir.join("corpus-7-1.spill"));
        assert_eq!(
            std::fs::read_to_string(&stale).expect("read"),
            "left behind"
        );
        std::fs::remove_dir_all(&dir).expect("clean up");
    }

    #[test]
    fn run_files_are_removed_when_dropped() {
        let mut spill = SortedSpill::with_run_len(1);
        spill.push("a".to_string(), 1u32);
        spill.push("b".to_string(), 2u32);
        let paths = spill.runs.clone();
        assert_eq!(paths.len(), 2);
        assert!(paths.iter().all(|p| p.exists()));
        drop(spill);
        assert!(paths.iter().all(|p| !p.exists()));
    }
}
