//! [`BuildError`]: what a builder reports when a required member is missing.

use std::fmt;

/// A builder's `build()` was called before every required member was set.
///
/// ```
/// use sesv2_model::ImportDataSource;
///
/// let error = ImportDataSource::builder().s3_url("s3://bucket/contacts.csv").build().unwrap_err();
/// assert_eq!(error.member(), "DataFormat");
/// assert_eq!(
///     error.to_string(),
///     "cannot build `ImportDataSource`: the required member `data_format` (`DataFormat` in the model) was not set"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    type_name: &'static str,
    member: &'static str,
    field: &'static str,
}

impl BuildError {
    /// Used by generated builders.
    #[doc(hidden)]
    pub const fn missing_member(type_name: &'static str, member: &'static str, field: &'static str) -> BuildError {
        BuildError {
            type_name,
            member,
            field,
        }
    }

    /// Used by generated builders: the first of the required members that is
    /// missing, given `(missing, member, field)` for each in member order.
    #[doc(hidden)]
    pub fn first_missing(type_name: &'static str, members: &[(bool, &'static str, &'static str)]) -> BuildError {
        let (_, member, field) = members
            .iter()
            .copied()
            .find(|(missing, _, _)| *missing)
            .or_else(|| members.first().copied())
            .unwrap_or((true, "", ""));
        BuildError::missing_member(type_name, member, field)
    }

    /// The Rust type that could not be built, e.g. `ImportDataSource`.
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The missing member as the model names it, e.g. `DataFormat`.
    pub fn member(&self) -> &'static str {
        self.member
    }

    /// The missing member's Rust field and setter name, e.g. `data_format`.
    pub fn field(&self) -> &'static str {
        self.field
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot build `{}`: the required member `{}` (`{}` in the model) was not set",
            self.type_name, self.field, self.member
        )
    }
}

impl std::error::Error for BuildError {}
