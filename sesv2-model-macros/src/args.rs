//! The macro's arguments, and the mapping of engine errors back onto them.

use std::path::{Component, Path, PathBuf};

use proc_macro2::{Span, TokenStream};
use quote::quote;
use sesv2_model_codegen::config::{ConfigOption, OPTIONS, OptionId};
use sesv2_model_codegen::{Config, Derive, Error, ModelFiles, Rename, RequiredMembers, Subject, generate_files};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Ident, LitBool, LitStr, Token, braced, bracketed};

/// Every key the macro takes, for messages: `model`, then the options.
fn keys() -> String {
    let mut keys = String::from("`model`");
    for (index, option) in OPTIONS.iter().enumerate() {
        keys.push_str(if index + 1 == OPTIONS.len() { " or " } else { ", " });
        keys.push_str(&format!("`{}`", option.macro_key));
    }
    keys
}

const MODEL_FORMS: &str = "expected the model path as a string, `env(\"VARIABLE\")`, \
     `file_relative(\"path/from/this/file.json\")`, or a list of them: `[\"model/\", \"traits.smithy\"]`";

/// Where a model file, or a directory of them, is.
enum ModelSource {
    /// A path; a relative one starts at the invoking crate's manifest directory.
    Path(LitStr),
    /// `env("VAR")`: the path in an environment variable at build time.
    Env(LitStr),
    /// `file_relative("path")`: a path from the directory of the source
    /// file that invokes the macro, as `include_str!` reads paths.
    FileRelative(LitStr),
}

impl ModelSource {
    fn literal(&self) -> &LitStr {
        match self {
            ModelSource::Path(literal) | ModelSource::Env(literal) | ModelSource::FileRelative(literal) => literal,
        }
    }

    /// The path it names, and the environment variable that named it.
    fn locate(&self) -> Result<(PathBuf, Option<String>), syn::Error> {
        let (written, track_env, base) = match self {
            ModelSource::Path(path) => (path.value(), None, Base::ManifestDir),
            ModelSource::FileRelative(path) => (path.value(), None, Base::SourceFile(path.span())),
            ModelSource::Env(variable) => match std::env::var(variable.value()) {
                Ok(path) if !path.is_empty() => (path, Some(variable.value()), Base::ManifestDir),
                _ => {
                    let message = format!(
                        "the model path comes from the environment variable `{}`, which is not set; \
                         set it to the model's path (absolute, or relative to CARGO_MANIFEST_DIR)",
                        variable.value()
                    );
                    return Err(syn::Error::new(variable.span(), message));
                }
            },
        };
        let path = resolve_path(&written, base).map_err(|message| syn::Error::new(self.literal().span(), message))?;
        Ok((path, track_env))
    }
}

/// The `model` argument: one source, or a list of them.
struct Model {
    sources: Vec<ModelSource>,
    /// The whole argument, where errors about the model as a whole point.
    span: Span,
}

impl Parse for Model {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if !input.peek(syn::token::Bracket) {
            let source: ModelSource = input.parse()?;
            let span = source.literal().span();
            return Ok(Model {
                sources: vec![source],
                span,
            });
        }
        let content;
        let brackets = bracketed!(content in input);
        let sources: Vec<ModelSource> = Punctuated::<ModelSource, Token![,]>::parse_terminated(&content)?
            .into_iter()
            .collect();
        if sources.is_empty() {
            return Err(syn::Error::new(
                brackets.span.join(),
                "the list of model paths is empty",
            ));
        }
        Ok(Model {
            sources,
            span: brackets.span.join(),
        })
    }
}

impl Parse for ModelSource {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(LitStr) {
            return input.parse().map(ModelSource::Path);
        }
        let function: Ident = input
            .parse()
            .map_err(|error| syn::Error::new(error.span(), MODEL_FORMS))?;
        let source: fn(LitStr) -> ModelSource = match function.to_string().as_str() {
            "env" => ModelSource::Env,
            "file_relative" => ModelSource::FileRelative,
            _ => return Err(syn::Error::new(function.span(), MODEL_FORMS)),
        };
        let content;
        syn::parenthesized!(content in input);
        let argument: LitStr = content.parse()?;
        if !content.is_empty() {
            return Err(content.error(format!("`{function}(...)` takes one string")));
        }
        Ok(source(argument))
    }
}

/// Derives for every generated type (`derives = [...]`, `shape` is `None`)
/// or for one shape and what it contains (an entry of `shape_derives`).
struct DeriveArg {
    /// The `derives` key, or the shape id literal: where errors about the
    /// entry as a whole point.
    anchor: Span,
    shape: Option<LitStr>,
    traits: Vec<syn::Path>,
}

/// An entry of `renames = { "shape id": "NewName" }`.
struct RenameArg {
    shape: LitStr,
    name: LitStr,
}

/// The parsed arguments, each kept with its span for error messages.
pub(crate) struct MacroArgs {
    model: Model,
    options: Options,
}

/// The options of [`sesv2_model_codegen::config::OPTIONS`], as written.
#[derive(Default)]
struct Options {
    operations: Vec<LitStr>,
    shapes: Vec<LitStr>,
    derives: Vec<DeriveArg>,
    renames: Vec<RenameArg>,
    client_error_correction: bool,
    runtime_crate: Option<LitStr>,
    client: bool,
}

impl MacroArgs {
    pub(crate) fn parse(input: proc_macro::TokenStream) -> syn::Result<MacroArgs> {
        syn::parse(input)
    }

    /// Runs the engine; its errors become `compile_error!`s at the argument
    /// each is about.
    pub(crate) fn expand(&self) -> TokenStream {
        let mut paths = Vec::with_capacity(self.model.sources.len());
        let mut track_envs = Vec::new();
        for source in &self.model.sources {
            match source.locate() {
                Ok((path, variable)) => {
                    paths.push(path);
                    track_envs.extend(variable);
                }
                Err(error) => return error.to_compile_error(),
            }
        }
        let generated = ModelFiles::read(&paths).and_then(|files| {
            let config = Config {
                track_files: files.files().iter().map(|file| file.path().to_owned()).collect(),
                track_envs,
                ..self.config()
            };
            generate_files(&config, &files)
        });
        // Notes about what the code cannot represent exactly are in its docs.
        match generated.and_then(|generated| generated.tokens().map_err(Into::into)) {
            Ok(tokens) => tokens,
            Err(errors) => {
                let errors = errors.iter().map(|error| {
                    let span = self.span_of(error, &paths);
                    syn::Error::new(span, error.message()).to_compile_error()
                });
                quote!(#(#errors)*)
            }
        }
    }

    /// The engine's configuration, but for what tracks the model file.
    fn config(&self) -> Config {
        Config {
            operations: self.options.operations.iter().map(LitStr::value).collect(),
            shapes: self.options.shapes.iter().map(LitStr::value).collect(),
            required_members: if self.options.client_error_correction {
                RequiredMembers::ClientErrorCorrection
            } else {
                RequiredMembers::Reject
            },
            runtime_crate: self
                .options
                .runtime_crate
                .as_ref()
                .map_or_else(|| Config::default().runtime_crate, LitStr::value),
            derives: self
                .options
                .derives
                .iter()
                .map(|derive| Derive {
                    traits: derive.traits.iter().map(path_text).collect(),
                    shape: derive.shape.as_ref().map(LitStr::value),
                })
                .collect(),
            renames: self
                .options
                .renames
                .iter()
                .map(|rename| Rename {
                    shape: rename.shape.value(),
                    name: rename.name.value(),
                })
                .collect(),
            client: self.options.client,
            ..Config::default()
        }
    }

    /// Where an error points: the argument it is about; for a place in a
    /// model file, the path that named the file.
    fn span_of(&self, error: &Error, paths: &[PathBuf]) -> Span {
        let model = error
            .location()
            .and_then(|location| {
                let file = Path::new(&location.path);
                paths.iter().position(|path| file.starts_with(path))
            })
            .map_or(self.model.span, |index| self.model.sources[index].literal().span());
        match error.subject() {
            Subject::Operation(index) => self.options.operations.get(index).map(LitStr::span),
            Subject::Shape(index) => self.options.shapes.get(index).map(LitStr::span),
            Subject::DeriveShape(index) => self.options.derives.get(index).map(|derive| derive.anchor),
            Subject::Derive(index, trait_index) => self
                .options
                .derives
                .get(index)
                .and_then(|derive| derive.traits.get(trait_index))
                .map(Spanned::span),
            Subject::Rename(index) => self.options.renames.get(index).map(|rename| rename.shape.span()),
            Subject::RuntimeCrate => self.options.runtime_crate.as_ref().map(LitStr::span),
            _ => None,
        }
        .unwrap_or(model)
    }
}

/// `std::hash::Hash` as the engine takes it: segments joined by `::`.
fn path_text(path: &syn::Path) -> String {
    let segments: Vec<String> = path.segments.iter().map(|segment| segment.ident.to_string()).collect();
    let leading = if path.leading_colon.is_some() { "::" } else { "" };
    format!("{leading}{}", segments.join("::"))
}

/// Where a relative model path starts.
#[derive(Clone, Copy)]
enum Base {
    /// The invoking crate's manifest directory.
    ManifestDir,
    /// The directory of the source file this span is in.
    SourceFile(Span),
}

fn resolve_path(written: &str, base: Base) -> Result<PathBuf, String> {
    let written = Path::new(written);
    if written.is_absolute() {
        return Ok(normalize(written));
    }
    let base = match base {
        Base::ManifestDir => PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").ok_or_else(|| {
            format!(
                "cannot resolve the relative model path `{}`: CARGO_MANIFEST_DIR is not set \
                 (build with cargo, or give an absolute path)",
                written.display()
            )
        })?),
        // Only the compiler knows the file; outside a macro (unit tests)
        // there is none.
        Base::SourceFile(span) => proc_macro::is_available()
            .then(|| span.unwrap().local_file())
            .flatten()
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .ok_or_else(|| {
                format!(
                    "cannot resolve `file_relative(\"{}\")`: the compiler does not say which file invokes the \
                     macro (some tools, such as IDEs, do not); give the path relative to CARGO_MANIFEST_DIR instead",
                    written.display()
                )
            })?,
    };
    Ok(normalize(&base.join(written)))
}

/// Removes `.` and `..` components, so that messages show a readable path.
fn normalize(path: &Path) -> PathBuf {
    let mut normalized = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if normalized.file_name().is_some() {
                    normalized.pop();
                } else if !normalized.has_root() {
                    normalized.push("..");
                }
            }
            other => normalized.push(other),
        }
    }
    normalized
}

impl Parse for MacroArgs {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(input.error(
                "expected the model path: `smithy_model!(\"path/to/model.json\")` or \
                 `smithy_model!(model = \"path/to/model.json\", operations = [\"...\"])`",
            ));
        }
        // The model alone: a path, `env(..)` / `file_relative(..)`, or a list.
        let model_alone = input.peek(LitStr)
            || input.peek(syn::token::Bracket)
            || (input.peek(Ident) && input.peek2(syn::token::Paren));
        if model_alone {
            let model = input.parse::<Model>()?;
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
                if !input.is_empty() {
                    return Err(input.error(
                        "with more than the model path, name every argument: \
                         `smithy_model!(model = \"...\", operations = [\"...\"])`",
                    ));
                }
            }
            return Ok(MacroArgs {
                model,
                options: Options::default(),
            });
        }

        let mut model = None;
        let mut given: Vec<String> = Vec::new();
        let mut options = Options::default();
        // Derives for every type come before those for one shape, wherever
        // they are written.
        let mut every_type_derives = None;
        while !input.is_empty() {
            let key: Ident = input
                .parse()
                .map_err(|error| syn::Error::new(error.span(), format!("expected {}", keys())))?;
            input.parse::<Token![=]>()?;
            let name = key.to_string();
            if given.contains(&name) {
                return Err(syn::Error::new(key.span(), format!("`{key}` is given twice")));
            }
            if name == "model" {
                model = Some(input.parse::<Model>()?);
            } else if let Some(option) = ConfigOption::by_macro_key(&name) {
                match option.id {
                    OptionId::Operations => options.operations = string_list(input)?,
                    OptionId::Shapes => options.shapes = string_list(input)?,
                    OptionId::Derives => {
                        every_type_derives = Some(DeriveArg {
                            anchor: key.span(),
                            shape: None,
                            traits: path_list(input)?,
                        })
                    }
                    OptionId::ShapeDerives => options.derives = shape_derive_map(input)?,
                    OptionId::Renames => options.renames = rename_map(input)?,
                    OptionId::ClientErrorCorrection => {
                        options.client_error_correction = input.parse::<LitBool>()?.value
                    }
                    OptionId::RuntimeCrate => options.runtime_crate = Some(input.parse()?),
                    OptionId::Client => options.client = input.parse::<LitBool>()?.value,
                }
            } else {
                return Err(syn::Error::new(
                    key.span(),
                    format!("unknown argument `{name}`; expected {}", keys()),
                ));
            }
            given.push(name);
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        let model =
            model.ok_or_else(|| syn::Error::new(Span::call_site(), "missing `model = \"path/to/model.json\"`"))?;
        options.derives.splice(0..0, every_type_derives);
        Ok(MacroArgs { model, options })
    }
}

/// `["a", "b"]`
fn string_list(input: ParseStream<'_>) -> syn::Result<Vec<LitStr>> {
    let content;
    bracketed!(content in input);
    let items = Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?;
    Ok(items.into_iter().collect())
}

/// `[Eq, Hash, my_crate::MyDerive]`
fn path_list(input: ParseStream<'_>) -> syn::Result<Vec<syn::Path>> {
    let content;
    bracketed!(content in input);
    let paths = Punctuated::<syn::Path, Token![,]>::parse_terminated_with(&content, syn::Path::parse_mod_style)
        .map_err(|error| syn::Error::new(error.span(), "expected derive paths: `[Eq, Hash]`"))?;
    Ok(paths.into_iter().collect())
}

/// `{ "shape id": [Eq, Hash], ... }`
fn shape_derive_map(input: ParseStream<'_>) -> syn::Result<Vec<DeriveArg>> {
    shape_map(input, |shape, content| {
        Ok(DeriveArg {
            anchor: shape.span(),
            shape: Some(shape),
            traits: path_list(content)?,
        })
    })
}

/// `{ "shape id": "NewName", ... }`
fn rename_map(input: ParseStream<'_>) -> syn::Result<Vec<RenameArg>> {
    shape_map(input, |shape, content| {
        Ok(RenameArg {
            shape,
            name: content.parse()?,
        })
    })
}

/// `{ "shape id": VALUE, ... }`, each entry read by `entry` after the colon.
fn shape_map<T>(
    input: ParseStream<'_>,
    mut entry: impl FnMut(LitStr, ParseStream<'_>) -> syn::Result<T>,
) -> syn::Result<Vec<T>> {
    let content;
    braced!(content in input);
    let mut entries = Vec::new();
    while !content.is_empty() {
        let shape: LitStr = content.parse()?;
        content.parse::<Token![:]>()?;
        entries.push(entry(shape, &content)?);
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The macro, a build script (`tests/build-script`) and the command-line
    /// tool (`--check` in CI) all produce the items of the committed snapshot;
    /// the macro adds only the reference to the model file that makes cargo
    /// rebuild when the model changes.
    #[test]
    fn expansion_has_the_items_of_the_committed_snapshot() {
        let args: MacroArgs =
            syn::parse2(quote!(model = "../models/sesv2.json", operations = ["GetImportJob"])).unwrap();
        let mut expanded: syn::File = syn::parse2(args.expand()).unwrap();
        let items = expanded.items.len();
        expanded
            .items
            .retain(|item| !quote!(#item).to_string().contains("include_bytes"));
        assert_eq!(items - expanded.items.len(), 1, "one reference to the model file");

        let snapshot: syn::File = syn::parse_str(include_str!("../../tests/snapshots/getimportjob.rs")).unwrap();
        let (expanded, snapshot) = (prettyplease::unparse(&expanded), prettyplease::unparse(&snapshot));
        assert!(
            expanded == snapshot,
            "the macro's items differ from tests/snapshots/getimportjob.rs"
        );
    }

    /// The macro takes every option of the table, in the form its docs
    /// show, and each one sets its `Config` field.
    #[test]
    fn every_option_of_the_table_is_a_key_that_sets_its_field() {
        let docs = include_str!("lib.rs");
        for option in OPTIONS {
            let example: TokenStream = option.macro_form.replace("...", "").parse().unwrap();
            let args: MacroArgs = syn::parse2(quote!(model = "m.json", #example))
                .unwrap_or_else(|error| panic!("`{}`: {error}", option.macro_form));
            let (config, default) = (args.config(), Config::default());
            let changed = match option.id {
                OptionId::Operations => config.operations != default.operations,
                OptionId::Shapes => config.shapes != default.shapes,
                OptionId::Derives => config.derives.iter().any(|derive| derive.shape.is_none()),
                OptionId::ShapeDerives => config.derives.iter().any(|derive| derive.shape.is_some()),
                OptionId::Renames => config.renames != default.renames,
                OptionId::ClientErrorCorrection => config.required_members != default.required_members,
                OptionId::RuntimeCrate => config.runtime_crate != default.runtime_crate,
                OptionId::Client => config.client != default.client,
            };
            assert!(changed, "`{}` did not set `{}`", option.macro_form, option.field);
            assert!(
                docs.contains(&format!("/// - `{} = ", option.macro_key)),
                "the macro's docs do not list `{}`",
                option.macro_key
            );
        }
    }

    #[test]
    fn unknown_keys_are_named_with_every_key_the_macro_takes() {
        let error = syn::parse2::<MacroArgs>(quote!(model = "m.json", operation = ["X"]))
            .err()
            .unwrap();
        assert_eq!(
            error.to_string(),
            "unknown argument `operation`; expected `model`, `operations`, `shapes`, `derives`, `shape_derives`, \
             `renames`, `client_error_correction`, `runtime_crate` or `client`"
        );
    }

    #[test]
    fn the_model_may_be_a_list_of_paths_in_every_form() {
        let args: MacroArgs = syn::parse2(quote!(
            model = ["a.smithy", env("SESV2_MODEL_TEST_UNSET"), file_relative("traits/")],
            operations = ["X"]
        ))
        .unwrap();
        let forms: Vec<_> = args
            .model
            .sources
            .iter()
            .map(|source| match source {
                ModelSource::Path(path) => format!("path {}", path.value()),
                ModelSource::Env(variable) => format!("env {}", variable.value()),
                ModelSource::FileRelative(path) => format!("file_relative {}", path.value()),
            })
            .collect();
        assert_eq!(
            forms,
            ["path a.smithy", "env SESV2_MODEL_TEST_UNSET", "file_relative traits/"]
        );
        let alone: MacroArgs = syn::parse2(quote!(["a.smithy", "b.json"])).unwrap();
        assert_eq!(alone.model.sources.len(), 2);
        let error = syn::parse2::<MacroArgs>(quote!(model = [])).err().unwrap();
        assert_eq!(error.to_string(), "the list of model paths is empty");
    }

    #[test]
    fn every_file_read_is_tracked() {
        let args: MacroArgs = syn::parse2(quote!(model = ["../tests/models/weather"])).unwrap();
        let expanded = args.expand().to_string();
        for file in ["weather.smithy", "common.smithy", "units.json"] {
            assert!(expanded.contains(&format!("weather/{file}\"")), "{file} is not tracked");
        }
        assert_eq!(expanded.matches("include_bytes").count(), 3);
    }

    #[test]
    fn normalize_removes_dot_components() {
        assert_eq!(
            normalize(Path::new("/ws/target/tests/trybuild/x/../../../../tests/m.json")),
            PathBuf::from("/ws/tests/m.json")
        );
        assert_eq!(normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
        assert_eq!(normalize(Path::new("/../a")), PathBuf::from("/a"));
    }
}
