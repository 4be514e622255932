//! Absolute Smithy shape ids (`namespace#Name`), and the hash maps keyed by
//! them.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// An absolute shape id such as `com.amazonaws.sesv2#ImportDataSource`.
///
/// Ids are looked up constantly and the engine runs unoptimized inside the
/// compiler, so an id carries its hash, computed once when it is parsed.
#[derive(Clone)]
pub struct ShapeId {
    id: String,
    /// The byte offset of `#`.
    separator: usize,
    fingerprint: u64,
}

impl ShapeId {
    /// Parses an absolute shape id, rejecting member ids and relative names.
    pub fn parse(text: &str) -> Result<ShapeId, String> {
        let Some(separator) = text.find('#') else {
            return Err(format!(
                "`{text}` is not an absolute shape id: it needs a namespace, as in `com.example#{text}`"
            ));
        };
        let (namespace, name) = (&text[..separator], &text[separator + 1..]);
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
            separator,
            fingerprint: fingerprint(text.as_bytes()),
        })
    }

    /// The namespace, e.g. `com.amazonaws.sesv2`.
    pub fn namespace(&self) -> &str {
        &self.id[..self.separator]
    }

    /// The shape name, e.g. `ImportDataSource`.
    pub fn name(&self) -> &str {
        &self.id[self.separator + 1..]
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

impl PartialEq for ShapeId {
    fn eq(&self, other: &ShapeId) -> bool {
        self.fingerprint == other.fingerprint && self.id == other.id
    }
}

impl Eq for ShapeId {}

impl Hash for ShapeId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.fingerprint);
    }
}

impl PartialOrd for ShapeId {
    fn partial_cmp(&self, other: &ShapeId) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ShapeId {
    fn cmp(&self, other: &ShapeId) -> Ordering {
        self.id.cmp(&other.id)
    }
}

/// FNV-1a over 8-byte words: a few operations per word, which matters at
/// opt-level 0 where every call of a general hasher is paid in full.
fn fingerprint(bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        hash = (hash ^ u64::from_le_bytes(word)).wrapping_mul(PRIME);
    }
    for &byte in chunks.remainder() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(PRIME);
    }
    hash
}

/// The hasher of [`IdMap`] and [`IdSet`]: shape ids hash to their
/// fingerprint, strings to [`fingerprint`] of their bytes.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        // The table uses both the high bits and the low bits: mix them.
        let hash = self.0 ^ (self.0 >> 29);
        hash.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (hash >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = self.0.rotate_left(5) ^ fingerprint(bytes);
    }

    fn write_u8(&mut self, value: u8) {
        // `str` hashes end with one: no need for a whole fingerprint.
        self.write_u64(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = self.0.rotate_left(5) ^ value;
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }
}

/// A hash map keyed by shape ids (or names), with [`IdHasher`].
pub(crate) type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;
/// A hash set of shape ids (or names), with [`IdHasher`].
pub(crate) type IdSet<K> = HashSet<K, BuildHasherDefault<IdHasher>>;

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
