//! [`SigningError`]: why a request cannot be signed.

use std::fmt;

/// Why a request cannot be signed. Signing leaves the request unchanged when
/// it fails. No variant holds a secret, a session token or a header value.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SigningError {
    /// Neither the URI has an authority nor the request a `Host` header, so
    /// there is no host to sign.
    MissingHost,
    /// A header's value is not visible ASCII (with spaces and tabs), which
    /// is all SigV4 can sign.
    InvalidHeaderValue {
        /// The header's lowercase name.
        name: String,
    },
    /// A [`PayloadHash::Precomputed`](super::PayloadHash::Precomputed) that
    /// is not 64 hexadecimal digits.
    InvalidPayloadHash,
    /// A presigned URL's lifetime outside what AWS accepts: 1 second to 7
    /// days.
    InvalidExpiry {
        /// The lifetime asked for, in whole seconds.
        seconds: u64,
    },
    /// The signing time is outside the years 0000 to 9999.
    InvalidTime,
    /// The region or the service name is empty or holds a character other
    /// than ASCII letters, digits, `-`, `_` and `.`.
    InvalidScope {
        /// `"region"` or `"service"`.
        part: &'static str,
    },
    /// The access key id holds a character other than ASCII letters and
    /// digits.
    InvalidAccessKeyId,
    /// The session token cannot be a header value (it is not visible ASCII).
    InvalidSessionToken,
    /// The presigned query string does not make a valid URI with the
    /// request's path.
    InvalidUri,
    /// The endpoint asks for an auth scheme this module does not implement,
    /// such as `sigv4a` (multi-region access points).
    UnsupportedScheme {
        /// The scheme's name.
        name: String,
    },
}

impl SigningError {
    pub(crate) fn invalid_header_value(name: &str) -> SigningError {
        SigningError::InvalidHeaderValue { name: name.to_owned() }
    }
}

impl fmt::Display for SigningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SigningError::MissingHost => {
                f.write_str("the request has no host to sign: its URI has no authority and it has no `Host` header")
            }
            SigningError::InvalidHeaderValue { name } => {
                write!(
                    f,
                    "the value of header `{name}` is not visible ASCII, so it cannot be signed"
                )
            }
            SigningError::InvalidPayloadHash => {
                f.write_str("a precomputed payload hash must be 64 hexadecimal digits (a SHA-256)")
            }
            SigningError::InvalidExpiry { seconds } => write!(
                f,
                "a presigned request must expire in 1 to 604800 seconds (7 days), not {seconds}"
            ),
            SigningError::InvalidTime => f.write_str("the signing time is outside the years 0000 to 9999"),
            SigningError::InvalidScope { part } => write!(
                f,
                "the {part} to sign for must be ASCII letters, digits, `-`, `_` and `.`, and not empty"
            ),
            SigningError::InvalidAccessKeyId => f.write_str("the access key id must be ASCII letters and digits"),
            SigningError::InvalidSessionToken => f.write_str("the session token is not visible ASCII"),
            SigningError::InvalidUri => f.write_str("the presigned query string does not make a valid URI"),
            SigningError::UnsupportedScheme { name } => write!(
                f,
                "the endpoint asks for the `{name}` auth scheme, which is not supported (SigV4a among them): \
                 sign for a regional endpoint instead"
            ),
        }
    }
}

impl std::error::Error for SigningError {}
