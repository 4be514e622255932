//! The providers: static, environment, profile, chains.

use std::path::Path;
use std::sync::Arc;

use super::{ACCESS_KEY_ID, SECRET, TOKEN, TempHome, assert_no_secret, provide};
use crate::credentials::{
    Credentials, CredentialsChain, CredentialsError, CredentialsErrorKind, DefaultCredentialsChain, Env,
    EnvironmentCredentials, ProfileCredentials, ProfileFiles, ProvideCredentials,
};

fn credentials_file(profile: &str, access_key_id: &str) -> String {
    format!("[{profile}]\naws_access_key_id = {access_key_id}\naws_secret_access_key = {SECRET}\n")
}

/// Every way an error is shown, checked for secrets.
fn assert_error_is_clean(error: &CredentialsError) {
    assert_no_secret(&format!("{error} {error:?} {}", error.message()));
}

#[test]
fn static_credentials_provide_themselves() {
    let credentials = Credentials::new(ACCESS_KEY_ID, SECRET).with_session_token(TOKEN);
    assert_eq!(provide(&credentials).expect("static"), credentials);
    let shared: Arc<dyn ProvideCredentials> = Arc::new(credentials.clone());
    assert_eq!(provide(&shared).expect("static"), credentials);
    let boxed: Box<dyn ProvideCredentials> = Box::new(credentials.clone());
    assert_eq!(provide(&boxed).expect("static"), credentials);
}

#[test]
fn environment_credentials() {
    let env = Env::from_vars([
        ("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID),
        ("AWS_SECRET_ACCESS_KEY", SECRET),
        ("AWS_SESSION_TOKEN", TOKEN),
    ]);
    let credentials = provide(&EnvironmentCredentials::with_env(env)).expect("the variables are set");
    assert_eq!(
        credentials,
        Credentials::new(ACCESS_KEY_ID, SECRET).with_session_token(TOKEN)
    );

    let env = Env::from_vars([
        ("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID),
        ("AWS_SECRET_ACCESS_KEY", SECRET),
        ("AWS_SESSION_TOKEN", ""),
    ]);
    let credentials = EnvironmentCredentials::with_env(env)
        .load()
        .expect("the variables are set");
    assert_eq!(credentials.session_token(), None, "an empty token is no token");
}

#[test]
fn environment_credentials_missing_or_half() {
    let error = EnvironmentCredentials::with_env(Env::from_vars([
        ("AWS_ACCESS_KEY_ID", ""),
        ("AWS_SECRET_ACCESS_KEY", ""),
    ]))
    .load()
    .expect_err("empty values count as unset");
    assert_eq!(error.kind(), CredentialsErrorKind::NotFound);
    assert_eq!(
        error.to_string(),
        "environment variables: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set"
    );

    let error = EnvironmentCredentials::with_env(Env::from_vars([("AWS_SESSION_TOKEN", TOKEN)]))
        .load()
        .expect_err("no keys");
    assert_eq!(error.kind(), CredentialsErrorKind::NotFound);
    assert!(
        error.message().contains("AWS_SESSION_TOKEN is set, but is ignored"),
        "{error}"
    );
    assert_error_is_clean(&error);

    let error = EnvironmentCredentials::with_env(Env::from_vars([("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID)]))
        .load()
        .expect_err("half");
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert!(
        error
            .message()
            .starts_with("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"),
        "{error}"
    );

    let error = EnvironmentCredentials::with_env(Env::from_vars([("AWS_SECRET_ACCESS_KEY", SECRET)]))
        .load()
        .expect_err("half");
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert!(
        error
            .message()
            .starts_with("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not"),
        "{error}"
    );
    assert_error_is_clean(&error);
}

#[test]
fn env_from_fn_and_debug() {
    let env = Env::from_fn(|name| {
        (name == "AWS_ACCESS_KEY_ID" || name == "AWS_SECRET_ACCESS_KEY").then(|| SECRET.to_owned())
    });
    assert_eq!(env.get("AWS_ACCESS_KEY_ID").as_deref(), Some(SECRET));
    assert_eq!(env.get("AWS_PROFILE"), None);
    let fixed = Env::from_vars([("AWS_SECRET_ACCESS_KEY", SECRET)]);
    let debug = format!(
        "{env:?} {fixed:?} {:?}",
        EnvironmentCredentials::with_env(fixed.clone())
    );
    assert!(debug.contains("AWS_SECRET_ACCESS_KEY"), "{debug}");
    assert_no_secret(&debug);
}

#[test]
fn profile_credentials_from_the_credentials_file() {
    let home = TempHome::new().credentials(&format!(
        "{}\n[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = {SECRET}\naws_session_token = {TOKEN}\n",
        credentials_file("default", ACCESS_KEY_ID)
    ));
    let default = provide(&ProfileCredentials::with_env(home.env(&[]))).expect("[default] has keys");
    assert_eq!(default, Credentials::new(ACCESS_KEY_ID, SECRET));
    let dev = ProfileCredentials::with_env(home.env(&[("AWS_PROFILE", "dev")]))
        .load()
        .expect("[dev] has keys");
    assert_eq!(dev, Credentials::new("AKIDDEV", SECRET).with_session_token(TOKEN));
    let explicit = ProfileCredentials::with_env(home.env(&[("AWS_PROFILE", "nope")]))
        .profile("dev")
        .load();
    assert_eq!(
        explicit.expect("profile() wins over AWS_PROFILE").access_key_id(),
        "AKIDDEV"
    );
}

#[test]
fn credentials_file_wins_over_config_file() {
    let home = TempHome::new()
        .config(&format!(
            "[profile dev]\nregion = eu-west-1\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = {SECRET}\n"
        ))
        .credentials(&credentials_file("dev", "AKIDCREDENTIALS"));
    let credentials = ProfileCredentials::with_env(home.env(&[]))
        .profile("dev")
        .load()
        .expect("keys");
    assert_eq!(credentials.access_key_id(), "AKIDCREDENTIALS");

    // The config file alone serves too, under `[profile dev]`.
    let home = TempHome::new().config(&format!(
        "[profile dev]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = {SECRET}\n"
    ));
    let credentials = ProfileCredentials::with_env(home.env(&[("AWS_PROFILE", "dev")]))
        .load()
        .expect("keys");
    assert_eq!(credentials.access_key_id(), "AKIDCONFIG");
}

#[test]
fn file_locations_from_the_environment() {
    let home = TempHome::new().credentials(&credentials_file("default", "AKIDHOME"));
    let elsewhere = home.write("other-credentials", &credentials_file("default", "AKIDOVERRIDE"));
    let env = home.env(&[("AWS_SHARED_CREDENTIALS_FILE", elsewhere.to_str().expect("UTF-8"))]);
    assert_eq!(
        ProfileCredentials::with_env(env).load().expect("keys").access_key_id(),
        "AKIDOVERRIDE"
    );

    home.write(
        "other-config",
        &format!("[profile x]\naws_access_key_id = AKIDCFG\naws_secret_access_key = {SECRET}"),
    );
    let env = home.env(&[("AWS_CONFIG_FILE", "~/other-config"), ("AWS_PROFILE", "x")]);
    assert_eq!(
        ProfileCredentials::with_env(env)
            .load()
            .expect("~ expands")
            .access_key_id(),
        "AKIDCFG"
    );

    let files = ProfileFiles::new(home.path().join("missing"), &elsewhere);
    assert_eq!(
        ProfileCredentials::with_files(files)
            .load()
            .expect("keys")
            .access_key_id(),
        "AKIDOVERRIDE"
    );
}

#[test]
fn missing_files_and_profiles_are_not_found() {
    let home = TempHome::new();
    let error = ProfileCredentials::with_env(home.env(&[("AWS_PROFILE", "dev")]))
        .load()
        .expect_err("no files");
    assert_eq!(error.kind(), CredentialsErrorKind::NotFound);
    assert_eq!(error.origin(), "profile `dev`");
    let config = home.path().join(".aws").join("config");
    assert!(
        error
            .message()
            .contains(&format!("[profile dev] in {} (no such file)", config.display())),
        "{error}"
    );

    let home = home.credentials("[default]\nregion = us-east-1\n");
    let error = ProfileCredentials::with_env(home.env(&[("AWS_PROFILE", "dev")]))
        .load()
        .expect_err("no [dev]");
    assert!(
        error.message().contains("[dev] in ") && error.message().contains("(no such section)"),
        "{error}"
    );

    let error = ProfileCredentials::with_env(home.env(&[]))
        .load()
        .expect_err("no keys in [default]");
    assert_eq!(error.kind(), CredentialsErrorKind::NotFound);
    assert!(
        error
            .message()
            .starts_with("the profile has no aws_access_key_id and aws_secret_access_key; add them to [default] in "),
        "{error}"
    );

    let error = ProfileCredentials::with_env(Env::from_vars([("AWS_PROFILE", "dev")]))
        .load()
        .expect_err("no HOME");
    assert!(
        error
            .message()
            .contains("not looked for: ~/.aws/credentials (no home directory)"),
        "{error}"
    );
}

#[test]
fn a_misspelt_section_is_pointed_out() {
    let home = TempHome::new().config(&format!(
        "[dev]\naws_access_key_id = {ACCESS_KEY_ID}\naws_secret_access_key = {SECRET}"
    ));
    let error = ProfileCredentials::with_env(home.env(&[("AWS_PROFILE", "dev")]))
        .load()
        .expect_err("[dev] is skipped");
    assert!(
        error
            .message()
            .contains("[dev] ignored: profiles in the config file are written `[profile dev]`"),
        "{error}"
    );
    assert_error_is_clean(&error);
}

#[test]
fn half_a_key_pair_names_profile_and_file() {
    let home = TempHome::new().credentials(&format!(
        "[default]\nregion = eu-west-1\naws_access_key_id = {ACCESS_KEY_ID}\n"
    ));
    let error = ProfileCredentials::with_env(home.env(&[]))
        .load()
        .expect_err("no secret");
    let path = home.path().join(".aws").join("credentials");
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert_eq!(error.path(), Some(path.as_path()));
    assert_eq!(error.line(), Some(3));
    assert_eq!(
        error.to_string(),
        format!(
            "profile `default`: aws_access_key_id is set ({}, line 3) but aws_secret_access_key is not; add \
             aws_secret_access_key next to it, or remove aws_access_key_id",
            path.display()
        )
    );

    let home = TempHome::new().config(&format!("[profile p]\naws_secret_access_key = {SECRET}\n"));
    let error = ProfileCredentials::with_env(home.env(&[("AWS_PROFILE", "p")]))
        .load()
        .expect_err("no key id");
    assert!(error.message().starts_with("aws_secret_access_key is set ("), "{error}");
    assert_error_is_clean(&error);
}

#[test]
fn unsupported_sources_say_how_to_plug_in_a_provider() {
    let cases = [
        (
            "role_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = default",
            "assume role (`role_arn`",
        ),
        (
            "credential_process = /usr/bin/fetch-creds",
            "an external credential process (`credential_process`",
        ),
        (
            "sso_session = corp\nsso_account_id = 123456789012",
            "IAM Identity Center (SSO) (`sso_session`",
        ),
        (
            "web_identity_token_file = /var/run/token\nrole_arn = arn:aws:iam::123456789012:role/x",
            "web identity federation (`web_identity_token_file`",
        ),
    ];
    for (settings, says) in cases {
        let home = TempHome::new().config(&format!("[profile dev]\nregion = eu-west-1\n{settings}\n"));
        let error = ProfileCredentials::with_env(home.env(&[("AWS_PROFILE", "dev")]))
            .load()
            .expect_err(settings);
        assert_eq!(error.kind(), CredentialsErrorKind::Unsupported, "{settings}");
        assert!(error.message().contains(says), "{error}");
        assert!(error.message().contains("implement `ProvideCredentials`"), "{error}");
        assert!(error.message().contains("--profile dev"), "{error}");
        assert_eq!(error.line(), Some(3));
    }
}

#[test]
fn parse_errors_stop_the_provider_with_file_and_line() {
    let home = TempHome::new().credentials(&format!(
        "[default]\naws_access_key_id {ACCESS_KEY_ID}\naws_secret_access_key {SECRET}\n"
    ));
    let error = provide(&DefaultCredentialsChain::with_env(home.env(&[]))).expect_err("line 2 has no `=`");
    let path = home.path().join(".aws").join("credentials");
    assert_eq!(error.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert_eq!((error.path(), error.line()), (Some(path.as_path()), Some(2)));
    assert!(
        error.to_string().contains(&format!(
            "{}, line 2: a setting must look like `name = value`",
            path.display()
        )),
        "{error}"
    );
    assert_error_is_clean(&error);
}

#[test]
fn unreadable_files_are_errors() {
    let home = TempHome::new();
    home.write(".aws/credentials", "");
    std::fs::write(home.path().join(".aws/config"), [0xff, 0xfe, b'[']).expect("writable");
    let error = ProfileCredentials::with_env(home.env(&[]))
        .load()
        .expect_err("not UTF-8");
    assert_eq!(error.kind(), CredentialsErrorKind::Unreadable);
    assert!(error.message().contains("not UTF-8"), "{error}");

    std::fs::remove_file(home.path().join(".aws/config")).expect("removable");
    let env = home.env(&[("AWS_SHARED_CREDENTIALS_FILE", home.path().to_str().expect("UTF-8"))]);
    let error = ProfileCredentials::with_files(ProfileFiles::from_env(&env))
        .load()
        .expect_err("a directory");
    assert_eq!(error.kind(), CredentialsErrorKind::Unreadable);
    assert_eq!(error.path(), Some(Path::new(home.path())));
}

#[test]
fn default_chain_order() {
    let home = TempHome::new().credentials(&credentials_file("default", "AKIDFILE"));
    let env_and_file = home.env(&[("AWS_ACCESS_KEY_ID", "AKIDENV"), ("AWS_SECRET_ACCESS_KEY", SECRET)]);
    assert_eq!(
        provide(&DefaultCredentialsChain::with_env(env_and_file))
            .expect("env")
            .access_key_id(),
        "AKIDENV"
    );
    assert_eq!(
        provide(&DefaultCredentialsChain::with_env(home.env(&[])))
            .expect("file")
            .access_key_id(),
        "AKIDFILE"
    );

    // Half a pair in the environment is a mistake to report, not a reason to use the file.
    let half = home.env(&[("AWS_ACCESS_KEY_ID", "AKIDENV")]);
    let error = provide(&DefaultCredentialsChain::with_env(half)).expect_err("half a pair");
    assert_eq!(error.origin(), "environment variables");
}

#[test]
fn default_chain_reports_every_place_looked() {
    let home = TempHome::new();
    let chain = DefaultCredentialsChain::with_env(home.env(&[("AWS_PROFILE", "dev")]));
    let error = provide(&chain).expect_err("nothing anywhere");
    assert_eq!(error.kind(), CredentialsErrorKind::NotFound);
    let origins: Vec<_> = error.tried().iter().map(CredentialsError::origin).collect();
    assert_eq!(origins, ["environment variables", "profile `dev`"]);
    let text = error.to_string();
    assert!(
        text.starts_with("credentials chain: no AWS credentials found;"),
        "{text}"
    );
    assert!(
        text.contains("\n  - environment variables: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set"),
        "{text}"
    );
    assert!(
        text.contains("\n  - profile `dev`: there is no profile `dev`: looked for [profile dev] in "),
        "{text}"
    );

    let with_fallback = chain.or_else(Credentials::new("AKIDFALLBACK", SECRET));
    assert_eq!(
        provide(&with_fallback).expect("the fallback").access_key_id(),
        "AKIDFALLBACK"
    );
}

#[derive(Debug)]
struct Failing;

impl ProvideCredentials for Failing {
    fn provide_credentials(&self) -> crate::credentials::ProvideFuture<'_> {
        let cause = std::io::Error::other("connection refused");
        Box::pin(async {
            Err(CredentialsError::provider_error(
                "IMDS",
                "could not reach the instance metadata service",
                cause,
            ))
        })
    }
}

#[test]
fn custom_providers_and_their_errors() {
    let chain = CredentialsChain::new()
        .or_else(Failing)
        .or_else(Credentials::new(ACCESS_KEY_ID, SECRET));
    let error = provide(&chain).expect_err("a provider error stops the chain");
    assert_eq!(error.kind(), CredentialsErrorKind::ProviderError);
    assert_eq!(error.to_string(), "IMDS: could not reach the instance metadata service");
    let source = std::error::Error::source(&error).expect("the cause is kept");
    assert_eq!(source.to_string(), "connection refused");

    let empty = provide(&CredentialsChain::new()).expect_err("an empty chain finds nothing");
    assert_eq!(empty.kind(), CredentialsErrorKind::NotFound);
    assert!(empty.tried().is_empty());
}

#[test]
fn provider_debug_never_shows_secrets() {
    let home = TempHome::new().credentials(&credentials_file("default", ACCESS_KEY_ID));
    let env = home.env(&[("AWS_SECRET_ACCESS_KEY", SECRET), ("AWS_SESSION_TOKEN", TOKEN)]);
    let chain = DefaultCredentialsChain::with_env(env.clone())
        .or_else(Credentials::new(ACCESS_KEY_ID, SECRET).with_session_token(TOKEN));
    let debug = format!(
        "{chain:?} {:?} {:?} {:?}",
        EnvironmentCredentials::with_env(env.clone()),
        ProfileCredentials::with_env(env.clone()),
        crate::credentials::SharedConfig::load_with_env(env).expect("loads")
    );
    assert!(debug.contains(ACCESS_KEY_ID), "{debug}");
    assert_no_secret(&debug);
}
