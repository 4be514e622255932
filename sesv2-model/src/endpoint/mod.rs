//! Endpoint resolution from a service's Smithy endpoint rules (`smithy.rules#endpointRuleSet`).
//!
//! A [`RuleSet`] is parsed once from the trait's JSON (keep it in a
//! `static OnceLock<RuleSet>`: it is `Send + Sync`), then
//! [`RuleSet::resolve`] evaluates it for each set of [`Params`], without
//! parsing anything again. `aws.partition` reads the crate's own copy of
//! the AWS partition data, parsed on its first use.
//!
//! ```
//! use sesv2_model::endpoint::{Params, RuleSet};
//!
//! let rules = RuleSet::from_json(r#"{
//!     "version": "1.0",
//!     "parameters": {
//!         "Region": {"type": "String", "builtIn": "AWS::Region", "required": true}
//!     },
//!     "rules": [{
//!         "conditions": [
//!             {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "partition"}
//!         ],
//!         "endpoint": {"url": "https://email.{Region}.{partition#dnsSuffix}"},
//!         "type": "endpoint"
//!     }]
//! }"#)?;
//! let region = rules.parameter_for_built_in("AWS::Region").expect("the rules take a region");
//! let mut params = Params::default();
//! params.set(region.name(), "eu-west-1");
//! let endpoint = rules.resolve(&params)?;
//! assert_eq!(endpoint.url(), "https://email.eu-west-1.amazonaws.com");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod arn;
mod eval;
mod functions;
mod partition;
mod pattern;
mod rules;
mod template;
mod url;

use crate::sorted_map::SortedMap;
use std::fmt;

pub(crate) use partition::dual_stack_support;
pub use rules::RuleSetError;

/// The parsed rules of one service: its parameters and its rule tree.
#[derive(Debug)]
pub struct RuleSet {
    parameters: Vec<Parameter>,
    rules: Vec<rules::Rule>,
    /// Parameters take the first slots, then every `assign` its own.
    slot_count: usize,
}

impl RuleSet {
    /// Parses the JSON value of a `smithy.rules#endpointRuleSet` trait.
    ///
    /// Fails, saying where, on anything the evaluator could not run: an
    /// unknown function, a wrong number of arguments, a reference to a name
    /// that is not in scope, a malformed template or `getAttr` path.
    pub fn from_json(json: &str) -> Result<RuleSet, RuleSetError> {
        rules::parse(json)
    }

    /// The parameters, in the order the rule set declares them.
    pub fn parameters(&self) -> &[Parameter] {
        &self.parameters
    }

    /// The parameter bound to a built-in such as `AWS::Region` or `SDK::Endpoint`.
    pub fn parameter_for_built_in(&self, built_in: &str) -> Option<&Parameter> {
        self.parameters
            .iter()
            .find(|parameter| parameter.built_in() == Some(built_in))
    }

    /// Evaluates the rules for `params`: the first rule whose conditions hold
    /// gives the endpoint, or the error its rule set describes.
    pub fn resolve(&self, params: &Params) -> Result<ResolvedEndpoint, EndpointError> {
        eval::resolve(self, params)
    }
}

/// The type of a rule set parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParameterType {
    /// `String`.
    String,
    /// `Boolean`.
    Boolean,
    /// `StringArray`.
    StringArray,
}

impl fmt::Display for ParameterType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParameterType::String => "String",
            ParameterType::Boolean => "Boolean",
            ParameterType::StringArray => "StringArray",
        })
    }
}

/// A parameter the rules take.
#[derive(Clone, Debug)]
pub struct Parameter {
    name: String,
    parameter_type: ParameterType,
    built_in: Option<String>,
    required: bool,
    default: Option<Value>,
    documentation: Option<String>,
    deprecated: Option<Deprecated>,
}

impl Parameter {
    /// The name rules refer to it by, and [`Params`] sets it by.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its type.
    pub fn parameter_type(&self) -> ParameterType {
        self.parameter_type
    }

    /// The built-in that sets it, such as `AWS::Region`.
    pub fn built_in(&self) -> Option<&str> {
        self.built_in.as_deref()
    }

    /// Whether resolving fails when it has neither a value nor a default.
    pub fn required(&self) -> bool {
        self.required
    }

    /// The value it takes when [`Params`] leaves it unset.
    pub fn default_value(&self) -> Option<&Value> {
        self.default.as_ref()
    }

    /// Its documentation.
    pub fn documentation(&self) -> Option<&str> {
        self.documentation.as_deref()
    }

    /// Whether, since when and why it is deprecated.
    pub fn deprecated(&self) -> Option<&Deprecated> {
        self.deprecated.as_ref()
    }
}

/// The deprecation of a parameter.
#[derive(Clone, Debug, Default)]
pub struct Deprecated {
    message: Option<String>,
    since: Option<String>,
}

impl Deprecated {
    /// What to use instead, or why.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The version or date it was deprecated in.
    pub fn since(&self) -> Option<&str> {
        self.since.as_deref()
    }
}

/// The value of a parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A `String` parameter's value.
    String(String),
    /// A `Boolean` parameter's value.
    Bool(bool),
    /// A `StringArray` parameter's value.
    StringArray(Vec<String>),
}

impl Value {
    /// The type of parameter this value fits.
    pub fn parameter_type(&self) -> ParameterType {
        match self {
            Value::String(_) => ParameterType::String,
            Value::Bool(_) => ParameterType::Boolean,
            Value::StringArray(_) => ParameterType::StringArray,
        }
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Self {
        Value::String(value.to_owned())
    }
}

impl From<String> for Value {
    fn from(value: String) -> Self {
        Value::String(value)
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Value::Bool(value)
    }
}

impl From<Vec<String>> for Value {
    fn from(value: Vec<String>) -> Self {
        Value::StringArray(value)
    }
}

/// Parameter values by parameter name; those left unset take their defaults.
#[derive(Default, Clone, Debug)]
pub struct Params {
    values: SortedMap<String, Value>,
}

impl Params {
    /// No parameter set.
    pub fn new() -> Params {
        Params::default()
    }

    /// Sets the parameter `name`, replacing any value it had.
    pub fn set(&mut self, name: impl Into<String>, value: impl Into<Value>) -> &mut Self {
        self.values.insert(name.into(), value.into());
        self
    }

    /// The value set for `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }

    /// Unsets `name`, returning the value it had.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        self.values.remove(name)
    }

    /// The names set, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.values.keys().map(String::as_str)
    }
}

/// The endpoint the rules resolved to.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedEndpoint {
    url: String,
    headers: SortedMap<String, Vec<String>>,
    properties: serde_json::Map<String, serde_json::Value>,
}

impl ResolvedEndpoint {
    /// The URL to send the request to.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The values of the header `name` (as the rules spell it), in order.
    pub fn header(&self, name: &str) -> Option<&[String]> {
        self.headers.get(name).map(Vec::as_slice)
    }

    /// Headers to add to the request, by name, each with its values in
    /// order.
    pub fn headers(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.headers
            .iter()
            .map(|(name, values)| (name.as_str(), values.as_slice()))
    }

    /// Properties such as `authSchemes`, as the rules wrote them.
    pub fn properties(&self) -> &serde_json::Map<String, serde_json::Value> {
        &self.properties
    }

    /// The entries of the `authSchemes` property, in order of preference;
    /// entries that are not objects are skipped.
    pub fn auth_schemes(&self) -> impl Iterator<Item = AuthScheme<'_>> {
        self.properties
            .get("authSchemes")
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|scheme| scheme.as_object().map(|properties| AuthScheme { properties }))
    }
}

/// One entry of an endpoint's `authSchemes` property.
#[derive(Clone, Copy, Debug)]
pub struct AuthScheme<'a> {
    properties: &'a serde_json::Map<String, serde_json::Value>,
}

impl<'a> AuthScheme<'a> {
    /// `name`, such as `sigv4` or `sigv4a`.
    pub fn name(&self) -> Option<&'a str> {
        self.string("name")
    }

    /// `signingName`: the service name to sign with.
    pub fn signing_name(&self) -> Option<&'a str> {
        self.string("signingName")
    }

    /// `signingRegion`: the region to sign with (SigV4).
    pub fn signing_region(&self) -> Option<&'a str> {
        self.string("signingRegion")
    }

    /// `signingRegionSet`: the regions to sign for (SigV4a); empty when absent.
    pub fn signing_region_set(&self) -> Vec<&'a str> {
        self.properties
            .get("signingRegionSet")
            .and_then(serde_json::Value::as_array)
            .map(|regions| regions.iter().filter_map(serde_json::Value::as_str).collect())
            .unwrap_or_default()
    }

    /// `disableDoubleEncoding`: whether the path is encoded once only when signing.
    pub fn disable_double_encoding(&self) -> Option<bool> {
        self.properties
            .get("disableDoubleEncoding")
            .and_then(serde_json::Value::as_bool)
    }

    /// `disableNormalizePath`: whether the path is signed as sent.
    pub fn disable_normalize_path(&self) -> Option<bool> {
        self.properties
            .get("disableNormalizePath")
            .and_then(serde_json::Value::as_bool)
    }

    /// Any property of the scheme, by name.
    pub fn get(&self, name: &str) -> Option<&'a serde_json::Value> {
        self.properties.get(name)
    }

    /// All its properties.
    pub fn properties(&self) -> &'a serde_json::Map<String, serde_json::Value> {
        self.properties
    }

    fn string(&self, name: &str) -> Option<&'a str> {
        self.properties.get(name).and_then(serde_json::Value::as_str)
    }
}

/// What kind of failure an [`EndpointError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EndpointErrorKind {
    /// An `error` rule matched: the message is the rule's.
    Rule,
    /// A required parameter had neither a value nor a default.
    MissingParameter,
    /// A parameter's value is of another type than the parameter's.
    WrongType,
    /// [`Params`] set a name the rule set has no parameter for.
    UnknownParameter,
    /// No rule matched.
    NoMatch,
    /// The rules went wrong while evaluating, such as a template reading an
    /// unset value or a function given a value of the wrong type.
    Evaluation,
    /// The service's rule set could not be read.
    InvalidRuleSet,
    /// The rules resolved a URL that requests cannot be sent to.
    InvalidUrl,
    /// The rules resolved a header that cannot be sent.
    InvalidHeader,
}

/// Why no endpoint was resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndpointError {
    kind: EndpointErrorKind,
    message: String,
}

impl EndpointError {
    pub(crate) fn new(kind: EndpointErrorKind, message: impl Into<String>) -> Self {
        EndpointError {
            kind,
            message: message.into(),
        }
    }

    /// The service's rule set does not read.
    pub(crate) fn rule_set(error: &RuleSetError) -> Self {
        EndpointError::new(
            EndpointErrorKind::InvalidRuleSet,
            format!("the service's endpoint rules cannot be read: {error}"),
        )
    }

    /// The rules resolved `url`, which is no URL requests can go to.
    pub(crate) fn invalid_url(url: &str, problem: &str) -> Self {
        EndpointError::new(
            EndpointErrorKind::InvalidUrl,
            format!("the endpoint rules resolved `{url}`, which cannot be used: {problem}"),
        )
    }

    /// The rules resolved a header `name` (or a value of it) that an HTTP
    /// request cannot carry.
    pub(crate) fn invalid_header(name: &str) -> Self {
        EndpointError::new(
            EndpointErrorKind::InvalidHeader,
            format!("the endpoint rules resolved the header `{name}`, whose name or value cannot be sent"),
        )
    }

    /// What kind of failure it is.
    pub fn kind(&self) -> EndpointErrorKind {
        self.kind
    }

    /// The message: for [`EndpointErrorKind::Rule`], exactly the rule's.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EndpointError {}

#[cfg(test)]
mod tests;
