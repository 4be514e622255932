//! The decoding scaffolding every generated type shares, so that generated
//! code only says what is particular to its type: the visitors live here.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Unexpected, Visitor};

use super::decode::At;
use super::union::UnionSet;
use super::{Decode, UnionKey, UnionKeySeed};

/// A generated structure's members, read from a JSON object.
pub trait DecodeFields: Sized {
    /// What the value is, for messages: ``an `ImportDataSource` object``.
    const EXPECTING: &'static str;

    /// The index of the member with this wire name among those the JSON
    /// body holds, or an index past them for a name the model does not know.
    fn member_index(name: &str) -> usize {
        let _ = name;
        usize::MAX
    }

    /// Reads the members from the object's entries.
    fn decode_fields<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// Seed that reads an object key and returns [`DecodeFields::member_index`]
/// of it, without allocating.
pub struct FieldSeed<T>(PhantomData<fn() -> T>);

impl<T> FieldSeed<T> {
    /// The seed for `T`'s member names.
    #[inline]
    pub fn new() -> Self {
        FieldSeed(PhantomData)
    }
}

impl<T> Default for FieldSeed<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, T: DecodeFields> DeserializeSeed<'de> for FieldSeed<T> {
    type Value = usize;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de, T: DecodeFields> Visitor<'de> for FieldSeed<T> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, key: &str) -> Result<usize, E> {
        Ok(T::member_index(key))
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<usize, E> {
        // Member names are UTF-8; other bytes name no member.
        Ok(std::str::from_utf8(key).map_or(usize::MAX, T::member_index))
    }
}

/// Decodes a generated structure found at `at`.
#[inline]
pub fn decode_structure<'de, T: DecodeFields, D: Deserializer<'de>>(deserializer: D, at: At) -> Result<T, D::Error> {
    deserializer.deserialize_map(StructureVisitor::<T>(at, PhantomData))
}

struct StructureVisitor<T>(At, PhantomData<T>);

impl<'de, T: DecodeFields> Visitor<'de> for StructureVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f, T::EXPECTING)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::decode_fields(map)
    }
}

/// Reads the value of the member at `at` into its slot: `null` is absent.
/// One call per member keeps each generated `decode_fields` small.
#[inline]
pub fn read_member<'de, A: MapAccess<'de>, T: Decode<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    at: At,
) -> Result<(), A::Error> {
    *slot = map.next_value_seed(super::Member::new(at))?;
    Ok(())
}

/// Skips the value of a key the model does not know.
#[inline]
pub fn skip_value<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<de::IgnoredAny>().map(drop)
}

/// A generated enum: its conversions from the wire string.
pub trait EnumValue: for<'a> From<&'a str> + From<String> {
    /// What the value is, for messages: ``a `JobStatus` string``.
    const EXPECTING: &'static str;
}

/// Decodes a generated enum found at `at`: any string, known or not.
#[inline]
pub fn decode_enum<'de, T: EnumValue, D: Deserializer<'de>>(deserializer: D, at: At) -> Result<T, D::Error> {
    deserializer.deserialize_str(EnumVisitor::<T>(at, PhantomData))
}

struct EnumVisitor<T>(At, PhantomData<T>);

impl<'de, T: EnumValue> Visitor<'de> for EnumVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f, T::EXPECTING)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        Ok(T::from(value))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<T, E> {
        Ok(T::from(value))
    }
}

/// A generated int enum: its conversion from the wire number.
pub trait IntEnumValue: From<i32> {
    /// What the value is, for messages: ``a `Priority` integer``.
    const EXPECTING: &'static str;
}

/// Decodes a generated int enum found at `at`: any 32-bit integer.
pub fn decode_int_enum<'de, T: IntEnumValue, D: Deserializer<'de>>(deserializer: D, at: At) -> Result<T, D::Error> {
    deserializer.deserialize_i32(IntEnumVisitor::<T>(at, PhantomData))
}

struct IntEnumVisitor<T>(At, PhantomData<T>);

impl<'de, T: IntEnumValue> Visitor<'de> for IntEnumVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f, T::EXPECTING)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<T, E> {
        i32::try_from(value)
            .map(T::from)
            .map_err(|_| E::invalid_value(Unexpected::Signed(value), &self))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<T, E> {
        i32::try_from(value)
            .map(T::from)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &self))
    }
}

/// A generated union's members, read one at a time.
pub trait DecodeUnion: Sized {
    /// What the value is, for messages: ``a `Shape` object with exactly one member set``.
    const EXPECTING: &'static str;
    /// The Rust name, for messages.
    const NAME: &'static str;
    /// The members' wire names, in model order.
    const MEMBERS: &'static [&'static str];

    /// Reads the value of the member at `index` of [`MEMBERS`](Self::MEMBERS);
    /// `None` when it is `null`.
    fn decode_member<'de, A: MapAccess<'de>>(index: usize, map: &mut A) -> Result<Option<Self>, A::Error>;

    /// Keeps a member the model does not know, with its JSON value.
    fn unknown(name: String, value: serde_json::Value) -> Self;
}

/// Decodes a generated union found at `at`: exactly one member set (members
/// set to `null` and protocol metadata such as `__type` do not count).
pub fn decode_union<'de, T: DecodeUnion, D: Deserializer<'de>>(deserializer: D, at: At) -> Result<T, D::Error> {
    deserializer.deserialize_map(UnionVisitor::<T>(at, PhantomData))
}

struct UnionVisitor<T>(At, PhantomData<T>);

impl<'de, T: DecodeUnion> Visitor<'de> for UnionVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f, T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut set = UnionSet::new(T::NAME, self.0);
        while let Some(key) = map.next_key_seed(UnionKeySeed(T::MEMBERS))? {
            let value = match key {
                UnionKey::Known(index) => T::decode_member(index, &mut map)?,
                UnionKey::Unknown(name) if super::is_union_metadata(&name) => {
                    map.next_value::<de::IgnoredAny>()?;
                    None
                }
                UnionKey::Unknown(name) => {
                    let value: Option<serde_json::Value> = map.next_value_seed(super::Member::new(self.0))?;
                    value.map(|value| T::unknown(name, value))
                }
            };
            set.offer(value)?;
        }
        set.finish()
    }
}

impl<'de> Decode<'de> for super::Unit {
    fn decode<D: Deserializer<'de>>(deserializer: D, _at: At) -> Result<Self, D::Error> {
        serde::Deserialize::deserialize(deserializer).map(|de::IgnoredAny| super::Unit)
    }
}
