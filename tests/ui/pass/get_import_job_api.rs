//! The GetImportJob types as a user of `sesv2-model` sees them.
#![deny(warnings)]

use std::error::Error;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sesv2_model::builders::GetImportJobResponseBuilder;
use sesv2_model::{
    BadRequestException, BuildError, ContactListDestination, ContactListImportAction, DataFormat,
    FailureInfo, GetImportJobRequest, GetImportJobResponse, ImportDataSource, ImportDestination, JobStatus,
    NotFoundException, SuppressionListDestination, SuppressionListImportAction, Timestamp,
    TooManyRequestsException,
};

fn finished(status: &JobStatus) -> bool {
    match status {
        JobStatus::Completed | JobStatus::Failed | JobStatus::Cancelled => true,
        JobStatus::Created | JobStatus::Processing => false,
        _ => false,
    }
}

fn build_response() -> Result<GetImportJobResponse, BuildError> {
    let destination = ImportDestination::builder()
        .contact_list_destination(
            ContactListDestination::builder()
                .contact_list_name("newsletter")
                .contact_list_import_action(ContactListImportAction::Put)
                .build()?,
        )
        .build();
    let builder: GetImportJobResponseBuilder = GetImportJobResponse::builder();
    Ok(builder
        .job_id(String::from("job-1"))
        .import_destination(destination)
        .import_data_source(
            ImportDataSource::builder()
                .s3_url("s3://bucket/contacts.csv")
                .data_format(DataFormat::Csv)
                .build()?,
        )
        .failure_info(FailureInfo::builder().error_message("2 bad rows").build())
        .job_status(JobStatus::Completed)
        .created_timestamp(Timestamp::from_secs(1_700_000_000).expect("in range"))
        .set_completed_timestamp(None)
        .processed_records_count(10)
        .failed_records_count(2)
        .build())
}

fn main() -> Result<(), Box<dyn Error>> {
    let response = build_response()?;
    let id: Option<&str> = response.job_id();
    let count: Option<i32> = response.processed_records_count();
    let source: Option<&ImportDataSource> = response.import_data_source();
    let url: &str = source.map(ImportDataSource::s3_url).unwrap_or_default();
    let format: Option<&DataFormat> = source.map(ImportDataSource::data_format);
    let created: Option<&Timestamp> = response.created_timestamp();
    assert_eq!((id, count, url, format), (Some("job-1"), Some(10), "s3://bucket/contacts.csv", Some(&DataFormat::Csv)));
    assert!(finished(response.job_status().expect("status is set")));

    let when = SystemTime::try_from(*created.expect("created is set"))?;
    assert_eq!(when, UNIX_EPOCH + Duration::from_secs(1_700_000_000));
    assert_eq!(Timestamp::try_from(when)?.to_string(), "2023-11-14T22:13:20Z");

    let json = serde_json::to_string(&response)?;
    let decoded: GetImportJobResponse = serde_json::from_str(&json)?;
    assert_eq!(decoded, response);
    let copy = decoded.clone();
    println!("{copy:?}");

    let request = GetImportJobRequest::builder().job_id("job-1").build()?;
    assert_eq!(request.job_id(), "job-1");
    let missing: BuildError = GetImportJobRequest::builder().build().unwrap_err();
    assert_eq!(missing.field(), "job_id");

    let suppression = SuppressionListDestination::builder()
        .suppression_list_import_action(SuppressionListImportAction::Delete)
        .build()?;
    assert_eq!(suppression.suppression_list_import_action().as_str(), "DELETE");

    let status: JobStatus = "PAUSED".parse()?;
    assert_eq!(status.to_string(), "PAUSED");
    assert_eq!(JobStatus::from(String::from("FAILED")), JobStatus::Failed);
    assert_eq!(JobStatus::values().len(), 5);

    let errors: Vec<Box<dyn Error>> = vec![
        Box::new(BadRequestException::builder().message("bad").build()),
        Box::new(NotFoundException::builder().build()),
        Box::new(TooManyRequestsException::default()),
    ];
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["BadRequestException: bad", "NotFoundException", "TooManyRequestsException"]);
    Ok(())
}
