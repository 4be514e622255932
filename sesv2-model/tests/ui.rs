//! Compile-time behaviour: the generated API compiles as users write it, and
//! every class of bad input or misuse fails with the error pinned in its
//! `.stderr` file (regenerate them with `TRYBUILD=overwrite` and read the diff).
//!
//! The cases live in the workspace's `tests/ui/`; they run from this crate
//! because trybuild compiles the crate under test for every case, and this
//! one (the runtime and the macro) is what users depend on.

#[test]
#[cfg_attr(
    any(feature = "full", feature = "client"),
    ignore = "the cases pin the default build: a note quotes its `smithy_model!` line \
              (CI runs them with `cargo test -p sesv2-model --test ui`)"
)]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("../tests/ui/pass/*.rs");
    cases.compile_fail("../tests/ui/fail/*.rs");
}
