//! Building an `http::Request` from an input: host prefix, headers and
//! body, around the path and query that [`super::UriWriter`] renders.

use std::collections::HashMap;

use super::TimestampFormat;
use super::header::quote_list_element;
use super::http::HttpText;
use crate::{Endpoint, RequestError, RequestOptions};

/// One request under construction. The generated `build_request` calls one
/// method per bound member, then [`RequestWriter::finish`].
pub struct RequestWriter {
    method: &'static str,
    /// The endpoint an input member names, which replaces the caller's.
    endpoint: Option<Endpoint>,
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
            endpoint: None,
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

    /// Sets a header the service's SDKs always send.
    pub fn fixed_header(&mut self, name: &'static str, value: &'static str) -> Result<(), RequestError> {
        let name = http::HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| RequestError::new(None, format!("the model's header name `{name}` is not valid")))?;
        let value = model_value(name.as_str(), value)?;
        self.headers.insert(name, value);
        Ok(())
    }

    /// Sends the request to the URL in input member `member` rather than to
    /// the caller's endpoint (a service's convention, such as Machine
    /// Learning's `PredictEndpoint`).
    pub fn endpoint_from(&mut self, member: &'static str, url: &str) -> Result<(), RequestError> {
        let endpoint = Endpoint::new(url)
            .map_err(|error| RequestError::new(Some(member), format!("is not an endpoint: {error}")))?;
        self.endpoint = Some(endpoint);
        Ok(())
    }

    /// Sets `X-Amz-Target` (`Service.Operation`), which names the operation
    /// of the awsJson protocols.
    pub fn amz_target(&mut self, target: &'static str) -> Result<(), RequestError> {
        let value = model_value("X-Amz-Target", target)?;
        self.headers.insert("x-amz-target", value);
        Ok(())
    }

    /// The body's media type, unless a member set the header.
    fn content_type(&mut self, value: &'static str) -> Result<(), RequestError> {
        if self.headers.contains_key(http::header::CONTENT_TYPE) {
            return Ok(());
        }
        let value = model_value("Content-Type", value)?;
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
        self.body = text.into_bytes();
        self.content_type(content_type)
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
        if self.headers.contains_key("content-md5") {
            return Ok(());
        }
        let digest = super::digest::md5(&self.body);
        let value = header_value("Content-MD5", base64::engine::general_purpose::STANDARD.encode(digest))?;
        self.headers.insert("content-md5", value);
        Ok(())
    }

    /// `X-Amz-Content-Sha256` (hex SHA-256 of the body) and
    /// `X-Amz-Sha256-Tree-Hash` (the SHA-256 tree hash of its 1 MiB
    /// chunks), which Glacier wants with archive uploads; a member that
    /// set either keeps its value.
    pub fn sha256_tree_hash(&mut self) -> Result<(), RequestError> {
        use super::digest::sha256;
        use std::fmt::Write as _;
        const CHUNK: usize = 1024 * 1024;
        let hex = |digest: &[u8; 32]| {
            digest.iter().fold(String::with_capacity(64), |mut text, byte| {
                let _ = write!(text, "{byte:02x}");
                text
            })
        };
        let content_hash = sha256(&self.body);
        // One chunk (or none): the tree hash is the content hash.
        let mut level: Vec<[u8; 32]> = if self.body.len() <= CHUNK {
            vec![content_hash]
        } else {
            self.body.chunks(CHUNK).map(sha256).collect()
        };
        while level.len() > 1 {
            level = level
                .chunks(2)
                .map(|pair| match pair {
                    [left, right] => {
                        let mut both = [0_u8; 64];
                        both[..32].copy_from_slice(left);
                        both[32..].copy_from_slice(right);
                        sha256(&both)
                    }
                    [single] => *single,
                    _ => unreachable!("chunks(2) yields one or two"),
                })
                .collect();
        }
        let content = hex(&content_hash);
        for (name, value) in [
            ("x-amz-content-sha256", content),
            ("x-amz-sha256-tree-hash", hex(&level[0])),
        ] {
            if !self.headers.contains_key(name) {
                self.insert(name, name, value)?;
            }
        }
        Ok(())
    }

    /// Gzips the body of an operation with `@requestCompression`, unless the
    /// options disable compression or the body is below their minimum size
    /// (a streamed body is compressed whatever its size), and appends
    /// `gzip` to `Content-Encoding`.
    pub fn gzip(&mut self, options: &RequestOptions, streaming: bool) -> Result<(), RequestError> {
        let large_enough =
            u64::try_from(self.body.len()).unwrap_or(u64::MAX) >= u64::from(options.min_compression_size());
        if !options.compresses() || !(streaming || large_enough) {
            return Ok(());
        }
        self.body = gzip(&self.body);
        let encoding = match self.headers.get(http::header::CONTENT_ENCODING) {
            Some(given) => format!("{}, gzip", String::from_utf8_lossy(given.as_bytes())),
            None => "gzip".to_owned(),
        };
        self.insert("Content-Encoding", "content-encoding", encoding)
    }

    /// The request, sent to `endpoint`: its scheme, host (after the host
    /// prefix) and base path before the path.
    pub fn finish(mut self, endpoint: &Endpoint) -> Result<http::Request<Vec<u8>>, RequestError> {
        let named = self.endpoint.take();
        let endpoint = named.as_ref().unwrap_or(endpoint);
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

/// `data` in the gzip format (RFC 1952): a header, DEFLATE, the CRC-32 and
/// the length.
fn gzip(data: &[u8]) -> Vec<u8> {
    const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    let deflated = miniz_oxide::deflate::compress_to_vec(data, 6);
    let mut out = Vec::with_capacity(HEADER.len() + deflated.len() + 8);
    out.extend_from_slice(&HEADER);
    out.extend_from_slice(&deflated);
    out.extend_from_slice(&crc32(data).to_le_bytes());
    // ISIZE is the length modulo 2^32, as RFC 1952 says.
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

/// The CRC-32 of gzip (polynomial 0xEDB88320, reflected), a byte at a time.
fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0_u32; 256];
        let mut index = 0;
        while index < 256 {
            let mut crc = index as u32;
            let mut bit = 0;
            while bit < 8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
                bit += 1;
            }
            table[index] = crc;
            index += 1;
        }
        table
    };
    !data
        .iter()
        .fold(!0_u32, |crc, &byte| TABLE[usize::from((crc as u8) ^ byte)] ^ (crc >> 8))
}

/// A header value the model gives (a media type, an operation's name):
/// not a member's, so an invalid one is the model's fault.
fn model_value(header: &str, value: &'static str) -> Result<http::HeaderValue, RequestError> {
    http::HeaderValue::from_str(value).map_err(|_| {
        RequestError::new(
            None,
            format!("the model's `{header}` value `{value}` is not a valid header value"),
        )
    })
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
    fn tree_hashes_combine_the_hashes_of_1_mib_chunks_pairwise() {
        use sha2::Digest as _;
        let hash = |request: RequestWriter| {
            let request = request.finish(&endpoint()).unwrap();
            let header = |name: &str| request.headers()[name].to_str().unwrap().to_owned();
            (header("x-amz-content-sha256"), header("x-amz-sha256-tree-hash"))
        };
        let mut small = RequestWriter::new("POST", "/".to_owned());
        small.payload(b"hello world", "application/octet-stream").unwrap();
        small.sha256_tree_hash().unwrap();
        let (content, tree) = hash(small);
        // One chunk: the tree hash is the content hash.
        assert_eq!(
            content,
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
        );
        assert_eq!(tree, content);

        let body = vec![7_u8; 1024 * 1024 + 1];
        let mut large = RequestWriter::new("POST", "/".to_owned());
        large.payload(&body, "application/octet-stream").unwrap();
        large.sha256_tree_hash().unwrap();
        let (_, tree) = hash(large);
        let (first, second) = body.split_at(1024 * 1024);
        let expected = sha2::Sha256::new()
            .chain_update(sha2::Sha256::digest(first))
            .chain_update(sha2::Sha256::digest(second))
            .finalize();
        let expected: String = expected.iter().map(|byte| format!("{byte:02x}")).collect();
        assert_eq!(tree, expected);
    }

    #[test]
    fn gzip_is_rfc_1952_and_inflates_back() {
        // The check value of CRC-32 (RFC 3720, B.4).
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        let data = "All work and no play. ".repeat(1000);
        let zipped = gzip(data.as_bytes());
        assert_eq!(&zipped[..3], &[0x1f, 0x8b, 8]);
        let deflated = &zipped[10..zipped.len() - 8];
        assert_eq!(
            miniz_oxide::inflate::decompress_to_vec(deflated).unwrap(),
            data.as_bytes()
        );
        assert_eq!(&zipped[zipped.len() - 4..], &(data.len() as u32).to_le_bytes());
    }

    #[test]
    fn compression_follows_the_options_and_appends_to_content_encoding() {
        let body = vec![b'a'; 10_240];
        let compressed = |options: &RequestOptions, small: bool, streaming: bool| {
            let mut request = RequestWriter::new("POST", "/".to_owned());
            request
                .header("Encoding", "content-encoding", "custom", TimestampFormat::HttpDate)
                .unwrap();
            request
                .payload(if small { &body[1..] } else { &body }, "text/plain")
                .unwrap();
            request.gzip(options, streaming).unwrap();
            let request = request.finish(&endpoint()).unwrap();
            request.headers()["content-encoding"].to_str().unwrap().to_owned()
        };
        let defaults = RequestOptions::new();
        assert_eq!(compressed(&defaults, false, false), "custom, gzip");
        assert_eq!(compressed(&defaults, true, false), "custom");
        assert_eq!(compressed(&defaults, true, true), "custom, gzip");
        let disabled = RequestOptions::new().disable_request_compression(true);
        assert_eq!(compressed(&disabled, false, true), "custom");
        assert!(
            RequestOptions::new()
                .request_min_compression_size_bytes(10_485_761)
                .is_err()
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
    fn an_invalid_header_value_from_the_model_is_the_models_error() {
        let error = RequestWriter::new("GET", "/".to_owned())
            .fixed_header("x-api-version", "2024\n01")
            .unwrap_err();
        assert_eq!(error.member(), None);
        assert!(
            error.to_string().contains("the model's `x-api-version` value"),
            "{error}"
        );
    }

    #[test]
    fn header_values_with_control_characters_are_errors() {
        let error = RequestWriter::new("GET", "/".to_owned())
            .header("Note", "x-note", "line\nbreak", TimestampFormat::HttpDate)
            .unwrap_err();
        assert_eq!(error.member(), Some("Note"));
    }
}
