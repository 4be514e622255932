//! Rendering request URIs: labels, query strings, percent-encoding.

use std::collections::HashMap;

use super::TimestampFormat;
use crate::timestamp;
use crate::{BigDecimal, BigInteger, Blob, RequestUriError, Timestamp};

/// A value that can travel in a URI label, a query string or a header.
pub trait HttpText {
    /// Timestamps, whose HTTP dates in header lists are not quoted.
    const IS_TIMESTAMP: bool = false;

    /// Appends the value's text form (not yet percent-encoded).
    fn write_http(&self, out: &mut String, format: TimestampFormat);
}

impl HttpText for String {
    fn write_http(&self, out: &mut String, _format: TimestampFormat) {
        out.push_str(self);
    }
}

/// Elements of sparse lists: `None` is empty text.
impl<T: HttpText> HttpText for Option<T> {
    const IS_TIMESTAMP: bool = T::IS_TIMESTAMP;

    fn write_http(&self, out: &mut String, format: TimestampFormat) {
        if let Some(value) = self {
            value.write_http(out, format);
        }
    }
}

impl HttpText for str {
    fn write_http(&self, out: &mut String, _format: TimestampFormat) {
        out.push_str(self);
    }
}

macro_rules! http_text_display {
    ($($ty:ty),*) => {$(
        impl HttpText for $ty {
            fn write_http(&self, out: &mut String, _format: TimestampFormat) {
                out.push_str(&self.to_string());
            }
        }
    )*};
}

http_text_display!(bool, i8, i16, i32, i64, BigInteger, BigDecimal);

macro_rules! http_text_float {
    ($($ty:ty),*) => {$(
        impl HttpText for $ty {
            fn write_http(&self, out: &mut String, _format: TimestampFormat) {
                if self.is_nan() {
                    out.push_str("NaN");
                } else if self.is_infinite() {
                    out.push_str(if *self > 0.0 { "Infinity" } else { "-Infinity" });
                } else {
                    out.push_str(&self.to_string());
                }
            }
        }
    )*};
}

http_text_float!(f32, f64);

impl HttpText for Timestamp {
    const IS_TIMESTAMP: bool = true;

    fn write_http(&self, out: &mut String, format: TimestampFormat) {
        out.push_str(&timestamp::to_text(self, format));
    }
}

impl HttpText for Blob {
    fn write_http(&self, out: &mut String, _format: TimestampFormat) {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode_string(self.as_bytes(), out);
    }
}

/// Builds a request's path and query string.
#[derive(Default)]
pub struct UriWriter {
    path: String,
    query: String,
}

impl UriWriter {
    /// An empty URI.
    pub fn new() -> Self {
        UriWriter::default()
    }

    /// Appends literal path text from the URI template.
    pub fn path(&mut self, literal: &str) {
        self.path.push_str(literal);
    }

    /// Appends a label's value, percent-encoded; a greedy label (`{Key+}`)
    /// keeps its `/` separators. Labels must not be empty.
    pub fn label<T: HttpText + ?Sized>(
        &mut self,
        member: &'static str,
        value: &T,
        greedy: bool,
        format: TimestampFormat,
    ) -> Result<(), RequestUriError> {
        let mut text = String::new();
        value.write_http(&mut text, format);
        if text.is_empty() {
            return Err(RequestUriError::new(member, "is empty"));
        }
        percent_encode(text.as_bytes(), greedy, &mut self.path);
        Ok(())
    }

    /// Appends a label's value, or `default` when the member is unset or
    /// empty (a service's convention, such as Glacier's `-` account id).
    pub fn label_or<T: HttpText + ?Sized>(
        &mut self,
        member: &'static str,
        value: Option<&T>,
        greedy: bool,
        format: TimestampFormat,
        default: &str,
    ) -> Result<(), RequestUriError> {
        let mut text = String::new();
        if let Some(value) = value {
            value.write_http(&mut text, format);
        }
        if text.is_empty() {
            text.push_str(default);
        }
        self.label(member, text.as_str(), greedy, format)
    }

    /// Fails for a label member that is not set.
    pub fn missing_label(member: &'static str) -> RequestUriError {
        RequestUriError::new(member, "is not set")
    }

    /// Appends a query parameter from the URI template, as written there.
    pub fn query_literal(&mut self, literal: &str) {
        self.separate_query();
        self.query.push_str(literal);
    }

    /// Appends `key=value`, both percent-encoded.
    pub fn query<T: HttpText + ?Sized>(&mut self, key: &str, value: &T, format: TimestampFormat) {
        self.separate_query();
        percent_encode(key.as_bytes(), false, &mut self.query);
        self.query.push('=');
        let mut text = String::new();
        value.write_http(&mut text, format);
        percent_encode(text.as_bytes(), false, &mut self.query);
    }

    /// Appends `key=value` once per element.
    pub fn query_list<T: HttpText>(&mut self, key: &str, values: &[T], format: TimestampFormat) {
        for value in values {
            self.query(key, value, format);
        }
    }

    /// Appends an `@httpQueryParams` map, in key order, leaving out keys that
    /// an `@httpQuery` member already set.
    pub fn query_params<V: QueryParamValue>(&mut self, params: &HashMap<String, V>, taken: &[&str]) {
        let mut keys: Vec<&String> = params.keys().filter(|key| !taken.contains(&key.as_str())).collect();
        keys.sort();
        for key in keys {
            params[key].write_query(key, self);
        }
    }

    fn separate_query(&mut self) {
        if !self.query.is_empty() {
            self.query.push('&');
        }
    }

    /// The path, and `?query` when there is one.
    pub fn finish(self) -> String {
        if self.query.is_empty() {
            self.path
        } else {
            format!("{}?{}", self.path, self.query)
        }
    }
}

/// The values an `@httpQueryParams` map may hold: strings or string lists.
pub trait QueryParamValue {
    /// Appends this value under `key`.
    fn write_query(&self, key: &str, uri: &mut UriWriter);
}

impl QueryParamValue for String {
    fn write_query(&self, key: &str, uri: &mut UriWriter) {
        uri.query(key, self, TimestampFormat::DateTime);
    }
}

impl<T: HttpText> QueryParamValue for Vec<T> {
    fn write_query(&self, key: &str, uri: &mut UriWriter) {
        uri.query_list(key, self, TimestampFormat::DateTime);
    }
}

/// RFC 3986: everything but unreserved characters is percent-encoded, with
/// uppercase hex digits; `/` stays too when `keep_slash` (a path) is set.
/// The one encoder of URIs, signatures and the endpoint rules' `uriEncode`.
pub(crate) fn percent_encode(bytes: &[u8], keep_slash: bool, out: &mut String) {
    for &byte in bytes {
        if is_unreserved(byte) || (keep_slash && byte == b'/') {
            out.push(char::from(byte));
        } else {
            push_escape(byte, out);
        }
    }
}

/// RFC 3986's unreserved characters: `A-Z a-z 0-9 - . _ ~`.
pub(crate) fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// `%XX` for `byte`, with uppercase hex digits.
pub(crate) fn push_escape(byte: u8, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    out.push(char::from(HEX[usize::from(byte >> 4)]));
    out.push(char::from(HEX[usize::from(byte & 0x0f)]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_queries_are_percent_encoded() {
        let mut uri = UriWriter::new();
        uri.path("/buckets/");
        uri.label("Bucket", "my bucket/ü", false, TimestampFormat::DateTime)
            .unwrap();
        uri.path("/objects/");
        uri.label("Key", "a/b c+d", true, TimestampFormat::DateTime).unwrap();
        uri.query_literal("x-id=GetObject");
        uri.query("max-keys", &10_i32, TimestampFormat::DateTime);
        uri.query("prefix", "a&b=c", TimestampFormat::DateTime);
        assert_eq!(
            uri.finish(),
            "/buckets/my%20bucket%2F%C3%BC/objects/a/b%20c%2Bd?x-id=GetObject&max-keys=10&prefix=a%26b%3Dc"
        );
    }

    #[test]
    fn empty_labels_are_errors() {
        let error = UriWriter::new()
            .label("JobId", "", false, TimestampFormat::DateTime)
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "cannot render the request URI: the label member `JobId` is empty"
        );
    }

    #[test]
    fn timestamps_follow_their_format() {
        let ts = Timestamp::from_secs_and_nanos(1_700_000_000, 500_000_000).unwrap();
        let text = |format| {
            let mut out = String::new();
            ts.write_http(&mut out, format);
            out
        };
        assert_eq!(text(TimestampFormat::EpochSeconds), "1700000000.5");
        assert_eq!(text(TimestampFormat::DateTime), "2023-11-14T22:13:20.5Z");
        assert_eq!(text(TimestampFormat::HttpDate), "Tue, 14 Nov 2023 22:13:20.5 GMT");
    }

    #[test]
    fn query_params_skip_taken_keys_and_repeat_lists() {
        let params = HashMap::from([
            ("b".to_owned(), vec!["2".to_owned(), "3".to_owned()]),
            ("a".to_owned(), vec!["1".to_owned()]),
            ("taken".to_owned(), vec!["x".to_owned()]),
        ]);
        let mut uri = UriWriter::new();
        uri.path("/");
        uri.query_params(&params, &["taken"]);
        assert_eq!(uri.finish(), "/?a=1&b=2&b=3");
    }
}
