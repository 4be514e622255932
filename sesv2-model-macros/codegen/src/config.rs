//! What to generate and how: the engine's [`Config`], and [`OPTIONS`], the
//! one description of every option as each way in spells it (the
//! `smithy_model!` macro's keys, [`crate::Generator`]'s methods, the
//! command-line tool's flags). The tool's help and the macro's messages
//! are written from the table, and tests fail when a way in lacks an
//! option the table lists.

use std::path::PathBuf;

use crate::error::{Error, Errors, Subject};
use crate::ident;
use crate::shape_id::is_identifier;

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
    /// Files the generated code includes with `include_bytes!`, so that
    /// cargo rebuilds the crate whenever one of them (the model's files)
    /// changes.
    pub track_files: Vec<PathBuf>,
    /// Environment variables the generated code reads with `option_env!`,
    /// so that cargo rebuilds the crate whenever one changes (the variables
    /// that named the model's paths).
    pub track_envs: Vec<String>,
    /// Derives added to generated types besides their own (`Clone`,
    /// `PartialEq`, `Debug`, serde).
    pub derives: Vec<Derive>,
    /// Rust names that replace the model's, for names that clash with the
    /// user's own.
    pub renames: Vec<Rename>,
    /// Also generate what calling the service needs: its endpoint rules and
    /// signing name, and each operation's endpoint parameters (the runtime's
    /// `client::Service` and `client::ServiceOperation` traits, which need
    /// its `client` feature).
    pub client: bool,
    /// Also generate a `protocol_tests` module: one `#[test]` per client
    /// case of the model's `smithy.test` HTTP compliance traits.
    pub protocol_tests: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            operations: Vec::new(),
            shapes: Vec::new(),
            required_members: RequiredMembers::Reject,
            runtime_crate: "sesv2_model".to_owned(),
            track_files: Vec::new(),
            track_envs: Vec::new(),
            derives: Vec::new(),
            renames: Vec::new(),
            client: false,
            protocol_tests: false,
        }
    }
}

impl Config {
    /// The options' own problems, found before the model is read; what
    /// they name in the model is checked by the stages that use them.
    pub(crate) fn check(&self) -> Result<(), Errors> {
        let runtime = &self.runtime_crate;
        let path = runtime.strip_prefix("::").unwrap_or(runtime);
        let usable = path
            .split("::")
            .all(|segment| is_identifier(segment) && !ident::is_keyword(segment));
        if usable {
            return Ok(());
        }
        Err(Error::new(
            Subject::RuntimeCrate,
            format!(
                "`{runtime}` cannot be the runtime crate: give the crate's name as Rust code writes it \
                 (`sesv2_model`, not `sesv2-model`), or the path of a module that re-exports it (`my_crate::runtime`)"
            ),
        )
        .into())
    }
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

/// Which option a [`ConfigOption`] is. Each way in matches on it without a
/// wildcard arm, so that an option added to [`OPTIONS`] fails to compile
/// until every way in takes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptionId {
    /// [`Config::operations`].
    Operations,
    /// [`Config::shapes`].
    Shapes,
    /// [`Config::derives`] for every type.
    Derives,
    /// [`Config::derives`] for one shape and what it contains.
    ShapeDerives,
    /// [`Config::renames`].
    Renames,
    /// [`Config::required_members`].
    ClientErrorCorrection,
    /// [`Config::runtime_crate`].
    RuntimeCrate,
    /// [`Config::client`].
    Client,
}

/// One option, as each way into the generator spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConfigOption {
    /// Which option it is.
    pub id: OptionId,
    /// The [`Config`] field it sets.
    pub field: &'static str,
    /// The [`crate::Generator`] method that sets it.
    pub generator: &'static str,
    /// The `smithy_model!` key.
    pub macro_key: &'static str,
    /// The `smithy_model!` argument, as its docs show it.
    pub macro_form: &'static str,
    /// The command-line flag.
    pub flag: &'static str,
    /// The flag's value, as the tool's help shows it; empty for a switch.
    pub flag_value: &'static str,
    /// What it does, in one line.
    pub help: &'static str,
}

/// Every option of the generator, in [`OptionId`]'s order. [`Config`]
/// fields not listed here are in [`INTERNAL_FIELDS`].
pub const OPTIONS: &[ConfigOption] = &[
    ConfigOption {
        id: OptionId::Operations,
        field: "operations",
        generator: "operation",
        macro_key: "operations",
        macro_form: r#"operations = ["GetImportJob", ...]"#,
        flag: "--operation",
        flag_value: "NAME",
        help: "an operation and every shape it reaches (repeatable)",
    },
    ConfigOption {
        id: OptionId::Shapes,
        field: "shapes",
        generator: "shape",
        macro_key: "shapes",
        macro_form: r#"shapes = ["com.amazonaws.sesv2#FailureInfo", ...]"#,
        flag: "--shape",
        flag_value: "ID",
        help: "a shape, by absolute id, and every shape it reaches (repeatable)",
    },
    ConfigOption {
        id: OptionId::Derives,
        field: "derives",
        generator: "derive",
        macro_key: "derives",
        macro_form: "derives = [Eq, Hash]",
        flag: "--derive",
        flag_value: "TRAITS",
        help: "derives for every generated type, comma-separated: Eq,Hash",
    },
    ConfigOption {
        id: OptionId::ShapeDerives,
        field: "derives",
        generator: "derive_for",
        macro_key: "shape_derives",
        macro_form: r#"shape_derives = { "com.amazonaws.sesv2#ImportDataSource": [Eq, Hash] }"#,
        flag: "--derive-for",
        flag_value: "ID=TRAITS",
        help: "derives for one shape and the types it contains (repeatable)",
    },
    ConfigOption {
        id: OptionId::Renames,
        field: "renames",
        generator: "rename",
        macro_key: "renames",
        macro_form: r#"renames = { "com.amazonaws.sesv2#JobStatus": "ImportJobStatus" }"#,
        flag: "--rename",
        flag_value: "ID=NAME",
        help: "a Rust name for a shape instead of the model's (repeatable)",
    },
    ConfigOption {
        id: OptionId::ClientErrorCorrection,
        field: "required_members",
        generator: "client_error_correction",
        macro_key: "client_error_correction",
        macro_form: "client_error_correction = true",
        flag: "--client-error-correction",
        flag_value: "",
        help: "a missing @required member decodes to its zero value",
    },
    ConfigOption {
        id: OptionId::RuntimeCrate,
        field: "runtime_crate",
        generator: "runtime_crate",
        macro_key: "runtime_crate",
        macro_form: r#"runtime_crate = "my_runtime""#,
        flag: "--runtime-crate",
        flag_value: "NAME",
        help: "the crate the code takes its runtime from (sesv2_model)",
    },
    ConfigOption {
        id: OptionId::Client,
        field: "client",
        generator: "client",
        macro_key: "client",
        macro_form: "client = true",
        flag: "--client",
        flag_value: "",
        help: "endpoint rules and signing for the runtime's client (its `client` feature)",
    },
];

/// [`Config`] fields no way in takes as a shared option: the macro sets the
/// tracking fields from its model argument so that cargo rebuilds when the
/// model changes, where a build script prints `cargo::rerun-if-changed`
/// instead; `protocol_tests` writes tests, which a macro has no use for
/// ([`crate::Generator::protocol_tests`] and the tool's `--protocol-tests`).
pub const INTERNAL_FIELDS: &[&str] = &["track_files", "track_envs", "protocol_tests"];

impl ConfigOption {
    /// The option with this macro key.
    pub fn by_macro_key(key: &str) -> Option<&'static ConfigOption> {
        OPTIONS.iter().find(|option| option.macro_key == key)
    }

    /// The option `id` is: [`OPTIONS`] lists them in [`OptionId`]'s order.
    pub fn by_id(id: OptionId) -> &'static ConfigOption {
        &OPTIONS[id as usize]
    }

    /// The option with this command-line flag.
    pub fn by_flag(flag: &str) -> Option<&'static ConfigOption> {
        OPTIONS.iter().find(|option| option.flag == flag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Destructuring is exhaustive: a new field fails to compile here
    /// until it is named, and then this test until the table has it.
    #[test]
    fn every_config_field_is_an_option_or_internal() {
        let Config {
            operations: _,
            shapes: _,
            required_members: _,
            runtime_crate: _,
            track_files: _,
            track_envs: _,
            derives: _,
            renames: _,
            client: _,
            protocol_tests: _,
        } = Config::default();
        let fields = [
            "operations",
            "shapes",
            "required_members",
            "runtime_crate",
            "track_files",
            "track_envs",
            "derives",
            "renames",
            "client",
            "protocol_tests",
        ];
        for field in fields {
            let options = OPTIONS.iter().filter(|option| option.field == field).count();
            let internal = INTERNAL_FIELDS.contains(&field);
            assert!(
                (options > 0) != internal,
                "`{field}` must be in OPTIONS or in INTERNAL_FIELDS, not both"
            );
        }
        assert!(OPTIONS.iter().all(|option| fields.contains(&option.field)));
    }

    #[test]
    fn every_option_id_is_in_the_table_once() {
        // Exhaustive: a new option fails to compile here until it is counted.
        let index = |id: OptionId| match id {
            OptionId::Operations => 0,
            OptionId::Shapes => 1,
            OptionId::Derives => 2,
            OptionId::ShapeDerives => 3,
            OptionId::Renames => 4,
            OptionId::ClientErrorCorrection => 5,
            OptionId::RuntimeCrate => 6,
            OptionId::Client => 7,
        };
        for (position, option) in OPTIONS.iter().enumerate() {
            assert_eq!(index(option.id), position, "OPTIONS is in OptionId's order");
            assert_eq!(ConfigOption::by_id(option.id), option);
        }
        assert_eq!(OPTIONS.len(), 8);
    }

    #[test]
    fn every_surface_names_each_option_once() {
        for surface in [
            |option: &ConfigOption| option.generator,
            |option: &ConfigOption| option.macro_key,
            |option: &ConfigOption| option.flag,
        ] {
            let mut names: Vec<&str> = OPTIONS.iter().map(surface).collect();
            names.sort_unstable();
            let count = names.len();
            names.dedup();
            assert_eq!(names.len(), count, "{names:?}");
        }
        for option in OPTIONS {
            assert!(option.flag.starts_with("--"), "{}", option.flag);
            assert!(option.macro_form.starts_with(&format!("{} = ", option.macro_key)));
        }
    }
}
