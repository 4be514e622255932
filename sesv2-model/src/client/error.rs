//! What a call can fail with: which step failed, and for the service's own
//! errors, what the service said.

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use super::transport::TransportError;
use crate::RequestError;
use crate::credentials::CredentialsError;
use crate::endpoint::EndpointError;
use crate::sigv4::SigningError;

/// Why a call failed: the step, and what went wrong in it. `E` is the
/// operation's error enum.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error<E> {
    /// The endpoint could not be resolved: no region, a setting the rules
    /// reject, or a URL that does not parse.
    Endpoint(EndpointError),
    /// No credentials could be found or loaded.
    Credentials(CredentialsError),
    /// The input cannot be written as a request.
    Request(RequestError),
    /// The request could not be signed.
    Signing(SigningError),
    /// The last attempt could not reach the service.
    Transport(TransportError),
    /// No answer in time: the attempt's timeout, or the whole call's.
    Timeout(Duration),
    /// The service answered with an error (boxed: it holds the operation's
    /// error enum, and keeps `Result`s of this type small).
    Service(Box<ServiceError<E>>),
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Endpoint(error) => write!(f, "resolving the endpoint failed: {error}"),
            Error::Credentials(error) => write!(f, "loading credentials failed: {error}"),
            Error::Request(error) => write!(f, "building the request failed: {error}"),
            Error::Signing(error) => write!(f, "signing the request failed: {error}"),
            Error::Transport(error) => write!(f, "sending the request failed: {error}"),
            Error::Timeout(after) => write!(f, "no response within {after:?}"),
            Error::Service(error) => write!(f, "the service returned an error: {error}"),
        }
    }
}

impl<E: StdError + 'static> StdError for Error<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Error::Endpoint(error) => Some(error),
            Error::Credentials(error) => Some(error),
            Error::Request(error) => Some(error),
            Error::Signing(error) => Some(error),
            Error::Transport(error) => Some(error),
            Error::Timeout(_) => None,
            Error::Service(error) => Some(&**error),
        }
    }
}

impl<E> Error<E> {
    /// The service's error, when the service answered with one.
    pub fn as_service_error(&self) -> Option<&ServiceError<E>> {
        match self {
            Error::Service(error) => Some(error),
            _ => None,
        }
    }

    /// The service's error, when the service answered with one.
    pub fn into_service_error(self) -> Option<ServiceError<E>> {
        match self {
            Error::Service(error) => Some(*error),
            _ => None,
        }
    }
}

/// An error response: the operation's error (modeled, or `Unhandled`), and
/// what the response said about it.
#[derive(Debug)]
pub struct ServiceError<E> {
    pub(super) error: E,
    pub(super) status: u16,
    pub(super) code: Option<String>,
    pub(super) message: Option<String>,
    pub(super) request_id: Option<String>,
    pub(super) attempts: u32,
}

impl<E> ServiceError<E> {
    /// The operation's error.
    pub fn error(&self) -> &E {
        &self.error
    }

    /// The operation's error, owned.
    pub fn into_error(self) -> E {
        self.error
    }

    /// The response's HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The error code, without namespace: `NotFoundException`.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The service's message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The request id AWS gave the request (`x-amzn-RequestId`), for support.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// How many attempts the call made.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}

impl<E: fmt::Display> fmt::Display for ServiceError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.error)?;
        if let Some(request_id) = &self.request_id {
            write!(f, " (request id {request_id})")?;
        }
        Ok(())
    }
}

impl<E: StdError + 'static> StdError for ServiceError<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&self.error)
    }
}
