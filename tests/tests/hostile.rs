//! Hostile but valid models (`hostile/models.rs`): the ones the crate
//! compiles are used here, and every other one yields a specific error,
//! never a panic, a stack overflow or a runaway.

#[path = "../hostile/models.rs"]
#[allow(dead_code)]
mod models;

use serde_json::{Value, json};
use sesv2_model_codegen::{Config, generate, to_source};
use sesv2_model_tests::{hostile_deep, hostile_enums, hostile_names, hostile_recursive, hostile_wide};

fn generate_value(model: &Value) -> Result<String, Vec<String>> {
    let json = serde_json::to_vec(model).unwrap();
    match generate(&Config::default(), &json) {
        Ok(generated) => Ok(to_source(&generated).expect("generated code parses")),
        Err(errors) => Err(errors.iter().map(|error| error.message().to_owned()).collect()),
    }
}

fn messages(model: &Value) -> Vec<String> {
    match generate_value(model) {
        Ok(code) => panic!("expected errors, got {} bytes of code", code.len()),
        Err(messages) => messages,
    }
}

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug>(json: &Value) -> T {
    let value: T = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(&serde_json::to_value(&value).unwrap(), json);
    value
}

fn assert_send_sync<T: Send + Sync>(_: &T) {}

#[test]
fn a_structure_with_five_thousand_members_round_trips() {
    let body: serde_json::Map<String, Value> = (0..models::WIDE_MEMBERS)
        .map(|index| {
            let value = match index % 5 {
                0 => json!(format!("text {index}")),
                1 => json!(index),
                2 => json!(index % 2 == 0),
                3 => json!(1_700_000_000 + index),
                _ => json!(index as f64 + 0.5),
            };
            (format!("Member{index}"), value)
        })
        .collect();
    let wide: hostile_wide::Wide = round_trip(&Value::Object(body));
    assert_eq!(wide.member0(), "text 0");
    assert_eq!(wide.member4996(), Some(4996));
    assert_eq!(wide.member4999(), Some(4999.5));
    assert_eq!(
        wide.member4998().map(|at| at.to_string()).as_deref(),
        Some("2023-11-14T23:36:38Z")
    );

    let missing = serde_json::from_value::<hostile_wide::Wide>(json!({ "Member0": "only one" })).unwrap_err();
    assert_eq!(missing.to_string(), "missing required member `Member10` of `Wide`");
    let built = hostile_wide::Wide::builder().member0("a").build().unwrap_err();
    assert_eq!(
        built.to_string(),
        "cannot build `Wide`: the required member `member10` (`Member10` in the model) was not set"
    );
}

#[test]
fn the_deepest_accepted_chain_compiles_is_send_and_round_trips() {
    // Level0 (structure) > Level1 (sparse list) > Level2 (sparse map) >
    // Level3 (union) > Level4 (structure) > ... > Level31 > a string.
    let mut json = json!("leaf");
    for level in (0..models::DEEPEST_ACCEPTED).rev() {
        json = match level % 4 {
            0 => json!({ "Next": json }),
            1 => json!([json, null]),
            2 => json!({ "key": json, "absent": null }),
            _ => json!({ "Next": json }),
        };
    }
    let deep: hostile_deep::Level0 = round_trip(&json);
    assert_send_sync(&deep);
    let stop: hostile_deep::Level0 = round_trip(&json!({ "Next": [{ "k": { "Stop": {} } }] }));
    assert_ne!(stop, deep);
}

#[test]
fn a_chain_of_two_thousand_structures_is_an_error_naming_where_it_gets_too_deep() {
    assert_eq!(
        messages(&models::deep(2_000)),
        [
            "`hostile.deep#Level1967` holds structures, unions, lists and maps nested 33 deep, and Rust's compiler \
          gives up on types nested that deeply (its recursion limit), so the generator supports at most 32; \
          generate the inner shapes on their own or make a member on the way a document"
        ]
    );
}

#[test]
fn mutual_recursion_through_lists_maps_and_unions_round_trips() {
    let tree = json!({
        "Children": [
            { "Value": { "Text": "leaf" } },
            { "Value": { "Nested": { "List": [{ "Node": { "Parent": {} } }, { "Text": "t" }] } } },
        ],
        "ByName": { "first": { "Value": { "Map": { "lists": [[{ "Text": "deep" }], []] } } } },
        "Parent": { "Parent": { "Children": [] } },
        "Value": { "Node": { "ByName": {} } },
    });
    let node: hostile_recursive::Node = round_trip(&tree);
    assert_eq!(node.children().map(<[_]>::len), Some(2));
    assert_send_sync(&node);

    let pair: hostile_recursive::Pair = round_trip(&json!({ "Left": { "Back": { "Left": {} } } }));
    assert!(pair.left().back().is_some());
}

#[test]
fn recursion_deeper_than_the_json_parser_allows_is_an_error_not_a_crash() {
    let depth = 10_000;
    let body = format!("{}{}", r#"{"Parent":"#.repeat(depth), "}".repeat(depth + 1));
    let body = body.replacen("}", "{}", 1);
    let error = serde_json::from_str::<hostile_recursive::Node>(&body).unwrap_err();
    assert_eq!(error.to_string(), "recursion limit exceeded at line 1 column 1271");
}

#[test]
fn keyword_std_and_generated_names_are_usable() {
    let json = json!({
        "f": "1", "formatter": "2", "serializer": "3", "map": "4", "value": "5", "self_": "6", "default": "7",
        "as_str": "8", "unknown": "9", "Next": { "result": "10" },
    });
    let thing: hostile_names::Type = round_trip(&json);
    assert_eq!(thing.f(), Some("1"));
    assert_eq!(thing.self_(), Some("6"));
    assert_eq!(thing.as_str(), Some("8"));
    // Members named like the methods of traits the types implement get a
    // `_value` suffix, so that `clone()` and `default()` stay the traits'.
    assert_eq!(thing.default_value(), Some("7"));
    assert_eq!(thing.clone(), thing);
    assert_eq!(hostile_names::Thing::default(), hostile_names::Thing::builder().build());
    let shape_named_like_a_builder = hostile_names::ThingBuilder::builder().f("x").into_value("y").build();
    assert_eq!(shape_named_like_a_builder.f(), Some("x"));
    assert_eq!(shape_named_like_a_builder.into_value(), Some("y"));
    let builder_of_thing: hostile_names::builders::ThingBuilder = hostile_names::Thing::builder();
    assert_eq!(builder_of_thing.clone().build(), builder_of_thing.build());
    let _ = hostile_names::Builders::default();
    let _ = hostile_names::Fn::default();
    let _ = hostile_names::Sesv2Model::default();
}

#[test]
fn awkward_enum_values_get_distinct_variants_and_keep_their_wire_values() {
    use hostile_enums::{Legacy, Named, Numbers};

    let expected = [
        (Legacy::V1gb, "1GB"),
        (Legacy::V2xlarge, "2xlarge"),
        (Legacy::Value, "-"),
        (Legacy::Value2, "_"),
        (Legacy::Value3, "ü"),
        (Legacy::GrE, "Größe"),
        (Legacy::Value4, "日本"),
        (Legacy::Bc, "\u{430}bc"),
        (Legacy::AB, "a-b"),
        (Legacy::AB2, "a_b"),
        (Legacy::AB3, "A B"),
        (Legacy::AB4, "a.b"),
        (Legacy::Unknown, "Unknown"),
        (Legacy::Unknown2, "UNKNOWN"),
        (Legacy::UnknownValue, "UnknownValue"),
        (Legacy::UnknownValue2, "unknown_value"),
        (Legacy::Self_, "self"),
        (Legacy::Self2, "Self"),
        (Legacy::Type, "type"),
        (Legacy::None, "None"),
        (Legacy::Some, "Some"),
        (Legacy::Value5, " "),
    ];
    for (variant, wire) in expected {
        assert_eq!(variant.as_str(), wire);
        assert_eq!(Legacy::from(wire), variant);
        assert_eq!(serde_json::to_value(&variant).unwrap(), json!(wire));
    }
    let unknown = Legacy::from("UNKNOWN_VALUE_3");
    assert!(matches!(unknown, Legacy::UnknownValue3(_)));
    assert_eq!(serde_json::to_value(&unknown).unwrap(), json!("UNKNOWN_VALUE_3"));

    assert_eq!(Named::UnknownValue2.as_str(), "2");
    assert_eq!(Named::V12.as_str(), "v-1");
    assert!(matches!(Named::from("3"), Named::UnknownValue3(_)));
    assert_eq!(Numbers::Min.value(), i32::MIN);
    assert_eq!(Numbers::from(7).value(), 7);
    let holder: hostile_enums::Holder =
        round_trip(&json!({ "Legacy": "Größe", "Named": "new", "Numbers": 2147483647 }));
    assert_eq!(holder.numbers(), Some(&Numbers::Max));
}

/// Type names that differ only in case are errors the user's `renames` can
/// fix; members, which no option renames, are suffixed instead.
#[test]
fn names_that_differ_only_in_case_or_punctuation() {
    let shapes = |thing: &str| {
        json!({ "smithy": "2.0", "shapes": {
            "hostile.case#Thing": { "type": "structure", "members": {} },
            thing: { "type": "structure", "members": {} },
            "hostile.case#Holder": { "type": "structure", "members": {
                "JobID": { "target": "smithy.api#String" },
                "job_id": { "target": "smithy.api#String" },
            }},
        }})
    };
    assert_eq!(
        messages(&shapes("hostile.case#THING")),
        [
            "`hostile.case#THING` and `hostile.case#Thing` would both be generated as the Rust type `Thing`; rename \
             one of the shapes, or give one a new Rust name with the generator's `renames`",
        ]
    );
    let json = serde_json::to_vec(&shapes("hostile.case#Other")).unwrap();
    let source = generate(&Config::default(), &json).unwrap().source;
    assert!(source.contains("pub job_id: ::core::option::Option<::std::string::String>,"));
    assert!(source.contains("pub job_id_value: ::core::option::Option<::std::string::String>,"));
    assert!(source.contains("pub fn set_job_id_value("));
}

#[test]
fn an_empty_enum_value_is_an_error() {
    let model = json!({ "smithy": "2.0", "shapes": {
        "hostile.enums#Empty": { "type": "string", "traits": { "smithy.api#enum": [{ "value": "" }] } },
    }});
    assert_eq!(
        messages(&model),
        [
            "`hostile.enums#Empty`: the `smithy.api#enum` value \"\" is empty or repeated; enum values must be unique and \
          non-empty"
        ]
    );
}

#[test]
fn thousands_of_broken_targets_are_reported_quickly_with_the_first_hints() {
    let mut shapes = serde_json::Map::new();
    let members: serde_json::Map<String, Value> = (0..5_000)
        .map(|index| {
            (
                format!("M{index}"),
                json!({ "target": format!("hostile.broken#Shap{index}") }),
            )
        })
        .collect();
    for index in 0..5_000 {
        shapes.insert(format!("hostile.broken#Shape{index}"), json!({ "type": "string" }));
    }
    shapes.insert(
        "hostile.broken#Holder".into(),
        json!({ "type": "structure", "members": members }),
    );
    let messages = messages(&json!({ "smithy": "2.0", "shapes": shapes }));
    assert_eq!(messages.len(), 5_000);
    assert_eq!(
        messages
            .iter()
            .filter(|message| message.contains("Did you mean"))
            .count(),
        32
    );
    assert!(messages.contains(
        &"`hostile.broken#Holder$M4999` targets `hostile.broken#Shap4999`, which is not defined in the model. Define \
          the shape or correct the target."
            .to_owned()
    ));
}

#[test]
fn a_chain_of_a_thousand_mixins_resolves() {
    // Each mixin holds the members of all before it, so the work grows with
    // the square of the chain's length.
    let mut shapes = serde_json::Map::new();
    for index in 0..1_000 {
        let mut shape = json!({
            "type": "structure",
            "members": { format!("M{index}"): { "target": "smithy.api#String" } },
            "traits": { "smithy.api#mixin": {} },
        });
        if index > 0 {
            shape["mixins"] = json!([{ "target": format!("hostile.mixins#Mixin{}", index - 1) }]);
        }
        shapes.insert(format!("hostile.mixins#Mixin{index}"), shape);
    }
    shapes.insert(
        "hostile.mixins#User".into(),
        json!({ "type": "structure", "members": {}, "mixins": [{ "target": "hostile.mixins#Mixin999" }] }),
    );
    let code = generate_value(&json!({ "smithy": "2.0", "shapes": shapes })).unwrap();
    assert!(code.contains("pub m0: ::core::option::Option<::std::string::String>"));
    assert!(code.contains("pub m999: ::core::option::Option<::std::string::String>"));
    assert_eq!(code.matches("pub struct ").count(), 2, "only `User` and its builder");
}

#[test]
fn a_resource_tree_two_thousand_deep_binds_its_operations() {
    let mut shapes = serde_json::Map::new();
    shapes.insert(
        "hostile.resources#Service".into(),
        json!({ "type": "service", "version": "1", "resources": [{ "target": "hostile.resources#R0" }] }),
    );
    for index in 0..2_000 {
        let mut resource =
            json!({ "type": "resource", "operations": [{ "target": format!("hostile.resources#Op{index}") }] });
        if index + 1 < 2_000 {
            resource["resources"] = json!([{ "target": format!("hostile.resources#R{}", index + 1) }]);
        }
        shapes.insert(format!("hostile.resources#R{index}"), resource);
        shapes.insert(format!("hostile.resources#Op{index}"), json!({ "type": "operation" }));
    }
    let json = serde_json::to_vec(&json!({ "smithy": "2.0", "shapes": shapes })).unwrap();
    let config = Config {
        operations: vec!["Op1999".to_owned()],
        ..Config::default()
    };
    let generated = generate(&config, &json).unwrap();
    assert_eq!(generated.summary.operations, 1);
    assert!(generated.source.contains("pub struct Op1999"));
}

#[test]
fn hostile_documentation_becomes_clean_markdown() {
    let code = generate_value(&models::documentation()).unwrap();
    assert!(!code.contains('\u{202e}') && !code.contains('\r') && !code.contains('\u{0}'));
    assert!(
        code.contains("/// Paragraph with `code`, *italic*, **bold**"),
        "{:.3000}",
        code
    );
    assert!(code.contains("[link](https://docs.aws.amazon.com/ses/latest/dg/)"));
    assert!(code.contains("Ünïcödé, 日本語, العربية, עברית, reversed"));
    assert!(code.len() > 1_000_000, "the long documentation is kept whole");

    let depth = 100_000;
    let nested = format!("{}deep{}", "<ul><li><b>".repeat(depth), "</b></li></ul>".repeat(depth));
    let model = json!({ "smithy": "2.0", "shapes": {
        "hostile.docs#Nested": { "type": "structure", "members": {}, "traits": { "smithy.api#documentation": nested } },
    }});
    let code = generate_value(&model).unwrap();
    assert!(code.contains("deep"));
}
