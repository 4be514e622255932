//! The formatted code the generator writes, committed in `tests/snapshots/`
//! (one file per model in `tests/models/`, and the GetImportJob closure of
//! `models/sesv2.json`), so that a change to a model or to the generator
//! shows up in review as a readable diff of the generated code.
//!
//! Bless a change deliberately, then read the diff:
//!
//! ```text
//! SNAPSHOTS=overwrite cargo test -p sesv2-model-tests --test snapshots
//! ```

use std::path::{Path, PathBuf};

use sesv2_model_codegen::Generator;

const BLESS: &str = "SNAPSHOTS=overwrite cargo test -p sesv2-model-tests --test snapshots";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn snapshots() -> PathBuf {
    workspace().join("tests/snapshots")
}

fn overwriting() -> bool {
    std::env::var("SNAPSHOTS").is_ok_and(|value| value == "overwrite")
}

/// Compares `generated` with the snapshot file, or overwrites the file when
/// `SNAPSHOTS=overwrite`.
fn assert_snapshot(name: &str, generated: &str) {
    let path = snapshots().join(name);
    if overwriting() {
        std::fs::write(&path, generated).unwrap_or_else(|error| panic!("writing {}: {error}", path.display()));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read the snapshot {}: {error}\ncreate it with {BLESS}",
            path.display()
        )
    });
    if committed == generated {
        return;
    }
    let line = committed
        .lines()
        .zip(generated.lines())
        .position(|(left, right)| left != right)
        .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
    panic!(
        "the generated code differs from the snapshot {} at line {}:\n  snapshot:  {}\n  generated: {}\n\
         if the change is intended, bless it with {BLESS} and review the diff",
        path.display(),
        line + 1,
        committed.lines().nth(line).unwrap_or("(end of file)"),
        generated.lines().nth(line).unwrap_or("(end of file)"),
    );
}

/// The test models (`tests/models/*.json`, and each directory of model
/// files but `invalid/`), by file stem.
fn test_models() -> Vec<(String, PathBuf)> {
    let directory = workspace().join("tests/models");
    let mut models: Vec<(String, PathBuf)> = std::fs::read_dir(&directory)
        .unwrap_or_else(|error| panic!("reading {}: {error}", directory.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| {
            let is_json = path.extension().is_some_and(|extension| extension == "json");
            let is_model_directory = path.is_dir() && !path.ends_with("invalid");
            is_json || is_model_directory
        })
        .map(|path| {
            let stem = path.file_stem().expect("a file name").to_string_lossy().into_owned();
            (stem, path)
        })
        .collect();
    models.sort();
    models
}

fn generate(generator: Generator) -> String {
    generator
        .generate()
        .unwrap_or_else(|errors| panic!("{}: {errors}", generator.model().display()))
        .source
}

#[test]
fn get_import_job_code_matches_its_snapshot() {
    let generator = Generator::new(workspace().join("models/sesv2.json")).operation("GetImportJob");
    assert_snapshot("getimportjob.rs", &generate(generator));
}

/// Every test model, whole: what each refactoring of the emitters must leave
/// unchanged, or change visibly.
#[test]
fn every_test_model_matches_its_snapshot() {
    let models = test_models();
    assert!(models.len() >= 8, "only {} test models found", models.len());
    for (stem, path) in &models {
        assert_snapshot(&format!("{stem}.rs"), &generate(Generator::new(path)));
    }
}

/// Client error correction adds an impl to every type and changes decoding:
/// the model with the most kinds of shapes, generated with it.
#[test]
fn client_error_correction_code_matches_its_snapshot() {
    let generator = Generator::new(workspace().join("tests/models/traits.json")).client_error_correction(true);
    assert_snapshot("traits.client-error-correction.rs", &generate(generator));
}

/// The client's code: the service with its endpoint rules, and each
/// operation's auth and endpoint parameters.
#[test]
fn client_code_matches_its_snapshot() {
    let generator = Generator::new(workspace().join("models/sesv2.json"))
        .operation("GetImportJob")
        .client(true);
    assert_snapshot("getimportjob.client.rs", &generate(generator));
}

/// A snapshot whose model is gone would never be checked again.
#[test]
fn every_snapshot_has_its_model() {
    let mut expected: Vec<String> = test_models()
        .into_iter()
        .map(|(stem, _)| format!("{stem}.rs"))
        .collect();
    expected.extend([
        "getimportjob.rs".to_owned(),
        "traits.client-error-correction.rs".to_owned(),
        "getimportjob.client.rs".to_owned(),
    ]);
    let directory = snapshots();
    for entry in
        std::fs::read_dir(&directory).unwrap_or_else(|error| panic!("reading {}: {error}", directory.display()))
    {
        let name = entry
            .expect("a directory entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        assert!(
            expected.contains(&name),
            "tests/snapshots/{name} belongs to no test model; delete it or add its model to tests/models"
        );
    }
}
