//! AWS's standard retry mode: which failures are worth another attempt,
//! how long to wait before it (exponential backoff with full jitter), and
//! the retry quota that stops a client from retrying into an outage.

use std::hash::{BuildHasher, Hasher};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How a client retries: at most [`RetryConfig::max_attempts`] attempts,
/// waiting a random time below `initial_backoff × 2^(attempt − 1)` (and
/// below `max_backoff`) between them. The defaults are the standard mode's:
/// 3 attempts, 1 s, 20 s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryConfig {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
}

impl Default for RetryConfig {
    fn default() -> Self {
        RetryConfig {
            max_attempts: 3,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
        }
    }
}

impl RetryConfig {
    /// The standard mode: 3 attempts, backoff from 1 s up to 20 s.
    pub fn standard() -> RetryConfig {
        RetryConfig::default()
    }

    /// No retries: one attempt.
    pub fn disabled() -> RetryConfig {
        RetryConfig::default().with_max_attempts(1)
    }

    /// At most `attempts` attempts in all (at least 1).
    pub fn with_max_attempts(mut self, attempts: u32) -> RetryConfig {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The backoff's scale: the first retry waits up to this long.
    pub fn with_initial_backoff(mut self, backoff: Duration) -> RetryConfig {
        self.initial_backoff = backoff;
        self
    }

    /// The longest wait between attempts.
    pub fn with_max_backoff(mut self, backoff: Duration) -> RetryConfig {
        self.max_backoff = backoff;
        self
    }

    /// The most attempts a call makes.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// How long to wait after failed attempt `attempt` (1-based): a random
    /// fraction of `initial_backoff × 2^(attempt − 1)`, capped.
    pub(crate) fn backoff(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(31);
        let ceiling = self
            .initial_backoff
            .saturating_mul(1_u32 << exponent)
            .min(self.max_backoff);
        ceiling.mul_f64(jitter())
    }
}

/// Why a failed attempt may be retried: the standard mode retries both
/// alike, but tells them apart in its rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RetryKind {
    /// The service asked the client to slow down.
    Throttling,
    /// A 5xx, a timeout or a broken connection: worth one more try.
    Transient,
}

/// Error codes that mean "slow down", as the AWS SDKs list them.
const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// Error codes of failures that pass, as the AWS SDKs list them.
const TRANSIENT_CODES: &[&str] = &["RequestTimeout", "RequestTimeoutException", "InternalError"];

/// HTTP statuses of failures that pass.
const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// Whether an error response (status and error code, without namespace)
/// is worth retrying.
pub(crate) fn classify_response(status: u16, code: Option<&str>) -> Option<RetryKind> {
    if code.is_some_and(|code| THROTTLING_CODES.contains(&code)) || status == 429 {
        Some(RetryKind::Throttling)
    } else if code.is_some_and(|code| TRANSIENT_CODES.contains(&code)) || TRANSIENT_STATUSES.contains(&status) {
        Some(RetryKind::Transient)
    } else {
        None
    }
}

/// The standard mode's retry quota, shared by every call of a client:
/// each retry spends tokens (more after a timeout), each success returns
/// some, and with the bucket empty failures are no longer retried, so a
/// client backs off from a service that is down instead of tripling its
/// load.
#[derive(Debug)]
pub(crate) struct RetryQuota {
    tokens: Mutex<u32>,
}

impl RetryQuota {
    const CAPACITY: u32 = 500;
    const RETRY_COST: u32 = 5;
    const TIMEOUT_COST: u32 = 10;
    /// What a call that succeeds at the first attempt gives back.
    const SUCCESS_REWARD: u32 = 1;

    pub(crate) fn new() -> RetryQuota {
        RetryQuota {
            tokens: Mutex::new(Self::CAPACITY),
        }
    }

    /// Takes the cost of one retry, if the quota has it; returns the cost taken.
    pub(crate) fn acquire(&self, after_timeout: bool) -> Option<u32> {
        let cost = if after_timeout {
            Self::TIMEOUT_COST
        } else {
            Self::RETRY_COST
        };
        let mut tokens = self.tokens.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if *tokens < cost {
            return None;
        }
        *tokens -= cost;
        Some(cost)
    }

    /// A call succeeded after spending `spent` on retries.
    pub(crate) fn release(&self, spent: u32) {
        let refund = if spent == 0 { Self::SUCCESS_REWARD } else { spent };
        let mut tokens = self.tokens.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *tokens = (*tokens + refund).min(Self::CAPACITY);
    }

    #[cfg(test)]
    fn available(&self) -> u32 {
        *self.tokens.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A uniformly random number in `[0, 1)`, from the standard library's
/// per-process hash keys and a counter: jitter only needs to spread
/// clients apart, not to be secret.
fn jitter() -> f64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    // The top 53 bits, as the fraction of an f64's mantissa.
    (hasher.finish() >> 11) as f64 / (1_u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttling_codes_and_429_are_throttling() {
        assert_eq!(
            classify_response(400, Some("ThrottlingException")),
            Some(RetryKind::Throttling)
        );
        assert_eq!(
            classify_response(429, Some("TooManyRequestsException")),
            Some(RetryKind::Throttling)
        );
        assert_eq!(classify_response(429, None), Some(RetryKind::Throttling));
        assert_eq!(classify_response(503, Some("SlowDown")), Some(RetryKind::Throttling));
    }

    #[test]
    fn server_errors_and_timeouts_are_transient() {
        for status in [500, 502, 503, 504] {
            assert_eq!(classify_response(status, None), Some(RetryKind::Transient));
        }
        assert_eq!(
            classify_response(400, Some("RequestTimeout")),
            Some(RetryKind::Transient)
        );
    }

    #[test]
    fn client_errors_are_not_retried() {
        assert_eq!(classify_response(404, Some("NotFoundException")), None);
        assert_eq!(classify_response(400, Some("BadRequestException")), None);
        assert_eq!(classify_response(501, None), None);
        assert_eq!(classify_response(403, Some("AccessDeniedException")), None);
    }

    #[test]
    fn backoff_grows_exponentially_under_its_cap() {
        let config = RetryConfig::standard();
        for _ in 0..1000 {
            assert!(config.backoff(1) < Duration::from_secs(1));
            assert!(config.backoff(2) < Duration::from_secs(2));
            assert!(config.backoff(3) < Duration::from_secs(4));
            assert!(config.backoff(40) <= Duration::from_secs(20));
        }
        let mean = (0..2000).map(|_| config.backoff(3).as_secs_f64()).sum::<f64>() / 2000.0;
        assert!(
            (1.7..2.3).contains(&mean),
            "full jitter averages half the ceiling, got {mean}"
        );
    }

    #[test]
    fn max_attempts_is_at_least_one() {
        assert_eq!(RetryConfig::standard().max_attempts(), 3);
        assert_eq!(RetryConfig::standard().with_max_attempts(0).max_attempts(), 1);
        assert_eq!(RetryConfig::disabled().max_attempts(), 1);
    }

    #[test]
    fn an_empty_quota_stops_retries_until_calls_succeed() {
        let quota = RetryQuota::new();
        let mut spent = 0;
        while let Some(cost) = quota.acquire(false) {
            spent += cost;
        }
        assert_eq!(spent, 500);
        assert_eq!(quota.acquire(true), None);
        quota.release(5);
        assert_eq!(quota.acquire(false), Some(5));
        quota.release(0);
        assert_eq!(quota.available(), 1);
    }
}
