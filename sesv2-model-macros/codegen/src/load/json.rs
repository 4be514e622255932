//! Stage 1, JSON AST files: JSON bytes to the raw JSON AST.

use serde_json::error::Category;

use crate::ast::RawModel;
use crate::error::Error;

/// Parses a Smithy JSON AST document (version 1.0 or 2.x).
pub(crate) fn parse(json: &[u8]) -> Result<RawModel<'_>, Error> {
    serde_json::from_slice(json).map_err(|error| {
        let message = match error.classify() {
            // Reading from a slice has no I/O to fail.
            Category::Syntax | Category::Eof | Category::Io => format!("the model is not valid JSON: {error}"),
            Category::Data => {
                let text = error.to_string();
                if text.starts_with("this ") || text.starts_with("only ") {
                    text
                } else {
                    format!("the model is not a valid Smithy JSON AST: {text}")
                }
            }
        };
        Error::model(message).at("", error.line() as u32, error.column() as u32)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(json: &str) -> String {
        match parse(json.as_bytes()) {
            Ok(_) => panic!("expected an error for {json}"),
            Err(error) => error.message().to_owned(),
        }
    }

    #[test]
    fn reads_shapes_in_document_order() {
        let model = parse(
            br#"{"smithy": "2.0", "shapes": {
                "a#Z": {"type": "string"},
                "a#A": {"type": "structure", "members": {"b": {"target": "a#Z"}, "a": {"target": "a#Z"}}}
            }}"#,
        )
        .unwrap();
        let ids: Vec<_> = model.shapes.0.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["a#Z", "a#A"]);
        let members: Vec<_> = model.shapes.0[1].1.members.0.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(members, ["b", "a"]);
    }

    #[test]
    fn invalid_json_reports_line_and_column() {
        assert_eq!(
            message("{\n  \"smithy\": \"2.0\",\n  \"shapes\": {,}\n}"),
            "the model is not valid JSON: key must be a string at line 3 column 14"
        );
    }

    #[test]
    fn other_smithy_versions_are_rejected_by_name() {
        assert_eq!(
            message(r#"{"smithy": "3.0", "shapes": {}}"#),
            "only Smithy 1.0 and 2.x models are supported, but this one declares version 3.0 at line 1 column 16"
        );
        assert_eq!(parse(br#"{"smithy": "1.0"}"#).unwrap().version, 1);
        assert_eq!(parse(br#"{"smithy": "2"}"#).unwrap().version, 2);
    }

    #[test]
    fn documents_without_a_version_are_not_smithy() {
        let text = message(r#"{"openapi": "3.0.0"}"#);
        assert!(text.starts_with("this is not a Smithy JSON AST model"), "{text}");
        let text = message("[1, 2]");
        assert!(text.contains("not a valid Smithy JSON AST"), "{text}");
    }
}
