//! `sesv2-model-codegen`: prints the Rust code the generator makes for a
//! Smithy model. With no arguments, the GetImportJob types of the project's
//! own SESv2 model.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use sesv2_model_codegen::{Config, RequiredMembers, generate_file, to_source};

const USAGE: &str = "\
usage: sesv2-model-codegen [MODEL.json] [--operation NAME]... [--shape ID]... [--all]
                           [--client-error-correction] [--runtime-crate NAME] [--stats]

Prints the formatted Rust code generated for a Smithy 2.0 JSON AST model.
Without arguments: the GetImportJob operation of the project's models/sesv2.json.
--all generates the whole service instead of the default operation.
--stats prints what was generated and how long generation took to stderr.
Notes about what the code cannot represent exactly go to stderr.";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => {
            print!("{code}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let mut config = Config::default();
    let mut model = None;
    let mut whole_service = false;
    let mut stats = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().ok_or_else(|| format!("{flag} needs a value\n\n{USAGE}"));
        match arg.as_str() {
            "--operation" => config.operations.push(value("--operation")?),
            "--shape" => config.shapes.push(value("--shape")?),
            "--runtime-crate" => config.runtime_crate = value("--runtime-crate")?,
            "--client-error-correction" => config.required_members = RequiredMembers::ClientErrorCorrection,
            "--all" => whole_service = true,
            "--stats" => stats = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option {flag}\n\n{USAGE}"));
            }
            path if model.is_none() => model = Some(PathBuf::from(path)),
            extra => return Err(format!("unexpected argument {extra}\n\n{USAGE}")),
        }
    }
    let model = match model {
        Some(path) => path,
        None => {
            if config.operations.is_empty() && config.shapes.is_empty() && !whole_service {
                config.operations.push("GetImportJob".to_owned());
            }
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models/sesv2.json")
        }
    };
    let started = Instant::now();
    let generated = generate_file(&config, &model).map_err(|errors| errors.to_string())?;
    let elapsed = started.elapsed();
    for note in &generated.notes {
        eprintln!("note: {note}");
    }
    if stats {
        eprintln!(
            "{}: {}; generated in {:.1} ms",
            model.display(),
            generated.summary,
            elapsed.as_secs_f64() * 1000.0
        );
    }
    to_source(&generated)
}
