//! [`Blob`]: binary data, base64 on the JSON wire.

use std::fmt;
use std::ops::Deref;

/// Binary data of a Smithy `blob` shape.
///
/// JSON protocols carry blobs as base64 strings; this type holds the decoded
/// bytes and encodes them again when serialized.
///
/// ```
/// use sesv2_model::Blob;
///
/// let blob = Blob::from(b"hello".as_slice());
/// assert_eq!(blob.as_bytes(), b"hello");
/// assert_eq!(serde_json::to_string(&blob)?, "\"aGVsbG8=\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Blob(Vec<u8>);

impl Blob {
    /// Wraps bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Blob {
        Blob(bytes.into())
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, without copying.
    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }
}

impl Deref for Blob {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Blob {
        Blob(bytes)
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Blob {
        Blob(bytes.to_vec())
    }
}

impl From<Blob> for Vec<u8> {
    fn from(blob: Blob) -> Vec<u8> {
        blob.0
    }
}

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob(b\"{}\")", self.0.escape_ascii())
    }
}
