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

    /// `Content-MD5`: base64 of the body's MD5 digest, which operations with
    /// `@httpChecksumRequired` send (unless a member set it).
    pub fn content_md5(&mut self) -> Result<(), RequestError> {
        use base64::Engine as _;
        use md5::Digest as _;
        if self.headers.contains_key("content-md5") {
            return Ok(());
        }
        let digest = md5::Md5::digest(&self.body);
        let value = header_value("Content-MD5", base64::engine::general_purpose::STANDARD.encode(digest))?;
        self.headers.insert("content-md5", value);
        Ok(())
    }

    /// The request, sent to `endpoint`: its scheme, host (after the host
    /// prefix) and base path before the path.
    pub fn finish(mut self, endpoint: &Endpoint) -> Result<http::Request<Vec<u8>>, RequestError> {
        let invalid = |what: &str, error: &dyn std::fmt::Display| {
            RequestError::new(None, format!("the {what} is invalid: {error}"))
        };
        let authority = if self.host_prefix.is_empty() {
            endpoint.authority_part().clone()
        } else {
            let host = format!("{}{}", self.host_prefix, endpoint.authority());
            http::uri::Authority::try_from(host.as_str()).map_err(|error| invalid(&format!("host `{host}`"), &error))?
        };
        let path = if endpoint.base_path().is_empty() {
            self.path_and_query
        } else {
            format!("{}{}", endpoint.base_path(), self.path_and_query)
        };
        let path = http::uri::PathAndQuery::try_from(path).map_err(|error| invalid("path", &error))?;
        let uri = http::Uri::from_parts({
            let mut parts = http::uri::Parts::default();
            parts.scheme = Some(endpoint.scheme_part().clone());
            parts.authority = Some(authority);
            parts.path_and_query = Some(path);
            parts
        })
        .map_err(|error| invalid("URI", &error))?;
        let method = http::Method::from_bytes(self.method.as_bytes())
            .map_err(|error| invalid(&format!("method `{}`", self.method), &error))?;
        if !self.body.is_empty() {
            self.headers
                .insert(http::header::CONTENT_LENGTH, self.body.len().into());
        }
        let mut request = http::Request::new(self.body);
        *request.method_mut() = method;
        *request.uri_mut() = uri;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoint() -> Endpoint {
        Endpoint::new("https://example.com/base").unwrap()
    }

    #[test]
    fn host_prefixes_go_before_the_endpoint_host_and_labels_must_be_host_labels() {
        let mut request = RequestWriter::new("POST", "/op".to_owned());
        request.host_prefix("data-");
        request.host_label("Tenant", "acme.eu").unwrap();
        request.host_prefix(".");
        let request = request.finish(&endpoint()).unwrap();
        assert_eq!(request.uri().to_string(), "https://data-acme.eu.example.com/base/op");

        let error = RequestWriter::new("POST", "/".to_owned())
            .host_label("Tenant", "a/b")
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "cannot build the request: the member `Tenant` is `a/b`, which is not a valid host name label"
        );
    }

    #[test]
    fn content_md5_is_the_base64_digest_of_the_body() {
        let mut request = RequestWriter::new("POST", "/".to_owned());
        request.payload(b"", "text/plain").unwrap();
        request.content_md5().unwrap();
        // RFC 1321's digest of the empty message.
        assert_eq!(
            request.finish(&endpoint()).unwrap().headers()["content-md5"],
            "1B2M2Y8AsgTpgAmY7PhCfg=="
        );
    }

    #[test]
    fn a_member_set_content_type_wins_over_the_payload_default() {
        let mut request = RequestWriter::new("PUT", "/".to_owned());
        request
            .header("ContentType", "content-type", "image/jpg", TimestampFormat::HttpDate)
            .unwrap();
        request.payload(b"1234", "application/octet-stream").unwrap();
        let request = request.finish(&endpoint()).unwrap();
        assert_eq!(request.headers()["content-type"], "image/jpg");
        assert_eq!(request.headers()["content-length"], "4");
    }

    #[test]
    fn header_values_with_control_characters_are_errors() {
        let error = RequestWriter::new("GET", "/".to_owned())
            .header("Note", "x-note", "line\nbreak", TimestampFormat::HttpDate)
            .unwrap_err();
        assert_eq!(error.member(), Some("Note"));
    }
}
