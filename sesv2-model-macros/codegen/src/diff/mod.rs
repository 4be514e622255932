//! `diff`: what changes for Rust users when they regenerate their types
//! from a new version of a model.
//!
//! Both models go through the pipeline with the same [`Config`] up to
//! naming; the Rust API each would generate is read off the emitters' own
//! plans ([`surface`]) and compared shape id by shape id ([`compare`]).
//!
//! Whether a change is breaking is decided for the generated code as it is
//! used from another crate (as users use `sesv2_model`'s types):
//! `#[non_exhaustive]` structs and enums make additions safe there. Code in
//! the crate that invokes the macro itself can still write struct literals
//! and exhaustive `match`es, which `#[non_exhaustive]` does not stop within
//! a crate; such code also breaks on additions.

mod compare;
mod surface;

use std::fmt;

use crate::config::Config;
use crate::error::{Diagnostics, Error, Errors};
use crate::load::ModelFiles;

use surface::Surface;

/// Compares the Rust API `old_model` and `new_model` generate with the same
/// `config` (its operations and shapes select what is compared; with
/// neither, the whole service).
///
/// A model that cannot be generated is reported as for [`crate::generate`],
/// each message starting with `in the old model: ` or `in the new model: `;
/// when both are broken, the errors of both are reported, old first.
pub fn diff(config: &Config, old_model: &[u8], new_model: &[u8]) -> Result<ApiDiff, Errors> {
    diff_files(
        config,
        &ModelFiles::unnamed(old_model)?,
        &ModelFiles::unnamed(new_model)?,
    )
}

/// [`diff()`] for models assembled from files.
pub fn diff_files(config: &Config, old_model: &ModelFiles, new_model: &ModelFiles) -> Result<ApiDiff, Errors> {
    let old = read_api(config, old_model);
    let new = read_api(config, new_model);
    match (old, new) {
        (Ok(old), Ok(new)) => Ok(ApiDiff {
            changes: compare::compare(&old, &new),
        }),
        (old, new) => {
            let mut diagnostics = Diagnostics::default();
            for (which, result) in [("old", old.err()), ("new", new.err())] {
                for error in result.into_iter().flatten() {
                    let message = format!("in the {which} model: {}", error.message());
                    diagnostics.push(Error::new(error.subject(), message));
                }
            }
            diagnostics.finish(ApiDiff::default())
        }
    }
}

/// The Rust API one model generates with `config`.
fn read_api(config: &Config, model: &ModelFiles) -> Result<Surface, Errors> {
    let analysis = crate::analyze(config, model)?;
    Ok(Surface::read(&analysis, config))
}

/// The changes to the generated Rust API between two versions of a model.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ApiDiff {
    changes: Vec<Change>,
}

impl ApiDiff {
    /// Every change, ordered by shape id, then member name; one subject's
    /// changes in a fixed order.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Whether both models generate the same API.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Whether code written against the old API may fail to compile, or
    /// behave differently, against the new one.
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(|change| change.breaking)
    }

    /// How many changes are breaking.
    pub fn breaking_count(&self) -> usize {
        self.changes.iter().filter(|change| change.breaking).count()
    }
}

/// One line per change, then a summary line (`3 changes, 2 breaking`), or a
/// single line saying that nothing changed.
impl fmt::Display for ApiDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.changes.is_empty() {
            return f.write_str("no changes: both models generate the same Rust API");
        }
        for change in &self.changes {
            writeln!(f, "{change}")?;
        }
        let count = self.changes.len();
        write!(
            f,
            "{count} {}, {} breaking",
            if count == 1 { "change" } else { "changes" },
            self.breaking_count()
        )
    }
}

/// One change to the generated API.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// The absolute id of the shape it is about:
    /// `com.amazonaws.sesv2#ImportDataSource`.
    pub shape: String,
    /// The structure or union member, or the enum value's member name, it
    /// is about; `None` for the shape itself (an operation's errors
    /// included).
    pub member: Option<String>,
    /// The Rust item it is about, as users name it: `ImportDataSource`,
    /// `ImportDataSource::s3_url`, `JobStatus::Completed`,
    /// `operations::GetImportJobError::NotFoundException`.
    pub rust_item: String,
    /// What changed.
    pub kind: ChangeKind,
    /// Whether code written against the old API may fail to compile, or
    /// behave differently, against the new one.
    pub breaking: bool,
    /// What changed and why it is breaking or not, in words.
    pub message: String,
}

impl Change {
    /// The shape or member id: `com.amazonaws.sesv2#ImportDataSource$S3Url`.
    pub fn subject(&self) -> String {
        match &self.member {
            Some(member) => format!("{}${member}", self.shape),
            None => self.shape.clone(),
        }
    }
}

/// `breaking: <subject> (<rust item>): <message>`, or `ok: ...`.
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({}): {}",
            if self.breaking { "breaking" } else { "ok" },
            self.subject(),
            self.rust_item,
            self.message
        )
    }
}

/// What kind of change a [`Change`] is, and how it is classified for Rust
/// users of the generated code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChangeKind {
    /// A structure, union, enum, int enum or operation joined the selection.
    /// Not breaking: a new item changes nothing existing.
    ShapeAdded,
    /// A structure, union, enum, int enum or operation left the selection
    /// (or became a shape that generates no item). Breaking: code naming
    /// the type no longer compiles.
    ShapeRemoved,
    /// A shape became another kind of shape (structure to union, enum to
    /// int enum). Breaking: the item's form and methods change.
    ShapeKindChanged,
    /// The Rust name of a type, field, variant, unknown variant, operation
    /// or error enum changed for the same shape or member. Breaking: code
    /// naming it no longer compiles.
    RustNameChanged,
    /// A structure or union member was added. Not breaking when optional or
    /// defaulted (the struct is `#[non_exhaustive]` and builders need not
    /// set it) or in a union (the enum is `#[non_exhaustive]`); breaking
    /// when required: `build()` fails for code that does not set it.
    MemberAdded,
    /// A structure or union member was removed. Breaking: its field,
    /// accessor and setters, or its variant, no longer exist.
    MemberRemoved,
    /// A member's declared Rust type changed, including `Option<T>` to `T`
    /// and back when it becomes required or optional, boxing, and a union
    /// variant gaining or losing its payload. Breaking: code that reads,
    /// sets or matches it no longer compiles.
    MemberTypeChanged,
    /// A member's type stayed but how an unset member is filled changed.
    /// Breaking when it becomes required (`build()` fails without it); not
    /// when a required member gains a default, nor when a default changes.
    MemberPresenceChanged,
    /// A structure's `build()` became fallible (its first required member)
    /// or infallible (its last one gone), which also takes away or gives
    /// `Default`. Breaking: `build()` returns another type.
    BuilderChanged,
    /// An enum or int enum value was added. Not breaking: the enum is
    /// `#[non_exhaustive]`, so matches already have a wildcard arm.
    EnumValueAdded,
    /// An enum or int enum value was removed. Breaking: its variant no
    /// longer exists.
    EnumValueRemoved,
    /// An enum member kept its name (and variant) but its wire value
    /// changed. Breaking: the variant stands for another string or number,
    /// so values code and stored data hold for it (`as_str()`, `From`) no
    /// longer match.
    EnumValueChanged,
    /// An error was added to an operation. Not breaking: the error enum is
    /// `#[non_exhaustive]`; the error, `Unhandled` before, gets a variant.
    OperationErrorAdded,
    /// An error was removed from an operation. Breaking: its variant of the
    /// error enum no longer exists.
    OperationErrorRemoved,
    /// An operation's input or output is another type. Breaking:
    /// `Operation::Input` or `Operation::Output` changes.
    OperationTypesChanged,
    /// A member's JSON name (`@jsonName` under restJson1) changed. Not
    /// breaking: the Rust API is the same and the generated serde reads and
    /// writes the new name.
    WireNameChanged,
    /// The `@timestampFormat` of a member's timestamps changed. Not
    /// breaking: the Rust API is the same and the generated serde reads and
    /// writes the new format.
    TimestampFormatChanged,
}
