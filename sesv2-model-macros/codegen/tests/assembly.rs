//! One model from many files, `.smithy` and `.json` mixed, as Smithy
//! assembles it; seen through the JSON AST the engine prints (`--ast`).

use serde_json::{Value, json};
use sesv2_model_codegen::{Config, ModelFiles, generate, json_ast};

fn files(sources: &[(&str, &str)]) -> ModelFiles {
    let mut files = ModelFiles::new();
    for (path, text) in sources {
        files.push(*path, *text);
    }
    files
}

fn ast(sources: &[(&str, &str)]) -> Value {
    let text = json_ast(&files(sources)).unwrap_or_else(|errors| panic!("{errors}"));
    serde_json::from_str(&text).unwrap()
}

fn errors(sources: &[(&str, &str)]) -> Vec<String> {
    match json_ast(&files(sources)) {
        Ok(text) => panic!("expected errors, got\n{text}"),
        Err(errors) => errors.iter().map(|error| error.message().to_owned()).collect(),
    }
}

#[test]
fn idl_and_json_files_make_one_model() {
    let model = ast(&[
        (
            "forecast.smithy",
            "$version: \"2\"\nnamespace example.weather\n\nstructure Forecast {\n    high: Celsius\n}\n",
        ),
        (
            "units.json",
            r#"{"smithy": "2.0", "shapes": {"example.weather#Celsius": {"type": "float"}}}"#,
        ),
    ]);
    assert_eq!(
        model["shapes"],
        json!({
            "example.weather#Forecast": {
                "type": "structure",
                "members": {"high": {"target": "example.weather#Celsius"}},
            },
            "example.weather#Celsius": {"type": "float"},
        })
    );
}

#[test]
fn relative_ids_prefer_the_namespace_in_any_file_to_the_prelude() {
    let model = ast(&[
        (
            "a.smithy",
            "$version: \"2\"\nnamespace example.a\n\nstructure Uses {\n    local: String\n    prelude: Integer\n}\n",
        ),
        ("b.smithy", "$version: \"2\"\nnamespace example.a\n\nstring String\n"),
    ]);
    let members = &model["shapes"]["example.a#Uses"]["members"];
    assert_eq!(members["local"]["target"], "example.a#String");
    assert_eq!(members["prelude"]["target"], "smithy.api#Integer");
}

#[test]
fn a_shape_defined_the_same_in_two_files_is_one_shape() {
    let shape = "$version: \"2\"\nnamespace example.a\n\n/// Docs.\nstring Name\n";
    let model = ast(&[("a.smithy", shape), ("b.smithy", shape)]);
    assert_eq!(
        model["shapes"]["example.a#Name"]["traits"]["smithy.api#documentation"],
        "Docs."
    );
}

#[test]
fn a_shape_defined_differently_names_both_places() {
    assert_eq!(
        errors(&[
            ("a.smithy", "$version: \"2\"\nnamespace example.a\n\nstring Name\n"),
            ("b.smithy", "$version: \"2\"\nnamespace example.a\n\ninteger Name\n"),
        ]),
        [
            "b.smithy:4:9: `example.a#Name` is defined differently here and at a.smithy:4:8; a shape defined in \
          several files must be the same everywhere, so remove or align one"
        ]
    );
}

#[test]
fn apply_reaches_shapes_in_other_files_and_formats() {
    let model = ast(&[
        (
            "a.smithy",
            "$version: \"2\"\nnamespace example.a\n\napply Name @length(min: 1)\n\napply Pair$left {\n    @required\n}\n",
        ),
        (
            "b.json",
            r#"{"smithy": "2.0", "shapes": {
                "example.a#Name": {"type": "string"},
                "example.a#Pair": {"type": "structure", "members": {"left": {"target": "example.a#Name"}}},
                "example.a#Pair$left": {"type": "apply", "traits": {"smithy.api#documentation": "The left."}}
            }}"#,
        ),
    ])["shapes"]
        .clone();
    assert_eq!(
        model["example.a#Name"]["traits"],
        json!({"smithy.api#length": {"min": 1}})
    );
    assert_eq!(
        model["example.a#Pair"]["members"]["left"]["traits"],
        json!({"smithy.api#required": {}, "smithy.api#documentation": "The left."})
    );
}

#[test]
fn applying_a_trait_to_an_inherited_member_gives_the_shape_its_own() {
    let model = ast(&[(
        "a.smithy",
        "$version: \"2\"\nnamespace example.a\n\n@mixin\nstructure Base {\n    id: String\n}\n\n\
         structure Thing with [Base] {}\n\napply Thing$id @required\n",
    )]);
    assert_eq!(
        model["shapes"]["example.a#Thing"]["members"],
        json!({"id": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}})
    );
}

#[test]
fn metadata_lists_concatenate_and_other_conflicts_name_both_files() {
    let model = ast(&[
        (
            "a.smithy",
            "$version: \"2\"\nmetadata owners = [\"a\"]\nmetadata region = \"eu\"\n",
        ),
        (
            "b.json",
            r#"{"smithy": "2.0", "metadata": {"owners": ["b"], "region": "eu"}}"#,
        ),
    ]);
    assert_eq!(model["metadata"], json!({"owners": ["a", "b"], "region": "eu"}));
    assert_eq!(
        errors(&[
            ("a.smithy", "$version: \"2\"\nmetadata region = \"eu\"\n"),
            ("b.smithy", "$version: \"2\"\nmetadata region = \"us\"\n"),
        ]),
        [
            "b.smithy:2:1: the metadata key `region` is also set at a.smithy:2:1, to a different value; Smithy only \
          merges equal values and lists"
        ]
    );
}

#[test]
fn a_trait_without_a_value_gets_the_empty_value_of_its_shape() {
    let model = ast(&[(
        "a.smithy",
        "$version: \"2\"\nnamespace example.a\n\n@trait\nlist labels {\n    member: String\n}\n\n\
         @trait\nstring note\n\n@labels\n@note\n@sensitive\n@tags\nstring Secret\n",
    )]);
    assert_eq!(
        model["shapes"]["example.a#Secret"]["traits"],
        json!({"example.a#labels": [], "example.a#note": null, "smithy.api#sensitive": {}, "smithy.api#tags": []})
    );
}

#[test]
fn syntax_errors_of_every_file_are_reported_together_with_their_place() {
    let files = files(&[
        (
            "a.smithy",
            "$version: \"2\"\nnamespace example.a\n\nstructure A {\n    b String\n}\n",
        ),
        ("b.smithy", "$version: \"2\"\nnamespace example.a\n\nstring B with\n"),
        ("c.json", "{\"smithy\": \"2.0\",\n \"shapes\": {]}"),
    ]);
    let errors = json_ast(&files).unwrap_err();
    let places: Vec<_> = errors
        .iter()
        .map(|error| {
            let location = error.location().expect("syntax errors have a place");
            (location.path.as_str(), location.line, location.column)
        })
        .collect();
    assert_eq!(places, [("a.smithy", 5, 7), ("b.smithy", 5, 1), ("c.json", 2, 13)]);
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "a.smithy:5:7: Expected COLON(':') but found IDENTIFIER('String')"
    );
}

#[test]
fn idl_1_0_files_load_what_they_share_with_2_0() {
    let model = ast(&[(
        "old.smithy",
        "namespace example.old\n\nset Names {\n    member: String\n}\n",
    )]);
    assert_eq!(
        model["shapes"]["example.old#Names"],
        json!({"type": "list", "member": {"target": "smithy.api#String"}, "traits": {"smithy.api#uniqueItems": {}}})
    );
    assert_eq!(
        errors(&[("old.smithy", "namespace example.old\n\nenum Suit {\n    CLUB\n}\n")]),
        ["old.smithy:3:1: enum shapes cannot be used in Smithy version 1.0"]
    );
}

#[test]
fn use_statements_win_and_may_not_clash_with_local_shapes() {
    let model = ast(&[
        (
            "a.smithy",
            "$version: \"2\"\nnamespace example.a\n\nuse example.b#Name\n\nstructure A {\n    name: Name\n}\n",
        ),
        ("b.smithy", "$version: \"2\"\nnamespace example.b\n\nstring Name\n"),
    ]);
    assert_eq!(
        model["shapes"]["example.a#A"]["members"]["name"]["target"],
        "example.b#Name"
    );
    assert_eq!(
        errors(&[(
            "a.smithy",
            "$version: \"2\"\nnamespace example.a\n\nuse smithy.api#String\n\nstring String\n",
        )]),
        ["a.smithy:6:8: Shape name `String` conflicts with imported shape `smithy.api#String`"]
    );
}

#[test]
fn generate_reads_idl_handed_over_as_bytes() {
    let idl =
        b"$version: \"2\"\nnamespace example.a\n\n/// A forecast.\nstructure Forecast {\n    high: Integer = 0\n}\n";
    let generated = generate(&Config::default(), idl).unwrap();
    assert!(generated.source.contains("pub struct Forecast"), "{}", generated.source);
    let error = generate(&Config::default(), b"namespace example.a\nstring").unwrap_err();
    assert_eq!(
        error.iter().next().unwrap().message(),
        "2:7: Expected SPACE(' ') but found EOF"
    );
}

#[test]
fn a_directory_is_read_in_name_order_and_only_its_model_files() {
    let directory = std::env::temp_dir().join(format!("sesv2-model-assembly-{}", std::process::id()));
    std::fs::create_dir_all(directory.join("nested")).unwrap();
    std::fs::write(
        directory.join("b.smithy"),
        "$version: \"2\"\nnamespace example.a\nstring B\n",
    )
    .unwrap();
    std::fs::write(directory.join("nested/a.json"), r#"{"smithy": "2.0"}"#).unwrap();
    std::fs::write(directory.join("README.md"), "not a model").unwrap();
    let files = ModelFiles::read([&directory]).unwrap();
    let names: Vec<_> = files
        .files()
        .iter()
        .map(|file| file.path().strip_prefix(&directory).unwrap().to_owned())
        .collect();
    std::fs::remove_dir_all(&directory).unwrap();
    assert_eq!(names, [std::path::PathBuf::from("b.smithy"), "nested/a.json".into()]);
}

#[test]
fn a_file_named_twice_is_read_once() {
    let directory = std::env::temp_dir().join(format!("sesv2-model-twice-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let file = directory.join("a.smithy");
    std::fs::write(&file, "$version: \"2\"\nmetadata owners = [\"a\"]\n").unwrap();
    let files = ModelFiles::read([&directory, &file]).unwrap();
    let ast: Value = serde_json::from_str(&json_ast(&files).unwrap()).unwrap();
    std::fs::remove_dir_all(&directory).unwrap();
    assert_eq!(files.files().len(), 1);
    assert_eq!(ast["metadata"]["owners"], json!(["a"]));
}

#[test]
fn a_value_nested_too_deep_is_an_error_not_a_stack_overflow() {
    let deep = format!("$version: \"2\"\nmetadata deep = {}\n", "[".repeat(100_000));
    assert_eq!(
        errors(&[("deep.smithy", &deep)]),
        ["deep.smithy:2:117: node values may nest at most 100 arrays and objects deep; flatten this value"]
    );
    let fine = format!(
        "$version: \"2\"\nmetadata deep = {}{}\n",
        "[".repeat(100),
        "]".repeat(100)
    );
    assert!(ast(&[("fine.smithy", &fine)])["metadata"]["deep"].is_array());
}
