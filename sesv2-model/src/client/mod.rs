//! A small async client for any service generated with `client = true`:
//! it resolves the endpoint from the service's rules, signs with SigV4,
//! sends through a [`Transport`] of your choice and retries as AWS's
//! standard retry mode does.
//!
//! ```no_run
//! # async fn run(transport: impl sesv2_model::client::Transport) -> Result<(), Box<dyn std::error::Error>> {
//! use sesv2_model::GetImportJobRequest;
//! use sesv2_model::client::{Client, Config};
//! use sesv2_model::operations::GetImportJob;
//!
//! let client = Client::new(Config::from_env()?, transport);
//! let input = GetImportJobRequest::builder().job_id("ef0f4cb5").build()?;
//! let job = client.send(GetImportJob, &input).await?;
//! println!("{:?}", job.job_status());
//! # Ok(())
//! # }
//! ```

mod call;
mod config;
mod error;
#[cfg(feature = "hyper")]
mod hyper;
mod retry;
mod service;
#[cfg(test)]
mod tests;
mod transport;

use std::sync::Arc;

pub use config::{Config, ConfigError};
pub use error::{Error, ServiceError};
#[cfg(feature = "hyper")]
pub use hyper::HyperTransport;
pub use retry::RetryConfig;
pub use service::{Auth, Service, ServiceOperation};
pub use transport::{BoxFuture, Transport, TransportError, TransportErrorKind};

use retry::RetryQuota;

/// Calls the operations of generated services: one client serves any
/// number of services and calls at once (it is cheap to clone).
#[derive(Clone, Debug)]
pub struct Client<T> {
    config: Arc<Config>,
    transport: Arc<T>,
    quota: Arc<RetryQuota>,
}

impl<T: Transport> Client<T> {
    /// A client with `config`, sending through `transport`.
    pub fn new(config: Config, transport: T) -> Client<T> {
        Client {
            config: Arc::new(config),
            transport: Arc::new(transport),
            quota: Arc::new(RetryQuota::new()),
        }
    }

    /// The client's settings.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The transport requests go through.
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// Calls `operation` with `input`: resolves the endpoint, builds and
    /// signs the request, sends it (retrying what the standard retry mode
    /// retries) and reads the response into the operation's output.
    pub async fn send<O: ServiceOperation>(
        &self,
        operation: O,
        input: &O::Input,
    ) -> Result<O::Output, Error<O::Error>> {
        let _ = operation;
        let call = call::Call::<O, T> {
            config: &self.config,
            transport: &self.transport,
            quota: &self.quota,
            input,
        };
        match self.config.operation_timeout {
            Some(timeout) => transport::race(call.run(), self.transport.sleep(timeout))
                .await
                .unwrap_or(Err(Error::Timeout(timeout))),
            None => call.run().await,
        }
    }
}
