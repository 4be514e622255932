//! Calls Amazon SES v2's GetImportJob with your credentials and prints the
//! job.
//!
//! ```text
//! get-import-job JOB_ID [--region REGION] [--endpoint-url URL]
//! ```
//!
//! Credentials and region come from where the AWS CLI finds them: the
//! `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`
//! variables, then the shared `credentials` and `config` files (profile
//! `AWS_PROFILE`, else `default`); the region from `--region`, else
//! `AWS_REGION`, `AWS_DEFAULT_REGION` or the profile's `region`.

use std::error::Error;
use std::process::ExitCode;

use sesv2_model::GetImportJobRequest;
use sesv2_model::client::{Client, Config, HyperTransport};
use sesv2_model::operations::{GetImportJob, GetImportJobError};

const USAGE: &str = "usage: get-import-job JOB_ID [--region REGION] [--endpoint-url URL]";

/// The command line, read.
#[derive(Debug)]
struct Args {
    job_id: String,
    region: Option<String>,
    endpoint_url: Option<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut job_id, mut region, mut endpoint_url) = (None, None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--region" => region = Some(args.next().ok_or("--region needs a value, e.g. --region eu-west-1")?),
            "--endpoint-url" => endpoint_url = Some(args.next().ok_or("--endpoint-url needs a URL")?),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}\n{USAGE}")),
            _ if job_id.is_some() => return Err(format!("one job id at a time\n{USAGE}")),
            _ => job_id = Some(arg),
        }
    }
    Ok(Args {
        job_id: job_id.ok_or(USAGE)?,
        region,
        endpoint_url,
    })
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), Box<dyn Error>> {
    let mut config = Config::from_env()?.app_name("get-import-job");
    if let Some(region) = args.region {
        config = config.region(region);
    }
    if let Some(url) = args.endpoint_url {
        config = config.endpoint_url(url);
    }
    let client = Client::new(config, HyperTransport::new()?);
    let input = GetImportJobRequest::builder().job_id(args.job_id).build()?;
    match client.send(GetImportJob, &input).await {
        Ok(job) => {
            println!("job        {}", job.job_id().unwrap_or("-"));
            println!("status     {}", job.job_status().map_or("-", |status| status.as_str()));
            if let Some(source) = job.import_data_source() {
                println!("source     {} ({})", source.s3_url(), source.data_format().as_str());
            }
            if let Some(created) = job.created_timestamp() {
                println!("created    {created}");
            }
            if let Some(completed) = job.completed_timestamp() {
                println!("completed  {completed}");
            }
            println!("processed  {}", job.processed_records_count().unwrap_or(0));
            println!("failed     {}", job.failed_records_count().unwrap_or(0));
            Ok(())
        }
        Err(error) => {
            if let Some(service) = error.as_service_error() {
                if let GetImportJobError::NotFoundException(_) = service.error() {
                    eprintln!("no import job {:?} in this account and region", input.job_id());
                }
                eprintln!(
                    "{} {}: {} (request id {})",
                    service.status(),
                    service.code().unwrap_or("unknown error"),
                    service.message().unwrap_or("no message"),
                    service.request_id().unwrap_or("none")
                );
            }
            Err(error.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &[&str]) -> Result<Args, String> {
        parse_args(line.iter().map(|arg| (*arg).to_owned()))
    }

    #[test]
    fn job_id_and_region_are_read_in_any_order() {
        let parsed = args(&["--region", "eu-west-1", "ef0f4cb5"]).expect("valid arguments");
        assert_eq!(parsed.job_id, "ef0f4cb5");
        assert_eq!(parsed.region.as_deref(), Some("eu-west-1"));
        assert_eq!(parsed.endpoint_url, None);
    }

    #[test]
    fn a_missing_job_id_shows_the_usage() {
        assert_eq!(args(&["--region", "eu-west-1"]).err().as_deref(), Some(USAGE));
        assert!(args(&["--region"]).unwrap_err().contains("--region needs a value"));
        assert!(args(&["a", "b"]).unwrap_err().starts_with("one job id at a time"));
    }
}
