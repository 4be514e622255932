//! Absolute Smithy shape ids (`namespace#Name`).

use std::fmt;

/// An absolute shape id such as `com.amazonaws.sesv2#ImportDataSource`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShapeId {
    id: String,
    hash: usize,
}

impl ShapeId {
    /// Parses an absolute shape id, rejecting member ids and relative names.
    pub fn parse(text: &str) -> Result<ShapeId, String> {
        let Some(hash) = text.find('#') else {
            return Err(format!(
                "`{text}` is not an absolute shape id: it needs a namespace, as in `com.example#{text}`"
            ));
        };
        let (namespace, name) = (&text[..hash], &text[hash + 1..]);
        if namespace.is_empty() || !namespace.split('.').all(is_identifier) {
            return Err(format!(
                "`{text}` is not a valid shape id: the namespace `{namespace}` must be identifiers separated by `.`"
            ));
        }
        if name.contains('$') {
            return Err(format!(
                "`{text}` is a member id; a target must name a shape, not a member"
            ));
        }
        if !is_identifier(name) {
            return Err(format!(
                "`{text}` is not a valid shape id: `{name}` is not a Smithy identifier"
            ));
        }
        Ok(ShapeId {
            id: text.to_owned(),
            hash,
        })
    }

    /// The namespace, e.g. `com.amazonaws.sesv2`.
    pub fn namespace(&self) -> &str {
        &self.id[..self.hash]
    }

    /// The shape name, e.g. `ImportDataSource`.
    pub fn name(&self) -> &str {
        &self.id[self.hash + 1..]
    }

    /// The whole id.
    pub fn as_str(&self) -> &str {
        &self.id
    }

    /// The id of one of this shape's members, for messages:
    /// `com.amazonaws.sesv2#ImportDataSource$S3Url`.
    pub fn member(&self, member: &str) -> String {
        format!("{}${member}", self.id)
    }
}

/// A Smithy identifier: letters, digits and underscores, not starting with a
/// digit, with at least one letter or digit after any leading underscores.
pub(crate) fn is_identifier(text: &str) -> bool {
    let bytes = text.as_bytes();
    let underscores = bytes.iter().take_while(|&&b| b == b'_').count();
    let Some(&first) = bytes.get(underscores) else {
        return false;
    };
    let first_ok = if underscores == 0 {
        first.is_ascii_alphabetic()
    } else {
        first.is_ascii_alphanumeric()
    };
    first_ok
        && bytes[underscores + 1..]
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

impl fmt::Display for ShapeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

impl fmt::Debug for ShapeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.id, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_namespace_and_name() {
        let id = ShapeId::parse("com.amazonaws.sesv2#ImportDataSource").unwrap();
        assert_eq!(id.namespace(), "com.amazonaws.sesv2");
        assert_eq!(id.name(), "ImportDataSource");
        assert_eq!(id.member("S3Url"), "com.amazonaws.sesv2#ImportDataSource$S3Url");
    }

    #[test]
    fn rejects_relative_member_and_malformed_ids() {
        assert!(ShapeId::parse("ImportDataSource").unwrap_err().contains("namespace"));
        assert!(ShapeId::parse("a.b#C$d").unwrap_err().contains("member id"));
        assert!(ShapeId::parse("a..b#C").is_err());
        assert!(ShapeId::parse("a#1C").is_err());
        assert!(ShapeId::parse("a#").is_err());
    }

    #[test]
    fn identifiers_follow_the_smithy_grammar() {
        assert!(is_identifier("S3Url"));
        assert!(is_identifier("_private"));
        assert!(is_identifier("__1x"));
        assert!(!is_identifier("_"));
        assert!(!is_identifier("1abc"));
        assert!(!is_identifier("a-b"));
    }
}
