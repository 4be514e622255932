//! What generated enums and unions keep when the model does not know a value.

use std::fmt;

/// An enum value the model did not list when the code was generated.
///
/// Generated enums hold it in their fallback variant, so a value that AWS
/// added later survives decoding and is written back unchanged. It can only
/// be made by converting a string into the enum, which keeps every known
/// value in its own variant.
///
/// ```
/// use sesv2_model::JobStatus;
///
/// let status = JobStatus::from("PAUSED");
/// assert!(matches!(&status, JobStatus::Unknown(value) if value.as_str() == "PAUSED"));
/// assert_eq!(status.as_str(), "PAUSED");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue(compact_str::CompactString);

impl UnknownValue {
    pub(crate) fn new(value: compact_str::CompactString) -> UnknownValue {
        UnknownValue(value)
    }

    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An `intEnum` value the model did not list when the code was generated,
/// kept by the generated enum's fallback variant.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownIntValue(i32);

impl UnknownIntValue {
    pub(crate) fn new(value: i32) -> UnknownIntValue {
        UnknownIntValue(value)
    }

    /// The value as it appears on the wire.
    pub fn value(self) -> i32 {
        self.0
    }
}

impl fmt::Debug for UnknownIntValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for UnknownIntValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// A union member the model did not list when the code was generated: its
/// name and JSON value, kept so that it is written back unchanged.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UnknownMember {
    name: String,
    value: serde_json::Value,
}

impl UnknownMember {
    pub(crate) fn new(name: String, value: serde_json::Value) -> UnknownMember {
        UnknownMember { name, value }
    }

    /// The member name as it appears on the wire.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The member's value, as received.
    pub fn value(&self) -> &serde_json::Value {
        &self.value
    }
}
