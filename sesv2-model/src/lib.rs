//! Amazon SES v2 GetImportJob types, generated from the project's Smithy
//! model (`models/sesv2.json`) by [`smithy_model!`], with exact JSON wire
//! serde; and the runtime that code generated for any model relies on.
//!
//! Decode a GetImportJob response as the service sends it:
//!
//! ```
//! use sesv2_model::{DataFormat, GetImportJobResponse, JobStatus};
//!
//! let body = r#"{
//!     "JobId": "ef0f4cb5-4f4a-4b3c-9a1d-5c0f1f7d2a10",
//!     "JobStatus": "COMPLETED",
//!     "ImportDataSource": { "S3Url": "s3://contacts/2023-11.csv", "DataFormat": "CSV" },
//!     "ImportDestination": {
//!         "ContactListDestination": { "ContactListName": "newsletter", "ContactListImportAction": "PUT" }
//!     },
//!     "CreatedTimestamp": 1700000000.123,
//!     "ProcessedRecordsCount": 1200,
//!     "FailedRecordsCount": 3
//! }"#;
//! let job: GetImportJobResponse = serde_json::from_str(body)?;
//!
//! assert_eq!(job.job_status(), Some(&JobStatus::Completed));
//! assert_eq!(job.processed_records_count(), Some(1200));
//! let source = job.import_data_source().expect("the body has a data source");
//! assert_eq!(source.s3_url(), "s3://contacts/2023-11.csv");
//! assert_eq!(source.data_format(), &DataFormat::Csv);
//! let created = job.created_timestamp().expect("the body has a creation time");
//! assert_eq!(created.to_string(), "2023-11-14T22:13:20.123Z");
//!
//! // Encoding writes back exactly the members that are set.
//! let again: serde_json::Value = serde_json::to_value(&job)?;
//! assert_eq!(again, serde_json::from_str::<serde_json::Value>(body)?);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! Build values with builders; `build()` says which required member is missing:
//!
//! ```
//! use sesv2_model::{DataFormat, ImportDataSource};
//!
//! let source = ImportDataSource::builder()
//!     .s3_url("s3://contacts/2023-11.csv")
//!     .data_format(DataFormat::Json)
//!     .build()?;
//! assert_eq!(serde_json::to_string(&source)?, r#"{"S3Url":"s3://contacts/2023-11.csv","DataFormat":"JSON"}"#);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Enums keep values the model does not know, so a status AWS adds later
//! survives a round trip:
//!
//! ```
//! use sesv2_model::JobStatus;
//!
//! let status: JobStatus = serde_json::from_str("\"PAUSED\"")?;
//! assert_eq!(status.as_str(), "PAUSED");
//! assert_eq!(serde_json::to_string(&status)?, "\"PAUSED\"");
//! assert_eq!(JobStatus::values(), ["CREATED", "PROCESSING", "COMPLETED", "FAILED", "CANCELLED"]);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Requests and responses
//!
//! Each operation builds its [`http::Request`] and reads its
//! [`http::Response`] through the [`Operation`] trait; the crate does no I/O,
//! so any HTTP client sends them:
//!
//! ```
//! use sesv2_model::operations::{GetImportJob, GetImportJobError};
//! use sesv2_model::{Endpoint, GetImportJobRequest, Operation, http};
//!
//! let input = GetImportJobRequest::builder().job_id("ef0f4cb5").build()?;
//! let endpoint = Endpoint::new("https://email.us-east-1.amazonaws.com")?;
//! let request = GetImportJob::build_request(&input, &endpoint)?;
//! assert_eq!(request.uri(), "https://email.us-east-1.amazonaws.com/v2/email/import-jobs/ef0f4cb5");
//!
//! // ... send it, then read what came back:
//! let response = http::Response::builder()
//!     .status(404)
//!     .header("x-amzn-ErrorType", "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.sesv2/")
//!     .body(r#"{"message": "Job ID ef0f4cb5 does not exist."}"#)?;
//! match GetImportJob::parse_response(&response) {
//!     Err(GetImportJobError::NotFoundException(error)) => {
//!         assert_eq!(error.message(), Some("Job ID ef0f4cb5 does not exist."))
//!     }
//!     other => panic!("expected NotFoundException, read {other:?}"),
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The whole SESv2 service
//!
//! With the `full` feature, the crate generates every shape and operation of
//! SESv2 from the official model, read at build time from the path in the
//! `SESV2_FULL_MODEL` environment variable:
//!
//! ```text
//! SESV2_FULL_MODEL=/path/to/sesv2-2019-09-27.json cargo build --features full
//! ```
//!
//! # Generating types for other models
//!
//! [`smithy_model!`] works for any Smithy model, in IDL or JSON AST files;
//! the code it
//! generates uses this crate's [`Timestamp`], [`Blob`], [`BuildError`],
//! [`UnknownValue`] and [`UnknownMember`], so a crate that invokes it needs
//! only this crate as a dependency:
//!
//! ```text
//! sesv2_model::smithy_model!(model = "models/lambda.json", operations = ["GetFunction"]);
//! ```

extern crate self as sesv2_model;

mod big_number;
mod blob;
mod build_error;
mod operation;
mod request;
mod timestamp;
mod unknown;

#[doc(hidden)]
pub mod __private;
#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "client")]
pub mod credentials;
#[cfg(feature = "client")]
pub mod endpoint;
#[cfg(feature = "client")]
pub mod sigv4;
#[cfg(feature = "client")]
mod sorted_map;

pub use big_number::{BigDecimal, BigInteger, BigNumberError};
pub use blob::Blob;
pub use build_error::BuildError;
/// The `http` crate (1.x), whose requests and responses operations build and read.
pub use http;
pub use operation::{Operation, RequestUriError, UnhandledError, error_code, error_shape_name};
pub use request::{Endpoint, IdempotencyTokens, InvalidEndpoint, RandomTokens, RequestError, RequestOptions};
pub use sesv2_model_macros::smithy_model;
pub use timestamp::{Timestamp, TimestampError};
pub use unknown::{UnknownIntValue, UnknownMember, UnknownValue};

/// The Rust type of Smithy `document` shapes: any JSON value.
///
/// Numbers in a document are `serde_json` numbers: integers exact to 64
/// bits, other numbers `f64`. Use [`BigDecimal`] members where a model needs
/// exact decimals.
pub type Document = serde_json::Value;

#[cfg(all(not(feature = "full"), not(feature = "client")))]
smithy_model!(model = "models/sesv2.json", operations = ["GetImportJob"]);

#[cfg(all(not(feature = "full"), feature = "client"))]
smithy_model!(
    model = "models/sesv2.json",
    operations = ["GetImportJob"],
    client = true
);

#[cfg(all(feature = "full", not(feature = "client")))]
smithy_model!(model = env("SESV2_FULL_MODEL"));

#[cfg(all(feature = "full", feature = "client"))]
smithy_model!(model = env("SESV2_FULL_MODEL"), client = true);
