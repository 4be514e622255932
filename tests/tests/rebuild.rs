//! Editing the model file makes the next `cargo build` regenerate the types:
//! a small crate is built, its model changed, and the rebuilt program shows
//! the change.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const MODEL_V1: &str = r#"{
    "smithy": "2.0",
    "shapes": {
        "example.probe#Probe": {
            "type": "structure",
            "members": { "Status": { "target": "example.probe#Status" } }
        },
        "example.probe#Status": {
            "type": "enum",
            "members": { "ACTIVE": { "target": "smithy.api#Unit" } }
        }
    }
}"#;

const MAIN: &str = r##"
sesv2_model::smithy_model!("model.json");

fn main() {
    let probe: Probe = serde_json::from_str(r#"{"Status": "PAUSED"}"#).unwrap();
    println!("values={:?} decoded={:?}", Status::values(), probe.status());
}
"##;

fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate sits in the workspace")
        .to_path_buf()
}

/// Builds and runs the probe crate, returning what it printed.
fn build_and_run(project: &Path, target_dir: &Path) -> String {
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--offline", "--manifest-path"])
        .arg(project.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target_dir)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "the probe crate failed to build or run:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the probe prints UTF-8")
}

#[test]
fn editing_the_model_regenerates_the_types_on_the_next_build() {
    let workspace = workspace_dir();
    // Cargo's scratch directory for tests is inside whatever target
    // directory this build uses; the probe builds into that target
    // directory too, where its dependencies are already compiled.
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let project = scratch.join("rebuild-probe");
    let target_dir = scratch
        .parent()
        .expect("the scratch directory is inside the target directory");
    let _ = fs::remove_dir_all(&project);
    fs::create_dir_all(project.join("src")).unwrap();
    fs::write(
        project.join("Cargo.toml"),
        format!(
            "[package]\nname = \"rebuild-probe\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nsesv2-model = {{ path = {:?} }}\nserde_json = \"1\"\n\n[workspace]\n",
            workspace.join("sesv2-model")
        ),
    )
    .unwrap();
    // The workspace's lock file pins the same versions, so nothing is fetched.
    fs::copy(workspace.join("Cargo.lock"), project.join("Cargo.lock")).unwrap();
    fs::write(project.join("src/main.rs"), MAIN).unwrap();
    fs::write(project.join("model.json"), MODEL_V1).unwrap();

    assert_eq!(
        build_and_run(&project, target_dir),
        "values=[\"ACTIVE\"] decoded=Some(Unknown(\"PAUSED\"))\n"
    );

    let model_v2 = MODEL_V1.replace(
        r#""ACTIVE": { "target": "smithy.api#Unit" }"#,
        r#""ACTIVE": { "target": "smithy.api#Unit" }, "PAUSED": { "target": "smithy.api#Unit" }"#,
    );
    assert_ne!(model_v2, MODEL_V1);
    fs::write(project.join("model.json"), model_v2).unwrap();

    assert_eq!(
        build_and_run(&project, target_dir),
        "values=[\"ACTIVE\", \"PAUSED\"] decoded=Some(Paused)\n"
    );
}
