//! Static credentials from a profile of the shared files.

use super::profile::FileStatus;
use super::{
    Credentials, CredentialsError, CredentialsErrorKind, Env, ProfileFileKind, ProfileFiles, ProfileSet,
    ProvideCredentials, ProvideFuture,
};

const ACCESS_KEY_ID: &str = "aws_access_key_id";
const SECRET_ACCESS_KEY: &str = "aws_secret_access_key";
const SESSION_TOKEN: &str = "aws_session_token";

/// Keys that make a profile get its credentials some other way than the
/// static keys, and what that way is called.
const UNSUPPORTED_SOURCES: &[(&str, &str)] = &[
    // Before `role_arn`: with it, a token file means AssumeRoleWithWebIdentity.
    ("web_identity_token_file", "web identity federation"),
    ("role_arn", "assume role"),
    ("source_profile", "assume role"),
    ("credential_source", "assume role"),
    ("credential_process", "an external credential process"),
    ("sso_session", "IAM Identity Center (SSO)"),
    ("sso_start_url", "IAM Identity Center (SSO)"),
    ("sso_account_id", "IAM Identity Center (SSO)"),
    ("sso_role_name", "IAM Identity Center (SSO)"),
];

/// Static credentials (`aws_access_key_id`, `aws_secret_access_key`,
/// optional `aws_session_token`) from the selected profile of the shared
/// `config` and `credentials` files; the credentials file's values win.
///
/// The files are read on every call, so credentials another tool rotates
/// in them are picked up; they are small, and read synchronously.
///
/// Errors: no profile, or a profile without keys, is
/// [`NotFound`](CredentialsErrorKind::NotFound); half a key pair or a file
/// that does not parse is [`InvalidConfiguration`](CredentialsErrorKind::InvalidConfiguration);
/// a profile that assumes a role, uses SSO, web identity or
/// `credential_process` is [`Unsupported`](CredentialsErrorKind::Unsupported),
/// since this crate implements none of them: implement
/// [`ProvideCredentials`] over whatever does, and give that to the client.
#[derive(Clone, Debug, Default)]
pub struct ProfileCredentials {
    env: Env,
    files: Option<ProfileFiles>,
    profile: Option<String>,
}

impl ProfileCredentials {
    /// The files and profile the process environment selects, resolved on
    /// each call.
    pub fn new() -> ProfileCredentials {
        ProfileCredentials::default()
    }

    /// The files and profile `env` selects, resolved on each call.
    pub fn with_env(env: Env) -> ProfileCredentials {
        ProfileCredentials {
            env,
            files: None,
            profile: None,
        }
    }

    /// Exactly these files and their profile, whatever the environment says.
    pub fn with_files(files: ProfileFiles) -> ProfileCredentials {
        ProfileCredentials {
            env: Env::default(),
            files: Some(files),
            profile: None,
        }
    }

    /// The same provider reading profile `name` instead of `AWS_PROFILE`.
    pub fn profile(mut self, name: impl Into<String>) -> ProfileCredentials {
        self.profile = Some(name.into());
        self
    }

    /// The credentials the profile holds now.
    pub fn load(&self) -> Result<Credentials, CredentialsError> {
        let mut files = self.files.clone().unwrap_or_else(|| ProfileFiles::from_env(&self.env));
        if let Some(profile) = &self.profile {
            files = files.with_profile(profile.clone());
        }
        let set = files.load()?;
        credentials_from_profile(&set, files.profile())
    }
}

impl ProvideCredentials for ProfileCredentials {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(std::future::ready(self.load()))
    }
}

/// The static credentials of profile `name` in `set`.
pub(crate) fn credentials_from_profile(set: &ProfileSet, name: &str) -> Result<Credentials, CredentialsError> {
    let origin = format!("profile `{name}`");
    let Some(profile) = set.profile(name) else {
        let message = format!("there is no profile `{name}`: {}", looked_in(set, name));
        return Err(CredentialsError::new(CredentialsErrorKind::NotFound, origin, message));
    };
    if let Some((key, source)) = UNSUPPORTED_SOURCES.iter().find(|(key, _)| profile.get(key).is_some()) {
        let (path, line) = profile.location(key).unwrap_or((std::path::Path::new(""), 0));
        let message = format!(
            "the profile gets its credentials through {source} (`{key}`, {}, line {line}), which this crate does \
             not implement; implement `ProvideCredentials` over a library that does (such as the AWS SDK) and give \
             it to the client, or export credentials (`aws configure export-credentials --profile {name} \
             --format env`) into AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN",
            path.display()
        );
        return Err(CredentialsError::new(CredentialsErrorKind::Unsupported, origin, message).at(path, Some(line)));
    }
    let non_empty = |key| profile.get(key).filter(|value| !value.is_empty());
    match (non_empty(ACCESS_KEY_ID), non_empty(SECRET_ACCESS_KEY)) {
        (Some(access_key_id), Some(secret_access_key)) => {
            let credentials = Credentials::new(access_key_id, secret_access_key);
            Ok(match non_empty(SESSION_TOKEN) {
                Some(token) => credentials.with_session_token(token),
                None => credentials,
            })
        }
        (Some(_), None) => Err(half_pair(set, name, ACCESS_KEY_ID, SECRET_ACCESS_KEY)),
        (None, Some(_)) => Err(half_pair(set, name, SECRET_ACCESS_KEY, ACCESS_KEY_ID)),
        (None, None) => {
            let message = format!(
                "the profile has no {ACCESS_KEY_ID} and {SECRET_ACCESS_KEY}; add them to {}",
                where_to_add(set, name)
            );
            Err(CredentialsError::new(CredentialsErrorKind::NotFound, origin, message))
        }
    }
}

fn half_pair(set: &ProfileSet, name: &str, present: &str, missing: &str) -> CredentialsError {
    let profile = set.profile(name);
    let (path, line) = profile
        .and_then(|profile| profile.location(present))
        .unwrap_or((std::path::Path::new(""), 0));
    let message = format!(
        "{present} is set ({}, line {line}) but {missing} is not; add {missing} next to it, or remove {present}",
        path.display()
    );
    CredentialsError::new(
        CredentialsErrorKind::InvalidConfiguration,
        format!("profile `{name}`"),
        message,
    )
    .at(path, Some(line))
}

/// `[NAME]` in the credentials file, where it is.
fn where_to_add(set: &ProfileSet, name: &str) -> String {
    let header = ProfileFileKind::Credentials.header_for(name);
    match set.files.iter().find(|file| file.kind == ProfileFileKind::Credentials) {
        Some(FileStatus { path: Some(path), .. }) => format!("{header} in {}", path.display()),
        _ => format!("{header} in the credentials file"),
    }
}

/// Each file, the header the profile would have there, and what was found.
fn looked_in(set: &ProfileSet, name: &str) -> String {
    let mut places: Vec<String> = set
        .files
        .iter()
        .map(|file| {
            let header = file.kind.header_for(name);
            match (&file.path, file.found) {
                (None, _) => format!(
                    "{header} not looked for: {} (no home directory)",
                    file.kind.default_path()
                ),
                (Some(path), false) => format!("{header} in {} (no such file)", path.display()),
                (Some(path), true) => format!("{header} in {} (no such section)", path.display()),
            }
        })
        .collect();
    if places.is_empty() {
        places.push(format!(
            "{} or {}",
            ProfileFileKind::Config.header_for(name),
            ProfileFileKind::Credentials.header_for(name)
        ));
    }
    let mut message = format!("looked for {}", places.join(" and "));
    // A section skipped for its spelling is the likely culprit.
    for ignored in set
        .ignored()
        .iter()
        .filter(|ignored| ignored.contains(&format!(" {name}]")) || ignored.contains(&format!("[{name}]")))
    {
        message.push_str(&format!("; {ignored}"));
    }
    message
}
