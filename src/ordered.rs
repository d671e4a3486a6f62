//! Parallel map over a lazy iterator with results delivered in input order.
//!
//! The calling thread pulls items (e.g. from the directory walk), hands them
//! to a rayon pool a few at a time, and passes results to a sink strictly in
//! input order. At most 16 items per thread are in flight or waiting for an
//! earlier one, so memory stays flat however many inputs there are, and the
//! first results reach the sink as soon as they are done (no waiting for a
//! whole batch, nothing collected).

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// Worker stack size. Deeply nested input must never overflow a stack (a
/// stack overflow aborts the whole process, losing every later record), so
/// workers get a generous stack as a safety net; it is virtual memory, only
/// the pages actually touched cost RSS.
pub const WORKER_STACK: usize = 256 * 1024 * 1024;

/// Items per task: handing files over one at a time cost a wake-up per
/// file (about 2 context switches a file and up to 20% of the CPU time in
/// the kernel with one worker); a few per task amortise that without hurting
/// the balance between threads.
const CHUNK: usize = 4;

/// Prefix of worker thread names (the panic hook recognises them).
pub const WORKER_NAME: &str = "newsnorm-worker";

/// A panic caught while working on one item, with its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panicked(pub String);

/// Map `work` over `items` on `threads` threads and feed results to `sink`
/// in input order. Stops early (after the in-flight items finish) when the
/// sink returns an error, and returns that error.
///
/// A panic in `work` is caught and delivered as `Err(Panicked)` for that
/// item, so one bad input cannot take down the run.
pub fn map_ordered<T, R, E>(
    threads: usize,
    items: impl Iterator<Item = T>,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(Result<R, Panicked>) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let threads = threads.max(1);
    // In tasks of CHUNK items: 16 x threads items in flight at most.
    let window = (threads * 4).max(8);
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(WORKER_STACK)
        .thread_name(|i| format!("{WORKER_NAME}-{i}"))
        .build()
    {
        Ok(pool) => pool,
        // Cannot start threads (resource limits): work on this thread.
        Err(_) => {
            for item in items {
                sink(run_caught(&work, item))?;
            }
            return Ok(());
        }
    };
    let cancelled = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, Vec<Result<R, Panicked>>)>();
    let work = &work;
    let cancelled_ref = &cancelled;
    pool.in_place_scope(|scope| {
        let mut items = items.fuse();
        let (mut next_in, mut next_out) = (0usize, 0usize);
        let mut waiting: BTreeMap<usize, Vec<Result<R, Panicked>>> = BTreeMap::new();
        loop {
            while next_in - next_out < window {
                let chunk: Vec<T> = items.by_ref().take(CHUNK).collect();
                if chunk.is_empty() {
                    break;
                }
                let tx = tx.clone();
                let index = next_in;
                scope.spawn(move |_| {
                    let mut results = Vec::with_capacity(chunk.len());
                    for item in chunk {
                        if cancelled_ref.load(Ordering::Relaxed) {
                            return;
                        }
                        results.push(run_caught(work, item));
                    }
                    // The receiver only goes away once the sink failed.
                    let _ = tx.send((index, results));
                });
                next_in += 1;
            }
            if next_out == next_in {
                return Ok(());
            }
            // We hold a sender, so this only fails if every task vanished
            // without sending, which cancellation alone can cause.
            let Ok((index, results)) = rx.recv() else {
                return Ok(());
            };
            waiting.insert(index, results);
            while let Some(results) = waiting.remove(&next_out) {
                next_out += 1;
                for result in results {
                    if let Err(err) = sink(result) {
                        cancelled_ref.store(true, Ordering::Relaxed);
                        return Err(err);
                    }
                }
            }
        }
    })
}

fn run_caught<T, R>(work: &impl Fn(T) -> R, item: T) -> Result<R, Panicked> {
    catch(|| work(item))
}

/// Run `f`, turning a panic into `Err(Panicked)` with its message.
pub fn catch<R>(f: impl FnOnce() -> R) -> Result<R, Panicked> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Panicked(message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_with_any_thread_count() {
        for threads in [1, 2, 4] {
            let mut got = Vec::new();
            let res: Result<(), ()> = map_ordered(
                threads,
                0..500u64,
                |i| {
                    // Uneven work so completion order differs from input order.
                    let spin = (i * 7919) % 5000;
                    (0..spin).fold(i, |a, b| a.wrapping_add(b)) - (0..spin).sum::<u64>()
                },
                |r| {
                    got.push(r.unwrap());
                    Ok(())
                },
            );
            assert!(res.is_ok());
            assert_eq!(got, (0..500).collect::<Vec<_>>(), "threads={threads}");
        }
    }

    #[test]
    fn sink_error_stops_early() {
        let mut seen = 0;
        let res = map_ordered(
            2,
            0..1_000_000u32,
            |i| i,
            |_| {
                seen += 1;
                if seen == 3 { Err("closed") } else { Ok(()) }
            },
        );
        assert_eq!(res, Err("closed"));
        assert_eq!(seen, 3);
    }

    #[test]
    fn a_panic_is_caught_per_item() {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let mut got = Vec::new();
        let res: Result<(), ()> = map_ordered(
            2,
            0..5u32,
            |i| if i == 2 { panic!("boom {i}") } else { i },
            |r| {
                got.push(r);
                Ok(())
            },
        );
        std::panic::set_hook(prev);
        assert!(res.is_ok());
        assert_eq!(got[2], Err(Panicked("boom 2".to_string())));
        assert_eq!(got[4], Ok(4));
    }

    #[test]
    fn the_window_bounds_items_in_flight() {
        use std::sync::atomic::AtomicUsize;
        let pulled = AtomicUsize::new(0);
        let items = (0..10_000).inspect(|_| {
            pulled.fetch_add(1, Ordering::Relaxed);
        });
        let mut delivered = 0usize;
        let mut max_ahead = 0usize;
        let _: Result<(), ()> = map_ordered(
            2,
            items,
            |i| i,
            |_| {
                delivered += 1;
                max_ahead = max_ahead.max(pulled.load(Ordering::Relaxed) - delivered);
                Ok(())
            },
        );
        assert!(max_ahead <= 32, "{max_ahead}");
    }
}
