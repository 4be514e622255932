//! [`HyperTransport`]: the client's transport on hyper 1, rustls and tokio
//! (the `hyper` feature).

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use super::transport::{BoxFuture, Transport, TransportError, TransportErrorKind};

/// Sends requests with hyper over HTTP/1.1, through TLS (rustls, trusting
/// the system's root certificates) for `https` URLs, on the tokio runtime
/// the calls run in. Connections are pooled and reused.
#[derive(Clone, Debug)]
pub struct HyperTransport {
    client: HyperClient<HttpsConnector<HttpConnector>, Full<Bytes>>,
}

impl HyperTransport {
    /// A transport that trusts the system's root certificates, giving up on
    /// a connection after 10 seconds.
    pub fn new() -> Result<HyperTransport, TransportError> {
        HyperTransport::with_connect_timeout(Duration::from_secs(10))
    }

    /// [`HyperTransport::new`], with its own limit for establishing a
    /// connection.
    pub fn with_connect_timeout(timeout: Duration) -> Result<HyperTransport, TransportError> {
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_connect_timeout(Some(timeout));
        let https = HttpsConnectorBuilder::new()
            .with_native_roots()
            .map_err(|error| TransportError::new(TransportErrorKind::Other, error))?
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        Ok(HyperTransport {
            client: HyperClient::builder(TokioExecutor::new()).build(https),
        })
    }
}

impl Transport for HyperTransport {
    fn send(&self, request: http::Request<Vec<u8>>) -> BoxFuture<'_, Result<http::Response<Vec<u8>>, TransportError>> {
        let request = request.map(|body| Full::new(Bytes::from(body)));
        Box::pin(async move {
            let response = self.client.request(request).await.map_err(|error| {
                let kind = if error.is_connect() {
                    TransportErrorKind::Connect
                } else {
                    TransportErrorKind::Io
                };
                TransportError::new(kind, error)
            })?;
            let (parts, body) = response.into_parts();
            let body = body
                .collect()
                .await
                .map_err(|error| TransportError::new(TransportErrorKind::Io, error))?
                .to_bytes();
            Ok(http::Response::from_parts(parts, body.to_vec()))
        })
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}
