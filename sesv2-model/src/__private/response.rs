//! Reading an HTTP response: the output or the operation's error, each
//! from the body, headers and status its members are bound to.

use std::collections::HashMap;

use super::TimestampFormat;
use super::decode::Place;
use super::header::{FromHttpText, split_list};
use super::shapes::{DecodeFields, decode_structure};
use crate::{Blob, UnhandledError};

/// The parts of a response that generated code reads.
#[derive(Clone, Copy, Debug)]
pub struct ResponseParts<'a> {
    /// The status code.
    pub status: u16,
    /// The headers.
    pub headers: &'a http::HeaderMap,
    /// The body, whole.
    pub body: &'a [u8],
}

impl<'a> ResponseParts<'a> {
    /// The parts of `response`.
    pub fn of<B: AsRef<[u8]>>(response: &'a http::Response<B>) -> Self {
        ResponseParts {
            status: response.status().as_u16(),
            headers: response.headers(),
            body: response.body().as_ref(),
        }
    }

    /// A header's value as text, when the response has it; repeated
    /// headers are joined with commas, as HTTP allows.
    fn header_text(&self, name: &str) -> Result<Option<String>, String> {
        let mut joined: Option<String> = None;
        for value in self.headers.get_all(name) {
            let text =
                std::str::from_utf8(value.as_bytes()).map_err(|_| format!("the header `{name}` is not UTF-8 text"))?;
            match &mut joined {
                Some(joined) => {
                    joined.push_str(", ");
                    joined.push_str(text);
                }
                None => joined = Some(text.to_owned()),
            }
        }
        Ok(joined)
    }

    /// A member bound to header `name`.
    pub fn header<T: FromHttpText>(&self, name: &str, format: TimestampFormat) -> Result<Option<T>, String> {
        match self.header_text(name)? {
            Some(text) => T::from_http(text.trim(), format)
                .map(Some)
                .map_err(|problem| format!("the header `{name}`: {problem}")),
            None => Ok(None),
        }
    }

    /// A `@mediaType` string bound to header `name`: base64 of its text.
    pub fn header_base64(&self, name: &str) -> Result<Option<String>, String> {
        let Some(blob) = self.header::<Blob>(name, TimestampFormat::DateTime)? else {
            return Ok(None);
        };
        String::from_utf8(blob.into_inner())
            .map(Some)
            .map_err(|_| format!("the header `{name}` is not base64 of UTF-8 text"))
    }

    /// A list member bound to header `name`.
    pub fn header_list<T: FromHttpText>(&self, name: &str, format: TimestampFormat) -> Result<Option<Vec<T>>, String> {
        let Some(text) = self.header_text(name)? else {
            return Ok(None);
        };
        let http_dates = T::IS_TIMESTAMP && format == TimestampFormat::HttpDate;
        let at = |problem: String| format!("the header `{name}`: {problem}");
        split_list(&text, http_dates)
            .map_err(at)?
            .iter()
            .map(|element| T::from_http(element, format).map_err(at))
            .collect::<Result<Vec<T>, String>>()
            .map(Some)
    }

    /// A map member bound with `@httpPrefixHeaders`: every header whose
    /// name starts with `prefix`, by the rest of its (lowercase) name.
    pub fn prefix_headers<T: FromHttpText>(&self, prefix: &str) -> Result<Option<HashMap<String, T>>, String> {
        let mut map = HashMap::new();
        for name in self.headers.keys() {
            let Some(key) = strip_prefix_ignoring_case(name.as_str(), prefix) else {
                continue;
            };
            if let Some(value) = self.header(name.as_str(), TimestampFormat::HttpDate)? {
                map.insert(key.to_owned(), value);
            }
        }
        Ok((!map.is_empty()).then_some(map))
    }

    /// The `@httpResponseCode` member.
    pub fn status_code(&self) -> Option<i32> {
        Some(i32::from(self.status))
    }

    /// A blob `@httpPayload`: the body's bytes, absent when it is empty.
    pub fn payload_blob(&self) -> Option<Blob> {
        (!self.body.is_empty()).then(|| Blob::from(self.body))
    }

    /// A string or enum `@httpPayload`: the body's text, absent when empty.
    pub fn payload_text<T: FromHttpText>(&self) -> Result<Option<T>, String> {
        if self.body.is_empty() {
            return Ok(None);
        }
        let text = std::str::from_utf8(self.body).map_err(|_| "the body is not UTF-8 text".to_owned())?;
        T::from_http(text, TimestampFormat::DateTime).map(Some)
    }

    /// A structure, union or document `@httpPayload`: the body as JSON,
    /// absent when it is empty.
    pub fn payload_json<T: serde::de::DeserializeOwned>(&self) -> Result<Option<T>, String> {
        if self.body.is_empty() {
            return Ok(None);
        }
        serde_json::from_slice(self.body)
            .map(Some)
            .map_err(|error| format!("the body: {error}"))
    }

    /// The members in the JSON body (all of them but those bound
    /// elsewhere); an empty body has none.
    pub fn json_body<T: DecodeFields>(&self) -> Result<T, String> {
        let body = if self.body.iter().all(u8::is_ascii_whitespace) {
            b"{}".as_slice()
        } else {
            self.body
        };
        let mut deserializer = serde_json::Deserializer::from_slice(body);
        decode_structure(&mut deserializer, &Place::TOP)
            .and_then(|value| deserializer.end().map(|()| value))
            .map_err(|error| format!("the body: {error}"))
    }

    /// The response's error code: the `X-Amzn-Errortype` header, else the
    /// body's `code` or `__type` member.
    pub fn error_code(&self) -> Option<String> {
        let header = self
            .headers
            .get("x-amzn-errortype")
            .and_then(|value| value.to_str().ok());
        crate::error_code(header, self.body)
    }
}

fn strip_prefix_ignoring_case<'n>(name: &'n str, prefix: &str) -> Option<&'n str> {
    let head = name.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &name[prefix.len()..])
}

/// A value read from a whole response: an output, or a modeled error.
pub trait ReadResponse: Sized {
    /// Reads the value; the problem, when the response does not hold one.
    fn read_response(response: &ResponseParts<'_>) -> Result<Self, String>;
}

/// An operation without output reads any success response.
impl ReadResponse for () {
    fn read_response(_response: &ResponseParts<'_>) -> Result<Self, String> {
        Ok(())
    }
}

/// An operation's error enum, read from an error response.
pub trait ReadError: Sized {
    /// Reads the error the response's code names.
    fn read_error(response: &ResponseParts<'_>) -> Self;
}

/// Reads a response: the output of a success (2xx) response, or the error
/// of any other; a success response that does not read as the output is
/// unhandled. What each operation's `Operation::parse_parts` calls.
pub fn parse_parts<O: ReadResponse, E: ReadError>(
    status: u16,
    headers: &http::HeaderMap,
    body: &[u8],
    unhandled: fn(UnhandledError) -> E,
) -> Result<O, E> {
    let response = ResponseParts { status, headers, body };
    if !(200..300).contains(&status) {
        return Err(E::read_error(&response));
    }
    O::read_response(&response).map_err(|problem| unhandled(unhandled_response(&response, None, Some(problem))))
}

/// The modeled error `code` names, or the response kept as an unhandled
/// error when it does not read as that shape. One call per error keeps each
/// generated error enum small.
pub fn modeled_error<T: ReadResponse, E>(
    response: &ResponseParts<'_>,
    code: Option<&str>,
    modeled: fn(T) -> E,
    unhandled: fn(UnhandledError) -> E,
) -> E {
    match T::read_response(response) {
        Ok(error) => modeled(error),
        Err(problem) => unhandled(unhandled_response(response, code, Some(problem))),
    }
}

/// An error response that none of the operation's errors matches.
pub fn unhandled_response(response: &ResponseParts<'_>, code: Option<&str>, problem: Option<String>) -> UnhandledError {
    UnhandledError::new(response.status, code, response.body, problem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timestamp;

    fn headers(pairs: &[(&'static str, &'static str)]) -> http::HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| {
                (
                    http::HeaderName::from_static(name),
                    http::HeaderValue::from_static(value),
                )
            })
            .collect()
    }

    fn parts<'a>(headers: &'a http::HeaderMap, body: &'a [u8]) -> ResponseParts<'a> {
        ResponseParts {
            status: 200,
            headers,
            body,
        }
    }

    #[test]
    fn headers_read_as_their_member_types() {
        let map = headers(&[
            ("x-count", " 42 "),
            (
                "x-dates",
                "Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT",
            ),
            ("x-names", "a, \"b,c\""),
            ("x-bad", "forty"),
        ]);
        let response = parts(&map, b"");
        assert_eq!(
            response.header::<i32>("x-count", TimestampFormat::HttpDate),
            Ok(Some(42))
        );
        assert_eq!(response.header::<i32>("x-missing", TimestampFormat::HttpDate), Ok(None));
        let dates = response
            .header_list::<Timestamp>("x-dates", TimestampFormat::HttpDate)
            .unwrap()
            .unwrap();
        assert_eq!(dates[1], Timestamp::from_secs(1_576_626_498).unwrap());
        assert_eq!(
            response.header_list::<String>("x-names", TimestampFormat::HttpDate),
            Ok(Some(vec!["a".to_owned(), "b,c".to_owned()]))
        );
        assert_eq!(
            response.header::<i32>("x-bad", TimestampFormat::HttpDate),
            Err("the header `x-bad`: `forty` is not a 32-bit integer".to_owned())
        );
    }

    #[test]
    fn prefix_headers_are_keyed_by_the_rest_of_the_name() {
        let map = headers(&[("x-foo-abc", "1"), ("x-foo-def", "2"), ("x-other", "3")]);
        let read: HashMap<String, String> = parts(&map, b"").prefix_headers("X-Foo-").unwrap().unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read["abc"], "1");
        assert_eq!(parts(&map, b"").prefix_headers::<String>("x-none-"), Ok(None));
    }

    #[test]
    fn empty_bodies_have_no_payload() {
        let map = http::HeaderMap::new();
        assert_eq!(parts(&map, b"").payload_blob(), None);
        assert_eq!(parts(&map, b"").payload_text::<String>(), Ok(None));
        assert_eq!(parts(&map, b"hi").payload_text::<String>(), Ok(Some("hi".to_owned())));
    }

    #[test]
    fn the_error_code_comes_from_the_header_then_the_body() {
        let map = headers(&[("x-amzn-errortype", "FooError:http://internal/")]);
        assert_eq!(
            parts(&map, br#"{"code": "Other"}"#).error_code().as_deref(),
            Some("FooError:http://internal/")
        );
        let none = http::HeaderMap::new();
        assert_eq!(
            parts(&none, br#"{"code": "Other", "__type": "Third"}"#)
                .error_code()
                .as_deref(),
            Some("Other")
        );
        assert_eq!(parts(&none, b"<html>").error_code(), None);
    }
}
