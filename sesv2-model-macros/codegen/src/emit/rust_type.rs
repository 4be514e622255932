//! Rust types as data: what a member holds, an operation takes or a union
//! variant carries, decided once from the model and written out only when
//! code is. The clippy allow, accessors, builders and the API diff all read
//! these values; nothing parses a type back out of generated text.

use std::fmt;
use std::sync::Arc;

/// Where a type is named from: the module the types are generated in, or a
/// module inside it (`builders`, `operations`), which names them `super::X`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    Items,
    Nested,
}

/// A primitive type from `core`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Primitive {
    Bool,
    I8,
    I16,
    I32,
    I64,
    F32,
    F64,
}

impl Primitive {
    /// Its name, which is also its literal suffix (`5i32`).
    pub fn name(self) -> &'static str {
        match self {
            Primitive::Bool => "bool",
            Primitive::I8 => "i8",
            Primitive::I16 => "i16",
            Primitive::I32 => "i32",
            Primitive::I64 => "i64",
            Primitive::F32 => "f32",
            Primitive::F64 => "f64",
        }
    }
}

/// A type the runtime crate provides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RuntimeType {
    Timestamp,
    Blob,
    Document,
    BigInteger,
    BigDecimal,
}

impl RuntimeType {
    pub fn name(self) -> &'static str {
        match self {
            RuntimeType::Timestamp => "Timestamp",
            RuntimeType::Blob => "Blob",
            RuntimeType::Document => "Document",
            RuntimeType::BigInteger => "BigInteger",
            RuntimeType::BigDecimal => "BigDecimal",
        }
    }
}

/// A Rust type in generated code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum RustType {
    /// `()`
    Unit,
    Primitive(Primitive),
    /// `::std::string::String`
    String,
    /// `::sesv2_model::Timestamp` and the like.
    Runtime(RuntimeType),
    /// A generated structure, union or enum, by its Rust name.
    Generated(Arc<str>),
    Option(Box<RustType>),
    Vec(Box<RustType>),
    HashMap(Box<RustType>, Box<RustType>),
    Box(Box<RustType>),
}

impl RustType {
    pub fn option(inner: RustType) -> RustType {
        RustType::Option(Box::new(inner))
    }

    pub fn boxed(inner: RustType) -> RustType {
        RustType::Box(Box::new(inner))
    }

    /// `Some(element)` for a `Vec`.
    pub fn element(&self) -> Option<&RustType> {
        match self {
            RustType::Vec(element) => Some(element),
            _ => None,
        }
    }

    /// How many generic types it is made of: `Vec<HashMap<K, V>>` is two.
    pub fn generic_count(&self) -> usize {
        match self {
            RustType::Option(inner) | RustType::Vec(inner) | RustType::Box(inner) => 1 + inner.generic_count(),
            RustType::HashMap(key, value) => 1 + key.generic_count() + value.generic_count(),
            _ => 0,
        }
    }

    /// The type with full paths, named from `scope`, as generated code writes
    /// it; `runtime` is the runtime crate's path (`::sesv2_model`).
    pub fn path<'t>(&'t self, runtime: &'t str, scope: Scope) -> impl fmt::Display + 't {
        Written {
            ty: self,
            style: Style::Full { runtime, scope },
        }
    }

    /// The type as a reader writes it, every path shortened to its last
    /// segment: `Option<String>`, `HashMap<String, Vec<Job>>`.
    pub fn short(&self) -> impl fmt::Display + '_ {
        Written {
            ty: self,
            style: Style::Short,
        }
    }
}

#[derive(Clone, Copy)]
enum Style<'t> {
    Full { runtime: &'t str, scope: Scope },
    Short,
}

struct Written<'t> {
    ty: &'t RustType,
    style: Style<'t>,
}

impl Written<'_> {
    fn inner<'i>(&self, ty: &'i RustType) -> Written<'i>
    where
        Self: 'i,
    {
        Written { ty, style: self.style }
    }

    /// `prefix` in full style, nothing in short style.
    fn prefix(&self, f: &mut fmt::Formatter<'_>, prefix: &str) -> fmt::Result {
        match self.style {
            Style::Full { .. } => f.write_str(prefix),
            Style::Short => Ok(()),
        }
    }
}

impl fmt::Display for Written<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.ty {
            RustType::Unit => f.write_str("()"),
            RustType::Primitive(primitive) => {
                self.prefix(f, "::core::primitive::")?;
                f.write_str(primitive.name())
            }
            RustType::String => {
                self.prefix(f, "::std::string::")?;
                f.write_str("String")
            }
            RustType::Runtime(runtime_type) => {
                if let Style::Full { runtime, .. } = self.style {
                    write!(f, "{runtime}::")?;
                }
                f.write_str(runtime_type.name())
            }
            RustType::Generated(name) => {
                if let Style::Full {
                    scope: Scope::Nested, ..
                } = self.style
                {
                    f.write_str("super::")?;
                }
                f.write_str(name)
            }
            RustType::Option(inner) => {
                self.prefix(f, "::core::option::")?;
                write!(f, "Option<{}>", self.inner(inner))
            }
            RustType::Vec(inner) => {
                self.prefix(f, "::std::vec::")?;
                write!(f, "Vec<{}>", self.inner(inner))
            }
            RustType::Box(inner) => {
                self.prefix(f, "::std::boxed::")?;
                write!(f, "Box<{}>", self.inner(inner))
            }
            RustType::HashMap(key, value) => {
                self.prefix(f, "::std::collections::")?;
                write!(f, "HashMap<{}, {}>", self.inner(key), self.inner(value))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job_map() -> RustType {
        RustType::HashMap(
            Box::new(RustType::String),
            Box::new(RustType::option(RustType::boxed(RustType::Generated("Job".into())))),
        )
    }

    #[test]
    fn full_paths_name_generated_types_from_their_scope() {
        assert_eq!(
            job_map().path("::sesv2_model", Scope::Items).to_string(),
            "::std::collections::HashMap<::std::string::String, ::core::option::Option<::std::boxed::Box<Job>>>"
        );
        assert_eq!(
            RustType::Vec(Box::new(RustType::Generated("Job".into())))
                .path("::rt", Scope::Nested)
                .to_string(),
            "::std::vec::Vec<super::Job>"
        );
        assert_eq!(
            RustType::Runtime(RuntimeType::Timestamp)
                .path("::rt", Scope::Nested)
                .to_string(),
            "::rt::Timestamp"
        );
    }

    #[test]
    fn short_types_keep_only_last_segments() {
        assert_eq!(job_map().short().to_string(), "HashMap<String, Option<Box<Job>>>");
        assert_eq!(RustType::Primitive(Primitive::I32).short().to_string(), "i32");
        assert_eq!(RustType::Unit.short().to_string(), "()");
    }

    #[test]
    fn generic_count_counts_every_generic_type() {
        assert_eq!(job_map().generic_count(), 3);
        assert_eq!(RustType::Vec(Box::new(RustType::String)).generic_count(), 1);
        assert_eq!(RustType::Runtime(RuntimeType::Blob).generic_count(), 0);
    }
}
