//! Decodes a GetImportJob response body with the generated types and prints
//! what it holds.
//!
//! ```text
//! cargo run -p sesv2-model --example decode              # a built-in sample
//! cargo run -p sesv2-model --example decode -- body.json # your own response
//! ```

use std::error::Error;

use sesv2_model::{GetImportJobResponse, JobStatus};

const SAMPLE: &str = r#"{
    "JobId": "0ba4ec5e-3ee8-4bbd-92c1-7de5c8e7ad7a",
    "ImportDestination": {
        "ContactListDestination": { "ContactListName": "newsletter", "ContactListImportAction": "PUT" }
    },
    "ImportDataSource": { "S3Url": "s3://acme-imports/contacts/2023-11-14.csv", "DataFormat": "CSV" },
    "FailureInfo": {
        "FailedRecordsS3Url": "https://acme-imports.s3.amazonaws.com/failures/0ba4ec5e.csv",
        "ErrorMessage": "3 records had an invalid email address"
    },
    "JobStatus": "COMPLETED",
    "CreatedTimestamp": 1700000000.123,
    "CompletedTimestamp": 1700000321.5,
    "ProcessedRecordsCount": 1200,
    "FailedRecordsCount": 3
}"#;

fn main() -> Result<(), Box<dyn Error>> {
    let body = match std::env::args_os().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => SAMPLE.to_owned(),
    };
    let job: GetImportJobResponse = serde_json::from_str(&body)?;

    println!("job        {}", job.job_id().unwrap_or("(none)"));
    let status = match job.job_status() {
        Some(JobStatus::Completed) => "completed".to_owned(),
        Some(JobStatus::Failed) => "failed".to_owned(),
        Some(other) => other.as_str().to_lowercase(),
        None => "(none)".to_owned(),
    };
    println!("status     {status}");
    if let Some(source) = job.import_data_source() {
        println!("source     {} ({})", source.s3_url(), source.data_format());
    }
    if let Some(destination) = job.import_destination() {
        if let Some(list) = destination.contact_list_destination() {
            println!(
                "into       contact list {} ({})",
                list.contact_list_name(),
                list.contact_list_import_action()
            );
        }
        if let Some(suppression) = destination.suppression_list_destination() {
            println!(
                "into       suppression list ({})",
                suppression.suppression_list_import_action()
            );
        }
    }
    if let Some(created) = job.created_timestamp() {
        println!("created    {created}");
    }
    if let Some(completed) = job.completed_timestamp() {
        println!("completed  {completed}");
    }
    println!(
        "records    {} processed, {} failed",
        job.processed_records_count().unwrap_or(0),
        job.failed_records_count().unwrap_or(0)
    );
    if let Some(failure) = job.failure_info() {
        println!("failure    {}", failure.error_message().unwrap_or("(no message)"));
    }
    println!("\n{job:#?}");
    println!("\nre-encoded: {}", serde_json::to_string(&job)?);
    Ok(())
}
