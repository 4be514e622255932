use std::time::{Duration, SystemTime};

use http::Request;

use super::*;

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN: &str = "session/token+value==";

/// 2015-08-30T12:36:00Z, the time of the AWS examples.
fn example_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_440_938_160)
}

fn get(uri: &str) -> Request<Vec<u8>> {
    Request::get(uri).body(Vec::new()).expect("a valid request")
}

fn header<'r>(request: &'r Request<Vec<u8>>, name: &str) -> Option<&'r str> {
    request.headers().get(name).and_then(|value| value.to_str().ok())
}

#[test]
fn signing_adds_the_date_and_authorization_headers() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET);
    let params = SigningParams::new(&credentials, "us-east-1", "service", example_time());
    let mut request = get("https://example.amazonaws.com/");
    let signature = sign(&mut request, &params).expect("signable");
    assert_eq!(
        signature.canonical_request(),
        "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\
         e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        signature.string_to_sign(),
        "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n\
         bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"
    );
    assert_eq!(header(&request, "x-amz-date"), Some("20150830T123600Z"));
    assert_eq!(header(&request, "x-amz-security-token"), None);
    assert_eq!(header(&request, "x-amz-content-sha256"), None);
}

#[test]
fn a_signed_session_token_is_in_the_canonical_request() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET).with_session_token(TOKEN);
    let params = SigningParams::new(&credentials, "us-east-1", "service", example_time());
    let mut request = get("https://example.amazonaws.com/");
    let signature = sign(&mut request, &params).expect("signable");
    assert!(
        signature
            .canonical_request()
            .contains("\nx-amz-security-token:session/token+value==\n\nhost;x-amz-date;x-amz-security-token\n")
    );
    assert_eq!(header(&request, "x-amz-security-token"), Some(TOKEN));
}

#[test]
fn a_token_added_after_signing_is_sent_but_not_signed() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET).with_session_token(TOKEN);
    let settings = SigningSettings::default().session_token_placement(SessionTokenPlacement::AddedAfterSigning);
    let params = SigningParams::new(&credentials, "us-east-1", "service", example_time()).with_settings(settings);

    let mut request = get("https://example.amazonaws.com/");
    let signature = sign(&mut request, &params).expect("signable");
    assert!(!signature.canonical_request().contains("x-amz-security-token"));
    assert_eq!(header(&request, "x-amz-security-token"), Some(TOKEN));

    // The signature is that of the same request without a token.
    let without_token = Credentials::new("AKIDEXAMPLE", SECRET);
    let plain = SigningParams::new(&without_token, "us-east-1", "service", example_time());
    let plain_signature = sign(&mut get("https://example.amazonaws.com/"), &plain).expect("signable");
    assert_eq!(signature.as_hex(), plain_signature.as_hex());

    let mut presigned = get("https://example.amazonaws.com/");
    let signature = presign(&mut presigned, &params, Duration::from_secs(60)).expect("presignable");
    assert!(!signature.canonical_request().contains("Security-Token"));
    let query = presigned.uri().query().expect("a query");
    assert!(query.contains("&X-Amz-Security-Token=session%2Ftoken%2Bvalue%3D%3D&X-Amz-Signature="));
}

#[test]
fn presigning_signs_the_token_in_the_query_by_default() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET).with_session_token(TOKEN);
    let params = SigningParams::new(&credentials, "us-east-1", "service", example_time());
    let mut request = get("https://example.amazonaws.com/path?b=1&a=2");
    let signature = presign(&mut request, &params, Duration::from_secs(900)).expect("presignable");
    assert_eq!(
        signature.canonical_request().lines().nth(2),
        Some(
            // Uppercase sorts before lowercase: byte order.
            "X-Amz-Algorithm=AWS4-HMAC-SHA256\
             &X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request\
             &X-Amz-Date=20150830T123600Z&X-Amz-Expires=900\
             &X-Amz-Security-Token=session%2Ftoken%2Bvalue%3D%3D&X-Amz-SignedHeaders=host&a=2&b=1"
        )
    );
    let expected_query = format!(
        "b=1&a=2&X-Amz-Algorithm=AWS4-HMAC-SHA256\
         &X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request\
         &X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host&X-Amz-Expires=900\
         &X-Amz-Security-Token=session%2Ftoken%2Bvalue%3D%3D&X-Amz-Signature={}",
        signature.as_hex()
    );
    assert_eq!(request.uri().query(), Some(expected_query.as_str()));
    assert!(request.headers().is_empty(), "presigning adds no header");
}

#[test]
fn signing_again_replaces_the_previous_signature() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET).with_session_token(TOKEN);
    let params = SigningParams::new(&credentials, "us-east-1", "service", example_time());
    let mut request = get("https://example.amazonaws.com/");
    let first = sign(&mut request, &params).expect("signable");
    let second = sign(&mut request, &params).expect("signable");
    assert_eq!(first, second);
    assert_eq!(request.headers().get_all("authorization").iter().count(), 1);
    assert_eq!(request.headers().get_all("x-amz-security-token").iter().count(), 1);

    let mut presigned = get("https://example.amazonaws.com/?x=1");
    let first = presign(&mut presigned, &params, Duration::from_secs(60)).expect("presignable");
    let once = presigned.uri().clone();
    let second = presign(&mut presigned, &params, Duration::from_secs(60)).expect("presignable");
    assert_eq!(first, second);
    assert_eq!(presigned.uri(), &once);
}

#[test]
fn the_content_sha256_header_carries_the_payload_hash() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET);
    let params =
        SigningParams::new(&credentials, "us-east-1", "s3", example_time()).with_settings(SigningSettings::s3());
    let mut request = Request::put("https://bucket.s3.amazonaws.com/key")
        .body(b"abc".to_vec())
        .expect("valid");
    let signature = sign(&mut request, &params).expect("signable");
    let abc_hash = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assert_eq!(header(&request, "x-amz-content-sha256"), Some(abc_hash));
    assert!(signature.canonical_request().ends_with(&format!(
        "x-amz-content-sha256:{abc_hash}\nx-amz-date:20150830T123600Z\n\nhost;x-amz-content-sha256;x-amz-date\n{abc_hash}"
    )));

    let unsigned = SigningSettings::s3().payload_hash(PayloadHash::Unsigned);
    let params = params.with_settings(unsigned);
    let signature = sign(&mut request, &params).expect("signable");
    assert_eq!(header(&request, "x-amz-content-sha256"), Some("UNSIGNED-PAYLOAD"));
    assert!(signature.canonical_request().ends_with("\nUNSIGNED-PAYLOAD"));
}

#[test]
fn a_precomputed_payload_hash_must_be_a_sha256() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET);
    let given = "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD";
    let settings = SigningSettings::default().payload_hash(PayloadHash::Precomputed(given.to_owned()));
    let params = SigningParams::new(&credentials, "us-east-1", "service", example_time()).with_settings(settings);
    let signature = sign(&mut get("https://example.amazonaws.com/"), &params).expect("signable");
    assert!(signature.canonical_request().ends_with(&given.to_ascii_lowercase()));

    for wrong in ["", "abc", &"g".repeat(64), &"a".repeat(65)] {
        let settings = SigningSettings::default().payload_hash(PayloadHash::Precomputed(wrong.to_owned()));
        let params = SigningParams::new(&credentials, "us-east-1", "service", example_time()).with_settings(settings);
        assert_eq!(
            sign(&mut get("https://example.amazonaws.com/"), &params),
            Err(SigningError::InvalidPayloadHash)
        );
    }
}

#[test]
fn the_uri_host_is_signed_with_a_port_only_when_it_is_not_the_default() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET);
    let params = SigningParams::new(&credentials, "us-east-1", "service", example_time());
    let cases = [
        ("https://Example.com:443/", "host:example.com\n"),
        ("http://example.com:80/", "host:example.com\n"),
        ("https://example.com:8443/", "host:example.com:8443\n"),
        ("http://user@example.com:443/", "host:example.com:443\n"),
    ];
    for (uri, expected) in cases {
        let signature = sign(&mut get(uri), &params).expect("signable");
        assert!(
            signature.canonical_request().contains(expected),
            "{uri}: {}",
            signature.canonical_request()
        );
    }
}

#[test]
fn a_host_header_wins_over_the_uri() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET);
    let params = SigningParams::new(&credentials, "us-east-1", "service", example_time());
    let mut request = Request::get("/only-a-path")
        .header("Host", "example.com")
        .body(Vec::new())
        .expect("valid");
    let signature = sign(&mut request, &params).expect("signable");
    assert!(signature.canonical_request().contains("\nhost:example.com\n"));
}

#[test]
fn a_request_without_a_host_is_an_error_and_stays_unchanged() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET);
    let params = SigningParams::new(&credentials, "us-east-1", "service", example_time());
    let mut request = get("/only-a-path");
    assert_eq!(sign(&mut request, &params), Err(SigningError::MissingHost));
    assert_eq!(
        presign(&mut request, &params, Duration::from_secs(60)),
        Err(SigningError::MissingHost)
    );
    assert!(request.headers().is_empty());
    assert_eq!(request.uri(), "/only-a-path");
}

#[test]
fn a_header_that_cannot_be_signed_leaves_the_request_unchanged() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET);
    let params = SigningParams::new(&credentials, "us-east-1", "service", example_time());
    let value = HeaderValue::from_bytes(b"\xff").expect("obs-text is a valid header value");
    let mut request = Request::get("https://example.com/")
        .header("x-odd", value)
        .body(Vec::new())
        .expect("valid");
    assert_eq!(
        sign(&mut request, &params),
        Err(SigningError::InvalidHeaderValue {
            name: "x-odd".to_owned()
        })
    );
    assert_eq!(request.headers().len(), 1);
}

#[test]
fn unsigned_headers_are_sent_but_not_signed() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET);
    let params = SigningParams::new(&credentials, "us-east-1", "service", example_time());
    let mut request = Request::get("https://example.com/")
        .header("User-Agent", "client/1.0")
        .header("X-Amzn-Trace-Id", "Root=1-0")
        .header("Expect", "100-continue")
        .header("Transfer-Encoding", "chunked")
        .header("Authorization", "stale")
        .header("Content-Type", "text/plain")
        .body(Vec::new())
        .expect("valid");
    let signature = sign(&mut request, &params).expect("signable");
    assert!(
        signature
            .canonical_request()
            .contains("\n\ncontent-type;host;x-amz-date\n")
    );
    assert_eq!(header(&request, "user-agent"), Some("client/1.0"));
}

#[test]
fn presigning_checks_the_expiry() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET);
    let params = SigningParams::new(&credentials, "us-east-1", "service", example_time());
    let mut request = get("https://example.com/");
    for (lifetime, seconds) in [
        (Duration::ZERO, 0),
        (Duration::from_millis(999), 0),
        (Duration::from_secs(604_801), 604_801),
    ] {
        assert_eq!(
            presign(&mut request, &params, lifetime),
            Err(SigningError::InvalidExpiry { seconds })
        );
    }
    assert!(presign(&mut request, &params, Duration::from_secs(604_800)).is_ok());
}

#[test]
fn bad_scopes_credentials_and_times_are_errors() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET);
    let at = example_time();
    let cases = [
        (
            SigningParams::new(&credentials, "", "service", at),
            SigningError::InvalidScope { part: "region" },
        ),
        (
            SigningParams::new(&credentials, "us/east", "service", at),
            SigningError::InvalidScope { part: "region" },
        ),
        (
            SigningParams::new(&credentials, "us-east-1", "a b", at),
            SigningError::InvalidScope { part: "service" },
        ),
        (
            SigningParams::new(
                &credentials,
                "us-east-1",
                "service",
                SystemTime::UNIX_EPOCH - Duration::from_secs(70_000_000_000),
            ),
            SigningError::InvalidTime,
        ),
    ];
    for (params, expected) in cases {
        assert_eq!(sign(&mut get("https://example.com/"), &params), Err(expected));
    }
    let odd_key = Credentials::new("AKID/EXAMPLE", SECRET);
    let params = SigningParams::new(&odd_key, "us-east-1", "service", at);
    assert_eq!(
        sign(&mut get("https://example.com/"), &params),
        Err(SigningError::InvalidAccessKeyId)
    );
    let odd_token = Credentials::new("AKIDEXAMPLE", SECRET).with_session_token("line\nbreak");
    let params = SigningParams::new(&odd_token, "us-east-1", "service", at);
    assert_eq!(
        sign(&mut get("https://example.com/"), &params),
        Err(SigningError::InvalidSessionToken)
    );
}

#[test]
fn debug_output_and_errors_never_show_the_secret_or_the_token() {
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET).with_session_token(TOKEN);
    let params = SigningParams::new(&credentials, "us-east-1", "service", example_time());
    let mut request = get("https://example.com/");
    let signature = sign(&mut request, &params).expect("signable");
    let shown = format!("{params:?} {signature:?}");
    assert!(shown.contains("AKIDEXAMPLE"), "{shown}");
    assert!(shown.contains(signature.as_hex()), "{shown}");
    assert!(!shown.contains(SECRET) && !shown.contains("wJalr"), "{shown}");
    assert!(!shown.contains(TOKEN), "{shown}");

    let failing = SigningParams::new(&credentials, "us-east-1", "service", example_time())
        .with_settings(SigningSettings::default().payload_hash(PayloadHash::Precomputed(SECRET.to_owned())));
    let error = sign(&mut request, &failing).expect_err("not a SHA-256");
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains(SECRET), "{shown}");
}
