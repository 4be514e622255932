//! What generated client code calls: the service's rule set, read once,
//! and endpoint parameters set from values found in an input.

use std::sync::OnceLock;

pub use crate::endpoint::Params;
use crate::endpoint::{RuleSet, RuleSetError};

/// The rule set `json`, parsed the first time it is asked for and kept in
/// `cell` (a `static` of the generated service).
pub fn endpoint_rules(
    cell: &'static OnceLock<Result<RuleSet, RuleSetError>>,
    json: &str,
) -> Result<&'static RuleSet, &'static RuleSetError> {
    cell.get_or_init(|| RuleSet::from_json(json)).as_ref()
}

/// Sets the string parameter `name` to the first of `values`, if any.
pub fn set_string<'v>(params: &mut Params, name: &str, mut values: impl Iterator<Item = &'v str>) {
    if let Some(value) = values.next() {
        params.set(name, value);
    }
}

/// Sets the boolean parameter `name` to the first of `values`, if any.
pub fn set_bool(params: &mut Params, name: &str, mut values: impl Iterator<Item = bool>) {
    if let Some(value) = values.next() {
        params.set(name, value);
    }
}

/// Sets the string-array parameter `name` to `values`, when there are any:
/// a path that reaches no value leaves the parameter unset.
pub fn set_strings<'v>(params: &mut Params, name: &str, values: impl Iterator<Item = &'v str>) {
    let values: Vec<String> = values.map(str::to_owned).collect();
    if !values.is_empty() {
        params.set(name, values);
    }
}

/// How a failed case begins its message when it expects a partition
/// without dual-stack support that the crate's partition data (newer than
/// the case) says has it: `scripts/endpoint-tests.sh` counts these apart.
pub const STALE_PARTITION_DATA: &str = "stale partition data";

/// The partition a case's region belongs to, when the case asks for
/// dual-stack, expects the rules' "does not support DualStack" error, and
/// the crate's data says the partition supports it.
pub fn stale_dual_stack_expectation(params: &Params, message: &str) -> Option<&'static str> {
    use crate::endpoint::Value;
    let dual_stack = matches!(params.get("UseDualStack"), Some(Value::Bool(true)));
    let Some(Value::String(region)) = params.get("Region") else {
        return None;
    };
    let (partition, supported) = crate::endpoint::dual_stack_support(region)?;
    (dual_stack && supported && message.contains("does not support") && message.contains("DualStack"))
        .then_some(partition)
}

/// What an endpoint test case expects.
#[derive(Debug)]
pub enum Expected<'a> {
    /// An endpoint: its URL, headers and properties (a JSON object).
    Endpoint {
        /// The URL, exactly.
        url: &'a str,
        /// Each header with its values, in order.
        headers: &'a [(&'a str, &'a [&'a str])],
        /// The properties, as JSON text.
        properties: &'a str,
    },
    /// The rules' error, exactly.
    Error(&'a str),
}

/// Panics, saying what differs, unless `rules` resolve `params` as
/// `expected` says.
#[track_caller]
pub fn assert_endpoint(rules: Result<&RuleSet, &RuleSetError>, params: &Params, expected: &Expected<'_>) {
    let rules = match rules {
        Ok(rules) => rules,
        Err(error) => panic!("the service's endpoint rules do not read: {error}"),
    };
    match (rules.resolve(params), expected) {
        (
            Ok(endpoint),
            Expected::Endpoint {
                url,
                headers,
                properties,
            },
        ) => {
            assert_eq!(endpoint.url(), *url, "the endpoint's URL, from {params:?}");
            let resolved: Vec<(&str, Vec<&str>)> = endpoint
                .headers()
                .map(|(name, values)| (name, values.iter().map(String::as_str).collect()))
                .collect();
            let expected: Vec<(&str, Vec<&str>)> =
                headers.iter().map(|(name, values)| (*name, values.to_vec())).collect();
            assert_eq!(resolved, expected, "the endpoint's headers, from {params:?}");
            let properties: serde_json::Value =
                serde_json::from_str(properties).expect("the expected properties are JSON");
            assert_eq!(
                serde_json::Value::Object(endpoint.properties().clone()),
                properties,
                "the endpoint's properties, from {params:?}"
            );
        }
        (Err(error), Expected::Error(message)) => {
            assert_eq!(error.to_string(), *message, "the rules' error, from {params:?}")
        }
        (Ok(endpoint), Expected::Error(message)) => {
            if let Some(partition) = stale_dual_stack_expectation(params, message) {
                panic!(
                    "{STALE_PARTITION_DATA}: the case expects {message:?}, but the partition data this crate \
                     carries says `{partition}` supports dual-stack, so the rules resolve {:?}",
                    endpoint.url()
                )
            }
            panic!("expected the error {message:?}, resolved {endpoint:?} from {params:?}")
        }
        (Err(error), Expected::Endpoint { url, .. }) => {
            panic!("expected the endpoint {url:?}, the rules failed: {error} (from {params:?})")
        }
    }
}
