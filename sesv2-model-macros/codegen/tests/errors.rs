//! The catalog of the engine's errors: every message the engine can return,
//! triggered by the smallest model that shows it, checked word for word.
//! Each says what is wrong, names the shape id or member, and how to fix it.
//! The IDL's syntax errors, which follow Smithy's own loader word for word,
//! are checked by Smithy's loader suite (`idl_conformance.rs`) and, with the
//! errors of assembling files into one model, by `assembly.rs`.
//!
//! Three messages are deliberately absent because no input can trigger them:
//! "internal error: the generated code does not lex" (the fuzz target
//! `engine` checks that every output parses), "cannot merge" a list trait
//! (serializing a parsed JSON array cannot fail), and two members "would
//! both be generated as" one method (field names are chosen until no
//! member meets another's `set_` setter; 20,000 random sets of members
//! named like generated methods and each other never left one).

use serde_json::{Value, json};
use sesv2_model_codegen::{Config, Subject, generate, generate_file};

fn model(shapes: Value) -> Vec<u8> {
    serde_json::to_vec(&json!({ "smithy": "2.0", "shapes": shapes })).unwrap()
}

fn errors_with(config: &Config, json: &[u8]) -> Vec<(Subject, String)> {
    match generate(config, json) {
        Ok(generated) => panic!("expected errors, got code:\n{:.2000}", generated.source),
        Err(errors) => errors
            .iter()
            .map(|error| (error.subject(), error.message().to_owned()))
            .collect(),
    }
}

/// The messages for `shapes` with the whole model selected. `json!` sorts
/// shapes and members by name, so messages come in that order.
fn messages(shapes: Value) -> Vec<String> {
    errors_with(&Config::default(), &model(shapes))
        .into_iter()
        .map(|(subject, message)| {
            assert_eq!(subject, Subject::Model, "{message}");
            message
        })
        .collect()
}

fn operations(names: &[&str]) -> Config {
    Config {
        operations: names.iter().map(|name| name.to_string()).collect(),
        ..Config::default()
    }
}

const STRING: &str = "smithy.api#String";

#[test]
fn loading_errors_name_the_position_or_the_version() {
    let raw = |text: &str| errors_with(&Config::default(), text.as_bytes())[0].1.clone();
    assert_eq!(
        raw("{\"smithy\": \"2.0\", \"shapes\": {"),
        "the model is not valid JSON: EOF while parsing an object at line 1 column 29"
    );
    assert_eq!(
        raw(r#"{"smithy": "3.0", "shapes": {}}"#),
        "only Smithy 1.0 and 2.x models are supported, but this one declares version 3.0 at line 1 column 16"
    );
    assert_eq!(
        raw(r#"{"shapes": {}}"#),
        "this is not a Smithy JSON AST model: the top-level `smithy` version field is missing (expected \
         `\"smithy\": \"2.0\"`) at line 1 column 14"
    );
    assert_eq!(
        raw(r#"{"smithy": "2.0", "shapes": {"a#B": {"type": 7}}}"#),
        "the model is not a valid Smithy JSON AST: invalid type: integer `7`, expected a string at line 1 column 46"
    );
}

#[test]
fn a_model_file_that_cannot_be_read_is_named() {
    let missing = std::path::Path::new("/nonexistent/model.json");
    let errors = generate_file(&Config::default(), missing).unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "cannot read the model file `/nonexistent/model.json`: No such file or directory (os error 2)"
    );
}

#[test]
fn bad_shape_ids_and_duplicates() {
    assert_eq!(
        messages(json!({
            "NoNamespace": { "type": "string" },
            "a..b#C": { "type": "string" },
            "a#B$c": { "type": "string" },
            "a#1B": { "type": "string" },
            "smithy.api#String": { "type": "string" },
        })),
        [
            "`smithy.api#String` is a prelude shape, which a model cannot define again; rename the shape",
            "the model defines a shape with a bad id: `NoNamespace` is not an absolute shape id: it needs a \
             namespace, as in `com.example#NoNamespace`",
            "the model defines a shape with a bad id: `a#1B` is not a valid shape id: `1B` is not a Smithy identifier",
            "the model defines a shape with a bad id: `a#B$c` is a member id; a target must name a shape, not a member",
            "the model defines a shape with a bad id: `a..b#C` is not a valid shape id: the namespace `a..b` must be \
             identifiers separated by `.`",
        ]
    );
}

#[test]
fn shape_types_and_targets() {
    assert_eq!(
        messages(json!({
            "a#Odd": { "type": "class" },
            "a#Holder": { "type": "structure", "members": {
                "Typo": { "target": "a#Strng" },
                "Relative": { "target": "String" },
            }},
            "a#Strings": { "type": "list" },
            "a#String": { "type": "string" },
        })),
        [
            "`a#Holder$Relative` has a bad target: `String` is not an absolute shape id: it needs a namespace, as \
             in `com.example#String`",
            "`a#Holder$Typo` targets `a#Strng`, which is not defined in the model. Did you mean `a#String`? Define \
             the shape or correct the target.",
            "`a#Odd` has the shape type `class`, which is not a Smithy 2.0 shape type; use one of blob, boolean, \
             string, byte, short, integer, long, float, double, bigInteger, bigDecimal, timestamp, document, enum, \
             intEnum, list, map, structure, union, service, operation or resource",
            "`a#Strings` has no `member` member; add `\"member\": {\"target\": ...}`",
        ]
    );
}

#[test]
fn member_names() {
    assert_eq!(
        messages(json!({
            "a#Holder": { "type": "structure", "members": {
                "not-an-identifier": { "target": STRING },
                "name": { "target": STRING },
                "Name": { "target": STRING },
            }},
        })),
        [
            "`a#Holder$name` repeats a member name of `a#Holder` (member names must differ ignoring case); rename one",
            "`a#Holder$not-an-identifier` is not a valid member name: member names are Smithy identifiers",
        ]
    );
}

#[test]
fn enum_values() {
    let unit = json!({ "target": "smithy.api#Unit" });
    let valued = |value: Value| json!({ "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": value } });
    assert_eq!(
        messages(json!({
            "a#Color": { "type": "enum", "members": {
                "EMPTY": valued(json!("")),
                "RED": unit,
                "CRIMSON": valued(json!("RED")),
            }},
            "a#Size": { "type": "intEnum", "members": {
                "SMALL": unit,
                "ONE": valued(json!(1)),
                "UNO": valued(json!(1)),
                "HUGE": valued(json!(1_u64 << 40)),
            }},
            "a#Legacy": { "type": "string", "traits": { "smithy.api#enum": [
                { "value": "a" }, { "value": "a" }, { "value": "" },
            ]}},
        })),
        [
            "`a#Color$EMPTY`: an enum value must be a non-empty string, but it is String(\"\"); fix its \
             `smithy.api#enumValue` trait",
            "`a#Color$RED` repeats the value \"RED\" of another member of `a#Color`; enum values must be unique",
            "`a#Legacy`: the `smithy.api#enum` value \"a\" is empty or repeated; enum values must be unique and non-empty",
            "`a#Legacy`: the `smithy.api#enum` value \"\" is empty or repeated; enum values must be unique and non-empty",
            "`a#Size$HUGE`: an intEnum member needs a `smithy.api#enumValue` trait holding a 32-bit integer",
            "`a#Size$SMALL`: an intEnum member needs a `smithy.api#enumValue` trait holding a 32-bit integer",
            "`a#Size$UNO` repeats the value 1 of another member of `a#Size`; intEnum values must be unique",
        ]
    );
}

#[test]
fn trait_values_of_the_wrong_type() {
    assert_eq!(
        messages(json!({
            "a#Holder": { "type": "structure", "members": {
                "When": { "target": "smithy.api#Timestamp", "traits": { "smithy.api#timestampFormat": 7 } },
            }},
        })),
        [
            "`a#Holder$When`: the `smithy.api#timestampFormat` trait must be \"epoch-seconds\", \"date-time\" or \
             \"http-date\", but it is `7` (expected value at line 1 column 1); fix the trait value in the model"
        ]
    );
}

#[test]
fn references_to_the_wrong_kind_of_shape() {
    assert_eq!(
        messages(json!({
            "a#Service": { "type": "service", "version": "1",
                "operations": [{ "target": "a#Thing" }],
                "resources": [{ "target": "a#Thing" }],
                "errors": [{ "target": "a#Thing" }],
                "rename": { "a#Thing": "not valid" },
            },
            "a#Op": { "type": "operation", "input": { "target": STRING }, "errors": [{ "target": "a#Thing" }] },
            "a#Thing": { "type": "structure", "members": { "Op": { "target": "a#Op" } } },
            "a#Lookup": { "type": "map", "key": { "target": "smithy.api#Integer" }, "value": { "target": STRING } },
        })),
        [
            "`a#Service` renames `a#Thing` to `not valid`, which is not a Smithy identifier",
            "`a#Lookup$key` targets `smithy.api#Integer`, but map keys must target a string or enum shape",
            "`a#Op` (input) targets `smithy.api#String`, which is not a structure",
            "`a#Op` lists `a#Thing` as an error, but it is not a structure with the `smithy.api#error` trait",
            "`a#Service` lists `a#Thing` as an operation, but it is not one",
            "`a#Service` lists `a#Thing` as a resource, but it is not one",
            "`a#Service` lists `a#Thing` as an error, but it is not a structure with the `smithy.api#error` trait",
            "`a#Thing$Op` targets the operation `a#Op`; members must target data shapes",
        ]
    );
}

#[test]
fn apply_statements() {
    assert_eq!(
        messages(json!({
            "a#Thing": { "type": "structure", "members": {
                "Name": { "target": STRING, "traits": { "smithy.api#jsonName": "name" } },
            }},
            "a#Thing$Name": { "type": "apply", "traits": { "smithy.api#jsonName": "other" } },
            "a#Missing": { "type": "apply", "traits": {} },
            "a#Thing$Nope": { "type": "apply", "traits": {} },
        })),
        [
            "an `apply` statement targets `a#Missing`, which is not defined in the model; remove it or define the shape",
            "`a#Thing$Name` gets two different values for the trait `smithy.api#jsonName` (`\"name\"` and \
             `\"other\"`); Smithy only merges equal values and lists, so remove one",
            "an `apply` statement targets the member `a#Thing$Nope`, which `a#Thing` does not have",
        ]
    );
}

#[test]
fn mixins() {
    let mixin = json!({ "smithy.api#mixin": {} });
    assert_eq!(
        messages(json!({
            "a#Cycle1": { "type": "structure", "members": {}, "traits": mixin, "mixins": [{ "target": "a#Cycle2" }] },
            "a#Cycle2": { "type": "structure", "members": {}, "traits": mixin, "mixins": [{ "target": "a#Cycle1" }] },
            "a#Plain": { "type": "structure", "members": {} },
            "a#Strings": { "type": "list", "member": { "target": STRING }, "traits": mixin },
            "a#WithName": { "type": "structure", "members": { "Name": { "target": STRING } }, "traits": mixin },
            "a#WithNumber": {
                "type": "structure", "members": { "Name": { "target": "smithy.api#Integer" } }, "traits": mixin,
            },
            "a#User": { "type": "structure",
                "mixins": [
                    { "target": "a#Missing" }, { "target": "a#Plain" }, { "target": "a#Strings" },
                    { "target": "a#WithName" }, { "target": "a#WithNumber" },
                ],
                "members": {},
            },
            "a#Refiner": { "type": "structure", "mixins": [{ "target": "a#WithName" }],
                "members": { "Name": { "target": "smithy.api#Integer" } },
            },
        })),
        [
            "`a#Cycle1` is its own mixin through a cycle of mixins; break the cycle",
            "`a#Refiner$Name` targets `smithy.api#Integer`, but its mixin's member targets `smithy.api#String`; a \
             shape may only add traits to a mixin member",
            "`a#User` uses `a#Missing` as a mixin, but it is not defined in the model",
            "`a#User` uses `a#Plain` as a mixin, but it has no `smithy.api#mixin` trait",
            "`a#User` is a structure but its mixin `a#Strings` is a list; a mixin must be of the same shape type",
            "`a#User` gets the member `Name` from two mixins with different targets; rename one",
        ]
    );
}

#[test]
fn recursion_no_type_or_value_can_have() {
    let list = |target: &str| json!({ "type": "list", "member": { "target": target } });
    let required = json!({ "smithy.api#required": {} });
    assert_eq!(
        messages(json!({
            "a#Outer": list("a#Middle"),
            "a#Middle": { "type": "map", "key": { "target": STRING }, "value": { "target": "a#Outer" } },
            "a#Parent": { "type": "structure", "members": {
                "Child": { "target": "a#Child", "traits": required },
            }},
            "a#Child": { "type": "structure", "members": {
                "Parent": { "target": "a#Parent", "traits": required },
            }},
            "a#Region": { "type": "resource", "resources": [{ "target": "a#Zone" }] },
            "a#Zone": { "type": "resource", "resources": [{ "target": "a#Region" }] },
        })),
        [
            "`a#Middle` contains itself through lists and maps alone (`a#Middle` -> `a#Outer` -> `a#Middle`); \
             recursion must pass through a structure or union, so make one of these shapes target a structure that \
             holds the next",
            "`a#Region` is bound as a child of itself (`a#Region` -> `a#Zone` -> `a#Region`); resources form a tree, \
             so remove one of these bindings",
            "`a#Child` requires itself through required members alone (`a#Child` -> `a#Parent` -> `a#Child`), so no \
             value of it can exist; make one of these members optional",
        ]
    );
}

#[test]
fn nesting_too_deep_to_compile() {
    let mut shapes = serde_json::Map::new();
    for depth in 0..70 {
        let target = if depth == 69 {
            STRING.to_owned()
        } else {
            format!("a#L{}", depth + 1)
        };
        shapes.insert(
            format!("a#L{depth}"),
            json!({ "type": "list", "member": { "target": target } }),
        );
    }
    assert_eq!(
        messages(Value::Object(shapes.clone())),
        [
            "`a#L37` holds structures, unions, lists and maps nested 33 deep, and Rust's compiler gives up on types \
             nested that deeply (its recursion limit), so the generator supports at most 32; generate the inner \
             shapes on their own or make a member on the way a document"
        ]
    );
    // Only what is generated has to compile.
    let config = Config {
        shapes: vec!["a#L50".to_owned()],
        ..Config::default()
    };
    assert!(generate(&config, &model(Value::Object(shapes))).is_ok());
}

#[test]
fn names_that_would_collide_in_rust() {
    assert_eq!(
        messages(json!({
            "a#Thing": { "type": "structure", "members": {} },
            "a#THING": { "type": "structure", "members": {} },
            "b#Thing": { "type": "structure", "members": {} },
        })),
        [
            "`a#THING` and `a#Thing` would both be generated as the Rust type `Thing`; rename one of the shapes, \
             or give one a new Rust name with the generator's `renames`",
            "`a#Thing` and `b#Thing` would both be generated as the Rust type `Thing`; give one of them a new name \
             in the service's `rename` map or with the generator's `renames`",
        ]
    );
}

#[test]
fn operations_whose_rust_names_collide() {
    assert_eq!(
        messages(json!({
            "a#Service": { "type": "service", "version": "1",
                "operations": [{ "target": "a#GetThing" }, { "target": "a#GETThing" }] },
            "a#GetThing": { "type": "operation" },
            "a#GETThing": { "type": "operation" },
        })),
        [
            "the operations `a#GETThing` and `a#GetThing` would both define `operations::GetThing`; rename one of \
             them (the service's `rename` map can)",
            "the operations `a#GETThing` and `a#GetThing` would both define `operations::GetThingError`; rename one \
             of them (the service's `rename` map can)",
        ]
    );
}

#[test]
fn selections_point_at_the_argument_they_are_about() {
    let shapes = json!({
        "a#Service": { "type": "service", "version": "1", "operations": [{ "target": "a#GetThing" }] },
        "a#GetThing": { "type": "operation" },
        "a#Thing": { "type": "structure", "members": {} },
    });
    let single = model(shapes.clone());
    let config = Config {
        operations: ["GetThng", "a#Thing", "a#Nope", "Thing", "bad id#"]
            .map(String::from)
            .to_vec(),
        shapes: ["a#Thng", "Thing"].map(String::from).to_vec(),
        ..Config::default()
    };
    assert_eq!(
        errors_with(&config, &single),
        [
            (
                Subject::Operation(0),
                "the model has no operation named `GetThng`. Did you mean `GetThing`?".to_owned()
            ),
            (
                Subject::Operation(1),
                "`a#Thing` is a structure, not an operation; list it in `shapes` instead".to_owned()
            ),
            (Subject::Operation(2), "the model has no operation `a#Nope`.".to_owned()),
            (
                Subject::Operation(3),
                "`Thing` is the structure `a#Thing`, not an operation; list it in `shapes` as \"a#Thing\" instead"
                    .to_owned()
            ),
            (
                Subject::Operation(4),
                "`bad id#` is not a valid shape id: the namespace `bad id` must be identifiers separated by `.`"
                    .to_owned()
            ),
            (
                Subject::Shape(0),
                "the model has no shape `a#Thng`. Did you mean `a#Thing`?".to_owned()
            ),
            (
                Subject::Shape(1),
                "`Thing` is not an absolute shape id: it needs a namespace, as in `com.example#Thing`".to_owned()
            ),
        ]
    );

    let mut two = shapes;
    two["b#Service"] = json!({ "type": "service", "version": "1", "operations": [{ "target": "b#GetThing" }] });
    two["b#GetThing"] = json!({ "type": "operation" });
    assert_eq!(
        errors_with(&operations(&["GetThing"]), &model(two.clone())),
        [(
            Subject::Operation(0),
            "the model has several services (`a#Service`, `b#Service`), so the operation `GetThing` must be given by \
             its absolute shape id, such as `namespace#GetThing`"
                .to_owned()
        )]
    );

    let mut no_service = two;
    no_service
        .as_object_mut()
        .unwrap()
        .retain(|id, _| !id.ends_with("#Service"));
    assert_eq!(
        errors_with(&operations(&["GetThing"]), &model(no_service)),
        [(
            Subject::Operation(0),
            "several operations are named `GetThing` (`a#GetThing`, `b#GetThing`); give the absolute shape id"
                .to_owned()
        )]
    );
}
