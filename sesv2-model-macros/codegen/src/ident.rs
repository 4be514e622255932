//! The one place that turns model names into Rust identifiers that compile.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words that cannot be plain identifiers in any edition.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod",
    "move", "mut", "override", "priv", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait",
    "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
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

/// How `name` is written as a Rust identifier: raw (`r#type`) when it is a
/// keyword, or with a trailing `_` (`self_`) when not even a raw identifier
/// can spell it. `name` is already a valid identifier otherwise (the output
/// of [`snake`] or [`camel`]).
pub(crate) fn display(name: &str) -> String {
    if NOT_RAW.contains(&name) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
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
        assert_eq!(display("type"), "r#type");
        assert_eq!(display("self"), "self_");
        assert_eq!(display("Self"), "Self_");
        assert_eq!(display("gen"), "r#gen");
        assert_eq!(display("job_id"), "job_id");
    }

    #[test]
    fn escaped_names_are_valid_rust_identifiers() {
        for name in ["type", "self", "Self", "crate", "super", "async", "job_id", "Created"] {
            let shown = display(name);
            assert!(syn_free_ident_check(&shown), "{shown}");
        }
    }

    /// A raw identifier or a plain one made of ASCII word characters.
    fn syn_free_ident_check(text: &str) -> bool {
        let body = text.strip_prefix("r#").unwrap_or(text);
        !body.is_empty()
            && !body.starts_with(|c: char| c.is_ascii_digit())
            && body.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    }
}
