//! Numbers at and past their limits on the wire, each with a defined result
//! (the README's "Numbers on the wire" table): a value, or an error that
//! says what was wrong and where.

use sesv2_model::{GetImportJobResponse, Timestamp};
use sesv2_model_tests::features::Widget;

fn decode(body: &str) -> Result<GetImportJobResponse, String> {
    serde_json::from_str(body).map_err(|error| error.to_string())
}

fn widget(body: &str) -> Result<Widget, String> {
    serde_json::from_str(body).map_err(|error| error.to_string())
}

#[test]
fn counts_are_32_bit_and_may_be_negative() {
    let response = decode(r#"{"ProcessedRecordsCount": -1, "FailedRecordsCount": 2147483647}"#).unwrap();
    assert_eq!(response.processed_records_count(), Some(-1));
    assert_eq!(response.failed_records_count(), Some(i32::MAX));
    assert_eq!(
        decode(r#"{"ProcessedRecordsCount": 2147483648}"#).unwrap_err(),
        "invalid value: integer `2147483648`, expected a 32-bit integer for \
         `GetImportJobResponse.ProcessedRecordsCount` at line 1 column 36"
    );
    assert_eq!(
        decode(r#"{"ProcessedRecordsCount": -2147483649}"#).unwrap_err(),
        "invalid value: integer `-2147483649`, expected a 32-bit integer for \
         `GetImportJobResponse.ProcessedRecordsCount` at line 1 column 37"
    );
    assert_eq!(
        decode(r#"{"ProcessedRecordsCount": 1.5}"#).unwrap_err(),
        "invalid type: floating point `1.5`, expected a 32-bit integer for \
         `GetImportJobResponse.ProcessedRecordsCount` at line 1 column 29"
    );
}

#[test]
fn numbers_json_cannot_hold_are_errors() {
    assert_eq!(
        decode(r#"{"ProcessedRecordsCount": 1e400}"#).unwrap_err(),
        "number out of range at line 1 column 31"
    );
    assert_eq!(
        decode(r#"{"ProcessedRecordsCount": NaN}"#).unwrap_err(),
        "expected value at line 1 column 27"
    );
    assert_eq!(
        decode(r#"{"ProcessedRecordsCount": "NaN"}"#).unwrap_err(),
        "invalid type: string \"NaN\", expected a 32-bit integer for `GetImportJobResponse.ProcessedRecordsCount` at \
         line 1 column 31"
    );
}

#[test]
fn non_finite_floats_travel_as_the_strings_smithy_uses() {
    let decoded = widget(r#"{"Id": "w", "Count": 1, "Weight": "NaN", "Ratio": "-Infinity"}"#).unwrap();
    assert!(decoded.weight().is_some_and(|weight| weight.is_nan()));
    assert_eq!(decoded.ratio(), Some(f32::NEG_INFINITY));
    let encoded = serde_json::to_value(&decoded).unwrap();
    assert_eq!(
        (&encoded["Weight"], &encoded["Ratio"]),
        (&"NaN".into(), &"-Infinity".into())
    );
    assert_eq!(
        widget(r#"{"Id": "w", "Count": 1, "Weight": 1e308}"#).unwrap().weight(),
        Some(1e308)
    );
    assert_eq!(
        widget(r#"{"Id": "w", "Count": 1, "Weight": 1e400}"#).unwrap_err(),
        "number out of range at line 1 column 39"
    );
    assert_eq!(
        widget(r#"{"Id": "w", "Count": 1, "Weight": "Inf"}"#).unwrap_err(),
        "invalid value: string \"Inf\", expected a number, \"NaN\", \"Infinity\" or \"-Infinity\" for `Widget.Weight` \
         at line 1 column 39"
    );
    assert_eq!(
        widget(r#"{"Id": "w", "Count": 1, "Ratio": 1e39}"#).unwrap_err(),
        "invalid value: floating point `1e+39`, expected a 32-bit float for `Widget.Ratio` at line 1 column 38"
    );
}

#[test]
fn timestamps_before_1970_are_values() {
    let response = decode(r#"{"CreatedTimestamp": -1.5}"#).unwrap();
    let created = response.created_timestamp().unwrap();
    assert_eq!(created.to_string(), "1969-12-31T23:59:58.5Z");
    assert_eq!(created.as_millis(), -1_500);
    assert_eq!(
        serde_json::to_string(&response).unwrap(),
        r#"{"CreatedTimestamp":-1.5}"#
    );
}

/// Found by the `wire` fuzz target: with serde_json's fast float parsing a
/// 17-digit number could read back one `f64` step away from what was
/// written; the runtime turns on its correctly rounded parsing.
#[test]
fn sub_microsecond_timestamps_survive_a_round_trip() {
    for body in [
        r#"{"CreatedTimestamp": 100070000.004455541412}"#,
        r#"{"CreatedTimestamp": 1447000005.055111111}"#,
        r#"{"CreatedTimestamp": -0.000000001}"#,
    ] {
        let read = decode(body).unwrap();
        let written = serde_json::to_string(&read).unwrap();
        assert_eq!(decode(&written).unwrap(), read, "{body} written as {written}");
    }
}

/// `Timestamp` has jiff's range, which keeps a day's margin inside the
/// years -9999 and 9999 so that every instant has a civil time in every
/// offset: from -009999-01-02T01:59:59Z to 9999-12-30T22:00:00.999999999Z.
#[test]
fn timestamps_at_the_limits_are_values_and_beyond_them_errors() {
    let earliest = decode(r#"{"CreatedTimestamp": -377705023201}"#).unwrap();
    assert_eq!(earliest.created_timestamp(), Some(&Timestamp::MIN));
    assert_eq!(Timestamp::MIN.to_string(), "-009999-01-02T01:59:59Z");
    let latest = decode(r#"{"CreatedTimestamp": 253402207200.999}"#).unwrap();
    assert_eq!(
        latest.created_timestamp().unwrap().to_string(),
        "9999-12-30T22:00:00.999Z"
    );
    assert_eq!(Timestamp::MAX.to_string(), "9999-12-30T22:00:00.999999999Z");

    assert_eq!(
        decode(r#"{"CreatedTimestamp": 253402207201}"#).unwrap_err(),
        "invalid value: integer `253402207201`, expected a timestamp in seconds since the Unix epoch (years -9999 to \
         9999) for `GetImportJobResponse.CreatedTimestamp` at line 1 column 33"
    );
    assert_eq!(
        decode(r#"{"CreatedTimestamp": -377705023202}"#).unwrap_err(),
        "invalid value: integer `-377705023202`, expected a timestamp in seconds since the Unix epoch (years -9999 \
         to 9999) for `GetImportJobResponse.CreatedTimestamp` at line 1 column 34"
    );
    assert_eq!(
        decode(r#"{"CreatedTimestamp": 1e300}"#).unwrap_err(),
        "invalid value: floating point `1e+300`, expected a timestamp in seconds since the Unix epoch (years -9999 to \
         9999) for `GetImportJobResponse.CreatedTimestamp` at line 1 column 26"
    );
    assert_eq!(
        decode(r#"{"CreatedTimestamp": "2023-11-14T22:13:20Z"}"#).unwrap_err(),
        "invalid type: string \"2023-11-14T22:13:20Z\", expected a timestamp in seconds since the Unix epoch (years \
         -9999 to 9999) for `GetImportJobResponse.CreatedTimestamp` at line 1 column 43"
    );
}
