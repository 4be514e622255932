//! `models/sesv2.json` is the project's own writing, but every shape of
//! GetImportJob's closure must match the official model in everything except
//! documentation: shape ids, types, members, targets and traits.
#![cfg(official_models)]

use std::path::Path;

use serde_json::{Map, Value};

fn load(relative: &str) -> Map<String, Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let model: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(model["smithy"], "2.0", "{} is a Smithy 2.0 model", path.display());
    model["shapes"].as_object().cloned().expect("a model has shapes")
}

/// The shape without any `smithy.api#documentation` trait.
fn without_docs(shape: &Value) -> Value {
    let mut shape = shape.clone();
    strip_docs(&mut shape);
    if let Some(members) = shape.get_mut("members").and_then(Value::as_object_mut) {
        members.values_mut().for_each(strip_docs);
    }
    shape
}

fn strip_docs(node: &mut Value) {
    let Some(object) = node.as_object_mut() else {
        return;
    };
    let now_empty = object
        .get_mut("traits")
        .and_then(Value::as_object_mut)
        .map(|traits| {
            traits.remove("smithy.api#documentation");
            traits.is_empty()
        })
        .unwrap_or(false);
    if now_empty {
        object.remove("traits");
    }
}

#[test]
fn own_model_matches_the_official_one_except_for_documentation() {
    let ours = load("../models/sesv2.json");
    let official = load("../../shared/models/aws/sesv2-2019-09-27.json");
    let mut compared = 0;
    for (id, shape) in &ours {
        let theirs = official
            .get(id)
            .unwrap_or_else(|| panic!("{id} is not a shape of the official model"));
        if shape["type"] == "service" {
            assert_eq!(theirs["type"], "service");
            assert_eq!(shape["version"], theirs["version"], "{id} version");
            for protocol_trait in ["aws.protocols#restJson1", "aws.api#service", "aws.auth#sigv4"] {
                assert_eq!(
                    shape["traits"][protocol_trait], theirs["traits"][protocol_trait],
                    "{id} {protocol_trait}"
                );
            }
            continue;
        }
        assert_eq!(
            without_docs(shape),
            without_docs(theirs),
            "{id} differs from the official model"
        );
        compared += 1;
    }
    assert_eq!(
        compared, 23,
        "the GetImportJob closure has 23 shapes besides the service"
    );
}

#[test]
fn own_model_documentation_is_our_own_writing() {
    let ours = load("../models/sesv2.json");
    let official = load("../../shared/models/aws/sesv2-2019-09-27.json");
    let docs = |shape: &Value| -> Vec<String> {
        let mut found = Vec::new();
        let mut push = |traits: &Value| {
            if let Some(doc) = traits["smithy.api#documentation"].as_str() {
                found.push(doc.to_owned());
            }
        };
        push(&shape["traits"]);
        if let Some(members) = shape["members"].as_object() {
            members.values().for_each(|member| push(&member["traits"]));
        }
        found
    };
    for (id, shape) in &ours {
        let theirs = docs(&official[id]);
        for doc in docs(shape) {
            assert!(!theirs.contains(&doc), "{id} copies the official documentation: {doc}");
        }
    }
}
