//! Work on several threads, for the stages whose units are independent
//! (resolving shapes, naming them, emitting them): the work is cut into
//! contiguous runs of about equal cost, one per core, and the results are
//! joined in order, so the output is the same whatever the number of
//! threads.

/// `f` of each run of `work`, in order: on the calling thread when the
/// total cost is below `threshold` (where threads cost more than they save)
/// or the machine has one core, else one run per core.
pub(crate) fn map_runs<'w, T: Sync, R: Send>(
    work: &'w [T],
    cost: impl Fn(&T) -> usize,
    threshold: usize,
    f: impl Fn(&'w [T]) -> R + Sync,
) -> Vec<R> {
    let costs: Vec<usize> = work.iter().map(cost).collect();
    let total: usize = costs.iter().sum();
    let threads = std::thread::available_parallelism().map_or(1, |count| count.get().min(8));
    if threads == 1 || total < threshold {
        return vec![f(work)];
    }
    let runs = split(work, &costs, threads);
    if runs.len() == 1 {
        // One unit of work, however large: a thread would only add its cost.
        return vec![f(work)];
    }
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = runs.into_iter().map(|run| scope.spawn(move || f(run))).collect();
        handles
            .into_iter()
            .map(|handle| match handle.join() {
                Ok(result) => result,
                // The stages do not panic; if one ever did, the panic belongs
                // to the caller, as it would without threads.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// `work` cut into at most `count` contiguous, non-empty runs whose costs
/// are as close to equal as whole units allow.
fn split<'w, T>(work: &'w [T], costs: &[usize], count: usize) -> Vec<&'w [T]> {
    let total: usize = costs.iter().sum();
    let mut runs = Vec::with_capacity(count);
    let (mut start, mut done) = (0, 0);
    for run in 1..count {
        // Ends the run where the running total first reaches its share.
        let target = total * run / count;
        let mut end = start;
        while end < work.len() && done < target {
            done += costs[end];
            end += 1;
        }
        if end > start {
            runs.push(&work[start..end]);
            start = end;
        }
    }
    if start < work.len() {
        runs.push(&work[start..]);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_the_work_in_order_with_about_equal_costs() {
        let work: Vec<usize> = (1..=10).collect();
        let runs = split(&work, &work, 2);
        assert_eq!(runs, [&work[..7], &work[7..]]);
        let runs = split(&work, &work, 3);
        assert_eq!(runs.concat(), work);
        assert_eq!(runs.len(), 3);
    }

    #[test]
    fn one_heavy_unit_does_not_make_empty_runs() {
        let work = [1000, 1, 1];
        let runs = split(&work, &work, 4);
        assert_eq!(runs.concat(), work);
        assert!(runs.iter().all(|run| !run.is_empty()));
    }

    #[test]
    fn results_come_back_in_order_whatever_the_threads() {
        let work: Vec<usize> = (0..100_000).collect();
        let sums = map_runs(&work, |_| 16, 0, |run| run.to_vec());
        assert_eq!(sums.concat(), work);
    }
}
