//! The environment and the selected profile read once, for the region, the
//! credentials and any other setting a client needs.

use super::chain::nothing_found;
use super::profile_credentials::credentials_from_profile;
use super::{
    Credentials, CredentialsError, CredentialsErrorKind, Env, EnvironmentCredentials, Profile, ProfileFileError,
    ProfileFiles, ProfileSet,
};

const REGION_VARIABLES: [&str; 2] = ["AWS_REGION", "AWS_DEFAULT_REGION"];

/// The region from `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the
/// `region` of the profile the process environment selects; `None` when
/// none is set.
///
/// The shared files are read only when neither variable is set; they fail
/// only when they exist and cannot be parsed or read.
pub fn region_from_environment() -> Result<Option<String>, ProfileFileError> {
    region_from_env(&Env::process())
}

/// [`region_from_environment`], reading `env` instead of the process
/// environment.
pub fn region_from_env(env: &Env) -> Result<Option<String>, ProfileFileError> {
    if let Some(region) = region_variable(env) {
        return Ok(Some(region));
    }
    let files = ProfileFiles::from_env(env);
    let profiles = files.load()?;
    Ok(profile_region(profiles.profile(files.profile())))
}

fn region_variable(env: &Env) -> Option<String> {
    REGION_VARIABLES.iter().find_map(|name| env.get(name))
}

fn profile_region(profile: Option<&Profile>) -> Option<String> {
    profile
        .and_then(|profile| profile.get("region"))
        .filter(|region| !region.is_empty())
        .map(str::to_owned)
}

/// The environment and the shared files, read once: the selected profile,
/// the region and the credentials, resolved as the AWS SDKs resolve them,
/// and any other setting of the profile (`use_fips_endpoint`,
/// `endpoint_url`, `max_attempts`, ...) through [`profile`](Self::profile).
///
/// `Debug` shows no secrets.
#[derive(Clone, Debug)]
pub struct SharedConfig {
    env: Env,
    files: ProfileFiles,
    profiles: ProfileSet,
}

impl SharedConfig {
    /// Reads the files and profile the process environment selects.
    pub fn load() -> Result<SharedConfig, ProfileFileError> {
        SharedConfig::load_with_env(Env::process())
    }

    /// Reads the files and profile `env` selects.
    pub fn load_with_env(env: Env) -> Result<SharedConfig, ProfileFileError> {
        let files = ProfileFiles::from_env(&env);
        SharedConfig::load_files(env, files)
    }

    /// Reads `files` and their profile; `env` still gives the region and
    /// credentials variables.
    pub fn load_files(env: Env, files: ProfileFiles) -> Result<SharedConfig, ProfileFileError> {
        let profiles = files.load()?;
        Ok(SharedConfig { env, files, profiles })
    }

    /// The selected profile's name: `AWS_PROFILE`, else `default`.
    pub fn profile_name(&self) -> &str {
        self.files.profile()
    }

    /// The selected profile, if either file defines it.
    pub fn profile(&self) -> Option<&Profile> {
        self.profiles.profile(self.profile_name())
    }

    /// Every profile and section of both files.
    pub fn profiles(&self) -> &ProfileSet {
        &self.profiles
    }

    /// Where the files are.
    pub fn files(&self) -> &ProfileFiles {
        &self.files
    }

    /// `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the profile's `region`.
    pub fn region(&self) -> Option<String> {
        region_variable(&self.env).or_else(|| profile_region(self.profile()))
    }

    /// The environment's credentials, else the profile's, as
    /// [`DefaultCredentialsChain`](super::DefaultCredentialsChain) finds them
    /// but from the files as they were read.
    pub fn credentials(&self) -> Result<Credentials, CredentialsError> {
        let environment = match EnvironmentCredentials::with_env(self.env.clone()).load() {
            Err(error) if error.kind() == CredentialsErrorKind::NotFound => error,
            result => return result,
        };
        let profile = match credentials_from_profile(&self.profiles, self.profile_name()) {
            Err(error) if error.kind() == CredentialsErrorKind::NotFound => error,
            result => return result,
        };
        Err(nothing_found(vec![environment, profile]))
    }
}
