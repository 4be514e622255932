//! GetImportJob over HTTP, end to end, with the bytes SESv2 sends: the
//! request for an input and a regional endpoint, a 200 response read into
//! `GetImportJobResponse`, and error responses read into `GetImportJobError`.

use sesv2_model::http::{self, Method};
use sesv2_model::operations::{GetImportJob, GetImportJobError};
use sesv2_model::{DataFormat, Endpoint, GetImportJobRequest, ImportDestination, JobStatus, Operation, Timestamp};

const JOB_ID: &str = "ef0f4cb5-4f4a-4b3c-9a1d-5c0f1f7d2a10";

fn endpoint() -> Endpoint {
    Endpoint::new("https://email.eu-west-1.amazonaws.com").unwrap()
}

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut response = http::Response::builder().status(status);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    response.body(body.as_bytes().to_vec()).unwrap()
}

#[test]
fn the_request_gets_the_job_by_id_on_the_regional_host() {
    let input = GetImportJobRequest::builder().job_id(JOB_ID).build().unwrap();
    let request = GetImportJob::build_request(&input, &endpoint()).unwrap();
    assert_eq!(request.method(), Method::GET);
    assert_eq!(
        request.uri().to_string(),
        format!("https://email.eu-west-1.amazonaws.com/v2/email/import-jobs/{JOB_ID}")
    );
    assert_eq!(request.uri().host(), Some("email.eu-west-1.amazonaws.com"));
    // A GET with every member in the path has no body, so no body headers.
    assert!(request.body().is_empty());
    assert!(request.headers().is_empty(), "{:?}", request.headers());
}

#[test]
fn job_ids_are_percent_encoded_in_the_path() {
    let input = GetImportJobRequest::builder().job_id("a/b c").build().unwrap();
    let request = GetImportJob::build_request(&input, &endpoint()).unwrap();
    assert_eq!(request.uri().path(), "/v2/email/import-jobs/a%2Fb%20c");
}

#[test]
fn an_empty_job_id_cannot_make_a_request() {
    let input = GetImportJobRequest::builder().job_id("").build().unwrap();
    let error = GetImportJob::build_request(&input, &endpoint()).unwrap_err();
    assert_eq!(error.member(), Some("JobId"));
    assert_eq!(
        error.to_string(),
        "cannot build the request: the member `JobId` is empty"
    );
}

#[test]
fn a_200_response_reads_as_the_job() {
    let body = r#"{
        "JobId": "ef0f4cb5-4f4a-4b3c-9a1d-5c0f1f7d2a10",
        "ImportDestination": {
            "ContactListDestination": {"ContactListName": "newsletter", "ContactListImportAction": "PUT"}
        },
        "ImportDataSource": {"S3Url": "s3://contacts/2023-11.csv", "DataFormat": "CSV"},
        "FailureInfo": {"FailedRecordsS3Url": "s3://contacts/failures.csv", "ErrorMessage": "3 rows failed"},
        "JobStatus": "COMPLETED",
        "CreatedTimestamp": 1.700000000123E9,
        "CompletedTimestamp": 1700000360.5,
        "ProcessedRecordsCount": 1200,
        "FailedRecordsCount": 3
    }"#;
    let headers = [
        ("Date", "Tue, 14 Nov 2023 22:19:21 GMT"),
        ("Content-Type", "application/json"),
        ("x-amzn-RequestId", "8f7a5c1e-7e0b-4b5e-9d2b-2f1c6b0a9e11"),
    ];
    let job = GetImportJob::parse_response(&response(200, &headers, body)).unwrap();
    assert_eq!(job.job_id(), Some(JOB_ID));
    assert_eq!(job.job_status(), Some(&JobStatus::Completed));
    assert_eq!(
        job.import_data_source().map(|source| source.data_format()),
        Some(&DataFormat::Csv)
    );
    let Some(ImportDestination {
        contact_list_destination: Some(list),
        ..
    }) = job.import_destination()
    else {
        panic!(
            "expected a contact list destination, read {:?}",
            job.import_destination()
        );
    };
    assert_eq!(list.contact_list_name(), "newsletter");
    assert_eq!(
        job.created_timestamp(),
        Some(&Timestamp::from_secs_and_nanos(1_700_000_000, 123_000_000).unwrap())
    );
    assert_eq!(
        job.completed_timestamp(),
        Some(&Timestamp::from_secs_and_nanos(1_700_000_360, 500_000_000).unwrap())
    );
    assert_eq!(
        (job.processed_records_count(), job.failed_records_count()),
        (Some(1200), Some(3))
    );
}

#[test]
fn a_404_reads_as_not_found() {
    let headers = [
        ("Content-Type", "application/json"),
        (
            "x-amzn-ErrorType",
            "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.sesv2/",
        ),
        ("x-amzn-RequestId", "0c9a0f3c-6d55-4f0e-8b7f-2a6f5a1e3d42"),
    ];
    let body = r#"{"message":"Job ID ef0f4cb5 does not exist."}"#;
    let error = GetImportJob::parse_response(&response(404, &headers, body)).unwrap_err();
    let GetImportJobError::NotFoundException(not_found) = &error else {
        panic!("expected NotFoundException, read {error:?}");
    };
    assert_eq!(not_found.message(), Some("Job ID ef0f4cb5 does not exist."));
    assert_eq!(error.to_string(), "NotFoundException: Job ID ef0f4cb5 does not exist.");
}

#[test]
fn throttling_is_told_apart_by_the_body_code_when_the_header_is_missing() {
    let body = r#"{"__type":"com.amazonaws.sesv2#TooManyRequestsException","message":"Rate exceeded"}"#;
    let error = GetImportJob::parse_response(&response(429, &[], body)).unwrap_err();
    assert!(
        matches!(error, GetImportJobError::TooManyRequestsException(_)),
        "{error:?}"
    );
}

#[test]
fn an_unmodeled_error_keeps_status_code_message_and_body() {
    let body = r#"{"message":"Missing Authentication Token"}"#;
    let headers = [("x-amzn-ErrorType", "MissingAuthenticationTokenException")];
    let error = GetImportJob::parse_response(&response(403, &headers, body)).unwrap_err();
    let GetImportJobError::Unhandled(unhandled) = &error else {
        panic!("expected an unhandled error, read {error:?}");
    };
    assert_eq!(unhandled.status(), 403);
    assert_eq!(unhandled.code(), Some("MissingAuthenticationTokenException"));
    assert_eq!(unhandled.message(), Some("Missing Authentication Token"));
    assert_eq!(unhandled.body(), body.as_bytes());
}

#[test]
fn a_200_response_that_is_not_the_output_is_unhandled_not_a_panic() {
    let error = GetImportJob::parse_response(&response(200, &[], r#"{"JobStatus": 7}"#)).unwrap_err();
    let GetImportJobError::Unhandled(unhandled) = &error else {
        panic!("expected an unhandled error, read {error:?}");
    };
    assert_eq!(unhandled.status(), 200);
    assert!(error.to_string().contains("GetImportJobResponse.JobStatus"), "{error}");
}
