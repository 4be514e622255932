//! Errors the engine reports, each tied to the piece of input it is about,
//! and the notes it makes about what it generates.

use std::fmt;

use crate::node::Position;

/// The piece of the caller's input an [`Error`] is about.
///
/// The proc macro uses it to point the compile error at the right macro
/// argument; other callers can use it to highlight their own input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Subject {
    /// The model file: reading it, its JSON, or the shapes inside it.
    Model,
    /// The operation at this index of [`crate::Config::operations`].
    Operation(usize),
    /// The shape id at this index of [`crate::Config::shapes`].
    Shape(usize),
    /// The shape of the [`crate::Derive`] at this index of [`crate::Config::derives`].
    DeriveShape(usize),
    /// In the [`crate::Derive`] at the first index of [`crate::Config::derives`],
    /// the trait at the second index.
    Derive(usize, usize),
    /// The [`crate::Rename`] at this index of [`crate::Config::renames`].
    Rename(usize),
    /// [`crate::Config::runtime_crate`].
    RuntimeCrate,
}

/// One problem found in the model or in the requested selection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    subject: Subject,
    message: String,
    location: Option<Location>,
}

/// Where in a model file an [`Error`] is: for IDL files, the line and
/// column of the text at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file, as it was given.
    pub path: String,
    /// 1-based.
    pub line: u32,
    /// 1-based, in characters.
    pub column: u32,
}

impl Error {
    pub(crate) fn new(subject: Subject, message: impl Into<String>) -> Self {
        Error {
            subject,
            message: message.into(),
            location: None,
        }
    }

    /// An error about a model file: `path:line:column: message` at a place
    /// in it, `path: message` without one; a model handed over without a
    /// file is not named.
    pub(crate) fn in_file(path: &str, position: Option<Position>, message: impl fmt::Display) -> Self {
        match (path, position) {
            ("", None) => Error::model(message.to_string()),
            ("", Some(position)) => {
                Error::model(format!("{position}: {message}")).at(path, position.line, position.column)
            }
            (path, None) => Error::model(format!("{path}: {message}")),
            (path, Some(position)) => {
                Error::model(format!("{path}:{position}: {message}")).at(path, position.line, position.column)
            }
        }
    }

    /// Records where in which file the error is; the message already says it.
    pub(crate) fn at(mut self, path: &str, line: u32, column: u32) -> Self {
        self.location = Some(Location {
            path: path.to_owned(),
            line,
            column,
        });
        self
    }

    /// The file, line and column, for errors about a place in an IDL file.
    pub fn location(&self) -> Option<&Location> {
        self.location.as_ref()
    }

    pub(crate) fn model(message: impl Into<String>) -> Self {
        Error::new(Subject::Model, message)
    }

    /// What the error is about.
    pub fn subject(&self) -> Subject {
        self.subject
    }

    /// The full message: where in the model, what is wrong, and how to fix it.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Every error one run found; never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Errors(Vec<Error>);

impl Errors {
    /// The errors in the order they were found.
    pub fn iter(&self) -> std::slice::Iter<'_, Error> {
        self.0.iter()
    }

    /// How many errors were found (at least one).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: an `Errors` value holds at least one error.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Error> for Errors {
    fn from(error: Error) -> Self {
        Errors(vec![error])
    }
}

impl IntoIterator for Errors {
    type Item = Error;
    type IntoIter = std::vec::IntoIter<Error>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Errors {
    type Item = &'a Error;
    type IntoIter = std::slice::Iter<'a, Error>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(error, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

/// Something the generated code cannot represent exactly, reported instead
/// of failing: the generated docs say it too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The shape or member it is about, or `(service)`.
    pub shape: String,
    /// What is not exact, and what the generated code does instead.
    pub message: String,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.shape, self.message)
    }
}

/// Collects the errors of one stage so that all of them are reported together,
/// instead of making the user fix and rebuild one at a time.
#[derive(Default)]
pub(crate) struct Diagnostics {
    errors: Vec<Error>,
}

impl Diagnostics {
    pub(crate) fn push(&mut self, error: Error) {
        self.errors.push(error);
    }

    pub(crate) fn model(&mut self, message: impl Into<String>) {
        self.push(Error::model(message));
    }

    /// Whether anything was reported.
    pub(crate) fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// Appends what another run of the same stage reported, keeping order.
    pub(crate) fn extend(&mut self, other: Diagnostics) {
        self.errors.extend(other.errors);
    }

    /// Ends the stage: `Ok(value)` when nothing was reported.
    pub(crate) fn finish<T>(self, value: T) -> Result<T, Errors> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(Errors(self.errors))
        }
    }
}

/// The closest candidate to `wanted`, if one is close enough to be a likely typo.
pub(crate) fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted_lower = wanted.to_ascii_lowercase();
    let close_enough = |candidate: &str| (candidate.len().max(wanted.len()) / 3).max(2);
    candidates
        .into_iter()
        // The distance is at least the difference in length: most candidates
        // are ruled out without computing it.
        .filter(|candidate| candidate.len().abs_diff(wanted.len()) <= close_enough(candidate))
        .map(|candidate| {
            let distance = strsim::levenshtein(&wanted_lower, &candidate.to_ascii_lowercase());
            (distance, candidate)
        })
        .filter(|(distance, candidate)| *distance <= close_enough(candidate))
        .min()
        .map(|(_, candidate)| candidate)
}

/// ` Did you mean `x`?` when a close candidate exists, otherwise nothing.
pub(crate) fn did_you_mean<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    match closest(wanted, candidates) {
        Some(candidate) => format!(" Did you mean `{candidate}`?"),
        None => String::new(),
    }
}
