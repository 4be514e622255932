//! The formatted code generated for GetImportJob from `models/sesv2.json`,
//! committed in `tests/snapshots/`, so that a change to the model or to the
//! generator shows up in review as a readable diff of the generated code.
//!
//! Bless a change deliberately, then read the diff:
//!
//! ```text
//! SNAPSHOTS=overwrite cargo test -p sesv2-model-tests --test snapshots
//! ```

use std::path::{Path, PathBuf};

use sesv2_model_codegen::Generator;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Compares `generated` with the snapshot file, or overwrites the file when
/// `SNAPSHOTS=overwrite`.
fn assert_snapshot(name: &str, generated: &str) {
    let path = workspace().join("tests/snapshots").join(name);
    if std::env::var("SNAPSHOTS").is_ok_and(|value| value == "overwrite") {
        std::fs::write(&path, generated).unwrap_or_else(|error| panic!("writing {}: {error}", path.display()));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read the snapshot {}: {error}\ncreate it with SNAPSHOTS=overwrite cargo test -p sesv2-model-tests --test snapshots",
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
         if the change is intended, bless it with SNAPSHOTS=overwrite cargo test -p sesv2-model-tests --test snapshots \
         and review the diff",
        path.display(),
        line + 1,
        committed.lines().nth(line).unwrap_or("(end of file)"),
        generated.lines().nth(line).unwrap_or("(end of file)"),
    );
}

#[test]
fn get_import_job_code_matches_its_snapshot() {
    let generated = Generator::new(workspace().join("models/sesv2.json"))
        .operation("GetImportJob")
        .generate()
        .unwrap_or_else(|errors| panic!("{errors}"));
    assert_snapshot("getimportjob.rs", &generated.source);
}
