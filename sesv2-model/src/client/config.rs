//! What a client is set up with: region, credentials, endpoint settings,
//! retries and timeouts.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use super::retry::RetryConfig;
use crate::RequestOptions;
use crate::credentials::{DefaultCredentialsChain, Env, ProfileFileError, ProvideCredentials, SharedConfig};
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

    /// The settings the AWS CLI would use: the region from `AWS_REGION`,
    /// `AWS_DEFAULT_REGION` or the profile's `region`; credentials from the
    /// environment, then the shared `credentials` and `config` files (the
    /// profile `AWS_PROFILE` names, else `default`), looked up at each call;
    /// `AWS_ENDPOINT_URL` (or the profile's `endpoint_url`),
    /// `AWS_USE_FIPS_ENDPOINT`, `AWS_USE_DUALSTACK_ENDPOINT` and
    /// `AWS_MAX_ATTEMPTS` (or their profile keys).
    ///
    /// Fails when a shared file exists but cannot be read, or a setting has
    /// a value it cannot have.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_env_with(Env::process())
    }

    /// [`Config::from_env`], reading `env` instead of the process's
    /// environment.
    pub fn from_env_with(env: Env) -> Result<Config, ConfigError> {
        let shared = SharedConfig::load_with_env(env.clone()).map_err(ConfigError::Profile)?;
        let setting = |variable: &str, key: &str| {
            env.get(variable).map(|value| (variable.to_owned(), value)).or_else(|| {
                let profile = shared.profile()?;
                let value = profile.get(key)?.trim();
                (!value.is_empty()).then(|| {
                    (
                        format!("`{key}` of profile `{}`", shared.profile_name()),
                        value.to_owned(),
                    )
                })
            })
        };
        let flag = |variable: &str, key: &str| -> Result<bool, ConfigError> {
            match setting(variable, key) {
                None => Ok(false),
                Some((_, value)) if value.eq_ignore_ascii_case("true") => Ok(true),
                Some((_, value)) if value.eq_ignore_ascii_case("false") => Ok(false),
                Some((name, value)) => Err(ConfigError::invalid(name, value, "`true` or `false`")),
            }
        };
        let mut config = Config::empty().credentials(DefaultCredentialsChain::with_env(env.clone()));
        config.region = shared.region();
        config.use_fips = flag("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint")?;
        config.use_dual_stack = flag("AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint")?;
        config.endpoint_url = setting("AWS_ENDPOINT_URL", "endpoint_url").map(|(_, url)| url);
        if let Some((name, value)) = setting("AWS_MAX_ATTEMPTS", "max_attempts") {
            let attempts = value
                .parse::<u32>()
                .ok()
                .filter(|attempts| *attempts > 0)
                .ok_or_else(|| ConfigError::invalid(name, value, "a whole number of attempts, at least 1"))?;
            config.retry = config.retry.with_max_attempts(attempts);
        }
        Ok(config)
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

/// Why [`Config::from_env`] could not read the settings.
#[derive(Debug)]
#[non_exhaustive]
pub enum ConfigError {
    /// A shared `config` or `credentials` file exists but cannot be read.
    Profile(ProfileFileError),
    /// A setting holds a value it cannot have.
    InvalidSetting {
        /// The variable, or the profile key, that holds it.
        name: String,
        /// The value.
        value: String,
        /// What it may be.
        expected: &'static str,
    },
}

impl ConfigError {
    fn invalid(name: String, value: String, expected: &'static str) -> ConfigError {
        ConfigError::InvalidSetting { name, value, expected }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Profile(error) => write!(f, "the shared AWS config cannot be read: {error}"),
            ConfigError::InvalidSetting { name, value, expected } => {
                write!(f, "{name} is {value:?}; it must be {expected}")
            }
        }
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ConfigError::Profile(error) => Some(error),
            ConfigError::InvalidSetting { .. } => None,
        }
    }
}
