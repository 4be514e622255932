//! The generated GetImportJob types against arbitrary bytes on the wire.
//!
//! Decoding returns a value or an error, never panics; an error says where
//! in the input it failed; a value re-encodes to JSON that decodes to the
//! same value and re-encodes to the same bytes (nothing is lost, unknown
//! enum values included).

#![no_main]

use libfuzzer_sys::fuzz_target;
use sesv2_model::GetImportJobResponse;

fuzz_target!(|body: &[u8]| {
    match serde_json::from_slice::<GetImportJobResponse>(body) {
        Ok(response) => {
            let encoded = serde_json::to_vec(&response).expect("a decoded response encodes");
            let decoded: GetImportJobResponse = serde_json::from_slice(&encoded).expect("an encoded response decodes");
            assert_eq!(decoded, response, "the round trip changed the value");
            let reencoded = serde_json::to_vec(&decoded).expect("a decoded response encodes");
            assert_eq!(reencoded, encoded, "the round trip changed the bytes");
        }
        Err(error) => {
            let message = error.to_string();
            assert!(
                message.contains(" at line ") && message.contains(" column "),
                "an error that does not say where it failed: {message}"
            );
        }
    }
});
