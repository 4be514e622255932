//! The engine behind `sesv2_model_macros::smithy_model!`: reads a Smithy 2.0
//! JSON AST model and generates Rust types for the shapes it selects, with
//! accessors, builders, docs and exact JSON wire serde.
//!
//! It is a pipeline whose stages each do one job and only read what the
//! previous one produced:
//!
//! 1. `load`: JSON bytes to the raw JSON AST;
//! 2. `resolve`: raw AST to a typed model whose every target exists;
//! 3. `select`: the closure of shapes to generate;
//! 4. `names`: every Rust name, decided once and checked for collisions
//!    (with the user's [`Config::renames`]);
//! 5. `recursion` and `derives`: which members are boxed, and the user's
//!    extra [`Config::derives`] checked against the member types;
//! 6. `emit`: Rust source.
//!
//! Every stage collects all the problems it finds, and each [`Error`] says
//! which part of the input ([`Subject`]) it is about.
//!
//! Three ways in, one engine, the same items:
//!
//! - the `smithy_model!` proc macro (crate `sesv2-model-macros`);
//! - [`Generator`], for a `build.rs` that writes formatted code into
//!   `OUT_DIR`, or for code a project commits;
//! - the `sesv2-model-codegen` command-line tool, which prints, writes
//!   (`--out`) or checks (`--check`) that code.
//!
//! [`diff()`] compares the Rust API two versions of a model generate and
//! says which changes break code written against the old one (the tool's
//! `--diff OLD NEW`).
//!
//! [`generate`] is the engine itself, from model bytes to source:
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

mod ast;
mod cycles;
mod derives;
mod diff;
mod docs;
mod emit;
mod error;
mod flatten;
#[cfg(feature = "pretty")]
mod generator;
mod ident;
mod load;
mod model;
mod names;
mod parallel;
mod recursion;
mod resolve;
mod select;
mod shape_id;
mod traits;

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;

pub use diff::{ApiDiff, Change, ChangeKind, diff};
pub use error::{Error, Errors, Subject};
#[cfg(feature = "pretty")]
pub use generator::Generator;

/// Something the generated code cannot represent exactly, reported instead
/// of failing: the generated docs say it too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The shape or member it is about, or `(service)`.
    pub shape: String,
    /// What is not exact, and what the generated code does instead.
    pub message: String,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.shape, self.message)
    }
}

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
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} shapes selected: {} structures, {} enums, {} unions, {} operations",
            self.shapes, self.structures, self.enums, self.unions, self.operations
        )
    }
}

/// What to generate and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Operations whose closure is generated, by absolute shape id or, when
    /// the model has one service, by name (`GetImportJob`). With neither
    /// operations nor shapes, the whole service is generated (every shape
    /// when the model has no service).
    pub operations: Vec<String>,
    /// More shapes to generate with their closure, by absolute shape id.
    pub shapes: Vec<String>,
    /// What decoding does when a `@required` member is missing.
    pub required_members: RequiredMembers,
    /// The crate generated code takes its runtime from: `Timestamp`, `Blob`,
    /// `BuildError`, serde support. Normally `sesv2_model`.
    pub runtime_crate: String,
    /// A file the generated code includes with `include_bytes!`, so that
    /// cargo rebuilds the crate whenever that file (the model) changes.
    pub track_file: Option<PathBuf>,
    /// An environment variable the generated code reads with `option_env!`,
    /// so that cargo rebuilds the crate whenever it changes (the variable
    /// that named the model).
    pub track_env: Option<String>,
    /// Derives added to generated types besides their own (`Clone`,
    /// `PartialEq`, `Debug`, serde).
    pub derives: Vec<Derive>,
    /// Rust names that replace the model's, for names that clash with the
    /// user's own.
    pub renames: Vec<Rename>,
}

/// Derives to add to generated structures, unions and enums.
///
/// `Eq`, `Hash`, `PartialOrd`, `Ord` and `Copy` are checked against the
/// member types: a shape with an `f64` member cannot be `Eq`, one with a
/// map cannot be `Hash`, and the error names the member. Any other path
/// (`schemars::JsonSchema`) is written as given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Derive {
    /// Derive paths: `Eq`, `Hash`, `std::cmp::Ord`, `my_crate::MyTrait`.
    pub traits: Vec<String>,
    /// The absolute id of the shape to derive for; the derives also go to
    /// every structure, union and enum it contains, which need them too.
    /// `None`: every generated structure, union and enum.
    pub shape: Option<String>,
}

/// A Rust name for a shape instead of its model name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rename {
    /// The absolute id of a generated structure, union, enum or operation.
    pub shape: String,
    /// Its Rust name, an UpperCamelCase identifier; a structure's builder
    /// is named after it (`{name}Builder`).
    pub name: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            operations: Vec::new(),
            shapes: Vec::new(),
            required_members: RequiredMembers::Reject,
            runtime_crate: "sesv2_model".to_owned(),
            track_file: None,
            track_env: None,
            derives: Vec::new(),
            renames: Vec::new(),
        }
    }
}

/// What decoding does when a response lacks a `@required` member.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RequiredMembers {
    /// Fail with an error that names the member.
    #[default]
    Reject,
    /// Smithy's client error correction: fill in the member's zero value
    /// (`""`, `0`, `false`, the epoch, empty collections, an enum's unknown
    /// variant, a structure of corrected members).
    ClientErrorCorrection,
}

/// What the stages before emission decide: the typed model, the selection,
/// every Rust name and the boxed members. Generation and [`diff()`] share it.
struct Analysis {
    model: model::Model,
    selection: select::Selection,
    names: names::Names,
    boxed: recursion::Boxed,
}

fn analyze(config: &Config, model_json: &[u8]) -> Result<Analysis, Errors> {
    let raw = load::parse(model_json)?;
    let model = resolve::resolve(raw)?;
    let selection = select::select(&model, config)?;
    let names = names::assign(&model, &selection, &config.renames)?;
    let boxed = recursion::find(&model, &selection);
    Ok(Analysis {
        model,
        selection,
        names,
        boxed,
    })
}

/// Generates Rust code for the model in `model_json`.
pub fn generate(config: &Config, model_json: &[u8]) -> Result<Generated, Errors> {
    let Analysis {
        model,
        selection,
        names,
        boxed,
    } = analyze(config, model_json)?;
    let derives = derives::plan(&model, &selection, &boxed, &config.derives)?;
    let emitted = emit::emit(&model, &selection, &names, &boxed, &derives, config);
    Ok(Generated {
        source: emitted.source,
        notes: emitted.notes,
        summary: summarize(&model, &selection),
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

/// Reads the model at `path` and generates Rust code for it.
pub fn generate_file(config: &Config, path: &Path) -> Result<Generated, Errors> {
    let json = std::fs::read(path)
        .map_err(|error| Error::model(format!("cannot read the model file `{}`: {error}", path.display())))?;
    generate(config, &json)
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
