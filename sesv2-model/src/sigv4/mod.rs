//! AWS Signature Version 4: signing requests in headers and presigning them in the query string.
//!
//! [`sign`] adds `x-amz-date`, `x-amz-security-token` (for temporary
//! credentials), `x-amz-content-sha256` (when [`SigningSettings`] ask for it)
//! and `authorization`. [`presign`] adds the `X-Amz-*` query parameters of a
//! URL that anyone holding it can use until it expires. Both return the
//! [`Signature`] with the canonical request and string to sign behind it,
//! which is what to compare when AWS answers `SignatureDoesNotMatch`.
//!
//! ```
//! use std::time::{Duration, SystemTime};
//! use sesv2_model::credentials::Credentials;
//! use sesv2_model::http;
//! use sesv2_model::sigv4::{self, SigningParams};
//!
//! let credentials = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
//! let time = SystemTime::UNIX_EPOCH + Duration::from_secs(1_440_938_160); // 2015-08-30T12:36:00Z
//! let params = SigningParams::new(&credentials, "us-east-1", "service", time);
//!
//! let mut request = http::Request::get("https://example.amazonaws.com/").body(Vec::new())?;
//! let signature = sigv4::sign(&mut request, &params)?;
//! assert_eq!(signature.as_hex(), "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
//! assert_eq!(request.headers()["x-amz-date"], "20150830T123600Z");
//! assert_eq!(
//!     request.headers()["authorization"],
//!     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
//!      SignedHeaders=host;x-amz-date, \
//!      Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod canonical;
mod error;
mod hmac;
mod settings;

use std::fmt;
use std::time::{Duration, SystemTime};

use http::uri::{PathAndQuery, Uri};
use http::{HeaderName, HeaderValue, Request};

pub use error::SigningError;
pub use settings::{PathEncoding, PayloadHash, SessionTokenPlacement, SigningSettings};

use crate::__private::digest::sha256;
use crate::credentials::Credentials;
use canonical::{CanonicalHeaders, canonical_path, canonical_query, percent_encode, query_parameters};
use hmac::{hex, hmac_sha256};

/// The algorithm name that starts the string to sign and the authorization.
const ALGORITHM: &str = "AWS4-HMAC-SHA256";
/// What the last line of the canonical request is for an unsigned body.
const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
/// The longest a presigned URL may live: 7 days.
const MAX_EXPIRY_SECONDS: u64 = 7 * 24 * 60 * 60;

/// The query parameters presigning sets; any already in the query are
/// replaced, so presigning a presigned request signs it afresh.
const PRESIGN_PARAMETERS: &[&str] = &[
    "X-Amz-Algorithm",
    "X-Amz-Credential",
    "X-Amz-Date",
    "X-Amz-Expires",
    "X-Amz-Security-Token",
    "X-Amz-Signature",
    "X-Amz-SignedHeaders",
];

/// Who signs, for which region and service, when, and by which rules.
///
/// `Debug` shows the credentials' access key id only.
#[derive(Clone, Debug)]
pub struct SigningParams<'a> {
    credentials: &'a Credentials,
    region: &'a str,
    service: &'a str,
    time: SystemTime,
    settings: SigningSettings,
}

impl<'a> SigningParams<'a> {
    /// Signing with `credentials` for `service` (its signing name, e.g.
    /// `ses` for SESv2) in `region` at `time`, with the default settings.
    pub fn new(credentials: &'a Credentials, region: &'a str, service: &'a str, time: SystemTime) -> SigningParams<'a> {
        SigningParams {
            credentials,
            region,
            service,
            time,
            settings: SigningSettings::default(),
        }
    }

    /// The same parameters with other settings.
    pub fn with_settings(mut self, settings: SigningSettings) -> SigningParams<'a> {
        self.settings = settings;
        self
    }

    /// The credentials that sign.
    pub fn credentials(&self) -> &'a Credentials {
        self.credentials
    }

    /// The region signed for.
    pub fn region(&self) -> &'a str {
        self.region
    }

    /// The service's signing name.
    pub fn service(&self) -> &'a str {
        self.service
    }

    /// The signing time.
    pub fn time(&self) -> SystemTime {
        self.time
    }

    /// The signing rules.
    pub fn settings(&self) -> &SigningSettings {
        &self.settings
    }
}

/// A signature and what it was computed from.
///
/// `Debug` shows the signature and the string to sign, not the canonical
/// request, which holds the session token when one is signed.
#[derive(Clone, PartialEq, Eq)]
pub struct Signature {
    canonical_request: String,
    string_to_sign: String,
    signature: String,
}

impl Signature {
    /// The signature: 64 lowercase hexadecimal digits.
    pub fn as_hex(&self) -> &str {
        &self.signature
    }

    /// The canonical request that was hashed into the string to sign.
    pub fn canonical_request(&self) -> &str {
        &self.canonical_request
    }

    /// The string that was signed.
    pub fn string_to_sign(&self) -> &str {
        &self.string_to_sign
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signature")
            .field("signature", &self.signature)
            .field("string_to_sign", &self.string_to_sign)
            .finish_non_exhaustive()
    }
}

/// Signs `request` in its headers: sets `x-amz-date`, `x-amz-security-token`
/// (when the credentials have a session token), `x-amz-content-sha256` (when
/// the settings ask for it) and `authorization`, replacing any already there.
///
/// The host signed is the request's `Host` header, or else its URI's
/// authority (with the port unless it is the scheme's default), which is
/// what HTTP clients send. On error the request is unchanged.
pub fn sign<B: AsRef<[u8]>>(request: &mut Request<B>, params: &SigningParams<'_>) -> Result<Signature, SigningError> {
    let scope = Scope::new(params)?;
    let settings = &params.settings;
    let payload_hash = payload_hash(settings.payload_hash_kind(), request.body().as_ref())?;
    let token = session_token_value(params.credentials)?;
    let add_content_sha256 = settings.adds_content_sha256_header();

    let mut replaced = vec!["x-amz-date"];
    if token.is_some() {
        replaced.push("x-amz-security-token");
    }
    if add_content_sha256 {
        replaced.push("x-amz-content-sha256");
    }
    let mut headers = CanonicalHeaders::from_request(request.headers(), &replaced)?;
    add_host_if_missing(&mut headers, request.uri())?;
    headers.add("x-amz-date", &scope.amz_date);
    if let (Some(token), SessionTokenPlacement::Signed) = (
        params.credentials.session_token(),
        settings.session_token_placement_mode(),
    ) {
        headers.add("x-amz-security-token", token);
    }
    if add_content_sha256 {
        headers.add("x-amz-content-sha256", &payload_hash);
    }
    headers.sort();

    let uri = request.uri();
    let query = canonical_query(query_parameters(uri.query().unwrap_or_default()));
    let signed_names = headers.signed_names();
    let canonical_request = canonical_request(
        request.method().as_str(),
        uri,
        settings,
        &query,
        &headers,
        &payload_hash,
    );
    let signature = scope.sign(params.credentials, canonical_request);

    let authorization = format!(
        "{ALGORITHM} Credential={}/{}, SignedHeaders={signed_names}, Signature={}",
        params.credentials.access_key_id(),
        scope.credential_scope,
        signature.signature
    );
    // Every value is checked before the request changes, so an error
    // leaves it as it was.
    let mut new_headers = vec![
        (HeaderName::from_static("x-amz-date"), header_value(&scope.amz_date)?),
        (HeaderName::from_static("authorization"), header_value(&authorization)?),
    ];
    if let Some(token) = token {
        new_headers.push((HeaderName::from_static("x-amz-security-token"), token));
    }
    if add_content_sha256 {
        new_headers.push((
            HeaderName::from_static("x-amz-content-sha256"),
            header_value(&payload_hash)?,
        ));
    }
    for (name, value) in new_headers {
        request.headers_mut().insert(name, value);
    }
    Ok(signature)
}

/// Presigns `request` in its query string, valid for `expires_in` (whole
/// seconds, 1 second to 7 days): appends `X-Amz-Algorithm`,
/// `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-SignedHeaders`, `X-Amz-Expires`,
/// `X-Amz-Security-Token` (for temporary credentials) and `X-Amz-Signature`,
/// replacing any already there. The request's headers are signed too and
/// must be sent with the URL; presigning adds none.
///
/// With [`PayloadHash::Computed`] the body is signed, so the URL is only
/// good for that body; S3's presigned URLs use [`PayloadHash::Unsigned`].
/// On error the request is unchanged.
pub fn presign<B: AsRef<[u8]>>(
    request: &mut Request<B>,
    params: &SigningParams<'_>,
    expires_in: Duration,
) -> Result<Signature, SigningError> {
    let expires_seconds = expires_in.as_secs();
    if !(1..=MAX_EXPIRY_SECONDS).contains(&expires_seconds) {
        return Err(SigningError::InvalidExpiry {
            seconds: expires_seconds,
        });
    }
    let scope = Scope::new(params)?;
    let settings = &params.settings;
    let payload_hash = payload_hash(settings.payload_hash_kind(), request.body().as_ref())?;
    // Only checked: the token goes into the query, percent-encoded.
    session_token_value(params.credentials)?;

    let mut headers = CanonicalHeaders::from_request(request.headers(), &[])?;
    add_host_if_missing(&mut headers, request.uri())?;
    headers.sort();
    let signed_names = headers.signed_names();

    let uri = request.uri();
    let kept_query = without_presign_parameters(uri.query().unwrap_or_default());
    let mut added = vec![
        ("X-Amz-Algorithm", ALGORITHM.to_owned()),
        (
            "X-Amz-Credential",
            format!("{}/{}", params.credentials.access_key_id(), scope.credential_scope),
        ),
        ("X-Amz-Date", scope.amz_date.clone()),
        ("X-Amz-SignedHeaders", signed_names),
        ("X-Amz-Expires", expires_seconds.to_string()),
    ];
    let token = params.credentials.session_token();
    let signed_token = settings.session_token_placement_mode() == SessionTokenPlacement::Signed;
    if let (Some(token), true) = (token, signed_token) {
        added.push(("X-Amz-Security-Token", token.to_owned()));
    }
    let mut parameters = query_parameters(&kept_query);
    parameters.extend(
        added
            .iter()
            .map(|(name, value)| ((*name).to_owned(), percent_encode(value.as_bytes()))),
    );
    let query = canonical_query(parameters);
    let canonical_request = canonical_request(
        request.method().as_str(),
        uri,
        settings,
        &query,
        &headers,
        &payload_hash,
    );
    let signature = scope.sign(params.credentials, canonical_request);

    if let (Some(token), false) = (token, signed_token) {
        added.push(("X-Amz-Security-Token", token.to_owned()));
    }
    added.push(("X-Amz-Signature", signature.signature.clone()));
    let mut new_query = kept_query;
    for (name, value) in &added {
        if !new_query.is_empty() {
            new_query.push('&');
        }
        new_query.push_str(name);
        new_query.push('=');
        new_query.push_str(&percent_encode(value.as_bytes()));
    }
    let new_uri = with_query(uri, &new_query)?;
    *request.uri_mut() = new_uri;
    Ok(signature)
}

/// What identifies a signature besides the request: the time and the
/// credential scope (`date/region/service/aws4_request`).
struct Scope<'a> {
    /// `YYYYMMDD`, the scope's date.
    date: String,
    /// `YYYYMMDDTHHMMSSZ`, the signing time.
    amz_date: String,
    credential_scope: String,
    region: &'a str,
    service: &'a str,
}

impl<'a> Scope<'a> {
    fn new(params: &SigningParams<'a>) -> Result<Scope<'a>, SigningError> {
        check_scope_part(params.region, "region")?;
        check_scope_part(params.service, "service")?;
        let access_key_id = params.credentials.access_key_id();
        if access_key_id.is_empty() || !access_key_id.bytes().all(|byte| byte.is_ascii_alphanumeric()) {
            return Err(SigningError::InvalidAccessKeyId);
        }
        let (date, amz_date) = format_time(params.time)?;
        let credential_scope = format!("{date}/{}/{}/aws4_request", params.region, params.service);
        Ok(Scope {
            date,
            amz_date,
            credential_scope,
            region: params.region,
            service: params.service,
        })
    }

    /// The string to sign for `canonical_request`, and its signature.
    fn sign(&self, credentials: &Credentials, canonical_request: String) -> Signature {
        let string_to_sign = format!(
            "{ALGORITHM}\n{}\n{}\n{}",
            self.amz_date,
            self.credential_scope,
            hex(&sha256(canonical_request.as_bytes()))
        );
        // The signing key is derived from the secret through the scope, so
        // a leaked key is good for one day, region and service only.
        let secret = format!("AWS4{}", credentials.secret_access_key());
        let date_key = hmac_sha256(secret.as_bytes(), self.date.as_bytes());
        let region_key = hmac_sha256(&date_key, self.region.as_bytes());
        let service_key = hmac_sha256(&region_key, self.service.as_bytes());
        let signing_key = hmac_sha256(&service_key, b"aws4_request");
        let signature = hex(&hmac_sha256(&signing_key, string_to_sign.as_bytes()));
        Signature {
            canonical_request,
            string_to_sign,
            signature,
        }
    }
}

fn check_scope_part(part: &str, which: &'static str) -> Result<(), SigningError> {
    let allowed = |byte: u8| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.');
    if part.is_empty() || !part.bytes().all(allowed) {
        return Err(SigningError::InvalidScope { part: which });
    }
    Ok(())
}

/// `(YYYYMMDD, YYYYMMDDTHHMMSSZ)` in UTC.
fn format_time(time: SystemTime) -> Result<(String, String), SigningError> {
    let timestamp = jiff::Timestamp::try_from(time).map_err(|_| SigningError::InvalidTime)?;
    let utc = jiff::tz::Offset::UTC.to_datetime(timestamp);
    if utc.year() < 0 {
        return Err(SigningError::InvalidTime);
    }
    let date = format!("{:04}{:02}{:02}", utc.year(), utc.month(), utc.day());
    let amz_date = format!("{date}T{:02}{:02}{:02}Z", utc.hour(), utc.minute(), utc.second());
    Ok((date, amz_date))
}

/// The canonical request's last line.
fn payload_hash(kind: &PayloadHash, body: &[u8]) -> Result<String, SigningError> {
    match kind {
        PayloadHash::Computed => Ok(hex(&sha256(body))),
        PayloadHash::Unsigned => Ok(UNSIGNED_PAYLOAD.to_owned()),
        PayloadHash::Precomputed(given) => {
            if given.len() == 64 && given.bytes().all(|byte| byte.is_ascii_hexdigit()) {
                Ok(given.to_ascii_lowercase())
            } else {
                Err(SigningError::InvalidPayloadHash)
            }
        }
    }
}

/// The credentials' session token as a header value, checked up front so
/// that signing fails before it changes the request.
fn session_token_value(credentials: &Credentials) -> Result<Option<HeaderValue>, SigningError> {
    credentials
        .session_token()
        .map(|token| match HeaderValue::from_str(token) {
            Ok(value) if !token.contains('\t') => Ok(value),
            _ => Err(SigningError::InvalidSessionToken),
        })
        .transpose()
}

fn header_value(text: &str) -> Result<HeaderValue, SigningError> {
    // What signing writes is ASCII it built itself; an error here would
    // mean a bug, reported rather than panicking.
    HeaderValue::from_str(text).map_err(|_| SigningError::InvalidUri)
}

/// Signs the URI's host when the request has no `Host` header: the host,
/// with the port unless it is the scheme's default, as HTTP clients send it.
fn add_host_if_missing(headers: &mut CanonicalHeaders, uri: &Uri) -> Result<(), SigningError> {
    if headers.contains("host") {
        return Ok(());
    }
    let authority = uri.authority().ok_or(SigningError::MissingHost)?;
    let default_port = match uri.scheme_str() {
        Some("https") => Some(443),
        Some("http") => Some(80),
        _ => None,
    };
    let host = authority.host().to_ascii_lowercase();
    match authority.port_u16() {
        Some(port) if Some(port) != default_port => headers.add("host", &format!("{host}:{port}")),
        _ => headers.add("host", &host),
    }
    Ok(())
}

fn canonical_request(
    method: &str,
    uri: &Uri,
    settings: &SigningSettings,
    canonical_query: &str,
    headers: &CanonicalHeaders,
    payload_hash: &str,
) -> String {
    let mut out = String::with_capacity(256);
    out.push_str(method);
    out.push('\n');
    out.push_str(&canonical_path(
        uri.path(),
        settings.normalizes_path(),
        settings.path_encoding_mode(),
    ));
    out.push('\n');
    out.push_str(canonical_query);
    out.push('\n');
    headers.write_to(&mut out);
    out.push('\n');
    out.push_str(&headers.signed_names());
    out.push('\n');
    out.push_str(payload_hash);
    out
}

/// The query's `&`-separated pieces, as written, without the parameters
/// presigning sets.
fn without_presign_parameters(query: &str) -> String {
    let kept: Vec<&str> = query
        .split('&')
        .filter(|piece| {
            let key = piece.split_once('=').map_or(*piece, |(key, _)| key);
            !piece.is_empty() && !PRESIGN_PARAMETERS.contains(&key)
        })
        .collect();
    kept.join("&")
}

fn with_query(uri: &Uri, query: &str) -> Result<Uri, SigningError> {
    let path_and_query: PathAndQuery = format!("{}?{query}", uri.path())
        .parse()
        .map_err(|_| SigningError::InvalidUri)?;
    let mut parts = uri.clone().into_parts();
    parts.path_and_query = Some(path_and_query);
    Uri::from_parts(parts).map_err(|_| SigningError::InvalidUri)
}

#[cfg(test)]
mod tests;
