//! [`BigInteger`] and [`BigDecimal`]: arbitrary-precision numbers kept as the
//! exact decimal text the service sent, never passed through `f64`.

use std::fmt;
use std::str::FromStr;

/// Why a text is not a [`BigInteger`] or [`BigDecimal`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigNumberError {
    text: String,
    expected: &'static str,
}

impl fmt::Display for BigNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not {}", self.text, self.expected)
    }
}

impl std::error::Error for BigNumberError {}

/// `-?digits`, with no leading zeros beyond a lone `0`.
fn is_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && (digits == "0" || !digits.starts_with('0'))
}

/// A JSON number: `-?int(.digits)?([eE][+-]?digits)?`.
fn is_json_number(text: &str) -> bool {
    let rest = text.strip_prefix('-').unwrap_or(text);
    let int_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    if int_len == 0 || (int_len > 1 && rest.starts_with('0')) {
        return false;
    }
    let mut rest = &rest[int_len..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        rest = &fraction[digits..];
    }
    if let Some(exponent) = rest.strip_prefix(['e', 'E']) {
        let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        let digits = exponent.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        rest = &exponent[digits..];
    }
    rest.is_empty()
}

macro_rules! big_number {
    ($(#[$doc:meta])* $name:ident, $check:ident, $expected:literal) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub struct $name(String);

        impl $name {
            /// The exact decimal text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = BigNumberError;

            fn from_str(text: &str) -> Result<Self, BigNumberError> {
                if $check(text) {
                    Ok($name(text.to_owned()))
                } else {
                    Err(BigNumberError {
                        text: text.to_owned(),
                        expected: $expected,
                    })
                }
            }
        }

        impl From<i64> for $name {
            fn from(value: i64) -> Self {
                $name(value.to_string())
            }
        }

        impl From<u64> for $name {
            fn from(value: u64) -> Self {
                $name(value.to_string())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

big_number!(
    /// An integer of any size, as a Smithy `bigInteger` holds it.
    ///
    /// It keeps the decimal text exactly; parse it with the big-number crate
    /// of your choice.
    ///
    /// ```
    /// use sesv2_model::BigInteger;
    ///
    /// let n: BigInteger = "123456789012345678901234567890".parse()?;
    /// assert_eq!(serde_json::to_string(&n)?, "123456789012345678901234567890");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    BigInteger,
    is_integer,
    "an integer"
);

big_number!(
    /// A decimal of any size and precision, as a Smithy `bigDecimal` holds it.
    ///
    /// It keeps the decimal text exactly (`0.1` stays `0.1`, exponents stay as
    /// written); parse it with the decimal crate of your choice.
    ///
    /// ```
    /// use sesv2_model::BigDecimal;
    ///
    /// let n: BigDecimal = serde_json::from_str("3.14159265358979323846264338327950288")?;
    /// assert_eq!(n.as_str(), "3.14159265358979323846264338327950288");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    BigDecimal,
    is_json_number,
    "a decimal number"
);

pub(crate) mod wire {
    use std::fmt;

    use serde::de::{self, Deserializer, MapAccess, Unexpected, Visitor};
    use serde::ser::{Serialize, Serializer};
    use serde_json::value::RawValue;

    use super::{BigDecimal, BigInteger, is_integer, is_json_number};
    use crate::__private::{At, Decode, Encode, Place};

    /// serde_json's name for raw JSON text (its `raw_value` feature): asking a
    /// serde_json deserializer for it yields the number's exact text.
    const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

    struct NumberText {
        at: At,
        what: &'static str,
        check: fn(&str) -> bool,
    }

    impl NumberText {
        fn accept<E: de::Error>(&self, text: &str) -> Result<String, E> {
            if (self.check)(text) {
                Ok(text.to_owned())
            } else {
                Err(E::invalid_value(Unexpected::Other(text), self))
            }
        }
    }

    impl<'de> Visitor<'de> for NumberText {
        type Value = String;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.at.expecting(f, self.what)
        }

        /// serde_json hands raw text over as a one-entry map.
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<String, A::Error> {
            if map.next_key::<de::IgnoredAny>()?.is_none() {
                return Err(de::Error::invalid_length(0, &self));
            }
            let raw: String = map.next_value()?;
            self.accept(raw.trim())
        }

        /// Other deserializers: the best their data model allows.
        fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
            deserializer.deserialize_any(self)
        }

        fn visit_i64<E: de::Error>(self, value: i64) -> Result<String, E> {
            self.accept(&value.to_string())
        }

        fn visit_u64<E: de::Error>(self, value: u64) -> Result<String, E> {
            self.accept(&value.to_string())
        }

        fn visit_f64<E: de::Error>(self, value: f64) -> Result<String, E> {
            if value.is_finite() {
                self.accept(&format!("{value:?}"))
            } else {
                Err(E::invalid_value(Unexpected::Float(value), &self))
            }
        }
    }

    fn decode<'de, D: Deserializer<'de>>(
        deserializer: D,
        at: At,
        what: &'static str,
        check: fn(&str) -> bool,
    ) -> Result<String, D::Error> {
        deserializer.deserialize_newtype_struct(RAW_VALUE_TOKEN, NumberText { at, what, check })
    }

    /// Writes the text as a JSON number; with serde_json it is exact.
    fn encode<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
        match RawValue::from_string(text.to_owned()) {
            Ok(raw) => raw.serialize(serializer),
            Err(error) => Err(serde::ser::Error::custom(error)),
        }
    }

    impl<'de> Decode<'de> for BigInteger {
        fn decode<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Self, D::Error> {
            decode(deserializer, at, "an integer", is_integer).map(BigInteger)
        }
    }

    impl<'de> Decode<'de> for BigDecimal {
        fn decode<D: Deserializer<'de>>(deserializer: D, at: At) -> Result<Self, D::Error> {
            decode(deserializer, at, "a number", is_json_number).map(BigDecimal)
        }
    }

    impl Encode for BigInteger {
        fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            encode(&self.0, serializer)
        }
    }

    impl Encode for BigDecimal {
        fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            encode(&self.0, serializer)
        }
    }

    macro_rules! serde_through_wire {
        ($($name:ident),*) => {$(
            impl Serialize for $name {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    self.encode(serializer)
                }
            }

            impl<'de> serde::Deserialize<'de> for $name {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    <$name as Decode<'de>>::decode(deserializer, &Place::TOP)
                }
            }
        )*};
    }

    serde_through_wire!(BigInteger, BigDecimal);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_numbers_round_trip_exactly_through_json() {
        let body = r#"[123456789012345678901234567890, -0.000000000000000000000000001, 1E400]"#;
        let decimals: Vec<BigDecimal> = serde_json::from_str(body).unwrap();
        assert_eq!(decimals[0].as_str(), "123456789012345678901234567890");
        assert_eq!(decimals[1].as_str(), "-0.000000000000000000000000001");
        assert_eq!(decimals[2].as_str(), "1E400");
        assert_eq!(serde_json::to_string(&decimals).unwrap(), body.replace(", ", ","));
        let integer: BigInteger = serde_json::from_str("98765432109876543210").unwrap();
        assert_eq!(integer.to_string(), "98765432109876543210");
    }

    #[test]
    fn non_numbers_are_rejected() {
        assert!(serde_json::from_str::<BigInteger>("1.5").is_err());
        assert!(serde_json::from_str::<BigInteger>("\"12\"").is_err());
        assert!(serde_json::from_str::<BigDecimal>("true").is_err());
        assert!("01".parse::<BigInteger>().is_err());
        assert!("1.".parse::<BigDecimal>().is_err());
        assert!("-2.5e-3".parse::<BigDecimal>().is_ok());
    }

    #[test]
    fn values_from_other_deserializers_are_accepted_as_they_come() {
        let value = serde_json::json!(12);
        let integer: BigInteger = serde_json::from_value(value).unwrap();
        assert_eq!(integer.as_str(), "12");
    }
}
