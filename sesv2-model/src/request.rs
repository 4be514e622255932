//! What building a request needs besides the input: where it goes
//! ([`Endpoint`]), and the client's settings ([`RequestOptions`]: where
//! idempotency tokens come from, request compression); and why a request
//! cannot be built ([`RequestError`]).

use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::RequestUriError;

/// Where requests go: a scheme, a host (with a port when it is not the
/// scheme's) and, rarely, a base path that every request path follows.
///
/// ```
/// use sesv2_model::Endpoint;
///
/// let endpoint = Endpoint::new("https://email.eu-west-1.amazonaws.com")?;
/// assert_eq!(endpoint.host(), "email.eu-west-1.amazonaws.com");
/// assert_eq!(Endpoint::new("email.eu-west-1.amazonaws.com").unwrap_err().to_string(),
///     "invalid endpoint `email.eu-west-1.amazonaws.com`: it needs a scheme and a host, like `https://example.com`");
/// # Ok::<(), sesv2_model::InvalidEndpoint>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    scheme: http::uri::Scheme,
    authority: http::uri::Authority,
    /// The base path without its trailing `/`: empty, or `/custom`.
    base_path: String,
}

impl Endpoint {
    /// Reads an endpoint URL such as `https://email.us-east-1.amazonaws.com`.
    /// A query string is not allowed.
    pub fn new(url: &str) -> Result<Endpoint, InvalidEndpoint> {
        let invalid = |problem: &str| InvalidEndpoint {
            url: url.to_owned(),
            problem: problem.to_owned(),
        };
        let uri: http::Uri = url
            .parse()
            .map_err(|error: http::uri::InvalidUri| invalid(&error.to_string()))?;
        let parts = uri.into_parts();
        let (Some(scheme), Some(authority)) = (parts.scheme, parts.authority) else {
            return Err(invalid("it needs a scheme and a host, like `https://example.com`"));
        };
        let base_path = match parts.path_and_query {
            Some(path) if path.query().is_some() => return Err(invalid("an endpoint cannot have a query string")),
            Some(path) => path.path().trim_end_matches('/').to_owned(),
            None => String::new(),
        };
        Ok(Endpoint {
            scheme,
            authority,
            base_path,
        })
    }

    /// The host, without the port.
    pub fn host(&self) -> &str {
        self.authority.host()
    }

    /// The host and port, as the `Host` header carries them.
    pub fn authority(&self) -> &str {
        self.authority.as_str()
    }

    /// `https` or `http`.
    pub fn scheme(&self) -> &str {
        self.scheme.as_str()
    }

    pub(crate) fn scheme_part(&self) -> &http::uri::Scheme {
        &self.scheme
    }

    pub(crate) fn authority_part(&self) -> &http::uri::Authority {
        &self.authority
    }

    /// The path that request paths follow: empty, or like `/custom`.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }
}

impl std::str::FromStr for Endpoint {
    type Err = InvalidEndpoint;

    fn from_str(url: &str) -> Result<Endpoint, InvalidEndpoint> {
        Endpoint::new(url)
    }
}

/// Why an endpoint URL cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidEndpoint {
    url: String,
    problem: String,
}

impl fmt::Display for InvalidEndpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid endpoint `{}`: {}", self.url, self.problem)
    }
}

impl std::error::Error for InvalidEndpoint {}

/// Why a request cannot be built from an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestError {
    member: Option<&'static str>,
    problem: String,
}

impl RequestError {
    pub(crate) fn new(member: Option<&'static str>, problem: impl Into<String>) -> Self {
        RequestError {
            member,
            problem: problem.into(),
        }
    }

    /// The input member at fault, as the model names it.
    pub fn member(&self) -> Option<&'static str> {
        self.member
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("cannot build the request: ")?;
        if let Some(member) = self.member {
            write!(f, "the member `{member}` ")?;
        }
        f.write_str(&self.problem)
    }
}

impl std::error::Error for RequestError {}

impl From<RequestUriError> for RequestError {
    fn from(error: RequestUriError) -> Self {
        RequestError::new(Some(error.member()), error.problem().to_owned())
    }
}

/// The client's settings for building requests, with the defaults Smithy's
/// specifications give them.
///
/// ```
/// use sesv2_model::RequestOptions;
///
/// let options = RequestOptions::new()
///     .idempotency_tokens(|| "00000000-0000-4000-8000-000000000000".to_owned())
///     .request_min_compression_size_bytes(4096)?;
/// assert_eq!(options.min_compression_size(), 4096);
/// assert!(!RequestOptions::new().disable_request_compression(true).compresses());
/// # Ok::<(), sesv2_model::RequestError>(())
/// ```
pub struct RequestOptions {
    tokens: Box<dyn IdempotencyTokens + Send + Sync>,
    compresses: bool,
    min_compression_size: u32,
}

impl RequestOptions {
    /// The largest `REQUEST_MIN_COMPRESSION_SIZE_BYTES` Smithy allows (10 MiB).
    pub const MAX_MIN_COMPRESSION_SIZE: u32 = 10_485_760;

    /// Random idempotency tokens; requests compressed from 10,240 bytes.
    pub fn new() -> RequestOptions {
        RequestOptions {
            tokens: Box::new(RandomTokens),
            compresses: true,
            min_compression_size: 10_240,
        }
    }

    /// Where unset `@idempotencyToken` members take their values from.
    /// Requests are built from a shared `&RequestOptions`, so a source that
    /// counts uses interior mutability (an atomic, as [`RandomTokens`] does).
    pub fn idempotency_tokens(mut self, tokens: impl IdempotencyTokens + Send + Sync + 'static) -> RequestOptions {
        self.tokens = Box::new(tokens);
        self
    }

    /// `DISABLE_REQUEST_COMPRESSION`: no compression for operations with
    /// `@requestCompression` (it is on by default).
    pub fn disable_request_compression(mut self, disabled: bool) -> RequestOptions {
        self.compresses = !disabled;
        self
    }

    /// `REQUEST_MIN_COMPRESSION_SIZE_BYTES`: bodies smaller than this are
    /// sent as they are (10,240 by default; at most 10 MiB).
    pub fn request_min_compression_size_bytes(mut self, bytes: u32) -> Result<RequestOptions, RequestError> {
        if bytes > Self::MAX_MIN_COMPRESSION_SIZE {
            return Err(RequestError::new(
                None,
                format!(
                    "the minimum compression size {bytes} is above the largest allowed, {}",
                    Self::MAX_MIN_COMPRESSION_SIZE
                ),
            ));
        }
        self.min_compression_size = bytes;
        Ok(self)
    }

    /// Whether requests of operations with `@requestCompression` are compressed.
    pub fn compresses(&self) -> bool {
        self.compresses
    }

    /// The smallest body that is compressed.
    pub fn min_compression_size(&self) -> u32 {
        self.min_compression_size
    }

    /// A fresh idempotency token.
    pub fn next_token(&self) -> String {
        self.tokens.next_token()
    }
}

impl Default for RequestOptions {
    fn default() -> Self {
        RequestOptions::new()
    }
}

impl fmt::Debug for RequestOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestOptions")
            .field("compresses", &self.compresses)
            .field("min_compression_size", &self.min_compression_size)
            .finish_non_exhaustive()
    }
}

/// Where the values of unset `@idempotencyToken` members come from.
///
/// [`RandomTokens`] is what [`RequestOptions`] uses unless told otherwise;
/// a closure returning `String` fixes the tokens, for tests:
///
/// ```
/// use sesv2_model::IdempotencyTokens;
///
/// let fixed = || "00000000-0000-4000-8000-000000000000".to_owned();
/// assert_eq!(fixed.next_token(), "00000000-0000-4000-8000-000000000000");
/// ```
pub trait IdempotencyTokens {
    /// A fresh token.
    fn next_token(&self) -> String;
}

impl<F: Fn() -> String> IdempotencyTokens for F {
    fn next_token(&self) -> String {
        self()
    }
}

/// Random version 4 UUIDs, as AWS SDKs send for idempotency tokens.
///
/// The randomness comes from the standard library's per-process hash keys
/// mixed with a counter and the clock: unique and unpredictable enough to
/// tell retries from new requests, which is all a token is for. It is not a
/// secret.
#[derive(Clone, Copy, Debug, Default)]
pub struct RandomTokens;

impl IdempotencyTokens for RandomTokens {
    fn next_token(&self) -> String {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_nanos());
        let keys = std::collections::hash_map::RandomState::new();
        let half = |salt: u64| {
            let mut hasher = keys.build_hasher();
            hasher.write_u64(salt);
            hasher.write_u64(count);
            hasher.write_u128(nanos);
            hasher.finish()
        };
        let bits = (u128::from(half(0x5e5f_0001)) << 64) | u128::from(half(0x5e5f_0002));
        uuid_v4(bits)
    }
}

/// `bits` as a version 4, variant 1 UUID in its hyphenated form.
fn uuid_v4(bits: u128) -> String {
    let bits = (bits & !(0xf << 76) & !(0x3 << 62)) | (0x4 << 76) | (0x2 << 62);
    let hex = format!("{bits:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_request_options_serves_threads_building_requests_at_once() {
        let options = RequestOptions::new();
        let tokens: Vec<String> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..2).map(|_| scope.spawn(|| options.next_token())).collect();
            workers.into_iter().map(|worker| worker.join().unwrap()).collect()
        });
        assert_eq!(tokens.len(), 2);
        assert_ne!(tokens[0], tokens[1]);
    }

    #[test]
    fn endpoints_keep_host_port_and_base_path() {
        let endpoint = Endpoint::new("http://localhost:8080/custom/").unwrap();
        assert_eq!(
            (
                endpoint.scheme(),
                endpoint.host(),
                endpoint.authority(),
                endpoint.base_path()
            ),
            ("http", "localhost", "localhost:8080", "/custom")
        );
        assert_eq!(
            Endpoint::new("https://example.com?x=1").unwrap_err().to_string(),
            "invalid endpoint `https://example.com?x=1`: an endpoint cannot have a query string"
        );
    }

    #[test]
    fn random_tokens_are_distinct_version_4_uuids() {
        let (first, second) = (RandomTokens.next_token(), RandomTokens.next_token());
        assert_ne!(first, second);
        for token in [first, second] {
            assert_eq!(token.len(), 36);
            assert_eq!(&token[14..15], "4");
            assert!(matches!(&token[19..20], "8" | "9" | "a" | "b"), "{token}");
        }
        assert_eq!(uuid_v4(0), "00000000-0000-4000-8000-000000000000");
    }
}
