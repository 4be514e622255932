//! The rules engine's standard library and AWS functions, on evaluated
//! arguments (`isSet`, `coalesce` and `ite` need the unevaluated ones and
//! live in the evaluator).

use std::ops::Range;
use std::rc::Rc;

use super::eval::{Text, Val, bool_arg, int_arg, str_arg};
use super::rules::Function;
use super::{EndpointError, EndpointErrorKind, arn, partition, url};
use crate::__private::http::{is_unreserved, percent_encode};

/// Calls `function` on arguments that are all set; `None` is "no result".
pub(crate) fn call<'a>(function: Function, args: &[Val<'a>]) -> Result<Option<Val<'a>>, EndpointError> {
    let arg = |index: usize| {
        args.get(index).ok_or_else(|| {
            EndpointError::new(
                EndpointErrorKind::Evaluation,
                format!("{} is missing an argument", function.name()),
            )
        })
    };
    let string = |index: usize| str_arg(function, index, arg(index)?);
    let boolean = |index: usize| bool_arg(function, index, arg(index)?);
    Ok(match function {
        Function::BooleanEquals => Some(Val::Bool(boolean(0)? == boolean(1)?)),
        Function::StringEquals => Some(Val::Bool(string(0)? == string(1)?)),
        Function::Not => Some(Val::Bool(!boolean(0)?)),
        Function::Substring => {
            let Val::Str(input) = arg(0)? else {
                return Err(EndpointError::new(
                    EndpointErrorKind::Evaluation,
                    "argument 1 of substring must be a string",
                ));
            };
            let start = int_arg(function, 1, arg(1)?)?;
            let stop = int_arg(function, 2, arg(2)?)?;
            substring_range(input, start, stop, boolean(3)?).map(|range| Val::Str(slice(input, range)))
        }
        Function::ParseUrl => url::parse(string(0)?).map(|url| Val::Url(Rc::new(url))),
        Function::IsValidHostLabel => Some(Val::Bool(is_valid_host_label(string(0)?, boolean(1)?))),
        Function::UriEncode => {
            let Val::Str(input) = arg(0)? else {
                return Err(EndpointError::new(
                    EndpointErrorKind::Evaluation,
                    "argument 1 of uriEncode must be a string",
                ));
            };
            Some(Val::Str(match uri_encode(input) {
                Some(encoded) => Text::from(encoded),
                None => input.clone(),
            }))
        }
        Function::Split => {
            let limit = int_arg(function, 2, arg(2)?)?;
            let parts = split(string(0)?, string(1)?, limit)
                .map_err(|message| EndpointError::new(EndpointErrorKind::Evaluation, format!("split: {message}")))?;
            Some(Val::List(
                parts
                    .into_iter()
                    .map(|part| Val::Str(Text::from(part.to_owned())))
                    .collect(),
            ))
        }
        Function::Partition => {
            let outputs = partition::lookup(string(0)?)
                .map_err(|message| EndpointError::new(EndpointErrorKind::Evaluation, message))?;
            Some(Val::Partition(outputs))
        }
        Function::ParseArn => arn::parse(string(0)?).map(|arn| Val::Arn(Rc::new(arn))),
        Function::IsVirtualHostableS3Bucket => Some(Val::Bool(is_virtual_hostable_s3_bucket(string(0)?, boolean(1)?))),
        // Handled by the evaluator, which sees unset arguments.
        Function::IsSet | Function::Coalesce | Function::Ite => None,
    })
}

/// Part of a text, borrowed again where the text is.
fn slice<'a>(text: &Text<'a>, range: Range<usize>) -> Text<'a> {
    match text {
        Text::Borrowed(text) => Text::Borrowed(text.get(range).unwrap_or_default()),
        Text::Shared(text) => Text::Shared(Rc::from(text.get(range).unwrap_or_default())),
    }
}

/// The byte range of `substring(input, start, stop, reverse)`: `reverse`
/// counts from the end. `None` for non-ASCII input or a range that does not fit.
pub(crate) fn substring_range(input: &str, start: i64, stop: i64, reverse: bool) -> Option<Range<usize>> {
    if !input.is_ascii() {
        return None;
    }
    let start = usize::try_from(start).ok()?;
    let stop = usize::try_from(stop).ok()?;
    if start >= stop || stop > input.len() {
        return None;
    }
    Some(if reverse {
        input.len() - stop..input.len() - start
    } else {
        start..stop
    })
}

/// An RFC 1123 host label (1 to 63 letters, digits and hyphens, not starting
/// with a hyphen); with `allow_sub_domains`, dot-separated labels.
pub(crate) fn is_valid_host_label(value: &str, allow_sub_domains: bool) -> bool {
    if allow_sub_domains {
        value.split('.').all(is_one_host_label)
    } else {
        is_one_host_label(value)
    }
}

fn is_one_host_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 63
        && bytes[0].is_ascii_alphanumeric()
        && bytes.iter().all(|byte| byte.is_ascii_alphanumeric() || *byte == b'-')
}

/// Percent-encodes all but RFC 3986's unreserved characters, with uppercase
/// hex; `None` when nothing needs encoding.
pub(crate) fn uri_encode(input: &str) -> Option<String> {
    if input.bytes().all(is_unreserved) {
        return None;
    }
    let mut encoded = String::with_capacity(input.len() * 3);
    percent_encode(input.as_bytes(), false, &mut encoded);
    Some(encoded)
}

/// `split(value, delimiter, limit)`: `limit` 0 splits at every delimiter,
/// otherwise into at most `limit` parts, the last holding the rest.
pub(crate) fn split<'v>(value: &'v str, delimiter: &str, limit: i64) -> Result<Vec<&'v str>, String> {
    if delimiter.is_empty() {
        return Err("the delimiter is empty".to_owned());
    }
    match usize::try_from(limit) {
        Ok(0) => Ok(value.split(delimiter).collect()),
        Ok(limit) => Ok(value.splitn(limit, delimiter).collect()),
        Err(_) => Err(format!("the limit {limit} is negative")),
    }
}

/// Whether `value` can be an S3 bucket's host label: a valid host label (or
/// labels, with `allow_sub_domains`) whose every label is 3 to 63 lowercase
/// letters, digits, hyphens (and dots), starting and ending with a letter or
/// digit, not shaped like an IPv4 address, and without `.-` or `-.`.
pub(crate) fn is_virtual_hostable_s3_bucket(value: &str, allow_sub_domains: bool) -> bool {
    if !is_valid_host_label(value, allow_sub_domains) {
        return false;
    }
    if allow_sub_domains {
        value.split('.').all(is_bucket_segment)
    } else {
        is_bucket_segment(value)
    }
}

fn is_bucket_segment(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    let edge = |byte: &u8| byte.is_ascii_lowercase() || byte.is_ascii_digit();
    (3..=63).contains(&bytes.len())
        && bytes.first().is_some_and(edge)
        && bytes.last().is_some_and(edge)
        && bytes.iter().all(|byte| edge(byte) || *byte == b'-' || *byte == b'.')
        && !looks_like_ipv4(segment)
        && !segment.contains(".-")
        && !segment.contains("-.")
}

/// Four dot-separated runs of digits, of any length.
fn looks_like_ipv4(text: &str) -> bool {
    let mut parts = 0;
    for part in text.split('.') {
        parts += 1;
        if part.is_empty() || !part.bytes().all(|byte| byte.is_ascii_digit()) {
            return false;
        }
    }
    parts == 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn substring(input: &str, start: i64, stop: i64, reverse: bool) -> Option<&str> {
        substring_range(input, start, stop, reverse).map(|range| &input[range])
    }

    #[test]
    fn substring_counts_from_either_end() {
        assert_eq!(substring("abcdefg", 0, 4, false), Some("abcd"));
        assert_eq!(substring("abcdefg", 0, 4, true), Some("defg"));
        assert_eq!(substring("abcdefg", 1, 3, true), Some("ef"));
        assert_eq!(substring("abcdefg", 0, 7, false), Some("abcdefg"));
        assert_eq!(substring("abcdefg", 0, 7, true), Some("abcdefg"));
    }

    #[test]
    fn substring_is_unset_when_out_of_range_or_not_ascii() {
        assert_eq!(substring("abc", 0, 4, false), None);
        assert_eq!(substring("abc", 2, 2, false), None);
        assert_eq!(substring("abc", 3, 1, false), None);
        assert_eq!(substring("abc", -1, 2, false), None);
        assert_eq!(substring("", 0, 1, true), None);
        assert_eq!(substring("abcdé", 0, 2, false), None);
        assert_eq!(substring("\u{1F600}abcdef", 0, 2, true), None);
    }

    #[test]
    fn host_labels_follow_rfc_1123() {
        assert!(is_valid_host_label("us-east-1", false));
        assert!(is_valid_host_label("a", false));
        assert!(is_valid_host_label("0abc", false));
        assert!(is_valid_host_label("abc-", false));
        assert!(is_valid_host_label(&"a".repeat(63), false));
        assert!(!is_valid_host_label(&"a".repeat(64), false));
        assert!(!is_valid_host_label("", false));
        assert!(!is_valid_host_label("-abc", false));
        assert!(!is_valid_host_label("a_b", false));
        assert!(!is_valid_host_label("a.b", false));
        assert!(is_valid_host_label("a.b-c.d", true));
        assert!(!is_valid_host_label("a..b", true));
        assert!(!is_valid_host_label("a.", true));
        assert!(!is_valid_host_label("é", true));
    }

    #[test]
    fn uri_encode_keeps_only_unreserved_characters() {
        assert_eq!(uri_encode("abc-_.~XYZ09"), None);
        assert_eq!(uri_encode("a b/c").as_deref(), Some("a%20b%2Fc"));
        assert_eq!(
            uri_encode("/:,?#[]{}|@! $&'()*+;=%<>\"^`\\").as_deref(),
            Some("%2F%3A%2C%3F%23%5B%5D%7B%7D%7C%40%21%20%24%26%27%28%29%2A%2B%3B%3D%25%3C%3E%22%5E%60%5C")
        );
        assert_eq!(uri_encode("é").as_deref(), Some("%C3%A9"));
    }

    #[test]
    fn split_limits_the_parts() {
        assert_eq!(split("a--b--c", "--", 0).unwrap(), ["a", "b", "c"]);
        assert_eq!(split("a--b--c", "--", 1).unwrap(), ["a--b--c"]);
        assert_eq!(split("a--b--c", "--", 2).unwrap(), ["a", "b--c"]);
        assert_eq!(split("", ",", 0).unwrap(), [""]);
        assert_eq!(split(",a,", ",", 0).unwrap(), ["", "a", ""]);
        assert!(split("a", "", 0).is_err());
        assert!(split("a", ",", -1).is_err());
    }

    #[test]
    fn bucket_names_that_can_be_host_labels() {
        assert!(is_virtual_hostable_s3_bucket("bucket-name", false));
        assert!(is_virtual_hostable_s3_bucket("abc", false));
        assert!(!is_virtual_hostable_s3_bucket("ab", false));
        assert!(!is_virtual_hostable_s3_bucket(&"a".repeat(64), false));
        assert!(!is_virtual_hostable_s3_bucket("Bucket", false));
        assert!(!is_virtual_hostable_s3_bucket("bucket-", false));
        assert!(!is_virtual_hostable_s3_bucket("bucket_name", false));
        assert!(!is_virtual_hostable_s3_bucket("bucket.name", false));
        assert!(is_virtual_hostable_s3_bucket("bucket.name", true));
        assert!(!is_virtual_hostable_s3_bucket("bucket-.name", true));
        assert!(!is_virtual_hostable_s3_bucket("bucket.-name", true));
        assert!(!is_virtual_hostable_s3_bucket("bucket..name", true));
        assert!(!is_virtual_hostable_s3_bucket("192.168.0.1", true));
        assert!(!is_virtual_hostable_s3_bucket("a.bucket", true));
    }
}
