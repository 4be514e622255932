use sesv2_model::GetImportJobRequest;

fn main() {
    // `JobId` travels in the URI, not in the JSON body, so the body alone
    // cannot make a request: there is no `Deserialize`.
    let _request: GetImportJobRequest = serde_json::from_str(r#"{"JobId": "j-1"}"#).unwrap();
}
