//! The error every credentials provider returns, and the error of reading
//! the shared files.

use std::error::Error;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Why a credentials provider gave no credentials.
///
/// A chain such as [`DefaultCredentialsChain`](super::DefaultCredentialsChain)
/// moves on to its next source after [`NotFound`](Self::NotFound) only: every
/// other kind means credentials were configured but cannot be used, and
/// silently using another source instead would sign as someone else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CredentialsErrorKind {
    /// The source holds no credentials at all (variables unset, no such
    /// profile, no keys in the profile).
    NotFound,
    /// Credentials are configured but incomplete or malformed: half a key
    /// pair, a shared file that does not parse.
    InvalidConfiguration,
    /// The profile gets its credentials in a way this crate does not
    /// implement (assume role, SSO, web identity, `credential_process`).
    Unsupported,
    /// A shared file exists but could not be read.
    Unreadable,
    /// A provider outside this crate failed; see [`Error::source`].
    ProviderError,
}

/// A credentials provider's failure: which source failed and why, and how to
/// fix it.
///
/// Never holds a secret: messages name variables, files, lines, profiles and
/// keys, never their values.
#[derive(Clone, Debug)]
pub struct CredentialsError {
    // Boxed: errors are rare, and `Result<Credentials, _>` stays small.
    inner: Box<Inner>,
}

#[derive(Clone, Debug)]
struct Inner {
    kind: CredentialsErrorKind,
    origin: String,
    message: String,
    path: Option<PathBuf>,
    line: Option<usize>,
    tried: Vec<CredentialsError>,
    cause: Option<Arc<dyn Error + Send + Sync>>,
}

impl CredentialsError {
    /// An error of `kind` from the source described by `origin` (e.g.
    /// `"environment variables"`, `"IMDS"`), with a message that says what
    /// is wrong and how to fix it. The message must not contain secrets.
    pub fn new(kind: CredentialsErrorKind, origin: impl Into<String>, message: impl Into<String>) -> CredentialsError {
        CredentialsError {
            inner: Box::new(Inner {
                kind,
                origin: origin.into(),
                message: message.into(),
                path: None,
                line: None,
                tried: Vec::new(),
                cause: None,
            }),
        }
    }

    /// A provider's own failure (kind [`ProviderError`](CredentialsErrorKind::ProviderError)),
    /// keeping `cause` as [`Error::source`]. For implementors of
    /// [`ProvideCredentials`](super::ProvideCredentials).
    pub fn provider_error(
        origin: impl Into<String>,
        message: impl Into<String>,
        cause: impl Into<Box<dyn Error + Send + Sync>>,
    ) -> CredentialsError {
        CredentialsError::new(CredentialsErrorKind::ProviderError, origin, message).with_cause(cause)
    }

    /// The same error with `cause` as its [`Error::source`].
    pub fn with_cause(mut self, cause: impl Into<Box<dyn Error + Send + Sync>>) -> CredentialsError {
        self.inner.cause = Some(Arc::from(cause.into()));
        self
    }

    pub(crate) fn at(mut self, path: &Path, line: Option<usize>) -> CredentialsError {
        self.inner.path = Some(path.to_path_buf());
        self.inner.line = line;
        self
    }

    pub(crate) fn with_tried(mut self, tried: Vec<CredentialsError>) -> CredentialsError {
        self.inner.tried = tried;
        self
    }

    /// Why no credentials came back.
    pub fn kind(&self) -> CredentialsErrorKind {
        self.inner.kind
    }

    /// The source that failed, e.g. `environment variables` or
    /// ``profile `dev` ``.
    pub fn origin(&self) -> &str {
        &self.inner.origin
    }

    /// What is wrong and how to fix it, without the origin.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// The file the error is about, when there is one.
    pub fn path(&self) -> Option<&Path> {
        self.inner.path.as_deref()
    }

    /// The 1-based line in [`path`](Self::path) the error is about, for
    /// parse errors.
    pub fn line(&self) -> Option<usize> {
        self.inner.line
    }

    /// For a chain that found nothing: each source's own
    /// [`NotFound`](CredentialsErrorKind::NotFound), in the order tried.
    pub fn tried(&self) -> &[CredentialsError] {
        &self.inner.tried
    }
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.inner.origin, self.inner.message)?;
        for tried in &self.inner.tried {
            write!(f, "\n  - {tried}")?;
        }
        Ok(())
    }
}

impl Error for CredentialsError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.inner.cause.as_deref().map(|cause| cause as &(dyn Error + 'static))
    }
}

/// A shared `config` or `credentials` file that exists but cannot be used:
/// unreadable, not UTF-8, or a line that does not parse.
#[derive(Clone, Debug)]
pub struct ProfileFileError {
    path: PathBuf,
    line: Option<usize>,
    message: String,
    unreadable: bool,
}

impl ProfileFileError {
    pub(crate) fn parse(path: &Path, line: usize, message: impl Into<String>) -> ProfileFileError {
        ProfileFileError {
            path: path.to_path_buf(),
            line: Some(line),
            message: message.into(),
            unreadable: false,
        }
    }

    pub(crate) fn unreadable(path: &Path, message: impl Into<String>) -> ProfileFileError {
        ProfileFileError {
            path: path.to_path_buf(),
            line: None,
            message: message.into(),
            unreadable: true,
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The 1-based line that does not parse; `None` when the whole file
    /// could not be read.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// What is wrong, without the location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ProfileFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}, line {line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl Error for ProfileFileError {}

impl From<ProfileFileError> for CredentialsError {
    fn from(error: ProfileFileError) -> CredentialsError {
        let kind = if error.unreadable {
            CredentialsErrorKind::Unreadable
        } else {
            CredentialsErrorKind::InvalidConfiguration
        };
        CredentialsError::new(kind, "shared config files", error.to_string()).at(&error.path, error.line)
    }
}
