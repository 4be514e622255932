//! What the runtime's client needs (with [`crate::Config::client`]): per
//! service, a unit type implementing `client::Service` (its SDK id, signing
//! name, version and endpoint rules); per operation, `ServiceOperation`
//! (its service, how it is signed, and the endpoint parameters it sets).
//!
//! The rules are embedded as the model's JSON and evaluated by the runtime:
//! a rule set is data, and data costs rustc far less than the code it
//! would become (S3's rules are 88 KB of JSON).

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Deserialize;
use serde_json::Value;

use super::Emitter;
use super::context_params::{InputPath, Leaf};
use super::types::Allows;
use super::writer::impl_block;
use crate::model::{Operation, Shape, ShapeKind};
use crate::shape_id::ShapeId;

/// A parameter of a rule set, as the client's emitter needs it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct RuleParameter {
    #[serde(rename = "type")]
    pub kind: String,
    pub built_in: Option<String>,
}

/// The parts of a rule set the emitters read: its parameters, by name.
#[derive(Deserialize)]
pub(super) struct RuleSetParameters {
    #[serde(default)]
    pub parameters: BTreeMap<String, RuleParameter>,
}

impl RuleSetParameters {
    /// The type of the parameter `name`, lowercased (`string`, `boolean`,
    /// `stringarray`).
    pub fn kind(&self, name: &str) -> Option<String> {
        self.parameters
            .get(name)
            .map(|parameter| parameter.kind.to_ascii_lowercase())
    }

    /// The parameter bound to the built-in `built_in` (`AWS::Region`).
    pub fn for_built_in(&self, built_in: &str) -> Option<&str> {
        self.parameters
            .iter()
            .find(|(_, parameter)| parameter.built_in.as_deref() == Some(built_in))
            .map(|(name, _)| name.as_str())
    }
}

impl<'a> Emitter<'a> {
    /// Whether the client's code is generated: asked for, or needed by the
    /// endpoint tests that `protocol_tests` writes.
    pub(super) fn generates_client(&self) -> bool {
        self.config.client || self.config.protocol_tests
    }

    /// The service of `operation`, when the client's code is generated for it:
    /// its shape and Rust name.
    pub(super) fn client_service(&self, operation: &ShapeId) -> Option<(&'a Shape, &'a str)> {
        if !self.generates_client() {
            return None;
        }
        let (id, _) = self.service_of(operation)?;
        let shape = self.shape(id)?;
        shape.traits.endpoint_rule_set.as_ref()?;
        Some((shape, self.names.service(id)?))
    }

    /// The parameters of `service`'s rule set, read from its JSON once per
    /// emitter: every operation of the service asks (S3's rules are 88 KB).
    pub(super) fn rule_parameters(&self, service: &'a Shape) -> Option<Rc<RuleSetParameters>> {
        if let Some(parameters) = self.rule_parameters.borrow().get(&service.id) {
            return parameters.clone();
        }
        let parameters = serde_json::from_str(service.traits.endpoint_rule_set.as_deref()?)
            .ok()
            .map(Rc::new);
        self.rule_parameters
            .borrow_mut()
            .insert(&service.id, parameters.clone());
        parameters
    }

    /// The unit type of a service and its `client::Service` impl.
    pub(super) fn service_item(&self, service: &Shape, name: &str, out: &mut String) {
        let ShapeKind::Service(details) = &service.kind else {
            return;
        };
        let Some(rules) = service.traits.endpoint_rule_set.as_deref() else {
            return;
        };
        let rules = compact_json(rules);
        let sdk_id = service
            .traits
            .aws_service
            .as_ref()
            .map_or(service.id.name(), |aws| aws.sdk_id.as_str());
        let signing_name = match (&service.traits.sigv4, &service.traits.aws_service) {
            (Some(sigv4), _) => sigv4.name.clone(),
            (None, Some(aws)) => aws
                .endpoint_prefix
                .clone()
                .unwrap_or_else(|| aws.sdk_id.to_ascii_lowercase()),
            (None, None) => service.id.name().to_ascii_lowercase(),
        };
        let runtime = &self.runtime;
        emit!(
            out,
            "/// The `{sdk_id}` service: its endpoint rules and how its requests are signed.\n\
             ///\n/// Smithy shape: `{}`.\n\
             #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]\npub struct {name};\n",
            service.id
        );
        impl_block(
            out,
            Allows::default(),
            format_args!("{runtime}::client::Service for {name}"),
            |out| {
                emit!(
                    out,
                    "const SDK_ID: &'static ::core::primitive::str = {sdk_id:?};\n\
                 const SIGNING_NAME: &'static ::core::primitive::str = {signing_name:?};\n\
                 const API_VERSION: &'static ::core::primitive::str = {:?};\n\
                 fn endpoint_rules() -> ::core::result::Result<&'static {runtime}::endpoint::RuleSet, \
                 &'static {runtime}::endpoint::RuleSetError> {{\n\
                 static __RULES: ::std::sync::OnceLock<::core::result::Result<{runtime}::endpoint::RuleSet, \
                 {runtime}::endpoint::RuleSetError>> = ::std::sync::OnceLock::new();\n\
                 {}::endpoint::endpoint_rules(&__RULES, {})\n}}\n",
                    details.version,
                    self.private,
                    raw_string(&rules),
                );
            },
        );
    }

    /// `impl ServiceOperation for {name}`.
    pub(super) fn service_operation(&self, shape: &'a Shape, operation: &'a Operation, name: &str, out: &mut String) {
        let Some((service, service_name)) = self.client_service(&shape.id) else {
            return;
        };
        let auth = match &shape.traits.auth {
            Some(schemes) if schemes.is_empty() => "None",
            _ if shape.traits.optional_auth => "OptionalSigV4",
            _ => "SigV4",
        };
        let parameters = self.rule_parameters(service);
        let parameters = parameters.as_deref();
        let mut body = String::new();
        for (param, value) in shape.traits.static_context_params.iter().flatten() {
            match static_value(value) {
                Some(value) => emit!(body, "__params.set({param:?}, {value});\n"),
                None => self.note(
                    shape.id.as_str(),
                    format!(
                        "the static endpoint parameter `{param}` is left unset: its value `{}` is not a string, \
                         boolean or list of strings",
                        value.value
                    ),
                ),
            }
        }
        if let Some(input) = &operation.input {
            let members = self.fields_of(input);
            for field in members.iter() {
                if let Some(param) = &field.member.traits.context_param {
                    let path = self.member_path(input, field.name());
                    self.set_param(
                        shape,
                        &format!("{input}${}", field.name()),
                        param,
                        path,
                        parameters,
                        &mut body,
                    );
                }
            }
            for (param, context) in shape.traits.operation_context_params.iter().flatten() {
                let path = self.input_path(input, &context.path);
                self.set_param(
                    shape,
                    &format!("`{}`", context.path),
                    param,
                    path,
                    parameters,
                    &mut body,
                );
            }
        }
        let runtime = &self.runtime;
        let (input, params) = if body.is_empty() {
            ("_", "_")
        } else {
            ("__input", "__params")
        };
        impl_block(
            out,
            Allows::DEPRECATED,
            format_args!("{runtime}::client::ServiceOperation for {name}"),
            |out| {
                emit!(
                    out,
                    "type Service = {service_name};\n\
                     const AUTH: {runtime}::client::Auth = {runtime}::client::Auth::{auth};\n\
                     fn endpoint_params({input}: &Self::Input, {params}: &mut {runtime}::endpoint::Params) {{\n\
                     {body}}}\n"
                );
            },
        );
    }

    /// `set_string(__params, ..)` and the like for parameter `param` from
    /// `path` (which `source` names in notes).
    fn set_param(
        &self,
        shape: &Shape,
        source: &str,
        param: &str,
        path: Result<InputPath, String>,
        parameters: Option<&RuleSetParameters>,
        out: &mut String,
    ) {
        let path = match path {
            Ok(path) => path,
            Err(problem) => {
                self.note(
                    shape.id.as_str(),
                    format!("the endpoint parameter `{param}` is left unset: {source}: {problem}"),
                );
                return;
            }
        };
        let kind = parameters.and_then(|parameters| parameters.kind(param));
        let setter = match (kind.as_deref(), path.leaf, path.many) {
            (Some("stringarray"), Leaf::String, _) => "set_strings",
            (Some("string") | None, Leaf::String, false) => "set_string",
            (Some("boolean") | None, Leaf::Bool, false) => "set_bool",
            (None, Leaf::String, true) => "set_strings",
            (kind, leaf, many) => {
                self.note(
                    shape.id.as_str(),
                    format!(
                        "the endpoint parameter `{param}` is left unset: the rules declare it {}, but {source} \
                         leads to {}{}",
                        kind.unwrap_or("unknown"),
                        if many { "many " } else { "one " },
                        match leaf {
                            Leaf::String => "string",
                            Leaf::Bool => "boolean",
                        }
                    ),
                );
                return;
            }
        };
        emit!(
            out,
            "{}::endpoint::{setter}(__params, {param:?}, {});\n",
            self.private,
            path.values()
        );
    }
}

/// A static parameter's value as a Rust expression.
fn static_value(param: &crate::traits::StaticContextParam) -> Option<String> {
    match &param.value {
        Value::Bool(value) => Some(value.to_string()),
        Value::String(value) => Some(format!("{value:?}")),
        Value::Array(values) => {
            let strings: Option<Vec<String>> = values
                .iter()
                .map(|value| value.as_str().map(|value| format!("{value:?}.to_owned()")))
                .collect();
            Some(format!("::std::vec![{}]", strings?.join(", ")))
        }
        _ => None,
    }
}

/// `json` without the whitespace between its tokens, which is most of a
/// pretty-printed rule set; members stay in the model's order.
fn compact_json(json: &str) -> String {
    let mut compact = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            compact.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if !c.is_whitespace() {
            in_string = c == '"';
            compact.push(c);
        }
    }
    compact
}

/// `text` as a raw string literal (`r#"..."#`), with one `#` more than the
/// longest run after a quote in it: JSON reads as itself there, not as a
/// wall of escaped quotes.
fn raw_string(text: &str) -> String {
    let longest_run = text
        .split('"')
        .skip(1)
        .map(|after_quote| after_quote.len() - after_quote.trim_start_matches('#').len())
        .max()
        .unwrap_or(0);
    let hashes = "#".repeat(longest_run + 1);
    format!("r{hashes}\"{text}\"{hashes}")
}

#[cfg(test)]
mod tests {
    use super::{compact_json, raw_string};

    #[test]
    fn raw_strings_take_more_hashes_than_the_text_has_after_a_quote() {
        assert_eq!(raw_string(r#"{"a":1}"#), r##"r#"{"a":1}"#"##);
        assert_eq!(raw_string(r##"{"a":"#x"}"##), r###"r##"{"a":"#x"}"##"###);
    }

    #[test]
    fn compacting_keeps_strings_and_member_order() {
        let json = "{\n  \"b\": [1, 2],\n  \"a\": \"x {Region} \\\" y\"\n}";
        assert_eq!(compact_json(json), r#"{"b":[1,2],"a":"x {Region} \" y"}"#);
    }
}
