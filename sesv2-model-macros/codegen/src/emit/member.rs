//! What the generator decides about each structure member: its Rust name and
//! type, whether it is optional, required or defaulted, whether it is boxed,
//! where it travels, how its timestamps are written and whether `Debug`
//! hides it.

use std::fmt;

use super::Emitter;
use super::defaults::{DefaultCost, DefaultValue};
use super::doc::Docs;
use super::rust_type::{RustType, Scope};
use super::types::Access;
use crate::model::{Member, Shape, ShapeKind};
use crate::names::{Ident, ItemNames};
use crate::traits::{Deprecated, HttpBinding, TimestampFormat};

/// Whether a member's field is an `Option`.
pub(super) enum Presence {
    /// A plain field; decoding fails without it, `build()` too.
    Required,
    /// A plain field that takes this value when absent.
    Default(DefaultValue),
    /// An `Option` field.
    Optional,
}

/// One member of a structure, with everything the emitters need about it.
pub(super) struct Field<'a> {
    /// The member in the model.
    pub member: &'a Member,
    /// The member's name on the wire (`@jsonName` or the member name).
    pub wire: &'a str,
    /// The field, accessor and setter name: `s3_url`, `r#type`.
    pub ident: &'a Ident,
    /// The value type, without `Option` or `Box`.
    pub ty: RustType,
    /// Held in a `Box` because it closes a cycle of structures.
    pub boxed: bool,
    pub presence: Presence,
    /// Where the member travels when not in the JSON body.
    pub binding: Option<HttpBinding>,
    /// An explicit `@timestampFormat` for the timestamps it holds.
    pub format: Option<TimestampFormat>,
    /// `Debug` shows a redaction marker instead of the value.
    pub redacted: bool,
    pub docs: Docs,
}

impl Field<'_> {
    /// The member's name in the model, e.g. `S3Url`.
    pub fn name(&self) -> &str {
        &self.member.name
    }

    pub fn deprecated(&self) -> Option<&Deprecated> {
        self.member.traits.deprecated.as_ref()
    }

    pub fn in_body(&self) -> bool {
        self.binding.is_none()
    }

    pub fn is_optional(&self) -> bool {
        matches!(self.presence, Presence::Optional)
    }

    pub fn is_required(&self) -> bool {
        matches!(self.presence, Presence::Required)
    }

    /// How its accessor hands out the value (a boxed value by reference).
    pub fn access(&self) -> Access {
        if self.boxed { Access::Ref } else { Access::of(&self.ty) }
    }

    /// The value type, boxed when the field is.
    pub fn slot_type(&self) -> RustType {
        if self.boxed {
            RustType::boxed(self.ty.clone())
        } else {
            self.ty.clone()
        }
    }

    /// The field's declared type.
    pub fn stored_type(&self) -> RustType {
        if self.is_optional() {
            RustType::option(self.slot_type())
        } else {
            self.slot_type()
        }
    }
}

impl Emitter<'_> {
    /// `{slot}.unwrap_or(..)` and the like: the value of `slot` (an `Option`
    /// of the field's stored type), else the field's default, named from
    /// `scope`; `slot` itself for a field without one.
    pub(super) fn or_default<'f>(
        &'f self,
        field: &'f Field<'_>,
        slot: &'f dyn fmt::Display,
        scope: Scope,
    ) -> impl fmt::Display + 'f {
        OrDefault {
            runtime: &self.runtime,
            field,
            slot,
            scope,
        }
    }

    /// The field's default as a stored value (boxed when the field is), or
    /// `None` (the `Option` it is) when it has none.
    pub(super) fn default_or_none<'f>(&'f self, field: &'f Field<'_>) -> impl fmt::Display + 'f {
        DefaultOrNone {
            runtime: &self.runtime,
            field,
        }
    }
}

struct OrDefault<'f> {
    runtime: &'f str,
    field: &'f Field<'f>,
    slot: &'f dyn fmt::Display,
    scope: Scope,
}

impl fmt::Display for OrDefault<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let slot = self.slot;
        let Presence::Default(value) = &self.field.presence else {
            return write!(f, "{slot}");
        };
        let expr = value.expr(self.runtime, self.scope);
        match (value.cost(), self.field.boxed) {
            (_, true) => write!(f, "{slot}.unwrap_or_else(|| ::std::boxed::Box::new({expr}))"),
            (DefaultCost::Constant, false) => write!(f, "{slot}.unwrap_or({expr})"),
            (DefaultCost::TypeDefault, false) => write!(f, "{slot}.unwrap_or_default()"),
            (DefaultCost::Computed, false) => write!(f, "{slot}.unwrap_or_else(|| {expr})"),
        }
    }
}

struct DefaultOrNone<'f> {
    runtime: &'f str,
    field: &'f Field<'f>,
}

impl fmt::Display for DefaultOrNone<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Presence::Default(value) = &self.field.presence else {
            return f.write_str("::core::option::Option::None");
        };
        let expr = value.expr(self.runtime, Scope::Items);
        if self.field.boxed {
            write!(f, "::std::boxed::Box::new({expr})")
        } else {
            write!(f, "{expr}")
        }
    }
}

pub(super) fn fields<'a>(
    emitter: &Emitter<'a>,
    shape: &'a Shape,
    names: &'a ItemNames,
    members: &'a [Member],
) -> Vec<Field<'a>> {
    members
        .iter()
        .zip(&names.members)
        .map(|(member, ident)| field(emitter, shape, member, ident))
        .collect()
}

fn field<'a>(emitter: &Emitter<'a>, shape: &Shape, member: &'a Member, ident: &'a Ident) -> Field<'a> {
    let owner = shape.id.member(&member.name);
    let mut notes = Vec::new();
    let presence = presence(emitter, shape, member, &owner, &mut notes);
    let binding = member
        .traits
        .http_binding
        .clone()
        .filter(|binding| emitter.protocol.binds_http() && !emitter.ignores_binding(shape, binding));
    if let Some(binding) = &binding {
        notes.push(binding_note(binding));
    }
    let target = emitter.shape(&member.target);
    if target.is_some_and(|target| target.traits.streaming) {
        let note = match target.map(|target| &target.kind) {
            Some(ShapeKind::Union(_)) => {
                "On the wire this is an event stream (binary frames carrying one event each), not JSON; \
                 the union's serde impls read and write a single event."
            }
            _ => "On the wire this is the streamed HTTP body; here it is held in memory.",
        };
        notes.push(note.to_owned());
    }
    let redacted = emitter.is_redacted(member);
    if redacted {
        notes.push(SENSITIVE_VALUE.to_owned());
    }
    let fallback = format!("The `{}` member.", member.name);
    Field {
        member,
        wire: emitter.wire_name(member),
        ident,
        ty: emitter.value_type(&member.target),
        boxed: emitter.boxed.contains(&shape.id, &member.name),
        presence,
        binding,
        format: emitter.timestamp_format(member),
        redacted,
        docs: emitter.docs(emitter.member_docs(member), &fallback, &notes),
    }
}

/// The note on a sensitive member or value.
pub(super) const SENSITIVE_VALUE: &str = "Sensitive: `Debug` shows a redaction marker instead of the value.";

/// Optional unless the member is `@required` or has a `@default`, and never
/// when `@clientOptional` says clients must treat it as optional, nor for
/// an `@addedDefault` (the member was optional before the default came).
fn presence(emitter: &Emitter<'_>, shape: &Shape, member: &Member, owner: &str, notes: &mut Vec<String>) -> Presence {
    let traits = &member.traits;
    if traits.client_optional {
        return Presence::Optional;
    }
    // A client sends a top-level input member only when the caller set it;
    // left unset, the service applies the default itself.
    if shape.traits.input
        && let Some(default) = traits.default.as_ref().filter(|value| !value.is_null())
    {
        notes.push(format!("When unset, the service applies the default `{default}`."));
        return Presence::Optional;
    }
    if let Some(default) = traits.default.as_ref().filter(|value| !value.is_null())
        && !traits.added_default
    {
        match emitter.default_value(&member.target, default) {
            Ok(value) => {
                notes.push(format!("Defaults to `{default}` when absent."));
                return Presence::Default(value);
            }
            Err(why) => {
                let message = format!("{why}; the member is generated without its default");
                notes.push(format!(
                    "The model's default `{default}` cannot be represented: {message}."
                ));
                emitter.note(owner, message);
            }
        }
    }
    if traits.required {
        Presence::Required
    } else {
        Presence::Optional
    }
}

fn binding_note(binding: &HttpBinding) -> String {
    match binding {
        HttpBinding::Label => "Travels in the request URI (an `@httpLabel`), not in the JSON body.".to_owned(),
        HttpBinding::Query(name) => {
            format!("Travels in the query string as `{name}`, not in the JSON body.")
        }
        HttpBinding::QueryParams => {
            "Travels in the query string (one parameter per entry), not in the JSON body.".to_owned()
        }
        HttpBinding::Header(name) => {
            format!("Travels in the `{name}` HTTP header, not in the JSON body.")
        }
        HttpBinding::PrefixHeaders(prefix) => {
            format!("Travels in the HTTP headers whose names start with `{prefix}`, not in the JSON body.")
        }
        HttpBinding::Payload => {
            "Travels as the whole HTTP body (the `@httpPayload`), not inside a JSON object.".to_owned()
        }
        HttpBinding::ResponseCode => "The response's HTTP status code; not in the JSON body.".to_owned(),
    }
}
