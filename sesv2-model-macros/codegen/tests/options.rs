//! The options users of typify and prost-build expect: extra derives, for
//! every type or for one shape and what it contains, checked against the
//! member types; and renames for shapes whose names clash with the user's.

use sesv2_model_codegen::{Config, Derive, Errors, Rename, Subject, generate};

/// A small service: a job with a nested source, a status enum, a union, and
/// a report with a double and a map, which rule out some derives.
const MODEL: &str = r#"{
    "smithy": "2.0",
    "shapes": {
        "example.jobs#Jobs": { "type": "service", "version": "1", "operations": [{ "target": "example.jobs#GetJob" }] },
        "example.jobs#GetJob": {
            "type": "operation",
            "input": { "target": "example.jobs#GetJobInput" },
            "output": { "target": "example.jobs#GetJobOutput" }
        },
        "example.jobs#GetJobInput": { "type": "structure", "members": { "JobId": { "target": "smithy.api#String" } } },
        "example.jobs#GetJobOutput": {
            "type": "structure",
            "members": {
                "Job": { "target": "example.jobs#Job" },
                "Report": { "target": "example.jobs#Report" }
            }
        },
        "example.jobs#Job": {
            "type": "structure",
            "members": {
                "Source": { "target": "example.jobs#Source", "traits": { "smithy.api#required": {} } },
                "Status": { "target": "example.jobs#Status" },
                "Target": { "target": "example.jobs#Target" },
                "Tags": { "target": "example.jobs#TagList" }
            }
        },
        "example.jobs#Source": { "type": "structure", "members": { "Url": { "target": "smithy.api#String" } } },
        "example.jobs#Status": { "type": "enum", "members": { "DONE": { "target": "smithy.api#Unit" } } },
        "example.jobs#Target": {
            "type": "union",
            "members": { "List": { "target": "smithy.api#String" }, "Topic": { "target": "smithy.api#String" } }
        },
        "example.jobs#TagList": { "type": "list", "member": { "target": "smithy.api#String" } },
        "example.jobs#Report": {
            "type": "structure",
            "members": {
                "SuccessRate": { "target": "smithy.api#Double" },
                "Counts": { "target": "example.jobs#CountMap" }
            }
        },
        "example.jobs#CountMap": {
            "type": "map",
            "key": { "target": "smithy.api#String" },
            "value": { "target": "smithy.api#Long" }
        }
    }
}"#;

fn derive(traits: &[&str], shape: Option<&str>) -> Derive {
    Derive {
        traits: traits.iter().map(|name| name.to_string()).collect(),
        shape: shape.map(str::to_owned),
    }
}

fn run(config: Config) -> Result<String, Errors> {
    generate(&config, MODEL.as_bytes()).map(|generated| generated.source)
}

fn errors(config: Config) -> Vec<(Subject, String)> {
    run(config)
        .unwrap_err()
        .iter()
        .map(|error| (error.subject(), error.message().to_owned()))
        .collect()
}

/// The derive list written for a type, e.g. `Clone, PartialEq, Debug, Eq`.
fn derives_of(code: &str, item: &str) -> String {
    let at = code.find(item).unwrap_or_else(|| panic!("no `{item}` in the code"));
    let start = code[..at].rfind("#[derive(").unwrap() + "#[derive(".len();
    let end = start + code[start..].find(")]").unwrap();
    code[start..end]
        .replace("::core::", "")
        .replace("cmp::", "")
        .replace("hash::", "")
        .replace("fmt::", "")
}

#[test]
fn derives_for_one_shape_reach_every_type_it_contains() {
    let config = Config {
        derives: vec![derive(&["Eq", "Hash"], Some("example.jobs#Job"))],
        ..Config::default()
    };
    let code = run(config).unwrap();
    assert_eq!(
        derives_of(&code, "pub struct Job {"),
        "clone::Clone, PartialEq, Debug, Eq, Hash"
    );
    assert_eq!(
        derives_of(&code, "pub struct Source {"),
        "clone::Clone, PartialEq, Debug, default::Default, Eq, Hash"
    );
    assert_eq!(
        derives_of(&code, "pub enum Target {"),
        "clone::Clone, PartialEq, Debug, Eq, Hash"
    );
    // Enums derive every comparison already: nothing is added twice.
    assert_eq!(
        derives_of(&code, "pub enum Status {"),
        "clone::Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord"
    );
    // Types outside the named shape are untouched.
    assert_eq!(
        derives_of(&code, "pub struct Report {"),
        "clone::Clone, PartialEq, Debug, default::Default"
    );
    assert_eq!(
        derives_of(&code, "pub struct GetJobOutput {"),
        "clone::Clone, PartialEq, Debug, default::Default"
    );
}

#[test]
fn eq_and_hash_for_every_type_name_each_member_that_forbids_them() {
    let config = Config {
        derives: vec![derive(&["Eq", "Hash"], None)],
        ..Config::default()
    };
    assert_eq!(
        errors(config),
        [
            (
                Subject::Derive(0, 0),
                "cannot derive `Eq` for `example.jobs#Report`: `example.jobs#Report$SuccessRate` is a `double` (`f64`), \
                 which has no `Eq`; derive `Eq` only for shapes without such members"
                    .to_owned()
            ),
            (
                Subject::Derive(0, 1),
                "cannot derive `Hash` for `example.jobs#Report`: `example.jobs#Report$SuccessRate` is a `double` (`f64`), \
                 which has no `Hash`; derive `Hash` only for shapes without such members"
                    .to_owned()
            ),
            (
                Subject::Derive(0, 1),
                "cannot derive `Hash` for `example.jobs#Report`: `example.jobs#Report$Counts` is a map (`HashMap`), \
                 which has no `Hash`; derive `Hash` only for shapes without such members"
                    .to_owned()
            ),
        ]
    );
}

#[test]
fn a_forbidding_member_inside_the_named_shape_says_where_it_is() {
    let config = Config {
        derives: vec![derive(&["Ord"], Some("example.jobs#GetJobOutput"))],
        ..Config::default()
    };
    let errors = errors(config);
    assert_eq!(
        errors[0],
        (
            Subject::Derive(0, 0),
            "cannot derive `Ord` for `example.jobs#Target` (contained in `example.jobs#GetJobOutput`, which asks \
             for it): `example.jobs#Target` is a union, which keeps members it does not know as JSON values \
             (`UnknownMember`); those have no order and are not `Copy`; remove `Ord` here, or derive it for shapes \
             that do not contain that member"
                .to_owned()
        )
    );
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

#[test]
fn copy_is_checked_too() {
    let config = Config {
        derives: vec![derive(&["Copy"], Some("example.jobs#Source"))],
        ..Config::default()
    };
    assert_eq!(
        errors(config),
        [(
            Subject::Derive(0, 0),
            "cannot derive `Copy` for `example.jobs#Source`: `example.jobs#Source$Url` is a `string` (a `String`), \
             which has no `Copy`; remove `Copy` here, or derive it for shapes that do not contain that member"
                .to_owned()
        )]
    );
}

#[test]
fn derives_the_generated_code_already_has_are_rejected() {
    let config = Config {
        derives: vec![derive(
            &["Clone", "std::fmt::Debug", "serde::Serialize", "Default"],
            None,
        )],
        ..Config::default()
    };
    let errors = errors(config);
    let messages: Vec<&str> = errors.iter().map(|(_, message)| message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "`Clone` needs no derive: every generated type implements it; remove it from the derives",
            "`std::fmt::Debug` needs no derive: every generated type implements it (shapes with `@sensitive` data \
             redact it by hand); remove it from the derives",
            "`serde::Serialize` needs no derive: every generated type implements it, with the service's exact JSON \
             wire format; remove it from the derives",
            "`Default` needs no derive: structures whose members are all optional implement it, and builders do; \
             for any other type a default would invent a value for a required member; remove it from the derives",
        ]
    );
    assert_eq!(errors[3].0, Subject::Derive(0, 3));
}

#[test]
fn other_derive_paths_are_written_as_given() {
    let config = Config {
        derives: vec![derive(&["schemars::JsonSchema"], Some("example.jobs#Source"))],
        ..Config::default()
    };
    let code = run(config).unwrap();
    assert!(derives_of(&code, "pub struct Source {").ends_with(", schemars::JsonSchema"));
}

#[test]
fn a_derive_that_is_not_a_path_is_rejected_before_reaching_the_code() {
    let config = Config {
        derives: vec![derive(&["Eq)] struct Injected; #[derive(Hash"], None)],
        ..Config::default()
    };
    assert_eq!(
        errors(config),
        [(
            Subject::Derive(0, 0),
            "`Eq)] struct Injected; #[derive(Hash` is not a derive path; write a trait name such as `Hash` or a path \
             such as `serde::Serialize`"
                .to_owned()
        )]
    );
}

#[test]
fn deriving_for_a_shape_that_is_not_a_generated_type_is_an_error() {
    let config = Config {
        operations: vec!["GetJob".to_owned()],
        derives: vec![
            derive(&["Eq"], Some("example.jobs#Jobb")),
            derive(&["Eq"], Some("example.jobs#TagList")),
        ],
        ..Config::default()
    };
    assert_eq!(
        errors(config),
        [
            (
                Subject::DeriveShape(0),
                "the model has no shape `example.jobs#Jobb` to derive for. Did you mean `example.jobs#Job`?".to_owned()
            ),
            (
                Subject::DeriveShape(1),
                "`example.jobs#TagList` is a list; derives apply to the generated structures, unions and enums"
                    .to_owned()
            ),
        ]
    );
}

#[test]
fn a_rename_names_the_type_and_its_builder() {
    let config = Config {
        renames: vec![Rename {
            shape: "example.jobs#Job".to_owned(),
            name: "ImportJob".to_owned(),
        }],
        ..Config::default()
    };
    let code = run(config).unwrap();
    assert!(code.contains("pub struct ImportJob {"));
    assert!(code.contains("pub struct ImportJobBuilder {"));
    assert!(
        code.contains("pub job: ::core::option::Option<ImportJob>"),
        "members refer to the new name"
    );
    assert!(!code.contains("pub struct Job {"));
}

#[test]
fn renames_that_cannot_work_are_errors() {
    let rename = |shape: &str, name: &str| Rename {
        shape: shape.to_owned(),
        name: name.to_owned(),
    };
    let config = Config {
        renames: vec![
            rename("example.jobs#Job", "import_job"),
            rename("example.jobs#Job", "Self"),
            rename("example.jobs#Sauce", "Origin"),
            rename("example.jobs#TagList", "Tags"),
            rename("example.jobs#Source", "Report"),
        ],
        ..Config::default()
    };
    assert_eq!(
        errors(config),
        [
            (
                Subject::Rename(0),
                "`import_job` cannot be the Rust name of `example.jobs#Job`: a type name must be an UpperCamelCase \
                 identifier that is not a keyword, such as `ImportJob`"
                    .to_owned()
            ),
            (
                Subject::Rename(1),
                "`Self` cannot be the Rust name of `example.jobs#Job`: a type name must be an UpperCamelCase \
                 identifier that is not a keyword, such as `Self_`"
                    .to_owned()
            ),
            (
                Subject::Rename(2),
                "the model has no shape `example.jobs#Sauce` to rename. Did you mean `example.jobs#Source`?".to_owned()
            ),
            (
                Subject::Rename(3),
                "`example.jobs#TagList` is a list, which is not generated as a type of its own; rename a structure, \
                 union, enum or operation"
                    .to_owned()
            ),
            (
                Subject::Rename(4),
                "`example.jobs#Report` and `example.jobs#Source` would both be generated as the Rust type `Report`; \
                 rename one of the shapes, or give one a new Rust name with the generator's `renames`"
                    .to_owned()
            ),
        ]
    );
}

/// `Generator` has a method for every option of the table every way in
/// shares, named as the table names it, and each sets its field.
#[test]
fn generator_has_a_method_for_every_option_of_the_table() {
    use sesv2_model_codegen::Generator;
    use sesv2_model_codegen::config::{OPTIONS, OptionId};

    let default = Config::default();
    for option in OPTIONS {
        let generator = Generator::new("model.json");
        // Exhaustive: a new option fails to compile here until it has a method.
        let (method, generator) = match option.id {
            OptionId::Operations => ("operation", generator.operation("GetJob")),
            OptionId::Shapes => ("shape", generator.shape("example.jobs#Report")),
            OptionId::Derives => ("derive", generator.derive(["Eq"])),
            OptionId::ShapeDerives => ("derive_for", generator.derive_for("example.jobs#Source", ["Eq"])),
            OptionId::Renames => ("rename", generator.rename("example.jobs#Job", "Task")),
            OptionId::ClientErrorCorrection => ("client_error_correction", generator.client_error_correction(true)),
            OptionId::RuntimeCrate => ("runtime_crate", generator.runtime_crate("my_runtime")),
            OptionId::Client => ("client", generator.client(true)),
        };
        assert_eq!(method, option.generator);
        assert_ne!(generator.config(), &default, "`{method}` set nothing");
    }
}

#[test]
fn a_runtime_crate_that_is_no_rust_path_is_an_error() {
    for bad in ["sesv2-model", "", "my::", "crate", "1st"] {
        let config = Config {
            runtime_crate: bad.to_owned(),
            ..Config::default()
        };
        let errors = errors(config);
        assert_eq!(errors.len(), 1, "{bad:?}");
        assert_eq!(errors[0].0, Subject::RuntimeCrate);
        assert!(
            errors[0].1.starts_with(&format!("`{bad}` cannot be the runtime crate")),
            "{}",
            errors[0].1
        );
    }
    let config = Config {
        runtime_crate: "::my_crate::runtime".to_owned(),
        ..Config::default()
    };
    assert!(run(config).unwrap().contains("::my_crate::runtime::__private"));
}
