//! The AWS Signature Version 4 test suite (`../shared/aws-runtime/sigv4-test-suite/`):
//! every case directory's request signed in headers and presigned in the
//! query gives exactly the canonical request, string to sign, signature and
//! signed request of the suite's `header-*` and `query-*` files.
//!
//! The suite is data beside the checkout, not part of the repository: when
//! it is missing the test says so and passes, except under CI=true, where it
//! fails.
//!
//! Cases with a `context.json` come from the CRT suite (aws-c-auth). Their
//! request lines hold paths as the signer saw them, encoded at most once:
//! `get-space-normalized` sends `/example%20space/` and expects
//! `/example%20space/` in the canonical request, which only encoding the
//! path once gives. So they are signed with [`PathEncoding::Single`]; the
//! cases whose paths hold no `%` and no space are checked to sign the same
//! with the default double encoding. The two older
//! cases without a `context.json` (`double-encode-path`, `double-url-encode`)
//! check the default double encoding; their parameters are in
//! [`LEGACY_CASES`].

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use sesv2_model::credentials::Credentials;
use sesv2_model::http::{self, HeaderMap, HeaderName, HeaderValue, Method, Request, Uri};
use sesv2_model::sigv4::{self, PathEncoding, PayloadHash, SessionTokenPlacement, SigningParams, SigningSettings};

/// Where the suite is, from the `tests` crate's directory.
const SUITE_DIR: &str = "../../shared/aws-runtime/sigv4-test-suite";

/// The example secret of the AWS documentation, which the older cases use.
const EXAMPLE_SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

/// The older cases, which have no `context.json`: what they were signed with.
struct LegacyCase {
    name: &'static str,
    access_key_id: &'static str,
    secret_access_key: &'static str,
    region: &'static str,
    service: &'static str,
    /// When the canonical request (and string to sign) were made.
    canonical_time: &'static str,
    /// When the signed request was made.
    signed_time: &'static str,
}

const LEGACY_CASES: &[LegacyCase] = &[
    // The canonical request was recorded in 2021; the signed request with
    // the AWS SDK for Rust's test credentials at the suite's usual time.
    LegacyCase {
        name: "double-encode-path",
        access_key_id: "ANOTREAL",
        secret_access_key: "notrealrnrELgWzOk3IfjzDKtFBhDby",
        region: "us-east-1",
        service: "service",
        canonical_time: "2021-05-11T15:40:45Z",
        signed_time: "2015-08-30T12:36:00Z",
    },
    LegacyCase {
        name: "double-url-encode",
        access_key_id: "AKIDEXAMPLE",
        secret_access_key: EXAMPLE_SECRET,
        region: "us-east-2",
        service: "lambda",
        canonical_time: "2021-05-11T15:40:45Z",
        signed_time: "2021-05-11T15:40:45Z",
    },
];

fn suite_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(SUITE_DIR);
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|ci| ci == "true") {
        panic!("CI=true but the SigV4 test suite is missing at {}", dir.display());
    }
    println!("the SigV4 test suite is not at {}; nothing checked", dir.display());
    None
}

fn read(case: &Path, file: &str) -> String {
    let path = case.join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {}: {error}", path.display()));
    text.replace("\r\n", "\n")
}

fn read_trimmed(case: &Path, file: &str) -> String {
    read(case, file).trim_end().to_owned()
}

/// An HTTP/1.1 request as the suite writes it: a request line, headers
/// (a line starting with a space continues the one before, joined by a
/// space as RFC 9112 §5.2 says), an empty line and the body. Header values
/// keep their spaces: trimming them is the signer's job.
fn parse_request(text: &str) -> Request<Vec<u8>> {
    let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut lines = head.lines();
    let request_line = lines.next().expect("a request line");
    let (method, target) = request_line.split_once(' ').expect("a method and a target");
    let target = target.strip_suffix(" HTTP/1.1").unwrap_or(target);

    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            let (_, value) = headers.last_mut().expect("a continuation follows a header");
            value.push(' ');
            value.push_str(line.trim_start());
        } else {
            let (name, value) = line.split_once(':').expect("a header line");
            headers.push((name.to_owned(), value.to_owned()));
        }
    }
    let host = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("host"))
        .map(|(_, value)| value.trim().to_owned())
        .expect("a Host header");
    let uri: Uri = format!("https://{host}{}", uri_safe(target))
        .parse()
        .expect("a valid URI");

    let mut request = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).expect("a method"))
        .uri(uri);
    for (name, value) in headers {
        request = request.header(
            HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
            HeaderValue::from_str(&value).expect("a header value"),
        );
    }
    request.body(body.as_bytes().to_vec()).expect("a valid request")
}

/// `target` with the characters a URI cannot hold (the suite has a raw
/// space) percent-encoded.
fn uri_safe(target: &str) -> String {
    let mut out = String::with_capacity(target.len());
    for character in target.chars() {
        if character == ' ' || character.is_ascii_control() || "\"<>\\^`{|}".contains(character) {
            out.push_str(&format!("%{:02X}", u32::from(character)));
        } else {
            out.push(character);
        }
    }
    out
}

fn system_time(rfc3339: &str) -> SystemTime {
    let timestamp: sesv2_model::Timestamp = rfc3339.parse().expect("an RFC 3339 time");
    SystemTime::try_from(timestamp).expect("a representable time")
}

/// Header values as an HTTP parser reads them: without the spaces around.
fn received_headers(headers: &HeaderMap) -> Vec<(String, String)> {
    let mut received: Vec<(String, String)> = headers
        .iter()
        .map(|(name, value)| {
            let value = value.to_str().expect("visible ASCII");
            (name.as_str().to_owned(), value.trim_matches([' ', '\t']).to_owned())
        })
        .collect();
    // Stable: the values of one name keep their order.
    received.sort_by(|left, right| left.0.cmp(&right.0));
    received
}

fn assert_same_request(case: &str, expected: &Request<Vec<u8>>, actual: &Request<Vec<u8>>) {
    assert_eq!(expected.method(), actual.method(), "{case}: method");
    assert_eq!(expected.uri().to_string(), actual.uri().to_string(), "{case}: URI");
    assert_eq!(
        received_headers(expected.headers()),
        received_headers(actual.headers()),
        "{case}: headers"
    );
    assert_eq!(expected.body(), actual.body(), "{case}: body");
}

/// The settings, credentials and time of a CRT case's `context.json`.
struct Context {
    credentials: Credentials,
    region: String,
    service: String,
    time: SystemTime,
    expires_in: Duration,
    settings: SigningSettings,
    sign_body: bool,
}

fn parse_context(text: &str) -> Context {
    let json: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
    let text_at = |pointer: &str| {
        json.pointer(pointer)
            .and_then(|value| value.as_str())
            .map(str::to_owned)
    };
    let flag = |name: &str| json.get(name).and_then(|value| value.as_bool()).unwrap_or(false);
    let mut credentials = Credentials::new(
        text_at("/credentials/access_key_id").expect("an access key id"),
        text_at("/credentials/secret_access_key").expect("a secret"),
    );
    if let Some(token) = text_at("/credentials/token") {
        credentials = credentials.with_session_token(token);
    }
    let placement = if flag("omit_session_token") {
        SessionTokenPlacement::AddedAfterSigning
    } else {
        SessionTokenPlacement::Signed
    };
    let sign_body = flag("sign_body");
    let settings = SigningSettings::default()
        .path_encoding(PathEncoding::Single)
        .normalize_path(flag("normalize"))
        .session_token_placement(placement)
        .payload_hash(PayloadHash::Computed)
        .content_sha256_header(sign_body);
    Context {
        credentials,
        region: text_at("/region").expect("a region"),
        service: text_at("/service").expect("a service"),
        time: system_time(&text_at("/timestamp").expect("a timestamp")),
        expires_in: Duration::from_secs(
            json.get("expiration_in_seconds")
                .and_then(|value| value.as_u64())
                .expect("an expiry"),
        ),
        settings,
        sign_body,
    }
}

fn check_crt_case(case_dir: &Path, name: &str) {
    let context = parse_context(&read(case_dir, "context.json"));
    let params = SigningParams::new(&context.credentials, &context.region, &context.service, context.time)
        .with_settings(context.settings.clone());
    let request = parse_request(&read(case_dir, "request.txt"));

    let mut signed = request.clone();
    let signature = sigv4::sign(&mut signed, &params).unwrap_or_else(|error| panic!("{name}: signing failed: {error}"));
    let label = format!("{name} (headers)");
    assert_eq!(
        signature.canonical_request(),
        read_trimmed(case_dir, "header-canonical-request.txt"),
        "{label}: canonical request"
    );
    assert_eq!(
        signature.string_to_sign(),
        read_trimmed(case_dir, "header-string-to-sign.txt"),
        "{label}: string to sign"
    );
    assert_eq!(
        signature.as_hex(),
        read_trimmed(case_dir, "header-signature.txt"),
        "{label}: signature"
    );
    assert_same_request(
        &label,
        &parse_request(&read(case_dir, "header-signed-request.txt")),
        &signed,
    );

    // Where the path holds nothing that encodes (no `%`, no space), the
    // default double encoding signs the same.
    let request_line = read(case_dir, "request.txt")
        .lines()
        .next()
        .map(str::to_owned)
        .unwrap_or_default();
    if !request_line.contains('%') && request_line.matches(' ').count() == 2 {
        let double = SigningParams::new(&context.credentials, &context.region, &context.service, context.time)
            .with_settings(context.settings.clone().path_encoding(PathEncoding::Double));
        let double_signature = sigv4::sign(&mut request.clone(), &double).expect("signable");
        assert_eq!(double_signature, signature, "{label}: double encoding differs");
    }

    let mut presigned = request;
    let signature = sigv4::presign(&mut presigned, &params, context.expires_in)
        .unwrap_or_else(|error| panic!("{name}: presigning failed: {error}"));
    let label = format!("{name} (query, sign_body={})", context.sign_body);
    assert_eq!(
        signature.canonical_request(),
        read_trimmed(case_dir, "query-canonical-request.txt"),
        "{label}: canonical request"
    );
    assert_eq!(
        signature.string_to_sign(),
        read_trimmed(case_dir, "query-string-to-sign.txt"),
        "{label}: string to sign"
    );
    assert_eq!(
        signature.as_hex(),
        read_trimmed(case_dir, "query-signature.txt"),
        "{label}: signature"
    );
    assert_same_request(
        &label,
        &parse_request(&read(case_dir, "query-signed-request.txt")),
        &presigned,
    );
}

fn check_legacy_case(case_dir: &Path, case: &LegacyCase) {
    let credentials = Credentials::new(case.access_key_id, case.secret_access_key);
    let request = parse_request(&read(case_dir, "request.txt"));

    let params = SigningParams::new(
        &credentials,
        case.region,
        case.service,
        system_time(case.canonical_time),
    );
    let signature = sigv4::sign(&mut request.clone(), &params).expect("signable");
    assert_eq!(
        signature.canonical_request(),
        read_trimmed(case_dir, "header-canonical-request.txt"),
        "{}: canonical request",
        case.name
    );
    if case_dir.join("header-string-to-sign.txt").is_file() {
        assert_eq!(
            signature.string_to_sign(),
            read_trimmed(case_dir, "header-string-to-sign.txt"),
            "{}: string to sign",
            case.name
        );
    }

    let params = SigningParams::new(&credentials, case.region, case.service, system_time(case.signed_time));
    let mut signed = request;
    sigv4::sign(&mut signed, &params).expect("signable");
    assert_same_request(
        case.name,
        &parse_request(&read(case_dir, "header-signed-request.txt")),
        &signed,
    );
}

#[test]
fn every_case_of_the_suite_signs_and_presigns_exactly_as_expected() {
    let Some(suite) = suite_dir() else { return };
    let mut case_dirs: Vec<PathBuf> = std::fs::read_dir(&suite)
        .expect("a readable suite directory")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_dir())
        .collect();
    case_dirs.sort();

    let (mut crt_cases, mut legacy_cases) = (0, 0);
    for case_dir in &case_dirs {
        let name = case_dir
            .file_name()
            .and_then(|name| name.to_str())
            .expect("a UTF-8 name");
        if case_dir.join("context.json").is_file() {
            check_crt_case(case_dir, name);
            crt_cases += 1;
        } else {
            let case = LEGACY_CASES
                .iter()
                .find(|case| case.name == name)
                .unwrap_or_else(|| panic!("{name}: no context.json and not a known older case"));
            check_legacy_case(case_dir, case);
            legacy_cases += 1;
        }
    }
    println!(
        "SigV4 suite: {crt_cases} cases signed in headers and presigned, {legacy_cases} older cases signed in headers"
    );
    assert!(crt_cases > 0, "no case with a context.json in {}", suite.display());
    assert_eq!(legacy_cases, LEGACY_CASES.len());
}

#[test]
fn the_request_parser_joins_continuation_lines_and_keeps_the_body() {
    let request = parse_request("POST /a b?x=1 HTTP/1.1\nHost:h.example\nMy:one\n  two\n\nbody\n");
    assert_eq!(request.uri(), "https://h.example/a%20b?x=1");
    assert_eq!(request.headers()["my"], "one two");
    assert_eq!(request.body(), b"body\n");
    let _: &http::Method = request.method();
}
