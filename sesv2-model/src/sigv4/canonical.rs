//! The parts of the canonical request: path, query and headers, by the
//! rules of the AWS documentation ("Create a canonical request for IAM").

use http::HeaderMap;

use super::SigningError;
use super::settings::{PathEncoding, UNSIGNED_HEADERS};
use crate::__private::http::{self as http_text, is_unreserved, push_escape};

/// `bytes` percent-encoded as a query parameter key or value.
pub(crate) fn percent_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    http_text::percent_encode(bytes, false, &mut out);
    out
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// The byte a `%XX` escape at the start of `bytes` stands for.
fn escape_at(bytes: &[u8]) -> Option<u8> {
    match bytes {
        [b'%', high, low, ..] => Some(hex_value(*high)? << 4 | hex_value(*low)?),
        _ => None,
    }
}

/// The canonical URI: the path, normalized if asked, then encoded.
pub(crate) fn canonical_path(path: &str, normalize: bool, encoding: PathEncoding) -> String {
    let path = if path.is_empty() { "/" } else { path };
    let normalized;
    let path = if normalize {
        normalized = normalize_path(path);
        normalized.as_str()
    } else {
        path
    };
    let mut out = String::with_capacity(path.len() + 8);
    match encoding {
        PathEncoding::Double => http_text::percent_encode(path.as_bytes(), true, &mut out),
        PathEncoding::Single => encode_unescaped(&mut out, path.as_bytes()),
    }
    out
}

/// Encodes what is not yet encoded: a valid `%XX` escape stays (its digits
/// uppercased), unreserved bytes and `/` stay, anything else is escaped.
fn encode_unescaped(out: &mut String, bytes: &[u8]) {
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if let Some(escaped) = escape_at(&bytes[index..]) {
            push_escape(escaped, out);
            index += 3;
            continue;
        }
        if is_unreserved(byte) || byte == b'/' {
            out.push(char::from(byte));
        } else {
            push_escape(byte, out);
        }
        index += 1;
    }
}

/// `path` without `.` and `..` segments (RFC 3986 §5.2.4) and without empty
/// segments, which AWS services also remove: `//a/./b/../c/` is `/a/c/`.
/// A trailing `/` stays when a segment is left; `..` above the root is
/// dropped. The same result as botocore's, which AWS services agree with.
pub(crate) fn normalize_path(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            _ => segments.push(segment),
        }
    }
    let mut out = String::with_capacity(path.len());
    if path.starts_with('/') {
        out.push('/');
    }
    out.push_str(&segments.join("/"));
    if path.ends_with('/') && !segments.is_empty() {
        out.push('/');
    }
    out
}

/// Decodes `%XX` escapes and `+` (a space, as in HTML forms, which is how
/// AWS services read a query); a `%` without two hex digits stays as it is.
fn decode_query_component(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if let Some(escaped) = escape_at(&bytes[index..]) {
            out.push(escaped);
            index += 3;
            continue;
        }
        out.push(if byte == b'+' { b' ' } else { byte });
        index += 1;
    }
    out
}

/// The query's parameters, each key and value decoded and encoded again the
/// canonical way, in the order they appear. Empty `&&` pieces are not
/// parameters; a parameter without `=` has an empty value.
pub(crate) fn query_parameters(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            let (key, value) = piece.split_once('=').unwrap_or((piece, ""));
            (
                percent_encode(&decode_query_component(key)),
                percent_encode(&decode_query_component(value)),
            )
        })
        .collect()
}

/// The canonical query string: encoded parameters sorted by key, then by
/// value, joined as `key=value&...`.
pub(crate) fn canonical_query(mut parameters: Vec<(String, String)>) -> String {
    parameters.sort_unstable();
    let mut out = String::new();
    for (key, value) in &parameters {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        out.push_str(value);
    }
    out
}

/// A header value as signed: spaces at either end removed and each run of
/// spaces inside reduced to one. Only spaces: the AWS documentation names
/// them, and S3 checks exactly that.
pub(crate) fn trim_header_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for word in value.split(' ').filter(|word| !word.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The headers a request is signed with, lowercase, sorted, each with its
/// values trimmed and joined by `,` in the order the request has them.
#[derive(Debug, Default)]
pub(crate) struct CanonicalHeaders {
    entries: Vec<(String, String)>,
}

impl CanonicalHeaders {
    /// The signable headers of `headers`, leaving out the unsigned ones and
    /// any in `replaced` (the ones signing sets itself).
    pub(crate) fn from_request(headers: &HeaderMap, replaced: &[&str]) -> Result<CanonicalHeaders, SigningError> {
        let mut entries: Vec<(String, String)> = Vec::new();
        for name in headers.keys() {
            let name = name.as_str();
            if UNSIGNED_HEADERS.binary_search(&name).is_ok() || replaced.contains(&name) {
                continue;
            }
            let mut joined = String::new();
            for (index, value) in headers.get_all(name).iter().enumerate() {
                let text = value.to_str().map_err(|_| SigningError::invalid_header_value(name))?;
                if index > 0 {
                    joined.push(',');
                }
                joined.push_str(&trim_header_value(text));
            }
            entries.push((name.to_owned(), joined));
        }
        Ok(CanonicalHeaders { entries })
    }

    /// Whether a header of that lowercase name is among them.
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.entries.iter().any(|(existing, _)| existing == name)
    }

    /// Adds a header that signing sets (its value already canonical).
    pub(crate) fn add(&mut self, name: &str, value: &str) {
        self.entries.push((name.to_owned(), trim_header_value(value)));
    }

    /// Sorts by name; called once all headers are in.
    pub(crate) fn sort(&mut self) {
        self.entries.sort_unstable_by(|left, right| left.0.cmp(&right.0));
    }

    /// `name:value\n` for each header.
    pub(crate) fn write_to(&self, out: &mut String) {
        for (name, value) in &self.entries {
            out.push_str(name);
            out.push(':');
            out.push_str(value);
            out.push('\n');
        }
    }

    /// The signed headers list: names joined by `;`.
    pub(crate) fn signed_names(&self) -> String {
        let names: Vec<&str> = self.entries.iter().map(|(name, _)| name.as_str()).collect();
        names.join(";")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_encoding_escapes_the_escapes_already_in_the_path() {
        assert_eq!(
            canonical_path("/test/@connections/JBDvjfGEIAMCERw%3D", true, PathEncoding::Double),
            "/test/%40connections/JBDvjfGEIAMCERw%253D"
        );
    }

    #[test]
    fn single_encoding_keeps_escapes_and_encodes_the_rest() {
        assert_eq!(
            canonical_path("/bucket/a%2fb/caf\u{e9} key@x", false, PathEncoding::Single),
            "/bucket/a%2Fb/caf%C3%A9%20key%40x"
        );
        // A `%` that starts no escape is a literal percent sign.
        assert_eq!(
            canonical_path("/100%/%zz/%4", false, PathEncoding::Single),
            "/100%25/%25zz/%254"
        );
    }

    #[test]
    fn both_encodings_leave_unreserved_characters_and_slashes() {
        let path = "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz/";
        assert_eq!(canonical_path(path, false, PathEncoding::Double), path);
        assert_eq!(canonical_path(path, false, PathEncoding::Single), path);
    }

    #[test]
    fn an_empty_path_is_the_root() {
        assert_eq!(canonical_path("", true, PathEncoding::Double), "/");
        assert_eq!(canonical_path("", false, PathEncoding::Single), "/");
    }

    #[test]
    fn normalization_removes_dot_segments_and_repeated_slashes() {
        let cases = [
            ("/", "/"),
            ("//", "/"),
            ("/./", "/"),
            ("/example/..", "/"),
            ("/a/b/../..", "/"),
            ("/../../a", "/a"),
            ("//example//", "/example/"),
            ("/./example", "/example"),
            ("/a/./b/../c/", "/a/c/"),
            ("/a/.../b", "/a/.../b"),
            ("/a/..b/.c", "/a/..b/.c"),
            ("/a/.", "/a"),
        ];
        for (path, expected) in cases {
            assert_eq!(normalize_path(path), expected, "normalizing {path}");
        }
    }

    #[test]
    fn normalization_is_skipped_when_off() {
        assert_eq!(
            canonical_path("//a/../b/./", false, PathEncoding::Double),
            "//a/../b/./"
        );
    }

    #[test]
    fn query_parameters_are_decoded_and_encoded_again() {
        assert_eq!(
            query_parameters("a%2fb=c+d&%E1%88%B4=%7e&e=f=g&flag&&x=%zz&y=%41"),
            [
                ("a%2Fb", "c%20d"),
                ("%E1%88%B4", "~"),
                ("e", "f%3Dg"),
                ("flag", ""),
                ("x", "%25zz"),
                ("y", "A"),
            ]
            .map(|(key, value)| (key.to_owned(), value.to_owned()))
        );
    }

    #[test]
    fn canonical_query_sorts_by_encoded_key_then_value() {
        let parameters = query_parameters("b=2&a=z&a=a&A=1&%E1%88%B4=x&a-b=c");
        assert_eq!(canonical_query(parameters), "%E1%88%B4=x&A=1&a=a&a=z&a-b=c&b=2");
    }

    #[test]
    fn canonical_query_of_nothing_is_empty() {
        assert_eq!(canonical_query(query_parameters("")), "");
    }

    #[test]
    fn header_values_lose_outer_spaces_and_repeated_inner_spaces() {
        assert_eq!(trim_header_value("  a   b c  "), "a b c");
        assert_eq!(trim_header_value("\"a   b   c\""), "\"a b c\"");
        assert_eq!(trim_header_value("   "), "");
        // Tabs are not spaces to SigV4.
        assert_eq!(trim_header_value("a\t\tb"), "a\t\tb");
    }

    #[test]
    fn canonical_headers_join_duplicates_in_order_and_skip_unsigned_ones() {
        let mut headers = HeaderMap::new();
        headers.append("My-Header", http::HeaderValue::from_static("  second  "));
        headers.append("user-agent", http::HeaderValue::from_static("client/1.0"));
        headers.append("my-header", http::HeaderValue::from_static("first"));
        headers.append("a-header", http::HeaderValue::from_static("x"));
        headers.append("x-amz-date", http::HeaderValue::from_static("stale"));
        let mut canonical = CanonicalHeaders::from_request(&headers, &["x-amz-date"]).expect("visible ASCII values");
        canonical.add("x-amz-date", "20150830T123600Z");
        canonical.sort();
        let mut text = String::new();
        canonical.write_to(&mut text);
        assert_eq!(
            text,
            "a-header:x\nmy-header:second,first\nx-amz-date:20150830T123600Z\n"
        );
        assert_eq!(canonical.signed_names(), "a-header;my-header;x-amz-date");
    }

    #[test]
    fn a_header_value_that_is_not_visible_ascii_is_an_error_naming_the_header() {
        let mut headers = HeaderMap::new();
        let value = http::HeaderValue::from_bytes(b"caf\xc3\xa9").expect("obs-text is a valid header value");
        headers.append("x-meta", value);
        let error = CanonicalHeaders::from_request(&headers, &[]).expect_err("not visible ASCII");
        assert_eq!(
            error.to_string(),
            "the value of header `x-meta` is not visible ASCII, so it cannot be signed"
        );
    }
}
