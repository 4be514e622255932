//! What a client is set up with: region, credentials, endpoint settings,
//! retries and timeouts.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use super::retry::RetryConfig;
use crate::RequestOptions;
use crate::credentials::ProvideCredentials;
use crate::endpoint::{Params, Value};

/// A client's settings. Start from [`Config::new`] with a region, or from
/// [`Config::from_env`], which reads what the AWS CLI reads.
#[derive(Clone)]
pub struct Config {
    pub(super) region: Option<String>,
    pub(super) credentials: Option<Arc<dyn ProvideCredentials>>,
    pub(super) endpoint_url: Option<String>,
    pub(super) use_fips: bool,
    pub(super) use_dual_stack: bool,
    pub(super) endpoint_params: Params,
    pub(super) retry: RetryConfig,
    pub(super) attempt_timeout: Option<Duration>,
    pub(super) operation_timeout: Option<Duration>,
    pub(super) app_name: Option<String>,
    pub(super) request_options: Arc<RequestOptions>,
}

impl Config {
    /// Settings for `region` (`eu-west-1`), without credentials: add them
    /// with [`Config::credentials`].
    pub fn new(region: impl Into<String>) -> Config {
        Config {
            region: Some(region.into()),
            ..Config::empty()
        }
    }

    /// No region, no credentials, the standard retry mode, no timeouts.
    pub fn empty() -> Config {
        Config {
            region: None,
            credentials: None,
            endpoint_url: None,
            use_fips: false,
            use_dual_stack: false,
            endpoint_params: Params::new(),
            retry: RetryConfig::standard(),
            attempt_timeout: None,
            operation_timeout: None,
            app_name: None,
            request_options: Arc::new(RequestOptions::new()),
        }
    }

    /// The region requests go to.
    pub fn region(mut self, region: impl Into<String>) -> Config {
        self.region = Some(region.into());
        self
    }

    /// Where credentials come from: [`Credentials`](crate::credentials::Credentials)
    /// themselves, or any
    /// [`ProvideCredentials`] (IMDS, SSO and others plug in here).
    pub fn credentials(mut self, provider: impl ProvideCredentials + 'static) -> Config {
        self.credentials = Some(Arc::new(provider));
        self
    }

    /// Sends every request to `url` instead of the endpoint the service's
    /// rules choose (the `SDK::Endpoint` built-in): a local stand-in, a VPC
    /// endpoint.
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Config {
        self.endpoint_url = Some(url.into());
        self
    }

    /// Uses FIPS 140 endpoints (`AWS::UseFIPS`).
    pub fn use_fips(mut self, enabled: bool) -> Config {
        self.use_fips = enabled;
        self
    }

    /// Uses dual-stack (IPv6) endpoints (`AWS::UseDualStack`).
    pub fn use_dual_stack(mut self, enabled: bool) -> Config {
        self.use_dual_stack = enabled;
        self
    }

    /// Sets a parameter of the service's endpoint rules by name, such as
    /// S3's `ForcePathStyle`.
    pub fn endpoint_param(mut self, name: &str, value: impl Into<Value>) -> Config {
        self.endpoint_params.set(name, value);
        self
    }

    /// How failed attempts are retried.
    pub fn retry(mut self, retry: RetryConfig) -> Config {
        self.retry = retry;
        self
    }

    /// The longest one attempt may take.
    pub fn attempt_timeout(mut self, timeout: Duration) -> Config {
        self.attempt_timeout = Some(timeout);
        self
    }

    /// The longest a whole call may take, retries and backoff included.
    pub fn operation_timeout(mut self, timeout: Duration) -> Config {
        self.operation_timeout = Some(timeout);
        self
    }

    /// An application name the `User-Agent` ends with (`app/NAME`).
    pub fn app_name(mut self, name: impl Into<String>) -> Config {
        self.app_name = Some(name.into());
        self
    }

    /// How requests are built: idempotency tokens, request compression.
    pub fn request_options(mut self, options: RequestOptions) -> Config {
        self.request_options = Arc::new(options);
        self
    }

    /// The region, if set.
    pub fn region_name(&self) -> Option<&str> {
        self.region.as_deref()
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::empty()
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("region", &self.region)
            .field("credentials", &self.credentials)
            .field("endpoint_url", &self.endpoint_url)
            .field("use_fips", &self.use_fips)
            .field("use_dual_stack", &self.use_dual_stack)
            .field("endpoint_params", &self.endpoint_params)
            .field("retry", &self.retry)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("operation_timeout", &self.operation_timeout)
            .field("app_name", &self.app_name)
            .finish_non_exhaustive()
    }
}
