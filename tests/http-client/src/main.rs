//! GetImportJob sent with a real HTTP client: `sesv2-model` builds the
//! `http::Request` and reads the `http::Response`; `ureq` sends it.
//!
//! ```text
//! cargo run -p sesv2-model-http-example              # against a stand-in for SES on localhost
//! cargo run -p sesv2-model-http-example -- ENDPOINT  # against another endpoint
//! ```
//!
//! Real SES needs requests signed with SigV4, which this crate does not do
//! yet; unsigned, SES answers with an error, which reads as `Unhandled`.

use std::error::Error;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};

use sesv2_model::http;
use sesv2_model::operations::{GetImportJob, GetImportJobError};
use sesv2_model::{Endpoint, GetImportJobRequest, Operation};

/// The job the stand-in knows.
const JOB_ID: &str = "ef0f4cb5-4f4a-4b3c-9a1d-5c0f1f7d2a10";

fn main() -> Result<(), Box<dyn Error>> {
    let endpoint = match std::env::args().nth(1) {
        Some(url) => Endpoint::new(&url)?,
        None => stand_in()?,
    };
    // Error statuses are responses to read, not transport errors.
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    for job_id in [JOB_ID, "no-such-job"] {
        let input = GetImportJobRequest::builder().job_id(job_id).build()?;
        let request = GetImportJob::build_request(&input, &endpoint)?;
        println!("{} {}", request.method(), request.uri());

        let (parts, mut body) = agent.run(request)?.into_parts();
        let response = http::Response::from_parts(parts, body.read_to_vec()?);
        match GetImportJob::parse_response(&response) {
            Ok(job) => println!(
                "  {} {:?}: {} records processed, {} failed",
                response.status(),
                job.job_status().map(|status| status.as_str()),
                job.processed_records_count().unwrap_or(0),
                job.failed_records_count().unwrap_or(0),
            ),
            Err(GetImportJobError::NotFoundException(error)) => {
                println!("  {} not found: {}", response.status(), error.message().unwrap_or("-"))
            }
            Err(error) => println!("  {} {error}", response.status()),
        }
    }
    Ok(())
}

/// Starts a stand-in for the SES endpoint on localhost, which answers as SES
/// does: the job for [`JOB_ID`], `NotFoundException` for any other.
fn stand_in() -> Result<Endpoint, Box<dyn Error>> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let endpoint = Endpoint::new(&format!("http://{}", listener.local_addr()?))?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            if let Err(error) = answer(stream) {
                eprintln!("stand-in: {error}");
            }
        }
    });
    Ok(endpoint)
}

fn answer(stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // The rest of the head; a GetImportJob request has no body.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("");
    let (status, headers, body) = if path == format!("/v2/email/import-jobs/{JOB_ID}") {
        (
            "200 OK",
            String::new(),
            format!(
                r#"{{"JobId":"{JOB_ID}","JobStatus":"COMPLETED","ImportDestination":{{"ContactListDestination":{{"ContactListName":"newsletter","ContactListImportAction":"PUT"}}}},"ImportDataSource":{{"S3Url":"s3://contacts/2023-11.csv","DataFormat":"CSV"}},"CreatedTimestamp":1.700000000123E9,"ProcessedRecordsCount":1200,"FailedRecordsCount":3}}"#
            ),
        )
    } else {
        (
            "404 Not Found",
            "x-amzn-ErrorType: NotFoundException:http://internal.amazon.com/coral/com.amazonaws.sesv2/\r\n".to_owned(),
            r#"{"message":"Job ID no-such-job does not exist."}"#.to_owned(),
        )
    };
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    stream.flush()
}
