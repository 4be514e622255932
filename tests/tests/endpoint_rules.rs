//! The endpoint rules evaluator against the official models' own endpoint
//! test cases: each service's `smithy.rules#endpointRuleSet` is resolved for
//! every case of its `smithy.rules#endpointTests`, and must give exactly the
//! expected URL, headers and properties, or exactly the expected error.
//!
//! The models' cases were written against older partition data than
//! botocore's that the crate carries: there `aws-iso` and `aws-iso-b` did
//! not support dual-stack, so their dual-stack cases expect errors. Those
//! cases, and only those, are counted apart as "partition data newer than
//! the case"; any other failure fails the test.
//!
//! The build script compiles this only when the official models are
//! present, and fails the build when they are missing under CI=true.
#![cfg(official_models)]

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value as Json;
use sesv2_model::__private::endpoint::stale_dual_stack_expectation;
use sesv2_model::endpoint::{EndpointErrorKind, Params, RuleSet, Value};

const MODELS: &[(&str, &str, usize)] = &[
    ("sesv2", "sesv2-2019-09-27.json", 57),
    ("lambda", "lambda-2015-03-31.json", 75),
    ("dynamodb", "dynamodb-2012-08-10.json", 367),
    ("sqs", "sqs-2012-11-05.json", 52),
    ("s3", "s3-2006-03-01.json", 310),
];

/// The service shape's rule set and test cases.
fn load(file: &str) -> (Json, Vec<Json>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/models/aws")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let model: Json = serde_json::from_str(&text).expect("the model is JSON");
    let shapes = model["shapes"].as_object().expect("the model has shapes");
    let service = shapes
        .values()
        .find(|shape| shape["type"] == "service")
        .expect("the model has a service");
    let traits = &service["traits"];
    let rule_set = traits["smithy.rules#endpointRuleSet"].clone();
    let cases = traits["smithy.rules#endpointTests"]["testCases"]
        .as_array()
        .expect("test cases")
        .clone();
    (rule_set, cases)
}

fn params_of(case: &Json) -> Params {
    let mut params = Params::default();
    for (name, value) in case.get("params").and_then(Json::as_object).into_iter().flatten() {
        let value = match value {
            Json::String(text) => Value::from(text.as_str()),
            Json::Bool(value) => Value::from(*value),
            Json::Array(items) => Value::from(
                items
                    .iter()
                    .map(|item| item.as_str().expect("string array items").to_owned())
                    .collect::<Vec<_>>(),
            ),
            other => panic!("unexpected parameter value {other}"),
        };
        params.set(name.as_str(), value);
    }
    params
}

/// `Ok(())` when the case passes, else what went wrong.
fn check(rules: &RuleSet, case: &Json) -> Result<(), String> {
    let outcome = rules.resolve(&params_of(case));
    let expect = &case["expect"];
    if let Some(message) = expect.get("error").and_then(Json::as_str) {
        return match outcome {
            Err(error) if error.kind() == EndpointErrorKind::Rule && error.message() == message => Ok(()),
            Err(error) => Err(format!(
                "expected error {message:?}, got error {:?} ({:?})",
                error.message(),
                error.kind()
            )),
            Ok(endpoint) => Err(format!("expected error {message:?}, got endpoint {}", endpoint.url())),
        };
    }
    let expected = &expect["endpoint"];
    let endpoint = outcome.map_err(|error| format!("expected an endpoint, got error {error}"))?;
    let url = expected["url"].as_str().expect("an expected URL");
    if endpoint.url() != url {
        return Err(format!("URL {:?}, expected {url:?}", endpoint.url()));
    }
    let headers: BTreeMap<String, Vec<String>> = match expected.get("headers") {
        Some(headers) => serde_json::from_value(headers.clone()).expect("headers are lists of strings"),
        None => BTreeMap::new(),
    };
    let resolved: BTreeMap<String, Vec<String>> = endpoint
        .headers()
        .map(|(name, values)| (name.to_owned(), values.to_vec()))
        .collect();
    if resolved != headers {
        return Err(format!("headers {resolved:?}, expected {headers:?}"));
    }
    let properties = expected
        .get("properties")
        .cloned()
        .unwrap_or_else(|| Json::Object(Default::default()));
    let actual = Json::Object(endpoint.properties().clone());
    if actual != properties {
        return Err(format!("properties {actual}, expected {properties}"));
    }
    Ok(())
}

/// Whether `case` fails only because the crate's partition data says its
/// region's partition supports dual-stack where the case expects an error
/// saying it does not.
/// The generated endpoint tests' own check (`__private::endpoint`), so that
/// both count the same cases apart.
fn newer_partition_data(case: &Json) -> bool {
    case["expect"]["error"]
        .as_str()
        .and_then(|message| stale_dual_stack_expectation(&params_of(case), message))
        .is_some()
}

#[test]
fn official_endpoint_test_cases_resolve_as_expected() {
    let mut failures = Vec::new();
    let mut newer_data = 0;
    let mut total = 0;
    for (service, file, expected_cases) in MODELS {
        let (rule_set, cases) = load(file);
        let rules = RuleSet::from_json(&rule_set.to_string()).unwrap_or_else(|error| panic!("{service}: {error}"));
        assert_eq!(cases.len(), *expected_cases, "{service}: number of test cases");
        let mut passed = 0;
        let mut service_newer_data = 0;
        for (index, case) in cases.iter().enumerate() {
            match check(&rules, case) {
                Ok(()) => passed += 1,
                Err(_) if newer_partition_data(case) => service_newer_data += 1,
                Err(problem) => failures.push(format!(
                    "{service} case {index} ({}): {problem}",
                    case["documentation"].as_str().unwrap_or("")
                )),
            }
        }
        println!(
            "{service}: {passed} of {} endpoint test cases pass; {service_newer_data} expect older partition data",
            cases.len()
        );
        newer_data += service_newer_data;
        total += cases.len();
    }
    println!(
        "{} of {total} endpoint test cases pass; {newer_data} expect older partition data",
        total - failures.len() - newer_data
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_set_declares_its_built_ins() {
    for (service, file, _) in MODELS {
        let (rule_set, _) = load(file);
        let rules = RuleSet::from_json(&rule_set.to_string()).unwrap_or_else(|error| panic!("{service}: {error}"));
        let region = rules.parameter_for_built_in("AWS::Region").expect("a region parameter");
        assert_eq!(region.name(), "Region", "{service}");
        let endpoint = rules
            .parameter_for_built_in("SDK::Endpoint")
            .expect("an endpoint parameter");
        assert!(!endpoint.required(), "{service}");
        assert!(rules.parameter_for_built_in("AWS::Nope").is_none());
    }
}

/// Strings that exercise the functions' edges: non-ASCII, empty, IP
/// addresses, URLs with queries, ARNs with odd resources, template braces.
const HOSTILE: &[&str] = &[
    "",
    "é",
    "\u{1F600}-east-1",
    "us-east-1\0",
    "{Region}",
    "}}{{",
    "arn:",
    "arn:aws:s3:::",
    "arn:aws:s3:us-east-1:123456789012:accesspoint:",
    "arn:aws:s3-outposts:us-east-1:1:outpost//accesspoint/",
    "arn:aws:dynamodb:us-east-1:222222222222:table/",
    "https://[::1]:99999",
    "https://[::1",
    "https://exa mple.com",
    "http://192.168.0.1:8080/a?b",
    "https://example.com/a/b/",
    "....",
    "-.-",
    "192.168.0.1",
    "a.b.c.d.e.f",
];

/// Resolving never panics, whatever the string parameters hold.
#[test]
fn hostile_parameter_values_never_panic() {
    let mut resolved = 0;
    for (service, file, _) in MODELS {
        let (rule_set, cases) = load(file);
        let rules = RuleSet::from_json(&rule_set.to_string()).unwrap_or_else(|error| panic!("{service}: {error}"));
        let strings: Vec<&str> = rules
            .parameters()
            .iter()
            .filter(|parameter| parameter.parameter_type() == sesv2_model::endpoint::ParameterType::String)
            .map(|parameter| parameter.name())
            .collect();
        for case in cases.iter().step_by(7) {
            for name in &strings {
                for hostile in HOSTILE {
                    let mut params = params_of(case);
                    params.set(*name, *hostile);
                    let _ = rules.resolve(&params);
                    resolved += 1;
                }
            }
        }
    }
    println!("{resolved} resolutions with hostile values");
}

/// Every prefix of a rule set is rejected with an error, not a panic.
#[test]
fn truncated_rule_sets_are_errors() {
    let (rule_set, _) = load("sesv2-2019-09-27.json");
    let json = rule_set.to_string();
    for end in (0..json.len()).filter(|end| json.is_char_boundary(*end)).step_by(3) {
        assert!(RuleSet::from_json(&json[..end]).is_err(), "prefix of {end} bytes");
    }
    assert!(RuleSet::from_json(&json).is_ok());
}

/// Rough figures, not a benchmark: `cargo test --release --test endpoint_rules -- --ignored --nocapture`.
#[test]
#[ignore = "timing; run by hand"]
fn parse_and_resolve_timing() {
    use std::time::Instant;
    for (service, file, _) in MODELS {
        let (rule_set, cases) = load(file);
        let json = rule_set.to_string();
        let started = Instant::now();
        let rules = RuleSet::from_json(&json).expect("the rules parse");
        let parse = started.elapsed();
        let params: Vec<Params> = cases.iter().map(params_of).collect();
        let rounds = 200;
        let started = Instant::now();
        for _ in 0..rounds {
            for params in &params {
                std::hint::black_box(rules.resolve(std::hint::black_box(params)).ok());
            }
        }
        let per_resolve = started.elapsed().as_nanos() / (rounds * params.len() as u128);
        println!(
            "{service}: from_json {parse:?} ({} KiB); resolve {per_resolve} ns on average",
            json.len() / 1024
        );
    }
}
