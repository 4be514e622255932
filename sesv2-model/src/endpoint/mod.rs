//! Endpoint resolution from a service's Smithy endpoint rules (`smithy.rules#endpointRuleSet`).
//!
//! PLACEHOLDER: the API contract only, replaced by the evaluator.

use std::collections::BTreeMap;
use std::fmt;

/// A parsed rule set.
#[derive(Debug)]
pub struct RuleSet {}

/// Why a rule set cannot be read.
#[derive(Debug)]
pub struct RuleSetError {}

impl fmt::Display for RuleSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("rule set")
    }
}
impl std::error::Error for RuleSetError {}

impl RuleSet {
    /// Parses.
    pub fn from_json(_json: &str) -> Result<RuleSet, RuleSetError> {
        Err(RuleSetError {})
    }
    /// Resolves.
    pub fn resolve(&self, _params: &Params) -> Result<ResolvedEndpoint, EndpointError> {
        Err(EndpointError {})
    }
}

/// A parameter value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A string.
    String(String),
    /// A boolean.
    Bool(bool),
    /// A list of strings.
    StringArray(Vec<String>),
}
impl From<&str> for Value {
    fn from(value: &str) -> Value {
        Value::String(value.to_owned())
    }
}
impl From<String> for Value {
    fn from(value: String) -> Value {
        Value::String(value)
    }
}
impl From<bool> for Value {
    fn from(value: bool) -> Value {
        Value::Bool(value)
    }
}
impl From<Vec<String>> for Value {
    fn from(value: Vec<String>) -> Value {
        Value::StringArray(value)
    }
}

/// Parameters.
#[derive(Clone, Debug, Default)]
pub struct Params {
    values: BTreeMap<String, Value>,
}
impl Params {
    /// None set.
    pub fn new() -> Params {
        Params::default()
    }
    /// Sets one.
    pub fn set(&mut self, name: &str, value: impl Into<Value>) -> &mut Params {
        self.values.insert(name.to_owned(), value.into());
        self
    }
    /// Gets one.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }
}

/// A resolved endpoint.
#[derive(Clone, Debug)]
pub struct ResolvedEndpoint {
    url: String,
    headers: BTreeMap<String, Vec<String>>,
    properties: serde_json::Map<String, serde_json::Value>,
}
impl ResolvedEndpoint {
    /// URL.
    pub fn url(&self) -> &str {
        &self.url
    }
    /// Headers.
    pub fn headers(&self) -> &BTreeMap<String, Vec<String>> {
        &self.headers
    }
    /// Properties.
    pub fn properties(&self) -> &serde_json::Map<String, serde_json::Value> {
        &self.properties
    }
}

/// An error.
#[derive(Clone, Debug)]
pub struct EndpointError {}
impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("endpoint")
    }
}
impl std::error::Error for EndpointError {}
