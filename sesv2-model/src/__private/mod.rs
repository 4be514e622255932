//! What generated code calls. Not a public API: it follows the generator's
//! version and changes without notice.

mod correct;
mod decode;
mod encode;
mod union;

pub use correct::Correct;
pub use decode::{
    At, Decode, Element, FieldSeed, MapKey, Member, UnionKey, UnionKeySeed, required,
};
pub use encode::{Encode, Encoded};
pub use serde;
pub use serde_json;
pub use union::{UnionSet, Unit, is_union_metadata};

use crate::{UnknownMember, UnknownValue};

/// The fallback value of a generated enum.
pub fn unknown_value(value: impl Into<String>) -> UnknownValue {
    UnknownValue::new(value.into())
}

/// The fallback value of a generated union.
pub fn unknown_member(name: String, value: serde_json::Value) -> UnknownMember {
    UnknownMember::new(name, value)
}
