//! The traits the generator understands, parsed from their raw JSON values.
//!
//! Traits it does not use (validation constraints, endpoint rules, examples,
//! paginators, ...) are skipped without being parsed.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::ast::Entries;
use crate::error::Diagnostics;

/// The understood traits of one shape or member.
#[derive(Default)]
pub(crate) struct Traits {
    pub documentation: Option<String>,
    pub required: bool,
    pub json_name: Option<String>,
    pub enum_value: Option<EnumValue>,
    pub error: Option<ErrorFault>,
    pub http_error: Option<u16>,
    pub http: Option<Http>,
    pub sparse: bool,
}

/// The value of `smithy.api#enumValue`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub(crate) enum EnumValue {
    String(String),
    Integer(i64),
}

/// Who is at fault for an `@error` shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ErrorFault {
    Client,
    Server,
}

/// The `smithy.api#http` trait of an operation.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub(crate) struct Http {
    pub method: String,
    pub uri: String,
    pub code: Option<u16>,
}

impl Traits {
    /// Parses the traits of the shape or member `owner` (its id, for messages).
    pub(crate) fn parse(
        owner: &str,
        raw: &Entries<&RawValue>,
        diagnostics: &mut Diagnostics,
    ) -> Traits {
        let mut traits = Traits::default();
        for (name, value) in &raw.0 {
            let mut read = |value: &RawValue| -> Option<()> {
                match name.as_str() {
                    "smithy.api#documentation" => {
                        traits.documentation =
                            Some(typed(owner, name, value, "a string", diagnostics)?)
                    }
                    "smithy.api#required" => traits.required = true,
                    "smithy.api#jsonName" => {
                        traits.json_name = Some(typed(owner, name, value, "a string", diagnostics)?)
                    }
                    "smithy.api#enumValue" => {
                        traits.enum_value = Some(typed(
                            owner,
                            name,
                            value,
                            "a string or an integer",
                            diagnostics,
                        )?)
                    }
                    "smithy.api#error" => {
                        traits.error = Some(typed(
                            owner,
                            name,
                            value,
                            "\"client\" or \"server\"",
                            diagnostics,
                        )?)
                    }
                    "smithy.api#httpError" => {
                        traits.http_error = Some(typed(
                            owner,
                            name,
                            value,
                            "an HTTP status code",
                            diagnostics,
                        )?)
                    }
                    "smithy.api#http" => {
                        traits.http = Some(typed(
                            owner,
                            name,
                            value,
                            "an object with `method`, `uri` and an optional `code`",
                            diagnostics,
                        )?)
                    }
                    "smithy.api#sparse" => traits.sparse = true,
                    _ => {}
                }
                Some(())
            };
            // A malformed trait was reported; keep reading the others.
            let _ = read(value);
        }
        traits
    }
}

fn typed<T: DeserializeOwned>(
    owner: &str,
    trait_name: &str,
    value: &RawValue,
    expected: &str,
    diagnostics: &mut Diagnostics,
) -> Option<T> {
    match serde_json::from_str(value.get()) {
        Ok(typed) => Some(typed),
        Err(error) => {
            diagnostics.model(format!(
                "`{owner}`: the `{trait_name}` trait must be {expected}, but it is `{}` ({error}); fix the trait value in the model",
                value.get()
            ));
            None
        }
    }
}
