//! The one place that turns model names into Rust identifiers that compile.

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

/// Words that cannot be plain identifiers in any edition.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that even a raw identifier (`r#...`) cannot spell.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// The snake_case name of a member, field or function, e.g. `failed_records_s3_url`.
pub(crate) fn snake(name: &str) -> String {
    let snake = name.to_snake_case();
    match snake.chars().next() {
        Some(first) if first.is_ascii_digit() => format!("n{snake}"),
        None => "value".to_owned(),
        _ => snake,
    }
}

/// The UpperCamelCase name of a type or variant, e.g. `JobStatus`, `Created`.
pub(crate) fn camel(name: &str) -> String {
    let camel = name.to_upper_camel_case();
    match camel.chars().next() {
        Some(first) if first.is_ascii_digit() => format!("V{camel}"),
        None => "Value".to_owned(),
        _ => camel,
    }
}

/// An identifier token for `name`, raw (`r#type`) when it is a keyword, or
/// with a trailing `_` when not even a raw identifier can spell it.
pub(crate) fn ident(name: &str) -> Ident {
    if NOT_RAW.contains(&name) {
        Ident::new(&format!("{name}_"), Span::call_site())
    } else if KEYWORDS.contains(&name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// How an identifier reads in Rust source, for messages: `r#type`, `self_`.
pub(crate) fn display(name: &str) -> String {
    ident(name).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_names_become_snake_case() {
        assert_eq!(snake("FailedRecordsS3Url"), "failed_records_s3_url");
        assert_eq!(snake("message"), "message");
        assert_eq!(snake("JobId"), "job_id");
    }

    #[test]
    fn enum_members_become_upper_camel_case() {
        assert_eq!(camel("CREATED"), "Created");
        assert_eq!(camel("aws_kms"), "AwsKms");
        assert_eq!(camel("SimpleEmailService_v2"), "SimpleEmailServiceV2");
    }

    #[test]
    fn names_starting_with_digits_get_a_letter() {
        assert_eq!(camel("_2xx"), "V2xx");
        assert_eq!(snake("_2xx"), "n2xx");
    }

    #[test]
    fn keywords_are_escaped() {
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(ident("self").to_string(), "self_");
        assert_eq!(ident("Self").to_string(), "Self_");
        assert_eq!(ident("gen").to_string(), "r#gen");
        assert_eq!(ident("job_id").to_string(), "job_id");
    }
}
