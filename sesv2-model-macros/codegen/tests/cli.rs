//! The `sesv2-model-codegen` command: printing, writing and checking
//! generated code, options, model diffs and exit statuses.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn codegen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sesv2-model-codegen"))
        .args(args)
        .current_dir(workspace())
        .output()
        .expect("the command runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A file in a fresh temporary directory, removed with it.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("sesv2-model-codegen-cli-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const SNAPSHOT: &str = "tests/snapshots/getimportjob.rs";

#[test]
fn out_writes_the_committed_snapshot() {
    let scratch = Scratch::new("out");
    let out = scratch.file("getimportjob.rs");
    let output = codegen(&[
        "models/sesv2.json",
        "--operation",
        "GetImportJob",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "", "--out prints nothing");
    let written = std::fs::read_to_string(&out).unwrap();
    let snapshot = std::fs::read_to_string(workspace().join(SNAPSHOT)).unwrap();
    assert!(written == snapshot, "--out differs from {SNAPSHOT}");
}

#[test]
fn printing_without_arguments_gives_the_same_code() {
    let output = codegen(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let snapshot = std::fs::read_to_string(workspace().join(SNAPSHOT)).unwrap();
    assert!(
        stdout(&output) == snapshot,
        "the default output differs from {SNAPSHOT}"
    );
}

#[test]
fn check_accepts_an_up_to_date_file() {
    let output = codegen(&["models/sesv2.json", "--operation", "GetImportJob", "--check", SNAPSHOT]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
}

#[test]
fn check_rejects_a_stale_file_and_says_how_to_regenerate_it() {
    let scratch = Scratch::new("check");
    let stale = scratch.file("stale.rs");
    let snapshot = std::fs::read_to_string(workspace().join(SNAPSHOT)).unwrap();
    let edited = snapshot.replacen("pub struct FailureInfo {", "pub struct FailureInformation {", 1);
    assert_ne!(edited, snapshot);
    std::fs::write(&stale, &edited).unwrap();
    let stale = stale.to_str().unwrap();

    let output = codegen(&["models/sesv2.json", "--operation", "GetImportJob", "--check", stale]);
    assert_eq!(output.status.code(), Some(1));
    let line = snapshot
        .lines()
        .position(|line| line == "pub struct FailureInfo {")
        .unwrap()
        + 1;
    let message = stderr(&output);
    assert!(
        message.contains(&format!(
            "`{stale}` is not what the model generates now; first difference at line {line}:\n  \
             committed: pub struct FailureInformation {{\n  generated: pub struct FailureInfo {{\n"
        )),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "regenerate it with: sesv2-model-codegen models/sesv2.json --operation GetImportJob --out {stale}"
        )),
        "{message}"
    );
}

#[test]
fn derive_and_rename_options_reach_the_code() {
    let output = codegen(&[
        "--derive-for",
        "com.amazonaws.sesv2#ImportDataSource=Eq,Hash",
        "--rename",
        "com.amazonaws.sesv2#FailureInfo=ImportFailureInfo",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let code = stdout(&output);
    assert!(code.contains("pub struct ImportFailureInfo {"), "{code}");
    assert!(!code.contains("pub struct FailureInfo {"));
    assert!(code.contains("pub struct ImportFailureInfoBuilder"));
    let data_source = code.find("pub struct ImportDataSource {").unwrap();
    let derive = code[..data_source].rfind("#[derive(").unwrap();
    assert!(
        code[derive..data_source].contains("::core::cmp::Eq"),
        "{}",
        &code[derive..data_source]
    );
    assert!(code[derive..data_source].contains("::core::hash::Hash"));
}

#[test]
fn model_errors_exit_with_status_2_and_name_the_problem() {
    let output = codegen(&["models/sesv2.json", "--operation", "GetImportJobs"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("Did you mean `GetImportJob`?"),
        "{}",
        stderr(&output)
    );

    let output = codegen(&["--derive", "Clone"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "`Clone` needs no derive: every generated type implements it; remove it from the derives\n"
    );
}

#[test]
fn bad_arguments_exit_with_status_2_and_show_usage() {
    for args in [
        &["--frobnicate"][..],
        &["--out"],
        &["--rename", "NoEqualsSign"],
        &["--out", "a.rs", "--check", "b.rs"],
        &["--diff", "old.json"],
    ] {
        let output = codegen(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains("usage: sesv2-model-codegen"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let help = codegen(&["--help"]);
    assert!(help.status.success());
    assert!(stdout(&help).starts_with("usage: sesv2-model-codegen"));
}

#[test]
fn diff_reports_breaking_changes_and_exits_with_status_1() {
    let output = codegen(&["--diff", "tests/models/diff-v1.json", "tests/models/diff-v2.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(report.lines().any(|line| line.starts_with("breaking")), "{report}");
    assert!(
        stderr(&output).contains("tests/models/diff-v2.json has breaking changes from tests/models/diff-v1.json"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn diff_of_a_model_with_itself_reports_nothing_and_succeeds() {
    let output = codegen(&["--diff", "models/sesv2.json", "models/sesv2.json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stdout(&output).contains("breaking"), "{}", stdout(&output));
}

/// The tool takes every option of the table every way in shares, and each
/// one changes what it generates.
#[test]
fn every_option_of_the_table_is_a_flag_that_changes_the_code() {
    use sesv2_model_codegen::config::{OPTIONS, OptionId};

    for option in OPTIONS {
        // The model generates one operation, so adding it changes output
        // only to a selection without it.
        let (base, value): (&[&str], &str) = match option.id {
            OptionId::Operations => (&["--shape", "com.amazonaws.sesv2#FailureInfo"], "GetImportJob"),
            OptionId::Shapes => (&[], "com.amazonaws.sesv2#FailureInfo"),
            OptionId::Derives => (&[], "Eq"),
            OptionId::ShapeDerives => (&[], "com.amazonaws.sesv2#ImportDataSource=Eq,Hash"),
            OptionId::Renames => (&[], "com.amazonaws.sesv2#JobStatus=ImportJobStatus"),
            OptionId::ClientErrorCorrection => (&[], ""),
            OptionId::RuntimeCrate => (&[], "my_runtime"),
            OptionId::Client => (&[], ""),
        };
        let mut args = vec!["models/sesv2.json"];
        args.extend(base);
        let before = codegen(&args);
        assert!(before.status.success(), "{args:?}: {}", stderr(&before));
        args.push(option.flag);
        if !option.flag_value.is_empty() {
            args.push(value);
        }
        let after = codegen(&args);
        assert!(after.status.success(), "{args:?}: {}", stderr(&after));
        assert!(stdout(&after) != stdout(&before), "{args:?} changed nothing");
    }
    let help = stdout(&codegen(&["--help"]));
    for option in OPTIONS {
        assert!(
            help.contains(option.flag) && help.contains(option.help),
            "--help lacks {}",
            option.flag
        );
    }
}

#[test]
fn ast_prints_what_idl_files_mean_as_a_json_ast() {
    let output = codegen(&["--ast", "tests/models/weather"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let ast: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(ast["smithy"], "2.0");
    assert_eq!(
        ast["metadata"]["owners"],
        serde_json::json!(["units-team", "weather-team"])
    );
    let city_id = &ast["shapes"]["example.weather#CityId"]["traits"];
    assert_eq!(
        city_id["smithy.api#documentation"],
        "A city's identifier, such as `Oslo`."
    );
    assert_eq!(city_id["smithy.api#length"], serde_json::json!({"min": 1, "max": 64}));
    assert!(
        ast["shapes"].get("smithy.api#String").is_none(),
        "the prelude is left out"
    );
    // Mixins stay mixins unless --flatten folds them in.
    let paged = |ast: &serde_json::Value| ast["shapes"].get("example.common#Paged").is_some();
    assert!(paged(&ast));
    let output = codegen(&["--ast", "--flatten", "tests/models/weather"]);
    let flattened: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(!paged(&flattened));
    let request = &flattened["shapes"]["example.weather#ListCitiesRequest"];
    assert_eq!(request["members"]["pageSize"]["target"], "smithy.api#Integer");
}

#[test]
fn ast_errors_give_the_place_and_exit_2() {
    let output = codegen(&["--ast", "tests/models/invalid/syntax-error.smithy"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        "tests/models/invalid/syntax-error.smithy:7:9: Expected COLON(':') but found IDENTIFIER('Integer')\n"
    );
}

#[test]
fn several_model_paths_make_one_model() {
    let output = codegen(&[
        "tests/models/weather/weather.smithy",
        "tests/models/weather/common.smithy",
        "tests/models/weather/units.json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let snapshot = std::fs::read_to_string(workspace().join("tests/snapshots/weather.rs")).unwrap();
    let code = stdout(&output);
    // Only the header, which names the model paths, differs.
    assert!(
        code.starts_with("// @generated by sesv2-model-codegen from `weather.smithy`, `common.smithy`, `units.json`.")
    );
    assert_eq!(code.split_once('\n').unwrap().1, snapshot.split_once('\n').unwrap().1);
}
