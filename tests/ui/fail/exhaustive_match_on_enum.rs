use sesv2_model::JobStatus;

// Generated enums are #[non_exhaustive]: a newer model may add values, so
// a match needs a wildcard arm.
fn finished(status: &JobStatus) -> bool {
    match status {
        JobStatus::Created | JobStatus::Processing => false,
        JobStatus::Completed | JobStatus::Failed | JobStatus::Cancelled => true,
        JobStatus::Unknown(_) => false,
    }
}

fn main() {
    let _ = finished(&JobStatus::Created);
}
