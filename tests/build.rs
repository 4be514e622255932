//! Generates code for the test models into OUT_DIR, where `src/lib.rs`
//! includes it as ordinary source so that rustc, clippy and rustdoc lint
//! the generated code itself (they skip code a proc macro expands to).
//!
//! Also looks for the official AWS models beside the checkout: tests that
//! need them are compiled only when they are there, and under CI=true their
//! absence fails the build instead of skipping those tests.

use std::path::{Path, PathBuf};

use sesv2_model_codegen::{Config, generate_file, to_source};

const OFFICIAL_SESV2: &str = "../../shared/models/aws/sesv2-2019-09-27.json";

fn main() {
    let manifest_dir = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rustc-check-cfg=cfg(official_models)");
    println!("cargo::rerun-if-env-changed=CI");

    let official = manifest_dir.join(OFFICIAL_SESV2);
    println!("cargo::rerun-if-changed={}", official.display());
    let have_official = official.exists();
    if have_official {
        println!("cargo::rustc-cfg=official_models");
    } else if std::env::var("CI").is_ok_and(|ci| ci == "true") {
        panic!(
            "CI=true but the official models are missing: expected {}; \
             CI must run with ../shared beside the checkout",
            official.display()
        );
    } else {
        println!(
            "cargo::warning=official AWS models not found at {}; tests against them are skipped",
            official.display()
        );
    }

    let mut generated = vec![
        (
            "getimportjob.rs",
            manifest_dir.join("../models/sesv2.json"),
            vec!["GetImportJob"],
        ),
        (
            "features.rs",
            manifest_dir.join("models/features.json"),
            vec![],
        ),
        (
            "keywords.rs",
            manifest_dir.join("models/keywords.json"),
            vec![],
        ),
    ];
    if have_official {
        generated.push(("official_sesv2.rs", official, vec![]));
    }
    for (file, model, operations) in generated {
        write_generated(&out_dir.join(file), &model, &operations);
    }
}

fn write_generated(out: &Path, model: &Path, operations: &[&str]) {
    println!("cargo::rerun-if-changed={}", model.display());
    let config = Config {
        operations: operations.iter().map(|op| op.to_string()).collect(),
        ..Config::default()
    };
    let tokens = generate_file(&config, model)
        .unwrap_or_else(|errors| panic!("{}: {errors}", model.display()));
    let source = to_source(tokens).unwrap_or_else(|error| panic!("{}: {error}", model.display()));
    std::fs::write(out, source)
        .unwrap_or_else(|error| panic!("writing {}: {error}", out.display()));
}
