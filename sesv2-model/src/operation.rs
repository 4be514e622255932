//! What the generator knows about an operation: its HTTP binding, how to
//! render its request URI, and how to read its errors.

use std::fmt;

/// An operation of a service, as the generator describes it: one unit type
/// per selected operation, in the generated `operations` module.
///
/// ```
/// use sesv2_model::operations::GetImportJob;
/// use sesv2_model::{GetImportJobRequest, Operation};
///
/// let input = GetImportJobRequest::builder().job_id("job/1").build()?;
/// assert_eq!(GetImportJob::HTTP_METHOD, "GET");
/// assert_eq!(GetImportJob::request_uri(&input)?, "/v2/email/import-jobs/job%2F1");
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

    /// Reads an error response: `error_type` is the `x-amzn-ErrorType`
    /// header when the response has one; otherwise the code comes from the
    /// body's `__type` or `code` member.
    fn parse_error(error_type: Option<&str>, body: &[u8]) -> Self::Error;
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
    code: Option<String>,
    message: Option<String>,
    problem: Option<String>,
    body: Vec<u8>,
}

impl UnhandledError {
    pub(crate) fn new(code: Option<&str>, body: &[u8], problem: Option<String>) -> Self {
        UnhandledError {
            code: code.map(str::to_owned),
            message: body_message(body),
            problem,
            body: body.to_vec(),
        }
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

/// The error code of a response: the `x-amzn-ErrorType` header's value when
/// given, else the `__type` or `code` member of the JSON body.
pub fn error_code(error_type_header: Option<&str>, body: &[u8]) -> Option<String> {
    if let Some(header) = error_type_header.filter(|header| !header.trim().is_empty()) {
        return Some(header.trim().to_owned());
    }
    let body: serde_json::Value = serde_json::from_slice(body).ok()?;
    ["__type", "code", "Code"]
        .iter()
        .find_map(|key| body.get(key)?.as_str().map(str::to_owned))
}

fn body_message(body: &[u8]) -> Option<String> {
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
