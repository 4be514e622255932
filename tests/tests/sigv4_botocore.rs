//! sesv2_model::sigv4 against botocore's SigV4 signer on random requests.
//!
//! `scripts/sigv4-botocore.py` generates the requests and signs them with
//! botocore; this test runs it (or reads the file `SIGV4_BOTOCORE_CASES`
//! names, when the script runs the test itself with other `--cases` or
//! `--seed`), signs the same requests in headers and presigned, and asserts
//! botocore's canonical requests, authorization headers and signatures.
//! Without Python and botocore it fails under CI and says why elsewhere.

use std::time::{Duration, SystemTime};

use serde_json::Value;
use sesv2_model::credentials::Credentials;
use sesv2_model::http::{HeaderName, HeaderValue, Method, Request};
use sesv2_model::sigv4::{self, SigningParams, SigningSettings};

fn text(case: &Value, pointer: &str) -> String {
    case.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("case {}: no text at {pointer}", case["index"]))
        .to_owned()
}

fn number(case: &Value, pointer: &str) -> u64 {
    case.pointer(pointer)
        .and_then(Value::as_u64)
        .unwrap_or_else(|| panic!("case {}: no number at {pointer}", case["index"]))
}

fn body(case: &Value) -> Vec<u8> {
    let hex = text(case, "/body_hex");
    (0..hex.len())
        .step_by(2)
        .map(|start| u8::from_str_radix(&hex[start..start + 2], 16).expect("hex digits"))
        .collect()
}

fn request(case: &Value) -> Request<Vec<u8>> {
    let mut builder = Request::builder()
        .method(Method::from_bytes(text(case, "/method").as_bytes()).expect("a method"))
        .uri(text(case, "/uri"));
    for header in case["headers"].as_array().expect("a header list") {
        let name = header[0].as_str().expect("a header name");
        let value = header[1].as_str().expect("a header value");
        builder = builder.header(
            HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
            HeaderValue::from_str(value).expect("a header value"),
        );
    }
    builder.body(body(case)).expect("a valid request")
}

/// Signs one case both ways; the first difference from botocore, if any.
fn compare(case: &Value, secret: &str) -> Result<(), String> {
    let index = &case["index"];
    let mut credentials = Credentials::new("AKIDEXAMPLE", secret);
    if let Some(token) = case["token"].as_str() {
        credentials = credentials.with_session_token(token);
    }
    let settings = if case["s3"].as_bool() == Some(true) {
        SigningSettings::s3()
    } else {
        SigningSettings::default()
    };
    let time = SystemTime::UNIX_EPOCH + Duration::from_secs(number(case, "/time"));
    let region = text(case, "/region");
    let service = text(case, "/service");
    let params = SigningParams::new(&credentials, &region, &service, time).with_settings(settings);

    let mut signed = request(case);
    let signature = sigv4::sign(&mut signed, &params).map_err(|error| format!("case {index}: {error}"))?;
    let expected_canonical = text(case, "/expected/header_canonical_request");
    if signature.canonical_request() != expected_canonical {
        return Err(format!(
            "case {index} ({}), headers: canonical requests differ\nours:\n{}\nbotocore:\n{expected_canonical}",
            text(case, "/uri"),
            signature.canonical_request()
        ));
    }
    let authorization = signed.headers()["authorization"].to_str().unwrap_or_default();
    if authorization != text(case, "/expected/authorization") {
        return Err(format!("case {index}: authorization differs: {authorization}"));
    }

    let mut presigned = request(case);
    let expires_in = Duration::from_secs(number(case, "/expires"));
    let signature =
        sigv4::presign(&mut presigned, &params, expires_in).map_err(|error| format!("case {index}: {error}"))?;
    let expected_canonical = text(case, "/expected/query_canonical_request");
    if signature.canonical_request() != expected_canonical {
        return Err(format!(
            "case {index} ({}), query: canonical requests differ\nours:\n{}\nbotocore:\n{expected_canonical}",
            text(case, "/uri"),
            signature.canonical_request()
        ));
    }
    if signature.as_hex() != text(case, "/expected/query_signature") {
        return Err(format!("case {index}: presigned signatures differ"));
    }
    Ok(())
}

/// Runs the script to write botocore's signatures of its default cases.
fn botocore_cases() -> Result<String, String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let path = std::env::temp_dir().join(format!("sigv4-botocore-{}.json", std::process::id()));
    let output = std::process::Command::new("python3")
        .arg(root.join("scripts/sigv4-botocore.py"))
        .arg("--write")
        .arg(&path)
        .output()
        .map_err(|error| format!("python3 cannot run: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "scripts/sigv4-botocore.py failed (pip install botocore): {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(path.to_string_lossy().into_owned())
}

#[test]
fn random_requests_sign_exactly_as_botocore_signs_them() {
    let path = match std::env::var("SIGV4_BOTOCORE_CASES") {
        Ok(path) => path,
        Err(_) => match botocore_cases() {
            Ok(path) => path,
            Err(reason) => {
                assert!(std::env::var_os("CI").is_none(), "CI needs botocore: {reason}");
                println!("skipping the botocore comparison: {reason}");
                return;
            }
        },
    };
    let text = std::fs::read_to_string(&path).expect("the cases file");
    if std::env::var_os("SIGV4_BOTOCORE_CASES").is_none() {
        let _ = std::fs::remove_file(&path);
    }
    let json: Value = serde_json::from_str(&text).expect("the cases file is JSON");
    let secret = json["secret"].as_str().expect("the secret");
    let cases = json["cases"].as_array().expect("a case list");
    let failures: Vec<String> = cases.iter().filter_map(|case| compare(case, secret).err()).collect();
    println!(
        "botocore comparison: {} of {} random requests signed and presigned identically",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(!cases.is_empty(), "no cases in {path}");
    assert!(
        failures.is_empty(),
        "{} differ; the first:\n{}",
        failures.len(),
        failures[0]
    );
}
