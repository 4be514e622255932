//! The serde impls every generated type has: `Encode` with `Serialize`
//! through it, and `Decode` with `Deserialize` through one of the runtime's
//! decoding functions.

use super::Emitter;

impl Emitter<'_> {
    /// `Encode` with `body` (which writes `self` to `serializer`), and
    /// `Serialize` through it.
    pub(super) fn encode_impls(&self, name: &str, body: &str, out: &mut String) {
        let (private, serde) = (&self.private, &self.serde);
        emit!(
            out,
            "impl {private}::Encode for {name} {{\n\
             fn encode<__S: {serde}::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {{\n\
             {body}\n}}\n}}\n\
             impl {serde}::Serialize for {name} {{\n\
             fn serialize<__S: {serde}::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {{\n\
             {private}::Encode::encode(self, serializer)\n}}\n}}\n"
        );
    }

    /// `Decode` and `Deserialize` through the runtime's `function`
    /// (`decode_structure`, `decode_enum`, ...).
    pub(super) fn decode_impls(&self, name: &str, function: &str, out: &mut String) {
        let (private, serde) = (&self.private, &self.serde);
        emit!(
            out,
            "impl<'de> {private}::Decode<'de> for {name} {{\n\
             fn decode<__D: {serde}::Deserializer<'de>>(deserializer: __D, at: {private}::At) -> ::core::result::Result<Self, __D::Error> {{\n\
             {private}::{function}(deserializer, at)\n}}\n}}\n\
             impl<'de> {serde}::Deserialize<'de> for {name} {{\n\
             fn deserialize<__D: {serde}::Deserializer<'de>>(deserializer: __D) -> ::core::result::Result<Self, __D::Error> {{\n\
             {private}::{function}(deserializer, {private}::At::TOP)\n}}\n}}\n"
        );
    }
}
