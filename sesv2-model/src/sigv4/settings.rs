//! [`SigningSettings`]: how a service wants its requests signed.

/// What the last line of the canonical request says about the body.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum PayloadHash {
    /// The SHA-256 of the request's body, computed when signing.
    #[default]
    Computed,
    /// `UNSIGNED-PAYLOAD`: the body is not part of the signature (S3 over
    /// HTTPS, and presigned S3 URLs).
    Unsigned,
    /// A SHA-256 the caller already has, as 64 hexadecimal digits; signing
    /// rejects anything else.
    Precomputed(String),
}

/// How the URI path is percent-encoded in the canonical request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PathEncoding {
    /// The path as sent (already percent-encoded) is encoded once more, so
    /// `%3D` is signed as `%253D`. What every service but S3 expects.
    #[default]
    Double,
    /// The path is signed in its percent-encoded form: escapes already in it
    /// stay (with uppercase hex digits), any other byte outside the RFC 3986
    /// unreserved set and `/` is encoded. What S3 expects.
    Single,
}

/// Where a session token goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SessionTokenPlacement {
    /// `x-amz-security-token` (or `X-Amz-Security-Token` in the query) is
    /// part of what is signed. What most services expect.
    #[default]
    Signed,
    /// The token is added to the request after the signature is computed,
    /// so it is not signed: what a few services (IoT's MQTT over WebSocket
    /// presigning among them) require.
    AddedAfterSigning,
}

/// How a service wants its requests signed. `Default` is what every AWS
/// service but S3 expects; [`SigningSettings::s3`] is S3's.
///
/// ```
/// use sesv2_model::sigv4::{PathEncoding, PayloadHash, SigningSettings};
///
/// let settings = SigningSettings::default()
///     .payload_hash(PayloadHash::Unsigned)
///     .content_sha256_header(true);
/// assert_eq!(settings.path_encoding_mode(), PathEncoding::Double);
/// assert!(settings.normalizes_path());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SigningSettings {
    payload_hash: PayloadHash,
    content_sha256_header: bool,
    path_encoding: PathEncoding,
    normalize_path: bool,
    session_token_placement: SessionTokenPlacement,
}

impl Default for SigningSettings {
    fn default() -> SigningSettings {
        SigningSettings {
            payload_hash: PayloadHash::Computed,
            content_sha256_header: false,
            path_encoding: PathEncoding::Double,
            normalize_path: true,
            session_token_placement: SessionTokenPlacement::Signed,
        }
    }
}

impl SigningSettings {
    /// S3's rules: the path encoded once and not normalized (object keys may
    /// hold `//` and `..`), and an `x-amz-content-sha256` header with the
    /// computed payload hash.
    pub fn s3() -> SigningSettings {
        SigningSettings {
            payload_hash: PayloadHash::Computed,
            content_sha256_header: true,
            path_encoding: PathEncoding::Single,
            normalize_path: false,
            session_token_placement: SessionTokenPlacement::Signed,
        }
    }

    /// Sets what the canonical request says about the body.
    pub fn payload_hash(mut self, payload_hash: PayloadHash) -> SigningSettings {
        self.payload_hash = payload_hash;
        self
    }

    /// Sets whether signing in headers adds `x-amz-content-sha256` with the
    /// payload hash (S3 requires it). Presigning never adds it.
    pub fn content_sha256_header(mut self, add: bool) -> SigningSettings {
        self.content_sha256_header = add;
        self
    }

    /// Sets how the URI path is percent-encoded.
    pub fn path_encoding(mut self, encoding: PathEncoding) -> SigningSettings {
        self.path_encoding = encoding;
        self
    }

    /// Sets whether the path is normalized before it is encoded: `.` and
    /// `..` segments removed (RFC 3986 §5.2.4) and runs of `/` collapsed.
    pub fn normalize_path(mut self, normalize: bool) -> SigningSettings {
        self.normalize_path = normalize;
        self
    }

    /// Sets where a session token goes.
    pub fn session_token_placement(mut self, placement: SessionTokenPlacement) -> SigningSettings {
        self.session_token_placement = placement;
        self
    }

    /// What the canonical request says about the body.
    pub fn payload_hash_kind(&self) -> &PayloadHash {
        &self.payload_hash
    }

    /// Whether signing in headers adds `x-amz-content-sha256`.
    pub fn adds_content_sha256_header(&self) -> bool {
        self.content_sha256_header
    }

    /// How the URI path is percent-encoded.
    pub fn path_encoding_mode(&self) -> PathEncoding {
        self.path_encoding
    }

    /// Whether the path is normalized before it is encoded.
    pub fn normalizes_path(&self) -> bool {
        self.normalize_path
    }

    /// Where a session token goes.
    pub fn session_token_placement_mode(&self) -> SessionTokenPlacement {
        self.session_token_placement
    }
}

/// Headers never signed, whatever the request carries: the ones a proxy or
/// the HTTP client may add, change or drop on the way, which would break the
/// signature. The union of what botocore and the AWS SDK for Rust skip
/// (hop-by-hop headers, `user-agent`, the X-Ray trace id, `expect`), and
/// `authorization`, which the signature itself goes into.
pub(crate) const UNSIGNED_HEADERS: &[&str] = &[
    "authorization",
    "connection",
    "expect",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "user-agent",
    "x-amzn-trace-id",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_what_services_other_than_s3_expect() {
        let settings = SigningSettings::default();
        assert_eq!(settings.payload_hash_kind(), &PayloadHash::Computed);
        assert!(!settings.adds_content_sha256_header());
        assert_eq!(settings.path_encoding_mode(), PathEncoding::Double);
        assert!(settings.normalizes_path());
        assert_eq!(settings.session_token_placement_mode(), SessionTokenPlacement::Signed);
    }

    #[test]
    fn s3_encodes_once_keeps_the_path_and_sends_the_content_hash() {
        let settings = SigningSettings::s3();
        assert_eq!(settings.path_encoding_mode(), PathEncoding::Single);
        assert!(!settings.normalizes_path());
        assert!(settings.adds_content_sha256_header());
    }

    #[test]
    fn unsigned_headers_are_lowercase_and_sorted() {
        // The lookup is a binary search over lowercase names.
        let mut sorted = UNSIGNED_HEADERS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, UNSIGNED_HEADERS);
        assert!(
            UNSIGNED_HEADERS
                .iter()
                .all(|name| name.bytes().all(|byte| !byte.is_ascii_uppercase()))
        );
    }
}
