//! Members named like what the generated code defines and binds itself
//! (`build`, `builder`, `set_` setters, trait methods, locals such as
//! `state`, `map` and `value`), and an error named `Unhandled` like the
//! error enums' catch-all variant: all generate, compile, and keep their
//! wire names.

use serde_json::json;
use sesv2_model::Operation;
use sesv2_model_tests::generated_names::operations::{Build, BuildError};
use sesv2_model_tests::generated_names::{BuildInput, Choice, Everything, Kind, Unhandled};

#[test]
fn members_named_like_generated_methods_get_a_value_suffix() {
    let everything = Everything::builder()
        .build_value("b")
        .builder_value("bb")
        .set_build("s")
        .set_builder_value_value("sbv")
        .name("n")
        .name_value("nv")
        .set_name_value2("snv")
        .clone_value("c")
        .default_value("d")
        .count(3)
        .build()
        .unwrap();
    assert_eq!(everything.build_value(), Some("b"));
    assert_eq!(everything.builder_value(), Some("bb"));
    assert_eq!(everything.set_build(), Some("s"));
    assert_eq!(everything.set_name_value2(), Some("snv"));
    assert_eq!(everything.clone().clone_value(), Some("c"));

    // On the wire every member keeps its model name.
    let wire = serde_json::to_value(&everything).unwrap();
    assert_eq!(
        wire,
        json!({
            "build": "b", "builder": "bb", "set_build": "s", "set_builder_value": "sbv", "name": "n",
            "name_value": "nv", "SetName": "snv", "clone": "c", "default": "d", "Count": 3,
        })
    );
    let decoded: Everything = serde_json::from_value(wire).unwrap();
    assert_eq!(decoded, everything);
}

#[test]
fn members_named_like_generated_locals_round_trip() {
    let names = [
        "state",
        "map",
        "slots",
        "index",
        "name",
        "serializer",
        "deserializer",
        "at",
        "value",
        "key",
        "out",
        "debug",
        "f",
        "message",
        "member",
        "error",
        "code",
        "uri",
        "input",
        "other",
        "error_type",
        "body",
        "places",
        "r_state",
        "p",
        "serde",
        "S",
        "D",
        "A",
        "self",
        "type",
        "crate",
        "super",
    ];
    let mut wire = serde_json::Map::new();
    for name in names {
        wire.insert(name.to_owned(), json!(format!("{name}!")));
    }
    wire.insert("Count".to_owned(), json!(1));
    wire.insert("Choice".to_owned(), json!({ "Value": "v" }));
    wire.insert("Kind".to_owned(), json!("as_str"));
    let decoded: Everything = serde_json::from_value(serde_json::Value::Object(wire.clone())).unwrap();
    assert_eq!(decoded.state(), Some("state!"));
    assert_eq!(decoded.self_(), Some("self!"));
    assert_eq!(decoded.r#type(), Some("type!"));
    assert_eq!(decoded.serializer(), Some("serializer!"));
    assert_eq!(decoded.choice(), Some(&Choice::Value("v".to_owned())));
    assert_eq!(decoded.kind(), Some(&Kind::AsStr));
    assert_eq!(serde_json::to_value(&decoded).unwrap(), serde_json::Value::Object(wire));
}

#[test]
fn union_and_enum_members_named_like_the_unknown_variant_keep_it_apart() {
    let known: Choice = serde_json::from_value(json!({ "Unknown": "u" })).unwrap();
    assert_eq!(known, Choice::Unknown("u".to_owned()));
    let unknown: Choice = serde_json::from_value(json!({ "Later": 1 })).unwrap();
    assert!(matches!(unknown, Choice::UnknownValue2(_)));
    assert_eq!(Kind::from("unknown"), Kind::Unknown);
    assert!(matches!(Kind::from("later"), Kind::UnknownValue(_)));
}

/// A 400 response with this error code.
fn error_response<'b>(code: &str, body: &'b str) -> sesv2_model::http::Response<&'b str> {
    sesv2_model::http::Response::builder()
        .status(400)
        .header("X-Amzn-Errortype", code)
        .body(body)
        .unwrap()
}

#[test]
fn an_error_named_unhandled_gets_its_own_variant_beside_the_catch_all() {
    let error = BuildError::from_response(&error_response("Unhandled", r#"{"message": "boom"}"#));
    match &error {
        BuildError::UnhandledError2(Unhandled { message, .. }) => assert_eq!(message.as_deref(), Some("boom")),
        other => panic!("expected the modeled error, got {other:?}"),
    }
    assert_eq!(error.code(), Some("Unhandled"));
    let conflict = BuildError::from_response(&error_response("UnhandledError", r#"{"Message": "busy"}"#));
    assert!(matches!(conflict, BuildError::UnhandledError(_)));
    assert!(matches!(
        BuildError::from_response(&error_response("Other", "{}")),
        BuildError::Unhandled(_)
    ));
}

#[test]
fn inputs_named_like_uri_locals_render_their_uri() {
    let input = BuildInput::builder()
        .input("in put")
        .value("v/1")
        .uri("u")
        .body(vec!["a".to_owned(), "b".to_owned()])
        .build()
        .unwrap();
    assert_eq!(
        Build::request_uri(&input).unwrap(),
        "/builds/in%20put/v%2F1?uri=1&u=u&body=a&body=b"
    );
}

/// The engine once decided whether `request_uri` reads its input by
/// searching the generated text for `input.`, which this literal fooled.
#[test]
fn uri_literals_that_spell_generated_names_are_literals() {
    use sesv2_model_tests::generated_names::operations::GetInputFile;
    assert_eq!(GetInputFile::request_uri(&()).unwrap(), "/files/input.json?input.x=1");
}
