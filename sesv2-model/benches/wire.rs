//! Decoding and encoding GetImportJob responses with the generated types,
//! against the floor: the same JSON through hand-written `#[derive]` serde
//! mirror types, measured in the same run. Also the HTTP exchange: reading a
//! whole `http::Response` and building the `http::Request`, against the
//! same work written by hand around the mirror types.
//!
//! ```text
//! cargo bench -p sesv2-model --bench wire
//! ```

mod harness;

use serde::{Deserialize, Serialize};
use sesv2_model::operations::GetImportJob;
use sesv2_model::{Endpoint, GetImportJobRequest, GetImportJobResponse, Operation, http};

/// The floor: what a careful hand-written serde mirror of the same shapes
/// does (timestamps as `f64`, enums as derived enums with an `Unknown`
/// catch-all that forgets the value).
mod mirror {
    use super::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct GetImportJobResponse {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub job_id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub import_destination: Option<ImportDestination>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub import_data_source: Option<ImportDataSource>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub failure_info: Option<FailureInfo>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub job_status: Option<JobStatus>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub created_timestamp: Option<f64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub completed_timestamp: Option<f64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub processed_records_count: Option<i32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub failed_records_count: Option<i32>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ImportDestination {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub suppression_list_destination: Option<SuppressionListDestination>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub contact_list_destination: Option<ContactListDestination>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct SuppressionListDestination {
        pub suppression_list_import_action: ImportAction,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct ContactListDestination {
        pub contact_list_name: String,
        pub contact_list_import_action: ImportAction,
    }

    #[derive(Serialize, Deserialize)]
    pub struct ImportDataSource {
        #[serde(rename = "S3Url")]
        pub s3_url: String,
        #[serde(rename = "DataFormat")]
        pub data_format: DataFormat,
    }

    #[derive(Serialize, Deserialize)]
    pub struct FailureInfo {
        #[serde(rename = "FailedRecordsS3Url", skip_serializing_if = "Option::is_none")]
        pub failed_records_s3_url: Option<String>,
        #[serde(rename = "ErrorMessage", skip_serializing_if = "Option::is_none")]
        pub error_message: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum JobStatus {
        Created,
        Processing,
        Completed,
        Failed,
        Cancelled,
        #[serde(other)]
        Unknown,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum ImportAction {
        Delete,
        Put,
        #[serde(other)]
        Unknown,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum DataFormat {
        Csv,
        Json,
        #[serde(other)]
        Unknown,
    }
}

const FULL: &str = r#"{"JobId":"0ba4ec5e-3ee8-4bbd-92c1-7de5c8e7ad7a","ImportDestination":{"ContactListDestination":{"ContactListName":"newsletter","ContactListImportAction":"PUT"}},"ImportDataSource":{"S3Url":"s3://acme-imports/contacts/2023-11-14.csv","DataFormat":"CSV"},"FailureInfo":{"FailedRecordsS3Url":"https://acme-imports.s3.amazonaws.com/failures/0ba4ec5e.csv","ErrorMessage":"3 records had an invalid email address"},"JobStatus":"COMPLETED","CreatedTimestamp":1700000000.123,"CompletedTimestamp":1700000321.5,"ProcessedRecordsCount":1200,"FailedRecordsCount":3}"#;
const MINIMAL: &str = r#"{"JobId":"0ba4ec5e-3ee8-4bbd-92c1-7de5c8e7ad7a","JobStatus":"CREATED"}"#;
const UNKNOWN_VALUES: &str = r#"{"JobId":"0ba4ec5e-3ee8-4bbd-92c1-7de5c8e7ad7a","ImportDestination":{"SuppressionListDestination":{"SuppressionListImportAction":"MERGE"}},"ImportDataSource":{"S3Url":"s3://acme-imports/contacts.parquet","DataFormat":"PARQUET"},"JobStatus":"PAUSED","CreatedTimestamp":1700000000}"#;

fn main() {
    let mut bench = harness::Bench::from_args();
    for (name, body) in [
        ("full", FULL),
        ("minimal", MINIMAL),
        ("unknown enum values", UNKNOWN_VALUES),
    ] {
        bench.compare(
            harness::case(format!("decode {name}: hand-written serde derive"), || {
                serde_json::from_str::<mirror::GetImportJobResponse>(body).unwrap()
            }),
            vec![harness::case(format!("decode {name}: generated"), || {
                serde_json::from_str::<GetImportJobResponse>(body).unwrap()
            })],
        );
        let ours: GetImportJobResponse = serde_json::from_str(body).unwrap();
        let theirs: mirror::GetImportJobResponse = serde_json::from_str(body).unwrap();
        bench.compare(
            harness::case(format!("encode {name}: hand-written serde derive"), || {
                serde_json::to_vec(&theirs).unwrap()
            }),
            vec![harness::case(format!("encode {name}: generated"), || {
                serde_json::to_vec(&ours).unwrap()
            })],
        );
    }
    exchange(&mut bench);
    bench.report("wire (GetImportJobResponse)");
}

/// The HTTP exchange of GetImportJob: the floor builds the URL with
/// `format!` and decodes the body with the mirror types.
fn exchange(bench: &mut harness::Bench) {
    let response = http::Response::builder()
        .status(200)
        .header("Content-Type", "application/json")
        .header("x-amzn-RequestId", "8f7a5c1e-7e0b-4b5e-9d2b-2f1c6b0a9e11")
        .body(FULL.as_bytes().to_vec())
        .unwrap();
    bench.compare(
        harness::case("read a 200 response: status check + hand-written serde derive", || {
            assert!(response.status().is_success());
            serde_json::from_slice::<mirror::GetImportJobResponse>(response.body()).unwrap()
        }),
        vec![harness::case(
            "read a 200 response: GetImportJob::parse_response",
            || GetImportJob::parse_response(&response).unwrap(),
        )],
    );
    let endpoint = Endpoint::new("https://email.eu-west-1.amazonaws.com").unwrap();
    let input = GetImportJobRequest::builder()
        .job_id("0ba4ec5e-3ee8-4bbd-92c1-7de5c8e7ad7a")
        .build()
        .unwrap();
    bench.compare(
        harness::case("build the request: format! + http::Request::builder", || {
            http::Request::builder()
                .method("GET")
                .uri(format!(
                    "https://email.eu-west-1.amazonaws.com/v2/email/import-jobs/{}",
                    input.job_id()
                ))
                .body(Vec::<u8>::new())
                .unwrap()
        }),
        vec![harness::case("build the request: GetImportJob::build_request", || {
            GetImportJob::build_request(&input, &endpoint).unwrap()
        })],
    );
}
