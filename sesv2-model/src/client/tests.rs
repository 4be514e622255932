//! The client with a scripted transport: what it sends, how it retries,
//! and which step each failure names.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use super::*;
use crate::GetImportJobRequest;
use crate::credentials::Credentials;
use crate::credentials::tests::block_on;
use crate::endpoint::EndpointErrorKind;
use crate::operations::{GetImportJob, GetImportJobError};

const JOB: &str = r#"{"JobId": "job-1", "JobStatus": "COMPLETED", "ProcessedRecordsCount": 1200}"#;

/// What a scripted transport answers, in order.
#[derive(Debug)]
enum Answer {
    Status(u16, &'static str, &'static str),
    Fail(TransportErrorKind),
    /// Never answers: only a timeout ends the attempt.
    Hang,
}

/// Answers from a script, records the requests and the waits.
#[derive(Debug)]
struct Scripted {
    answers: Mutex<VecDeque<Answer>>,
    requests: Mutex<Vec<http::Request<Vec<u8>>>>,
    sleeps: Mutex<Vec<Duration>>,
}

impl Scripted {
    fn new(answers: impl IntoIterator<Item = Answer>) -> Scripted {
        Scripted {
            answers: Mutex::new(answers.into_iter().collect()),
            requests: Mutex::new(Vec::new()),
            sleeps: Mutex::new(Vec::new()),
        }
    }

    fn requests(&self) -> std::sync::MutexGuard<'_, Vec<http::Request<Vec<u8>>>> {
        self.requests.lock().expect("not poisoned")
    }

    fn sleeps(&self) -> Vec<Duration> {
        self.sleeps.lock().expect("not poisoned").clone()
    }
}

impl Transport for Scripted {
    fn send(&self, request: http::Request<Vec<u8>>) -> BoxFuture<'_, Result<http::Response<Vec<u8>>, TransportError>> {
        self.requests().push(request);
        let answer = self.answers.lock().expect("not poisoned").pop_front();
        Box::pin(async move {
            let (status, code, body) = match answer {
                Some(Answer::Status(status, code, body)) => (status, code, body),
                Some(Answer::Fail(kind)) => return Err(TransportError::new(kind, "scripted failure")),
                Some(Answer::Hang) => std::future::pending().await,
                None => panic!("the script has no answer left"),
            };
            let mut response = http::Response::builder()
                .status(status)
                .header("x-amzn-requestid", "req-7f3a");
            if !code.is_empty() {
                response = response.header("x-amzn-errortype", code);
            }
            Ok(response.body(body.as_bytes().to_vec()).expect("a valid response"))
        })
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        self.sleeps.lock().expect("not poisoned").push(duration);
        Box::pin(async {})
    }
}

fn config() -> Config {
    Config::new("eu-west-1").credentials(
        Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
            .with_session_token("FwoGZXIvYXdzEXAMPLE"),
    )
}

fn send(client: &Client<Scripted>, job_id: &str) -> Result<crate::GetImportJobResponse, Error<GetImportJobError>> {
    let input = GetImportJobRequest::builder()
        .job_id(job_id)
        .build()
        .expect("a job id is enough");
    block_on(client.send(GetImportJob, &input))
}

#[test]
fn a_call_resolves_signs_and_reads_the_output() {
    let client = Client::new(
        config().app_name("reports"),
        Scripted::new([Answer::Status(200, "", JOB)]),
    );
    let job = send(&client, "job-1").expect("the job");
    assert_eq!(job.processed_records_count(), Some(1200));
    let requests = client.transport().requests();
    let request = &requests[0];
    assert_eq!(
        request.uri(),
        "https://email.eu-west-1.amazonaws.com/v2/email/import-jobs/job-1"
    );
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
    };
    assert!(
        header("authorization").starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"),
        "{}",
        header("authorization")
    );
    assert!(header("authorization").contains("/eu-west-1/ses/aws4_request, SignedHeaders="));
    assert_eq!(header("x-amz-security-token"), "FwoGZXIvYXdzEXAMPLE");
    assert_eq!(header("amz-sdk-request"), "attempt=1; max=3");
    assert_eq!(
        header("user-agent"),
        format!(
            "sesv2-model/{} api/SESv2#2019-09-27 os/{} lang/rust app/reports",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS
        )
    );
    assert_eq!(header("amz-sdk-invocation-id").len(), 36);
}

#[test]
fn throttling_is_retried_with_backoff_until_the_attempts_run_out() {
    let throttled = || Answer::Status(429, "TooManyRequestsException", r#"{"message": "slow down"}"#);
    let client = Client::new(config(), Scripted::new([throttled(), throttled(), throttled()]));
    let error = send(&client, "job-1").expect_err("throttled three times");
    let service = error.as_service_error().expect("the service's error");
    assert!(matches!(
        service.error(),
        GetImportJobError::TooManyRequestsException(_)
    ));
    assert_eq!(
        (service.status(), service.code(), service.message()),
        (429, Some("TooManyRequestsException"), Some("slow down"))
    );
    assert_eq!(service.request_id(), Some("req-7f3a"));
    assert_eq!(service.attempts(), 3);
    let attempts: Vec<String> = client
        .transport()
        .requests()
        .iter()
        .map(|request| request.headers()["amz-sdk-request"].to_str().expect("ASCII").to_owned())
        .collect();
    assert_eq!(attempts, ["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]);
    let sleeps = client.transport().sleeps();
    assert_eq!(sleeps.len(), 2);
    assert!(
        sleeps[0] < Duration::from_secs(1) && sleeps[1] < Duration::from_secs(2),
        "{sleeps:?}"
    );
}

#[test]
fn a_server_error_then_success_reads_the_output() {
    let client = Client::new(
        config(),
        Scripted::new([Answer::Status(503, "", "unavailable"), Answer::Status(200, "", JOB)]),
    );
    assert_eq!(
        send(&client, "job-1").expect("the second attempt").job_id(),
        Some("job-1")
    );
    assert_eq!(client.transport().requests().len(), 2);
}

#[test]
fn client_errors_are_not_retried() {
    let client = Client::new(
        config(),
        Scripted::new([Answer::Status(404, "NotFoundException", r#"{"message": "no job"}"#)]),
    );
    let error = send(&client, "nope").expect_err("not found");
    assert!(matches!(
        error.as_service_error().map(ServiceError::error),
        Some(GetImportJobError::NotFoundException(_))
    ));
    let message = error.to_string();
    assert!(message.starts_with("the service returned an error: "), "{message}");
    assert!(message.ends_with(" (request id req-7f3a)"), "{message}");
    assert_eq!(client.transport().requests().len(), 1);
}

#[test]
fn connection_errors_are_retried_and_unsendable_requests_are_not() {
    let client = Client::new(
        config(),
        Scripted::new([Answer::Fail(TransportErrorKind::Connect), Answer::Status(200, "", JOB)]),
    );
    assert!(send(&client, "job-1").is_ok());
    let client = Client::new(config(), Scripted::new([Answer::Fail(TransportErrorKind::Other)]));
    let error = send(&client, "job-1").expect_err("not sendable");
    assert!(
        matches!(error, Error::Transport(ref error) if error.kind() == TransportErrorKind::Other),
        "{error:?}"
    );
    assert_eq!(client.transport().requests().len(), 1);
}

#[test]
fn an_attempt_that_never_answers_times_out_each_time() {
    let client = Client::new(
        config().attempt_timeout(Duration::from_millis(250)),
        Scripted::new([Answer::Hang, Answer::Hang, Answer::Hang]),
    );
    let error = send(&client, "job-1").expect_err("no answer");
    assert!(
        matches!(error, Error::Timeout(timeout) if timeout == Duration::from_millis(250)),
        "{error:?}"
    );
    assert_eq!(client.transport().requests().len(), 3);
}

#[test]
fn each_step_names_itself_when_it_fails() {
    let without_region = Config::empty().credentials(Credentials::new("AKIDEXAMPLE", "secret"));
    let error = send(&Client::new(without_region, Scripted::new([])), "job-1").expect_err("no region");
    match &error {
        Error::Endpoint(endpoint) => {
            assert_eq!(endpoint.kind(), EndpointErrorKind::Rule);
            assert_eq!(
                error.to_string(),
                "resolving the endpoint failed: Invalid Configuration: Missing Region"
            );
        }
        other => panic!("expected an endpoint error, got {other:?}"),
    }
    let fips_override = config().endpoint_url("http://127.0.0.1:9000").use_fips(true);
    let error = send(&Client::new(fips_override, Scripted::new([])), "job-1").expect_err("FIPS with an override");
    assert_eq!(
        error.to_string(),
        "resolving the endpoint failed: Invalid Configuration: FIPS and custom endpoint are not supported"
    );
    let error = send(&Client::new(Config::new("eu-west-1"), Scripted::new([])), "job-1").expect_err("no credentials");
    assert!(matches!(error, Error::Credentials(_)), "{error:?}");
    assert!(error.to_string().starts_with("loading credentials failed: "), "{error}");
}

#[test]
fn an_endpoint_override_sends_there_and_parameters_of_other_services_are_left_out() {
    let config = config()
        .endpoint_url("http://127.0.0.1:9000/ses")
        .endpoint_param("ForcePathStyle", true);
    let client = Client::new(config, Scripted::new([Answer::Status(200, "", JOB)]));
    assert!(send(&client, "job-1").is_ok());
    assert_eq!(
        client.transport().requests()[0].uri(),
        "http://127.0.0.1:9000/ses/v2/email/import-jobs/job-1"
    );
}

#[test]
fn from_env_reads_region_endpoint_and_settings() {
    use crate::credentials::Env;
    let env = Env::from_vars([
        ("AWS_REGION", "ap-southeast-2"),
        ("AWS_ENDPOINT_URL", "http://localhost:4566"),
        ("AWS_USE_DUALSTACK_ENDPOINT", "TRUE"),
        ("AWS_MAX_ATTEMPTS", "5"),
        ("AWS_CONFIG_FILE", "/nonexistent/sesv2-model/config"),
        ("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/sesv2-model/credentials"),
    ]);
    let config = Config::from_env_with(env).expect("valid settings");
    assert_eq!(config.region_name(), Some("ap-southeast-2"));
    assert_eq!(config.endpoint_url.as_deref(), Some("http://localhost:4566"));
    assert!(config.use_dual_stack && !config.use_fips);
    assert_eq!(config.retry.max_attempts(), 5);

    let env = Env::from_vars([("AWS_USE_FIPS_ENDPOINT", "yes"), ("AWS_CONFIG_FILE", "/nonexistent/c")]);
    let error = Config::from_env_with(env).expect_err("not a boolean");
    assert_eq!(
        error.to_string(),
        r#"AWS_USE_FIPS_ENDPOINT is "yes"; it must be `true` or `false`"#
    );
}
