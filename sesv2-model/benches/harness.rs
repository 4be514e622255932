//! A small benchmark harness: medians of repeated timed samples, and a table
//! of each case's time and its ratio to a floor measured in the same run.
//!
//! `--quick` (or `BENCH_QUICK=1`) takes one short sample per case: enough to
//! prove the benchmark runs, not to measure.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// The cases measured so far, and how long to measure.
pub struct Bench {
    quick: bool,
    rows: Vec<Row>,
}

struct Row {
    name: String,
    nanos: f64,
    floor: Option<(String, f64)>,
}

impl Bench {
    /// Quick or full, from the command line or `BENCH_QUICK`.
    pub fn from_args() -> Bench {
        let quick = std::env::args().any(|arg| arg == "--quick")
            || std::env::var("BENCH_QUICK").is_ok_and(|value| value == "1");
        Bench {
            quick,
            rows: Vec::new(),
        }
    }

    /// The median time of one call of `f`, in nanoseconds.
    pub fn measure<T>(&self, mut f: impl FnMut() -> T) -> f64 {
        let (samples, sample_time) = if self.quick {
            (1, Duration::from_millis(1))
        } else {
            (21, Duration::from_millis(150))
        };
        // Warm up, and find how many calls fill one sample.
        let mut iterations: u64 = 1;
        loop {
            let started = Instant::now();
            for _ in 0..iterations {
                black_box(f());
            }
            if started.elapsed() >= sample_time / 4 || iterations >= 1 << 30 {
                break;
            }
            iterations *= 2;
        }
        let iterations = (iterations * 4).max(1);
        let mut times: Vec<f64> = (0..samples)
            .map(|_| {
                let started = Instant::now();
                for _ in 0..iterations {
                    black_box(f());
                }
                started.elapsed().as_nanos() as f64 / iterations as f64
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    }

    /// Measures `f` and records it, compared with the floor of that name.
    pub fn case<T>(&mut self, name: &str, floor: Option<&str>, f: impl FnMut() -> T) -> f64 {
        let nanos = self.measure(f);
        let floor = floor.map(|floor| {
            let floor_nanos = self
                .rows
                .iter()
                .find(|row| row.name == floor)
                .map_or(f64::NAN, |row| row.nanos);
            (floor.to_owned(), floor_nanos)
        });
        self.rows.push(Row {
            name: name.to_owned(),
            nanos,
            floor,
        });
        nanos
    }

    /// Prints the table: every case, its median and its ratio to its floor.
    pub fn report(&self, title: &str) {
        println!(
            "\n{title}{}",
            if self.quick {
                " (quick mode: not a measurement)"
            } else {
                ""
            }
        );
        println!("{:<58} {:>14} {:>8}  floor", "case", "median", "ratio");
        for row in &self.rows {
            let (ratio, floor) = match &row.floor {
                Some((name, nanos)) => (format!("{:.2}x", row.nanos / nanos), name.as_str()),
                None => ("-".to_owned(), ""),
            };
            println!("{:<58} {:>14} {:>8}  {floor}", row.name, human(row.nanos), ratio);
        }
    }
}

fn human(nanos: f64) -> String {
    if nanos >= 1e6 {
        format!("{:.2} ms", nanos / 1e6)
    } else if nanos >= 1e3 {
        format!("{:.2} µs", nanos / 1e3)
    } else {
        format!("{nanos:.0} ns")
    }
}
