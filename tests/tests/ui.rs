//! Compile-time behaviour: the generated API compiles as users write it, and
//! every class of bad input or misuse fails with the error pinned in its
//! `.stderr` file (regenerate them with `TRYBUILD=overwrite` and read the diff).

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass/*.rs");
    cases.compile_fail("ui/fail/*.rs");
}
