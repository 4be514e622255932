//! The shared `config` and `credentials` files: where they are, and the
//! profiles they define once merged.

use crate::sorted_map::SortedMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::parse::{self, WHITESPACE};
use super::{Env, ProfileFileError};

const DEFAULT_PROFILE: &str = "default";
const PROFILE_PREFIX: &str = "profile";

/// Which of the two shared files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProfileFileKind {
    /// `~/.aws/config` (or `AWS_CONFIG_FILE`): sections are `[default]`,
    /// `[profile NAME]`, and others such as `[sso-session NAME]`.
    Config,
    /// `~/.aws/credentials` (or `AWS_SHARED_CREDENTIALS_FILE`): sections
    /// are `[NAME]`. Its values win over the config file's.
    Credentials,
}

impl ProfileFileKind {
    /// The variable that overrides the file's location.
    pub fn path_variable(self) -> &'static str {
        match self {
            ProfileFileKind::Config => "AWS_CONFIG_FILE",
            ProfileFileKind::Credentials => "AWS_SHARED_CREDENTIALS_FILE",
        }
    }

    /// The location when the variable is unset, `~` being the home directory.
    pub fn default_path(self) -> &'static str {
        match self {
            ProfileFileKind::Config => "~/.aws/config",
            ProfileFileKind::Credentials => "~/.aws/credentials",
        }
    }

    /// How the profile `name` is written as a header in this file.
    pub fn header_for(self, name: &str) -> String {
        match self {
            ProfileFileKind::Config if name == DEFAULT_PROFILE => "[default]".into(),
            ProfileFileKind::Config => format!("[profile {name}]"),
            ProfileFileKind::Credentials => format!("[{name}]"),
        }
    }
}

/// Where the two shared files are, and which profile is selected.
///
/// [`from_env`](Self::from_env) follows the SDKs: `AWS_CONFIG_FILE` and
/// `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/config` and
/// `~/.aws/credentials`, `~` standing for `HOME` (on Windows, then
/// `USERPROFILE`, then `HOMEDRIVE` + `HOMEPATH`); the profile is
/// `AWS_PROFILE`, else `default`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileFiles {
    config: Option<PathBuf>,
    credentials: Option<PathBuf>,
    profile: String,
}

impl ProfileFiles {
    /// The locations and profile `env` selects.
    pub fn from_env(env: &Env) -> ProfileFiles {
        ProfileFiles::from_env_on(env, cfg!(windows))
    }

    pub(crate) fn from_env_on(env: &Env, windows: bool) -> ProfileFiles {
        let home = home_dir(env, windows);
        let locate = |kind: ProfileFileKind| {
            let path = env
                .get(kind.path_variable())
                .unwrap_or_else(|| kind.default_path().to_owned());
            expand_home(&path, home.as_deref(), windows)
        };
        ProfileFiles {
            config: locate(ProfileFileKind::Config),
            credentials: locate(ProfileFileKind::Credentials),
            profile: env.get("AWS_PROFILE").unwrap_or_else(|| DEFAULT_PROFILE.to_owned()),
        }
    }

    /// These two files and the `default` profile.
    pub fn new(config: impl Into<PathBuf>, credentials: impl Into<PathBuf>) -> ProfileFiles {
        ProfileFiles {
            config: Some(config.into()),
            credentials: Some(credentials.into()),
            profile: DEFAULT_PROFILE.to_owned(),
        }
    }

    /// The same files with profile `name` selected.
    pub fn with_profile(mut self, name: impl Into<String>) -> ProfileFiles {
        self.profile = name.into();
        self
    }

    /// The selected profile's name.
    pub fn profile(&self) -> &str {
        &self.profile
    }

    /// The file of `kind`; `None` when its location is under `~` and no
    /// home directory is known.
    pub fn path(&self, kind: ProfileFileKind) -> Option<&Path> {
        match kind {
            ProfileFileKind::Config => self.config.as_deref(),
            ProfileFileKind::Credentials => self.credentials.as_deref(),
        }
    }

    /// Reads and merges both files; a missing file counts as empty.
    pub fn load(&self) -> Result<ProfileSet, ProfileFileError> {
        let mut set = ProfileSet::default();
        // Config first: the credentials file's values replace its values.
        for kind in [ProfileFileKind::Config, ProfileFileKind::Credentials] {
            let Some(path) = self.path(kind) else {
                set.files.push(FileStatus {
                    kind,
                    path: None,
                    found: false,
                });
                continue;
            };
            let text = read_if_exists(path)?;
            set.files.push(FileStatus {
                kind,
                path: Some(path.to_path_buf()),
                found: text.is_some(),
            });
            if let Some(text) = text {
                set.merge(kind, path, &text)?;
            }
        }
        Ok(set)
    }
}

fn home_dir(env: &Env, windows: bool) -> Option<String> {
    if let Some(home) = env.get("HOME") {
        return Some(home);
    }
    if !windows {
        return None;
    }
    env.get("USERPROFILE")
        .or_else(|| Some(env.get("HOMEDRIVE")? + &env.get("HOMEPATH")?))
}

/// `~` alone or followed by a separator is the home directory; `~user` is
/// left alone, as the SDKs do.
fn expand_home(path: &str, home: Option<&str>, windows: bool) -> Option<PathBuf> {
    let Some(rest) = path.strip_prefix('~') else {
        return Some(PathBuf::from(path));
    };
    let rest = match rest
        .strip_prefix('/')
        .or_else(|| rest.strip_prefix('\\').filter(|_| windows))
    {
        Some(rest) => rest,
        None if rest.is_empty() => rest,
        None => return Some(PathBuf::from(path)),
    };
    let mut expanded = PathBuf::from(home?);
    // Pushed one by one so the result uses the platform's separator.
    for part in rest.split(['/', '\\']).filter(|part| !part.is_empty()) {
        expanded.push(part);
    }
    Some(expanded)
}

fn read_if_exists(path: &Path) -> Result<Option<String>, ProfileFileError> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| ProfileFileError::unreadable(path, "the file is not UTF-8 text; save it as UTF-8")),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(ProfileFileError::unreadable(
            path,
            format!("cannot read the file: {error}"),
        )),
    }
}

/// Whether a shared file was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FileStatus {
    pub kind: ProfileFileKind,
    /// `None`: not looked for, no home directory.
    pub path: Option<PathBuf>,
    pub found: bool,
}

/// The profiles (and other sections) of both shared files, merged.
///
/// A section with an invalid name, a config-file profile without the
/// `profile` prefix, a credentials-file section with one, and keys that are
/// not identifiers are skipped as the SDKs skip them; [`ignored`](Self::ignored)
/// says which and why.
#[derive(Clone, Debug, Default)]
pub struct ProfileSet {
    profiles: SortedMap<String, Profile>,
    /// Non-profile sections of the config file, by `(prefix, name)`.
    sections: SortedMap<(String, String), Profile>,
    ignored: Vec<String>,
    pub(crate) files: Vec<FileStatus>,
}

impl ProfileSet {
    /// Parses file contents held in memory; `path`s only name the files in
    /// errors. Either may be the empty string.
    ///
    /// ```
    /// use std::path::Path;
    /// use sesv2_model::credentials::ProfileSet;
    ///
    /// let config = "[default]\nregion = us-east-1\n\n[profile dev] # the team's account\nregion = eu-west-1\n\
    ///               s3 =\n  addressing_style = path\n";
    /// let credentials = "[dev]\naws_access_key_id = AKIDEXAMPLE\n";
    /// let set = ProfileSet::from_contents((Path::new("config"), config), (Path::new("credentials"), credentials))?;
    /// let dev = set.profile("dev").expect("both files define it");
    /// assert_eq!(dev.get("region"), Some("eu-west-1"));
    /// assert_eq!(dev.get("AWS_ACCESS_KEY_ID"), Some("AKIDEXAMPLE"));
    /// assert_eq!(dev.sub_property("s3", "addressing_style"), Some("path"));
    /// assert_eq!(dev.location("aws_access_key_id"), Some((Path::new("credentials"), 2)));
    /// # Ok::<(), sesv2_model::credentials::ProfileFileError>(())
    /// ```
    pub fn from_contents(config: (&Path, &str), credentials: (&Path, &str)) -> Result<ProfileSet, ProfileFileError> {
        let mut set = ProfileSet::default();
        set.merge(ProfileFileKind::Config, config.0, config.1)?;
        set.merge(ProfileFileKind::Credentials, credentials.0, credentials.1)?;
        Ok(set)
    }

    /// The profile `name` (`default` for `[default]` and `[profile default]`).
    pub fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.get(name)
    }

    /// The names of all profiles, sorted.
    pub fn profile_names(&self) -> impl Iterator<Item = &str> {
        self.profiles.keys().map(String::as_str)
    }

    /// A config-file section other than a profile, e.g.
    /// `section("sso-session", "corp")` or `section("services", "dev")`.
    pub fn section(&self, prefix: &str, name: &str) -> Option<&Profile> {
        self.sections.get(&(prefix.to_owned(), name.to_owned()))
    }

    /// One line per section or key that was skipped, with file, line and
    /// reason.
    pub fn ignored(&self) -> &[String] {
        &self.ignored
    }

    fn merge(&mut self, kind: ProfileFileKind, path: &Path, text: &str) -> Result<(), ProfileFileError> {
        let sections = parse::parse_file(text, path)?;
        // `[profile default]` replaces `[default]` wherever either comes.
        let has_prefixed_default = kind == ProfileFileKind::Config
            && sections
                .iter()
                .any(|section| split_header(&section.header) == (Some(PROFILE_PREFIX), DEFAULT_PROFILE));
        let path: Arc<Path> = Arc::from(path);
        for section in sections {
            let (prefix, name) = split_header(&section.header);
            let skip = |reason: String| {
                format!(
                    "{}, line {}: [{}] ignored: {reason}",
                    path.display(),
                    section.line,
                    section.header
                )
            };
            let target = match (kind, prefix) {
                _ if !is_identifier(name) => {
                    let reason =
                        format!("`{name}` is not a valid name (letters, digits and `-_/.%@:+` only, no spaces)");
                    self.ignored.push(skip(reason));
                    continue;
                }
                (ProfileFileKind::Config, None) if name != DEFAULT_PROFILE => {
                    self.ignored.push(skip(format!(
                        "profiles in the config file are written `[profile {name}]`"
                    )));
                    continue;
                }
                (ProfileFileKind::Config, None) if has_prefixed_default => {
                    self.ignored
                        .push(skip("`[profile default]` in the same file takes its place".into()));
                    continue;
                }
                (ProfileFileKind::Config, None) | (ProfileFileKind::Config, Some(PROFILE_PREFIX)) => self
                    .profiles
                    .get_or_insert_with(name.to_owned(), || Profile::named(name)),
                (ProfileFileKind::Config, Some(prefix)) => self
                    .sections
                    .get_or_insert_with((prefix.to_owned(), name.to_owned()), || Profile::named(name)),
                (ProfileFileKind::Credentials, None) => self
                    .profiles
                    .get_or_insert_with(name.to_owned(), || Profile::named(name)),
                (ProfileFileKind::Credentials, Some(_)) => {
                    self.ignored.push(skip(format!(
                        "sections in the credentials file are written `[{name}]`, without a prefix"
                    )));
                    continue;
                }
            };
            for property in section.properties {
                if !is_identifier(&property.key) {
                    self.ignored.push(format!(
                        "{}, line {}: key `{}` ignored: not a valid name (letters, digits and `-_/.%@:+` only)",
                        path.display(),
                        property.line,
                        property.key
                    ));
                    continue;
                }
                let value = Value {
                    text: property.value,
                    path: path.clone(),
                    line: property.line,
                };
                target.properties.insert(property.key, value);
            }
        }
        Ok(())
    }
}

/// `profile dev` → (`Some("profile")`, `"dev"`); `dev` → (`None`, `"dev"`).
fn split_header(header: &str) -> (Option<&str>, &str) {
    match header.split_once(WHITESPACE) {
        Some((prefix, name)) => (Some(prefix), name.trim_matches(WHITESPACE)),
        None => (None, header),
    }
}

fn is_identifier(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_/.%@:+".contains(c))
}

#[derive(Clone)]
struct Value {
    text: String,
    path: Arc<Path>,
    line: usize,
}

/// One profile (or other section): its keys, lower-cased, and their values.
///
/// `Debug` shows key names only: values include secret keys and tokens.
#[derive(Clone)]
pub struct Profile {
    name: String,
    properties: SortedMap<String, Value>,
}

impl Profile {
    fn named(name: &str) -> Profile {
        Profile {
            name: name.to_owned(),
            properties: SortedMap::default(),
        }
    }

    /// The profile's name, without any `profile` prefix.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The value of `key` (case-insensitive), e.g. `get("region")`. A key
    /// with sub-properties has them as its value, one `name = value` a line
    /// after a leading newline; [`sub_properties`](Self::sub_properties)
    /// splits them.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.value(key).map(|value| value.text.as_str())
    }

    /// The file and 1-based line that set `key`: the credentials file's when
    /// both files set it.
    pub fn location(&self, key: &str) -> Option<(&Path, usize)> {
        self.value(key).map(|value| (&*value.path, value.line))
    }

    /// The profile's keys, lower-cased and sorted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.properties.keys().map(String::as_str)
    }

    /// The sub-properties under `key`, e.g. for
    /// ```text
    /// s3 =
    ///   max_concurrent_requests = 20
    /// ```
    /// `("max_concurrent_requests", "20")`. Empty when `key` is unset or has
    /// a plain value.
    pub fn sub_properties(&self, key: &str) -> impl Iterator<Item = (&str, &str)> {
        let sub_properties = self.get(key).and_then(|value| value.strip_prefix('\n')).unwrap_or("");
        // The parser has checked each line is `name = value`.
        sub_properties
            .lines()
            .filter_map(|line| parse::split_property(line).ok())
    }

    /// The sub-property `name` (case-insensitive) under `key`.
    pub fn sub_property(&self, key: &str, name: &str) -> Option<&str> {
        self.sub_properties(key)
            .find(|(sub_name, _)| sub_name.eq_ignore_ascii_case(name))
            .map(|(_, value)| value)
    }

    fn value(&self, key: &str) -> Option<&Value> {
        match self.properties.get(key) {
            Some(value) => Some(value),
            None => self.properties.get(&key.to_ascii_lowercase()),
        }
    }
}

impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Profile")
            .field("name", &self.name)
            .field("keys", &self.properties.keys().collect::<Vec<_>>())
            .finish()
    }
}
