//! Shared by the integration tests that read what lies beside the checkout
//! in `../shared`: the official AWS models and Smithy's suites.

#![allow(dead_code)]

use std::path::PathBuf;

/// The official models beside the checkout (`../shared/models/aws`), or
/// `None` when they are not there; under `CI` their absence fails the test
/// instead of skipping it.
pub fn official_models() -> Option<PathBuf> {
    shared("models/aws")
}

/// Smithy's specs and suites beside the checkout (`../shared/smithy`), on
/// the same terms as [`official_models`].
pub fn smithy() -> Option<PathBuf> {
    shared("smithy")
}

fn shared(path: &str) -> Option<PathBuf> {
    let directory = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(path);
    if directory.is_dir() {
        return Some(directory);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI needs the official models at {}",
        directory.display()
    );
    None
}
