//! Smithy's own loader suite (`../shared/smithy/idl-conformance`, part of
//! smithy-model's tests), and the official protocol tests loaded whole.
//!
//! - `valid/x.smithy` must mean what `valid/x.json` means: the JSON AST the
//!   engine prints for each (both with `valid/__shared.json`) must be equal
//!   as JSON values, and the one from `x.json` must keep its every shape.
//! - Every `invalid/` file must be rejected, at the line and column its
//!   first line states when it states them.
//!
//! Cases are discovered, not listed: new ones run the same way.

mod common;

use std::path::{Path, PathBuf};

use sesv2_model_codegen::{Errors, ModelFiles, json_ast, json_ast_flattened};

/// Cases the engine deliberately does not pass, with the reason.
const EXCLUDED: &[(&str, &str)] = &[];

fn files_under(directory: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![directory.to_owned()];
    while let Some(directory) = pending.pop() {
        for entry in std::fs::read_dir(&directory).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|found| found == extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn ast(paths: &[&Path]) -> Result<Json, Errors> {
    let files = ModelFiles::read(paths)?;
    let text = json_ast(&files)?;
    Ok(Json::parse(&text))
}

fn flattened_ast(paths: &[&Path]) -> Result<Json, Errors> {
    let files = ModelFiles::read(paths)?;
    let text = json_ast_flattened(&files)?;
    Ok(Json::parse(&text))
}

/// JSON as the comparison needs it: objects unordered, numbers by value,
/// and numbers beyond `f64` (which `serde_json::Value` cannot hold) by text.
#[derive(Debug, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Number(f64),
    HugeNumber(String),
    String(String),
    Array(Vec<Json>),
    Object(std::collections::BTreeMap<String, Json>),
}

impl Json {
    fn parse(text: &str) -> Json {
        let mut rest = text.trim_start();
        let value = Json::value(&mut rest);
        assert!(rest.trim().is_empty(), "trailing text after JSON: {rest}");
        value
    }

    fn value(rest: &mut &str) -> Json {
        let skip = |rest: &mut &str, n: usize| *rest = rest[n..].trim_start();
        match rest.as_bytes()[0] {
            b'{' => {
                skip(rest, 1);
                let mut object = std::collections::BTreeMap::new();
                while !rest.starts_with('}') {
                    let Json::String(key) = Json::value(rest) else {
                        panic!("object keys are strings")
                    };
                    skip(rest, 1);
                    object.insert(key, Json::value(rest));
                    if rest.starts_with(',') {
                        skip(rest, 1);
                    }
                }
                skip(rest, 1);
                Json::Object(object)
            }
            b'[' => {
                skip(rest, 1);
                let mut items = Vec::new();
                while !rest.starts_with(']') {
                    items.push(Json::value(rest));
                    if rest.starts_with(',') {
                        skip(rest, 1);
                    }
                }
                skip(rest, 1);
                Json::Array(items)
            }
            b'"' => {
                let mut end = 1;
                while rest.as_bytes()[end] != b'"' {
                    end += if rest.as_bytes()[end] == b'\\' { 2 } else { 1 };
                }
                let string = serde_json::from_str(&rest[..=end]).unwrap();
                skip(rest, end + 1);
                Json::String(string)
            }
            b't' | b'f' | b'n' => {
                let (word, value) = [
                    ("true", Json::Bool(true)),
                    ("false", Json::Bool(false)),
                    ("null", Json::Null),
                ]
                .into_iter()
                .find(|(word, _)| rest.starts_with(word))
                .unwrap();
                skip(rest, word.len());
                value
            }
            _ => {
                let end = rest.find([',', '}', ']', ' ', '\n']).unwrap_or(rest.len());
                let number = &rest[..end];
                let parsed: f64 = number.parse().unwrap();
                let value = if parsed.is_finite() {
                    Json::Number(parsed)
                } else {
                    Json::HugeNumber(number.to_ascii_lowercase())
                };
                skip(rest, end);
                value
            }
        }
    }

    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(object) => object.get(key),
            _ => None,
        }
    }
}

fn excluded(path: &Path) -> bool {
    EXCLUDED.iter().any(|(name, _)| path.ends_with(name))
}

#[test]
fn valid_idl_means_what_its_json_ast_says() {
    let Some(smithy) = common::smithy() else { return };
    let valid = smithy.join("idl-conformance/valid");
    let shared = valid.join("__shared.json");
    let mut compared = 0;
    let mut failures = Vec::new();
    for idl in files_under(&valid, "smithy") {
        let json = idl.with_extension("json");
        if !json.exists() || excluded(&idl) {
            continue;
        }
        compared += 1;
        let name = idl.strip_prefix(&valid).unwrap().display().to_string();
        let from_idl = match ast(&[&idl, &shared]) {
            Ok(value) => value,
            Err(errors) => {
                failures.push(format!("{name}: the IDL does not load:\n{errors}"));
                continue;
            }
        };
        let from_json = match ast(&[&json, &shared]) {
            Ok(value) => value,
            Err(errors) => {
                failures.push(format!("{name}: the JSON does not load:\n{errors}"));
                continue;
            }
        };
        let written = Json::parse(&std::fs::read_to_string(&json).unwrap());
        if let Some(Json::Object(shapes)) = written.get("shapes") {
            for (id, shape) in shapes {
                let applied_only = shape.get("type") == Some(&Json::String("apply".to_owned()));
                let kept = from_json.get("shapes").and_then(|shapes| shapes.get(id)).is_some();
                if !applied_only && !kept {
                    failures.push(format!("{name}: `{id}` of the JSON is missing from its --ast"));
                }
            }
        }
        if from_idl != from_json {
            failures.push(format!(
                "{name}: the IDL and the JSON differ\n--- from IDL:\n{from_idl:#?}\n--- from JSON:\n{from_json:#?}"
            ));
        }
    }
    eprintln!("valid cases: {} of {compared} equal", compared - failures.len());
    assert!(compared >= 50, "only {compared} valid cases found");
    assert!(
        failures.is_empty(),
        "{} failures:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Where the suite shows a model after mixins are flattened
/// (`x.flattened.smithy`), the engine's flattening of `x.smithy` must give
/// the same model.
#[test]
fn mixins_flatten_as_the_suite_shows() {
    let Some(smithy) = common::smithy() else { return };
    let valid = smithy.join("idl-conformance/valid");
    let mut compared = 0;
    let mut failures = Vec::new();
    for flattened in files_under(&valid, "smithy") {
        let Some(stem) = flattened
            .to_str()
            .and_then(|path| path.strip_suffix(".flattened.smithy"))
        else {
            continue;
        };
        let source = PathBuf::from(format!("{stem}.smithy"));
        if excluded(&source) {
            continue;
        }
        compared += 1;
        let name = source.strip_prefix(&valid).unwrap().display().to_string();
        match (flattened_ast(&[&source]), ast(&[&flattened])) {
            (Ok(ours), Ok(expected)) if ours == expected => {}
            (Ok(ours), Ok(expected)) => failures.push(format!(
                "{name}: flattened differently\n--- ours:\n{ours:#?}\n--- the suite's:\n{expected:#?}"
            )),
            (ours, expected) => failures.push(format!(
                "{name}: does not load: {:?} / {:?}",
                ours.err().map(|errors| errors.to_string()),
                expected.err().map(|errors| errors.to_string())
            )),
        }
    }
    eprintln!("flattened cases: {} of {compared} equal", compared - failures.len());
    assert!(compared >= 10, "only {compared} flattened cases found");
    assert!(
        failures.is_empty(),
        "{} failures:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// `line 7, column 1` in a case's first line.
fn stated_position(first_line: &str) -> Option<(u32, u32)> {
    let rest = &first_line[first_line.find("line ")? + 5..];
    let (line, rest) = rest.split_once(", column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, column.parse().ok()?))
}

#[test]
fn invalid_models_are_rejected_where_the_suite_says() {
    let Some(smithy) = common::smithy() else { return };
    let invalid = smithy.join("idl-conformance/invalid");
    let mut cases = files_under(&invalid, "smithy");
    cases.extend(files_under(&invalid, "json"));
    let mut failures = Vec::new();
    let mut positioned = 0;
    for case in cases.iter().filter(|case| !excluded(case)) {
        let name = case.strip_prefix(&invalid).unwrap().display().to_string();
        let text = std::fs::read_to_string(case).unwrap();
        let expected = stated_position(text.lines().next().unwrap_or_default());
        match (ast(&[case]), expected) {
            (Ok(_), _) => failures.push(format!("{name}: accepted")),
            (Err(_), None) => {}
            (Err(errors), Some((line, column))) => {
                positioned += 1;
                let at = |error: &sesv2_model_codegen::Error| {
                    error.location().map(|location| (location.line, location.column))
                };
                if !errors.iter().any(|error| at(error) == Some((line, column))) {
                    failures.push(format!("{name}: expected an error at {line}:{column}, got:\n{errors}"));
                }
            }
        }
    }
    eprintln!(
        "invalid cases: {} of {} rejected as stated ({positioned} with a stated position)",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(cases.len() >= 150, "only {} invalid cases found", cases.len());
    assert!(
        failures.is_empty(),
        "{} failures:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn the_protocol_tests_load_with_their_trait_definitions() {
    let Some(smithy) = common::smithy() else { return };
    let tests = smithy.join("protocol-tests");
    let files = ModelFiles::read([&tests, &smithy.join("traits")]).unwrap();
    let idl_files = files
        .files()
        .iter()
        .filter(|file| file.path().extension().is_some_and(|e| e == "smithy"))
        .count();
    assert!(idl_files >= 79, "only {idl_files} IDL files found");
    let ast = json_ast(&files).unwrap_or_else(|errors| panic!("{} errors:\n{errors}", errors.len()));
    assert!(ast.contains("aws.protocoltests.restjson#RestJson"));
}
