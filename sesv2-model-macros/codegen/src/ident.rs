//! The one place that turns model names into Rust identifiers that compile.

/// Words that cannot be plain identifiers in any edition, sorted (by bytes)
/// for binary search.
const KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro",
    "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self", "static", "struct", "super",
    "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that even a raw identifier (`r#...`) cannot spell.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// The snake_case name of a member, field or function, e.g. `failed_records_s3_url`.
pub(crate) fn snake(name: &str) -> String {
    if !name.is_ascii() {
        return snake(&ascii_words(name));
    }
    let mut snake = String::with_capacity(name.len() + 4);
    for_each_word(name, |word| {
        if !snake.is_empty() {
            snake.push('_');
        }
        snake.extend(word.iter().map(|byte| char::from(byte.to_ascii_lowercase())));
    });
    match snake.chars().next() {
        Some(first) if first.is_ascii_digit() => format!("n{snake}"),
        None => "value".to_owned(),
        _ => snake,
    }
}

/// The UpperCamelCase name of a type or variant, e.g. `JobStatus`, `Created`.
pub(crate) fn camel(name: &str) -> String {
    if !name.is_ascii() {
        return camel(&ascii_words(name));
    }
    let mut camel = String::with_capacity(name.len());
    for_each_word(name, |word| {
        if let Some((first, rest)) = word.split_first() {
            camel.push(char::from(first.to_ascii_uppercase()));
            camel.extend(rest.iter().map(|byte| char::from(byte.to_ascii_lowercase())));
        }
    });
    match camel.chars().next() {
        Some(first) if first.is_ascii_digit() => format!("V{camel}"),
        None => "Value".to_owned(),
        _ => camel,
    }
}

/// `name` with every non-ASCII character made a word break. Identifiers
/// stay ASCII: rustc accepts other letters, but lints users may deny
/// (`non_ascii_idents`, `confusable_idents`) reject them. Only legacy enum
/// values bring such letters, and their variants' docs keep the wire value.
fn ascii_words(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii() { c } else { '_' }).collect()
}

/// heck's word splitting, for ASCII names: the words are the runs of letters
/// and digits, split again before an uppercase letter that follows a
/// lowercase one (`JobId`) and before the last of a run of uppercase letters
/// followed by a lowercase one (`HTTPServer`). heck handles any Unicode, but
/// through the formatter one character at a time, which costs more than the
/// rest of naming when the engine runs unoptimized in the compiler; the tests
/// hold this to heck's output on every name of the official models.
fn for_each_word(name: &str, mut word: impl FnMut(&[u8])) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        Boundary,
        Lowercase,
        Uppercase,
    }
    for part in name.as_bytes().split(|byte| !byte.is_ascii_alphanumeric()) {
        let mut start = 0;
        let mut mode = Mode::Boundary;
        for index in 0..part.len() {
            let byte = part[index];
            let Some(&next) = part.get(index + 1) else {
                word(&part[start..]);
                break;
            };
            let next_mode = if byte.is_ascii_lowercase() {
                Mode::Lowercase
            } else if byte.is_ascii_uppercase() {
                Mode::Uppercase
            } else {
                mode
            };
            if next_mode == Mode::Lowercase && next.is_ascii_uppercase() {
                word(&part[start..=index]);
                start = index + 1;
                mode = Mode::Boundary;
            } else if mode == Mode::Uppercase && byte.is_ascii_uppercase() && next.is_ascii_lowercase() {
                word(&part[start..index]);
                start = index;
                mode = Mode::Boundary;
            } else {
                mode = next_mode;
            }
        }
    }
}

/// Whether `name` is a Rust keyword, which a plain identifier cannot be.
pub(crate) fn is_keyword(name: &str) -> bool {
    KEYWORDS.binary_search(&name).is_ok() || name == "_"
}

/// How `name` is written as a Rust identifier: raw (`r#type`) when it is a
/// keyword, or with a trailing `_` (`self_`) when not even a raw identifier
/// can spell it. `name` is already a valid identifier otherwise (the output
/// of [`snake`] or [`camel`]).
pub(crate) fn display(name: &str) -> String {
    if NOT_RAW.contains(&name) {
        format!("{name}_")
    } else if KEYWORDS.binary_search(&name).is_ok() {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use heck::{ToSnakeCase, ToUpperCamelCase};

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
    fn identifiers_are_ascii_even_for_other_letters() {
        assert_eq!(camel("Größe"), "GrE");
        assert_eq!(camel("ü"), "Value");
        assert_eq!(camel("\u{430}bc"), "Bc");
        assert_eq!(snake("Größe"), "gr_e");
        assert_eq!(snake("日本"), "value");
    }

    #[test]
    fn ascii_names_convert_exactly_as_heck_converts_them() {
        let samples = [
            "FailedRecordsS3Url",
            "HTTPServer",
            "ABCd",
            "ABC",
            "A",
            "a",
            "",
            "_",
            "__x__y__",
            "aws_kms",
            "S3Url",
            "SimpleEmailService_v2",
            "_2xx",
            "x2Y",
            "X2y",
            "2xx",
            "a-b c.d",
            "iOSDevice",
            "ARNs",
            "ETag",
            "KMSKeyId",
            "SESv2",
            "Ec2InstanceId",
            "ipv6Address",
            "X-Amz-Date",
            "value_1_2",
            "already_snake",
            "UPPER_SNAKE",
        ];
        for name in samples {
            assert_eq!(snake(name), heck_snake(name), "snake case of `{name}`");
            assert_eq!(camel(name), heck_camel(name), "camel case of `{name}`");
        }
    }

    #[test]
    fn every_name_in_the_official_models_converts_exactly_as_heck_converts_it() {
        let directory = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/models/aws");
        let Ok(entries) = std::fs::read_dir(&directory) else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI needs the official models at {}",
                directory.display()
            );
            return;
        };
        let mut checked = 0;
        for entry in entries {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let model: serde_json::Value = serde_json::from_str(&text).unwrap();
            for (id, shape) in model["shapes"].as_object().unwrap() {
                let members = shape["members"]
                    .as_object()
                    .into_iter()
                    .flat_map(|members| members.keys());
                // Legacy enums name their variants by `name`, or else `value`.
                let legacy = shape["traits"]["smithy.api#enum"].as_array().into_iter().flatten();
                let legacy = legacy.flat_map(|definition| [&definition["name"], &definition["value"]]);
                let names = std::iter::once(id.rsplit('#').next().unwrap())
                    .chain(members.map(String::as_str))
                    .chain(legacy.filter_map(serde_json::Value::as_str));
                for name in names {
                    assert_eq!(snake(name), heck_snake(name), "snake case of `{name}`");
                    assert_eq!(camel(name), heck_camel(name), "camel case of `{name}`");
                    checked += 1;
                }
            }
        }
        assert!(checked > 5_000, "only {checked} names checked");
    }

    /// What [`snake`] returned when it always used heck.
    fn heck_snake(name: &str) -> String {
        let snake = name.to_snake_case();
        match snake.chars().next() {
            Some(first) if first.is_ascii_digit() => format!("n{snake}"),
            None => "value".to_owned(),
            _ => snake,
        }
    }

    /// What [`camel`] returned when it always used heck.
    fn heck_camel(name: &str) -> String {
        let camel = name.to_upper_camel_case();
        match camel.chars().next() {
            Some(first) if first.is_ascii_digit() => format!("V{camel}"),
            None => "Value".to_owned(),
            _ => camel,
        }
    }

    #[test]
    fn keywords_are_sorted_for_binary_search() {
        assert!(KEYWORDS.windows(2).all(|pair| pair[0] < pair[1]));
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
