//! The shared file grammar and the merging rules, after the AWS SDKs' common
//! parser test suite.

use std::path::Path;

use crate::credentials::{ProfileFileError, ProfileSet};

fn parse(config: &str, credentials: &str) -> Result<ProfileSet, ProfileFileError> {
    ProfileSet::from_contents(
        (Path::new("/home/u/.aws/config"), config),
        (Path::new("/home/u/.aws/credentials"), credentials),
    )
}

fn config(text: &str) -> ProfileSet {
    parse(text, "").expect("the config parses")
}

fn config_error(text: &str) -> ProfileFileError {
    parse(text, "").expect_err("the config does not parse")
}

/// `(key, value)` pairs of a profile, sorted.
fn pairs(set: &ProfileSet, profile: &str) -> Vec<(String, String)> {
    let profile = set.profile(profile).unwrap_or_else(|| panic!("no profile `{profile}`"));
    profile
        .keys()
        .map(|key| (key.to_owned(), profile.get(key).unwrap_or_default().to_owned()))
        .collect()
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(key, value)| (key.to_string(), value.to_string()))
        .collect()
}

fn names(set: &ProfileSet) -> Vec<&str> {
    set.profile_names().collect()
}

#[test]
fn empty_files_and_empty_profiles() {
    assert!(names(&config("")).is_empty());
    let set = config("[profile foo]\n[profile bar]");
    assert_eq!(names(&set), ["bar", "foo"]);
    assert!(pairs(&set, "foo").is_empty());
}

#[test]
fn headers_are_trimmed_and_may_use_tabs() {
    assert_eq!(names(&config("[profile \tfoo \t]")), ["foo"]);
    assert_eq!(names(&config("[profile\tfoo]")), ["foo"]);
    assert_eq!(names(&config("[   profile foo    ]\nname = value")), ["foo"]);
    assert_eq!(
        names(&parse("", "[   foo    ]\nname = value").expect("parses")),
        ["foo"]
    );
}

#[test]
fn properties_are_trimmed_and_keys_case_insensitive() {
    let set = config("[profile foo]\nName \t=  \tval=ue \t\nempty =\nREGION = eu-west-1\nunicode = 🐱 ok");
    assert_eq!(
        pairs(&set, "foo"),
        owned(&[
            ("empty", ""),
            ("name", "val=ue"),
            ("region", "eu-west-1"),
            ("unicode", "🐱 ok")
        ])
    );
    assert_eq!(
        set.profile("foo").and_then(|profile| profile.get("Region")),
        Some("eu-west-1")
    );
}

#[test]
fn windows_line_endings_and_byte_order_mark() {
    let set = config("\u{feff}[default]\r\nregion = us-east-1\r\n");
    assert_eq!(pairs(&set, "default"), owned(&[("region", "us-east-1")]));
}

#[test]
fn comments() {
    let set = config(
        "# Comment\n; Comment\n;\n[profile foo] # Comment\nname = value # Comment with # sign\n\
         name2 = value ; Comment with ; sign\nadjacent = value;not a comment\nadjacent2 = value#not a comment\n\
         tabbed = value\t# comment\n[profile bar]; adjacent to header\n[profile baz]# pound",
    );
    assert_eq!(names(&set), ["bar", "baz", "foo"]);
    assert_eq!(
        pairs(&set, "foo"),
        owned(&[
            ("adjacent", "value;not a comment"),
            ("adjacent2", "value#not a comment"),
            ("name", "value"),
            ("name2", "value"),
            ("tabbed", "value"),
        ])
    );
}

#[test]
fn indented_comments_outside_values() {
    let set = config("  # about the profile\n[profile foo]\n\t; about name\nname = value\n  # part of the value");
    assert_eq!(pairs(&set, "foo"), owned(&[("name", "value\n# part of the value")]));
}

#[test]
fn blank_lines_are_ignored() {
    let set = config("\t \n[profile foo]\n\t\n \nname = value\n\t \n[profile bar]\n \t");
    assert_eq!(pairs(&set, "foo"), owned(&[("name", "value")]));
}

#[test]
fn continuations_keep_comments_and_join_with_newlines() {
    let set = config("[profile foo]\nname = value\n -continued\n \t -and # not a comment \t ");
    assert_eq!(
        pairs(&set, "foo"),
        owned(&[("name", "value\n-continued\n-and # not a comment")])
    );
}

#[test]
fn sub_properties() {
    let set = config(
        "[profile foo]\ns3 =\n  max_concurrent_requests = 20\n\t \n  Addressing_Style = path\n  empty =\n  \
         in valid = allowed\nregion = eu-west-1",
    );
    let profile = set.profile("foo").expect("foo is defined");
    assert_eq!(
        profile.get("s3"),
        Some("\nmax_concurrent_requests = 20\nAddressing_Style = path\nempty =\nin valid = allowed")
    );
    let sub: Vec<_> = profile.sub_properties("s3").collect();
    assert_eq!(
        sub,
        [
            ("max_concurrent_requests", "20"),
            ("Addressing_Style", "path"),
            ("empty", ""),
            ("in valid", "allowed")
        ]
    );
    assert_eq!(profile.sub_property("s3", "addressing_style"), Some("path"));
    assert_eq!(profile.get("region"), Some("eu-west-1"));
    assert_eq!(profile.sub_properties("region").count(), 0);
    assert_eq!(profile.sub_properties("missing").count(), 0);
}

#[test]
fn grammar_errors_name_file_and_line() {
    let cases = [
        ("[profile foo", 1, "must end with `]`"),
        ("name = value", 1, "before any profile header"),
        (" -continued", 1, "before any profile header"),
        ("[profile foo]\n\n= value", 3, "has no name"),
        ("[profile foo]\nkey : value", 2, "has no `=`"),
        ("[profile foo]\n -continued", 2, "no setting comes before it"),
        (
            "[profile foo]\nname = value\n[profile foo]\n -continued",
            4,
            "no setting comes before it",
        ),
        (
            "[profile foo]\ns3 =\n invalid",
            3,
            "a sub-property of `s3` must look like `name = value`",
        ),
        ("[profile foo]\ns3 =\n = value", 3, "a sub-property of `s3` has no name"),
    ];
    for (text, line, message) in cases {
        let error = config_error(text);
        assert_eq!(error.path(), Path::new("/home/u/.aws/config"), "{text:?}");
        assert_eq!(error.line(), Some(line), "{text:?}");
        assert!(error.message().contains(message), "{text:?}: {error}");
        assert!(
            error
                .to_string()
                .starts_with(&format!("/home/u/.aws/config, line {line}: ")),
            "{error}"
        );
    }
    let error = parse(
        "",
        "[default]\naws_access_key_id = AKIDEXAMPLE\nwJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    )
    .expect_err("a line without `=`");
    assert_eq!(
        (error.path(), error.line()),
        (Path::new("/home/u/.aws/credentials"), Some(3))
    );
    super::assert_no_secret(&format!("{error} {error:?}"));
}

#[test]
fn duplicates_merge_and_the_last_value_wins() {
    let set = config("[profile foo]\nName = value\nother = 1\n[profile foo]\nname = value2");
    assert_eq!(pairs(&set, "foo"), owned(&[("name", "value2"), ("other", "1")]));
}

#[test]
fn profile_default_replaces_default_in_the_config_file() {
    for text in [
        "[profile default]\nname = value\n[default]\nname2 = value2",
        "[default]\nname2 = value2\n[profile default]\nname = value",
    ] {
        let set = config(text);
        assert_eq!(pairs(&set, "default"), owned(&[("name", "value")]), "{text:?}");
        assert!(
            set.ignored()
                .iter()
                .any(|ignored| ignored.contains("[default] ignored")),
            "{:?}",
            set.ignored()
        );
    }
    let set = parse(
        "[profile default]\nname = value\n[default]\nname2 = value2",
        "[default]\nsecret = foo",
    )
    .expect("parses");
    assert_eq!(pairs(&set, "default"), owned(&[("name", "value"), ("secret", "foo")]));
}

#[test]
fn prefix_rules_differ_between_the_files() {
    let set = parse(
        "[foo]\nname = value\n[profilefoo]\n[profile bar]",
        "[profile baz]\nname = value\n[qux]",
    )
    .expect("parses");
    assert_eq!(names(&set), ["bar", "qux"]);
    let ignored = set.ignored().join("\n");
    assert!(
        ignored.contains(
            "/home/u/.aws/config, line 1: [foo] ignored: profiles in the config file are written `[profile foo]`"
        ),
        "{ignored}"
    );
    assert!(ignored.contains("line 3: [profilefoo] ignored"), "{ignored}");
    assert!(ignored.contains("/home/u/.aws/credentials, line 1: [profile baz] ignored: sections in the credentials file are written `[baz]`"), "{ignored}");
}

#[test]
fn invalid_names_and_keys_are_ignored() {
    let set = parse(
        "[profile foo]\nname = value\nin valid = value\n[profile in valid]\nx = 1\n[profile foo!bar]\n\
         [profile some-thing:long/the_one%only.foo@bar+]\n[profile bar]\nname = value2",
        "[in valid 2]\nname2 = value2",
    )
    .expect("parses");
    assert_eq!(names(&set), ["bar", "foo", "some-thing:long/the_one%only.foo@bar+"]);
    assert_eq!(pairs(&set, "foo"), owned(&[("name", "value")]));
    assert_eq!(pairs(&set, "bar"), owned(&[("name", "value2")]));
    assert_eq!(set.ignored().len(), 4, "{:?}", set.ignored());
    assert!(
        set.ignored()[0].contains("line 3: key `in valid` ignored"),
        "{:?}",
        set.ignored()
    );
}

#[test]
fn credentials_file_values_win() {
    let set = parse(
        "[profile foo]\nname = value\nregion = eu-west-1",
        "[foo]\nname = value2\nname3 = value3",
    )
    .expect("parses");
    assert_eq!(
        pairs(&set, "foo"),
        owned(&[("name", "value2"), ("name3", "value3"), ("region", "eu-west-1")])
    );
    let profile = set.profile("foo").expect("foo is defined");
    assert_eq!(
        profile.location("name"),
        Some((Path::new("/home/u/.aws/credentials"), 2))
    );
    assert_eq!(profile.location("region"), Some((Path::new("/home/u/.aws/config"), 3)));
}

#[test]
fn other_sections_of_the_config_file() {
    let set = config(
        "[sso-session corp]\nsso_region = us-east-1\n[services dev]\nsesv2 =\n  endpoint_url = http://localhost:4566\n\
         [profile bar]",
    );
    assert_eq!(names(&set), ["bar"]);
    assert_eq!(
        set.section("sso-session", "corp")
            .and_then(|section| section.get("sso_region")),
        Some("us-east-1")
    );
    let services = set.section("services", "dev").expect("[services dev] is kept");
    assert_eq!(
        services.sub_property("sesv2", "endpoint_url"),
        Some("http://localhost:4566")
    );
    assert!(set.section("sso-session", "other").is_none());
}

#[test]
fn profile_debug_shows_keys_not_values() {
    let set = parse(
        "",
        &format!(
            "[default]\naws_access_key_id = {}\naws_secret_access_key = {}",
            super::ACCESS_KEY_ID,
            super::SECRET
        ),
    )
    .expect("parses");
    let debug = format!("{set:?}");
    assert!(debug.contains("aws_secret_access_key"), "{debug}");
    super::assert_no_secret(&debug);
}
