//! Forward compatibility: a response written by a newer model (new members,
//! new enum and intEnum values, new union variants) decodes with types
//! generated from the older one, keeps what it cannot name, and writes the
//! values it kept back unchanged. Members the older model does not have are
//! skipped, as every AWS SDK does.

use serde_json::{Value, json};

mod v1 {
    sesv2_model::smithy_model!(model = "models/compat-v1.json");
}

mod v2 {
    sesv2_model::smithy_model!(model = "models/compat-v2.json");
}

/// A job as a service on version 2 of the model writes it.
fn newer_job() -> Value {
    json!({
        "Id": "job-7",
        "Status": "PAUSED",
        "Priority": 99,
        "Target": { "Webhook": { "Url": "https://example.com/hook", "Secret": "s3cr3t" } },
        "Targets": [
            { "Email": "ops@example.com" },
            { "Webhook": { "Url": "https://example.com/other" } },
            { "Topic": { "Arn": "arn:aws:sns:us-east-1:123456789012:jobs" } },
        ],
        "Progress": { "Done": 3, "Total": 10 },
        "Labels": { "team": "mail" },
    })
}

fn without(mut value: Value, members: &[&str]) -> Value {
    for member in members {
        value.as_object_mut().unwrap().remove(*member);
    }
    value
}

#[test]
fn a_newer_response_decodes_with_older_types_and_keeps_what_they_cannot_name() {
    let job: v1::Job = serde_json::from_value(newer_job()).unwrap();
    assert_eq!(job.id(), "job-7");
    assert_eq!(job.status().map(v1::Status::as_str), Some("PAUSED"));
    assert!(matches!(job.status(), Some(v1::Status::Unknown(_))));
    assert_eq!(job.priority().map(|priority| priority.value()), Some(99));
    let Some(v1::Target::Unknown(webhook)) = job.target() else {
        panic!("the new union variant is kept as unknown: {:?}", job.target());
    };
    assert_eq!(webhook.name(), "Webhook");
    let targets = job.targets().unwrap();
    assert_eq!(targets.len(), 3);
    assert_eq!(targets[0], v1::Target::Email("ops@example.com".to_owned()));
    assert!(matches!(&targets[1], v1::Target::Unknown(member) if member.name() == "Webhook"));
}

#[test]
fn what_older_types_kept_is_written_back_unchanged() {
    let job: v1::Job = serde_json::from_value(newer_job()).unwrap();
    let written = serde_json::to_value(&job).unwrap();
    assert_eq!(written, without(newer_job(), &["Progress", "Labels"]));

    // The newer types read what the older ones wrote as the newer service
    // meant it, but for the members the older types skipped.
    let newer: v2::Job = serde_json::from_value(written).unwrap();
    let original: v2::Job = serde_json::from_value(without(newer_job(), &["Progress", "Labels"])).unwrap();
    assert_eq!(newer, original);
    assert_eq!(newer.status(), Some(&v2::Status::Paused));
    assert_eq!(newer.priority(), Some(&v2::Priority::Urgent));
    let Some(v2::Target::Webhook(webhook)) = newer.target() else {
        panic!("{:?}", newer.target());
    };
    assert_eq!(webhook.secret(), Some("s3cr3t"));
}

#[test]
fn a_newer_get_import_job_response_decodes_and_keeps_its_new_values() {
    let body = json!({
        "JobId": "ef28cf62-9d8e-4b60-9283-b09816c99a99",
        "JobStatus": "PAUSED",
        "ImportDataSource": { "S3Url": "s3://bucket/contacts.parquet", "DataFormat": "PARQUET", "Compression": "ZSTD" },
        "ImportDestination": {
            "ContactListDestination": { "ContactListName": "news", "ContactListImportAction": "MERGE" },
            "AudienceDestination": { "AudienceId": "a-1" },
        },
        "ProcessedRecordsCount": 10,
        "EstimatedCompletionTimestamp": 1700000000,
        "Warnings": [{ "Row": 3, "Message": "duplicate" }],
    });
    let response: sesv2_model::GetImportJobResponse = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(response.job_status().map(|status| status.as_str()), Some("PAUSED"));
    let source = response.import_data_source().unwrap();
    assert_eq!(source.data_format().as_str(), "PARQUET");
    let contact_list = response
        .import_destination()
        .unwrap()
        .contact_list_destination()
        .unwrap();
    assert_eq!(contact_list.contact_list_import_action().as_str(), "MERGE");

    let mut expected = without(body, &["EstimatedCompletionTimestamp", "Warnings"]);
    expected["ImportDataSource"]
        .as_object_mut()
        .unwrap()
        .remove("Compression");
    expected["ImportDestination"]
        .as_object_mut()
        .unwrap()
        .remove("AudienceDestination");
    assert_eq!(serde_json::to_value(&response).unwrap(), expected);
}
