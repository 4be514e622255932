//! The engine's public API: what a selection generates, and how every kind
//! of bad model or bad request is reported (all at once, each tied to the
//! argument it is about).

use sesv2_model_codegen::{Config, Errors, Subject, generate, generate_file, to_source};

/// A model with two operations, one unreferenced shape and some simple types.
const SERVICE: &str = r#"{
    "smithy": "2.0",
    "shapes": {
        "example.shop#Shop": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{"target": "example.shop#GetOrder"}],
            "resources": [{"target": "example.shop#Basket"}]
        },
        "example.shop#Basket": {
            "type": "resource",
            "read": {"target": "example.shop#GetBasket"}
        },
        "example.shop#GetOrder": {
            "type": "operation",
            "input": {"target": "example.shop#GetOrderInput"},
            "output": {"target": "example.shop#Order"},
            "errors": [{"target": "example.shop#NoSuchOrder"}]
        },
        "example.shop#GetBasket": {
            "type": "operation",
            "input": {"target": "smithy.api#Unit"},
            "output": {"target": "example.shop#Basket_Contents"}
        },
        "example.shop#GetOrderInput": {
            "type": "structure",
            "members": {"OrderId": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}}
        },
        "example.shop#Order": {
            "type": "structure",
            "members": {"Lines": {"target": "example.shop#Lines"}, "State": {"target": "example.shop#State"}}
        },
        "example.shop#Lines": {"type": "list", "member": {"target": "example.shop#Line"}},
        "example.shop#Line": {"type": "structure", "members": {"Sku": {"target": "smithy.api#String"}}},
        "example.shop#State": {"type": "enum", "members": {"OPEN": {"target": "smithy.api#Unit"}}},
        "example.shop#NoSuchOrder": {
            "type": "structure",
            "members": {"message": {"target": "smithy.api#String"}},
            "traits": {"smithy.api#error": "client", "smithy.api#httpError": 404}
        },
        "example.shop#Basket_Contents": {"type": "structure", "members": {}},
        "example.shop#Orphan": {"type": "structure", "members": {}}
    }
}"#;

/// The generated code, formatted.
fn generated(config: &Config, model: &str) -> String {
    let generated = generate(config, model.as_bytes()).unwrap_or_else(|errors| panic!("generation failed: {errors}"));
    to_source(&generated).unwrap()
}

fn errors(config: &Config, model: &str) -> Errors {
    match generate(config, model.as_bytes()) {
        Ok(_) => panic!("expected errors"),
        Err(errors) => errors,
    }
}

fn messages(errors: &Errors) -> Vec<(Subject, String)> {
    errors
        .iter()
        .map(|error| (error.subject(), error.message().to_owned()))
        .collect()
}

fn operations(names: &[&str]) -> Config {
    Config {
        operations: names.iter().map(|name| name.to_string()).collect(),
        ..Config::default()
    }
}

fn defines(code: &str, item: &str) -> bool {
    code.contains(&format!("pub struct {item} {{")) || code.contains(&format!("pub enum {item} {{"))
}

#[test]
fn the_whole_service_is_everything_reachable_from_it() {
    let code = generated(&Config::default(), SERVICE);
    for item in [
        "GetOrderInput",
        "Order",
        "Line",
        "State",
        "NoSuchOrder",
        "BasketContents",
    ] {
        assert!(defines(&code, item), "{item} is reachable");
    }
    assert!(!defines(&code, "Orphan"), "Orphan is not reachable from the service");
}

#[test]
fn an_operation_selects_its_input_output_errors_and_their_closure() {
    let code = generated(&operations(&["GetOrder"]), SERVICE);
    for item in ["GetOrderInput", "Order", "Line", "State", "NoSuchOrder"] {
        assert!(defines(&code, item), "{item} is in the closure of GetOrder");
    }
    assert!(!defines(&code, "BasketContents"));
    let by_id = generated(&operations(&["example.shop#GetOrder"]), SERVICE);
    assert_eq!(by_id, code);
}

#[test]
fn operations_bound_to_resources_can_be_selected_by_name() {
    let code = generated(&operations(&["GetBasket"]), SERVICE);
    assert!(defines(&code, "BasketContents"));
    assert!(!defines(&code, "Order"));
}

#[test]
fn shapes_add_roots_by_id() {
    let config = Config {
        shapes: vec!["example.shop#Orphan".to_owned(), "example.shop#State".to_owned()],
        ..Config::default()
    };
    let code = generated(&config, SERVICE);
    assert!(defines(&code, "Orphan") && defines(&code, "State"));
    assert!(!defines(&code, "Order"));
}

#[test]
fn a_model_without_a_service_generates_every_shape() {
    let model = SERVICE.replace(
        "\"type\": \"service\"",
        "\"type\": \"structure\", \"members\": {}, \"x\": \"service\"",
    );
    let code = generated(&Config::default(), &model);
    assert!(defines(&code, "Orphan") && defines(&code, "Order"));
}

#[test]
fn unknown_operations_and_shapes_suggest_the_closest_name_and_point_at_their_argument() {
    let config = Config {
        operations: vec!["GetOrder".to_owned(), "GetOrders".to_owned(), "Order".to_owned()],
        shapes: vec!["example.shop#Oder".to_owned(), "Order".to_owned()],
        ..Config::default()
    };
    assert_eq!(
        messages(&errors(&config, SERVICE)),
        [
            (
                Subject::Operation(1),
                "the model has no operation named `GetOrders`. Did you mean `GetOrder`?".to_owned()
            ),
            (
                Subject::Operation(2),
                "`Order` is the structure `example.shop#Order`, not an operation; list it in `shapes` as \
                 \"example.shop#Order\" instead"
                    .to_owned()
            ),
            (
                Subject::Shape(0),
                "the model has no shape `example.shop#Oder`. Did you mean `example.shop#Order`?".to_owned()
            ),
            (
                Subject::Shape(1),
                "`Order` is not an absolute shape id: it needs a namespace, as in `com.example#Order`".to_owned()
            ),
        ]
    );
}

#[test]
fn a_structure_is_not_an_operation() {
    assert_eq!(
        messages(&errors(&operations(&["example.shop#Order"]), SERVICE)),
        [(
            Subject::Operation(0),
            "`example.shop#Order` is a structure, not an operation; list it in `shapes` instead".to_owned()
        )]
    );
}

#[test]
fn bare_operation_names_need_a_single_service() {
    let model = SERVICE.replace(
        r#""example.shop#Orphan": {"type": "structure", "members": {}}"#,
        r#""example.shop#Orphan": {"type": "service", "version": "1"}"#,
    );
    let errors = errors(&operations(&["GetOrder"]), &model);
    assert_eq!(errors.len(), 1);
    let error = errors.iter().next().unwrap();
    assert_eq!(error.subject(), Subject::Operation(0));
    assert!(error.message().starts_with("the model has several services"), "{error}");
    assert!(generate(&operations(&["example.shop#GetOrder"]), model.as_bytes()).is_ok());
}

#[test]
fn every_problem_in_the_model_is_reported_at_once() {
    let model = r#"{"smithy": "2.0", "shapes": {
        "a.b#S": {"type": "structure", "members": {
            "One": {"target": "a.b#Missing"},
            "Two": {"target": "a.b#Op"},
            "Three": {"target": "a.b#M"},
            "Four": {"target": "smithy.api#String", "traits": {"smithy.api#jsonName": 5}}
        }},
        "a.b#Op": {"type": "operation", "errors": [{"target": "a.b#S"}]},
        "a.b#M": {"type": "map", "key": {"target": "smithy.api#Integer"}, "value": {"target": "smithy.api#String"}},
        "a.b#E": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "x"}},
                                              "B": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "x"}}}},
        "a.b#L": {"type": "list"},
        "bad id": {"type": "string"}
    }}"#;
    let found = messages(&errors(&Config::default(), model));
    let expected = [
        "the model defines a shape with a bad id: `bad id` is not an absolute shape id",
        "`a.b#S$One` targets `a.b#Missing`, which is not defined in the model.",
        "`a.b#S$Four`: the `smithy.api#jsonName` trait must be a string, but it is `5`",
        "`a.b#E$B` repeats the value \"x\" of another member of `a.b#E`",
        "`a.b#L` has no `member` member",
        "`a.b#S$Two` targets the operation `a.b#Op`; members must target data shapes",
        "`a.b#M$key` targets `smithy.api#Integer`, but map keys must target a string or enum shape",
        "`a.b#Op` lists `a.b#S` as an error, but it is not a structure with the `smithy.api#error` trait",
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for start in expected {
        assert!(
            found
                .iter()
                .any(|(subject, message)| *subject == Subject::Model && message.starts_with(start)),
            "no error starts with {start:?} in {found:#?}"
        );
    }
}

#[test]
fn what_cannot_be_represented_exactly_is_reported_as_a_note_not_an_error() {
    let model = r#"{"smithy": "2.0", "shapes": {
        "a.b#Svc": {"type": "service", "version": "1", "operations": [{"target": "a.b#Op"}],
                    "traits": {"aws.protocols#awsQuery": {}}},
        "a.b#Op": {"type": "operation", "output": {"target": "a.b#Out"}},
        "a.b#Out": {"type": "structure", "members": {
            "When": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#default": "2024-01-01T00:00:00Z"}},
            "Count": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 7}}
        }}
    }}"#;
    let generated = generate(&Config::default(), model.as_bytes()).unwrap();
    let notes: Vec<String> = generated.notes.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        [
            "(service): the service uses the awsQuery protocol; the generated serde impls read and write JSON in \
             the restJson1 style, not the service's wire format",
            "a.b#Out$When: the default `\"2024-01-01T00:00:00Z\"` does not fit the timestamp shape \
             `smithy.api#Timestamp`; the member is generated without its default",
        ]
    );
    let code = to_source(&generated).unwrap();
    assert!(
        code.contains("pub when: ::core::option::Option<::sesv2_model::Timestamp>,"),
        "{code:.2000}"
    );
    assert!(code.contains("pub count: ::core::primitive::i32,"));
}

#[test]
fn a_missing_model_file_is_reported_with_its_path() {
    let path = std::env::temp_dir().join("sesv2-model-codegen-no-such-model.json");
    let errors = generate_file(&Config::default(), &path).unwrap_err();
    let error = errors.iter().next().unwrap();
    assert_eq!(error.subject(), Subject::Model);
    assert!(
        error
            .message()
            .starts_with(&format!("cannot read the model file `{}`: ", path.display())),
        "{error}"
    );
}

#[test]
fn generated_code_tracks_the_model_file_when_asked() {
    let path = std::env::temp_dir().join(format!("sesv2-model-codegen-track-{}.json", std::process::id()));
    std::fs::write(&path, SERVICE).unwrap();
    let untracked = generate_file(&Config::default(), &path).unwrap().source;
    let tracking = Config {
        track_files: vec![path.clone()],
        ..Config::default()
    };
    let tracked = generate_file(&tracking, &path).unwrap().source;
    std::fs::remove_file(&path).unwrap();
    let reference = format!("include_bytes!({:?})", path.display().to_string());
    assert!(tracked.contains(&reference), "{tracked:.300}");
    assert!(!untracked.contains("include_bytes!"), "{untracked:.300}");
}

#[test]
fn the_runtime_crate_can_be_renamed() {
    let config = Config {
        runtime_crate: "my_runtime".to_owned(),
        ..Config::default()
    };
    let code = generated(&config, SERVICE);
    assert!(code.contains("::my_runtime::__private"));
    assert!(!code.contains("sesv2_model"));
}

#[test]
fn wide_structures_compare_field_by_field_instead_of_deriving_partial_eq() {
    let structure = |members: usize| {
        let members: Vec<String> = (0..members)
            .map(|index| format!(r#""Member{index}": {{ "target": "smithy.api#Integer" }}"#))
            .collect();
        format!(
            r#"{{ "smithy": "2.0", "shapes": {{ "a#Row": {{ "type": "structure", "members": {{ {} }} }} }} }}"#,
            members.join(", ")
        )
    };
    let compact = |code: String| code.replace(char::is_whitespace, "");
    let narrow = compact(generated(&Config::default(), &structure(256)));
    assert!(narrow.contains("#[derive(::core::clone::Clone,::core::cmp::PartialEq,"));
    assert!(!narrow.contains("impl::core::cmp::PartialEqforRow"));

    // rustc walks a derived `&&` chain recursively; 257 statements are flat.
    let wide = compact(generated(&Config::default(), &structure(257)));
    assert!(wide.contains("#[derive(::core::clone::Clone,::core::fmt::Debug,"));
    assert!(wide.contains("impl::core::cmp::PartialEqforRow"));
    assert_eq!(wide.matches("ifself.member").count(), 257);
    assert!(wide.contains("ifself.member256!=__other.member256{returnfalse;}true"));
}
