//! The macro called through `sesv2_model_macros`, with the model path as
//! its only argument: every shape of the model's service.
#![deny(warnings)]

sesv2_model_macros::smithy_model!(file_relative("../../../models/sesv2.json"));

fn main() {
    let job: GetImportJobResponse = serde_json::from_str(r#"{"JobStatus": "CREATED"}"#).expect("decodes");
    assert_eq!(job.job_status(), Some(&JobStatus::Created));
    let _ = builders::FailureInfoBuilder::default().build();
}
