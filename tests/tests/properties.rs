//! Property tests over every type of the GetImportJob closure: any value
//! encodes to JSON that decodes to the same value and encodes to the same
//! bytes again. Values include enum values the model does not list,
//! timestamps at millisecond precision across the whole range `Timestamp`
//! allows (its limits included), and any strings and counts.

use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use sesv2_model::operations::GetImportJob;
use sesv2_model::{
    BadRequestException, ContactListDestination, ContactListImportAction, DataFormat, FailureInfo, GetImportJobRequest,
    GetImportJobResponse, ImportDataSource, ImportDestination, JobStatus, NotFoundException, Operation,
    SuppressionListDestination, SuppressionListImportAction, Timestamp, TooManyRequestsException,
};

/// Encodes, decodes and encodes again: the value and the bytes must survive.
fn assert_round_trips<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
    let json = serde_json::to_string(value).unwrap();
    let decoded: T = serde_json::from_str(&json).unwrap_or_else(|error| panic!("{error}: {json}"));
    assert_eq!(&decoded, value, "{json}");
    assert_eq!(serde_json::to_string(&decoded).unwrap(), json);
}

/// Any text, including the empty string, quotes, escapes and astral planes.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[a-zA-Z0-9 _./:-]{0,40}", Just(String::new())]
}

/// A listed value or any other text, which becomes the unknown variant.
fn enum_value<E: for<'a> From<&'a str> + std::fmt::Debug + Clone + 'static>(
    listed: &'static [&'static str],
) -> impl Strategy<Value = E> {
    prop_oneof![
        proptest::sample::select(listed).prop_map(|value| E::from(value)),
        text().prop_map(|value| E::from(value.as_str())),
    ]
}

/// Milliseconds across the whole range, the limits themselves more often.
fn timestamp() -> impl Strategy<Value = Timestamp> {
    let (min, max) = (Timestamp::MIN.as_millis(), Timestamp::MAX.as_millis());
    prop_oneof![
        1 => Just(min),
        1 => Just(max),
        1 => Just(0),
        1 => Just(-1),
        8 => min..=max,
        4 => -10_000_000_000_000_i64..10_000_000_000_000,
    ]
    .prop_map(|millis| Timestamp::from_millis(millis).expect("in range"))
}

fn failure_info() -> impl Strategy<Value = FailureInfo> {
    (proptest::option::of(text()), proptest::option::of(text())).prop_map(|(url, message)| {
        FailureInfo::builder()
            .set_failed_records_s3_url(url)
            .set_error_message(message)
            .build()
    })
}

fn import_data_source() -> impl Strategy<Value = ImportDataSource> {
    (text(), enum_value::<DataFormat>(DataFormat::values())).prop_map(|(url, format)| {
        ImportDataSource::builder()
            .s3_url(url)
            .data_format(format)
            .build()
            .unwrap()
    })
}

fn import_destination() -> impl Strategy<Value = ImportDestination> {
    let suppression =
        enum_value::<SuppressionListImportAction>(SuppressionListImportAction::values()).prop_map(|action| {
            SuppressionListDestination::builder()
                .suppression_list_import_action(action)
                .build()
                .unwrap()
        });
    let contact_list = (
        text(),
        enum_value::<ContactListImportAction>(ContactListImportAction::values()),
    )
        .prop_map(|(name, action)| {
            ContactListDestination::builder()
                .contact_list_name(name)
                .contact_list_import_action(action)
                .build()
                .unwrap()
        });
    (proptest::option::of(suppression), proptest::option::of(contact_list)).prop_map(|(suppression, contact_list)| {
        ImportDestination::builder()
            .set_suppression_list_destination(suppression)
            .set_contact_list_destination(contact_list)
            .build()
    })
}

prop_compose! {
    fn response()(
        job_id in proptest::option::of(text()),
        destination in proptest::option::of(import_destination()),
        source in proptest::option::of(import_data_source()),
        failure in proptest::option::of(failure_info()),
        status in proptest::option::of(enum_value::<JobStatus>(JobStatus::values())),
        created in proptest::option::of(timestamp()),
        completed in proptest::option::of(timestamp()),
        processed in proptest::option::of(any::<i32>()),
        failed in proptest::option::of(any::<i32>()),
    ) -> GetImportJobResponse {
        GetImportJobResponse::builder()
            .set_job_id(job_id)
            .set_import_destination(destination)
            .set_import_data_source(source)
            .set_failure_info(failure)
            .set_job_status(status)
            .set_created_timestamp(created)
            .set_completed_timestamp(completed)
            .set_processed_records_count(processed)
            .set_failed_records_count(failed)
            .build()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_response_round_trips(response in response()) {
        assert_round_trips(&response);
    }

    #[test]
    fn any_member_type_round_trips_on_its_own(
        failure in failure_info(),
        source in import_data_source(),
        destination in import_destination(),
        status in enum_value::<JobStatus>(JobStatus::values()),
        format in enum_value::<DataFormat>(DataFormat::values()),
    ) {
        assert_round_trips(&failure);
        assert_round_trips(&source);
        assert_round_trips(&destination);
        assert_round_trips(&status);
        assert_round_trips(&format);
    }

    #[test]
    fn any_timestamp_round_trips_to_the_millisecond(at in timestamp()) {
        let response = GetImportJobResponse::builder().created_timestamp(at).build();
        assert_round_trips(&response);
        let decoded: GetImportJobResponse = serde_json::from_str(&serde_json::to_string(&response).unwrap()).unwrap();
        prop_assert_eq!(decoded.created_timestamp().map(Timestamp::as_millis), Some(at.as_millis()));
    }

    #[test]
    fn unknown_enum_values_keep_their_text(value in text()) {
        let status = JobStatus::from(value.as_str());
        prop_assert_eq!(status.as_str(), value.as_str());
        assert_round_trips(&status);
    }

    #[test]
    fn any_error_round_trips(message in proptest::option::of(text())) {
        assert_round_trips(&BadRequestException::builder().set_message(message.clone()).build());
        assert_round_trips(&NotFoundException::builder().set_message(message.clone()).build());
        assert_round_trips(&TooManyRequestsException::builder().set_message(message).build());
    }

    /// The request's one member travels in the URI, percent-encoded, never
    /// in the body.
    #[test]
    fn any_job_id_goes_into_the_request_uri(job_id in "[^\u{0}]{1,40}") {
        let request = GetImportJobRequest::builder().job_id(job_id.clone()).build().unwrap();
        let uri = GetImportJob::request_uri(&request).unwrap();
        let encoded = uri.strip_prefix("/v2/email/import-jobs/").unwrap();
        let decoded = percent_decode(encoded);
        prop_assert_eq!(decoded, job_id);
        prop_assert_eq!(serde_json::to_string(&request).unwrap(), "{}");
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            out.push(u8::from_str_radix(&text[index + 1..index + 3], 16).unwrap());
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(out).unwrap()
}
