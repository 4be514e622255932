//! A small benchmark harness for comparisons against a floor: each group's
//! floor and cases are sampled in short rounds (floor, case, then case,
//! floor, ...), so that the machine's slow and fast moments fall on all of
//! them alike, and each case's ratio is the median of the ratios within a
//! round.
//!
//! `--quick` (or `BENCH_QUICK=1`) takes one short round: enough to prove the
//! benchmark runs, not to measure.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// One thing to measure: a name and a loop that runs it a given number of
/// times and returns the nanoseconds per call.
pub struct Case<'a> {
    name: String,
    run: Box<dyn FnMut(u64) -> f64 + 'a>,
}

/// Names `f` for a comparison. The loop is monomorphized for `f`, so the only
/// dynamic call is one per sample.
pub fn case<'a, T>(name: impl Into<String>, mut f: impl FnMut() -> T + 'a) -> Case<'a> {
    Case {
        name: name.into(),
        run: Box::new(move |iterations| {
            let started = Instant::now();
            for _ in 0..iterations {
                black_box(f());
            }
            started.elapsed().as_nanos() as f64 / iterations as f64
        }),
    }
}

/// The groups measured so far, and how long to measure.
pub struct Bench {
    quick: bool,
    rows: Vec<Row>,
}

struct Row {
    name: String,
    nanos: f64,
    /// The median ratio to the group's floor, or `None` for the floor itself.
    ratio: Option<f64>,
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

    /// Measures `floor` and `cases` in turns and records each case's median
    /// time and its median ratio to the floor.
    pub fn compare(&mut self, floor: Case<'_>, cases: Vec<Case<'_>>) {
        // Many short rounds: the machine's noise changes within seconds, and
        // a ratio within a round only holds if both samples saw the same.
        let (rounds, sample_time) = if self.quick {
            (1, Duration::from_millis(1))
        } else {
            (201, Duration::from_millis(10))
        };
        let mut all: Vec<Case<'_>> = std::iter::once(floor).chain(cases).collect();
        let iterations: Vec<u64> = all.iter_mut().map(|case| calibrate(case, sample_time)).collect();
        let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); all.len()];
        for round in 0..rounds {
            // Every other round runs the cases in reverse, so that neither
            // always follows the other.
            let mut order: Vec<usize> = (0..all.len()).collect();
            if round % 2 == 1 {
                order.reverse();
            }
            for index in order {
                let nanos = (all[index].run)(iterations[index]);
                samples[index].push(nanos);
            }
        }
        let floor_samples = samples[0].clone();
        for (index, (case, samples)) in all.iter().zip(&samples).enumerate() {
            let ratio = (index > 0).then(|| {
                median(
                    samples
                        .iter()
                        .zip(&floor_samples)
                        .map(|(time, floor)| time / floor)
                        .collect(),
                )
            });
            self.rows.push(Row {
                name: case.name.clone(),
                nanos: median(samples.clone()),
                ratio,
            });
        }
    }

    /// Prints the table: every case, its median and its ratio to the floor
    /// of its group (the row above it without a ratio).
    pub fn report(&self, title: &str) {
        let quick = if self.quick {
            " (quick mode: not a measurement)"
        } else {
            ""
        };
        println!("\n{title}{quick}");
        println!("{:<60} {:>11} {:>7}", "case", "median", "ratio");
        for row in &self.rows {
            let ratio = row
                .ratio
                .map_or_else(|| "floor".to_owned(), |ratio| format!("{ratio:.2}x"));
            println!("{:<60} {:>11} {:>7}", row.name, human(row.nanos), ratio);
        }
    }
}

/// How many calls fill one sample (after warming up).
fn calibrate(case: &mut Case<'_>, sample_time: Duration) -> u64 {
    let mut iterations: u64 = 1;
    loop {
        let nanos = (case.run)(iterations) * iterations as f64;
        if nanos >= sample_time.as_nanos() as f64 / 4.0 || iterations >= 1 << 30 {
            return iterations * 4;
        }
        iterations *= 2;
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
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
