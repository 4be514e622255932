//! `Operation::request_uri`: the URI template's path, with the input's
//! labels filled in, then the template's query literals and the input's
//! query members. The steps are planned as data first, so that what the
//! function needs (its input, a mutable writer) is read off the plan.

use super::Emitter;
use super::member::Field;
use super::types::Access;
use crate::model::Shape;
use crate::traits::{HttpBinding, TimestampFormat};

/// One step of rendering a request URI.
enum Step<'f> {
    /// Literal path text.
    Path(&'f str),
    /// A path label, from its input member.
    Label {
        label: &'f str,
        field: &'f Field<'f>,
        greedy: bool,
    },
    /// A `key=value` literal of the template's query string.
    QueryLiteral(&'f str),
    /// A member bound with `@httpQuery`.
    Query { key: &'f str, field: &'f Field<'f> },
    /// A map bound with `@httpQueryParams`: every entry but the keys that
    /// `@httpQuery` members take.
    QueryParams { field: &'f Field<'f>, taken: Vec<&'f str> },
}

/// How the URI renders: step by step, or never, for lack of a label member.
enum Plan<'f> {
    Steps(Vec<Step<'f>>),
    MissingLabel(&'f str),
}

/// A piece of a URI or host prefix template.
#[derive(Debug, PartialEq)]
pub(super) enum Segment<'t> {
    /// Literal text (also a `{` that no `}` closes).
    Text(&'t str),
    /// The name between `{` and `}`.
    Label(&'t str),
}

/// The literal text and `{label}`s of `template`, in order.
pub(super) fn segments(template: &str) -> impl Iterator<Item = Segment<'_>> {
    let mut rest = template;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let segment = match rest.find('{') {
            Some(0) => match rest.find('}') {
                Some(close) => {
                    let label = &rest[1..close];
                    rest = &rest[close + 1..];
                    return Some(Segment::Label(label));
                }
                None => rest,
            },
            Some(open) => &rest[..open],
            None => rest,
        };
        rest = &rest[segment.len()..];
        Some(Segment::Text(segment))
    })
}

/// Writes the call `write` makes of a label's value expression (a call that
/// returns a `Result`) for label `label` of member `field`; an unset
/// optional member returns the `missing_label` error.
pub(super) fn write_label(
    emitter: &Emitter<'_>,
    field: &Field<'_>,
    label: &str,
    write: impl Fn(&str) -> String,
    out: &mut String,
) {
    let ident = &field.ident.rust;
    if field.is_optional() {
        emit!(
            out,
            "match &__input.{ident} {{\n\
             ::core::option::Option::Some(__value) => {}?,\n\
             ::core::option::Option::None => return ::core::result::Result::Err(\
             {}::UriWriter::missing_label({label:?}).into()),\n}}\n",
            write("__value"),
            emitter.private
        );
    } else {
        emit!(out, "{}?;\n", write(&format!("&__input.{ident}")));
    }
}

/// Plans the URI of `template` from the input's `fields`.
fn plan<'f>(template: &'f str, fields: &'f [Field<'f>]) -> Plan<'f> {
    let (path, query) = template.split_once('?').unwrap_or((template, ""));
    let mut steps = Vec::new();
    for segment in segments(path) {
        let label = match segment {
            Segment::Text(text) => {
                steps.push(Step::Path(text));
                continue;
            }
            Segment::Label(label) => label,
        };
        let (label, greedy) = match label.strip_suffix('+') {
            Some(name) => (name, true),
            None => (label, false),
        };
        let field = fields
            .iter()
            .find(|field| field.binding == Some(HttpBinding::Label) && field.name() == label);
        match field {
            Some(field) => steps.push(Step::Label { label, field, greedy }),
            None => return Plan::MissingLabel(label),
        }
    }
    steps.extend(
        query
            .split('&')
            .filter(|literal| !literal.is_empty())
            .map(Step::QueryLiteral),
    );
    let taken: Vec<&str> = fields
        .iter()
        .filter_map(|field| match &field.binding {
            Some(HttpBinding::Query(key)) => Some(key.as_str()),
            _ => None,
        })
        .collect();
    for field in fields {
        match &field.binding {
            Some(HttpBinding::Query(key)) => steps.push(Step::Query { key, field }),
            Some(HttpBinding::QueryParams) => steps.push(Step::QueryParams {
                field,
                taken: taken.clone(),
            }),
            _ => {}
        }
    }
    Plan::Steps(steps)
}

pub(super) fn emit(emitter: &Emitter<'_>, shape: &Shape, template: &str, fields: &[Field<'_>], out: &mut String) {
    let (runtime, private) = (&emitter.runtime, &emitter.private);
    // `__input` may go unused, which its leading underscore allows.
    let signature = format!(
        "#[inline]\nfn request_uri(__input: &Self::Input) \
         -> ::core::result::Result<::std::string::String, {runtime}::RequestUriError> {{\n"
    );
    let steps = match plan(template, fields) {
        Plan::Steps(steps) => steps,
        Plan::MissingLabel(label) => {
            emitter.note(
                shape.id.as_str(),
                format!(
                    "the URI template label `{{{label}}}` has no `@httpLabel` input member; rendering the URI fails"
                ),
            );
            emit!(
                out,
                "{signature}::core::result::Result::Err({private}::UriWriter::missing_label({label:?}))\n}}\n"
            );
            return;
        }
    };
    emit!(
        out,
        "{signature}let {}__uri = {private}::UriWriter::new();\n",
        if steps.is_empty() { "" } else { "mut " }
    );
    // Timestamps in URIs are date-times unless the member says otherwise.
    let format = |field: &Field<'_>| emitter.format_of(field, TimestampFormat::DateTime);
    let customization = emitter.customization(&shape.id);
    for step in &steps {
        match step {
            Step::Path(text) => emit!(out, "__uri.path({text:?});\n"),
            Step::QueryLiteral(text) => emit!(out, "__uri.query_literal({text:?});\n"),
            Step::Label { label, field, greedy } => {
                let (ident, format) = (&field.ident.rust, format(field));
                let default = customization.and_then(|customization| customization.label_default(label));
                if let Some(default) = default {
                    let value = if field.is_optional() {
                        format!("__input.{ident}.as_ref()")
                    } else {
                        format!("::core::option::Option::Some(&__input.{ident})")
                    };
                    emit!(
                        out,
                        "__uri.label_or({label:?}, {value}, {greedy}, {format}, {default:?})?;\n"
                    );
                } else {
                    let write = |value: &str| format!("__uri.label({label:?}, {value}, {greedy}, {format})");
                    write_label(emitter, field, label, write, out);
                }
            }
            Step::Query { key, field } => {
                let write = if field.access() == Access::Slice {
                    format!("__uri.query_list({key:?}, __value, {});", format(field))
                } else {
                    format!("__uri.query({key:?}, __value, {});", format(field))
                };
                write_with_value(field, &write, out);
            }
            Step::QueryParams { field, taken } => {
                let write = format!("__uri.query_params(__value, &{taken:?});");
                write_with_value(field, &write, out);
            }
        }
    }
    out.push_str("::core::result::Result::Ok(__uri.finish())\n}\n");
}

/// `write`, with `__value` bound to the member's value, when it is set.
pub(super) fn write_with_value(field: &Field<'_>, write: &str, out: &mut String) {
    let ident = &field.ident.rust;
    if field.is_optional() {
        emit!(
            out,
            "if let ::core::option::Option::Some(__value) = &__input.{ident} {{ {write} }}\n"
        );
    } else {
        emit!(out, "let __value = &__input.{ident};\n{write}\n");
    }
}

#[cfg(test)]
mod tests {
    use super::{Segment, segments};

    #[test]
    fn templates_split_into_text_and_labels_and_an_unclosed_brace_stays_text() {
        let pieces = |template| segments(template).collect::<Vec<_>>();
        assert_eq!(
            pieces("/v2/jobs/{JobId}/files/{Key+}"),
            [
                Segment::Text("/v2/jobs/"),
                Segment::Label("JobId"),
                Segment::Text("/files/"),
                Segment::Label("Key+"),
            ]
        );
        assert_eq!(
            pieces("{Region}.data."),
            [Segment::Label("Region"), Segment::Text(".data.")]
        );
        assert_eq!(pieces("data{Region"), [Segment::Text("data"), Segment::Text("{Region")]);
        assert_eq!(pieces(""), []);
    }
}
