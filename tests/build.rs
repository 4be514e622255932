//! Generates code for the test models into OUT_DIR, where `src/lib.rs`
//! includes it as ordinary source so that rustc, clippy and rustdoc lint
//! the generated code itself (they skip code a proc macro expands to).
//!
//! Also looks for the official AWS models beside the checkout: tests that
//! need them are compiled only when they are there, and under CI=true their
//! absence fails the build instead of skipping those tests. Each official
//! model is generated whole, and what the generator reports about it is
//! written next to the code (`<name>.notes`).

use std::path::{Path, PathBuf};

use sesv2_model_codegen::{Config, generate_file, to_source};

#[path = "hostile/models.rs"]
#[allow(dead_code)]
mod hostile;

const OFFICIAL_DIR: &str = "../../shared/models/aws";

/// The official models generated as whole services: module name and file.
const OFFICIAL: &[(&str, &str)] = &[
    ("official_sesv2", "sesv2-2019-09-27.json"),
    ("official_lambda", "lambda-2015-03-31.json"),
    ("official_dynamodb", "dynamodb-2012-08-10.json"),
    ("official_sqs", "sqs-2012-11-05.json"),
    ("official_s3", "s3-2006-03-01.json"),
];

/// The project's own models: module name, file or directory, operations
/// (empty: all).
const OWN: &[(&str, &str, &[&str])] = &[
    ("getimportjob", "../models/sesv2.json", &["GetImportJob"]),
    ("features", "models/features.json", &[]),
    ("keywords", "models/keywords.json", &[]),
    ("traits", "models/traits.json", &[]),
    ("http", "models/http.json", &[]),
    ("generated_names", "models/generated-names.json", &[]),
    ("weather", "models/weather", &[]),
    ("greetings", "models/greetings", &[]),
    ("notebook", "models/notebook", &[]),
];

/// The own models whose `smithy.test` compliance cases are generated as
/// tests too (run by this crate's unit tests).
const WITH_PROTOCOL_TESTS: &[&str] = &["greetings", "notebook"];

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rustc-check-cfg=cfg(official_models)");
    println!("cargo::rerun-if-env-changed=CI");

    let official_dir = manifest_dir.join(OFFICIAL_DIR);
    let missing: Vec<PathBuf> = OFFICIAL
        .iter()
        .map(|(_, file)| official_dir.join(file))
        .filter(|path| !path.exists())
        .collect();
    for (_, file) in OFFICIAL {
        println!("cargo::rerun-if-changed={}", official_dir.join(file).display());
    }
    if missing.is_empty() {
        println!("cargo::rustc-cfg=official_models");
    } else if std::env::var("CI").is_ok_and(|ci| ci == "true") {
        panic!("CI=true but official models are missing: {missing:?}; CI must run with ../shared beside the checkout");
    } else {
        println!(
            "cargo::warning=official AWS models not found in {}; tests against them are skipped",
            official_dir.display()
        );
    }

    for (module, file, operations) in OWN {
        write_generated(&out_dir, module, &manifest_dir.join(file), operations);
    }
    println!("cargo::rerun-if-changed=hostile/models.rs");
    for (module, model) in hostile::compiled() {
        let path = out_dir.join(format!("{module}.json"));
        let json = serde_json::to_vec(&model).expect("a JSON value serializes");
        std::fs::write(&path, json).unwrap_or_else(|error| panic!("writing {}: {error}", path.display()));
        write_generated(&out_dir, module, &path, &[]);
    }
    if missing.is_empty() {
        for (module, file) in OFFICIAL {
            write_generated(&out_dir, module, &official_dir.join(file), &[]);
        }
    }
}

fn write_generated(out_dir: &Path, module: &str, model: &Path, operations: &[&str]) {
    println!("cargo::rerun-if-changed={}", model.display());
    let config = Config {
        operations: operations.iter().map(|op| op.to_string()).collect(),
        protocol_tests: WITH_PROTOCOL_TESTS.contains(&module),
        // The client's code of every AWS model, linted like the rest.
        client: module == "getimportjob" || module.starts_with("official_"),
        ..Config::default()
    };
    let generated = generate_file(&config, model).unwrap_or_else(|errors| panic!("{}: {errors}", model.display()));
    let source = to_source(&generated).unwrap_or_else(|error| panic!("{}: {error}", model.display()));
    let notes: String = generated.notes.iter().map(|note| format!("{note}\n")).collect();
    for (extension, text) in [("rs", source), ("notes", notes)] {
        let path = out_dir.join(format!("{module}.{extension}"));
        std::fs::write(&path, text).unwrap_or_else(|error| panic!("writing {}: {error}", path.display()));
    }
}
