//! `diff`: the changes to the generated Rust API between two versions of a
//! model, each classified as breaking or not for users of the generated
//! code. The workspace's `tests/models/diff-v1.json` and `diff-v2.json` are
//! a small import job service whose second version makes every kind of
//! change.

mod common;

use sesv2_model_codegen::{ApiDiff, Change, ChangeKind, Config, Subject, diff};

fn read_model(name: &str) -> Vec<u8> {
    // Beside the other test models of the workspace, where the command-line
    // tool's tests find them too.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/models")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

fn diff_of(config: &Config, old: &str, new: &str) -> ApiDiff {
    diff(config, &read_model(old), &read_model(new)).unwrap_or_else(|errors| panic!("diff failed: {errors}"))
}

fn v1_to_v2() -> ApiDiff {
    diff_of(&Config::default(), "diff-v1.json", "diff-v2.json")
}

const NS: &str = "example.imports#";

/// The only change of `kind` about `subject` (a shape or member id without
/// the namespace).
fn change<'d>(diff: &'d ApiDiff, subject: &str, kind: ChangeKind) -> &'d Change {
    let subject = format!("{NS}{subject}");
    let found: Vec<&Change> = diff
        .changes()
        .iter()
        .filter(|change| change.subject() == subject && change.kind == kind)
        .collect();
    match found.as_slice() {
        [change] => change,
        _ => panic!(
            "expected one {kind:?} change of {subject}, found {}:\n{diff}",
            found.len()
        ),
    }
}

fn operations(names: &[&str]) -> Config {
    Config {
        operations: names.iter().map(|name| name.to_string()).collect(),
        ..Config::default()
    }
}

#[test]
fn added_optional_member_is_not_breaking() {
    let diff = v1_to_v2();
    let change = change(&diff, "ImportJob$Notes", ChangeKind::MemberAdded);
    assert!(!change.breaking);
    assert_eq!(change.shape, format!("{NS}ImportJob"));
    assert_eq!(change.member.as_deref(), Some("Notes"));
    assert_eq!(change.rust_item, "ImportJob::notes");
    assert!(change.message.contains("`Option<String>`"), "{}", change.message);
}

#[test]
fn added_required_member_is_breaking() {
    let diff = v1_to_v2();
    let change = change(&diff, "ImportJob$Owner", ChangeKind::MemberAdded);
    assert!(change.breaking);
    assert!(change.message.contains("`build()` fails"), "{}", change.message);
}

#[test]
fn first_required_member_makes_build_fallible_which_is_breaking() {
    let diff = v1_to_v2();
    assert!(change(&diff, "ImportOptions$Delimiter", ChangeKind::MemberAdded).breaking);
    let builder = change(&diff, "ImportOptions", ChangeKind::BuilderChanged);
    assert!(builder.breaking);
    assert_eq!(builder.rust_item, "builders::ImportOptionsBuilder::build");
    assert!(
        builder
            .message
            .contains("`Result<ImportOptions, BuildError>` instead of `ImportOptions`"),
        "{}",
        builder.message
    );
}

#[test]
fn removed_members_are_breaking() {
    let diff = v1_to_v2();
    let field = change(&diff, "ImportJob$Legacy", ChangeKind::MemberRemoved);
    assert!(field.breaking);
    assert_eq!(field.rust_item, "ImportJob::legacy");
    let variant = change(&diff, "ImportSource$Inline", ChangeKind::MemberRemoved);
    assert!(variant.breaking);
    assert_eq!(variant.rust_item, "ImportSource::Inline");
}

#[test]
fn optional_member_becoming_required_is_breaking() {
    let diff = v1_to_v2();
    let change = change(&diff, "ImportJob$Status", ChangeKind::MemberTypeChanged);
    assert!(change.breaking);
    assert_eq!(
        change.message,
        "type changed from `Option<JobStatus>` to `JobStatus` (optional -> required)"
    );
}

#[test]
fn member_type_change_is_breaking_and_names_both_types() {
    let diff = v1_to_v2();
    let change = change(&diff, "ImportJob$RecordCount", ChangeKind::MemberTypeChanged);
    assert!(change.breaking);
    assert_eq!(change.message, "type changed from `Option<i32>` to `Option<i64>`");
}

#[test]
fn required_member_gaining_a_default_is_not_breaking() {
    let diff = v1_to_v2();
    let change = change(&diff, "ImportJob$Attempts", ChangeKind::MemberPresenceChanged);
    assert!(!change.breaking);
    assert!(
        change.message.starts_with("required -> defaulted (type stays `i32`)"),
        "{}",
        change.message
    );
}

#[test]
fn defaulted_member_becoming_required_is_breaking() {
    let diff = v1_to_v2();
    let change = change(&diff, "ImportJob$MaxErrors", ChangeKind::MemberPresenceChanged);
    assert!(change.breaking);
    assert!(
        change.message.starts_with("defaulted -> required (type stays `i32`)"),
        "{}",
        change.message
    );
}

#[test]
fn changed_default_is_not_breaking() {
    let diff = v1_to_v2();
    let change = change(&diff, "ImportJob$RetryLimit", ChangeKind::MemberPresenceChanged);
    assert!(!change.breaking);
    assert!(
        change.message.starts_with("default changed from `3` to `5`"),
        "{}",
        change.message
    );
}

#[test]
fn enum_values_added_are_not_breaking_and_removed_ones_are() {
    let diff = v1_to_v2();
    let added = change(&diff, "JobStatus$CANCELLED", ChangeKind::EnumValueAdded);
    assert!(!added.breaking);
    assert_eq!(added.rust_item, "JobStatus::Cancelled");
    assert!(!change(&diff, "Priority$MEDIUM", ChangeKind::EnumValueAdded).breaking);
    let removed = change(&diff, "JobStatus$FAILED", ChangeKind::EnumValueRemoved);
    assert!(removed.breaking);
    assert_eq!(removed.rust_item, "JobStatus::Failed");
}

#[test]
fn enum_value_with_a_new_wire_value_is_breaking() {
    let diff = v1_to_v2();
    let string = change(&diff, "JobStatus$DONE", ChangeKind::EnumValueChanged);
    assert!(string.breaking);
    assert!(
        string
            .message
            .starts_with("wire value changed from `DONE` to `COMPLETED`"),
        "{}",
        string.message
    );
    let integer = change(&diff, "Priority$HIGH", ChangeKind::EnumValueChanged);
    assert!(integer.breaking);
    assert!(
        integer.message.starts_with("wire value changed from `9` to `10`"),
        "{}",
        integer.message
    );
}

#[test]
fn union_member_added_is_not_breaking() {
    let diff = v1_to_v2();
    let change = change(&diff, "ImportSource$Ftp", ChangeKind::MemberAdded);
    assert!(!change.breaking);
    assert!(change.message.contains("variant `Ftp(String)`"), "{}", change.message);
}

#[test]
fn shape_changing_kind_is_breaking_and_its_members_are_not_compared() {
    let diff = v1_to_v2();
    let change = change(&diff, "Destination", ChangeKind::ShapeKindChanged);
    assert!(change.breaking);
    assert_eq!(
        change.message,
        "was a structure, is now a union: the generated item and its methods differ"
    );
    assert!(
        !diff
            .changes()
            .iter()
            .any(|change| change.member.is_some() && change.shape == format!("{NS}Destination")),
        "{diff}"
    );
}

#[test]
fn renamed_rust_type_is_breaking_and_changes_the_types_that_name_it() {
    let diff = v1_to_v2();
    let renamed = change(&diff, "Summary", ChangeKind::RustNameChanged);
    assert!(renamed.breaking);
    assert_eq!(renamed.rust_item, "JobSummary");
    let member = change(&diff, "ImportJob$Summaries", ChangeKind::MemberTypeChanged);
    assert_eq!(
        member.message,
        "type changed from `Option<Vec<Summary>>` to `Option<Vec<JobSummary>>`"
    );
}

#[test]
fn shapes_added_to_the_selection_are_not_breaking_and_removed_ones_are() {
    let diff = v1_to_v2();
    assert!(!change(&diff, "Warning", ChangeKind::ShapeAdded).breaking);
    assert!(!change(&diff, "CancelImportJob", ChangeKind::ShapeAdded).breaking);
    assert!(change(&diff, "LegacyInfo", ChangeKind::ShapeRemoved).breaking);
    let operation = change(&diff, "DeleteImportJob", ChangeKind::ShapeRemoved);
    assert!(operation.breaking);
    assert_eq!(operation.rust_item, "operations::DeleteImportJob");
    // Lists and other simple shapes only matter through the members using them.
    assert!(
        !diff.changes().iter().any(|change| change.shape.ends_with("List")),
        "{diff}"
    );
}

#[test]
fn operation_errors_added_are_not_breaking_and_removed_ones_are() {
    let diff = v1_to_v2();
    let added = change(&diff, "GetImportJob", ChangeKind::OperationErrorAdded);
    assert!(!added.breaking);
    assert_eq!(added.rust_item, "operations::GetImportJobError::AccessDenied");
    let removed = change(&diff, "GetImportJob", ChangeKind::OperationErrorRemoved);
    assert!(removed.breaking);
    assert_eq!(removed.rust_item, "operations::GetImportJobError::Throttled");
}

#[test]
fn operation_output_of_another_type_is_breaking() {
    let diff = v1_to_v2();
    let change = change(&diff, "CreateImportJob", ChangeKind::OperationTypesChanged);
    assert!(change.breaking);
    assert_eq!(
        change.message,
        "`Operation::Output` changed from `CreateImportJobResponse` to `CreateImportJobResult`"
    );
}

#[test]
fn json_name_and_timestamp_format_changes_are_wire_only_and_not_breaking() {
    let diff = v1_to_v2();
    let json_name = change(&diff, "ImportJob$SourceUrl", ChangeKind::WireNameChanged);
    assert!(!json_name.breaking);
    assert!(
        json_name
            .message
            .starts_with("JSON name changed from `sourceUrl` to `source_url`")
    );
    let format = change(&diff, "ImportJob$CreatedAt", ChangeKind::TimestampFormatChanged);
    assert!(!format.breaking);
    assert!(
        format
            .message
            .starts_with("timestamp format changed from `epoch-seconds` to `date-time`")
    );
}

#[test]
fn changes_are_ordered_by_shape_then_member_and_counted() {
    let diff = v1_to_v2();
    let keys: Vec<(&str, Option<&str>)> = diff
        .changes()
        .iter()
        .map(|change| (change.shape.as_str(), change.member.as_deref()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(diff.is_breaking());
    assert_eq!(
        diff.breaking_count(),
        diff.changes().iter().filter(|change| change.breaking).count()
    );
    assert_eq!(diff.breaking_count(), 21);
    assert_eq!(diff.changes().len(), 37);
}

#[test]
fn report_for_v1_to_v2() {
    let expected = "\
ok: example.imports#AccessDenied (AccessDenied): structure added: a new type, nothing existing changes
ok: example.imports#CancelImportJob (operations::CancelImportJob): operation added: a new operation type and error enum, nothing existing changes
ok: example.imports#CancelImportJobRequest (CancelImportJobRequest): structure added: a new type, nothing existing changes
breaking: example.imports#CreateImportJob (operations::CreateImportJob): `Operation::Output` changed from `CreateImportJobResponse` to `CreateImportJobResult`
ok: example.imports#CreateImportJobRequest$ClientToken (CreateImportJobRequest::client_token): optional member added (`Option<String>`): the struct is #[non_exhaustive] and builders leave it unset
breaking: example.imports#CreateImportJobResponse (CreateImportJobResponse): structure removed: the type is no longer generated
ok: example.imports#CreateImportJobResult (CreateImportJobResult): structure added: a new type, nothing existing changes
breaking: example.imports#DeleteImportJob (operations::DeleteImportJob): operation removed: its type and error enum are no longer generated
breaking: example.imports#DeleteImportJobRequest (DeleteImportJobRequest): structure removed: the type is no longer generated
breaking: example.imports#Destination (Destination): was a structure, is now a union: the generated item and its methods differ
breaking: example.imports#GetImportJob (operations::GetImportJobError::Throttled): error `example.imports#Throttled` removed: its variant of the error enum no longer exists
ok: example.imports#GetImportJob (operations::GetImportJobError::AccessDenied): error `example.imports#AccessDenied` added: the error enum is #[non_exhaustive]; this error, `Unhandled` before, gets its own variant
ok: example.imports#ImportJob$Attempts (ImportJob::attempts): required -> defaulted (type stays `i32`): `build()` fills in the default when it is not set
ok: example.imports#ImportJob$CreatedAt (ImportJob::created_at): timestamp format changed from `epoch-seconds` to `date-time`: same Rust API, the generated serde follows the wire
breaking: example.imports#ImportJob$Legacy (ImportJob::legacy): member removed: its field, accessor and builder setters no longer exist
breaking: example.imports#ImportJob$MaxErrors (ImportJob::max_errors): defaulted -> required (type stays `i32`): `build()` fails for code that does not set it
ok: example.imports#ImportJob$Notes (ImportJob::notes): optional member added (`Option<String>`): the struct is #[non_exhaustive] and builders leave it unset
breaking: example.imports#ImportJob$Owner (ImportJob::owner): required member added (`String`): `build()` fails for code that does not set it
breaking: example.imports#ImportJob$RecordCount (ImportJob::record_count): type changed from `Option<i32>` to `Option<i64>`
ok: example.imports#ImportJob$RetryLimit (ImportJob::retry_limit): default changed from `3` to `5`: unset members take the new value
ok: example.imports#ImportJob$SourceUrl (ImportJob::source_url): JSON name changed from `sourceUrl` to `source_url`: same Rust API, the generated serde follows the wire
breaking: example.imports#ImportJob$Status (ImportJob::status): type changed from `Option<JobStatus>` to `JobStatus` (optional -> required)
breaking: example.imports#ImportJob$Summaries (ImportJob::summaries): type changed from `Option<Vec<Summary>>` to `Option<Vec<JobSummary>>`
ok: example.imports#ImportJob$Warnings (ImportJob::warnings): optional member added (`Option<Vec<Warning>>`): the struct is #[non_exhaustive] and builders leave it unset
breaking: example.imports#ImportOptions (builders::ImportOptionsBuilder::build): `build()` now returns `Result<ImportOptions, BuildError>` instead of `ImportOptions`, and `ImportOptions` no longer implements `Default`
breaking: example.imports#ImportOptions$Delimiter (ImportOptions::delimiter): required member added (`String`): `build()` fails for code that does not set it
ok: example.imports#ImportSource$Ftp (ImportSource::Ftp): member added (variant `Ftp(String)`): the enum is #[non_exhaustive]
breaking: example.imports#ImportSource$Inline (ImportSource::Inline): member removed: its variant no longer exists
ok: example.imports#JobStatus$CANCELLED (JobStatus::Cancelled): value `CANCELLED` added: the enum is #[non_exhaustive]; the value, read as `Unknown` before, gets its own variant
breaking: example.imports#JobStatus$DONE (JobStatus::Done): wire value changed from `DONE` to `COMPLETED`: the same variant now reads and writes another value, so values that code or stored data hold for it no longer match
breaking: example.imports#JobStatus$FAILED (JobStatus::Failed): value `FAILED` removed: its variant no longer exists
breaking: example.imports#LegacyInfo (LegacyInfo): structure removed: the type is no longer generated
breaking: example.imports#Priority$HIGH (Priority::High): wire value changed from `9` to `10`: the same variant now reads and writes another value, so values that code or stored data hold for it no longer match
ok: example.imports#Priority$MEDIUM (Priority::Medium): value `5` added: the enum is #[non_exhaustive]; the value, read as `Unknown` before, gets its own variant
breaking: example.imports#Summary (JobSummary): the Rust type `Summary` is renamed `JobSummary`: code naming it no longer compiles
breaking: example.imports#Throttled (Throttled): structure removed: the type is no longer generated
ok: example.imports#Warning (Warning): structure added: a new type, nothing existing changes
37 changes, 21 breaking";
    assert_eq!(v1_to_v2().to_string(), expected);
}

#[test]
fn identical_models_report_no_change() {
    for model in ["diff-v1.json", "diff-v2.json"] {
        let diff = diff_of(&Config::default(), model, model);
        assert!(diff.is_empty(), "{diff}");
        assert!(!diff.is_breaking());
        assert_eq!(diff.breaking_count(), 0);
        assert_eq!(diff.to_string(), "no changes: both models generate the same Rust API");
    }
}

#[test]
fn only_the_selected_closure_is_compared() {
    let diff = diff_of(&operations(&["GetImportJob"]), "diff-v1.json", "diff-v2.json");
    // CreateImportJobRequest gained a member, but GetImportJob does not reach it.
    for change in diff.changes() {
        assert!(!change.shape.contains("CreateImportJob"), "{change}");
    }
    assert!(
        !diff
            .changes()
            .iter()
            .any(|change| change.subject().contains("ClientToken")),
        "{diff}"
    );
    assert!(
        !diff
            .changes()
            .iter()
            .any(|change| change.shape.ends_with("DeleteImportJob")),
        "{diff}"
    );
    assert!(change(&diff, "ImportJob$Status", ChangeKind::MemberTypeChanged).breaking);
    assert!(!change(&diff, "GetImportJob", ChangeKind::OperationErrorAdded).breaking);
    assert!(diff.changes().len() < v1_to_v2().changes().len());
}

#[test]
fn selecting_a_shape_compares_its_closure() {
    let config = Config {
        shapes: vec![format!("{NS}ImportSource")],
        ..Config::default()
    };
    let diff = diff_of(&config, "diff-v1.json", "diff-v2.json");
    let subjects: Vec<String> = diff.changes().iter().map(Change::subject).collect();
    assert_eq!(
        subjects,
        [format!("{NS}ImportSource$Ftp"), format!("{NS}ImportSource$Inline")]
    );
    assert_eq!(diff.breaking_count(), 1);
    assert!(diff.to_string().ends_with("\n2 changes, 1 breaking"), "{diff}");
}

/// v2 with a member whose target does not exist.
fn broken_model() -> Vec<u8> {
    let text = String::from_utf8(read_model("diff-v2.json")).unwrap();
    let broken = text.replacen(
        "\"target\": \"example.imports#WarningList\"",
        "\"target\": \"example.imports#WarningLst\"",
        1,
    );
    assert_ne!(broken, text);
    broken.into_bytes()
}

#[test]
fn broken_new_model_is_reported_as_the_new_model() {
    let errors = diff(&Config::default(), &read_model("diff-v1.json"), &broken_model()).unwrap_err();
    assert!(!errors.is_empty());
    for error in &errors {
        assert!(error.message().starts_with("in the new model: "), "{error}");
        assert!(error.message().contains("WarningLst"), "{error}");
        assert_eq!(error.subject(), Subject::Model);
    }
}

#[test]
fn broken_old_model_is_reported_as_the_old_model_and_both_are_reported() {
    let errors = diff(
        &Config::default(),
        b"{\"smithy\": \"2.0\", \"shapes\": {",
        &read_model("diff-v2.json"),
    )
    .unwrap_err();
    let messages: Vec<&str> = errors.iter().map(|error| error.message()).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].starts_with("in the old model: the model is not valid JSON"),
        "{messages:?}"
    );

    let errors = diff(&Config::default(), b"[]", &broken_model()).unwrap_err();
    let messages: Vec<&str> = errors.iter().map(|error| error.message()).collect();
    assert!(messages.len() >= 2, "{messages:?}");
    assert!(messages[0].starts_with("in the old model: "), "{messages:?}");
    assert!(
        messages[1..]
            .iter()
            .all(|message| message.starts_with("in the new model: ")),
        "{messages:?}"
    );
}

#[test]
fn operation_missing_from_the_new_model_is_reported_against_the_config() {
    let errors = diff(
        &operations(&["DeleteImportJob"]),
        &read_model("diff-v1.json"),
        &read_model("diff-v2.json"),
    )
    .unwrap_err();
    let error = errors.iter().next().unwrap();
    assert_eq!(error.subject(), Subject::Operation(0));
    assert!(error.message().starts_with("in the new model: "), "{error}");
    assert!(error.message().contains("DeleteImportJob"), "{error}");
}

#[test]
fn arbitrary_bytes_are_errors_not_panics() {
    let inputs: [&[u8]; 6] = [
        b"",
        b"\xff\xfe",
        b"null",
        b"{}",
        b"{\"smithy\": \"2.0\"}",
        b"{\"smithy\": \"2.0\", \"shapes\": []}",
    ];
    for old in inputs {
        for new in inputs {
            let _ = diff(&Config::default(), old, new);
        }
    }
    let empty = br#"{"smithy": "2.0", "shapes": {}}"#;
    assert!(diff(&Config::default(), empty, empty).unwrap().is_empty());
}

/// Two versions of one structure, for the cases the service models do not show.
fn structure_versions(old_members: &str, new_members: &str) -> ApiDiff {
    let model = |members: &str| {
        format!(
            r#"{{"smithy": "2.0", "shapes": {{
                "example.small#Box": {{"type": "structure", "members": {{{members}}}}},
                "example.small#Shape": {{"type": "union", "members": {{"Dot": {{"target": "smithy.api#Unit"}}}}}}
            }}}}"#
        )
    };
    diff(
        &Config::default(),
        model(old_members).as_bytes(),
        model(new_members).as_bytes(),
    )
    .unwrap_or_else(|errors| panic!("{errors}"))
}

#[test]
fn added_member_with_a_default_is_not_breaking() {
    let diff = structure_versions(
        r#""Size": {"target": "smithy.api#Integer"}"#,
        r#""Size": {"target": "smithy.api#Integer"}, "Depth": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 1}}"#,
    );
    assert_eq!(
        diff.to_string(),
        "ok: example.small#Box$Depth (Box::depth): member with a default added (`i32`): the struct is \
         #[non_exhaustive] and `build()` fills in the default\n1 change, 0 breaking"
    );
}

#[test]
fn last_required_member_becoming_optional_makes_build_infallible_which_is_breaking() {
    let diff = structure_versions(
        r#""Size": {"target": "smithy.api#Integer", "traits": {"smithy.api#required": {}}}"#,
        r#""Size": {"target": "smithy.api#Integer"}"#,
    );
    let kinds: Vec<(ChangeKind, bool)> = diff
        .changes()
        .iter()
        .map(|change| (change.kind, change.breaking))
        .collect();
    assert_eq!(
        kinds,
        [
            (ChangeKind::BuilderChanged, true),
            (ChangeKind::MemberTypeChanged, true)
        ]
    );
    assert_eq!(
        diff.changes()[1].message,
        "type changed from `i32` to `Option<i32>` (required -> optional)"
    );
}

#[test]
fn official_models_do_not_differ_from_themselves() {
    let Some(directory) = common::official_models() else {
        return;
    };
    let mut compared = 0;
    for entry in std::fs::read_dir(&directory).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|extension| extension != "json") {
            continue;
        }
        let model = std::fs::read(&path).unwrap();
        let diff =
            diff(&Config::default(), &model, &model).unwrap_or_else(|errors| panic!("{}: {errors}", path.display()));
        assert!(diff.is_empty(), "{}:\n{diff}", path.display());
        compared += 1;
    }
    assert!(compared > 0, "no models in {}", directory.display());
}
