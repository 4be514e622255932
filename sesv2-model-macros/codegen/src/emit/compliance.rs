//! The `protocol_tests` module: one `#[test]` per client case of the
//! model's `smithy.test#httpRequestTests` and `httpResponseTests` traits,
//! on operations and on error structures. Each test builds the case's
//! value with the generated API and hands the comparison to the runtime's
//! `__private::compliance` helpers, so that a test is a few lines.

use std::collections::BTreeSet;

use serde_json::Value;

use super::Emitter;
use super::doc::write_lines;
use crate::ident;
use crate::model::{Operation, Shape, ShapeKind};
use crate::names::first_free;
use crate::select::Selection;
use crate::shape_id::ShapeId;
use crate::traits::{HttpRequestTest, HttpResponseTest};

/// What the tests of one run count.
#[derive(Default)]
pub(crate) struct ComplianceCounts {
    pub generated: usize,
    pub ignored: usize,
    /// Endpoint rule test cases (`smithy.rules#endpointTests`).
    pub endpoint: usize,
}

/// The tests written so far, their names, and their counts.
#[derive(Default)]
pub(super) struct Suite {
    pub tests: String,
    names: BTreeSet<String>,
    pub counts: ComplianceCounts,
}

impl Suite {
    /// Adds the test of case `id`: `body`, `#[ignore]`d when `ignored`
    /// gives a reason, named after the id in snake_case (made unique).
    pub fn add(&mut self, id: &str, documentation: Option<&str>, ignored: Option<&str>, body: &str) {
        let name = first_free([ident::display(&ident::snake(id))], |name| self.names.contains(name));
        self.names.insert(name.clone());
        if let Some(documentation) = documentation {
            write_lines(documentation.lines(), &mut self.tests);
        }
        self.tests.push_str("#[test]\n");
        if let Some(reason) = ignored {
            emit!(self.tests, "#[ignore = {reason:?}]\n");
            self.counts.ignored += 1;
        }
        emit!(self.tests, "fn {name}() {{\n{body}}}\n");
        self.counts.generated += 1;
    }
}

impl<'a> Emitter<'a> {
    /// The `protocol_tests` module for the selected operations and the
    /// errors they can return.
    pub(super) fn compliance_tests(&self, selection: &'a Selection, out: &mut String) -> ComplianceCounts {
        let protocol = self.protocol.trait_id();
        let mut suite = Suite::default();
        for id in &selection.operations {
            let Some(shape) = self.shape(id) else { continue };
            let ShapeKind::Operation(operation) = &shape.kind else {
                continue;
            };
            let ignored = self.unsupported(operation);
            for case in shape.traits.http_request_tests.iter().flatten() {
                if case.for_clients() && case.protocol == protocol {
                    self.request_test(shape, operation, case, ignored, &mut suite);
                }
            }
            for case in shape.traits.http_response_tests.iter().flatten() {
                if case.for_clients() && case.protocol == protocol {
                    self.output_test(shape, operation, case, ignored, &mut suite);
                }
            }
        }
        for id in &selection.shapes {
            let Some(error) = self.shape(id) else { continue };
            let Some(cases) = &error.traits.http_response_tests else {
                continue;
            };
            // The case runs through the first operation that can return the error.
            let Some((operation, variant)) = self.operation_returning(selection, id) else {
                continue;
            };
            let ignored = match self.shape(operation).map(|shape| &shape.kind) {
                Some(ShapeKind::Operation(returning)) => self.unsupported(returning),
                _ => None,
            };
            for case in cases.iter() {
                if case.for_clients() && case.protocol == protocol {
                    self.error_test(error, operation, &variant, case, ignored, &mut suite);
                }
            }
        }
        if suite.counts.generated > 0 {
            emit!(
                out,
                "/// The protocol compliance cases of the model, one test each.\n\
                 #[cfg(test)]\n#[allow(deprecated, clippy::all)]\nmod protocol_tests {{\n\
                 use {}::Operation as _;\nuse {}::compliance as __c;\n{}}}\n",
                self.runtime,
                self.private,
                suite.tests
            );
        }
        suite.counts
    }

    /// Why the cases of an operation cannot pass: a feature the README lists
    /// as not supported.
    fn unsupported(&self, operation: &Operation) -> Option<&'static str> {
        let streams_events = [&operation.input, &operation.output]
            .into_iter()
            .flatten()
            .filter_map(|id| match &self.shape(id)?.kind {
                ShapeKind::Structure(members) => Some(members),
                _ => None,
            })
            .flatten()
            .any(|member| {
                self.shape(&member.target)
                    .is_some_and(|target| target.traits.streaming && matches!(target.kind, ShapeKind::Union(_)))
            });
        streams_events.then_some("not supported: event streams")
    }

    /// The first selected operation (in id order) whose error enum has a
    /// variant for `error`, with that variant's path.
    fn operation_returning(&self, selection: &'a Selection, error: &ShapeId) -> Option<(&'a ShapeId, String)> {
        selection.operations.iter().find_map(|operation| {
            let names = self.names.operation(operation)?;
            let (_, variant) = names.errors.iter().find(|(id, _)| id == error)?;
            Some((operation, format!("super::operations::{}::{variant}", names.error_name)))
        })
    }

    fn operation_path(&self, operation: &ShapeId) -> String {
        self.names
            .operation(operation)
            .map(|names| format!("super::operations::{}", names.type_name))
            .unwrap_or_default()
    }

    /// `let __value = ...;`, the `params` of the `kind` (request or
    /// response) case `case_id` as a value of structure `target` (`()`
    /// without one); `None`, with a note on `owner`, when they do not fit it.
    fn let_value(
        &self,
        owner: &ShapeId,
        kind: &str,
        case_id: &str,
        target: Option<&'a ShapeId>,
        params: &serde_json::Map<String, Value>,
    ) -> Option<String> {
        let mut out = "let __value = ".to_owned();
        let written = match target {
            Some(target) => self.structure_expr(target, params, &mut out),
            None => {
                out.push_str("()");
                Ok(())
            }
        };
        if let Err(problem) = written {
            self.note(
                owner.as_str(),
                format!("the {kind} case `{case_id}` is left out: {problem}"),
            );
            return None;
        }
        out.push_str(";\n");
        Some(out)
    }

    fn request_test(
        &self,
        shape: &Shape,
        operation: &'a Operation,
        case: &HttpRequestTest,
        ignored: Option<&str>,
        suite: &mut Suite,
    ) {
        let Some(mut body) = self.let_value(&shape.id, "request", &case.id, operation.input.as_ref(), &case.params)
        else {
            return;
        };
        let endpoint = format!("https://{}", case.host.as_deref().unwrap_or("example.com"));
        emit!(
            body,
            "let __request = {}::build_request_with(&__value, &__c::endpoint({endpoint:?}), &__c::options())\
             .expect(\"the request builds\");\n\
             __c::assert_request(&__request, &__c::ExpectedRequest {{\n\
             method: {:?},\nuri: {:?},\nresolved_host: {:?},\nquery_params: &{:?},\n\
             forbid_query_params: &{:?},\nrequire_query_params: &{:?},\nheaders: &{:?},\n\
             forbid_headers: &{:?},\nrequire_headers: &{:?},\nbody: {:?},\nbody_media_type: {:?},\n}});\n",
            self.operation_path(&shape.id),
            case.method,
            case.uri,
            case.resolved_host,
            case.query_params,
            case.forbid_query_params,
            case.require_query_params,
            case.headers.iter().collect::<Vec<_>>(),
            case.forbid_headers,
            case.require_headers,
            case.body,
            case.body_media_type,
        );
        suite.add(&case.id, case.documentation.as_deref(), ignored, &body);
    }

    fn output_test(
        &self,
        shape: &Shape,
        operation: &'a Operation,
        case: &HttpResponseTest,
        ignored: Option<&str>,
        suite: &mut Suite,
    ) {
        let Some(mut body) = self.let_value(&shape.id, "response", &case.id, operation.output.as_ref(), &case.params)
        else {
            return;
        };
        emit!(
            body,
            "{}\nlet __read = {}::parse_response(&__response).expect(\"the response reads as the output\");\n{}",
            response(case),
            self.operation_path(&shape.id),
            self.compare(operation.output.as_ref()),
        );
        suite.add(&case.id, case.documentation.as_deref(), ignored, &body);
    }

    fn error_test(
        &self,
        error: &'a Shape,
        operation: &ShapeId,
        variant: &str,
        case: &HttpResponseTest,
        ignored: Option<&str>,
        suite: &mut Suite,
    ) {
        let Some(mut body) = self.let_value(&error.id, "response", &case.id, Some(&error.id), &case.params) else {
            return;
        };
        emit!(
            body,
            "{}\nmatch {}::parse_response(&__response) {{\n\
             ::core::result::Result::Err({variant}(__read)) => {{\n{}}}\n\
             __other => ::core::panic!(\"expected the `{}` error, read {{__other:?}}\"),\n}}\n",
            response(case),
            self.operation_path(operation),
            self.compare(Some(&error.id)),
            error.id.name(),
        );
        suite.add(&case.id, case.documentation.as_deref(), ignored, &body);
    }

    /// Asserts that `__read` is `__value`, a structure of shape `target`,
    /// member by member: a member that holds NaN then compares by its
    /// `Debug` text alone, which a map's order elsewhere cannot upset.
    fn compare(&self, target: Option<&'a ShapeId>) -> String {
        let Some(target) = target else {
            return "__c::assert_same(&__read, &__value);\n".to_owned();
        };
        let mut out = String::new();
        for field in self.fields_of(target).iter() {
            let ident = &field.ident.rust;
            emit!(out, "__c::assert_same(&__read.{ident}, &__value.{ident});\n");
        }
        out
    }
}

/// `let __response = ...;`: the case's response.
fn response(case: &HttpResponseTest) -> String {
    format!(
        "let __response = __c::response({}, &{:?}, {:?});",
        case.code,
        case.headers.iter().collect::<Vec<_>>(),
        case.body.as_deref().unwrap_or("")
    )
}
