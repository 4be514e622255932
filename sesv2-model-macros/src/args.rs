//! The macro's arguments, and the mapping of engine errors back onto them.

use std::path::{Component, Path, PathBuf};

use proc_macro2::{Span, TokenStream};
use quote::quote;
use sesv2_model_codegen::{Config, RequiredMembers, Subject, generate_file};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Ident, LitBool, LitStr, Token, bracketed};

const KEYS: &str = "`model`, `operations`, `shapes` or `client_error_correction`";

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

/// The parsed arguments, each kept with its span for error messages.
pub(crate) struct MacroArgs {
    model: ModelSource,
    operations: Vec<LitStr>,
    shapes: Vec<LitStr>,
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
            operations: self.operations.iter().map(LitStr::value).collect(),
            shapes: self.shapes.iter().map(LitStr::value).collect(),
            required_members: if self.client_error_correction {
                RequiredMembers::ClientErrorCorrection
            } else {
                RequiredMembers::Reject
            },
            track_env,
            ..Config::default()
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

    fn span_of(&self, subject: Subject) -> Span {
        let literal = match subject {
            Subject::Model => None,
            Subject::Operation(index) => self.operations.get(index),
            Subject::Shape(index) => self.shapes.get(index),
        };
        literal.unwrap_or(self.model.literal()).span()
    }
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
                client_error_correction: false,
            });
        }

        let mut model = None;
        let mut operations = None;
        let mut shapes = None;
        let mut client_error_correction = None;
        while !input.is_empty() {
            let key: Ident = input
                .parse()
                .map_err(|error| syn::Error::new(error.span(), format!("expected {KEYS}")))?;
            input.parse::<Token![=]>()?;
            let duplicate = || syn::Error::new(key.span(), format!("`{key}` is given twice"));
            match key.to_string().as_str() {
                "model" => {
                    if model.replace(input.parse::<ModelSource>()?).is_some() {
                        return Err(duplicate());
                    }
                }
                "operations" => {
                    if operations.replace(string_list(input)?).is_some() {
                        return Err(duplicate());
                    }
                }
                "shapes" => {
                    if shapes.replace(string_list(input)?).is_some() {
                        return Err(duplicate());
                    }
                }
                "client_error_correction" => {
                    if client_error_correction
                        .replace(input.parse::<LitBool>()?.value)
                        .is_some()
                    {
                        return Err(duplicate());
                    }
                }
                other => {
                    return Err(syn::Error::new(
                        key.span(),
                        format!("unknown argument `{other}`; expected {KEYS}"),
                    ));
                }
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

#[cfg(test)]
mod tests {
    use super::*;

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
