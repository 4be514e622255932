//! GetImportJob responses on the restJson1 wire: decoded member by member,
//! re-encoded to the same JSON, and malformed bodies reported by field.

use serde_json::{Value, json};
use sesv2_model::{
    BadRequestException, ContactListImportAction, DataFormat, GetImportJobResponse, JobStatus, NotFoundException,
    SuppressionListImportAction, Timestamp, TooManyRequestsException,
};

/// Every member set, as the service sends a finished job with failures.
const COMPLETED_JOB: &str = r#"{
    "JobId": "0ba4ec5e-3ee8-4bbd-92c1-7de5c8e7ad7a",
    "ImportDestination": {
        "SuppressionListDestination": { "SuppressionListImportAction": "PUT" }
    },
    "ImportDataSource": {
        "S3Url": "s3://acme-imports/suppression/2023-11-14.csv",
        "DataFormat": "CSV"
    },
    "FailureInfo": {
        "FailedRecordsS3Url": "https://acme-imports.s3.amazonaws.com/failures/0ba4ec5e.csv?X-Amz-Expires=3600",
        "ErrorMessage": "3 records had an invalid email address"
    },
    "JobStatus": "COMPLETED",
    "CreatedTimestamp": 1700000000.123,
    "CompletedTimestamp": 1700000321.5,
    "ProcessedRecordsCount": 1200,
    "FailedRecordsCount": 3
}"#;

fn decode(body: &str) -> GetImportJobResponse {
    serde_json::from_str(body).unwrap_or_else(|error| panic!("{error}\nin {body}"))
}

fn decode_error(body: &str) -> String {
    match serde_json::from_str::<GetImportJobResponse>(body) {
        Ok(value) => panic!("expected an error, decoded {value:?}"),
        Err(error) => error.to_string(),
    }
}

fn reencoded(value: &GetImportJobResponse) -> Value {
    serde_json::to_value(value).expect("generated types always encode")
}

fn parsed(body: &str) -> Value {
    serde_json::from_str(body).expect("test bodies are valid JSON")
}

fn ts(secs: i64, nanos: u32) -> Timestamp {
    Timestamp::from_secs_and_nanos(secs, nanos).expect("test timestamps are in range")
}

#[test]
fn completed_job_decodes_member_by_member_and_reencodes_to_the_same_json() {
    let job = decode(COMPLETED_JOB);

    assert_eq!(job.job_id(), Some("0ba4ec5e-3ee8-4bbd-92c1-7de5c8e7ad7a"));
    assert_eq!(job.job_status(), Some(&JobStatus::Completed));
    let destination = job.import_destination().expect("destination is set");
    let suppression = destination
        .suppression_list_destination()
        .expect("suppression list is the destination");
    assert_eq!(
        suppression.suppression_list_import_action(),
        &SuppressionListImportAction::Put
    );
    assert_eq!(destination.contact_list_destination(), None);
    let source = job.import_data_source().expect("source is set");
    assert_eq!(source.s3_url(), "s3://acme-imports/suppression/2023-11-14.csv");
    assert_eq!(source.data_format(), &DataFormat::Csv);
    let failure = job.failure_info().expect("failure info is set");
    assert_eq!(
        failure.failed_records_s3_url(),
        Some("https://acme-imports.s3.amazonaws.com/failures/0ba4ec5e.csv?X-Amz-Expires=3600")
    );
    assert_eq!(failure.error_message(), Some("3 records had an invalid email address"));
    assert_eq!(job.created_timestamp(), Some(&ts(1_700_000_000, 123_000_000)));
    assert_eq!(job.completed_timestamp(), Some(&ts(1_700_000_321, 500_000_000)));
    assert_eq!(job.processed_records_count(), Some(1200));
    assert_eq!(job.failed_records_count(), Some(3));

    assert_eq!(reencoded(&job), parsed(COMPLETED_JOB));
}

#[test]
fn fields_and_accessors_agree() {
    let job = decode(COMPLETED_JOB);
    assert_eq!(job.job_id.as_deref(), job.job_id());
    assert_eq!(job.processed_records_count, job.processed_records_count());
    assert_eq!(job.import_data_source.as_ref(), job.import_data_source());
}

#[test]
fn empty_response_decodes_to_all_absent_and_reencodes_as_an_empty_object() {
    let job = decode("{}");
    assert_eq!(job, GetImportJobResponse::default());
    assert_eq!(job.job_id(), None);
    assert_eq!(job.job_status(), None);
    assert_eq!(job.created_timestamp(), None);
    assert_eq!(job.processed_records_count(), None);
    assert_eq!(serde_json::to_string(&job).unwrap(), "{}");
}

#[test]
fn processing_job_has_no_completion_time_or_failure() {
    let body = r#"{
        "JobId": "6d0c3ac4-2b5e-4d5c-8f1a-4c5b0e9a7f21",
        "ImportDestination": {
            "ContactListDestination": { "ContactListName": "newsletter", "ContactListImportAction": "PUT" }
        },
        "ImportDataSource": { "S3Url": "s3://acme-imports/contacts.json", "DataFormat": "JSON" },
        "JobStatus": "PROCESSING",
        "CreatedTimestamp": 1700000000,
        "ProcessedRecordsCount": 250,
        "FailedRecordsCount": 0
    }"#;
    let job = decode(body);
    assert_eq!(job.job_status(), Some(&JobStatus::Processing));
    assert_eq!(job.completed_timestamp(), None);
    assert_eq!(job.failure_info(), None);
    assert_eq!(job.failed_records_count(), Some(0));
    assert_eq!(
        job.import_data_source().map(|s| s.data_format()),
        Some(&DataFormat::Json)
    );
    assert_eq!(reencoded(&job), parsed(body));
}

#[test]
fn contact_list_destination_decodes() {
    let body = r#"{"ImportDestination": {"ContactListDestination": {"ContactListName": "customers-eu", "ContactListImportAction": "DELETE"}}}"#;
    let job = decode(body);
    let contact_list = job
        .import_destination()
        .and_then(|destination| destination.contact_list_destination())
        .expect("contact list destination is set");
    assert_eq!(contact_list.contact_list_name(), "customers-eu");
    assert_eq!(
        contact_list.contact_list_import_action(),
        &ContactListImportAction::Delete
    );
    assert_eq!(reencoded(&job), parsed(body));
}

#[test]
fn unknown_job_status_round_trips() {
    let body = r#"{"JobId": "j-1", "JobStatus": "PAUSED"}"#;
    let job = decode(body);
    let status = job.job_status().expect("status is set");
    assert_eq!(status.as_str(), "PAUSED");
    assert!(matches!(status, JobStatus::Unknown(value) if value.as_str() == "PAUSED"));
    assert_eq!(status, &JobStatus::from("PAUSED"));
    assert_ne!(status, &JobStatus::Processing);
    assert_eq!(reencoded(&job), parsed(body));
}

#[test]
fn unknown_enum_values_round_trip_in_nested_required_members() {
    let body = r#"{"ImportDataSource": {"S3Url": "s3://b/k.parquet", "DataFormat": "PARQUET"}}"#;
    let job = decode(body);
    assert_eq!(job.import_data_source().unwrap().data_format().as_str(), "PARQUET");
    assert_eq!(reencoded(&job), parsed(body));
}

#[test]
fn unknown_fields_are_ignored() {
    let body = r#"{
        "JobId": "j-2",
        "JobStatus": "CREATED",
        "ImportSummary": {"Rows": [1, 2, {"nested": null}]},
        "RetryCount": 2,
        "ImportDataSource": {"S3Url": "s3://b/k.csv", "DataFormat": "CSV", "Compression": "GZIP"}
    }"#;
    let job = decode(body);
    assert_eq!(job.job_id(), Some("j-2"));
    assert_eq!(job.job_status(), Some(&JobStatus::Created));
    assert_eq!(
        reencoded(&job),
        json!({
            "JobId": "j-2",
            "JobStatus": "CREATED",
            "ImportDataSource": {"S3Url": "s3://b/k.csv", "DataFormat": "CSV"}
        })
    );
}

#[test]
fn nulls_read_as_absent() {
    let body = r#"{
        "JobId": "j-3",
        "JobStatus": null,
        "FailureInfo": null,
        "CreatedTimestamp": null,
        "ProcessedRecordsCount": null,
        "ImportDestination": {"SuppressionListDestination": null, "ContactListDestination": null}
    }"#;
    let job = decode(body);
    assert_eq!(job.job_status(), None);
    assert_eq!(job.failure_info(), None);
    assert_eq!(job.created_timestamp(), None);
    assert_eq!(job.processed_records_count(), None);
    assert_eq!(reencoded(&job), json!({"JobId": "j-3", "ImportDestination": {}}));
}

#[test]
fn integer_timestamps_are_exact() {
    let job = decode(r#"{"CreatedTimestamp": 1700000000}"#);
    let created = job.created_timestamp().unwrap();
    assert_eq!((created.secs(), created.subsec_nanos()), (1_700_000_000, 0));
    assert_eq!(created.to_string(), "2023-11-14T22:13:20Z");
    assert_eq!(
        serde_json::to_string(&job).unwrap(),
        r#"{"CreatedTimestamp":1700000000}"#
    );
}

#[test]
fn fractional_timestamps_are_exact_and_reencode_in_shortest_form() {
    let job = decode(r#"{"CreatedTimestamp": 1700000000.123}"#);
    let created = *job.created_timestamp().unwrap();
    assert_eq!((created.secs(), created.subsec_nanos()), (1_700_000_000, 123_000_000));
    assert_eq!(created.to_string(), "2023-11-14T22:13:20.123Z");
    let system = std::time::SystemTime::try_from(created).unwrap();
    assert_eq!(
        system.duration_since(std::time::UNIX_EPOCH).unwrap(),
        std::time::Duration::new(1_700_000_000, 123_000_000)
    );
    assert_eq!(
        serde_json::to_string(&job).unwrap(),
        r#"{"CreatedTimestamp":1700000000.123}"#
    );
}

#[test]
fn exponent_timestamps_are_exact() {
    let job = decode(r#"{"CreatedTimestamp": 1.7000000001E9, "CompletedTimestamp": 17e8}"#);
    let created = job.created_timestamp().unwrap();
    assert_eq!((created.secs(), created.subsec_nanos()), (1_700_000_000, 100_000_000));
    assert_eq!(created.to_string(), "2023-11-14T22:13:20.1Z");
    assert_eq!(job.completed_timestamp(), Some(&ts(1_700_000_000, 0)));
    assert_eq!(
        serde_json::to_string(&job).unwrap(),
        r#"{"CreatedTimestamp":1700000000.1,"CompletedTimestamp":1700000000}"#
    );
}

#[test]
fn millisecond_timestamps_survive_many_round_trips() {
    for millis in [
        0_i64,
        1,
        999,
        1_700_000_000_001,
        1_700_000_000_999,
        4_102_444_799_999,
        -1,
        -86_400_001,
    ] {
        let original = Timestamp::from_millis(millis).unwrap();
        let body = serde_json::to_string(&GetImportJobResponse::builder().created_timestamp(original).build()).unwrap();
        let decoded = decode(&body);
        assert_eq!(decoded.created_timestamp(), Some(&original), "{body}");
    }
}

#[test]
fn count_out_of_i32_range_is_an_error_naming_the_field() {
    assert_eq!(
        decode_error(r#"{"ProcessedRecordsCount": 3000000000}"#),
        "invalid value: integer `3000000000`, expected a 32-bit integer for \
         `GetImportJobResponse.ProcessedRecordsCount` at line 1 column 36"
    );
    assert_eq!(
        decode_error(r#"{"FailedRecordsCount": -2147483649}"#),
        "invalid value: integer `-2147483649`, expected a 32-bit integer for \
         `GetImportJobResponse.FailedRecordsCount` at line 1 column 34"
    );
    assert_eq!(
        decode(r#"{"FailedRecordsCount": -2147483648}"#).failed_records_count(),
        Some(i32::MIN)
    );
}

#[test]
fn wrong_json_types_are_errors_naming_the_field() {
    assert_eq!(
        decode_error(r#"{"ProcessedRecordsCount": "12"}"#),
        "invalid type: string \"12\", expected a 32-bit integer for \
         `GetImportJobResponse.ProcessedRecordsCount` at line 1 column 30"
    );
    assert_eq!(
        decode_error(r#"{"JobStatus": 5}"#),
        "invalid type: integer `5`, expected a `JobStatus` string for `GetImportJobResponse.JobStatus` at line 1 column 15"
    );
    assert_eq!(
        decode_error(r#"{"CreatedTimestamp": "2023-11-14T22:13:20Z"}"#),
        "invalid type: string \"2023-11-14T22:13:20Z\", expected a timestamp in seconds since the Unix \
         epoch (years -9999 to 9999) for `GetImportJobResponse.CreatedTimestamp` at line 1 column 43"
    );
    assert_eq!(
        decode_error(r#"{"FailureInfo": ["oops"]}"#),
        "invalid type: sequence, expected a `FailureInfo` object for `GetImportJobResponse.FailureInfo` at line 1 column 16"
    );
    assert_eq!(
        decode_error(r#"{"ImportDataSource": {"S3Url": 7, "DataFormat": "CSV"}}"#),
        "invalid type: integer `7`, expected a string for `ImportDataSource.S3Url` at line 1 column 32"
    );
    assert_eq!(
        decode_error("[]"),
        "invalid type: sequence, expected a `GetImportJobResponse` object at line 1 column 0"
    );
}

#[test]
fn out_of_range_timestamps_are_errors_naming_the_field() {
    assert_eq!(
        decode_error(r#"{"CompletedTimestamp": 1e300}"#),
        "invalid value: floating point `1e+300`, expected a timestamp in seconds since the Unix epoch \
         (years -9999 to 9999) for `GetImportJobResponse.CompletedTimestamp` at line 1 column 28"
    );
}

#[test]
fn missing_required_members_are_errors_naming_them() {
    assert_eq!(
        decode_error(r#"{"ImportDataSource": {"S3Url": "s3://b/k.csv"}}"#),
        "missing required member `DataFormat` of `ImportDataSource` at line 1 column 46"
    );
    assert_eq!(
        decode_error(r#"{"ImportDestination": {"ContactListDestination": {"ContactListImportAction": "PUT"}}}"#),
        "missing required member `ContactListName` of `ContactListDestination` at line 1 column 83"
    );
    assert_eq!(
        decode_error(r#"{"ImportDataSource": {"S3Url": null, "DataFormat": "CSV"}}"#),
        "missing required member `S3Url` of `ImportDataSource` at line 1 column 57"
    );
}

#[test]
fn malformed_json_is_an_error_not_a_panic() {
    assert_eq!(
        decode_error(r#"{"JobId": "j"#),
        "EOF while parsing a string at line 1 column 12"
    );
    assert_eq!(decode_error(r#"{"JobId": "j",}"#), "trailing comma at line 1 column 15");
}

#[test]
fn error_shapes_decode_and_display_their_message() {
    let error: BadRequestException =
        serde_json::from_str(r#"{"message": "Invalid JobId.", "__type": "BadRequestException"}"#).unwrap();
    assert_eq!(error.message(), Some("Invalid JobId."));
    assert_eq!(error.to_string(), "BadRequestException: Invalid JobId.");
    let error: NotFoundException = serde_json::from_str("{}").unwrap();
    assert_eq!(error.to_string(), "NotFoundException");
    let error: Box<dyn std::error::Error> =
        Box::new(TooManyRequestsException::builder().message("Rate exceeded").build());
    assert_eq!(error.to_string(), "TooManyRequestsException: Rate exceeded");
    assert_eq!(
        serde_json::to_value(BadRequestException::builder().message("m").build()).unwrap(),
        json!({"message": "m"})
    );
}

mod corrected {
    sesv2_model::smithy_model!(
        model = "../models/sesv2.json",
        operations = ["GetImportJob"],
        client_error_correction = true,
    );
}

#[test]
fn client_error_correction_fills_missing_required_members() {
    use corrected::{DataFormat, GetImportJobResponse};

    let job: GetImportJobResponse = serde_json::from_str(
        r#"{"ImportDataSource": {}, "ImportDestination": {"ContactListDestination": {"ContactListName": null}}}"#,
    )
    .unwrap();
    let source = job.import_data_source().unwrap();
    assert_eq!(source.s3_url(), "");
    assert_eq!(source.data_format(), &DataFormat::from(""));
    let contact_list = job.import_destination().unwrap().contact_list_destination().unwrap();
    assert_eq!(contact_list.contact_list_name(), "");
    assert_eq!(contact_list.contact_list_import_action().as_str(), "");
    // Members that are present still have to be well-formed.
    let error = serde_json::from_str::<GetImportJobResponse>(r#"{"ImportDataSource": {"S3Url": 1}}"#).unwrap_err();
    assert!(error.to_string().contains("ImportDataSource.S3Url"), "{error}");
}
