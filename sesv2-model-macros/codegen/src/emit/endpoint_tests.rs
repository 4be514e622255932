//! The `endpoint_tests` module: one `#[test]` per case of a service's
//! `smithy.rules#endpointTests`. Each resolves the case's parameters with
//! the service's rules and, for each of the case's operation inputs,
//! resolves again with the parameters the operation takes from that input
//! (over the client's built-ins), and compares both with the expected
//! endpoint or error through the runtime's `__private::endpoint` helpers.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::Emitter;
use super::client::RuleSetParameters;
use super::compliance::Suite;
use crate::model::{Shape, ShapeKind};
use crate::select::Selection;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EndpointTests {
    #[serde(default)]
    test_cases: Vec<EndpointTestCase>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EndpointTestCase {
    documentation: Option<String>,
    #[serde(default)]
    params: Map<String, Value>,
    expect: Expectation,
    #[serde(default)]
    operation_inputs: Vec<OperationInput>,
}

#[derive(Deserialize)]
struct Expectation {
    endpoint: Option<ExpectedEndpoint>,
    error: Option<String>,
}

#[derive(Deserialize)]
struct ExpectedEndpoint {
    url: String,
    #[serde(default)]
    headers: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    properties: Map<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OperationInput {
    operation_name: String,
    #[serde(default)]
    operation_params: Map<String, Value>,
    #[serde(default)]
    built_in_params: Map<String, Value>,
    #[serde(default)]
    client_params: Map<String, Value>,
}

impl<'a> Emitter<'a> {
    /// The `endpoint_tests` module for the services of the selected
    /// operations that the client's code is generated for; the number of
    /// tests written.
    pub(super) fn endpoint_tests(&self, selection: &'a Selection, out: &mut String) -> usize {
        let mut suite = Suite::default();
        let mut written = Vec::new();
        for operation in &selection.operations {
            let Some((service, name)) = self.client_service(operation) else {
                continue;
            };
            if written.contains(&&service.id) {
                continue;
            }
            written.push(&service.id);
            self.service_endpoint_tests(selection, service, name, &mut suite);
        }
        if suite.counts.generated > 0 {
            emit!(
                out,
                "/// The endpoint rule test cases of the model, one test each.\n\
                 #[cfg(test)]\n#[allow(deprecated, clippy::all)]\nmod endpoint_tests {{\n\
                 use {}::client::{{Service as _, ServiceOperation as _}};\nuse {}::endpoint as __e;\n{}}}\n",
                self.runtime,
                self.private,
                suite.tests
            );
        }
        suite.counts.generated
    }

    fn service_endpoint_tests(&self, selection: &'a Selection, service: &'a Shape, name: &str, suite: &mut Suite) {
        let Some(tests) = service.traits.endpoint_tests.as_deref() else {
            return;
        };
        let tests: EndpointTests = match serde_json::from_str(tests) {
            Ok(tests) => tests,
            Err(error) => {
                self.note(
                    service.id.as_str(),
                    format!("the endpoint tests are left out: `smithy.rules#endpointTests` cannot be read ({error})"),
                );
                return;
            }
        };
        let Some(parameters) = self.rule_parameters(service) else {
            return;
        };
        for (index, case) in tests.test_cases.iter().enumerate() {
            let mut body = String::new();
            let expected = match (&case.expect.endpoint, &case.expect.error) {
                (Some(endpoint), _) => format!(
                    "__e::Expected::Endpoint {{\nurl: {:?},\nheaders: &{:?},\nproperties: {:?},\n}}",
                    endpoint.url,
                    endpoint
                        .headers
                        .iter()
                        .map(|(name, values)| (name, values.as_slice()))
                        .collect::<Vec<_>>(),
                    Value::Object(endpoint.properties.clone()).to_string(),
                ),
                (None, Some(error)) => format!("__e::Expected::Error({error:?})"),
                (None, None) => {
                    self.note(
                        service.id.as_str(),
                        format!("endpoint test case {index} is left out: it expects neither an endpoint nor an error"),
                    );
                    continue;
                }
            };
            emit!(
                body,
                "let __rules = super::operations::{name}::endpoint_rules();\nlet __expected = {expected};\n\
                 let mut __params = __e::Params::new();\n{}__e::assert_endpoint(__rules, &__params, &__expected);\n",
                param_setters(&case.params)
            );
            for input in &case.operation_inputs {
                self.operation_input(selection, service, &parameters, input, index, &mut body);
            }
            let id = case
                .documentation
                .clone()
                .unwrap_or_else(|| format!("endpoint case {index}"));
            suite.add(&id, case.documentation.as_deref(), None, &body);
        }
    }

    /// Resolution through one operation: the built-ins and client
    /// parameters, then the ones the operation sets from its input.
    fn operation_input(
        &self,
        selection: &'a Selection,
        service: &Shape,
        parameters: &RuleSetParameters,
        input: &OperationInput,
        index: usize,
        body: &mut String,
    ) {
        let skip = |problem: String| {
            self.note(
                service.id.as_str(),
                format!(
                    "endpoint test case {index}: the `{}` input is left out: {problem}",
                    input.operation_name
                ),
            )
        };
        let Some(operation) = selection.operations.iter().find(|id| {
            id.name() == input.operation_name
                && self
                    .service_of(id)
                    .is_some_and(|(service_id, _)| *service_id == service.id)
        }) else {
            return skip("the operation is not generated".to_owned());
        };
        let (Some(shape), Some(names)) = (self.shape(operation), self.names.operation(operation)) else {
            return;
        };
        let ShapeKind::Operation(details) = &shape.kind else {
            return;
        };
        let mut params = Map::new();
        for (built_in, value) in &input.built_in_params {
            // A built-in the rules do not declare is one they do not read.
            if let Some(param) = parameters.for_built_in(built_in) {
                params.insert(param.to_owned(), value.clone());
            }
        }
        params.extend(input.client_params.clone());
        let mut value = String::new();
        match &details.input {
            Some(target) => {
                if let Err(problem) = self.structure_expr(target, &input.operation_params, &mut value) {
                    return skip(problem);
                }
            }
            None => value.push_str("()"),
        }
        emit!(
            body,
            "let mut __params = __e::Params::new();\n{}let __value = {value};\n\
             super::operations::{}::endpoint_params(&__value, &mut __params);\n\
             __e::assert_endpoint(__rules, &__params, &__expected);\n",
            param_setters(&params),
            names.type_name,
        );
    }
}

/// `__params.set(..);` for each of `params`.
fn param_setters(params: &Map<String, Value>) -> String {
    let mut out = String::new();
    for (name, value) in params {
        let value = match value {
            Value::Bool(value) => value.to_string(),
            Value::String(value) => format!("{value:?}"),
            Value::Array(values) => format!(
                "::std::vec![{}]",
                values
                    .iter()
                    .map(|value| match value {
                        Value::String(value) => format!("{value:?}.to_owned()"),
                        other => format!("{:?}.to_owned()", other.to_string()),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Value::Null => continue,
            other => format!("{:?}", other.to_string()),
        };
        emit!(out, "__params.set({name:?}, {value});\n");
    }
    out
}
