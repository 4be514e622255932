//! The `protocol_tests` module: one `#[test]` per client case of the
//! model's `smithy.test#httpRequestTests` and `httpResponseTests` traits,
//! on operations and on error structures. Each test builds the case's
//! value with the generated API and hands the comparison to the runtime's
//! `__private::compliance` helpers, so that a test is a few lines.

use std::collections::BTreeSet;

use serde_json::Value;

use super::Emitter;
use crate::ident;
use crate::model::{Model, Operation, Shape, ShapeKind};
use crate::select::Selection;
use crate::shape_id::ShapeId;
use crate::traits::{HttpRequestTest, HttpResponseTest};

/// What the tests of one run count.
#[derive(Default)]
pub(crate) struct ComplianceCounts {
    pub generated: usize,
    pub ignored: usize,
}

impl<'a> Emitter<'a> {
    /// The `protocol_tests` module for the selected operations and the
    /// errors they can return.
    pub(super) fn compliance_tests(
        &self,
        model: &'a Model,
        selection: &'a Selection,
        out: &mut String,
    ) -> ComplianceCounts {
        let mut counts = ComplianceCounts::default();
        let protocol = self.protocol_id();
        let mut tests = String::new();
        let mut used_names = BTreeSet::new();
        for id in &selection.operations {
            let Some(shape) = model.get(id) else { continue };
            let ShapeKind::Operation(operation) = &shape.kind else {
                continue;
            };
            for case in shape.traits.http_request_tests.iter().flatten() {
                if case.for_clients() && case.protocol == protocol {
                    let name = test_name(&case.id, &mut used_names);
                    self.request_test(shape, operation, case, &name, &mut tests, &mut counts);
                }
            }
            for case in shape.traits.http_response_tests.iter().flatten() {
                if case.for_clients() && case.protocol == protocol {
                    let name = test_name(&case.id, &mut used_names);
                    self.output_test(shape, operation, case, &name, &mut tests, &mut counts);
                }
            }
        }
        for id in &selection.shapes {
            let Some(error) = model.get(id) else { continue };
            let Some(cases) = &error.traits.http_response_tests else {
                continue;
            };
            // The case runs through the first operation that can return the error.
            let Some((operation, variant)) = self.operation_returning(selection, id) else {
                continue;
            };
            for case in cases.iter() {
                if case.for_clients() && case.protocol == protocol {
                    let name = test_name(&case.id, &mut used_names);
                    self.error_test(error, operation, &variant, case, &name, &mut tests, &mut counts);
                }
            }
        }
        if counts.generated > 0 {
            emit!(
                out,
                "/// The protocol compliance cases of the model, one test each.\n\
                 #[cfg(test)]\n#[allow(deprecated, clippy::all)]\nmod protocol_tests {{\n\
                 use {}::Operation as _;\nuse {} as __c;\n{tests}}}\n",
                self.runtime,
                format_args!("{}::compliance", self.private)
            );
        }
        counts
    }

    /// Why the cases of `operation` cannot pass: a feature the README lists
    /// as not supported.
    fn unsupported(&self, operation: &Shape) -> Option<&'static str> {
        let ShapeKind::Operation(details) = &operation.kind else {
            return None;
        };
        let members = [&details.input, &details.output]
            .into_iter()
            .flatten()
            .filter_map(|id| match &self.shape(id)?.kind {
                ShapeKind::Structure(members) => Some(members),
                _ => None,
            })
            .flatten();
        let streams_events = members.into_iter().any(|member| {
            self.shape(&member.target)
                .is_some_and(|target| target.traits.streaming && matches!(target.kind, ShapeKind::Union(_)))
        });
        streams_events.then_some("not supported: event streams")
    }

    /// The id of the service's protocol trait, as cases name it.
    fn protocol_id(&self) -> String {
        format!("aws.protocols#{}", self.protocol.name())
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

    /// `let __value = ...;` for the value of shape `target` (`()` without one).
    fn let_value(
        &self,
        target: Option<&'a ShapeId>,
        params: &serde_json::Map<String, Value>,
        out: &mut String,
    ) -> Result<(), String> {
        out.push_str("let __value = ");
        match target {
            Some(target) => self.value_expr(target, &Value::Object(params.clone()), out)?,
            None => out.push_str("()"),
        }
        out.push_str(";\n");
        Ok(())
    }

    fn request_test(
        &self,
        shape: &Shape,
        operation: &'a Operation,
        case: &HttpRequestTest,
        name: &str,
        out: &mut String,
        counts: &mut ComplianceCounts,
    ) {
        let mut body = String::new();
        if let Err(problem) = self.let_value(operation.input.as_ref(), &case.params, &mut body) {
            self.note(
                shape.id.as_str(),
                format!("the request case `{}` is left out: {problem}", case.id),
            );
            return;
        }
        let endpoint = format!("https://{}", case.host.as_deref().unwrap_or("example.com"));
        let ignored = self.unsupported(shape);
        emit!(
            body,
            "let __request = {}::build_request_with(&__value, &__c::endpoint({endpoint:?}), &mut __c::options())\
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
        write_test(name, case.documentation.as_deref(), ignored, &body, out, counts);
    }

    fn output_test(
        &self,
        shape: &Shape,
        operation: &'a Operation,
        case: &HttpResponseTest,
        name: &str,
        out: &mut String,
        counts: &mut ComplianceCounts,
    ) {
        let mut body = String::new();
        if let Err(problem) = self.let_value(operation.output.as_ref(), &case.params, &mut body) {
            self.note(
                shape.id.as_str(),
                format!("the response case `{}` is left out: {problem}", case.id),
            );
            return;
        }
        emit!(
            body,
            "{}\nlet __read = {}::parse_response(&__response).expect(\"the response reads as the output\");\n{}",
            response(case),
            self.operation_path(&shape.id),
            self.compare(operation.output.as_ref()),
        );
        write_test(
            name,
            case.documentation.as_deref(),
            self.unsupported(shape),
            &body,
            out,
            counts,
        );
    }

    /// Asserts that `__read` is `__value`, a structure of shape `target`,
    /// member by member: a member that holds NaN then compares by its
    /// `Debug` text alone, which a map's order elsewhere cannot upset.
    fn compare(&self, target: Option<&'a ShapeId>) -> String {
        let Some(target) = target else {
            return "__c::assert_same(&__read, &__value);\n".to_owned();
        };
        let fields = self.fields_of(target);
        let mut out = String::new();
        for field in fields.iter() {
            let ident = &field.ident.rust;
            emit!(out, "__c::assert_same(&__read.{ident}, &__value.{ident});\n");
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn error_test(
        &self,
        error: &'a Shape,
        operation: &ShapeId,
        variant: &str,
        case: &HttpResponseTest,
        name: &str,
        out: &mut String,
        counts: &mut ComplianceCounts,
    ) {
        let mut body = String::new();
        if let Err(problem) = self.let_value(Some(&error.id), &case.params, &mut body) {
            self.note(
                error.id.as_str(),
                format!("the response case `{}` is left out: {problem}", case.id),
            );
            return;
        }
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
        write_test(name, case.documentation.as_deref(), None, &body, out, counts);
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

fn write_test(
    name: &str,
    documentation: Option<&str>,
    ignored: Option<&str>,
    body: &str,
    out: &mut String,
    counts: &mut ComplianceCounts,
) {
    if let Some(documentation) = documentation {
        for line in documentation.lines() {
            emit!(out, "/// {}\n", line.trim());
        }
    }
    out.push_str("#[test]\n");
    if let Some(reason) = ignored {
        emit!(out, "#[ignore = {reason:?}]\n");
        counts.ignored += 1;
    }
    emit!(out, "fn {name}() {{\n{body}}}\n");
    counts.generated += 1;
}

/// The case id in snake_case, made unique.
fn test_name(id: &str, used: &mut BTreeSet<String>) -> String {
    let base = ident::display(&ident::snake(id));
    let mut name = base.clone();
    let mut suffix = 2;
    while !used.insert(name.clone()) {
        name = format!("{base}_{suffix}");
        suffix += 1;
    }
    name
}
