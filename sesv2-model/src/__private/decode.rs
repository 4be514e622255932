//! Decoding with the location of every value, so that a malformed response
//! is reported as `expected a 32-bit integer for GetImportJobResponse.FailedRecordsCount`.

use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};

use super::TimestampFormat;
use crate::timestamp::{epoch_seconds, text_formats};
use crate::{Blob, Timestamp};

/// Where a value sits (a member of a generated type, or the top level), and
/// how timestamps there are written. Generated code keeps its places in
/// constants, so that decoding passes one pointer down, not the whole place.
#[derive(Debug)]
pub struct Place {
    type_name: &'static str,
    member: &'static str,
    format: TimestampFormat,
}

/// A [`Place`], as decoding passes it along.
pub type At = &'static Place;

impl Place {
    /// A value decoded on its own.
    pub const TOP: Place = Place {
        type_name: "",
        member: "",
        format: TimestampFormat::EpochSeconds,
    };

    /// The value of `member` (its wire name) in the generated type `type_name`.
    pub const fn member(type_name: &'static str, member: &'static str) -> Place {
        Place {
            type_name,
            member,
            format: TimestampFormat::EpochSeconds,
        }
    }

    /// The same place, with timestamps in `format`.
    pub const fn with_format(self, format: TimestampFormat) -> Place {
        Place { format, ..self }
    }

    /// How timestamps are written here.
    pub fn format(&self) -> TimestampFormat {
        self.format
    }

    /// Writes what a visitor expects, followed by where: `a string for `T.M``.
    pub fn expecting(&self, f: &mut fmt::Formatter<'_>, what: &str) -> fmt::Result {
        f.write_str(what)?;
        self.describe(f)
    }

    /// Writes ` for `Type.Member`` (nothing at the top level).
    pub(crate) fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.type_name.is_empty() {
            Ok(())
        } else {
            write!(f, " for `{}.{}`", self.type_name, self.member)
        }
    }
}

/// Decodes a value of a generated type or of a type generated code uses.
pub trait Decode<'de>: Sized {
    /// Decodes a value found at `at`.
    fn decode<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Self, D::Error>;

    /// Decodes an element of a list or a value of a map: `None` is a `null`
    /// that a dense collection drops.
    fn decode_element<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Option<Self>, D::Error> {
        deserializer.deserialize_option(OptionVisitor::<Self>::new(at))
    }
}

struct OptionVisitor<T> {
    at: At,
    marker: PhantomData<T>,
}

impl<T> OptionVisitor<T> {
    fn new(at: At) -> Self {
        OptionVisitor {
            at,
            marker: PhantomData,
        }
    }
}

impl<'de, T: Decode<'de>> Visitor<'de> for OptionVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.at.expecting(f, "a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        T::decode(deserializer, self.at).map(Some)
    }
}

/// Seed for a structure member's value: `null` reads as absent.
pub struct Member<T> {
    at: At,
    marker: PhantomData<T>,
}

impl<T> Member<T> {
    /// A seed for the member described by `at`.
    pub const fn new(at: At) -> Self {
        Member {
            at,
            marker: PhantomData,
        }
    }
}

impl<'de, T: Decode<'de>> DeserializeSeed<'de> for Member<T> {
    type Value = Option<T>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_option(OptionVisitor::<T>::new(self.at))
    }
}

/// Seed for a list element or map value; see [`Decode::decode_element`].
pub struct Element<T> {
    at: At,
    marker: PhantomData<T>,
}

impl<T> Element<T> {
    /// A seed for elements of the collection described by `at`.
    pub const fn new(at: At) -> Self {
        Element {
            at,
            marker: PhantomData,
        }
    }
}

impl<'de, T: Decode<'de>> DeserializeSeed<'de> for Element<T> {
    type Value = Option<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        T::decode_element(deserializer, self.at)
    }
}

/// The error for the first required member that is missing, given
/// `(missing, place)` for each in member order.
pub fn first_missing<E: de::Error>(members: &[(bool, At)]) -> E {
    let missing = members.iter().find(|(missing, _)| *missing).or_else(|| members.first());
    match missing {
        Some((_, at)) => E::custom(format_args!(
            "missing required member `{}` of `{}`",
            at.member, at.type_name
        )),
        None => E::custom("missing required member"),
    }
}

/// A union's member key: the index of a known member, or the unknown name.
pub enum UnionKey {
    /// The index among the union's wire names.
    Known(usize),
    /// A member the model does not know.
    Unknown(String),
}

/// Seed that reads a union's member key.
pub struct UnionKeySeed(pub &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for UnionKeySeed {
    type Value = UnionKey;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<UnionKey, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for UnionKeySeed {
    type Value = UnionKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<UnionKey, E> {
        Ok(match self.0.iter().position(|name| *name == key) {
            Some(index) => UnionKey::Known(index),
            None => UnionKey::Unknown(key.to_owned()),
        })
    }
}

/// A type that can be a map key: its wire form is a string.
pub trait MapKey: Sized + Eq + Hash {
    /// The key read from the wire.
    fn from_key(key: String) -> Self;
    /// The key as written to the wire.
    fn as_key(&self) -> &str;
}

impl MapKey for String {
    fn from_key(key: String) -> Self {
        key
    }

    fn as_key(&self) -> &str {
        self
    }
}

struct StringVisitor(At);

impl<'de> Visitor<'de> for StringVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f, "a string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        Ok(value.to_owned())
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<String, E> {
        Ok(value)
    }
}

impl<'de> Decode<'de> for String {
    fn decode<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Self, D::Error> {
        deserializer.deserialize_string(StringVisitor(at))
    }
}

struct BoolVisitor(At);

impl<'de> Visitor<'de> for BoolVisitor {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f, "a boolean")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<bool, E> {
        Ok(value)
    }
}

impl<'de> Decode<'de> for bool {
    fn decode<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Self, D::Error> {
        deserializer.deserialize_bool(BoolVisitor(at))
    }
}

struct IntegerVisitor<T> {
    at: At,
    what: &'static str,
    marker: PhantomData<T>,
}

impl<'de, T: TryFrom<i64> + TryFrom<u64>> Visitor<'de> for IntegerVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.at.expecting(f, self.what)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<T, E> {
        T::try_from(value).map_err(|_| E::invalid_value(Unexpected::Signed(value), &self))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<T, E> {
        T::try_from(value).map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &self))
    }
}

macro_rules! decode_integer {
    ($($ty:ty => $method:ident, $what:literal;)*) => {$(
        impl<'de> Decode<'de> for $ty {
            fn decode<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Self, D::Error> {
                deserializer.$method(IntegerVisitor::<$ty> { at, what: $what, marker: PhantomData })
            }
        }
    )*};
}

decode_integer! {
    i8 => deserialize_i8, "an 8-bit integer";
    i16 => deserialize_i16, "a 16-bit integer";
    i32 => deserialize_i32, "a 32-bit integer";
    i64 => deserialize_i64, "a 64-bit integer";
}

/// Floats are JSON numbers, or the strings `NaN`, `Infinity` and `-Infinity`.
struct FloatVisitor(At);

impl<'de> Visitor<'de> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f, "a number, \"NaN\", \"Infinity\" or \"-Infinity\"")
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<f64, E> {
        Ok(value)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<f64, E> {
        match value {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => Err(E::invalid_value(Unexpected::Str(value), &self)),
        }
    }
}

impl<'de> Decode<'de> for f64 {
    fn decode<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FloatVisitor(at))
    }
}

impl<'de> Decode<'de> for f32 {
    fn decode<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Self, D::Error> {
        let value = deserializer.deserialize_any(FloatVisitor(at))?;
        let narrow = value as f32;
        // A finite number beyond `f32::MAX` would become infinity: an error,
        // as an integer out of its range is.
        if narrow.is_infinite() && value.is_finite() {
            return Err(de::Error::invalid_value(Unexpected::Float(value), &Float32(at)));
        }
        Ok(narrow)
    }
}

/// What a 32-bit float member expects, for messages.
struct Float32(At);

impl de::Expected for Float32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f, "a 32-bit float")
    }
}

struct TimestampVisitor(At);

impl TimestampVisitor {
    fn checked<E: de::Error>(
        &self,
        result: Result<Timestamp, crate::TimestampError>,
        unexpected: Unexpected<'_>,
    ) -> Result<Timestamp, E> {
        result.map_err(|_| E::invalid_value(unexpected, self))
    }
}

impl<'de> Visitor<'de> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.0.format {
            TimestampFormat::EpochSeconds => "a timestamp in seconds since the Unix epoch (years -9999 to 9999)",
            TimestampFormat::DateTime => "an RFC 3339 date-time string",
            TimestampFormat::HttpDate => "an HTTP date string",
        };
        self.0.expecting(f, what)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Timestamp, E> {
        if self.0.format != TimestampFormat::EpochSeconds {
            return Err(E::invalid_type(Unexpected::Signed(value), &self));
        }
        self.checked(Timestamp::from_secs(value), Unexpected::Signed(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Timestamp, E> {
        match i64::try_from(value) {
            Ok(secs) if self.0.format == TimestampFormat::EpochSeconds => {
                self.checked(Timestamp::from_secs(secs), Unexpected::Unsigned(value))
            }
            Ok(_) => Err(E::invalid_type(Unexpected::Unsigned(value), &self)),
            Err(_) => Err(E::invalid_value(Unexpected::Unsigned(value), &self)),
        }
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Timestamp, E> {
        if self.0.format != TimestampFormat::EpochSeconds {
            return Err(E::invalid_type(Unexpected::Float(value), &self));
        }
        self.checked(epoch_seconds::from_f64(value), Unexpected::Float(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Timestamp, E> {
        let parsed = match self.0.format {
            TimestampFormat::EpochSeconds => {
                return Err(E::invalid_type(Unexpected::Str(value), &self));
            }
            TimestampFormat::DateTime => text_formats::from_date_time(value),
            TimestampFormat::HttpDate => text_formats::from_http_date(value),
        };
        self.checked(parsed, Unexpected::Str(value))
    }
}

impl<'de> Decode<'de> for Timestamp {
    fn decode<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Self, D::Error> {
        // Asking for what the format says takes the reader's direct path
        // (and suits readers that are not self-describing).
        match at.format {
            TimestampFormat::EpochSeconds => deserializer.deserialize_f64(TimestampVisitor(at)),
            TimestampFormat::DateTime | TimestampFormat::HttpDate => deserializer.deserialize_str(TimestampVisitor(at)),
        }
    }
}

struct Base64Visitor(At);

impl<'de> Visitor<'de> for Base64Visitor {
    type Value = Blob;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f, "a base64 string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Blob, E> {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD_PAD_INDIFFERENT
            .decode(value)
            .map(Blob::from)
            .map_err(|_| E::invalid_value(Unexpected::Str(value), &self))
    }
}

impl<'de> Decode<'de> for Blob {
    fn decode<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Self, D::Error> {
        deserializer.deserialize_str(Base64Visitor(at))
    }
}

/// Keeps a hostile size hint from reserving memory the input never fills.
const MAX_PREALLOCATION: usize = 1024;

struct ListVisitor<T> {
    at: At,
    marker: PhantomData<T>,
}

impl<'de, T: Decode<'de>> Visitor<'de> for ListVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.at.expecting(f, "a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_PREALLOCATION));
        while let Some(element) = seq.next_element_seed(Element::<T>::new(self.at))? {
            if let Some(element) = element {
                list.push(element);
            }
        }
        Ok(list)
    }
}

impl<'de, T: Decode<'de>> Decode<'de> for Vec<T> {
    fn decode<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(ListVisitor {
            at,
            marker: PhantomData,
        })
    }
}

struct KeySeed<K>(PhantomData<K>);

impl<'de, K: MapKey> DeserializeSeed<'de> for KeySeed<K> {
    type Value = K;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K, D::Error> {
        String::decode(deserializer, &Place::TOP).map(K::from_key)
    }
}

struct MapVisitor<K, V> {
    at: At,
    marker: PhantomData<(K, V)>,
}

impl<'de, K: MapKey, V: Decode<'de>> Visitor<'de> for MapVisitor<K, V> {
    type Value = HashMap<K, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.at.expecting(f, "a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<HashMap<K, V>, A::Error> {
        let mut entries = HashMap::with_capacity(map.size_hint().unwrap_or(0).min(MAX_PREALLOCATION));
        while let Some(key) = map.next_key_seed(KeySeed::<K>(PhantomData))? {
            if let Some(value) = map.next_value_seed(Element::<V>::new(self.at))? {
                entries.insert(key, value);
            }
        }
        Ok(entries)
    }
}

impl<'de, K: MapKey, V: Decode<'de>> Decode<'de> for HashMap<K, V> {
    fn decode<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MapVisitor {
            at,
            marker: PhantomData,
        })
    }
}

/// Elements of sparse lists and values of sparse maps: `null` is kept.
impl<'de, T: Decode<'de>> Decode<'de> for Option<T> {
    fn decode<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Self, D::Error> {
        deserializer.deserialize_option(OptionVisitor::<T>::new(at))
    }

    fn decode_element<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Option<Self>, D::Error> {
        Self::decode(deserializer, at).map(Some)
    }
}

impl<'de, T: Decode<'de>> Decode<'de> for Box<T> {
    fn decode<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Self, D::Error> {
        T::decode(deserializer, at).map(Box::new)
    }
}

impl<'de> Decode<'de> for serde_json::Value {
    fn decode<D: Deserializer<'de>>(deserializer: D, _at: At) -> Result<Self, D::Error> {
        serde::Deserialize::deserialize(deserializer)
    }

    fn decode_element<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Option<Self>, D::Error> {
        Self::decode(deserializer, at).map(Some)
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    /// Reads epoch seconds, the form JSON protocols use by default.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Timestamp::decode(deserializer, &Place::TOP)
    }
}

impl<'de> serde::Deserialize<'de> for Blob {
    /// Reads a base64 string.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Blob::decode(deserializer, &Place::TOP)
    }
}
