//! The macro's arguments, and the mapping of engine errors back onto them.

use std::path::{Component, Path, PathBuf};

use proc_macro2::{Span, TokenStream};
use quote::quote;
use sesv2_model_codegen::{Config, Derive, Rename, RequiredMembers, Subject, generate_file};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Ident, LitBool, LitStr, Token, braced, bracketed};

const KEYS: &str =
    "`model`, `operations`, `shapes`, `derives`, `shape_derives`, `renames` or `client_error_correction`";

/// Where the model file is: a path, or an environment variable holding one.
enum ModelSource {
    Path(LitStr),
    /// `env("VAR")`
    Env(LitStr),
}

impl ModelSource {
    fn literal(&self) -> &LitStr {
        match self {
            ModelSource::Path(literal) | ModelSource::Env(literal) => literal,
        }
    }
}

impl Parse for ModelSource {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(LitStr) {
            return input.parse().map(ModelSource::Path);
        }
        let function: Ident = input.parse().map_err(|error| {
            syn::Error::new(
                error.span(),
                "expected the model path as a string, or `env(\"VARIABLE\")`",
            )
        })?;
        if function != "env" {
            return Err(syn::Error::new(
                function.span(),
                "expected the model path as a string, or `env(\"VARIABLE\")`",
            ));
        }
        let content;
        syn::parenthesized!(content in input);
        let variable: LitStr = content.parse()?;
        if !content.is_empty() {
            return Err(content.error("`env(...)` takes one variable name"));
        }
        Ok(ModelSource::Env(variable))
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
    model: ModelSource,
    operations: Vec<LitStr>,
    shapes: Vec<LitStr>,
    derives: Vec<DeriveArg>,
    renames: Vec<RenameArg>,
    client_error_correction: bool,
}

impl MacroArgs {
    pub(crate) fn parse(input: proc_macro::TokenStream) -> syn::Result<MacroArgs> {
        syn::parse(input)
    }

    /// Runs the engine; its errors become `compile_error!`s at the argument
    /// each is about.
    pub(crate) fn expand(&self) -> TokenStream {
        let (written, track_env) = match &self.model {
            ModelSource::Path(path) => (path.value(), None),
            ModelSource::Env(variable) => match std::env::var(variable.value()) {
                Ok(path) if !path.is_empty() => (path, Some(variable.value())),
                _ => {
                    let message = format!(
                        "the model path comes from the environment variable `{}`, which is not set; \
                         set it to the model's path (absolute, or relative to CARGO_MANIFEST_DIR)",
                        variable.value()
                    );
                    return syn::Error::new(variable.span(), message).to_compile_error();
                }
            },
        };
        let path = match resolve_path(&written) {
            Ok(path) => path,
            Err(message) => {
                return syn::Error::new(self.model.literal().span(), message).to_compile_error();
            }
        };
        let config = Config {
            track_file: Some(path.clone()),
            track_env,
            ..self.config()
        };
        // Notes about what the code cannot represent exactly are in its docs.
        match generate_file(&config, &path).and_then(|generated| generated.tokens().map_err(Into::into)) {
            Ok(tokens) => tokens,
            Err(errors) => {
                let errors = errors.iter().map(|error| {
                    let span = self.span_of(error.subject());
                    syn::Error::new(span, error.message()).to_compile_error()
                });
                quote!(#(#errors)*)
            }
        }
    }

    /// The engine's configuration, but for what tracks the model file.
    fn config(&self) -> Config {
        Config {
            operations: self.operations.iter().map(LitStr::value).collect(),
            shapes: self.shapes.iter().map(LitStr::value).collect(),
            required_members: if self.client_error_correction {
                RequiredMembers::ClientErrorCorrection
            } else {
                RequiredMembers::Reject
            },
            derives: self
                .derives
                .iter()
                .map(|derive| Derive {
                    traits: derive.traits.iter().map(path_text).collect(),
                    shape: derive.shape.as_ref().map(LitStr::value),
                })
                .collect(),
            renames: self
                .renames
                .iter()
                .map(|rename| Rename {
                    shape: rename.shape.value(),
                    name: rename.name.value(),
                })
                .collect(),
            ..Config::default()
        }
    }

    fn span_of(&self, subject: Subject) -> Span {
        let model = self.model.literal().span();
        match subject {
            Subject::Operation(index) => self.operations.get(index).map(LitStr::span),
            Subject::Shape(index) => self.shapes.get(index).map(LitStr::span),
            Subject::DeriveShape(index) => self.derives.get(index).map(|derive| derive.anchor),
            Subject::Derive(index, trait_index) => self
                .derives
                .get(index)
                .and_then(|derive| derive.traits.get(trait_index))
                .map(Spanned::span),
            Subject::Rename(index) => self.renames.get(index).map(|rename| rename.shape.span()),
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

/// A relative model path starts at the invoking crate's manifest directory.
fn resolve_path(written: &str) -> Result<PathBuf, String> {
    let written = Path::new(written);
    if written.is_absolute() {
        return Ok(normalize(written));
    }
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").ok_or_else(|| {
        format!(
            "cannot resolve the relative model path `{}`: CARGO_MANIFEST_DIR is not set \
             (build with cargo, or give an absolute path)",
            written.display()
        )
    })?;
    Ok(normalize(&Path::new(&manifest_dir).join(written)))
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
        if input.peek(LitStr) {
            let model = ModelSource::Path(input.parse()?);
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
                operations: Vec::new(),
                shapes: Vec::new(),
                derives: Vec::new(),
                renames: Vec::new(),
                client_error_correction: false,
            });
        }

        let mut model = None;
        let mut operations = None;
        let mut shapes = None;
        let mut derives = None;
        let mut shape_derives = None;
        let mut renames = None;
        let mut client_error_correction = None;
        while !input.is_empty() {
            let key: Ident = input
                .parse()
                .map_err(|error| syn::Error::new(error.span(), format!("expected {KEYS}")))?;
            input.parse::<Token![=]>()?;
            let duplicate = || syn::Error::new(key.span(), format!("`{key}` is given twice"));
            let first = match key.to_string().as_str() {
                "model" => model.replace(input.parse::<ModelSource>()?).is_none(),
                "operations" => operations.replace(string_list(input)?).is_none(),
                "shapes" => shapes.replace(string_list(input)?).is_none(),
                "derives" => {
                    let derive = DeriveArg {
                        anchor: key.span(),
                        shape: None,
                        traits: path_list(input)?,
                    };
                    derives.replace(derive).is_none()
                }
                "shape_derives" => shape_derives.replace(shape_derive_map(input)?).is_none(),
                "renames" => renames.replace(rename_map(input)?).is_none(),
                "client_error_correction" => client_error_correction
                    .replace(input.parse::<LitBool>()?.value)
                    .is_none(),
                other => {
                    return Err(syn::Error::new(
                        key.span(),
                        format!("unknown argument `{other}`; expected {KEYS}"),
                    ));
                }
            };
            if !first {
                return Err(duplicate());
            }
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        let model =
            model.ok_or_else(|| syn::Error::new(Span::call_site(), "missing `model = \"path/to/model.json\"`"))?;
        Ok(MacroArgs {
            model,
            operations: operations.unwrap_or_default(),
            shapes: shapes.unwrap_or_default(),
            derives: derives.into_iter().chain(shape_derives.into_iter().flatten()).collect(),
            renames: renames.unwrap_or_default(),
            client_error_correction: client_error_correction.unwrap_or(false),
        })
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
