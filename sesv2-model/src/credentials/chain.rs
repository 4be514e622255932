//! Trying credentials sources in order.

use std::sync::Arc;

use super::{
    CredentialsError, CredentialsErrorKind, Env, EnvironmentCredentials, ProfileCredentials, ProvideCredentials,
    ProvideFuture,
};

/// Sources tried in order: the first that has credentials gives them.
///
/// A source that finds nothing ([`NotFound`](CredentialsErrorKind::NotFound))
/// passes to the next; any other error ends the search, since it means
/// credentials were configured but are unusable, and using the next source
/// instead would sign as someone else. When no source has credentials the
/// error lists every place looked ([`CredentialsError::tried`]).
#[derive(Clone, Debug, Default)]
pub struct CredentialsChain {
    providers: Vec<Arc<dyn ProvideCredentials>>,
}

impl CredentialsChain {
    /// An empty chain, which finds nothing.
    pub fn new() -> CredentialsChain {
        CredentialsChain::default()
    }

    /// The same chain, trying `provider` after the sources it has.
    pub fn or_else(mut self, provider: impl ProvideCredentials + 'static) -> CredentialsChain {
        self.providers.push(Arc::new(provider));
        self
    }
}

impl ProvideCredentials for CredentialsChain {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(async move {
            let mut tried = Vec::new();
            for provider in &self.providers {
                match provider.provide_credentials().await {
                    Err(error) if error.kind() == CredentialsErrorKind::NotFound => tried.push(error),
                    result => return result,
                }
            }
            Err(nothing_found(tried))
        })
    }
}

/// The error of a chain whose sources all found nothing.
pub(crate) fn nothing_found(tried: Vec<CredentialsError>) -> CredentialsError {
    let message = "no AWS credentials found; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, add a profile to the \
                   shared credentials file (`aws configure`), or give the client your own `ProvideCredentials`. \
                   Looked in:";
    CredentialsError::new(CredentialsErrorKind::NotFound, "credentials chain", message).with_tried(tried)
}

/// The AWS SDKs' default order, limited to the sources this crate reads:
/// the environment variables ([`EnvironmentCredentials`]), then the selected
/// profile of the shared files ([`ProfileCredentials`]).
///
/// [`or_else`](Self::or_else) appends sources of your own, such as IMDS on
/// EC2 or the container endpoint on ECS.
#[derive(Clone, Debug)]
pub struct DefaultCredentialsChain {
    chain: CredentialsChain,
}

impl DefaultCredentialsChain {
    /// Reads the process environment.
    pub fn new() -> DefaultCredentialsChain {
        DefaultCredentialsChain::with_env(Env::process())
    }

    /// Reads `env` instead of the process environment, for both the
    /// credentials variables and the files' locations and profile.
    pub fn with_env(env: Env) -> DefaultCredentialsChain {
        let chain = CredentialsChain::new()
            .or_else(EnvironmentCredentials::with_env(env.clone()))
            .or_else(ProfileCredentials::with_env(env));
        DefaultCredentialsChain { chain }
    }

    /// The same chain, trying `provider` after the others.
    pub fn or_else(self, provider: impl ProvideCredentials + 'static) -> DefaultCredentialsChain {
        DefaultCredentialsChain {
            chain: self.chain.or_else(provider),
        }
    }
}

impl Default for DefaultCredentialsChain {
    fn default() -> DefaultCredentialsChain {
        DefaultCredentialsChain::new()
    }
}

impl ProvideCredentials for DefaultCredentialsChain {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        self.chain.provide_credentials()
    }
}
