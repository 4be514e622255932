//! `smithy_model!`: Rust types with exact JSON wire serde from a Smithy
//! model, in IDL (`.smithy`) or JSON AST files.
//!
//! ```text
//! // Every shape of the model's service:
//! sesv2_model_macros::smithy_model!("models/sesv2.json");
//!
//! // The closure of some operations, plus extra shapes by id:
//! sesv2_model_macros::smithy_model!(
//!     model = "models/sesv2.json",
//!     operations = ["GetImportJob"],
//!     shapes = ["com.amazonaws.sesv2#FailureInfo"],
//! );
//!
//! // A model in IDL, over several files and directories:
//! sesv2_model_macros::smithy_model!(model = ["model/weather.smithy", "model/traits/"]);
//! ```
//!
//! The generated code uses the `sesv2-model` crate for its runtime
//! (`Timestamp`, `Blob`, `BuildError`, serde support), so a crate that
//! invokes the macro depends on `sesv2-model`, which also re-exports this
//! macro as `sesv2_model::smithy_model!`.
//!
//! This crate only reads the macro's arguments; `sesv2-model-codegen` does
//! the work, and its errors become compile errors pointing at the argument
//! they are about.

mod args;

use proc_macro::TokenStream;

/// Generates Rust types for a Smithy model: IDL (`.smithy`) or JSON AST
/// files, one or many.
///
/// Arguments, all but `model` optional (the command-line tool's flags and
/// `sesv2_model_codegen::Generator`'s methods take the same options):
///
/// - `model = "path/to/model.json"` (or the path alone): relative paths
///   start at the invoking crate's `CARGO_MANIFEST_DIR`; the build tracks
///   each file read, so editing one regenerates the types on the next build.
///   A path may name a `.smithy` (IDL) file, a JSON AST file or a directory
///   of them, and `model = ["a.smithy", "traits/", "b.json"]` assembles one
///   model from several, as Smithy does.
///   `model = env("VARIABLE")` takes the path from an environment variable
///   at build time (and rebuilds when the variable changes);
///   `model = file_relative("../models/model.json")` starts from the
///   directory of the file that invokes the macro, as `include_str!` does
///   (for trybuild cases, whose manifest directory is elsewhere).
/// - `operations = ["GetImportJob", ...]`: generate these operations'
///   inputs, outputs, errors and every shape they reach. Names may be bare
///   when the model has one service; otherwise use absolute shape ids.
/// - `shapes = ["com.amazonaws.sesv2#FailureInfo", ...]`: more roots by id.
/// - `derives = [Eq, Hash]`: derives for every generated structure, union
///   and enum besides their own; `Eq`, `Hash`, `PartialOrd`, `Ord` and
///   `Copy` are checked against the member types, other paths are written
///   as given.
/// - `shape_derives = { "com.amazonaws.sesv2#ImportDataSource": [Eq, Hash] }`:
///   derives for one shape and the structures, unions and enums it holds.
/// - `renames = { "com.amazonaws.sesv2#JobStatus": "ImportJobStatus" }`:
///   Rust names for shapes whose names clash with the crate's own.
/// - `client_error_correction = true`: a missing `@required` member decodes
///   to its zero value (Smithy's client error correction) instead of failing.
/// - `runtime_crate = "my_runtime"`: the crate (or module path) the code
///   takes its runtime from, for a crate that re-exports `sesv2_model`.
/// - `client = true`: what the runtime's client needs to call the service
///   (with `sesv2_model`'s `client` feature): the service's endpoint rules
///   and signing name, and each operation's endpoint parameters.
///
/// Without `operations` and `shapes`, every shape of the model's service is
/// generated (every shape, if the model has no service).
///
/// Invoke it at most once per module, in item position: it defines the
/// types and a `builders` module next to them.
#[proc_macro]
pub fn smithy_model(input: TokenStream) -> TokenStream {
    match args::MacroArgs::parse(input) {
        Ok(args) => args.expand().into(),
        Err(error) => error.to_compile_error().into(),
    }
}
