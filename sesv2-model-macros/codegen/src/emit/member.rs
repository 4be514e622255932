//! What the generator decides about each structure member: its Rust name and
//! type, whether it is optional, required or defaulted, whether it is boxed,
//! where it travels, how its timestamps are written and whether `Debug`
//! hides it.

use super::defaults::DefaultCost;
use super::types::{Access, deprecated_attribute, rust};
use super::{Emitter, Scope};
use crate::model::{Member, Shape, ShapeKind};
use crate::names::ItemNames;
use crate::traits::{HttpBinding, TimestampFormat};

/// Whether a member's field is an `Option`.
pub(super) enum Presence {
    /// A plain field; decoding fails without it, `build()` too.
    Required,
    /// A plain field that takes this value when absent (the expression named
    /// from the items module and from nested modules).
    Default {
        items: String,
        nested: String,
        cost: DefaultCost,
    },
    /// An `Option` field.
    Optional,
}

/// One member of a structure, with everything the emitters need about it.
pub(super) struct Field<'a> {
    /// The member's name in the model, e.g. `S3Url`.
    pub name: &'a str,
    /// The member's name on the wire (`@jsonName` or the member name).
    pub wire: &'a str,
    /// The field, accessor and setter name before escaping, e.g. `s3_url`.
    pub field_name: &'a str,
    /// The field as written in Rust, e.g. `s3_url`, `r#type`.
    pub field: String,
    /// The value type named from the items module, without `Option` or `Box`.
    pub ty: String,
    /// The value type named from the `builders` module.
    pub builder_ty: String,
    /// For list members, the element type named from the items module.
    pub element_ty: Option<String>,
    /// Held in a `Box` because it closes a cycle of structures.
    pub boxed: bool,
    pub presence: Presence,
    /// Where the member travels when not in the JSON body.
    pub binding: Option<HttpBinding>,
    /// An explicit `@timestampFormat` for the timestamps it holds.
    pub format: Option<TimestampFormat>,
    /// `Debug` shows a redaction marker instead of the value.
    pub redacted: bool,
    pub deprecated: String,
    pub access: Access,
    /// The field's doc attributes.
    pub docs: String,
}

impl Field<'_> {
    pub fn in_body(&self) -> bool {
        self.binding.is_none()
    }

    pub fn is_optional(&self) -> bool {
        matches!(self.presence, Presence::Optional)
    }

    pub fn is_required(&self) -> bool {
        matches!(self.presence, Presence::Required)
    }

    /// The value type, boxed when the field is, named from `scope`.
    pub fn slot_type(&self, scope: Scope) -> String {
        let ty = match scope {
            Scope::Items => &self.ty,
            Scope::Nested => &self.builder_ty,
        };
        if self.boxed {
            format!("::std::boxed::Box<{ty}>")
        } else {
            ty.clone()
        }
    }

    /// The field's declared type, named from `scope`.
    pub fn stored_type(&self, scope: Scope) -> String {
        let slot = self.slot_type(scope);
        if self.is_optional() {
            format!("::core::option::Option<{slot}>")
        } else {
            slot
        }
    }

    /// `slot.unwrap_or(..)` and the like: the value of `slot` (an `Option`
    /// of the field's stored type), else the default.
    pub fn or_default(&self, slot: &str, scope: Scope) -> String {
        let Presence::Default { items, nested, cost } = &self.presence else {
            return slot.to_owned();
        };
        let expr = match scope {
            Scope::Items => items,
            Scope::Nested => nested,
        };
        match (cost, self.boxed) {
            (_, true) => format!("{slot}.unwrap_or_else(|| ::std::boxed::Box::new({expr}))"),
            (DefaultCost::Constant, false) => format!("{slot}.unwrap_or({expr})"),
            (DefaultCost::TypeDefault, false) => format!("{slot}.unwrap_or_default()"),
            (DefaultCost::Computed, false) => format!("{slot}.unwrap_or_else(|| {expr})"),
        }
    }

    /// The default as a stored value (boxed when the field is).
    pub fn default_value(&self) -> Option<String> {
        let Presence::Default { items, .. } = &self.presence else {
            return None;
        };
        Some(if self.boxed {
            format!("::std::boxed::Box::new({items})")
        } else {
            items.clone()
        })
    }
}

/// Required members taken out of their slots in one `match` on all of them:
/// `match (slot, ..,) { (Some(r_a), ..,) => value, (r_a, ..,) => error }`.
/// A `?` per member would make rustc drop each remaining slot on a path of
/// its own, work that grows with the square of the member count.
pub(super) struct RequiredMatch {
    /// Per required member: its binding, its slot, and what the error's
    /// list holds for it after `r_a.is_none()`.
    members: Vec<(String, String, String)>,
}

impl RequiredMatch {
    /// `members`: each required field with its slot expression and its
    /// entry in the error's list.
    pub fn new<'f>(members: impl IntoIterator<Item = (&'f Field<'f>, String, String)>) -> RequiredMatch {
        RequiredMatch {
            members: members
                .into_iter()
                .map(|(field, slot, entry)| (binding(field), slot, entry))
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The head, up to where the caller writes the value; nothing when no
    /// member is required.
    pub fn open(&self, out: &mut String) {
        if self.is_empty() {
            return;
        }
        let slots: Vec<&str> = self.members.iter().map(|(_, slot, _)| slot.as_str()).collect();
        let present: Vec<String> = self
            .members
            .iter()
            .map(|(binding, _, _)| format!("::core::option::Option::Some({binding})"))
            .collect();
        emit!(out, "match ({},) {{\n({},) => ", slots.join(", "), present.join(", "));
    }

    /// The rest, after the value: `error` is the path of a function called
    /// with the leading `arguments` and the list of `(missing, entry)`.
    pub fn close(&self, error: &str, arguments: &str, out: &mut String) {
        if self.is_empty() {
            return;
        }
        let bindings: Vec<&str> = self.members.iter().map(|(binding, _, _)| binding.as_str()).collect();
        let missing: Vec<String> = self
            .members
            .iter()
            .map(|(binding, _, entry)| format!("({binding}.is_none(), {entry})"))
            .collect();
        emit!(
            out,
            ",\n({},) => ::core::result::Result::Err({error}({arguments}&[{}])),\n}}",
            bindings.join(", "),
            missing.join(", ")
        );
    }
}

/// The name a required member's value is bound to inside [`RequiredMatch`].
pub(super) fn binding(field: &Field<'_>) -> String {
    format!("r_{}", field.field_name)
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
        .map(|(member, field_name)| field(emitter, shape, member, field_name))
        .collect()
}

fn field<'a>(emitter: &Emitter<'a>, shape: &Shape, member: &'a Member, field_name: &'a str) -> Field<'a> {
    let owner = shape.id.member(&member.name);
    let mut notes = Vec::new();
    let presence = presence(emitter, member, &owner, &mut notes);
    let binding = member
        .traits
        .http_binding
        .clone()
        .filter(|_| emitter.protocol.binds_http());
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
        notes.push("Sensitive: `Debug` shows a redaction marker instead of the value.".to_owned());
    }
    let fallback = format!("The `{}` member.", member.name);
    Field {
        name: &member.name,
        wire: emitter.wire_name(member),
        field_name,
        field: rust(field_name),
        ty: emitter.value_type(&member.target, Scope::Items),
        builder_ty: emitter.value_type(&member.target, Scope::Nested),
        element_ty: emitter.list_element_type(&member.target, Scope::Items),
        boxed: emitter.boxed.contains(&shape.id, &member.name),
        presence,
        binding,
        format: emitter.timestamp_format(member),
        redacted,
        deprecated: deprecated_attribute(member.traits.deprecated.as_ref()),
        access: emitter.access(&member.target),
        docs: emitter.doc_attributes(emitter.member_docs(member), &fallback, &notes),
    }
}

/// Optional unless the member is `@required` or has a `@default`, and never
/// when `@clientOptional` says clients must treat it as optional, nor for
/// an `@addedDefault` (the member was optional before the default came).
fn presence(emitter: &Emitter<'_>, member: &Member, owner: &str, notes: &mut Vec<String>) -> Presence {
    let traits = &member.traits;
    if traits.client_optional {
        return Presence::Optional;
    }
    if let Some(default) = traits.default.as_ref().filter(|value| !value.is_null())
        && !traits.added_default
    {
        let items = emitter.default_expr(&member.target, default, Scope::Items);
        let nested = emitter.default_expr(&member.target, default, Scope::Nested);
        match (items, nested) {
            (Ok((items, cost)), Ok((nested, _))) => {
                notes.push(format!("Defaults to `{default}` when absent."));
                return Presence::Default { items, nested, cost };
            }
            (Err(why), _) | (_, Err(why)) => {
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
