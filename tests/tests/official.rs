//! The macro over the official SESv2 model (`../shared/models/aws/`) with
//! `operations = ["GetImportJob"]` generates types that decode every sample
//! response to the same values, and fail on the same malformed ones with the
//! same messages, as the types from the project's own `models/sesv2.json`.
//!
//! The build script compiles this only when the official model is present,
//! and fails the build when it is missing under CI=true.
#![cfg(official_models)]

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;

mod official {
    sesv2_model::smithy_model!(
        model = "../../shared/models/aws/sesv2-2019-09-27.json",
        operations = ["GetImportJob"],
    );
}

const RESPONSES: &[&str] = &[
    r#"{
        "JobId": "0ba4ec5e-3ee8-4bbd-92c1-7de5c8e7ad7a",
        "ImportDestination": {"SuppressionListDestination": {"SuppressionListImportAction": "PUT"}},
        "ImportDataSource": {"S3Url": "s3://acme-imports/suppression.csv", "DataFormat": "CSV"},
        "FailureInfo": {"FailedRecordsS3Url": "https://acme.s3.amazonaws.com/f.csv", "ErrorMessage": "3 invalid"},
        "JobStatus": "COMPLETED",
        "CreatedTimestamp": 1700000000.123,
        "CompletedTimestamp": 1.7000003215E9,
        "ProcessedRecordsCount": 1200,
        "FailedRecordsCount": 3
    }"#,
    "{}",
    r#"{"JobId": "j", "JobStatus": "PROCESSING", "CreatedTimestamp": 1700000000, "ProcessedRecordsCount": 250}"#,
    r#"{"ImportDestination": {"ContactListDestination": {"ContactListName": "eu", "ContactListImportAction": "DELETE"}}}"#,
    r#"{"JobStatus": "PAUSED", "ImportDataSource": {"S3Url": "s3://b/k", "DataFormat": "PARQUET"}}"#,
    r#"{"JobId": "j", "Extra": {"deep": [1, null]}, "FailureInfo": {"ErrorMessage": "x", "Code": 7}}"#,
    r#"{"JobId": null, "FailureInfo": null, "ImportDestination": {"ContactListDestination": null}}"#,
    // Malformed: both sets of types must reject these the same way.
    r#"{"ProcessedRecordsCount": 3000000000}"#,
    r#"{"FailedRecordsCount": "3"}"#,
    r#"{"JobStatus": ["COMPLETED"]}"#,
    r#"{"CreatedTimestamp": "yesterday"}"#,
    r#"{"ImportDataSource": {"S3Url": "s3://b/k"}}"#,
    r#"{"ImportDestination": {"ContactListDestination": {"ContactListImportAction": "PUT"}}}"#,
    r#"{"JobId": "#,
];

/// Decodes `body` as both types; the outcomes must match exactly.
fn same_outcome<Ours, Theirs>(body: &str)
where
    Ours: DeserializeOwned + Serialize + Debug,
    Theirs: DeserializeOwned + Serialize + Debug,
{
    let ours = serde_json::from_str::<Ours>(body);
    let theirs = serde_json::from_str::<Theirs>(body);
    match (ours, theirs) {
        (Ok(ours), Ok(theirs)) => {
            assert_eq!(format!("{ours:#?}"), format!("{theirs:#?}"), "values differ for {body}");
            assert_eq!(
                serde_json::to_value(&ours).unwrap(),
                serde_json::to_value(&theirs).unwrap(),
                "encodings differ for {body}"
            );
        }
        (Err(ours), Err(theirs)) => assert_eq!(ours.to_string(), theirs.to_string(), "errors differ for {body}"),
        (ours, theirs) => panic!("outcomes differ for {body}: ours {ours:?}, official {theirs:?}"),
    }
}

#[test]
fn official_model_types_decode_responses_like_the_projects_own() {
    for body in RESPONSES {
        same_outcome::<sesv2_model::GetImportJobResponse, official::GetImportJobResponse>(body);
    }
}

#[test]
fn official_model_request_and_error_types_match_the_projects_own() {
    use sesv2_model::Operation;

    let ours = sesv2_model::GetImportJobRequest::builder()
        .job_id("job 1/2")
        .build()
        .unwrap();
    let theirs = official::GetImportJobRequest::builder()
        .job_id("job 1/2")
        .build()
        .unwrap();
    assert_eq!(
        serde_json::to_value(&ours).unwrap(),
        serde_json::to_value(&theirs).unwrap()
    );
    assert_eq!(
        sesv2_model::operations::GetImportJob::request_uri(&ours).unwrap(),
        official::operations::GetImportJob::request_uri(&theirs).unwrap()
    );
    for body in [r#"{"message": "Rate exceeded"}"#, "{}", r#"{"message": 1}"#] {
        same_outcome::<sesv2_model::BadRequestException, official::BadRequestException>(body);
        same_outcome::<sesv2_model::NotFoundException, official::NotFoundException>(body);
        same_outcome::<sesv2_model::TooManyRequestsException, official::TooManyRequestsException>(body);
    }
}

#[test]
fn official_model_enums_list_the_same_values() {
    assert_eq!(sesv2_model::JobStatus::values(), official::JobStatus::values());
    assert_eq!(sesv2_model::DataFormat::values(), official::DataFormat::values());
    assert_eq!(
        sesv2_model::SuppressionListImportAction::values(),
        official::SuppressionListImportAction::values()
    );
    assert_eq!(
        sesv2_model::ContactListImportAction::values(),
        official::ContactListImportAction::values()
    );
}
