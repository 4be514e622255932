//! The resolved model: typed shapes whose every target is known to exist.

use crate::shape_id::{IdMap, ShapeId};
use crate::traits::{Protocol, Traits};

/// Every shape of the model plus the prelude shapes it uses, by id.
pub(crate) struct Model {
    /// In id order, so that everything derived from the model is too.
    shapes: Vec<Shape>,
    index: IdMap<ShapeId, usize>,
}

impl Model {
    /// The model of these shapes, whose ids are distinct.
    pub fn new(mut shapes: Vec<Shape>) -> Model {
        shapes.sort_by(|a, b| a.id.cmp(&b.id));
        let index = shapes
            .iter()
            .enumerate()
            .map(|(position, shape)| (shape.id.clone(), position))
            .collect();
        Model { shapes, index }
    }

    /// The shape with this id. Every target in a resolved model exists, so a
    /// miss here is a bug in the resolver, reported rather than panicking.
    pub fn get(&self, id: &ShapeId) -> Option<&Shape> {
        self.index.get(id).map(|&position| &self.shapes[position])
    }

    /// Every shape, in id order.
    pub fn shapes(&self) -> impl Iterator<Item = &Shape> {
        self.shapes.iter()
    }

    /// The protocol of the model's services, when they name one and it is
    /// the same for all; JSON protocols are assumed otherwise.
    pub fn protocol(&self) -> Option<Protocol> {
        let mut protocols = self
            .services()
            .map(|(id, _)| self.get(id).and_then(|shape| shape.traits.protocol));
        let first = protocols.next()??;
        protocols.all(|protocol| protocol == Some(first)).then_some(first)
    }

    /// The operations of `service`, its resources' included, each once.
    pub fn service_operations<'m>(&'m self, service: &'m Service) -> Vec<&'m ShapeId> {
        let mut operations: Vec<&ShapeId> = Vec::new();
        let mut seen: crate::shape_id::IdSet<&ShapeId> = Default::default();
        let mut pending: Vec<(&[ShapeId], &[ShapeId])> = vec![(&service.operations, &service.resources)];
        while let Some((bound, resources)) = pending.pop() {
            operations.extend(bound.iter().filter(|id| seen.insert(id)));
            for id in resources.iter().rev() {
                if seen.insert(id)
                    && let Some(ShapeKind::Resource(resource)) = self.get(id).map(|shape| &shape.kind)
                {
                    pending.push((&resource.operations, &resource.resources));
                }
            }
        }
        operations
    }

    /// The service shapes, in id order.
    pub fn services(&self) -> impl Iterator<Item = (&ShapeId, &Service)> {
        self.shapes.iter().filter_map(|shape| match &shape.kind {
            ShapeKind::Service(service) => Some((&shape.id, service)),
            _ => None,
        })
    }
}

pub(crate) struct Shape {
    pub id: ShapeId,
    pub kind: ShapeKind,
    pub traits: Traits,
}

pub(crate) enum ShapeKind {
    Simple(Simple),
    List(Box<Member>),
    Map { key: Box<Member>, value: Box<Member> },
    Structure(Vec<Member>),
    Union(Vec<Member>),
    Enum(Vec<EnumMember>),
    IntEnum(Vec<IntEnumMember>),
    Operation(Operation),
    Service(Service),
    Resource(Resource),
}

impl ShapeKind {
    /// The Smithy name of the shape type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            ShapeKind::Simple(simple) => simple.type_name(),
            ShapeKind::List(_) => "list",
            ShapeKind::Map { .. } => "map",
            ShapeKind::Structure(_) => "structure",
            ShapeKind::Union(_) => "union",
            ShapeKind::Enum(_) => "enum",
            ShapeKind::IntEnum(_) => "intEnum",
            ShapeKind::Operation(_) => "operation",
            ShapeKind::Service(_) => "service",
            ShapeKind::Resource(_) => "resource",
        }
    }
}

/// The simple shape types, which become Rust types rather than items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Simple {
    Blob,
    Boolean,
    String,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Timestamp,
    Document,
    Unit,
}

impl Simple {
    pub fn from_type_name(name: &str) -> Option<Simple> {
        Some(match name {
            "blob" => Simple::Blob,
            "boolean" => Simple::Boolean,
            "string" => Simple::String,
            "byte" => Simple::Byte,
            "short" => Simple::Short,
            "integer" => Simple::Integer,
            "long" => Simple::Long,
            "float" => Simple::Float,
            "double" => Simple::Double,
            "bigInteger" => Simple::BigInteger,
            "bigDecimal" => Simple::BigDecimal,
            "timestamp" => Simple::Timestamp,
            "document" => Simple::Document,
            _ => return None,
        })
    }

    pub fn type_name(self) -> &'static str {
        match self {
            Simple::Blob => "blob",
            Simple::Boolean => "boolean",
            Simple::String => "string",
            Simple::Byte => "byte",
            Simple::Short => "short",
            Simple::Integer => "integer",
            Simple::Long => "long",
            Simple::Float => "float",
            Simple::Double => "double",
            Simple::BigInteger => "bigInteger",
            Simple::BigDecimal => "bigDecimal",
            Simple::Timestamp => "timestamp",
            Simple::Document => "document",
            Simple::Unit => "unit",
        }
    }
}

/// A member of a structure, union, list or map.
pub(crate) struct Member {
    pub name: String,
    pub target: ShapeId,
    pub traits: Traits,
}

/// A member of an `enum` shape.
pub(crate) struct EnumMember {
    pub name: String,
    pub value: String,
    pub traits: Traits,
}

/// A member of an `intEnum` shape.
pub(crate) struct IntEnumMember {
    pub name: String,
    pub value: i32,
    pub traits: Traits,
}

pub(crate) struct Operation {
    /// `None` when the operation has no input (or targets `smithy.api#Unit`).
    pub input: Option<ShapeId>,
    pub output: Option<ShapeId>,
    pub errors: Vec<ShapeId>,
}

pub(crate) struct Service {
    pub operations: Vec<ShapeId>,
    pub resources: Vec<ShapeId>,
    pub errors: Vec<ShapeId>,
    /// Names the service gives shapes of its closure instead of their own,
    /// to resolve conflicts between namespaces.
    pub rename: Vec<(ShapeId, String)>,
    /// The service's version, e.g. `2019-09-27` (empty when not given).
    pub version: String,
}

pub(crate) struct Resource {
    /// Lifecycle, instance and collection operations together.
    pub operations: Vec<ShapeId>,
    pub resources: Vec<ShapeId>,
}
