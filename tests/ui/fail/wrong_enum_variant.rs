use sesv2_model::JobStatus;

fn main() {
    // The model's values are CREATED, PROCESSING, COMPLETED, FAILED and CANCELLED.
    let _status = JobStatus::Paused;
}
