//! A structure's builder, in the `builders` module: a slot per member, a
//! setter and a `set_` setter per member, and `build()`, which fails only
//! when the structure has required members.

use super::member::{Field, Presence};
use super::required::{RequiredMatch, binding};
use super::rust_type::Scope;
use super::types::Allows;
use super::writer::{Holds, impl_block, inline_fn, write_deprecated};
use super::{Emitter, doc};
use crate::names::ItemNames;

pub(super) fn emit(
    emitter: &Emitter<'_>,
    names: &ItemNames,
    fields: &[Field<'_>],
    redacts: bool,
    sensitive: bool,
    allows: Allows,
    out: &mut String,
) {
    let (name, builder) = (&*names.type_name, &names.builder_name);
    doc::write_line(&format!("A builder for [`{name}`](struct@super::{name})."), out);
    emit!(
        out,
        "{allows}#[derive(::core::clone::Clone, ::core::default::Default{})]\npub struct {builder} {{\n",
        if redacts { "" } else { ", ::core::fmt::Debug" }
    );
    for field in fields {
        emit!(
            out,
            "{}: ::core::option::Option<{}>,\n",
            field.ident.rust,
            emitter.path(&field.slot_type(), Scope::Nested)
        );
    }
    out.push_str("}\n");
    impl_block(out, allows, format_args!("{builder}"), |out| {
        for field in fields {
            setters(emitter, field, out);
        }
        build(emitter, name, fields, out);
    });
    if redacts {
        emitter.redacting_debug(out, allows, builder, fields, sensitive, Holds::Slots);
    }
}

/// `member(value)`, with the member's summary, and `set_member(Option)`.
fn setters(emitter: &Emitter<'_>, field: &Field<'_>, out: &mut String) {
    let (ident, name) = (&field.ident.rust, &field.ident.name);
    let store = if field.boxed {
        "::std::boxed::Box::new(input.into())"
    } else {
        "input.into()"
    };
    field.docs.write_summary(out);
    write_deprecated(field.deprecated(), out);
    emit!(
        out,
        "pub fn {ident}(mut self, input: impl ::core::convert::Into<{}>) -> Self {{\n\
         self.{ident} = ::core::option::Option::Some({store});\nself\n}}\n",
        emitter.path(&field.ty, Scope::Nested)
    );
    doc::write_line(&format!("Sets or clears `{name}`; `None` leaves it unset."), out);
    write_deprecated(field.deprecated(), out);
    inline_fn(
        out,
        format_args!(
            "pub fn set_{name}(mut self, input: ::core::option::Option<{}>) -> Self",
            emitter.path(&field.slot_type(), Scope::Nested)
        ),
        |out| emit!(out, "self.{ident} = input;\nself"),
    );
}

/// `build()`: `Result` with the first missing required member as its error
/// when there are required members, the value itself when there are none.
fn build(emitter: &Emitter<'_>, name: &str, fields: &[Field<'_>], out: &mut String) {
    let runtime = &emitter.runtime;
    let required = RequiredMatch::new(fields.iter().filter(|field| field.is_required()).map(|field| {
        let entry = format!("{:?}, {:?}", field.name(), field.ident.name);
        (field, format!("self.{}", field.ident.rust), entry)
    }));
    let signature = if required.is_empty() {
        doc::write_line(
            &format!("Builds the [`{name}`](struct@super::{name}); unset members take their defaults."),
            out,
        );
        format!("pub fn build(self) -> super::{name}")
    } else {
        doc::write_line(
            &format!("Builds the [`{name}`](struct@super::{name}), or says which required member is missing."),
            out,
        );
        format!("pub fn build(self) -> ::core::result::Result<super::{name}, {runtime}::BuildError>")
    };
    inline_fn(out, format_args!("{signature}"), |out| {
        let error = format!("{runtime}::BuildError::first_missing");
        required.write(out, &error, &format!("{name:?}, "), |out| {
            if !required.is_empty() {
                out.push_str("::core::result::Result::Ok(");
            }
            emit!(out, "super::{name} {{\n");
            for field in fields {
                let (ident, slot) = (&field.ident.rust, format!("self.{}", field.ident.rust));
                match &field.presence {
                    Presence::Required => emit!(out, "{ident}: {},\n", binding(field)),
                    Presence::Default(_) => {
                        emit!(out, "{ident}: {},\n", emitter.or_default(field, &slot, Scope::Nested))
                    }
                    Presence::Optional => emit!(out, "{ident}: {slot},\n"),
                }
            }
            out.push('}');
            if !required.is_empty() {
                out.push(')');
            }
        });
    });
}
