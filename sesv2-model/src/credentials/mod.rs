//! AWS credentials: where they come from (explicit values, the environment,
//! the shared `credentials` and `config` files) and the value requests are
//! signed with; and the region, which comes from the same places.
//!
//! A client asks a [`ProvideCredentials`] for credentials before each
//! request. This crate provides:
//!
//! - [`Credentials`] itself: fixed credentials;
//! - [`EnvironmentCredentials`]: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
//!   `AWS_SESSION_TOKEN`;
//! - [`ProfileCredentials`]: the static keys of a profile of the shared
//!   files (`~/.aws/credentials`, `~/.aws/config`);
//! - [`DefaultCredentialsChain`]: the environment, then the profile; and
//!   [`CredentialsChain`] to try sources of your own in order.
//!
//! Assume role, IAM Identity Center (SSO), web identity, `credential_process`,
//! IMDS and the container endpoint are not implemented: implement
//! [`ProvideCredentials`] over a library that has them and give it to the
//! client, or append it to the chain with
//! [`DefaultCredentialsChain::or_else`].
//!
//! [`SharedConfig`] reads the environment and the shared files once for the
//! region ([`region_from_environment`] for the region alone) and any other
//! profile setting.
//!
//! Everything that reads the environment can read an [`Env`] instead, so
//! tests and applications never need to change the process environment:
//!
//! ```
//! use sesv2_model::credentials::{EnvironmentCredentials, Env};
//!
//! let env = Env::from_vars([
//!     ("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"),
//!     ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
//! ]);
//! let credentials = EnvironmentCredentials::with_env(env).load()?;
//! assert_eq!(credentials.access_key_id(), "AKIDEXAMPLE");
//! // Debug output and errors never show the secret.
//! assert!(!format!("{credentials:?}").contains("wJalr"));
//! # Ok::<(), sesv2_model::credentials::CredentialsError>(())
//! ```

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::SystemTime;

mod chain;
mod env;
mod error;
mod parse;
mod profile;
mod profile_credentials;
mod shared_config;
#[cfg(test)]
pub(crate) mod tests;

pub use chain::{CredentialsChain, DefaultCredentialsChain};
pub use env::{Env, EnvironmentCredentials};
pub use error::{CredentialsError, CredentialsErrorKind, ProfileFileError};
pub use profile::{Profile, ProfileFileKind, ProfileFiles, ProfileSet};
pub use profile_credentials::ProfileCredentials;
pub use shared_config::{SharedConfig, region_from_env, region_from_environment};

/// What [`ProvideCredentials::provide_credentials`] returns: a future of
/// credentials, boxed so the trait stays object-safe and needs no async
/// runtime.
pub type ProvideFuture<'a> = Pin<Box<dyn Future<Output = Result<Credentials, CredentialsError>> + Send + 'a>>;

/// A source of credentials, asked before each request.
///
/// Implement it to plug in any source (IMDS, SSO, web identity, a vault):
///
/// ```
/// use sesv2_model::credentials::{Credentials, CredentialsError, ProvideCredentials, ProvideFuture};
///
/// #[derive(Debug)]
/// struct FromVault;
///
/// impl ProvideCredentials for FromVault {
///     fn provide_credentials(&self) -> ProvideFuture<'_> {
///         Box::pin(async {
///             // ... fetch them; on failure return a CredentialsError that says why.
///             Ok(Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
///         })
///     }
/// }
/// ```
///
/// A source that has no credentials at all should fail with
/// [`CredentialsErrorKind::NotFound`], so that a chain tries the next one.
/// `Debug` must not show secrets.
pub trait ProvideCredentials: Send + Sync + fmt::Debug {
    /// The credentials to sign the next request with.
    fn provide_credentials(&self) -> ProvideFuture<'_>;
}

impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(std::future::ready(Ok(self.clone())))
    }
}

impl<T: ProvideCredentials + ?Sized> ProvideCredentials for Arc<T> {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        (**self).provide_credentials()
    }
}

impl<T: ProvideCredentials + ?Sized> ProvideCredentials for Box<T> {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        (**self).provide_credentials()
    }
}

/// An access key, its secret and, for temporary credentials, a session
/// token. `Debug` shows the access key id only: the secret and the token
/// never appear in output or in errors.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    expires_at: Option<SystemTime>,
}

impl Credentials {
    /// Long-term credentials: an access key id and its secret.
    pub fn new(access_key_id: impl Into<String>, secret_access_key: impl Into<String>) -> Credentials {
        Credentials {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token: None,
            expires_at: None,
        }
    }

    /// The same credentials with a session token (temporary credentials).
    pub fn with_session_token(mut self, token: impl Into<String>) -> Credentials {
        self.session_token = Some(token.into());
        self
    }

    /// The same credentials, valid until `time`.
    pub fn with_expiry(mut self, time: SystemTime) -> Credentials {
        self.expires_at = Some(time);
        self
    }

    /// The access key id, e.g. `AKIDEXAMPLE`.
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The secret access key.
    pub fn secret_access_key(&self) -> &str {
        &self.secret_access_key
    }

    /// The session token of temporary credentials.
    pub fn session_token(&self) -> Option<&str> {
        self.session_token.as_deref()
    }

    /// When temporary credentials stop being valid.
    pub fn expires_at(&self) -> Option<SystemTime> {
        self.expires_at
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"** redacted **")
            .field("session_token", &self.session_token.as_ref().map(|_| "** redacted **"))
            .field("expires_at", &self.expires_at)
            .finish()
    }
}
