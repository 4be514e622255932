//! The crate's partition data (`sesv2-model/src/endpoint/partitions.json`,
//! built by `scripts/partitions.py`) is botocore's `partitions.json` from
//! `../shared/aws-runtime/` with only the fields `aws.partition` reads, and
//! every region there resolves through `aws.partition` to its partition's
//! outputs. Skipped when ../shared is missing, except under CI=true, where
//! that fails.

use std::path::Path;

use serde_json::{Map, Value as Json, json};
use sesv2_model::endpoint::{Params, RuleSet};

/// botocore's partitions document, or `None` (after saying so) to skip.
fn shared_partitions() -> Option<Json> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/aws-runtime/partitions.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(serde_json::from_str(&text).expect("botocore's partitions.json is JSON")),
        Err(error) if std::env::var("CI").is_ok_and(|ci| ci == "true") => {
            panic!("CI=true but {} cannot be read: {error}", path.display())
        }
        Err(error) => {
            eprintln!("skipped: {} cannot be read ({error})", path.display());
            None
        }
    }
}

fn committed_partitions() -> Json {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sesv2-model/src/endpoint/partitions.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&text).expect("the crate's partitions.json is JSON")
}

/// What `scripts/partitions.py` keeps: per partition its id, outputs and
/// region regex, and per region whatever it overrides (no description).
fn kept(source: &Json) -> Json {
    let partitions = source["partitions"].as_array().expect("a partitions array");
    let partitions: Vec<Json> = partitions
        .iter()
        .map(|partition| {
            let regions: Map<String, Json> = partition["regions"]
                .as_object()
                .expect("a regions object")
                .iter()
                .map(|(name, region)| {
                    let mut region = region.as_object().expect("a region object").clone();
                    region.remove("description");
                    (name.clone(), Json::Object(region))
                })
                .collect();
            json!({
                "id": partition["id"],
                "outputs": partition["outputs"],
                "regionRegex": partition["regionRegex"],
                "regions": regions,
            })
        })
        .collect();
    json!({ "partitions": partitions })
}

#[test]
fn committed_partition_data_is_the_script_output_for_shared() {
    let Some(source) = shared_partitions() else { return };
    assert!(
        kept(&source) == committed_partitions(),
        "sesv2-model/src/endpoint/partitions.json is out of date: run scripts/partitions.py"
    );
}

/// Every output of `aws.partition(Region)`, in the URL; booleans through `ite`.
const PARTITION_RULES: &str = r#"{
    "version": "1.0",
    "parameters": {"Region": {"type": "String", "required": true}},
    "rules": [{
        "conditions": [
            {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"},
            {"fn": "ite", "argv": [{"fn": "getAttr", "argv": [{"ref": "p"}, "supportsFIPS"]}, "fips", "no-fips"], "assign": "fips"},
            {"fn": "ite", "argv": [{"fn": "getAttr", "argv": [{"ref": "p"}, "supportsDualStack"]}, "dual", "no-dual"], "assign": "dual"}
        ],
        "endpoint": {"url": "https://{p#name}/{p#dnsSuffix}/{p#dualStackDnsSuffix}/{p#implicitGlobalRegion}/{fips}/{dual}"},
        "type": "endpoint"
    }]
}"#;

fn describe(outputs: &Json) -> String {
    let flag = |key: &str, yes: &str, no: &str| {
        if outputs[key] == true {
            yes.to_owned()
        } else {
            no.to_owned()
        }
    };
    format!(
        "https://{}/{}/{}/{}/{}/{}",
        outputs["name"].as_str().expect("name"),
        outputs["dnsSuffix"].as_str().expect("dnsSuffix"),
        outputs["dualStackDnsSuffix"].as_str().expect("dualStackDnsSuffix"),
        outputs["implicitGlobalRegion"].as_str().expect("implicitGlobalRegion"),
        flag("supportsFIPS", "fips", "no-fips"),
        flag("supportsDualStack", "dual", "no-dual"),
    )
}

#[test]
fn every_shared_region_resolves_to_its_partition_outputs() {
    let Some(source) = shared_partitions() else { return };
    let rules = RuleSet::from_json(PARTITION_RULES).expect("the rules parse");
    let mut checked = 0;
    for partition in source["partitions"].as_array().expect("a partitions array") {
        for (region, overrides) in partition["regions"].as_object().expect("a regions object") {
            let mut outputs = partition["outputs"].as_object().expect("outputs").clone();
            for (key, value) in overrides.as_object().expect("a region object") {
                if key != "description" {
                    outputs.insert(key.clone(), value.clone());
                }
            }
            let mut params = Params::default();
            params.set("Region", region.as_str());
            let endpoint = rules
                .resolve(&params)
                .unwrap_or_else(|error| panic!("{region}: {error}"));
            assert_eq!(endpoint.url(), describe(&Json::Object(outputs)), "{region}");
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} regions");
    println!("{checked} regions resolve to their partitions' outputs");
}
