//! The engine behind `sesv2_model_macros::smithy_model!`: reads a Smithy
//! model, from any number of IDL (`.smithy`) and JSON AST files, and
//! generates Rust types for the shapes it selects, with accessors, builders,
//! docs and exact JSON wire serde.
//!
//! It is a pipeline whose stages each do one job, in one module, and only
//! read what earlier stages produced:
//!
//! 1. `load`: each file to a document (a raw JSON AST, or IDL syntax);
//! 2. `assemble`: one raw model from every document, ids resolved,
//!    `apply` folded in, metadata merged;
//! 3. `flatten`: mixins folded into the shapes that use them;
//! 4. `resolve`: the raw AST to a typed model whose every target exists;
//! 5. `cycles`: recursion that no Rust type or value can have;
//! 6. `select`: the closure of shapes to generate;
//! 7. `nesting`: selected types nested deeper than rustc compiles;
//! 8. `names`: every Rust name, decided once and checked for collisions
//!    (with the user's [`Config::renames`]);
//! 9. `recursion`: which members are boxed;
//! 10. `derives`: the user's extra [`Config::derives`], checked against the
//!     member types;
//! 11. `emit`: Rust source, from typed plans of each item: the types, their
//!     wire serde, each operation's HTTP request and response, and (with
//!     [`Config::protocol_tests`]) the model's protocol compliance tests.
//!
//! [`generate`] runs them all (see `analyze` and `generate` in this file);
//! [`diff()`] runs 1 to 9 on two models and compares the declarations the
//! emitters would write; [`json_ast`] runs 1 to 5 and prints what 2
//! assembled. Every stage collects all the problems it finds,
//! and each [`Error`] says which part of the input ([`Subject`]) it is about.
//!
//! Three ways in, one engine, the same items, the same options
//! ([`config::OPTIONS`]):
//!
//! - the `smithy_model!` proc macro (crate `sesv2-model-macros`);
//! - [`Generator`], for a `build.rs` that writes formatted code into
//!   `OUT_DIR`, or for code a project commits;
//! - the `sesv2-model-codegen` command-line tool, which prints, writes
//!   (`--out`) or checks (`--check`) that code.
//!
//! [`diff()`] compares the Rust API two versions of a model generate and
//! says which changes break code written against the old one (the tool's
//! `--diff OLD NEW`). [`json_ast`] prints what a model's files mean as one
//! Smithy JSON AST (the tool's `--ast`).
//!
//! A model is one or more files ([`ModelFiles`]): Smithy IDL (`.smithy`)
//! and JSON AST files in any mix, assembled as Smithy assembles them.
//! [`generate_files`] generates from them:
//!
//! ```
//! use sesv2_model_codegen::{Config, ModelFiles, generate_files, json_ast};
//!
//! let mut files = ModelFiles::new();
//! files.push("weather.smithy", r#"
//!     $version: "2"
//!     namespace example.weather
//!
//!     /// A forecast, in degrees.
//!     structure Forecast {
//!         high: Celsius
//!         low: Celsius = 0
//!     }
//! "#);
//! files.push("units.json", r#"{"smithy": "2.0", "shapes": {"example.weather#Celsius": {"type": "integer"}}}"#);
//! let generated = generate_files(&Config::default(), &files)?;
//! assert!(generated.source.contains("pub struct Forecast"));
//! assert!(json_ast(&files)?.contains(r#""target": "example.weather#Celsius""#));
//! # Ok::<(), sesv2_model_codegen::Errors>(())
//! ```
//!
//! [`generate`] takes one model document from memory (a JSON AST, or IDL
//! when it does not start with `{`):
//!
//! ```
//! use sesv2_model_codegen::{Config, generate};
//!
//! let model = br#"{
//!     "smithy": "2.0",
//!     "shapes": {
//!         "example.weather#Forecast": {
//!             "type": "structure",
//!             "members": {
//!                 "High": { "target": "smithy.api#Integer" }
//!             }
//!         }
//!     }
//! }"#;
//! let generated = generate(&Config::default(), model)?;
//! assert!(generated.source.contains("pub struct Forecast"));
//! # Ok::<(), sesv2_model_codegen::Errors>(())
//! ```

// The stages, in the order they run; each group of one so that rustfmt
// keeps the order.

// 1. Files to documents.
mod load;

// 2. One raw model.
mod assemble;

// 3. Mixins folded in.
mod flatten;

// 4. The typed model.
mod resolve;

// 5. Recursion no type or value can have.
mod cycles;

// 6. What to generate.
mod select;

// 7. Nesting rustc cannot compile.
mod nesting;

// 8. Every Rust name.
mod names;

// 9. The boxed members.
mod recursion;

// 10. The user's derives, checked.
mod derives;

// 11. Rust source.
mod emit;

// Front ends of the stages besides `generate`: the API diff (1 to 9, and
// emission's plans) and the build-script generator.
mod diff;
#[cfg(feature = "pretty")]
mod generator;

// What the stages share: the data they pass on and the helpers they use.
mod ast;
pub mod config;
mod docs;
mod error;
mod graph;
mod ident;
mod model;
mod node;
mod parallel;
mod prelude;
mod shape_id;
mod test_traits;
mod traits;

use std::path::Path;

use proc_macro2::TokenStream;

pub use config::{Config, Derive, Rename, RequiredMembers};
pub use diff::{ApiDiff, Change, ChangeKind, diff, diff_files};
pub use error::{Error, Errors, Location, Note, Subject};
#[cfg(feature = "pretty")]
pub use generator::Generator;
pub use load::{ModelFile, ModelFiles};

use error::Diagnostics;

/// The generated code and the notes about it.
#[derive(Clone, Debug)]
pub struct Generated {
    /// The items as Rust source: types, `builders` and `operations` modules.
    /// A proc macro hands it to the compiler's lexer; see [`Generated::tokens`].
    pub source: String,
    /// What could not be represented exactly.
    pub notes: Vec<Note>,
    /// What was generated.
    pub summary: Summary,
}

/// How much one run generated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Shapes in the selection, simple ones included.
    pub shapes: usize,
    /// Generated structures (each with a builder).
    pub structures: usize,
    /// Generated enums, int enums included.
    pub enums: usize,
    /// Generated unions.
    pub unions: usize,
    /// Generated operations (each with an error enum).
    pub operations: usize,
    /// Generated protocol compliance tests ([`Config::protocol_tests`]).
    pub protocol_tests: usize,
    /// Those of them generated `#[ignore]`d, for a feature that is not supported.
    pub ignored_protocol_tests: usize,
    /// Generated endpoint rule tests, one per `smithy.rules#endpointTests`
    /// case ([`Config::protocol_tests`]).
    pub endpoint_tests: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} shapes selected: {} structures, {} enums, {} unions, {} operations",
            self.shapes, self.structures, self.enums, self.unions, self.operations
        )?;
        if self.protocol_tests > 0 {
            write!(
                f,
                "; {} protocol tests ({} ignored)",
                self.protocol_tests, self.ignored_protocol_tests
            )?;
        }
        Ok(())
    }
}

/// What the stages before emission decide: the typed model, the selection,
/// every Rust name and the boxed members. Generation and [`diff()`] share it.
struct Analysis {
    model: model::Model,
    selection: select::Selection,
    names: names::Names,
    boxed: recursion::Boxed,
}

/// Stages 1 to 5: the typed model, and the raw one it was assembled into.
/// Every file's syntax errors are reported together; so are all the
/// model's problems, from assembly to cycles.
fn model(files: &ModelFiles, mut observe: impl FnMut(Flattened, &ast::RawModel<'_>)) -> Result<model::Model, Errors> {
    let documents = load::parse(files)?;
    let mut problems = Diagnostics::default();
    let mut raw = assemble::assemble(documents, &mut problems);
    observe(Flattened::No, &raw);
    flatten::flatten(&mut raw.shapes.0, &mut problems);
    observe(Flattened::Yes, &raw);
    let model = resolve::resolve(raw, &mut problems);
    cycles::check(&model, &mut problems);
    problems.finish(model)
}

/// Stages 1 to 9.
fn analyze(config: &Config, files: &ModelFiles) -> Result<Analysis, Errors> {
    config.check()?;
    let model = model(files, |_, _| {})?;

    // The selection's problems, likewise.
    let mut problems = Diagnostics::default();
    let selection = select::select(&model, config, &mut problems);
    nesting::check(&model, &selection.shapes, &mut problems);
    problems.finish(())?;

    let names = names::assign(&model, &selection, &config.renames)?;
    let boxed = recursion::find(&model, &selection);
    Ok(Analysis {
        model,
        selection,
        names,
        boxed,
    })
}

/// Generates Rust code for one model document held in memory: a JSON AST,
/// or IDL when it does not start with `{`. Messages name no file.
pub fn generate(config: &Config, model: &[u8]) -> Result<Generated, Errors> {
    generate_files(config, &ModelFiles::unnamed(model)?)
}

/// Generates Rust code for the model assembled from `files`: stages 1 to 11.
pub fn generate_files(config: &Config, files: &ModelFiles) -> Result<Generated, Errors> {
    let Analysis {
        model,
        selection,
        names,
        boxed,
    } = analyze(config, files)?;
    let derives = derives::plan(&model, &selection, &boxed, &config.derives)?;
    let emitted = emit::emit(&model, &selection, &names, &boxed, &derives, config);
    let summary = Summary {
        protocol_tests: emitted.compliance.generated,
        ignored_protocol_tests: emitted.compliance.ignored,
        endpoint_tests: emitted.compliance.endpoint,
        ..summarize(&model, &selection)
    };
    Ok(Generated {
        source: emitted.source,
        notes: emitted.notes,
        summary,
    })
}

fn summarize(model: &model::Model, selection: &select::Selection) -> Summary {
    let mut summary = Summary {
        shapes: selection.shapes.len(),
        operations: selection.operations.len(),
        ..Summary::default()
    };
    for shape in selection.shapes.iter().filter_map(|id| model.get(id)) {
        match shape.kind {
            model::ShapeKind::Structure(_) => summary.structures += 1,
            model::ShapeKind::Enum(_) | model::ShapeKind::IntEnum(_) => summary.enums += 1,
            model::ShapeKind::Union(_) => summary.unions += 1,
            _ => {}
        }
    }
    summary
}

/// Reads the model at `path` (a file, or a directory of model files) and
/// generates Rust code for it.
pub fn generate_file(config: &Config, path: &Path) -> Result<Generated, Errors> {
    generate_files(config, &ModelFiles::read([path])?)
}

/// The model assembled from `files` as a Smithy 2.0 JSON AST, without the
/// prelude's shapes: what IDL means, for people and for tools that read
/// JSON. The model is checked as generation would check it (stages 1 to 5),
/// and every problem is reported.
pub fn json_ast(files: &ModelFiles) -> Result<String, Errors> {
    print_ast(files, Flattened::No)
}

/// Reads and checks a model as generation does before it selects anything
/// (stages 1 to 5): every file parsed, assembled into one model, mixins
/// folded in, every reference resolved.
pub fn check_model(files: &ModelFiles) -> Result<(), Errors> {
    model(files, |_, _| {}).map(drop)
}

/// [`json_ast`] after mixins are folded in: no mixin shapes, and every
/// shape with all the members and traits it has from its mixins.
pub fn json_ast_flattened(files: &ModelFiles) -> Result<String, Errors> {
    print_ast(files, Flattened::Yes)
}

/// Whether mixins are folded in yet.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flattened {
    No,
    Yes,
}

fn print_ast(files: &ModelFiles, wanted: Flattened) -> Result<String, Errors> {
    let mut document = Ok(String::new());
    model(files, |flattened, raw| {
        if flattened == wanted {
            let ast = ast::JsonAst {
                model: raw,
                without_mixins: flattened == Flattened::Yes,
            };
            document = serde_json::to_string_pretty(&ast);
        }
    })?;
    document.map_err(|error| Error::model(format!("internal error: the JSON AST does not serialize: {error}")).into())
}

impl Generated {
    /// The items as tokens. Inside a proc macro this uses the compiler's
    /// lexer; elsewhere `proc_macro2`'s. The source is always valid Rust, so
    /// an error here is a bug in the generator, reported rather than hidden.
    pub fn tokens(&self) -> Result<TokenStream, Error> {
        self.source.parse().map_err(|error| {
            Error::model(format!(
                "internal error: the generated code does not lex ({error}); please report it"
            ))
        })
    }
}

/// Formats generated source for reading, for a `build.rs` that writes it to
/// a file or a tool that prints it.
#[cfg(feature = "pretty")]
pub fn to_source(generated: &Generated) -> Result<String, String> {
    let file = syn::parse_file(&generated.source).map_err(|error| format!("generated code does not parse: {error}"))?;
    Ok(prettyplease::unparse(&file))
}
