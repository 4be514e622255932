use sesv2_model::FailureInfo;

fn main() {
    // Generated structures are #[non_exhaustive]: a new model may add
    // members, so other crates build them with `FailureInfo::builder()`.
    let _info = FailureInfo {
        failed_records_s3_url: None,
        error_message: Some("bad rows".to_owned()),
    };
}
