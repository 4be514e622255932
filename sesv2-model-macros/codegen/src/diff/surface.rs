//! The Rust API one model generates, as plain owned data keyed by shape id:
//! what [`super::compare`] compares. Reading it needs the model; comparing
//! it does not, so the two models never have to be alive together.

use std::collections::BTreeMap;

use crate::Analysis;
use crate::config::Config;
use crate::emit::{self, Declared, DeclaredPresence, RustType};
use crate::model::{Shape, ShapeKind};
use crate::names::Names;
use crate::traits::TimestampFormat;

/// Every generated structure, union, enum and operation, by shape id.
pub(super) struct Surface {
    pub items: BTreeMap<String, Item>,
}

/// What a shape generates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ItemKind {
    Structure,
    Union,
    Enum,
    IntEnum,
    Operation,
}

impl ItemKind {
    /// The Smithy shape type, for messages.
    pub fn smithy_name(self) -> &'static str {
        match self {
            ItemKind::Structure => "structure",
            ItemKind::Union => "union",
            ItemKind::Enum => "enum",
            ItemKind::IntEnum => "intEnum",
            ItemKind::Operation => "operation",
        }
    }
}

/// One generated type, or one operation's items.
pub(super) struct Item {
    pub kind: ItemKind,
    /// The type as written in Rust; for an operation, its unit type in the
    /// `operations` module.
    pub type_name: String,
    /// The variant that keeps unknown values (enums, int enums, unions).
    pub unknown_variant: Option<String>,
    /// Structure and union members, in model order.
    pub fields: Vec<Field>,
    /// Enum and int enum values, in model order.
    pub values: Vec<Value>,
    pub operation: Option<OperationItems>,
}

/// A structure member (a field) or a union member (a variant).
pub(super) struct Field {
    /// The member name in the model.
    pub name: String,
    /// The field or variant as written in Rust.
    pub rust_name: String,
    /// The field's declared type or the variant's payload; `None` for a
    /// unit variant.
    pub rust_type: Option<RustType>,
    pub presence: DeclaredPresence,
    /// The model's default as JSON text, for defaulted members.
    pub default: Option<String>,
    pub wire_name: String,
    pub timestamp_format: Option<&'static str>,
}

/// An enum or int enum value.
pub(super) struct Value {
    /// The member name in the model.
    pub name: String,
    /// The variant as written in Rust.
    pub variant: String,
    /// The wire value: the string, or the integer's decimal text.
    pub wire: String,
}

/// An operation's items besides its unit type.
pub(super) struct OperationItems {
    pub error_name: String,
    /// `Operation::Input` and `Operation::Output`.
    pub input: RustType,
    pub output: RustType,
    /// Per error: its shape id and its variant in the error enum, in
    /// variant order.
    pub errors: Vec<(String, String)>,
}

impl Surface {
    /// Reads the API the selection generates, through the same plans the
    /// emitters use.
    pub fn read(analysis: &Analysis, config: &Config) -> Surface {
        let Analysis {
            model,
            selection,
            names,
            boxed,
        } = analysis;
        let declared = emit::declared(model, selection, names, boxed, config);
        let items = selection
            .shapes
            .iter()
            .filter_map(|id| model.get(id))
            .filter_map(|shape| Some((shape.id.as_str().to_owned(), read_item(shape, names, &declared)?)))
            .collect();
        Surface { items }
    }
}

/// What one shape generates; `None` for shapes that generate no item.
fn read_item(shape: &Shape, names: &Names, declared: &Declared) -> Option<Item> {
    if let ShapeKind::Operation(_) = &shape.kind {
        let operation_names = names.operation(&shape.id)?;
        let declared = declared.operations.get(&shape.id)?;
        return Some(Item {
            kind: ItemKind::Operation,
            type_name: operation_names.type_name.clone(),
            unknown_variant: None,
            fields: Vec::new(),
            values: Vec::new(),
            operation: Some(OperationItems {
                error_name: operation_names.error_name.clone(),
                input: declared.input.clone(),
                output: declared.output.clone(),
                errors: declared
                    .errors
                    .iter()
                    .map(|(id, variant)| (id.as_str().to_owned(), variant.clone()))
                    .collect(),
            }),
        });
    }

    let item_names = names.item(&shape.id)?;
    let variants = item_names.members.iter().map(|variant| variant.rust.clone());
    let (kind, fields, values) = match &shape.kind {
        ShapeKind::Structure(members) | ShapeKind::Union(members) => {
            let kind = match shape.kind {
                ShapeKind::Union(_) => ItemKind::Union,
                _ => ItemKind::Structure,
            };
            let plans = declared.members.get(&shape.id).map_or(&[][..], Vec::as_slice);
            let fields = members
                .iter()
                .zip(variants)
                .zip(plans)
                .map(|((member, rust_name), plan)| Field {
                    name: member.name.clone(),
                    rust_name,
                    rust_type: plan.rust_type.clone(),
                    presence: plan.presence,
                    default: match plan.presence {
                        DeclaredPresence::Defaulted => member.traits.default.as_ref().map(ToString::to_string),
                        _ => None,
                    },
                    wire_name: plan.wire_name.clone(),
                    timestamp_format: plan.timestamp_format.map(format_name),
                })
                .collect();
            (kind, fields, Vec::new())
        }
        ShapeKind::Enum(members) => {
            let wires = members.iter().map(|member| (&member.name, member.value.clone()));
            (ItemKind::Enum, Vec::new(), values(wires, variants))
        }
        ShapeKind::IntEnum(members) => {
            let wires = members.iter().map(|member| (&member.name, member.value.to_string()));
            (ItemKind::IntEnum, Vec::new(), values(wires, variants))
        }
        _ => return None,
    };
    Some(Item {
        kind,
        type_name: item_names.type_name.to_string(),
        unknown_variant: (kind != ItemKind::Structure).then(|| item_names.unknown_variant.rust.clone()),
        fields,
        values,
        operation: None,
    })
}

/// An enum's or int enum's values: each member's name and wire value, with
/// its variant.
fn values<'m>(wires: impl Iterator<Item = (&'m String, String)>, variants: impl Iterator<Item = String>) -> Vec<Value> {
    wires
        .zip(variants)
        .map(|((name, wire), variant)| Value {
            name: name.clone(),
            variant,
            wire,
        })
        .collect()
}

/// The format's name in the model.
fn format_name(format: TimestampFormat) -> &'static str {
    match format {
        TimestampFormat::EpochSeconds => "epoch-seconds",
        TimestampFormat::DateTime => "date-time",
        TimestampFormat::HttpDate => "http-date",
    }
}
