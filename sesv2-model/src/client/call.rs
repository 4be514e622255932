//! One call of an operation: endpoint, request, then attempts until one
//! succeeds, fails for good, or the retry budget is spent.

use std::time::SystemTime;

use http::HeaderValue;

use super::config::Config;
use super::error::{Error, ServiceError};
use super::retry::{RetryQuota, classify_response};
use super::service::{Auth, Service, ServiceOperation};
use super::transport::{Transport, TransportError, race};
use crate::credentials::{Credentials, CredentialsError, CredentialsErrorKind};
use crate::endpoint::{AuthScheme, EndpointError, Params, ResolvedEndpoint};
use crate::operation::body_message;
use crate::sigv4::{self, PathEncoding, SigningError, SigningSettings};
use crate::{Endpoint, error_code, error_shape_name};

/// The headers AWS gives a request's id in, in the order they are read.
const REQUEST_ID_HEADERS: &[&str] = &["x-amzn-requestid", "x-amz-request-id"];

pub(super) struct Call<'c, O: ServiceOperation, T> {
    pub config: &'c Config,
    pub transport: &'c T,
    pub quota: &'c RetryQuota,
    pub input: &'c O::Input,
}

/// Who requests are signed as, and how.
struct Signer {
    credentials: Credentials,
    name: String,
    region: String,
    settings: SigningSettings,
}

/// How one attempt ended, when it did not succeed.
enum Failure<E> {
    /// A final answer: not retried.
    Final(Error<E>),
    /// Worth another attempt, if the budget allows; the error if not.
    Retryable(Error<E>),
    /// No answer in time: retried like [`Failure::Retryable`], at a higher
    /// cost to the retry quota.
    TimedOut(Error<E>),
}

impl<O: ServiceOperation, T: Transport> Call<'_, O, T> {
    pub(super) async fn run(self) -> Result<O::Output, Error<O::Error>> {
        let endpoint = self.resolve_endpoint().map_err(Error::Endpoint)?;
        let request = self.request(&endpoint)?;
        let signer = self.signer(&endpoint).await?;

        let max_attempts = self.config.retry.max_attempts();
        let mut spent = 0;
        let mut attempt = 1;
        loop {
            let mut attempt_request = copy_request(&request);
            let progress = format!("attempt={attempt}; max={max_attempts}");
            if let Ok(value) = HeaderValue::try_from(progress.as_str()) {
                attempt_request.headers_mut().insert("amz-sdk-request", value);
            }
            if let Some(signer) = &signer {
                let params =
                    sigv4::SigningParams::new(&signer.credentials, &signer.region, &signer.name, SystemTime::now())
                        .with_settings(signer.settings.clone());
                sigv4::sign(&mut attempt_request, &params).map_err(Error::Signing)?;
            }
            let failure = match self.attempt(attempt_request, attempt).await {
                Ok(output) => {
                    self.quota.release(spent);
                    return Ok(output);
                }
                Err(failure) => failure,
            };
            let (error, timed_out) = match failure {
                Failure::Final(error) => return Err(error),
                Failure::Retryable(error) => (error, false),
                Failure::TimedOut(error) => (error, true),
            };
            if attempt >= max_attempts {
                return Err(error);
            }
            let Some(cost) = self.quota.acquire(timed_out) else {
                return Err(error);
            };
            spent += cost;
            self.transport.sleep(self.config.retry.backoff(attempt)).await;
            attempt += 1;
        }
    }

    /// The operation's request for the endpoint, with the endpoint's
    /// headers and the client's own.
    fn request(&self, endpoint: &ResolvedEndpoint) -> Result<http::Request<Vec<u8>>, Error<O::Error>> {
        let target = Endpoint::new(endpoint.url())
            .map_err(|error| Error::Endpoint(EndpointError::invalid_url(endpoint.url(), &error.to_string())))?;
        let mut request =
            O::build_request_with(self.input, &target, &self.config.request_options).map_err(Error::Request)?;
        let headers = request.headers_mut();
        for (name, values) in endpoint.headers() {
            let name =
                http::HeaderName::try_from(name).map_err(|_| Error::Endpoint(EndpointError::invalid_header(name)))?;
            for value in values {
                let value = HeaderValue::try_from(value.as_str())
                    .map_err(|_| Error::Endpoint(EndpointError::invalid_header(name.as_str())))?;
                headers.append(name.clone(), value);
            }
        }
        let user_agent = self.user_agent();
        let client_headers = [
            (http::header::USER_AGENT, user_agent.clone()),
            (http::HeaderName::from_static("x-amz-user-agent"), user_agent),
            (
                http::HeaderName::from_static("amz-sdk-invocation-id"),
                crate::IdempotencyTokens::next_token(&crate::RandomTokens),
            ),
        ];
        for (name, value) in client_headers {
            // The application name is the only text of the user's here.
            let value = HeaderValue::try_from(value).map_err(|_| {
                Error::Request(crate::RequestError::new(
                    None,
                    "the application name is not a valid header value",
                ))
            })?;
            headers.insert(name, value);
        }
        Ok(request)
    }

    /// One exchange: sent, timed, and read.
    async fn attempt(&self, request: http::Request<Vec<u8>>, attempt: u32) -> Result<O::Output, Failure<O::Error>> {
        let sent = self.transport.send(request);
        let response = match self.config.attempt_timeout {
            Some(timeout) => match race(sent, self.transport.sleep(timeout)).await {
                Some(response) => response,
                None => return Err(Failure::TimedOut(Error::Timeout(timeout))),
            },
            None => sent.await,
        };
        let response = response.map_err(|error: TransportError| {
            if error.is_retryable() {
                Failure::Retryable(Error::Transport(error))
            } else {
                Failure::Final(Error::Transport(error))
            }
        })?;
        let (parts, body) = response.into_parts();
        let status = parts.status.as_u16();
        let error = match O::parse_parts(status, &parts.headers, &body) {
            Ok(output) => return Ok(output),
            Err(error) => error,
        };
        let header = |name: &str| parts.headers.get(name).and_then(|value| value.to_str().ok());
        let code = error_code(header("x-amzn-errortype"), &body).map(|code| error_shape_name(&code).to_owned());
        // A 2xx whose body does not read is final: sending again reads the same.
        let retryable = !(200..300).contains(&status) && classify_response(status, code.as_deref()).is_some();
        let service_error = Error::Service(Box::new(ServiceError {
            error,
            status,
            message: body_message(&body),
            request_id: REQUEST_ID_HEADERS
                .iter()
                .find_map(|name| header(name))
                .map(str::to_owned),
            code,
            attempts: attempt,
        }));
        Err(if retryable {
            Failure::Retryable(service_error)
        } else {
            Failure::Final(service_error)
        })
    }

    /// The endpoint the service's rules choose for this input and client.
    fn resolve_endpoint(&self) -> Result<ResolvedEndpoint, EndpointError> {
        let rules = O::Service::endpoint_rules().map_err(EndpointError::rule_set)?;
        let mut params = Params::new();
        let config = self.config;
        let built_ins: [(&str, Option<crate::endpoint::Value>); 4] = [
            ("AWS::Region", config.region.clone().map(Into::into)),
            ("AWS::UseFIPS", Some(config.use_fips.into())),
            ("AWS::UseDualStack", Some(config.use_dual_stack.into())),
            ("SDK::Endpoint", config.endpoint_url.clone().map(Into::into)),
        ];
        for (built_in, value) in built_ins {
            if let (Some(parameter), Some(value)) = (rules.parameter_for_built_in(built_in), value) {
                params.set(parameter.name(), value);
            }
        }
        // The client's parameters serve every service: each takes the ones
        // its rules declare.
        for parameter in rules.parameters() {
            if let Some(value) = config.endpoint_params.get(parameter.name()) {
                params.set(parameter.name(), value.clone());
            }
        }
        O::endpoint_params(self.input, &mut params);
        rules.resolve(&params)
    }

    /// The credentials and signing settings for the operation's auth, if
    /// it is signed.
    async fn signer(&self, endpoint: &ResolvedEndpoint) -> Result<Option<Signer>, Error<O::Error>> {
        let provider = self.config.credentials.as_ref();
        let credentials = match (O::AUTH, provider) {
            (Auth::None, _) => return Ok(None),
            (Auth::OptionalSigV4, None) => return Ok(None),
            (Auth::OptionalSigV4, Some(provider)) => match provider.provide_credentials().await {
                Ok(credentials) => credentials,
                Err(_) => return Ok(None),
            },
            (Auth::SigV4, None) => {
                return Err(Error::Credentials(CredentialsError::new(
                    CredentialsErrorKind::NotFound,
                    "the client's config",
                    "no credentials are configured: give the client's Config credentials, or build it with Config::from_env",
                )));
            }
            (Auth::SigV4, Some(provider)) => provider.provide_credentials().await.map_err(Error::Credentials)?,
        };
        // The first scheme the endpoint lists that the client can sign with;
        // with none listed, SigV4 for the service's own name and region.
        let schemes: Vec<AuthScheme<'_>> = endpoint.auth_schemes().collect();
        let scheme = schemes.iter().find(|scheme| scheme.name() == Some("sigv4"));
        if scheme.is_none()
            && let Some(other) = schemes.first()
        {
            return Err(Error::Signing(SigningError::UnsupportedScheme {
                name: other.name().unwrap_or("unnamed").to_owned(),
            }));
        }
        let region = scheme
            .and_then(|scheme| scheme.signing_region())
            .or(self.config.region.as_deref())
            .unwrap_or("us-east-1")
            .to_owned();
        let name = scheme
            .and_then(|scheme| scheme.signing_name())
            .unwrap_or(O::Service::SIGNING_NAME)
            .to_owned();
        let mut settings = if name.starts_with("s3") {
            SigningSettings::s3()
        } else {
            SigningSettings::default()
        };
        if let Some(disabled) = scheme.and_then(|scheme| scheme.disable_double_encoding()) {
            settings = settings.path_encoding(if disabled {
                PathEncoding::Single
            } else {
                PathEncoding::Double
            });
        }
        if let Some(disabled) = scheme.and_then(|scheme| scheme.disable_normalize_path()) {
            settings = settings.normalize_path(!disabled);
        }
        Ok(Some(Signer {
            credentials,
            name,
            region,
            settings,
        }))
    }

    /// `sesv2-model/0.1.0 api/SESv2#2019-09-27 os/linux lang/rust`, and the
    /// application's name.
    fn user_agent(&self) -> String {
        let service = O::Service::SDK_ID.replace(' ', "_");
        let mut agent = format!(
            "sesv2-model/{} api/{service}#{} os/{} lang/rust",
            env!("CARGO_PKG_VERSION"),
            O::Service::API_VERSION,
            std::env::consts::OS
        );
        if let Some(app) = &self.config.app_name {
            agent.push_str(" app/");
            agent.push_str(app);
        }
        agent
    }
}

/// A copy of `request` for one attempt: each is signed anew.
fn copy_request(request: &http::Request<Vec<u8>>) -> http::Request<Vec<u8>> {
    let mut copy = http::Request::new(request.body().clone());
    *copy.method_mut() = request.method().clone();
    *copy.uri_mut() = request.uri().clone();
    *copy.version_mut() = request.version();
    *copy.headers_mut() = request.headers().clone();
    copy
}
