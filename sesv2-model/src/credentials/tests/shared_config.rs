//! Region resolution, `SharedConfig`, and where the files are.

use std::path::{Path, PathBuf};

use super::{ACCESS_KEY_ID, SECRET, TempHome};
use crate::credentials::{CredentialsErrorKind, Env, ProfileFileKind, ProfileFiles, SharedConfig, region_from_env};

const CONFIG: &str = "[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-1\nuse_fips_endpoint = true\n\
                      max_attempts = 5\n";

#[test]
fn region_precedence() {
    let home = TempHome::new().config(CONFIG);
    let region = |vars: &[(&str, &str)]| region_from_env(&home.env(vars)).expect("the files parse");
    assert_eq!(region(&[]).as_deref(), Some("us-east-1"));
    assert_eq!(region(&[("AWS_PROFILE", "dev")]).as_deref(), Some("eu-west-1"));
    assert_eq!(
        region(&[("AWS_PROFILE", "dev"), ("AWS_DEFAULT_REGION", "ap-south-1")]).as_deref(),
        Some("ap-south-1")
    );
    let both = [
        ("AWS_PROFILE", "dev"),
        ("AWS_DEFAULT_REGION", "ap-south-1"),
        ("AWS_REGION", "sa-east-1"),
    ];
    assert_eq!(region(&both).as_deref(), Some("sa-east-1"));
    assert_eq!(
        region(&[("AWS_REGION", ""), ("AWS_PROFILE", "dev")]).as_deref(),
        Some("eu-west-1"),
        "empty is unset"
    );
    assert_eq!(region(&[("AWS_PROFILE", "nope")]), None);
    assert_eq!(
        region_from_env(&Env::from_vars([("AWS_PROFILE", "dev")])).expect("no HOME, no files"),
        None
    );
}

#[test]
fn region_variables_spare_reading_broken_files() {
    let home = TempHome::new().config("[default\n");
    assert_eq!(
        region_from_env(&home.env(&[("AWS_REGION", "eu-north-1")]))
            .expect("no file read")
            .as_deref(),
        Some("eu-north-1")
    );
    let error = region_from_env(&home.env(&[])).expect_err("the file is read and does not parse");
    assert_eq!(error.line(), Some(1));
    assert_eq!(error.path(), home.path().join(".aws").join("config"));
}

#[test]
fn shared_config_gives_region_credentials_and_settings() {
    let home = TempHome::new().config(CONFIG).credentials(&format!(
        "[dev]\naws_access_key_id = {ACCESS_KEY_ID}\naws_secret_access_key = {SECRET}\n"
    ));
    let config = SharedConfig::load_with_env(home.env(&[("AWS_PROFILE", "dev")])).expect("loads");
    assert_eq!(config.profile_name(), "dev");
    assert_eq!(config.region().as_deref(), Some("eu-west-1"));
    let profile = config.profile().expect("dev is defined");
    assert_eq!(profile.get("use_fips_endpoint"), Some("true"));
    assert_eq!(profile.get("max_attempts"), Some("5"));
    assert_eq!(config.credentials().expect("keys").access_key_id(), ACCESS_KEY_ID);
    assert_eq!(
        config.profiles().profile_names().collect::<Vec<_>>(),
        ["default", "dev"]
    );

    let with_env = SharedConfig::load_with_env(home.env(&[
        ("AWS_PROFILE", "dev"),
        ("AWS_REGION", "us-west-2"),
        ("AWS_ACCESS_KEY_ID", "AKIDENV"),
        ("AWS_SECRET_ACCESS_KEY", SECRET),
    ]))
    .expect("loads");
    assert_eq!(with_env.region().as_deref(), Some("us-west-2"));
    assert_eq!(with_env.credentials().expect("env").access_key_id(), "AKIDENV");

    let nothing = SharedConfig::load_with_env(home.env(&[])).expect("loads");
    let error = nothing.credentials().expect_err("[default] has no keys");
    assert_eq!(error.kind(), CredentialsErrorKind::NotFound);
    assert_eq!(error.tried().len(), 2);
}

#[test]
fn shared_config_from_explicit_files() {
    let home = TempHome::new();
    let config = home.write("cfg", "[profile ci]\nregion = ca-central-1\n");
    let files = ProfileFiles::new(&config, home.path().join("absent")).with_profile("ci");
    let shared = SharedConfig::load_files(Env::from_vars::<&str, &str>([]), files).expect("loads");
    assert_eq!(shared.region().as_deref(), Some("ca-central-1"));
    assert_eq!(shared.files().path(ProfileFileKind::Config), Some(config.as_path()));
}

fn locations(vars: &[(&str, &str)], windows: bool) -> (Option<PathBuf>, Option<PathBuf>, String) {
    let files = ProfileFiles::from_env_on(&Env::from_vars(vars.iter().copied()), windows);
    let path = |kind| files.path(kind).map(Path::to_path_buf);
    (
        path(ProfileFileKind::Config),
        path(ProfileFileKind::Credentials),
        files.profile().to_owned(),
    )
}

#[test]
fn file_locations() {
    let home = Path::new("/home/user");
    let (config, credentials, profile) = locations(
        &[
            ("HOME", "/home/user"),
            ("USERPROFILE", "ignored"),
            ("HOMEDRIVE", "x"),
            ("HOMEPATH", "y"),
        ],
        false,
    );
    assert_eq!(config, Some(home.join(".aws").join("config")));
    assert_eq!(credentials, Some(home.join(".aws").join("credentials")));
    assert_eq!(profile, "default");

    let (config, credentials, profile) = locations(
        &[
            ("HOME", "/home/user"),
            ("AWS_CONFIG_FILE", "/other/path/config"),
            ("AWS_PROFILE", "other"),
        ],
        false,
    );
    assert_eq!(config, Some(PathBuf::from("/other/path/config")));
    assert_eq!(credentials, Some(home.join(".aws").join("credentials")));
    assert_eq!(profile, "other");

    let (_, credentials, _) = locations(
        &[("HOME", "/home/user"), ("AWS_SHARED_CREDENTIALS_FILE", "~/creds")],
        false,
    );
    assert_eq!(credentials, Some(home.join("creds")));
    let (_, credentials, _) = locations(
        &[("HOME", "/home/user"), ("AWS_SHARED_CREDENTIALS_FILE", "~other/creds")],
        false,
    );
    assert_eq!(
        credentials,
        Some(PathBuf::from("~other/creds")),
        "~user is not expanded"
    );

    // No home directory: the default locations are not guessed at.
    assert_eq!(locations(&[("USERPROFILE", "C:\\Users\\user")], false).0, None);
    let (config, _, _) = locations(&[("AWS_CONFIG_FILE", "/etc/aws/config")], false);
    assert_eq!(config, Some(PathBuf::from("/etc/aws/config")));
}

#[test]
fn windows_home_directory() {
    let home = |vars: &[(&str, &str)]| locations(vars, true).0.expect("a home is known");
    let expected = |base: &str| PathBuf::from(base).join(".aws").join("config");
    assert_eq!(
        home(&[("HOME", "C:\\home"), ("USERPROFILE", "ignored")]),
        expected("C:\\home")
    );
    assert_eq!(
        home(&[("USERPROFILE", "C:\\Users\\user"), ("HOMEDRIVE", "ignored")]),
        expected("C:\\Users\\user")
    );
    assert_eq!(
        home(&[("HOMEDRIVE", "C:"), ("HOMEPATH", "\\Users\\user")]),
        expected("C:\\Users\\user")
    );
    assert_eq!(locations(&[("HOMEDRIVE", "C:")], true).0, None);
    let (_, credentials, _) = locations(
        &[("HOME", "C:\\home"), ("AWS_SHARED_CREDENTIALS_FILE", "~\\creds")],
        true,
    );
    assert_eq!(credentials, Some(PathBuf::from("C:\\home").join("creds")));
}
