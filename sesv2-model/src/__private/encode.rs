//! Encoding in the JSON protocols' wire forms.

use std::collections::HashMap;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer};

use super::TimestampFormat;
use super::decode::MapKey;
use crate::timestamp::{epoch_seconds, text_formats};
use crate::{Blob, Timestamp};

/// Encodes a value of a generated type or of a type generated code uses.
pub trait Encode {
    /// Writes the value in its wire form.
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// Writes the value with timestamps (in it, or it being one) in `format`.
    #[inline]
    fn encode_as<S: Serializer>(&self, serializer: S, format: TimestampFormat) -> Result<S::Ok, S::Error> {
        let _ = format;
        self.encode(serializer)
    }
}

/// Serializes the borrowed value through [`Encode`].
pub struct Encoded<'a, T: ?Sized>(pub &'a T);

impl<T: Encode + ?Sized> Serialize for Encoded<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.encode(serializer)
    }
}

/// Serializes the borrowed value through [`Encode`] with timestamps in a
/// given format (a member's `@timestampFormat`).
pub struct EncodedAs<'a, T: ?Sized>(pub &'a T, pub TimestampFormat);

impl<T: Encode + ?Sized> Serialize for EncodedAs<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.encode_as(serializer, self.1)
    }
}

/// How many of a structure's optional members are set, for the length a
/// serializer is told in advance.
#[inline]
pub fn count_set(set: &[bool]) -> usize {
    set.iter().filter(|set| **set).count()
}

/// Writes a structure's members into a serializer's `SerializeStruct`,
/// keeping the first error: the generated code makes one plain call per
/// member, with no early return to compile after each of them.
pub struct StructWriter<S: SerializeStruct> {
    state: Result<S, S::Error>,
}

impl<S: SerializeStruct> StructWriter<S> {
    /// Writes into `state`, the result of `serialize_struct`.
    #[inline]
    pub fn new(state: Result<S, S::Error>) -> Self {
        StructWriter { state }
    }

    /// Writes a member that is always present.
    #[inline]
    pub fn member<T: Encode + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.write(name, &Encoded(value));
    }

    /// Writes a member that is always present, with timestamps in `format`.
    #[inline]
    pub fn member_as<T: Encode + ?Sized>(&mut self, name: &'static str, value: &T, format: TimestampFormat) {
        self.write(name, &EncodedAs(value, format));
    }

    /// Writes an optional member when it is set.
    #[inline]
    pub fn optional<T: Encode>(&mut self, name: &'static str, value: &Option<T>) {
        if let Some(value) = value {
            self.write(name, &Encoded(value));
        }
    }

    /// Writes an optional member when it is set, with timestamps in `format`.
    #[inline]
    pub fn optional_as<T: Encode>(&mut self, name: &'static str, value: &Option<T>, format: TimestampFormat) {
        if let Some(value) = value {
            self.write(name, &EncodedAs(value, format));
        }
    }

    #[inline]
    fn write<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        if let Ok(state) = &mut self.state
            && let Err(error) = state.serialize_field(name, value)
        {
            self.state = Err(error);
        }
    }

    /// Ends the structure, or returns the first error.
    #[inline]
    pub fn end(self) -> Result<S::Ok, S::Error> {
        self.state?.end()
    }
}

impl Encode for String {
    #[inline]
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl Encode for bool {
    #[inline]
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(*self)
    }
}

macro_rules! encode_integer {
    ($($ty:ty => $method:ident;)*) => {$(
        impl Encode for $ty {
            #[inline]
            fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.$method(*self)
            }
        }
    )*};
}

encode_integer! {
    i8 => serialize_i8;
    i16 => serialize_i16;
    i32 => serialize_i32;
    i64 => serialize_i64;
}

/// The strings JSON protocols use for floats JSON numbers cannot hold.
fn non_finite(value: f64) -> &'static str {
    if value.is_nan() {
        "NaN"
    } else if value > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    }
}

impl Encode for f64 {
    #[inline]
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_finite() {
            serializer.serialize_f64(*self)
        } else {
            serializer.serialize_str(non_finite(*self))
        }
    }
}

impl Encode for f32 {
    #[inline]
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_finite() {
            serializer.serialize_f32(*self)
        } else {
            serializer.serialize_str(non_finite(f64::from(*self)))
        }
    }
}

impl Encode for Timestamp {
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.encode_as(serializer, TimestampFormat::EpochSeconds)
    }

    fn encode_as<S: Serializer>(&self, serializer: S, format: TimestampFormat) -> Result<S::Ok, S::Error> {
        match format {
            TimestampFormat::EpochSeconds => match epoch_seconds::to_wire(self) {
                epoch_seconds::Wire::Integer(secs) => serializer.serialize_i64(secs),
                epoch_seconds::Wire::Fraction(secs) => serializer.serialize_f64(secs),
            },
            TimestampFormat::DateTime => serializer.serialize_str(&text_formats::to_date_time(self)),
            TimestampFormat::HttpDate => serializer.serialize_str(&text_formats::to_http_date(self)),
        }
    }
}

impl Encode for Blob {
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use base64::Engine as _;
        serializer.serialize_str(&base64::engine::general_purpose::STANDARD.encode(self.as_bytes()))
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.encode_as(serializer, TimestampFormat::EpochSeconds)
    }

    fn encode_as<S: Serializer>(&self, serializer: S, format: TimestampFormat) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for element in self {
            seq.serialize_element(&EncodedAs(element, format))?;
        }
        seq.end()
    }
}

impl<K: MapKey, V: Encode> Encode for HashMap<K, V> {
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.encode_as(serializer, TimestampFormat::EpochSeconds)
    }

    fn encode_as<S: Serializer>(&self, serializer: S, format: TimestampFormat) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (key, value) in self {
            map.serialize_entry(key.as_key(), &EncodedAs(value, format))?;
        }
        map.end()
    }
}

/// Elements of sparse lists and values of sparse maps: `None` is `null`.
impl<T: Encode> Encode for Option<T> {
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.encode_as(serializer, TimestampFormat::EpochSeconds)
    }

    fn encode_as<S: Serializer>(&self, serializer: S, format: TimestampFormat) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => value.encode_as(serializer, format),
            None => serializer.serialize_none(),
        }
    }
}

impl<T: Encode + ?Sized> Encode for Box<T> {
    #[inline]
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).encode(serializer)
    }

    #[inline]
    fn encode_as<S: Serializer>(&self, serializer: S, format: TimestampFormat) -> Result<S::Ok, S::Error> {
        (**self).encode_as(serializer, format)
    }
}

impl Encode for serde_json::Value {
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize(serializer)
    }
}

impl Serialize for Timestamp {
    /// Writes epoch seconds, the form JSON protocols use by default.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.encode(serializer)
    }
}

impl Serialize for Blob {
    /// Writes a base64 string.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.encode(serializer)
    }
}
