//! Ordered parallel map: batches of work in, results out in input order.
//!
//! This module owns how a run uses its threads. Worker threads pull the
//! next batch from a shared source as soon as they are free, so no worker
//! waits for another at a chunk boundary (an earlier design processed
//! chunks of one batch per worker and waited for the slowest at every
//! chunk). The calling thread receives the results and hands them on in
//! input order, so output does not depend on the thread count.
//!
//! Memory stays flat: a worker takes a batch only when it is within
//! [`window`] batches of the oldest batch not yet handed on, so at most
//! that many batches are loaded, analyzed or waiting at any time, however
//! large the input.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Condvar, Mutex, PoisonError};

/// How many batches may be in flight (taken but not yet handed on) with
/// `workers` workers: each worker's current batch, one finished batch
/// each waiting for a slower one before it, and one more so that a worker
/// never idles while the calling thread hands results on.
pub fn window(workers: usize) -> usize {
    2 * workers + 1
}

/// The number of worker threads for `--jobs` (0 or absent: one per core).
pub fn worker_count(jobs: Option<usize>) -> usize {
    match jobs {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, usize::from),
    }
}

/// Items grouped into batches of `size`, for [`ordered_map`]; at the end
/// of the input, where fewer than `size` items are left for each worker,
/// the rest is shared out evenly so that every worker gets some (a folder
/// of a few large files must not go to one worker). Looks ahead
/// `size * workers` items to know when that is.
pub struct Batches<I: Iterator> {
    items: I,
    ahead: std::collections::VecDeque<I::Item>,
    size: usize,
    workers: usize,
    /// The batch size of the rest, once the input has run out.
    share: Option<usize>,
}

impl<I: Iterator> Batches<I> {
    /// Batch `items` for `workers` workers, at most `size` a batch.
    pub fn new(items: I, size: usize, workers: usize) -> Batches<I> {
        Batches {
            items,
            ahead: std::collections::VecDeque::new(),
            size: size.max(1),
            workers: workers.max(1),
            share: None,
        }
    }
}

impl<I: Iterator> Iterator for Batches<I> {
    type Item = Vec<I::Item>;

    fn next(&mut self) -> Option<Vec<I::Item>> {
        let look_ahead = self.size * self.workers;
        while self.share.is_none() && self.ahead.len() < look_ahead {
            match self.items.next() {
                Some(item) => self.ahead.push_back(item),
                None => {
                    let share = self.ahead.len().div_ceil(self.workers);
                    self.share = Some(share.clamp(1, self.size));
                }
            }
        }
        if self.ahead.is_empty() {
            return None;
        }
        let len = self.share.unwrap_or(self.size).min(self.ahead.len());
        Some(self.ahead.drain(..len).collect())
    }
}

/// Which batches workers may take: the first not yet handed on, and
/// whether the run was stopped.
struct Gate {
    handed_on: usize,
    stopped: bool,
}

/// Run `process` over every batch of `source` on `workers` threads, and
/// call `consume` with each result in the order of `source`.
///
/// `source` is read by the workers under a lock, one batch at a time, so
/// it may do I/O (walk folders, read a JSON Lines file). When `consume`
/// fails, the workers stop after their current batch and its error is
/// returned. A panic in `process` reaches the caller.
pub fn ordered_map<B, R, E>(
    workers: usize,
    source: impl Iterator<Item = B> + Send,
    process: impl Fn(B) -> R + Sync,
    mut consume: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    B: Send,
    R: Send,
{
    let workers = workers.max(1);
    let window = window(workers);
    let source = Mutex::new(source.enumerate());
    let gate = Mutex::new(Gate {
        handed_on: 0,
        stopped: false,
    });
    let opened = Condvar::new();
    let failed = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (source, gate, opened, process, failed) =
                (&source, &gate, &opened, &process, &failed);
            scope.spawn(move || loop {
                if failed.load(Ordering::Relaxed) {
                    break;
                }
                // the lock is held only to take the next batch
                let next = source.lock().unwrap_or_else(PoisonError::into_inner).next();
                let Some((seq, batch)) = next else { break };
                {
                    let mut g = gate.lock().unwrap_or_else(PoisonError::into_inner);
                    while !g.stopped && seq >= g.handed_on + window {
                        g = opened.wait(g).unwrap_or_else(PoisonError::into_inner);
                    }
                    if g.stopped {
                        break;
                    }
                }
                if tx.send((seq, process(batch))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let stop = |handed_on: Option<usize>| {
            let mut g = gate.lock().unwrap_or_else(PoisonError::into_inner);
            match handed_on {
                Some(n) => g.handed_on = n,
                None => g.stopped = true,
            }
            opened.notify_all();
        };
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        let mut next = 0;
        for (seq, result) in rx.iter() {
            waiting.insert(seq, result);
            let before = next;
            while let Some(result) = waiting.remove(&next) {
                if let Err(e) = consume(result) {
                    failed.store(true, Ordering::Relaxed);
                    stop(None);
                    return Err(e);
                }
                next += 1;
            }
            if next != before {
                stop(Some(next));
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_whatever_the_thread_count() {
        for workers in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            // later batches are quicker, so they finish first
            let result: Result<(), ()> = ordered_map(
                workers,
                (0..50u64).map(|i| vec![i, i + 100]),
                |batch| {
                    std::thread::sleep(std::time::Duration::from_micros(50 * (50 - batch[0])));
                    batch.iter().sum::<u64>()
                },
                |r| {
                    seen.push(r);
                    Ok(())
                },
            );
            assert_eq!(result, Ok(()));
            let want: Vec<u64> = (0..50).map(|i| 2 * i + 100).collect();
            assert_eq!(seen, want, "{workers} workers");
        }
    }

    #[test]
    fn no_more_than_a_window_of_batches_is_in_flight() {
        use std::sync::atomic::AtomicUsize;
        let taken = AtomicUsize::new(0);
        let mut handed_on = 0;
        let mut most = 0;
        let workers = 3;
        let result: Result<(), ()> = ordered_map(
            workers,
            (0..200).inspect(|_| {
                taken.fetch_add(1, Ordering::SeqCst);
            }),
            |i| {
                // the first batch is slow: the others must wait for it
                if i == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                i
            },
            |_| {
                handed_on += 1;
                // batches taken but not handed on, plus the ones each worker
                // holds at the gate
                let in_flight = taken.load(Ordering::SeqCst) - (handed_on - 1);
                most = most.max(in_flight);
                Ok(())
            },
        );
        assert_eq!(result, Ok(()));
        assert_eq!(handed_on, 200);
        assert!(
            most <= window(workers) + workers,
            "{most} batches in flight, window {}",
            window(workers)
        );
    }

    #[test]
    fn an_error_stops_the_workers_and_is_returned() {
        use std::sync::atomic::AtomicUsize;
        let processed = AtomicUsize::new(0);
        let result = ordered_map(
            2,
            0..10_000,
            |i| {
                processed.fetch_add(1, Ordering::SeqCst);
                i
            },
            |i| {
                if i == 5 {
                    Err(format!("stop at {i}"))
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(result, Err("stop at 5".to_string()));
        // the workers stopped within a window of the failure
        assert!(processed.load(Ordering::SeqCst) < 5 + window(2) + 2 + 1);
    }

    #[test]
    fn batches_are_full_until_the_last_share_is_split_among_workers() {
        let sizes = |n: usize, size: usize, workers: usize| -> Vec<usize> {
            Batches::new(0..n, size, workers).map(|b| b.len()).collect()
        };
        // enough for every worker: full batches, then the rest shared out
        assert_eq!(
            sizes(1000, 128, 2),
            [128, 128, 128, 128, 128, 128, 116, 116]
        );
        assert_eq!(
            sizes(1000, 128, 3),
            [128, 128, 128, 128, 128, 120, 120, 120]
        );
        // a few large files: one share for each worker
        assert_eq!(sizes(40, 128, 2), [20, 20]);
        assert_eq!(sizes(5, 128, 2), [3, 2]);
        assert_eq!(sizes(1, 128, 4), [1]);
        assert_eq!(sizes(0, 128, 2), Vec::<usize>::new());
        // order is kept
        let flat: Vec<usize> = Batches::new(0..300, 7, 3).flatten().collect();
        assert_eq!(flat, (0..300).collect::<Vec<_>>());
    }

    #[test]
    fn an_empty_source_calls_nothing() {
        let result: Result<(), ()> =
            ordered_map(4, std::iter::empty::<u8>(), |b| b, |_| panic!("no batch"));
        assert_eq!(result, Ok(()));
    }
}
