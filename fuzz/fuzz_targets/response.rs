//! Reading HTTP responses against arbitrary status codes, headers and
//! bodies: GetImportJob (body members only) and the `http.json` test
//! model's GetObject (members in headers, prefix headers, the status code
//! and a blob payload). Reading returns the output or the operation's
//! error, never panics; an unhandled error keeps the status and body.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sesv2_model::operations::{GetImportJob, GetImportJobError};
use sesv2_model::{Operation, http};

mod storage {
    sesv2_model::smithy_model!(model = "../tests/models/http.json");
}

/// `status (2 bytes) | header lines "name: value\n" ... | "\n" | body`
fn response(data: &[u8]) -> Option<http::Response<Vec<u8>>> {
    let (status, rest) = data.split_first_chunk::<2>()?;
    let status = 100 + u16::from_be_bytes(*status) % 500;
    let split = rest.windows(2).position(|pair| pair == b"\n\n").unwrap_or(rest.len());
    let (head, body) = rest.split_at(split);
    let mut response = http::Response::builder().status(status);
    for line in head.split(|&byte| byte == b'\n') {
        let Some(colon) = line.iter().position(|&byte| byte == b':') else { continue };
        let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(&line[..colon]),
            http::HeaderValue::from_bytes(line[colon + 1..].trim_ascii()),
        ) else {
            continue;
        };
        response = response.header(name, value);
    }
    response.body(body.get(2..).unwrap_or_default().to_vec()).ok()
}

fuzz_target!(|data: &[u8]| {
    let Some(response) = response(data) else { return };
    let status = response.status().as_u16();
    match GetImportJob::parse_response(&response) {
        Ok(_) => assert!((200..300).contains(&status)),
        Err(GetImportJobError::Unhandled(unhandled)) => {
            assert_eq!(unhandled.status(), status);
            assert_eq!(unhandled.body(), response.body().as_slice());
        }
        Err(_) => assert!(!(200..300).contains(&status)),
    }
    let _ = storage::operations::GetObject::parse_response(&response);
});
