//! Shared by the integration tests that read the official AWS models.

use std::path::PathBuf;

/// The official models beside the checkout (`../shared/models/aws`), or
/// `None` when they are not there; under `CI` their absence fails the test
/// instead of skipping it.
pub fn official_models() -> Option<PathBuf> {
    let directory = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/models/aws");
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
