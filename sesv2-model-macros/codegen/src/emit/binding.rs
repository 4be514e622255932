//! How each bound member travels, as data: the header, payload and status
//! plans that the request and response emitters write out, and the roles
//! shapes play in the model's operations.

use super::Emitter;
use super::customizations::{Customization, customization};
use super::member::Field;
use super::types::format_variant;
use crate::model::{Model, Shape, ShapeKind, Simple};
use crate::shape_id::{IdMap, IdSet, ShapeId};
use crate::traits::{HttpBinding, TimestampFormat};

/// What the model's operations make of its shapes, found once per run.
#[derive(Default)]
pub(crate) struct Roles {
    /// Outputs and errors: the structures read from responses.
    pub responses: IdSet<ShapeId>,
    /// Operation inputs: the structures requests are built from.
    pub inputs: IdSet<ShapeId>,
    /// Each operation's service (the first, in id order, that has it).
    pub services: IdMap<ShapeId, ShapeId>,
}

impl Roles {
    pub(crate) fn of(model: &Model) -> Roles {
        let mut roles = Roles::default();
        for (service_id, service) in model.services() {
            roles.responses.extend(service.errors.iter().cloned());
            for operation in model.service_operations(service) {
                roles
                    .services
                    .entry(operation.clone())
                    .or_insert_with(|| service_id.clone());
            }
        }
        for shape in model.shapes() {
            if let ShapeKind::Operation(operation) = &shape.kind {
                roles.inputs.extend(operation.input.iter().cloned());
                roles.responses.extend(operation.output.iter().cloned());
                roles.responses.extend(operation.errors.iter().cloned());
            }
        }
        roles
    }
}

/// What a payload member holds, which decides how the body carries it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum PayloadKind {
    /// The body's bytes.
    Blob,
    /// The body's text: a string, or an enum's value.
    Text,
    /// JSON: a union or document.
    Json,
    /// JSON: a structure, `{}` when unset.
    Structure,
}

/// Where a bound member travels, as the request and response emitters need it.
pub(super) enum Bound<'f> {
    Header {
        name: String,
        list: bool,
        /// A `@mediaType` string: base64 in the header.
        base64: bool,
    },
    PrefixHeaders(String),
    Payload {
        kind: PayloadKind,
        media_type: &'f str,
    },
    ResponseCode,
}

impl<'a> Emitter<'a> {
    /// The service of operation `operation` and its version.
    pub(super) fn service_of(&self, operation: &ShapeId) -> Option<(&'a ShapeId, &'a str)> {
        let service = self.shape(self.roles.services.get(operation)?)?;
        match &service.kind {
            ShapeKind::Service(details) => Some((&service.id, details.version.as_str())),
            _ => None,
        }
    }

    /// What the SDKs add to the requests of operation `operation`'s service.
    pub(super) fn customization(&self, operation: &ShapeId) -> Option<&'static Customization> {
        customization(self.service_of(operation)?.0)
    }

    /// Whether a member of `shape` travels in the body despite `binding`:
    /// URI bindings mean nothing in a response, whose structure (when it
    /// is not also an input) carries such members in its body.
    pub(super) fn ignores_binding(&self, shape: &Shape, binding: &HttpBinding) -> bool {
        matches!(
            binding,
            HttpBinding::Label | HttpBinding::Query(_) | HttpBinding::QueryParams
        ) && self.roles.responses.contains(&shape.id)
            && !self.roles.inputs.contains(&shape.id)
    }

    /// How `field` travels outside the body; `None` for body members and
    /// URI bindings (which `request_uri` renders).
    pub(super) fn bound<'f>(&self, field: &'f Field<'a>) -> Option<Bound<'f>>
    where
        'a: 'f,
    {
        let target = self.shape(&field.member.target)?;
        Some(match field.binding.as_ref()? {
            HttpBinding::Header(name) => Bound::Header {
                name: name.to_ascii_lowercase(),
                list: matches!(target.kind, ShapeKind::List(_)),
                base64: target.traits.media_type.is_some() && matches!(target.kind, ShapeKind::Simple(Simple::String)),
            },
            HttpBinding::PrefixHeaders(prefix) => Bound::PrefixHeaders(prefix.to_ascii_lowercase()),
            HttpBinding::ResponseCode => Bound::ResponseCode,
            HttpBinding::Payload => {
                let (kind, default_type) = match &target.kind {
                    ShapeKind::Simple(Simple::Blob) => (PayloadKind::Blob, "application/octet-stream"),
                    ShapeKind::Simple(Simple::String) | ShapeKind::Enum(_) => (PayloadKind::Text, "text/plain"),
                    ShapeKind::Structure(_) => (PayloadKind::Structure, "application/json"),
                    _ => (PayloadKind::Json, "application/json"),
                };
                let media_type = match (&target.traits.media_type, kind) {
                    (Some(media_type), PayloadKind::Blob | PayloadKind::Text) => media_type.as_str(),
                    _ => default_type,
                };
                Bound::Payload { kind, media_type }
            }
            HttpBinding::Label | HttpBinding::Query(_) | HttpBinding::QueryParams => return None,
        })
    }

    /// `TimestampFormat::X`, the format of a bound member's timestamps:
    /// the member's own, else the binding's `default` (date-times in URIs,
    /// HTTP dates in headers).
    pub(super) fn format_of(&self, field: &Field<'_>, default: TimestampFormat) -> String {
        format!(
            "{}::TimestampFormat::{}",
            self.private,
            format_variant(field.format.unwrap_or(default))
        )
    }
}
