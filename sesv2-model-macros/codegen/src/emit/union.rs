//! Unions: a Rust enum with one variant per member, plus one that keeps a
//! member the model does not know (its name and raw JSON value), which is
//! written back unchanged. On the wire a union is a single-key JSON object
//! ([`super::union_wire`]).

use super::doc::{shape_note, write_line};
use super::member::SENSITIVE_VALUE;
use super::rust_type::{RustType, Scope};
use super::writer::{FmtTrait, fmt_impl, write_deprecated};
use super::{Emitter, union_wire};
use crate::model::{Member, Shape};
use crate::names::{Ident, ItemNames};
use crate::traits::TimestampFormat;

/// One member of a union, with everything the emitters need about it.
pub(super) struct Variant<'a> {
    pub member: &'a Member,
    pub ident: &'a Ident,
    /// The member's name on the wire.
    pub wire: &'a str,
    /// `None` for a unit variant.
    pub payload: Option<RustType>,
    /// An explicit `@timestampFormat` for the timestamps it holds.
    pub format: Option<TimestampFormat>,
    /// The member is sensitive: `Debug` hides its value.
    pub redacted: bool,
}

pub(super) fn emit<'a>(
    emitter: &Emitter<'a>,
    shape: &'a Shape,
    names: &'a ItemNames,
    members: &'a [Member],
    out: &mut String,
) {
    let name = &*names.type_name;
    let unknown = &names.unknown_variant.rust;
    let variants: Vec<Variant<'a>> = members
        .iter()
        .zip(&names.members)
        .map(|(member, ident)| Variant {
            member,
            ident,
            wire: emitter.wire_name(member),
            payload: emitter.payload_type(&shape.id, member),
            format: emitter.timestamp_format(member),
            redacted: emitter.is_redacted(member),
        })
        .collect();
    let sensitive = shape.traits.sensitive;
    let redacts = sensitive || variants.iter().any(|variant| variant.redacted);
    let allows = emitter.allows(
        &shape.id,
        variants.iter().filter_map(|variant| variant.payload.as_ref()),
    );

    emitter
        .docs(
            shape.traits.documentation.as_ref(),
            &format!("The `{}` union.", shape.id.name()),
            &notes(emitter, shape),
        )
        .write(out);
    write_deprecated(shape.traits.deprecated.as_ref(), out);
    emit!(
        out,
        "{}#[derive(::core::clone::Clone, ::core::cmp::PartialEq{}{})]\n#[non_exhaustive]\npub enum {name} {{\n",
        allows.with_large_variants(),
        if redacts { "" } else { ", ::core::fmt::Debug" },
        emitter.derives.extra(&shape.id),
    );
    for variant in &variants {
        let member = variant.member;
        let notes: &[String] = if variant.redacted {
            &[SENSITIVE_VALUE.to_owned()]
        } else {
            &[]
        };
        emitter
            .docs(
                emitter.member_docs(member),
                &format!("The `{}` member.", member.name),
                notes,
            )
            .write(out);
        write_deprecated(member.traits.deprecated.as_ref(), out);
        match &variant.payload {
            Some(ty) => emit!(out, "{}({}),\n", variant.ident.rust, emitter.path(ty, Scope::Items)),
            None => emit!(out, "{},\n", variant.ident.rust),
        }
    }
    write_line(
        &format!(
            "A member the model did not list when this code was generated, kept with its JSON value so that \
             `{name}` is written back unchanged."
        ),
        out,
    );
    emit!(out, "{unknown}({}::UnknownMember),\n}}\n", emitter.runtime);

    emitter.wire_block(allows, out, |out| {
        if redacts {
            debug_impl(name, unknown, &variants, sensitive, out);
        }
        union_wire::emit(emitter, name, unknown, &variants, out);
    });
}

/// The paragraphs the generator adds to the union's docs.
fn notes(emitter: &Emitter<'_>, shape: &Shape) -> Vec<String> {
    let mut notes = vec![shape_note(shape)];
    if shape.traits.streaming {
        emitter.note(
            shape.id.as_str(),
            "an event stream: the generated serde impls read and write one event as JSON, not the binary \
             event-stream framing"
                .to_owned(),
        );
        notes.push(
            "On the wire this union is an event stream (binary frames carrying one event each), not JSON; \
             its serde impls read and write a single event."
                .to_owned(),
        );
    }
    if shape.traits.sensitive {
        notes.push(SENSITIVE_VALUE.to_owned());
    }
    if let Some(note) = emitter.foreign_protocol_note() {
        notes.push(note);
    }
    notes
}

/// `Debug` that shows the redaction marker for sensitive members, or for
/// all of them when the union itself is (`whole`), and for unknown ones,
/// whose values nobody has vetted.
fn debug_impl(name: &str, unknown: &str, variants: &[Variant<'_>], whole: bool, out: &mut String) {
    let private = super::wire::P;
    fmt_impl(out, Default::default(), FmtTrait::Debug, name, |out| {
        out.push_str("match self {\n");
        for variant in variants {
            let ident = &variant.ident.rust;
            match (&variant.payload, whole || variant.redacted) {
                (Some(_), true) => emit!(
                    out,
                    "Self::{ident}(_) => __f.debug_tuple({ident:?}).field(&{private}::REDACTED).finish(),\n"
                ),
                (Some(_), false) => emit!(
                    out,
                    "Self::{ident}(__value) => __f.debug_tuple({ident:?}).field(__value).finish(),\n"
                ),
                (None, _) => emit!(out, "Self::{ident} => __f.write_str({ident:?}),\n"),
            }
        }
        emit!(
            out,
            "Self::{unknown}(_) => __f.debug_tuple({unknown:?}).field(&{private}::REDACTED).finish(),\n}}"
        );
    });
}
