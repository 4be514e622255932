//! What generated code calls. Not a public API: it follows the generator's
//! version and changes without notice.

pub mod compliance;
mod correct;
mod decode;
pub(crate) mod digest;
mod encode;
#[cfg(feature = "client")]
pub mod endpoint;
mod header;
pub(crate) mod http;
mod request;
mod response;
mod shapes;
mod union;

pub use correct::Correct;
pub use decode::{At, Decode, Element, MapKey, Member, Place, UnionKey, UnionKeySeed, first_missing};
pub use encode::{Encode, Encoded, EncodedAs, StructWriter, count_set};
pub use header::{FromHttpText, int_enum_from_http};
pub use http::{HttpText, QueryParamValue, UriWriter};
pub use request::RequestWriter;
pub use response::{ReadError, ReadResponse, ResponseParts, modeled_error, parse_parts, unhandled_response};
pub use serde;
pub use serde_json;
pub use shapes::{
    DecodeFields, DecodeUnion, EnumValue, FieldSeed, IntEnumValue, decode_enum, decode_int_enum, decode_structure,
    decode_union, read_member, skip_value,
};
pub use union::{UnionSet, Unit, is_union_metadata};

use crate::{UnknownMember, UnknownValue};

/// How a timestamp is written: Smithy's `@timestampFormat` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampFormat {
    /// Seconds since the Unix epoch as a number (`1700000000.123`).
    EpochSeconds,
    /// RFC 3339 in UTC (`2023-11-14T22:13:20.123Z`).
    DateTime,
    /// The IMF-fixdate of RFC 9110 (`Tue, 14 Nov 2023 22:13:20 GMT`).
    HttpDate,
}

/// The fallback value of a generated enum.
pub fn unknown_value(value: impl Into<compact_str::CompactString>) -> UnknownValue {
    UnknownValue::new(value.into())
}

/// The fallback value of a generated int enum.
pub fn unknown_int_value(value: i32) -> crate::UnknownIntValue {
    crate::UnknownIntValue::new(value)
}

/// A `@default` big integer, whose text the generator checked.
pub fn big_integer(text: &str) -> crate::BigInteger {
    text.parse().unwrap_or_else(|_| crate::BigInteger::from(0_i64))
}

/// A `@default` big decimal, whose text the generator checked.
pub fn big_decimal(text: &str) -> crate::BigDecimal {
    text.parse().unwrap_or_else(|_| crate::BigDecimal::from(0_i64))
}

/// A `@default` timestamp in epoch seconds; outside the supported range
/// (which a valid model does not use) it is the epoch.
pub fn timestamp_or_epoch(secs: i64) -> crate::Timestamp {
    crate::Timestamp::from_secs(secs).unwrap_or(crate::Timestamp::UNIX_EPOCH)
}

/// What `Debug` shows instead of a `@sensitive` value.
pub const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// The fallback value of a generated union.
pub fn unknown_member(name: String, value: serde_json::Value) -> UnknownMember {
    UnknownMember::new(name, value)
}
