//! Compares two [`Surface`]s and classifies each change for Rust users of
//! the generated code. The reason behind each classification is in the
//! docs of [`ChangeKind`]; the messages repeat the short form.

use std::collections::BTreeSet;

use super::surface::{Field, Item, ItemKind, OperationItems, Surface, Value};
use super::{Change, ChangeKind};
use crate::emit::DeclaredPresence;

/// Every change from `old` to `new`, by shape id, then member name; the
/// changes of one subject in the order they are checked.
pub(super) fn compare(old: &Surface, new: &Surface) -> Vec<Change> {
    let mut changes = Changes::default();
    let ids: BTreeSet<&String> = old.items.keys().chain(new.items.keys()).collect();
    for id in ids {
        match (old.items.get(id), new.items.get(id)) {
            (Some(old), Some(new)) => changes.item(id, old, new),
            (Some(old), None) => {
                let what = match old.kind {
                    ItemKind::Operation => "its type and error enum are",
                    _ => "the type is",
                };
                changes.push(
                    Subject::shape(id, old),
                    ChangeKind::ShapeRemoved,
                    true,
                    format!("{} removed: {what} no longer generated", old.kind.smithy_name()),
                );
            }
            (None, Some(new)) => {
                let what = match new.kind {
                    ItemKind::Operation => "a new operation type and error enum",
                    _ => "a new type",
                };
                changes.push(
                    Subject::shape(id, new),
                    ChangeKind::ShapeAdded,
                    false,
                    format!("{} added: {what}, nothing existing changes", new.kind.smithy_name()),
                );
            }
            (None, None) => {}
        }
    }
    let mut changes = changes.0;
    // Stable: one subject's changes keep the order they were checked in.
    changes.sort_by(|a, b| (&a.shape, &a.member).cmp(&(&b.shape, &b.member)));
    changes
}

/// The shape or member a change is about, and its Rust item.
struct Subject<'a> {
    shape: &'a str,
    member: Option<&'a str>,
    rust_item: String,
}

impl<'a> Subject<'a> {
    fn shape(id: &'a str, item: &Item) -> Subject<'a> {
        Subject {
            shape: id,
            member: None,
            rust_item: item_path(item),
        }
    }

    fn member(id: &'a str, item: &Item, member: &'a str, rust_name: &str) -> Subject<'a> {
        Subject {
            shape: id,
            member: Some(member),
            rust_item: format!("{}::{rust_name}", item_path(item)),
        }
    }
}

/// The path users name the item by: `ImportJob`, `operations::GetImportJob`.
fn item_path(item: &Item) -> String {
    match item.kind {
        ItemKind::Operation => format!("operations::{}", item.type_name),
        _ => item.type_name.clone(),
    }
}

#[derive(Default)]
struct Changes(Vec<Change>);

impl Changes {
    fn push(&mut self, subject: Subject<'_>, kind: ChangeKind, breaking: bool, message: String) {
        self.0.push(Change {
            shape: subject.shape.to_owned(),
            member: subject.member.map(str::to_owned),
            rust_item: subject.rust_item,
            kind,
            breaking,
            message,
        });
    }

    fn item(&mut self, id: &str, old: &Item, new: &Item) {
        if old.kind != new.kind {
            self.push(
                Subject::shape(id, new),
                ChangeKind::ShapeKindChanged,
                true,
                format!(
                    "was a {}, is now a {}: the generated item and its methods differ",
                    old.kind.smithy_name(),
                    new.kind.smithy_name()
                ),
            );
            return;
        }
        if old.type_name != new.type_name {
            self.push(
                Subject::shape(id, new),
                ChangeKind::RustNameChanged,
                true,
                format!(
                    "the Rust type `{}` is renamed `{}`: code naming it no longer compiles",
                    old.type_name, new.type_name
                ),
            );
        }
        if let (Some(old_unknown), Some(new_unknown)) = (&old.unknown_variant, &new.unknown_variant)
            && old_unknown != new_unknown
        {
            self.push(
                Subject {
                    shape: id,
                    member: None,
                    rust_item: format!("{}::{new_unknown}", new.type_name),
                },
                ChangeKind::RustNameChanged,
                true,
                format!("the variant for unknown values `{old_unknown}` is renamed `{new_unknown}`"),
            );
        }
        match new.kind {
            ItemKind::Structure => {
                self.fields(id, old, new);
                self.builder(id, old, new);
            }
            ItemKind::Union => self.fields(id, old, new),
            ItemKind::Enum | ItemKind::IntEnum => self.values(id, old, new),
            ItemKind::Operation => {
                if let (Some(old_items), Some(new_items)) = (&old.operation, &new.operation) {
                    self.operation(id, new, old_items, new_items);
                }
            }
        }
    }

    /// Structure and union members, matched by member name.
    fn fields(&mut self, id: &str, old: &Item, new: &Item) {
        let is_union = new.kind == ItemKind::Union;
        for old_field in &old.fields {
            let Some(new_field) = new.fields.iter().find(|field| field.name == old_field.name) else {
                let what = if is_union {
                    "variant no longer exists"
                } else {
                    "field, accessor and builder setters no longer exist"
                };
                self.push(
                    Subject::member(id, old, &old_field.name, &old_field.rust_name),
                    ChangeKind::MemberRemoved,
                    true,
                    format!("member removed: its {what}"),
                );
                continue;
            };
            self.field(id, new, old_field, new_field);
        }
        for new_field in &new.fields {
            if old.fields.iter().any(|field| field.name == new_field.name) {
                continue;
            }
            let subject = Subject::member(id, new, &new_field.name, &new_field.rust_name);
            let ty = type_text(new_field);
            let (breaking, message) = match (is_union, new_field.presence) {
                (true, _) => {
                    let variant = match &new_field.rust_type {
                        Some(payload) => format!("{}({})", new_field.rust_name, payload.short()),
                        None => new_field.rust_name.clone(),
                    };
                    (
                        false,
                        format!("member added (variant `{variant}`): the enum is #[non_exhaustive]"),
                    )
                }
                (false, DeclaredPresence::Required) => (
                    true,
                    format!("required member added (`{ty}`): `build()` fails for code that does not set it"),
                ),
                (false, DeclaredPresence::Defaulted) => (
                    false,
                    format!(
                        "member with a default added (`{ty}`): the struct is #[non_exhaustive] and `build()` fills in the default"
                    ),
                ),
                (false, DeclaredPresence::Optional) => (
                    false,
                    format!(
                        "optional member added (`{ty}`): the struct is #[non_exhaustive] and builders leave it unset"
                    ),
                ),
            };
            self.push(subject, ChangeKind::MemberAdded, breaking, message);
        }
    }

    fn field(&mut self, id: &str, new: &Item, old: &Field, new_field: &Field) {
        let subject = || Subject::member(id, new, &new_field.name, &new_field.rust_name);
        if old.rust_name != new_field.rust_name {
            self.push(
                subject(),
                ChangeKind::RustNameChanged,
                true,
                format!("`{}` is renamed `{}`", old.rust_name, new_field.rust_name),
            );
        }
        if old.rust_type != new_field.rust_type {
            let presence = if old.presence == new_field.presence {
                String::new()
            } else {
                format!(" ({} -> {})", presence(old), presence(new_field))
            };
            self.push(
                subject(),
                ChangeKind::MemberTypeChanged,
                true,
                format!(
                    "type changed from `{}` to `{}`{presence}",
                    type_text(old),
                    type_text(new_field)
                ),
            );
        } else if old.presence != new_field.presence {
            let breaking = new_field.presence == DeclaredPresence::Required;
            let effect = if breaking {
                "`build()` fails for code that does not set it"
            } else {
                "`build()` fills in the default when it is not set"
            };
            self.push(
                subject(),
                ChangeKind::MemberPresenceChanged,
                breaking,
                format!(
                    "{} -> {} (type stays `{}`): {effect}",
                    presence(old),
                    presence(new_field),
                    type_text(new_field)
                ),
            );
        } else if old.default != new_field.default {
            self.push(
                subject(),
                ChangeKind::MemberPresenceChanged,
                false,
                format!(
                    "default changed from `{}` to `{}`: unset members take the new value",
                    old.default.as_deref().unwrap_or("none"),
                    new_field.default.as_deref().unwrap_or("none")
                ),
            );
        }
        if old.wire_name != new_field.wire_name {
            self.push(
                subject(),
                ChangeKind::WireNameChanged,
                false,
                format!(
                    "JSON name changed from `{}` to `{}`: same Rust API, the generated serde follows the wire",
                    old.wire_name, new_field.wire_name
                ),
            );
        }
        if old.timestamp_format != new_field.timestamp_format {
            let text = |format: Option<&str>| format.map_or("the protocol's default".to_owned(), |f| format!("`{f}`"));
            self.push(
                subject(),
                ChangeKind::TimestampFormatChanged,
                false,
                format!(
                    "timestamp format changed from {} to {}: same Rust API, the generated serde follows the wire",
                    text(old.timestamp_format),
                    text(new_field.timestamp_format)
                ),
            );
        }
    }

    /// `build()` returns a `Result` exactly when some member is required,
    /// and the structure implements `Default` exactly when none is.
    fn builder(&mut self, id: &str, old: &Item, new: &Item) {
        let fallible = |item: &Item| {
            item.fields
                .iter()
                .any(|field| field.presence == DeclaredPresence::Required)
        };
        let name = &new.type_name;
        let message = match (fallible(old), fallible(new)) {
            (false, true) => format!(
                "`build()` now returns `Result<{name}, BuildError>` instead of `{name}`, and `{name}` no longer implements `Default`"
            ),
            (true, false) => format!(
                "`build()` now returns `{name}` instead of `Result<{name}, BuildError>` (and `{name}` implements `Default`)"
            ),
            _ => return,
        };
        let builder = Subject {
            shape: id,
            member: None,
            rust_item: format!("builders::{name}Builder::build"),
        };
        self.push(builder, ChangeKind::BuilderChanged, true, message);
    }

    /// Enum and int enum values, matched by member name.
    fn values(&mut self, id: &str, old: &Item, new: &Item) {
        let find = |values: &'_ [Value], name: &str| values.iter().position(|value| value.name == name);
        for old_value in &old.values {
            let subject = |item: &Item, value: &'_ Value| Subject::member(id, item, &old_value.name, &value.variant);
            let Some(index) = find(&new.values, &old_value.name) else {
                self.push(
                    subject(old, old_value),
                    ChangeKind::EnumValueRemoved,
                    true,
                    format!("value `{}` removed: its variant no longer exists", old_value.wire),
                );
                continue;
            };
            let Some(new_value) = new.values.get(index) else {
                continue;
            };
            if old_value.variant != new_value.variant {
                self.push(
                    subject(new, new_value),
                    ChangeKind::RustNameChanged,
                    true,
                    format!("`{}` is renamed `{}`", old_value.variant, new_value.variant),
                );
            }
            if old_value.wire != new_value.wire {
                self.push(
                    subject(new, new_value),
                    ChangeKind::EnumValueChanged,
                    true,
                    format!(
                        "wire value changed from `{}` to `{}`: the same variant now reads and writes another \
                         value, so values that code or stored data hold for it no longer match",
                        old_value.wire, new_value.wire
                    ),
                );
            }
        }
        for new_value in &new.values {
            if find(&old.values, &new_value.name).is_none() {
                self.push(
                    Subject::member(id, new, &new_value.name, &new_value.variant),
                    ChangeKind::EnumValueAdded,
                    false,
                    format!(
                        "value `{}` added: the enum is #[non_exhaustive]; the value, read as `{}` before, gets its own variant",
                        new_value.wire,
                        new.unknown_variant.as_deref().unwrap_or("Unknown")
                    ),
                );
            }
        }
    }

    fn operation(&mut self, id: &str, new: &Item, old_items: &OperationItems, new_items: &OperationItems) {
        let error_enum = format!("operations::{}", new_items.error_name);
        if old_items.error_name != new_items.error_name {
            self.push(
                Subject {
                    shape: id,
                    member: None,
                    rust_item: error_enum.clone(),
                },
                ChangeKind::RustNameChanged,
                true,
                format!(
                    "the error enum `{}` is renamed `{}`",
                    old_items.error_name, new_items.error_name
                ),
            );
        }
        for (what, old_type, new_type) in [
            ("Input", &old_items.input, &new_items.input),
            ("Output", &old_items.output, &new_items.output),
        ] {
            if old_type != new_type {
                self.push(
                    Subject::shape(id, new),
                    ChangeKind::OperationTypesChanged,
                    true,
                    format!(
                        "`Operation::{what}` changed from `{}` to `{}`",
                        old_type.short(),
                        new_type.short()
                    ),
                );
            }
        }
        let variant_of = |errors: &[(String, String)], error: &str| {
            errors
                .iter()
                .find(|(id, _)| id == error)
                .map(|(_, variant)| variant.clone())
        };
        let subject = |variant: &str| Subject {
            shape: id,
            member: None,
            rust_item: format!("{error_enum}::{variant}"),
        };
        for (error, old_variant) in &old_items.errors {
            match variant_of(&new_items.errors, error) {
                None => self.push(
                    subject(old_variant),
                    ChangeKind::OperationErrorRemoved,
                    true,
                    format!("error `{error}` removed: its variant of the error enum no longer exists"),
                ),
                Some(new_variant) if &new_variant != old_variant => self.push(
                    subject(&new_variant),
                    ChangeKind::RustNameChanged,
                    true,
                    format!("the variant for error `{error}` is renamed from `{old_variant}` to `{new_variant}`"),
                ),
                Some(_) => {}
            }
        }
        for (error, new_variant) in &new_items.errors {
            if variant_of(&old_items.errors, error).is_none() {
                self.push(
                    subject(new_variant),
                    ChangeKind::OperationErrorAdded,
                    false,
                    format!(
                        "error `{error}` added: the error enum is #[non_exhaustive]; this error, `Unhandled` before, gets its own variant"
                    ),
                );
            }
        }
    }
}

/// A member's type for messages: `Option<String>`, or `(unit variant)`.
fn type_text(field: &Field) -> String {
    match &field.rust_type {
        Some(ty) => ty.short().to_string(),
        None => "no payload (a unit variant)".to_owned(),
    }
}

fn presence(field: &Field) -> &'static str {
    match field.presence {
        DeclaredPresence::Required => "required",
        DeclaredPresence::Defaulted => "defaulted",
        DeclaredPresence::Optional => "optional",
    }
}
