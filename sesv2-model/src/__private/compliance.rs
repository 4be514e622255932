//! What generated protocol compliance tests call: the expected request of
//! an `httpRequestTests` case compared with the built one, a case's
//! response made, and values compared as the Smithy spec compares them.

use std::fmt::Debug;

use crate::timestamp::epoch_seconds;
use crate::{Endpoint, RequestOptions, Timestamp};

/// What an `httpRequestTests` case expects of the request.
#[derive(Debug)]
pub struct ExpectedRequest<'a> {
    pub method: &'a str,
    /// The path, without the query string.
    pub uri: &'a str,
    pub resolved_host: Option<&'a str>,
    /// `key=value` pairs (or `key`) as they appear, percent-encoded.
    pub query_params: &'a [&'a str],
    pub forbid_query_params: &'a [&'a str],
    pub require_query_params: &'a [&'a str],
    pub headers: &'a [(&'a str, &'a str)],
    pub forbid_headers: &'a [&'a str],
    pub require_headers: &'a [&'a str],
    /// `None`: the case says nothing about the body.
    pub body: Option<&'a str>,
    pub body_media_type: Option<&'a str>,
}

/// The endpoint of a case's `host`, as a URL (`https://example.com`, or
/// `https://example.com/custom`).
pub fn endpoint(url: &str) -> Endpoint {
    Endpoint::new(url).unwrap_or_else(|error| panic!("the case's host makes no endpoint: {error}"))
}

/// The settings every case expects: the idempotency token of the cases,
/// the rest as a client's defaults.
pub fn options() -> RequestOptions {
    RequestOptions::new().idempotency_tokens(|| "00000000-0000-4000-8000-000000000000".to_owned())
}

/// A case's timestamp, given as epoch seconds in the case's own digits
/// (`1576540098.5`; exact), or in exponent form (`1e21`; through `f64`).
pub fn timestamp(epoch_seconds: &str) -> Timestamp {
    epoch_seconds::from_text(epoch_seconds)
        .or_else(|error| {
            epoch_seconds
                .parse()
                .map_err(|_| error)
                .and_then(epoch_seconds::from_f64)
        })
        .unwrap_or_else(|error| panic!("the case's timestamp `{epoch_seconds}`: {error}"))
}

/// Compares `request` with what the case expects, failing with every
/// difference at once.
pub fn assert_request(request: &http::Request<Vec<u8>>, expected: &ExpectedRequest<'_>) {
    let mut problems = Vec::new();
    if request.method().as_str() != expected.method {
        problems.push(format!(
            "method: `{}`, expected `{}`",
            request.method(),
            expected.method
        ));
    }
    if request.uri().path() != expected.uri {
        problems.push(format!("path: `{}`, expected `{}`", request.uri().path(), expected.uri));
    }
    if let Some(host) = expected.resolved_host
        && request.uri().host() != Some(host)
    {
        problems.push(format!("host: {:?}, expected `{host}`", request.uri().host()));
    }
    let query: Vec<(String, Option<String>)> = request.uri().query().map(query_pairs).unwrap_or_default();
    for param in expected.query_params {
        let wanted = query_pair(param);
        if !query.contains(&wanted) {
            problems.push(format!("query: no `{param}` in {:?}", request.uri().query()));
        }
    }
    for key in expected.forbid_query_params {
        if query.iter().any(|(name, _)| name == key) {
            problems.push(format!("query: `{key}` is forbidden, but present"));
        }
    }
    for key in expected.require_query_params {
        if !query.iter().any(|(name, _)| name == key) {
            problems.push(format!("query: `{key}` is required, but absent"));
        }
    }
    for (name, value) in expected.headers {
        let actual = header(request.headers(), name);
        if actual.as_deref() != Some(*value) {
            problems.push(format!("header `{name}`: {actual:?}, expected `{value}`"));
        }
    }
    for name in expected.forbid_headers {
        if request.headers().contains_key(*name) {
            problems.push(format!("header `{name}` is forbidden, but present"));
        }
    }
    for name in expected.require_headers {
        if !request.headers().contains_key(*name) {
            problems.push(format!("header `{name}` is required, but absent"));
        }
    }
    if let Some(body) = expected.body
        && let Some(problem) = compare_body(request.body(), body, expected.body_media_type)
    {
        problems.push(problem);
    }
    assert!(
        problems.is_empty(),
        "the request differs from the case:\n  {}\nrequest: {request:?}\nbody: {:?}",
        problems.join("\n  "),
        String::from_utf8_lossy(request.body())
    );
}

/// The response a case describes.
pub fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut response = http::Response::builder().status(status);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    response
        .body(body.as_bytes().to_vec())
        .unwrap_or_else(|error| panic!("the case's response is not valid HTTP: {error}"))
}

/// `actual == expected`, where NaN equals NaN (as the spec compares
/// floats): values that differ only by NaN print the same.
pub fn assert_same<T: PartialEq + Debug>(actual: &T, expected: &T) {
    if actual != expected {
        let (actual, expected) = (format!("{actual:#?}"), format!("{expected:#?}"));
        assert_eq!(actual, expected, "the value read differs from the case's params");
    }
}

fn header(headers: &http::HeaderMap, name: &str) -> Option<String> {
    let values: Vec<&str> = headers
        .get_all(name)
        .iter()
        .map(|value| std::str::from_utf8(value.as_bytes()).unwrap_or("<not UTF-8>"))
        .collect();
    (!values.is_empty()).then(|| values.join(", "))
}

fn compare_body(actual: &[u8], expected: &str, media_type: Option<&str>) -> Option<String> {
    let json = media_type.is_some_and(|media_type| media_type.contains("json"));
    if json && !expected.is_empty() {
        let wanted: serde_json::Value = match serde_json::from_str(expected) {
            Ok(value) => value,
            Err(error) => return Some(format!("the case's body is not JSON: {error}")),
        };
        return match serde_json::from_slice::<serde_json::Value>(actual) {
            Ok(value) if value == wanted => None,
            Ok(value) => Some(format!("body: {value}, expected {wanted}")),
            Err(error) => Some(format!(
                "body is not JSON ({error}): {:?}",
                String::from_utf8_lossy(actual)
            )),
        };
    }
    (actual != expected.as_bytes())
        .then(|| format!("body: {:?}, expected {expected:?}", String::from_utf8_lossy(actual)))
}

fn query_pairs(query: &str) -> Vec<(String, Option<String>)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(query_pair)
        .collect()
}

/// `key=value` percent-decoded, so that either case of hex digits compares.
fn query_pair(pair: &str) -> (String, Option<String>) {
    match pair.split_once('=') {
        Some((key, value)) => (percent_decode(key), Some(percent_decode(value))),
        None => (percent_decode(pair), None),
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                index += 3;
            }
            (byte, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
