//! The engine's speed: load + select + generate, against the floor of merely
//! parsing the same bytes into `serde_json::Value`, measured in the same run;
//! and reading Smithy IDL (the restJson1 protocol tests) against parsing the
//! JSON AST it means.
//!
//! ```text
//! cargo bench -p sesv2-model-codegen --bench engine                         # optimized
//! cargo bench -p sesv2-model-codegen --bench engine --profile bench-opt0    # opt-level 0, as proc macros run
//! ```
//!
//! The official model is read from `../shared/models/aws/` and the protocol
//! tests from `../shared/smithy/` beside the checkout; without them only the
//! project's own model is measured.

#[path = "../../../sesv2-model/benches/harness.rs"]
mod harness;

use std::path::Path;

use sesv2_model_codegen::{Config, ModelFiles, check_model, generate, json_ast};

fn main() {
    let mut bench = harness::Bench::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let own = std::fs::read(root.join("models/sesv2.json")).expect("models/sesv2.json is in the repository");
    let get_import_job = Config {
        operations: vec!["GetImportJob".to_owned()],
        ..Config::default()
    };

    bench.compare(
        harness::case("parse models/sesv2.json into serde_json::Value", || {
            serde_json::from_slice::<serde_json::Value>(&own).unwrap()
        }),
        vec![harness::case("GetImportJob from models/sesv2.json", || {
            generate(&get_import_job, &own).unwrap()
        })],
    );

    let official_path = root.join("../shared/models/aws/sesv2-2019-09-27.json");
    match std::fs::read(&official_path) {
        Ok(official) => bench.compare(
            harness::case("parse the official SESv2 model into serde_json::Value", || {
                serde_json::from_slice::<serde_json::Value>(&official).unwrap()
            }),
            vec![
                harness::case("GetImportJob from the official model", || {
                    generate(&get_import_job, &official).unwrap()
                }),
                harness::case("the whole official SESv2 service", || {
                    generate(&Config::default(), &official).unwrap()
                }),
            ],
        ),
        Err(error) => eprintln!("skipping the official model ({}): {error}", official_path.display()),
    }

    let smithy = root.join("../shared/smithy");
    let rest_json = [
        smithy.join("protocol-tests/restJson1"),
        smithy.join("protocol-tests/shared-types.smithy"),
        smithy.join("protocol-tests/aws-config.smithy"),
        smithy.join("traits"),
    ];
    match ModelFiles::read(&rest_json) {
        Ok(files) => {
            // Read from disk once: what is measured is the reading of text.
            let ast = json_ast(&files).expect("the restJson1 protocol tests load");
            bench.compare(
                harness::case("parse the restJson1 tests' JSON AST into serde_json::Value", || {
                    serde_json::from_str::<serde_json::Value>(&ast).unwrap()
                }),
                vec![harness::case(
                    "read the restJson1 tests' IDL: parse, assemble, check",
                    || check_model(&files).unwrap(),
                )],
            );
        }
        Err(errors) => eprintln!("skipping the protocol tests ({}): {errors}", smithy.display()),
    }

    // `--profile bench-opt0` inherits the dev profile: opt-level 0 with
    // debug assertions, as cargo builds proc macros in a debug build.
    let profile = if cfg!(debug_assertions) {
        "opt-level 0"
    } else {
        "optimized"
    };
    bench.report(&format!("engine, {profile}"));
}
