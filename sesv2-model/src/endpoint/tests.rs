//! The evaluator end to end: parameters, scoping, templates, rule kinds and
//! the errors `from_json` and `resolve` give.

use super::*;

fn rules(json: &str) -> RuleSet {
    RuleSet::from_json(json).unwrap_or_else(|error| panic!("{error}"))
}

fn one_rule(parameters: &str, rule: &str) -> RuleSet {
    rules(&format!(
        r#"{{"version": "1.0", "parameters": {{{parameters}}}, "rules": [{rule}]}}"#
    ))
}

fn resolve(rule_set: &RuleSet, params: &[(&str, Value)]) -> Result<ResolvedEndpoint, EndpointError> {
    let mut set = Params::default();
    for (name, value) in params {
        set.set(*name, value.clone());
    }
    rule_set.resolve(&set)
}

const REGION: &str =
    r#""Region": {"type": "string", "builtIn": "AWS::Region", "required": true, "documentation": "The region."}"#;

#[test]
fn templates_escape_braces_and_read_attributes() {
    let rule_set = one_rule(
        REGION,
        r#"{"conditions": [{"fn": "parseURL", "argv": ["https://h.example:8443/a/b"], "assign": "url"}],
            "endpoint": {
                "url": "{url#scheme}://{Region}.{url#authority}{url#normalizedPath}{{x}}",
                "headers": {"x-region": ["{Region}", "literal", {"ref": "Region"}]},
                "properties": {"authSchemes": [{"name": "sigv4", "signingRegion": "{Region}", "disableDoubleEncoding": true,
                    "signingRegionSet": ["*"], "nested": {"n": 3, "list": ["{{}}"]}}]}
            },
            "type": "endpoint"}"#,
    );
    let endpoint = resolve(&rule_set, &[("Region", "eu-west-1".into())]).unwrap();
    assert_eq!(endpoint.url(), "https://eu-west-1.h.example:8443/a/b/{x}");
    assert_eq!(
        endpoint.header("x-region").expect("the rules add it"),
        ["eu-west-1", "literal", "eu-west-1"]
    );
    let scheme = endpoint.auth_schemes().next().unwrap();
    assert_eq!(scheme.name(), Some("sigv4"));
    assert_eq!(scheme.signing_region(), Some("eu-west-1"));
    assert_eq!(scheme.signing_name(), None);
    assert_eq!(scheme.signing_region_set(), ["*"]);
    assert_eq!(scheme.disable_double_encoding(), Some(true));
    assert_eq!(
        scheme.get("nested").unwrap(),
        &serde_json::json!({"n": 3, "list": ["{}"]})
    );
}

#[test]
fn defaults_required_and_types() {
    let rule_set = one_rule(
        &format!(
            r#"{REGION}, "UseFIPS": {{"type": "Boolean", "required": true, "default": false}},
            "Arns": {{"type": "stringArray", "default": ["a", "b"], "deprecated": {{"message": "m", "since": "1"}}}}"#
        ),
        r#"{"conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, false]},
                           {"fn": "getAttr", "argv": [{"ref": "Arns"}, "[1]"], "assign": "second"}],
            "endpoint": {"url": "https://{second}.{Region}"}, "type": "endpoint"}"#,
    );
    assert_eq!(rule_set.parameters().len(), 3);
    let names: Vec<&str> = rule_set.parameters().iter().map(Parameter::name).collect();
    assert_eq!(names, ["Region", "UseFIPS", "Arns"]);
    let arns = &rule_set.parameters()[2];
    assert_eq!(arns.parameter_type(), ParameterType::StringArray);
    assert_eq!(
        arns.default_value(),
        Some(&Value::StringArray(vec!["a".into(), "b".into()]))
    );
    assert_eq!(arns.deprecated().and_then(Deprecated::message), Some("m"));
    assert_eq!(
        rule_set.parameter_for_built_in("AWS::Region").map(Parameter::name),
        Some("Region")
    );
    assert_eq!(rule_set.parameters()[0].documentation(), Some("The region."));

    assert_eq!(
        resolve(&rule_set, &[("Region", "r".into())]).unwrap().url(),
        "https://b.r"
    );
    let three = Value::from(vec!["x".to_owned(), "y".to_owned()]);
    assert_eq!(
        resolve(&rule_set, &[("Region", "r".into()), ("Arns", three)])
            .unwrap()
            .url(),
        "https://y.r"
    );

    let missing = resolve(&rule_set, &[]).unwrap_err();
    assert_eq!(missing.kind(), EndpointErrorKind::MissingParameter);
    assert_eq!(missing.to_string(), "missing required parameter \"Region\"");
    let wrong = resolve(&rule_set, &[("Region", true.into())]).unwrap_err();
    assert_eq!(wrong.kind(), EndpointErrorKind::WrongType);
    assert!(
        wrong.to_string().contains("\"Region\" is a String, not a Boolean"),
        "{wrong}"
    );
    let unknown = resolve(&rule_set, &[("Region", "r".into()), ("Regoin", "r".into())]).unwrap_err();
    assert_eq!(unknown.kind(), EndpointErrorKind::UnknownParameter);
    // The condition fails, so no rule matches.
    let fips = resolve(&rule_set, &[("Region", "r".into()), ("UseFIPS", true.into())]).unwrap_err();
    assert_eq!(fips.kind(), EndpointErrorKind::NoMatch);
}

#[test]
fn error_rules_tree_rules_and_scopes() {
    let rule_set = rules(
        r#"{"version": "1.0", "parameters": {"Bucket": {"type": "String"}}, "rules": [
            {"conditions": [{"fn": "isSet", "argv": [{"ref": "Bucket"}]},
                            {"fn": "substring", "argv": [{"ref": "Bucket"}, 0, 3, false], "assign": "prefix"}],
             "rules": [
                {"conditions": [{"fn": "stringEquals", "argv": [{"ref": "prefix"}, "bad"]}],
                 "error": "bucket {Bucket} starts with {prefix}", "type": "error"},
                {"conditions": [], "endpoint": {"url": "https://{prefix}.example"}, "type": "endpoint"}
             ], "type": "tree"},
            {"conditions": [{"fn": "not", "argv": [{"fn": "isSet", "argv": [{"ref": "Bucket"}]}]}],
             "rules": [], "type": "tree"},
            {"conditions": [], "error": "unreachable", "type": "error"}
        ]}"#,
    );
    let error = resolve(&rule_set, &[("Bucket", "badger".into())]).unwrap_err();
    assert_eq!(error.kind(), EndpointErrorKind::Rule);
    assert_eq!(error.to_string(), "bucket badger starts with bad");
    assert_eq!(
        resolve(&rule_set, &[("Bucket", "goodness".into())]).unwrap().url(),
        "https://goo.example"
    );
    // Too short for the substring: the first rule does not apply; the last does.
    assert_eq!(
        resolve(&rule_set, &[("Bucket", "ab".into())]).unwrap_err().to_string(),
        "unreachable"
    );
    // A tree rule whose conditions hold is final even when nothing in it matches.
    assert_eq!(resolve(&rule_set, &[]).unwrap_err().kind(), EndpointErrorKind::NoMatch);
}

#[test]
fn coalesce_ite_split_and_aws_functions() {
    let rule_set = one_rule(
        r#""A": {"type": "String"}, "B": {"type": "String", "default": "b"}, "Arn": {"type": "String", "required": true}"#,
        r#"{"conditions": [
                {"fn": "coalesce", "argv": [{"ref": "A"}, {"ref": "B"}], "assign": "first"},
                {"fn": "split", "argv": ["x,y,z", ",", 2], "assign": "parts"},
                {"fn": "ite", "argv": [{"fn": "isSet", "argv": [{"ref": "A"}]}, "a-set", "a-unset"], "assign": "which"},
                {"fn": "aws.parseArn", "argv": [{"ref": "Arn"}], "assign": "arn"},
                {"fn": "aws.isVirtualHostableS3Bucket", "argv": ["abc.bucket", true]},
                {"fn": "uriEncode", "argv": ["{first} {which}"], "assign": "encoded"}
            ],
            "endpoint": {"url": "https://{first}/{parts#[1]}/{which}/{arn#service}/{arn#resourceId[1]}/{encoded}"},
            "type": "endpoint"}"#,
    );
    let arn = ("Arn", Value::from("arn:aws:s3:us-east-1:1:accesspoint/ap"));
    assert_eq!(
        resolve(&rule_set, std::slice::from_ref(&arn)).unwrap().url(),
        "https://b/y,z/a-unset/s3/ap/b%20a-unset"
    );
    assert_eq!(
        resolve(&rule_set, &[arn, ("A", "a".into())]).unwrap().url(),
        "https://a/y,z/a-set/s3/ap/a%20a-set"
    );
    let not_an_arn = resolve(&rule_set, &[("Arn", "arn:aws".into())]).unwrap_err();
    assert_eq!(not_an_arn.kind(), EndpointErrorKind::NoMatch);
}

#[test]
fn evaluation_problems_are_errors_not_panics() {
    let rule_set = one_rule(
        r#""A": {"type": "String"}, "B": {"type": "Boolean"}"#,
        r#"{"conditions": [], "endpoint": {"url": "https://{A}"}, "type": "endpoint"}"#,
    );
    assert_eq!(
        resolve(&rule_set, &[]).unwrap_err().kind(),
        EndpointErrorKind::Evaluation
    );
    let rule_set = one_rule(
        r#""A": {"type": "String"}, "B": {"type": "Boolean"}"#,
        r#"{"conditions": [{"fn": "stringEquals", "argv": [{"ref": "A"}, {"ref": "B"}]}],
            "endpoint": {"url": "https://x"}, "type": "endpoint"}"#,
    );
    let error = resolve(&rule_set, &[("A", "a".into()), ("B", true.into())]).unwrap_err();
    assert_eq!(error.kind(), EndpointErrorKind::Evaluation);
    assert!(
        error
            .to_string()
            .contains("argument 2 of stringEquals must be a string"),
        "{error}"
    );
}

#[test]
fn from_json_says_where_and_what() {
    let error = |json: &str| RuleSet::from_json(json).unwrap_err();
    let unknown = error(
        r#"{"parameters": {}, "rules": [{"conditions": [{"fn": "aws.nope", "argv": []}], "error": "e", "type": "error"}]}"#,
    );
    assert_eq!(unknown.path(), "rules[0].conditions[0].fn");
    assert_eq!(
        unknown.to_string(),
        "endpoint rule set at rules[0].conditions[0].fn: unknown function \"aws.nope\""
    );
    let arity =
        error(r#"{"rules": [{"conditions": [{"fn": "not", "argv": [true, false]}], "error": "e", "type": "error"}]}"#);
    assert_eq!(arity.path(), "rules[0].conditions[0].argv");
    let scope = error(
        r#"{"rules": [
            {"conditions": [{"fn": "isSet", "argv": ["x"], "assign": "v"}], "error": "e", "type": "error"},
            {"conditions": [], "error": "{v}", "type": "error"}]}"#,
    );
    assert_eq!(scope.path(), "rules[1].error");
    assert!(scope.message().contains("\"v\""), "{scope}");
    let template = error(r#"{"rules": [{"conditions": [], "endpoint": {"url": "https://{"}, "type": "endpoint"}]}"#);
    assert_eq!(template.path(), "rules[0].endpoint.url");
    let kind = error(r#"{"parameters": {"P": {"type": "Integer"}}, "rules": []}"#);
    assert_eq!(kind.path(), "parameters.P.type");
    assert!(error("[").message().starts_with("invalid JSON"));
    assert!(error(r#"{"rules": [{"type": "nope"}]}"#).message().contains("nope"));
    let shadow = error(
        r#"{"parameters": {"P": {"type": "String"}}, "rules": [
            {"conditions": [{"fn": "isSet", "argv": [{"ref": "P"}], "assign": "P"}], "error": "e", "type": "error"}]}"#,
    );
    assert_eq!(shadow.path(), "rules[0].conditions[0].assign");
}

#[test]
fn rule_sets_and_endpoints_can_be_shared_across_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<RuleSet>();
    shareable::<ResolvedEndpoint>();
    shareable::<EndpointError>();
    shareable::<RuleSetError>();
    shareable::<Params>();
}
