//! Code generated from the test models, compiled as ordinary source so that
//! `cargo clippy -- -D warnings` and `cargo doc` with `-D warnings` check the
//! generated code itself: no warnings, no clippy findings, no missing or
//! broken docs.
#![deny(warnings, missing_docs, clippy::all)]

/// The GetImportJob closure of the project's model (`models/sesv2.json`).
pub mod getimportjob {
    include!(concat!(env!("OUT_DIR"), "/getimportjob.rs"));
}

/// Every member type the generator supports (`tests/models/features.json`).
pub mod features {
    include!(concat!(env!("OUT_DIR"), "/features.rs"));
}

/// Shape and member names that are Rust keywords or std type names
/// (`tests/models/keywords.json`).
pub mod keywords {
    include!(concat!(env!("OUT_DIR"), "/keywords.rs"));
}

/// The whole official SESv2 service (`../shared/models/aws/sesv2-2019-09-27.json`).
#[cfg(official_models)]
pub mod official_sesv2 {
    include!(concat!(env!("OUT_DIR"), "/official_sesv2.rs"));
}
