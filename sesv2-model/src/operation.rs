//! What the generator knows about an operation: its HTTP binding, how to
//! render its request URI, and how to read its errors.

use std::fmt;

use crate::{Endpoint, RequestError, RequestOptions};

/// An operation of a service, as the generator describes it: one unit type
/// per selected operation, in the generated `operations` module.
///
/// It builds the operation's HTTP request from an input and reads its HTTP
/// response into the output or the operation's error, without doing any
/// I/O itself: send the request with any HTTP client.
///
/// ```
/// use sesv2_model::operations::{GetImportJob, GetImportJobError};
/// use sesv2_model::{Endpoint, GetImportJobRequest, JobStatus, Operation};
///
/// let input = GetImportJobRequest::builder().job_id("job/1").build()?;
/// let endpoint = Endpoint::new("https://email.eu-west-1.amazonaws.com")?;
/// let request = GetImportJob::build_request(&input, &endpoint)?;
/// assert_eq!(request.method(), "GET");
/// assert_eq!(request.uri(), "https://email.eu-west-1.amazonaws.com/v2/email/import-jobs/job%2F1");
///
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"JobId": "job/1", "JobStatus": "COMPLETED"}"#)?;
/// let job = GetImportJob::parse_response(&response)?;
/// assert_eq!(job.job_status(), Some(&JobStatus::Completed));
///
/// let response = http::Response::builder()
///     .status(404)
///     .header("x-amzn-ErrorType", "NotFoundException")
///     .body(r#"{"message": "no such job"}"#)?;
/// let error = GetImportJob::parse_response(&response).unwrap_err();
/// assert!(matches!(error, GetImportJobError::NotFoundException(_)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Operation {
    /// The input structure (`()` when the operation has none).
    type Input;
    /// The output structure (`()` when the operation has none).
    type Output;
    /// The operation's errors: one variant per modeled error plus one for
    /// anything else.
    type Error: std::error::Error;

    /// The operation's name in the model, e.g. `GetImportJob`.
    const NAME: &'static str;
    /// The HTTP method, e.g. `GET` (`POST` for protocols without HTTP bindings).
    const HTTP_METHOD: &'static str;
    /// The URI template of the `@http` trait, e.g. `/v2/email/import-jobs/{JobId}`.
    const URI_TEMPLATE: &'static str;
    /// The HTTP status of a successful response.
    const HTTP_STATUS_CODE: u16;

    /// The request's path and query string, with the input's label and query
    /// members filled in and percent-encoded.
    fn request_uri(input: &Self::Input) -> Result<String, RequestUriError>;

    /// The HTTP request for `input`, sent to `endpoint`, with the default
    /// [`RequestOptions`]: unset `@idempotencyToken` members get random
    /// UUIDs, and bodies of operations with `@requestCompression` are
    /// gzipped from 10,240 bytes.
    fn build_request(input: &Self::Input, endpoint: &Endpoint) -> Result<http::Request<Vec<u8>>, RequestError> {
        Self::build_request_with(input, endpoint, &RequestOptions::new())
    }

    /// [`Operation::build_request`], with the client's settings.
    fn build_request_with(
        input: &Self::Input,
        endpoint: &Endpoint,
        options: &RequestOptions,
    ) -> Result<http::Request<Vec<u8>>, RequestError>;

    /// Reads a response: the output of a success (2xx) response, else the
    /// modeled error its code names. A response that reads as neither is
    /// the error's `Unhandled` variant, with its status, code and body.
    fn parse_response<B: AsRef<[u8]>>(response: &http::Response<B>) -> Result<Self::Output, Self::Error> {
        Self::parse_parts(response.status().as_u16(), response.headers(), response.body().as_ref())
    }

    /// [`Operation::parse_response`], for a response in parts.
    fn parse_parts(status: u16, headers: &http::HeaderMap, body: &[u8]) -> Result<Self::Output, Self::Error>;
}

/// Why a request URI cannot be rendered from an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestUriError {
    member: &'static str,
    problem: &'static str,
}

impl RequestUriError {
    pub(crate) fn new(member: &'static str, problem: &'static str) -> Self {
        RequestUriError { member, problem }
    }

    /// The input member bound to the label, as the model names it.
    pub fn member(&self) -> &'static str {
        self.member
    }

    pub(crate) fn problem(&self) -> &'static str {
        self.problem
    }
}

impl fmt::Display for RequestUriError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot render the request URI: the label member `{}` {}",
            self.member, self.problem
        )
    }
}

impl std::error::Error for RequestUriError {}

/// An error response that matches none of the operation's modeled errors,
/// or whose body could not be read as the modeled error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnhandledError {
    status: u16,
    code: Option<String>,
    message: Option<String>,
    problem: Option<String>,
    body: Vec<u8>,
}

impl UnhandledError {
    pub(crate) fn new(status: u16, code: Option<&str>, body: &[u8], problem: Option<String>) -> Self {
        UnhandledError {
            status,
            code: code.map(str::to_owned),
            message: body_message(body),
            problem,
            body: body.to_vec(),
        }
    }

    /// The response's HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The error code, as the response gave it.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The body's `message` (or `Message`) member, when it has one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The raw response body.
    pub fn body(&self) -> &[u8] {
        &self.body
    }
}

impl fmt::Display for UnhandledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unhandled error")?;
        if let Some(code) = &self.code {
            write!(f, " `{code}`")?;
        }
        write!(f, " (HTTP {})", self.status)?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        if let Some(problem) = &self.problem {
            write!(f, " ({problem})")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnhandledError {}

/// The shape name inside an error code: `aws.sesv2#NotFoundException:http://internal/`
/// and `NotFoundException:http://internal/` are both `NotFoundException`.
pub fn error_shape_name(code: &str) -> &str {
    let code = code.trim();
    let code = code.split(':').next().unwrap_or(code);
    code.rsplit('#').next().unwrap_or(code)
}

/// The error code of a response: the `X-Amzn-Errortype` header's value when
/// given, else the `code` or `__type` member of the JSON body.
pub fn error_code(error_type_header: Option<&str>, body: &[u8]) -> Option<String> {
    if let Some(header) = error_type_header.filter(|header| !header.trim().is_empty()) {
        return Some(header.trim().to_owned());
    }
    let body: serde_json::Value = serde_json::from_slice(body).ok()?;
    ["code", "__type", "Code"]
        .iter()
        .find_map(|key| body.get(key)?.as_str().map(str::to_owned))
}

pub(crate) fn body_message(body: &[u8]) -> Option<String> {
    let body: serde_json::Value = serde_json::from_slice(body).ok()?;
    ["message", "Message"]
        .iter()
        .find_map(|key| body.get(key)?.as_str().map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_lose_their_namespace_and_suffix() {
        assert_eq!(error_shape_name("NotFoundException"), "NotFoundException");
        assert_eq!(
            error_shape_name("com.amazonaws.sesv2#NotFoundException"),
            "NotFoundException"
        );
        assert_eq!(
            error_shape_name(
                "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"
            ),
            "FooError"
        );
        assert_eq!(error_shape_name(" FooError:http://x "), "FooError");
    }

    #[test]
    fn the_header_wins_over_the_body() {
        let body = br#"{"__type": "com.amazonaws.sesv2#BadRequestException", "message": "m"}"#;
        assert_eq!(
            error_code(Some("NotFoundException"), body).as_deref(),
            Some("NotFoundException")
        );
        assert_eq!(
            error_code(None, body).as_deref(),
            Some("com.amazonaws.sesv2#BadRequestException")
        );
        assert_eq!(
            error_code(None, br#"{"code": "Throttling"}"#).as_deref(),
            Some("Throttling")
        );
        assert_eq!(error_code(None, b"<html>"), None);
    }
}
