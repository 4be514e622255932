//! The client end to end, on a real socket: a stand-in for SES v2 on
//! 127.0.0.1 (`tests/stand-in/ses.py`, started here) verifies every
//! request's SigV4 signature with botocore, answers GetImportJob with
//! real-shaped JSON, a NotFoundException for unknown jobs, and throttles or
//! fails some jobs so that retries show. The client is pointed at it with
//! an endpoint override and sends through hyper.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use sesv2_model::client::{Client, Config, Error, HyperTransport, RetryConfig};
use sesv2_model::credentials::Credentials;
use sesv2_model::operations::{GetImportJob, GetImportJobError};
use sesv2_model::{GetImportJobRequest, JobStatus};

const ACCESS_KEY_ID: &str = "AKIDLOOPBACKEXAMPLE";
const SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYLOOPBACKKEY";
const SESSION_TOKEN: &str = "FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDLoopbackSession";
const REGION: &str = "us-east-1";
const KNOWN_JOB: &str = "ef0f4cb5-4f4a-4b3c-9a1d-5c0f1f7d2a10";

/// The stand-in, stopped when dropped.
struct StandIn {
    child: Child,
    port: u16,
}

impl Drop for StandIn {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl StandIn {
    /// Starts the stand-in; `None` (the test then returns early) when
    /// Python or botocore is missing outside CI, where they are required.
    fn start() -> Option<StandIn> {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("stand-in/ses.py");
        let spawned = Command::new("python3")
            .arg(&script)
            .args([ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, REGION])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn();
        let mut child = match spawned {
            Ok(child) => child,
            Err(error) => return skip(&format!("python3 cannot run: {error}")),
        };
        let mut line = String::new();
        let stdout = child.stdout.take().expect("stdout is piped");
        let _ = BufReader::new(stdout).read_line(&mut line);
        let Some(port) = line
            .trim()
            .strip_prefix("listening ")
            .and_then(|port| port.parse().ok())
        else {
            let mut stderr = String::new();
            let _ = child
                .stderr
                .take()
                .expect("stderr is piped")
                .read_to_string(&mut stderr);
            let _ = child.kill();
            return skip(&format!("the stand-in did not start (pip install botocore): {stderr}"));
        };
        Some(StandIn { child, port })
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// What the stand-in received: attempts per job, signature problems.
    fn requests(&self) -> Value {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("the stand-in listens");
        write!(
            stream,
            "GET /__requests HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n"
        )
        .expect("written");
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("an answer");
        let body = response.split_once("\r\n\r\n").map_or("", |(_, body)| body);
        serde_json::from_str(body).expect("the stand-in answers JSON")
    }

    /// The `amz-sdk-request` header of each attempt at `job_id`.
    fn attempts(&self, job_id: &str) -> Vec<String> {
        let requests = self.requests();
        requests["attempts"][job_id]
            .as_array()
            .map(|attempts| {
                attempts
                    .iter()
                    .filter_map(|attempt| attempt.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn skip(reason: &str) -> Option<StandIn> {
    assert!(
        std::env::var_os("CI").is_none(),
        "CI needs the loopback stand-in: {reason}"
    );
    eprintln!("skipping the loopback test: {reason}");
    None
}

fn client(stand_in: &StandIn, secret: &str) -> Client<HyperTransport> {
    let credentials = Credentials::new(ACCESS_KEY_ID, secret).with_session_token(SESSION_TOKEN);
    let config = Config::new(REGION)
        .credentials(credentials)
        .endpoint_url(stand_in.url())
        // Short backoff and timeouts keep the test fast; the policy is the standard one.
        .retry(RetryConfig::standard().with_initial_backoff(Duration::from_millis(20)))
        .attempt_timeout(Duration::from_millis(700));
    Client::new(
        config,
        HyperTransport::new().expect("the system's root certificates load"),
    )
}

fn input(job_id: &str) -> GetImportJobRequest {
    GetImportJobRequest::builder()
        .job_id(job_id)
        .build()
        .expect("a job id is all the input needs")
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

#[test]
fn get_import_job_over_a_socket_with_signing_retries_and_errors() {
    let Some(stand_in) = StandIn::start() else { return };
    let client = client(&stand_in, SECRET_ACCESS_KEY);
    runtime().block_on(async {
        // A signed request, a real-shaped answer.
        let job = client
            .send(GetImportJob, &input(KNOWN_JOB))
            .await
            .expect("the known job");
        assert_eq!(job.job_id(), Some(KNOWN_JOB));
        assert_eq!(job.job_status(), Some(&JobStatus::Completed));
        assert_eq!(job.processed_records_count(), Some(1200));
        assert_eq!(job.failed_records_count(), Some(3));
        assert_eq!(
            job.import_data_source().map(|source| source.s3_url()),
            Some("s3://contacts/2023-11.csv")
        );
        assert_eq!(
            job.created_timestamp().map(ToString::to_string).as_deref(),
            Some("2023-11-14T22:13:20.123Z")
        );
        assert_eq!(stand_in.attempts(KNOWN_JOB), ["attempt=1; max=3"]);

        // An unknown job: the modeled error, with the service's code, message and request id.
        let error = client
            .send(GetImportJob, &input("no-such-job"))
            .await
            .expect_err("an unknown job");
        let service = error.as_service_error().expect("the service answered");
        assert!(
            matches!(service.error(), GetImportJobError::NotFoundException(_)),
            "{error:?}"
        );
        assert_eq!(service.status(), 404);
        assert_eq!(service.code(), Some("NotFoundException"));
        assert_eq!(service.message(), Some("Job ID no-such-job does not exist."));
        assert!(
            service.request_id().is_some_and(|id| id.starts_with("req-")),
            "{service:?}"
        );
        assert_eq!(service.attempts(), 1, "a 404 is not retried");
        assert_eq!(stand_in.attempts("no-such-job").len(), 1);

        // Throttled twice, then answered: three attempts, each signed anew.
        let job = client
            .send(GetImportJob, &input("throttled-twice"))
            .await
            .expect("the third attempt");
        assert_eq!(job.job_id(), Some("throttled-twice"));
        assert_eq!(
            stand_in.attempts("throttled-twice"),
            ["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]
        );

        // Always throttled: the standard mode gives up after 3 attempts.
        let error = client
            .send(GetImportJob, &input("always-throttled"))
            .await
            .expect_err("throttled");
        let service = error.as_service_error().expect("the service answered");
        assert_eq!(service.status(), 429);
        assert_eq!(service.code(), Some("TooManyRequestsException"));
        assert_eq!(service.message(), Some("Maximum sending rate exceeded."));
        assert_eq!(service.attempts(), 3);
        assert!(
            matches!(service.error(), GetImportJobError::TooManyRequestsException(_)),
            "{error:?}"
        );
        assert_eq!(stand_in.attempts("always-throttled").len(), 3);

        // A transient 503 and a dropped connection are retried.
        let job = client
            .send(GetImportJob, &input("unavailable-once"))
            .await
            .expect("the second attempt");
        assert_eq!(job.job_id(), Some("unavailable-once"));
        assert_eq!(stand_in.attempts("unavailable-once").len(), 2);
        let job = client
            .send(GetImportJob, &input("dropped-once"))
            .await
            .expect("the second attempt");
        assert_eq!(job.job_id(), Some("dropped-once"));
        assert_eq!(stand_in.attempts("dropped-once").len(), 2);

        // Too slow for the attempt timeout, three times.
        let error = client.send(GetImportJob, &input("slow")).await.expect_err("too slow");
        assert!(
            matches!(error, Error::Timeout(timeout) if timeout == Duration::from_millis(700)),
            "{error:?}"
        );
        assert_eq!(stand_in.attempts("slow").len(), 3);
    });
    let problems = &stand_in.requests()["problems"];
    assert_eq!(problems, &Value::Array(Vec::new()), "botocore verified every signature");
}

#[test]
fn a_wrong_secret_fails_the_stand_ins_signature_check() {
    let Some(stand_in) = StandIn::start() else { return };
    let client = client(&stand_in, "not-the-secret-key");
    let error = runtime()
        .block_on(client.send(GetImportJob, &input(KNOWN_JOB)))
        .expect_err("the signature cannot verify");
    let service = error.as_service_error().expect("the service answered");
    assert_eq!(service.status(), 403);
    assert_eq!(service.code(), Some("InvalidSignatureException"));
    assert!(
        service
            .message()
            .is_some_and(|message| message.starts_with("signature mismatch")),
        "{service:?}"
    );
    assert!(
        !format!("{error} {error:?}").contains("not-the-secret-key"),
        "errors never show the secret"
    );
}
