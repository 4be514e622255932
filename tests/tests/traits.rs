//! Smithy 2.0 shapes and traits on the wire, from `tests/models/traits.json`:
//! int enums, legacy enums, documents, big numbers, timestamp formats,
//! defaults and optionality, sensitive, deprecated, errors, recursion.

use serde_json::{Value, json};
use sesv2_model::{BigDecimal, BigInteger, Timestamp};
use sesv2_model_tests::traits::{
    Broken, Choice, Conflict, Credentials, LegacyTier, Login, Node, Priority, Settings, Tag, TagPair, Values,
};

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(body: &Value) -> T {
    let value: T = serde_json::from_value(body.clone()).unwrap_or_else(|error| panic!("{error}\nin {body}"));
    assert_eq!(
        &serde_json::to_value(&value).unwrap(),
        body,
        "re-encoding changed the JSON"
    );
    value
}

#[test]
fn int_enums_keep_known_and_unknown_values() {
    let values: Values = round_trip(&json!({"Priority": 10, "Priorities": [1, 7, -1]}));
    assert_eq!(values.priority(), Some(&Priority::High));
    assert_eq!(values.priority().map(|p| p.value()), Some(10));
    let priorities = values.priorities().unwrap();
    assert_eq!(priorities[0], Priority::Low);
    assert!(matches!(priorities[1], Priority::Unknown(value) if value.value() == 7));
    assert_eq!(Priority::values(), [1, 10, -1]);
    assert_eq!(i32::from(Priority::from(7)), 7);
    assert_eq!(Priority::High.to_string(), "10");
    let error = serde_json::from_value::<Values>(json!({"Priority": 3000000000_u64})).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid value: integer `3000000000`, expected a `Priority` integer for `Values.Priority`"
    );
}

#[test]
fn legacy_enum_strings_become_enums_named_after_their_names_or_values() {
    let values: Values = round_trip(&json!({"Tier": "t2.micro"}));
    assert_eq!(values.tier(), Some(&LegacyTier::T2Micro));
    assert_eq!(LegacyTier::from("m5.large"), LegacyTier::M5Large);
    #[allow(deprecated)]
    let old = LegacyTier::Old;
    assert_eq!(old.as_str(), "old");
    assert_eq!(LegacyTier::values(), ["t2.micro", "m5.large", "old"]);
}

#[test]
fn sets_are_lists() {
    let values: Values = round_trip(&json!({"Unique": ["a", "b"]}));
    assert_eq!(values.unique(), Some(["a".to_owned(), "b".to_owned()].as_slice()));
}

#[test]
fn documents_hold_any_json() {
    let body = json!({"Document": {"nested": [1, "two", null, {"three": 3.5}], "flag": true}});
    let values: Values = round_trip(&body);
    assert_eq!(values.document(), Some(&body["Document"]));
    let values: Values = round_trip(&json!({"Document": [null]}));
    assert_eq!(values.document(), Some(&json!([null])));
}

#[test]
fn big_numbers_keep_every_digit() {
    let body = r#"{"BigInt":123456789012345678901234567890,"BigDec":0.1000000000000000055511151231257827021181583404541015625}"#;
    let values: Values = serde_json::from_str(body).unwrap();
    assert_eq!(
        values.big_int().map(BigInteger::as_str),
        Some("123456789012345678901234567890")
    );
    assert_eq!(
        values.big_dec().map(BigDecimal::as_str),
        Some("0.1000000000000000055511151231257827021181583404541015625")
    );
    assert_eq!(serde_json::to_string(&values).unwrap(), body);
    let error = serde_json::from_str::<Values>(r#"{"BigInt": 1.5}"#).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("invalid value: 1.5, expected an integer for `Values.BigInt`"),
        "{error}"
    );
}

#[test]
fn timestamps_follow_the_member_and_shape_formats() {
    let body = json!({
        "Epoch": 1700000000.5,
        "DateTime": "2023-11-14T22:13:20.123Z",
        "HttpDate": "Tue, 14 Nov 2023 22:13:20 GMT",
        "DateTimes": ["2023-11-14T22:13:20Z", "1969-12-31T23:59:59.5Z"],
        "Choice": {"At": "2000-01-02T20:34:56Z"}
    });
    let values: Values = round_trip(&body);
    let at = |secs, nanos| Timestamp::from_secs_and_nanos(secs, nanos).unwrap();
    assert_eq!(values.epoch(), Some(&at(1_700_000_000, 500_000_000)));
    assert_eq!(values.date_time(), Some(&at(1_700_000_000, 123_000_000)));
    assert_eq!(values.http_date(), Some(&at(1_700_000_000, 0)));
    assert_eq!(
        values.date_times(),
        Some([at(1_700_000_000, 0), at(-1, 500_000_000)].as_slice())
    );
    assert_eq!(values.choice(), Some(&Choice::At(at(946_845_296, 0))));

    // Offsets are accepted on input and written back in UTC.
    let values: Values = serde_json::from_value(json!({"DateTime": "2023-11-14T23:13:20+01:00"})).unwrap();
    assert_eq!(
        serde_json::to_value(&values).unwrap(),
        json!({"DateTime": "2023-11-14T22:13:20Z"})
    );

    let error = serde_json::from_value::<Values>(json!({"DateTime": 1700000000})).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: integer `1700000000`, expected an RFC 3339 date-time string for `Values.DateTime`"
    );
    let error = serde_json::from_value::<Values>(json!({"HttpDate": "2023-11-14"})).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid value: string \"2023-11-14\", expected an HTTP date string for `Values.HttpDate`"
    );
}

fn expected_defaults() -> Value {
    json!({
        "Retries": 3,
        "Enabled": true,
        "Ratio": 0.5,
        "Small": -2,
        "Name": "unnamed",
        "Empty": "",
        "Tags": [],
        "Labels": {},
        "Priority": 10,
        "Tier": "m5.large",
        "Since": 0,
        "Extra": {},
        "Big": 12
    })
}

#[test]
fn defaults_fill_absent_members_when_decoding_building_and_defaulting() {
    let decoded: Settings = serde_json::from_str("{}").unwrap();
    assert_eq!(decoded.retries(), 3);
    assert!(decoded.enabled());
    assert_eq!(decoded.ratio(), 0.5);
    assert_eq!(decoded.small(), -2);
    assert_eq!(decoded.name(), "unnamed");
    assert_eq!(decoded.tags(), &[] as &[String]);
    assert_eq!(decoded.priority(), &Priority::High);
    assert_eq!(decoded.tier(), &LegacyTier::M5Large);
    assert_eq!(decoded.since(), &Timestamp::UNIX_EPOCH);
    assert_eq!(decoded.extra(), &json!({}));
    assert_eq!(decoded.big().as_str(), "12");
    // Members whose default the client must not rely on stay optional.
    assert_eq!(decoded.loose(), None);
    assert_eq!(decoded.later(), None);
    assert_eq!(decoded.must_have(), None);
    assert_eq!(decoded.cleared(), None);

    assert_eq!(Settings::builder().build(), decoded);
    assert_eq!(Settings::default(), decoded);
    assert_eq!(serde_json::to_value(&decoded).unwrap(), expected_defaults());

    let set: Settings = serde_json::from_value(json!({"Retries": 5, "Loose": 0, "Name": null})).unwrap();
    assert_eq!((set.retries(), set.loose(), set.name()), (5, Some(0), "unnamed"));
    let built = Settings::builder().retries(1).must_have("x").build();
    assert_eq!((built.retries(), built.must_have()), (1, Some("x")));
}

#[test]
fn sensitive_values_are_redacted_in_debug_but_not_on_the_wire() {
    let login: Login = round_trip(&json!({
        "User": "ada",
        "Password": "hunter2",
        "Backups": ["old1", "old2"],
        "Credentials": {"User": "ada", "Password": "hunter2"}
    }));
    let debug = format!("{login:?}");
    assert_eq!(
        debug,
        "Login { user: \"ada\", password: \"*** Sensitive Data Redacted ***\", \
         backups: \"*** Sensitive Data Redacted ***\", credentials: \"*** Sensitive Data Redacted ***\" }"
    );
    assert!(!debug.contains("hunter2") && !debug.contains("old1"));
    let builder = Login::builder().user("ada").password("hunter2");
    let debug = format!("{builder:?}");
    assert!(
        debug.contains("user: Some(\"ada\")") && !debug.contains("hunter2"),
        "{debug}"
    );
    let credentials = Credentials::builder().user("u").build();
    assert!(!format!("{credentials:?}").contains("\"u\""));
    assert_eq!(login.password(), "hunter2");
}

#[test]
#[allow(deprecated)]
fn deprecated_members_and_shapes_still_work() {
    use sesv2_model_tests::traits::{OldThing, UsesOld};

    let settings = Settings::builder().old_flag(true).build();
    assert_eq!(settings.old_flag(), Some(true));
    let uses: UsesOld = round_trip(&json!({"Old": {"Name": "x"}, "Olds": [{"Name": "y"}]}));
    assert_eq!(uses.old().and_then(OldThing::name), Some("x"));
}

#[test]
fn errors_carry_their_http_status_and_hide_sensitive_messages() {
    assert_eq!(Conflict::HTTP_STATUS_CODE, 409);
    assert_eq!(Broken::HTTP_STATUS_CODE, 500);
    let conflict: Conflict = round_trip(&json!({"Message": "exists"}));
    assert_eq!(conflict.to_string(), "Conflict: exists");
    let broken: Broken = round_trip(&json!({"message": "db password is hunter2"}));
    assert_eq!(broken.to_string(), "Broken: *** Sensitive Data Redacted ***");
}

#[test]
fn recursive_shapes_are_boxed_only_where_a_cycle_needs_it() {
    let node: Node = round_trip(&json!({
        "Name": "leaf",
        "Parent": {"Name": "mid", "Parent": {"Name": "root"}},
        "Children": [{"Name": "c1", "Children": [{"Name": "c2"}]}],
        "Attributes": {"k": {"Name": "v"}},
        "Tag": {"Pair": {"Left": {"Leaf": "a"}, "Right": {"Pair": {"Left": {"Leaf": "b"}}}}}
    }));
    let parent: Option<&Node> = node.parent();
    assert_eq!(parent.and_then(Node::parent).and_then(Node::name), Some("root"));
    // Lists and maps hold nodes directly: no box needed.
    let children: &[Node] = node.children().unwrap();
    assert_eq!(children[0].children().unwrap()[0].name(), Some("c2"));
    let pair = TagPair::builder().left(Tag::Leaf("a".to_owned())).build().unwrap();
    assert_eq!(pair.left(), &Tag::Leaf("a".to_owned()));
    let tag = Tag::Pair(pair);
    assert!(matches!(&tag, Tag::Pair(pair) if pair.right().is_none()));
}

#[test]
fn deeply_nested_input_is_an_error_not_a_crash() {
    let mut body = String::from(r#"{"Name": "bottom"}"#);
    for _ in 0..1000 {
        body = format!(r#"{{"Parent": {body}}}"#);
    }
    let error = serde_json::from_str::<Node>(&body).unwrap_err();
    assert!(error.to_string().starts_with("recursion limit exceeded"), "{error}");
    let mut shallow = String::from(r#"{"Name": "bottom"}"#);
    for _ in 0..60 {
        shallow = format!(r#"{{"Parent": {shallow}}}"#);
    }
    let mut node: &Node = &serde_json::from_str(&shallow).unwrap();
    let mut depth = 0;
    while let Some(parent) = node.parent() {
        node = parent;
        depth += 1;
    }
    assert_eq!((depth, node.name()), (60, Some("bottom")));
}
