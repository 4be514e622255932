//! Values in HTTP headers, query strings and text payloads read back:
//! list splitting with quoted strings, and the text forms of each type.

use super::TimestampFormat;
use super::shapes::{EnumValue, IntEnumValue};
use crate::timestamp;
use crate::{BigDecimal, BigInteger, Blob, Timestamp};

/// Appends `element` to a header list, in double quotes (with `"` and `\`
/// escaped) when a comma, a quote or outer whitespace would change it.
pub(super) fn quote_list_element(element: &str, out: &mut String) {
    let needs_quotes = element.contains([',', '"']) || element.trim() != element;
    if !needs_quotes {
        out.push_str(element);
        return;
    }
    out.push('"');
    for char in element.chars() {
        if matches!(char, '"' | '\\') {
            out.push('\\');
        }
        out.push(char);
    }
    out.push('"');
}

/// The elements of a header list: split at commas outside double quotes,
/// trimmed, and unquoted. HTTP dates contain a comma of their own, so with
/// `http_dates` every second comma separates.
pub(super) fn split_list(text: &str, http_dates: bool) -> Result<Vec<String>, String> {
    if http_dates {
        let pieces: Vec<&str> = text.split(',').collect();
        return Ok(pieces
            .chunks(2)
            .map(|pair| pair.join(",").trim().to_owned())
            .filter(|date| !date.is_empty())
            .collect());
    }
    let mut elements = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|char| *char == ' ' || *char == '\t').is_some() {}
        let mut element = String::new();
        if chars.next_if_eq(&'"').is_some() {
            loop {
                match chars.next() {
                    Some('"') => break,
                    Some('\\') => element.extend(chars.next()),
                    Some(char) => element.push(char),
                    None => return Err(format!("the list `{text}` has an unclosed quote")),
                }
            }
            while chars.next_if(|char| *char != ',').is_some() {}
        } else {
            while let Some(char) = chars.next_if(|char| *char != ',') {
                element.push(char);
            }
            element.truncate(element.trim_end().len());
        }
        elements.push(element);
        if chars.next().is_none() {
            return Ok(elements);
        }
    }
}

/// A type read from header (or query, or text payload) text.
pub trait FromHttpText: Sized {
    /// Timestamps, whose HTTP dates contain commas in header lists.
    const IS_TIMESTAMP: bool = false;

    /// Reads `text`; timestamps in `format`.
    fn from_http(text: &str, format: TimestampFormat) -> Result<Self, String>;
}

impl FromHttpText for String {
    fn from_http(text: &str, _format: TimestampFormat) -> Result<Self, String> {
        Ok(text.to_owned())
    }
}

impl FromHttpText for bool {
    fn from_http(text: &str, _format: TimestampFormat) -> Result<Self, String> {
        match text {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(format!("`{text}` is not a boolean (`true` or `false`)")),
        }
    }
}

macro_rules! from_http_parse {
    ($($ty:ty => $what:literal),*) => {$(
        impl FromHttpText for $ty {
            fn from_http(text: &str, _format: TimestampFormat) -> Result<Self, String> {
                text.parse().map_err(|_| format!("`{text}` is not {}", $what))
            }
        }
    )*};
}

from_http_parse!(
    i8 => "a byte (-128 to 127)",
    i16 => "a short (-32768 to 32767)",
    i32 => "a 32-bit integer",
    i64 => "a 64-bit integer",
    BigInteger => "an integer",
    BigDecimal => "a decimal number"
);

macro_rules! from_http_float {
    ($($ty:ty),*) => {$(
        impl FromHttpText for $ty {
            fn from_http(text: &str, _format: TimestampFormat) -> Result<Self, String> {
                match text {
                    "NaN" => Ok(<$ty>::NAN),
                    "Infinity" => Ok(<$ty>::INFINITY),
                    "-Infinity" => Ok(<$ty>::NEG_INFINITY),
                    // Rust also reads `inf` and `nan`, which Smithy does not write.
                    _ if text.bytes().any(|byte| byte.is_ascii_alphabetic() && !matches!(byte, b'e' | b'E')) => {
                        Err(format!("`{text}` is not a number"))
                    }
                    _ => text.parse().map_err(|_| format!("`{text}` is not a number")),
                }
            }
        }
    )*};
}

from_http_float!(f32, f64);

impl FromHttpText for Timestamp {
    const IS_TIMESTAMP: bool = true;

    fn from_http(text: &str, format: TimestampFormat) -> Result<Self, String> {
        timestamp::from_text(text, format).map_err(|error| error.to_string())
    }
}

impl FromHttpText for Blob {
    fn from_http(text: &str, _format: TimestampFormat) -> Result<Self, String> {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD
            .decode(text)
            .map(Blob::from)
            .map_err(|error| format!("`{text}` is not base64: {error}"))
    }
}

/// Generated enums, from their text (unknown values kept).
impl<T: EnumValue> FromHttpText for T {
    fn from_http(text: &str, _format: TimestampFormat) -> Result<Self, String> {
        Ok(T::from(text))
    }
}

/// A generated int enum from its text (unknown values kept); each int enum's
/// `FromHttpText` calls it.
pub fn int_enum_from_http<T: IntEnumValue>(text: &str) -> Result<T, String> {
    i32::from_http(text, TimestampFormat::DateTime).map(T::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(elements: &[&str]) -> String {
        let mut out = String::new();
        for (index, element) in elements.iter().enumerate() {
            if index > 0 {
                out.push_str(", ");
            }
            quote_list_element(element, &mut out);
        }
        out
    }

    #[test]
    fn list_elements_with_commas_and_quotes_round_trip() {
        let elements = ["b,c", "\"def\"", "a", " padded ", "back\\slash"];
        let text = quoted(&elements);
        assert_eq!(text, r#""b,c", "\"def\"", a, " padded ", back\slash"#);
        assert_eq!(split_list(&text, false).unwrap(), elements);
        assert_eq!(split_list("a,b , c", false).unwrap(), ["a", "b", "c"]);
        assert_eq!(
            split_list("\"a", false).unwrap_err(),
            "the list `\"a` has an unclosed quote"
        );
    }

    #[test]
    fn http_date_lists_split_at_every_second_comma() {
        assert_eq!(
            split_list("Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT", true).unwrap(),
            ["Mon, 16 Dec 2019 23:48:18 GMT", "Tue, 17 Dec 2019 23:48:18 GMT"]
        );
    }

    #[test]
    fn numbers_read_smithy_spellings_only() {
        assert!(f64::from_http("NaN", TimestampFormat::DateTime).unwrap().is_nan());
        assert_eq!(
            f32::from_http("-Infinity", TimestampFormat::DateTime),
            Ok(f32::NEG_INFINITY)
        );
        assert_eq!(f64::from_http("1.5e3", TimestampFormat::DateTime), Ok(1500.0));
        assert!(f64::from_http("inf", TimestampFormat::DateTime).is_err());
        assert_eq!(
            i8::from_http("200", TimestampFormat::DateTime).unwrap_err(),
            "`200` is not a byte (-128 to 127)"
        );
    }
}
