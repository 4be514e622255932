//! Environment variables: where they are read from, and the credentials in
//! `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`.

use crate::sorted_map::SortedMap;
use std::fmt;
use std::sync::Arc;

use super::{Credentials, CredentialsError, CredentialsErrorKind, ProvideCredentials, ProvideFuture};

pub(crate) const ACCESS_KEY_ID: &str = "AWS_ACCESS_KEY_ID";
pub(crate) const SECRET_ACCESS_KEY: &str = "AWS_SECRET_ACCESS_KEY";
pub(crate) const SESSION_TOKEN: &str = "AWS_SESSION_TOKEN";

const ORIGIN: &str = "environment variables";

/// Where environment variables are read from: the process environment, or
/// a fixed set of variables (tests, or a configuration the application
/// assembled itself) so nothing has to mutate the process environment.
///
/// A variable set to the empty string counts as unset, as in the AWS SDKs;
/// so does a value that is not valid Unicode. `Debug` shows variable names,
/// never values.
#[derive(Clone)]
pub struct Env {
    source: EnvSource,
}

/// A variable lookup the application supplies.
type Lookup = Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;

#[derive(Clone)]
enum EnvSource {
    Process,
    Fixed(Arc<SortedMap<String, String>>),
    Lookup(Lookup),
}

impl Env {
    /// The process environment ([`std::env::var`]).
    pub fn process() -> Env {
        Env {
            source: EnvSource::Process,
        }
    }

    /// Exactly these variables, e.g. `Env::from_vars([("AWS_PROFILE", "dev")])`.
    pub fn from_vars<K, V>(vars: impl IntoIterator<Item = (K, V)>) -> Env
    where
        K: Into<String>,
        V: Into<String>,
    {
        let vars = vars
            .into_iter()
            .map(|(name, value)| (name.into(), value.into()))
            .collect();
        Env {
            source: EnvSource::Fixed(Arc::new(vars)),
        }
    }

    /// Variables looked up by `lookup`, e.g. from the application's own
    /// configuration.
    pub fn from_fn(lookup: impl Fn(&str) -> Option<String> + Send + Sync + 'static) -> Env {
        Env {
            source: EnvSource::Lookup(Arc::new(lookup)),
        }
    }

    /// The variable's value; `None` when it is unset or empty.
    pub fn get(&self, name: &str) -> Option<String> {
        let value = match &self.source {
            EnvSource::Process => std::env::var(name).ok(),
            EnvSource::Fixed(vars) => vars.get(name).cloned(),
            EnvSource::Lookup(lookup) => lookup(name),
        };
        value.filter(|value| !value.is_empty())
    }
}

impl Default for Env {
    /// The process environment.
    fn default() -> Env {
        Env::process()
    }
}

impl fmt::Debug for Env {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.source {
            EnvSource::Process => f.write_str("Env::Process"),
            // Names only: values may be secrets.
            EnvSource::Fixed(vars) => f
                .debug_tuple("Env::Fixed")
                .field(&vars.keys().collect::<Vec<_>>())
                .finish(),
            EnvSource::Lookup(_) => f.write_str("Env::Lookup"),
        }
    }
}

/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and, for
/// temporary credentials, `AWS_SESSION_TOKEN`.
///
/// Neither key set is [`NotFound`](CredentialsErrorKind::NotFound); one
/// without the other is [`InvalidConfiguration`](CredentialsErrorKind::InvalidConfiguration)
/// naming the missing variable.
#[derive(Clone, Debug, Default)]
pub struct EnvironmentCredentials {
    env: Env,
}

impl EnvironmentCredentials {
    /// Reads the process environment.
    pub fn new() -> EnvironmentCredentials {
        EnvironmentCredentials::default()
    }

    /// Reads `env` instead of the process environment.
    pub fn with_env(env: Env) -> EnvironmentCredentials {
        EnvironmentCredentials { env }
    }

    /// The credentials the variables hold now.
    pub fn load(&self) -> Result<Credentials, CredentialsError> {
        let access_key_id = self.env.get(ACCESS_KEY_ID);
        let secret_access_key = self.env.get(SECRET_ACCESS_KEY);
        let session_token = self.env.get(SESSION_TOKEN);
        match (access_key_id, secret_access_key) {
            (Some(access_key_id), Some(secret_access_key)) => {
                let credentials = Credentials::new(access_key_id, secret_access_key);
                Ok(match session_token {
                    Some(token) => credentials.with_session_token(token),
                    None => credentials,
                })
            }
            (Some(_), None) => Err(half_pair(ACCESS_KEY_ID, SECRET_ACCESS_KEY)),
            (None, Some(_)) => Err(half_pair(SECRET_ACCESS_KEY, ACCESS_KEY_ID)),
            (None, None) => {
                let mut message = format!("{ACCESS_KEY_ID} and {SECRET_ACCESS_KEY} are not set");
                if session_token.is_some() {
                    message.push_str(&format!(" ({SESSION_TOKEN} is set, but is ignored without them)"));
                }
                Err(CredentialsError::new(CredentialsErrorKind::NotFound, ORIGIN, message))
            }
        }
    }
}

fn half_pair(present: &str, missing: &str) -> CredentialsError {
    CredentialsError::new(
        CredentialsErrorKind::InvalidConfiguration,
        ORIGIN,
        format!("{present} is set but {missing} is not; set {missing} too, or unset {present} to use another source"),
    )
}

impl ProvideCredentials for EnvironmentCredentials {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(std::future::ready(self.load()))
    }
}
