//! `sesv2-model-codegen`: the generator on the command line. Prints or
//! writes the Rust code for a Smithy model, checks committed generated code
//! against its model, and reports how the API changes between two versions
//! of a model.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use sesv2_model_codegen::config::{ConfigOption, OPTIONS, OptionId};
use sesv2_model_codegen::{
    Config, Derive, Generator, ModelFiles, Rename, RequiredMembers, json_ast, json_ast_flattened,
};

/// The help text; its options come from the one table every way in shares.
fn usage() -> String {
    let mut usage = String::from(
        "usage: sesv2-model-codegen [MODEL]... [OPTIONS] [--out FILE | --check FILE]\n       \
         sesv2-model-codegen --protocol-tests MODEL... [--out FILE]\n       \
         sesv2-model-codegen --ast [--flatten] MODEL...\n       \
         sesv2-model-codegen --diff OLD NEW [--operation NAME]... [--shape ID]...\n\n\
         Generates formatted Rust code for a Smithy model and prints it. A MODEL is a\n\
         .smithy (IDL) or .json (JSON AST) file, or a directory of them; several make\n\
         one model, as Smithy assembles it.\n\
         Without a model: the GetImportJob operation of the project's models/sesv2.json.\n\n\
         What to generate: the whole service, unless --operation or --shape (below) says otherwise.\n  \
         --all                   the whole service, also without a model argument\n\
         Options (smithy_model!'s keys and Generator's methods take the same):\n",
    );
    for option in OPTIONS {
        let flag = format!("{} {}", option.flag, option.flag_value).trim_end().to_owned();
        if flag.len() > 22 {
            usage.push_str(&format!("  {flag}\n  {:22}  {}\n", "", option.help));
        } else {
            usage.push_str(&format!("  {flag:22}  {}\n", option.help));
        }
    }
    usage.push_str(
        "Output:\n  \
         --out FILE              write to FILE (left untouched when it is up to date)\n  \
         --check FILE            exit 1 if FILE differs from what the model generates now\n  \
         --diff OLD NEW          report the API changes from OLD to NEW for the selection,\n                          \
         each marked breaking or not; exit 1 if any is breaking\n  \
         --ast                   print the assembled model as a Smithy JSON AST (without the\n                          \
         prelude) instead of code: what the IDL means, for tools that read JSON\n  \
         --flatten               with --ast: mixins folded into the shapes that use them\n  \
         --stats                 print what was generated and how long it took to stderr
  --protocol-tests        also write one #[test] per client case of the model's
                          smithy.test#httpRequestTests/httpResponseTests traits\n\n\
         Exit status: 0 success, 1 --check found a difference or --diff a breaking\n\
         change, 2 bad arguments or a model error. Notes about what the code cannot\n\
         represent exactly go to stderr.",
    );
    usage
}

/// What the command does once its arguments are read.
enum Action {
    Print,
    Write(PathBuf),
    Check(PathBuf),
    Diff { old: PathBuf, new: PathBuf },
    Ast { flattened: bool },
}

struct Command {
    /// The model's files and directories; none for --diff, and for the
    /// project's own model.
    models: Vec<PathBuf>,
    config: Config,
    action: Action,
    stats: bool,
    /// The arguments as given, to print the command that regenerates a stale file.
    args: Vec<String>,
}

/// Why the command failed, and its exit status.
struct Failure {
    message: String,
    status: u8,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: format!("{}\n\n{}", message.into(), usage()),
            status: 2,
        }
    }

    fn error(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            status: 2,
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|arg| arg == "-h" || arg == "--help") {
        println!("{}", usage());
        return ExitCode::SUCCESS;
    }
    match parse(args).and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{}", failure.message);
            ExitCode::from(failure.status)
        }
    }
}

fn parse(args: Vec<String>) -> Result<Command, Failure> {
    let mut models = Vec::new();
    let mut config = Config::default();
    let mut whole_service = false;
    let mut action = Action::Print;
    let mut stats = false;
    let mut flatten = false;
    let mut rest = args.clone().into_iter();
    while let Some(arg) = rest.next() {
        let mut value = |flag: &str| {
            rest.next()
                .ok_or_else(|| Failure::usage(format!("{flag} needs a value")))
        };
        let set_action = |new: Action, action: &mut Action| {
            if matches!(action, Action::Print) {
                *action = new;
                Ok(())
            } else {
                Err(Failure::usage("give only one of --out, --check, --diff and --ast"))
            }
        };
        if let Some(option) = ConfigOption::by_flag(&arg) {
            let given = if option.flag_value.is_empty() {
                String::new()
            } else {
                value(option.flag)?
            };
            apply(option, given, &mut config)?;
            continue;
        }
        match arg.as_str() {
            "--all" => whole_service = true,
            "--out" => set_action(Action::Write(value("--out")?.into()), &mut action)?,
            "--check" => set_action(Action::Check(value("--check")?.into()), &mut action)?,
            "--diff" => {
                let old = value("--diff")?.into();
                let new = rest
                    .next()
                    .ok_or_else(|| Failure::usage("--diff needs two models: --diff OLD.json NEW.json"))?
                    .into();
                set_action(Action::Diff { old, new }, &mut action)?;
            }
            "--ast" => set_action(Action::Ast { flattened: false }, &mut action)?,
            "--flatten" => flatten = true,
            "--stats" => stats = true,
            "--protocol-tests" => config.protocol_tests = true,
            flag if flag.starts_with('-') => return Err(Failure::usage(format!("unknown option {flag}"))),
            path => models.push(PathBuf::from(path)),
        }
    }
    let is_diff = matches!(action, Action::Diff { .. });
    if let Action::Ast { flattened } = &mut action {
        if models.is_empty() {
            return Err(Failure::usage(
                "--ast needs the model: sesv2-model-codegen --ast MODEL...",
            ));
        }
        *flattened = flatten;
    } else if flatten {
        return Err(Failure::usage("--flatten goes with --ast"));
    }
    if is_diff && !models.is_empty() {
        return Err(Failure::usage(
            "--diff takes its two models after the flag, and no other model",
        ));
    }
    let nothing_selected = config.operations.is_empty() && config.shapes.is_empty() && !whole_service;
    if models.is_empty() && !is_diff && nothing_selected {
        config.operations.push("GetImportJob".to_owned());
    }
    Ok(Command {
        models,
        config,
        action,
        stats,
        args,
    })
}

/// Sets the option a flag names; `value` is empty for a switch.
fn apply(option: &ConfigOption, value: String, config: &mut Config) -> Result<(), Failure> {
    let form = || format!("{} {}", option.flag, option.flag_value);
    match option.id {
        OptionId::Operations => config.operations.push(value),
        OptionId::Shapes => config.shapes.push(value),
        OptionId::Derives => config.derives.push(Derive {
            traits: split_traits(&value),
            shape: None,
        }),
        OptionId::ShapeDerives => {
            let (shape, traits) = split_pair(&value, &form())?;
            config.derives.push(Derive {
                traits: split_traits(&traits),
                shape: Some(shape),
            });
        }
        OptionId::Renames => {
            let (shape, name) = split_pair(&value, &form())?;
            config.renames.push(Rename { shape, name });
        }
        OptionId::ClientErrorCorrection => config.required_members = RequiredMembers::ClientErrorCorrection,
        OptionId::RuntimeCrate => config.runtime_crate = value,
        OptionId::Client => config.client = true,
    }
    Ok(())
}

/// The project's own SESv2 model, in the source tree this tool was built from.
fn project_model() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/sesv2.json")
}

/// `Eq, Hash` or `Eq,Hash`
fn split_traits(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `ID=VALUE`
fn split_pair(text: &str, form: &str) -> Result<(String, String), Failure> {
    text.split_once('=')
        .map(|(left, right)| (left.trim().to_owned(), right.trim().to_owned()))
        .ok_or_else(|| Failure::usage(format!("expected {form}, got `{text}`")))
}

fn run(command: Command) -> Result<(), Failure> {
    let Command {
        mut models,
        config,
        action,
        stats,
        args,
    } = command;
    if let Action::Diff { old, new } = &action {
        return diff(&config, old, new);
    }
    if let Action::Ast { flattened } = action {
        let files = ModelFiles::read(&models).map_err(|errors| Failure::error(errors.to_string()))?;
        let print = if flattened { json_ast_flattened } else { json_ast };
        let ast = print(&files).map_err(|errors| Failure::error(errors.to_string()))?;
        println!("{ast}");
        return Ok(());
    }
    if models.is_empty() {
        // An installed tool has no source tree around it to take the default from.
        let own = Some(project_model())
            .filter(|path| path.exists())
            .ok_or_else(|| Failure::usage("give the model: sesv2-model-codegen MODEL ..."))?;
        models.push(own);
    }
    let generator = models
        .iter()
        .skip(1)
        .fold(Generator::new(&models[0]), |generator, model| {
            generator.model_path(model)
        })
        .with_config(config);
    let started = Instant::now();
    let generated = generator
        .generate()
        .map_err(|errors| Failure::error(errors.to_string()))?;
    let elapsed = started.elapsed();
    for note in &generated.notes {
        eprintln!("note: {note}");
    }
    if generated.summary.protocol_tests > 0 {
        eprintln!(
            "protocol tests: {} generated, {} of them ignored",
            generated.summary.protocol_tests, generated.summary.ignored_protocol_tests
        );
    }
    if generated.summary.endpoint_tests > 0 {
        eprintln!("endpoint tests: {} generated", generated.summary.endpoint_tests);
    }
    if stats {
        eprintln!(
            "{}: {}; generated in {:.1} ms",
            models
                .iter()
                .map(|model| model.display().to_string())
                .collect::<Vec<_>>()
                .join(" "),
            generated.summary,
            elapsed.as_secs_f64() * 1000.0
        );
    }
    match action {
        Action::Print => {
            print!("{}", generated.source);
            Ok(())
        }
        Action::Write(path) => generator
            .write(&path)
            .map(drop)
            .map_err(|errors| Failure::error(errors.to_string())),
        Action::Check(path) => check(&path, &generated.source, &args),
        Action::Diff { .. } | Action::Ast { .. } => unreachable!("handled above"),
    }
}

/// Compares a committed file with what the model generates now.
fn check(path: &Path, generated: &str, args: &[String]) -> Result<(), Failure> {
    let committed = std::fs::read_to_string(path)
        .map_err(|error| Failure::error(format!("cannot read `{}`: {error}", path.display())))?;
    if committed == generated {
        return Ok(());
    }
    let regenerate: Vec<&str> = args
        .iter()
        .map(|arg| if arg == "--check" { "--out" } else { arg.as_str() })
        .collect();
    let line = first_difference(&committed, generated);
    let show = |text: &str| text.lines().nth(line - 1).unwrap_or("(end of file)").to_owned();
    Err(Failure {
        message: format!(
            "`{}` is not what the model generates now; first difference at line {line}:\n  \
             committed: {}\n  generated: {}\nregenerate it with: sesv2-model-codegen {}",
            path.display(),
            show(&committed),
            show(generated),
            regenerate.join(" ")
        ),
        status: 1,
    })
}

/// The 1-based number of the first line where the texts differ.
fn first_difference(left: &str, right: &str) -> usize {
    let mut left_lines = left.lines();
    let mut right_lines = right.lines();
    let mut line = 1;
    loop {
        match (left_lines.next(), right_lines.next()) {
            (Some(a), Some(b)) if a == b => line += 1,
            _ => return line,
        }
    }
}

fn diff(config: &Config, old: &Path, new: &Path) -> Result<(), Failure> {
    let read = |path: &Path| ModelFiles::read([path]).map_err(|errors| Failure::error(errors.to_string()));
    let (old_files, new_files) = (read(old)?, read(new)?);
    let report = sesv2_model_codegen::diff_files(config, &old_files, &new_files)
        .map_err(|errors| Failure::error(errors.to_string()))?;
    println!("{report}");
    if report.is_breaking() {
        Err(Failure {
            message: format!("{} has breaking changes from {}", new.display(), old.display()),
            status: 1,
        })
    } else {
        Ok(())
    }
}
