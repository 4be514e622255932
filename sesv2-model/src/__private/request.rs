//! Building an `http::Request` from an input: host prefix, headers and
//! body, around the path and query that [`super::UriWriter`] renders.

use std::collections::HashMap;

use super::TimestampFormat;
use super::header::quote_list_element;
use super::http::HttpText;
use crate::{Endpoint, RequestError};

/// One request under construction. The generated `build_request` calls one
/// method per bound member, then [`RequestWriter::finish`].
pub struct RequestWriter {
    method: &'static str,
    path_and_query: String,
    host_prefix: String,
    headers: http::HeaderMap,
    body: Vec<u8>,
}

impl RequestWriter {
    /// A request with this method and path (and query string).
    pub fn new(method: &'static str, path_and_query: String) -> Self {
        RequestWriter {
            method,
            path_and_query,
            host_prefix: String::new(),
            headers: http::HeaderMap::new(),
            body: Vec::new(),
        }
    }

    /// Literal text of the `@endpoint` trait's host prefix.
    pub fn host_prefix(&mut self, literal: &str) {
        self.host_prefix.push_str(literal);
    }

    /// A `@hostLabel` member's value in the host prefix: it must make a
    /// valid host name label (letters, digits, `-`; dots between labels).
    pub fn host_label(&mut self, member: &'static str, value: &str) -> Result<(), RequestError> {
        let valid = !value.is_empty()
            && value.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && label.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
                    && !label.starts_with('-')
            });
        if !valid {
            return Err(RequestError::new(
                Some(member),
                format!("is `{value}`, which is not a valid host name label"),
            ));
        }
        self.host_prefix.push_str(value);
        Ok(())
    }

    /// Sets `X-Amz-Target` (`Service.Operation`), which names the operation
    /// of the awsJson protocols.
    pub fn amz_target(&mut self, target: &'static str) -> Result<(), RequestError> {
        let value = header_value("X-Amz-Target", target.to_owned())?;
        self.headers.insert("x-amz-target", value);
        Ok(())
    }

    /// The body's media type, unless a member set the header.
    fn content_type(&mut self, value: &'static str) -> Result<(), RequestError> {
        if self.headers.contains_key(http::header::CONTENT_TYPE) {
            return Ok(());
        }
        let value = header_value("Content-Type", value.to_owned())?;
        self.headers.insert(http::header::CONTENT_TYPE, value);
        Ok(())
    }

    /// Sets header `name` from a member's value.
    pub fn header<T: HttpText + ?Sized>(
        &mut self,
        member: &'static str,
        name: &'static str,
        value: &T,
        format: TimestampFormat,
    ) -> Result<(), RequestError> {
        let mut text = String::new();
        value.write_http(&mut text, format);
        self.insert(member, name, text)
    }

    /// Sets header `name` from a `@mediaType` string: base64 of its bytes.
    pub fn header_base64(&mut self, member: &'static str, name: &'static str, value: &str) -> Result<(), RequestError> {
        use base64::Engine as _;
        self.insert(member, name, base64::engine::general_purpose::STANDARD.encode(value))
    }

    /// Sets header `name` to a list: the elements comma-separated, strings
    /// quoted where a comma or quote in them would split them.
    pub fn header_list<T: HttpText>(
        &mut self,
        member: &'static str,
        name: &'static str,
        values: &[T],
        format: TimestampFormat,
    ) -> Result<(), RequestError> {
        let mut text = String::new();
        let mut element = String::new();
        for (index, value) in values.iter().enumerate() {
            element.clear();
            value.write_http(&mut element, format);
            if index > 0 {
                text.push_str(", ");
            }
            if T::IS_TIMESTAMP && format == TimestampFormat::HttpDate {
                // Dates have their own commas, which readers expect.
                text.push_str(&element);
            } else {
                quote_list_element(&element, &mut text);
            }
        }
        self.insert(member, name, text)
    }

    /// Sets one header per map entry: `prefix` followed by the key.
    pub fn prefix_headers<V: HttpText>(
        &mut self,
        member: &'static str,
        prefix: &'static str,
        map: &HashMap<String, V>,
    ) -> Result<(), RequestError> {
        for (key, value) in map {
            let mut text = String::new();
            value.write_http(&mut text, TimestampFormat::HttpDate);
            self.insert(member, &format!("{prefix}{key}"), text)?;
        }
        Ok(())
    }

    /// The body: JSON of `value` (the input's body members, or a payload
    /// member), sent as `content_type`.
    pub fn json_body<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
        content_type: &'static str,
    ) -> Result<(), RequestError> {
        self.body = serde_json::to_vec(value).map_err(|error| RequestError::new(None, error.to_string()))?;
        self.content_type(content_type)
    }

    /// The body: a blob, string or enum payload, sent as `content_type`.
    pub fn payload(&mut self, bytes: &[u8], content_type: &'static str) -> Result<(), RequestError> {
        self.body = bytes.to_vec();
        self.content_type(content_type)
    }

    /// The body: a string or enum payload's text, sent as `content_type`.
    pub fn text_payload<T: HttpText + ?Sized>(
        &mut self,
        value: &T,
        content_type: &'static str,
    ) -> Result<(), RequestError> {
        let mut text = String::new();
        value.write_http(&mut text, TimestampFormat::DateTime);
        self.payload(text.as_bytes(), content_type)
    }

    /// The body of an operation without input, for protocols that always
    /// send a JSON object: `{}`.
    pub fn empty_json_body(&mut self, content_type: &'static str) -> Result<(), RequestError> {
        self.payload(b"{}", content_type)
    }

    /// The request, sent to `endpoint`: its scheme, host (after the host
    /// prefix) and base path before the path.
    pub fn finish(mut self, endpoint: &Endpoint) -> Result<http::Request<Vec<u8>>, RequestError> {
        let uri = format!(
            "{}://{}{}{}{}",
            endpoint.scheme(),
            self.host_prefix,
            endpoint.authority(),
            endpoint.base_path(),
            self.path_and_query
        );
        if !self.body.is_empty() {
            self.headers
                .insert(http::header::CONTENT_LENGTH, self.body.len().into());
        }
        let mut request = http::Request::builder()
            .method(self.method)
            .uri(uri.as_str())
            .body(self.body)
            .map_err(|error| RequestError::new(None, format!("makes the URI `{uri}`, which is invalid: {error}")))?;
        *request.headers_mut() = self.headers;
        Ok(request)
    }

    fn insert(&mut self, member: &'static str, name: &str, text: String) -> Result<(), RequestError> {
        let name = http::HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
            RequestError::new(
                Some(member),
                format!("makes the header name `{name}`, which is not valid"),
            )
        })?;
        self.headers.insert(name, header_value(member, text)?);
        Ok(())
    }
}

fn header_value(member: &'static str, text: String) -> Result<http::HeaderValue, RequestError> {
    http::HeaderValue::from_maybe_shared(text.into_bytes()).map_err(|_| {
        RequestError::new(
            Some(member),
            "has a control character, which a header value cannot carry",
        )
    })
}
