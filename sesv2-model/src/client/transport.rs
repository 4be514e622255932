//! What sends requests: the [`Transport`] trait a client is generic over,
//! and the race that bounds a future by a transport's timer.

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// A boxed future that can move between threads.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Sends HTTP requests and keeps time, on whatever async runtime the
/// implementation uses.
///
/// The client builds, signs and reads; a transport only moves bytes. Plug
/// in your own HTTP client by implementing the two methods:
///
/// ```
/// use std::time::Duration;
/// use sesv2_model::client::{BoxFuture, Transport, TransportError};
///
/// /// Answers every request with 503, at once: a stand-in for tests.
/// #[derive(Debug)]
/// struct Unavailable;
///
/// impl Transport for Unavailable {
///     fn send(&self, _request: http::Request<Vec<u8>>) -> BoxFuture<'_, Result<http::Response<Vec<u8>>, TransportError>> {
///         Box::pin(async { Ok(http::Response::builder().status(503).body(Vec::new()).expect("a valid response")) })
///     }
///
///     fn sleep(&self, _duration: Duration) -> BoxFuture<'static, ()> {
///         Box::pin(async {})
///     }
/// }
/// ```
pub trait Transport: Send + Sync + fmt::Debug {
    /// Sends `request` and reads the whole response.
    fn send(&self, request: http::Request<Vec<u8>>) -> BoxFuture<'_, Result<http::Response<Vec<u8>>, TransportError>>;

    /// Completes after `duration`: backoff between attempts and timeouts
    /// are measured with it.
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()>;
}

/// Why a transport could not exchange a request for a response.
#[derive(Debug)]
pub struct TransportError {
    kind: TransportErrorKind,
    source: Box<dyn StdError + Send + Sync>,
}

/// What kind of failure a [`TransportError`] is: all are retried but
/// [`TransportErrorKind::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The connection could not be made (DNS, refused, TLS handshake).
    Connect,
    /// The connection broke or timed out while the request or response
    /// was under way.
    Io,
    /// The request could not be sent at all (e.g. an invalid URI): sending
    /// it again cannot help.
    Other,
}

impl TransportError {
    /// An error of kind `kind`, caused by `source`.
    pub fn new(kind: TransportErrorKind, source: impl Into<Box<dyn StdError + Send + Sync>>) -> TransportError {
        TransportError {
            kind,
            source: source.into(),
        }
    }

    /// What kind of failure it is.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// Whether sending the request again may succeed.
    pub fn is_retryable(&self) -> bool {
        self.kind != TransportErrorKind::Other
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            TransportErrorKind::Connect => "could not connect",
            TransportErrorKind::Io => "the connection failed",
            TransportErrorKind::Other => "the request could not be sent",
        };
        write!(f, "{kind}: {}", self.source)
    }
}

impl StdError for TransportError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&*self.source)
    }
}

/// `work`, unless `timer` completes first: `None` then.
pub(crate) async fn race<T>(work: impl Future<Output = T>, timer: BoxFuture<'static, ()>) -> Option<T> {
    Race {
        work: Box::pin(work),
        timer,
    }
    .await
}

struct Race<W> {
    work: Pin<Box<W>>,
    timer: BoxFuture<'static, ()>,
}

impl<W: Future> Future for Race<W> {
    type Output = Option<W::Output>;

    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<Self::Output> {
        if let Poll::Ready(output) = self.work.as_mut().poll(context) {
            return Poll::Ready(Some(output));
        }
        match self.timer.as_mut().poll(context) {
            Poll::Ready(()) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    }
}
