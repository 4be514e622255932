//! `aws.partition`: which AWS partition a region is in, and that
//! partition's DNS suffixes and capabilities, from the crate's copy of the
//! partition data (`partitions.json`, built by `scripts/partitions.py`).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::{Map, Value as Json};

use super::eval::Val;
use super::pattern::RegionPattern;

const PARTITIONS_JSON: &str = include_str!("partitions.json");

/// The partition whose outputs a region that matches nothing gets.
const FALLBACK_PARTITION: &str = "aws";

/// What `aws.partition` returns: a partition's outputs, with any the
/// region overrides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PartitionOutputs {
    name: String,
    dns_suffix: String,
    dual_stack_dns_suffix: String,
    supports_fips: bool,
    supports_dual_stack: bool,
    implicit_global_region: String,
}

impl PartitionOutputs {
    /// An attribute by the name the rules use.
    pub(crate) fn get<'a>(&'a self, key: &str) -> Option<Val<'a>> {
        Some(match key {
            "name" => Val::str(&self.name),
            "dnsSuffix" => Val::str(&self.dns_suffix),
            "dualStackDnsSuffix" => Val::str(&self.dual_stack_dns_suffix),
            "supportsFIPS" => Val::Bool(self.supports_fips),
            "supportsDualStack" => Val::Bool(self.supports_dual_stack),
            "implicitGlobalRegion" => Val::str(&self.implicit_global_region),
            _ => return None,
        })
    }

    pub(crate) fn fields(&self) -> Vec<(&'static str, Val<'_>)> {
        [
            "name",
            "dnsSuffix",
            "dualStackDnsSuffix",
            "supportsFIPS",
            "supportsDualStack",
            "implicitGlobalRegion",
        ]
        .into_iter()
        .filter_map(|key| Some((key, self.get(key)?)))
        .collect()
    }

    fn from_json(outputs: &Map<String, Json>) -> Result<PartitionOutputs, String> {
        let string = |key: &str| {
            outputs
                .get(key)
                .and_then(Json::as_str)
                .map(str::to_owned)
                .ok_or_else(|| format!("no string {key:?}"))
        };
        let boolean = |key: &str| {
            outputs
                .get(key)
                .and_then(Json::as_bool)
                .ok_or_else(|| format!("no boolean {key:?}"))
        };
        Ok(PartitionOutputs {
            name: string("name")?,
            dns_suffix: string("dnsSuffix")?,
            dual_stack_dns_suffix: string("dualStackDnsSuffix")?,
            supports_fips: boolean("supportsFIPS")?,
            supports_dual_stack: boolean("supportsDualStack")?,
            implicit_global_region: string("implicitGlobalRegion")?,
        })
    }
}

#[derive(Debug)]
struct Partition {
    pattern: RegionPattern,
    outputs: PartitionOutputs,
}

#[derive(Debug)]
pub(crate) struct Partitions {
    /// In the data's order, which is the order patterns are tried in.
    partitions: Vec<Partition>,
    /// Every listed region, with its partition's outputs and its own overrides.
    regions: HashMap<String, PartitionOutputs>,
    /// The `aws` partition's outputs, for regions nothing else matches.
    fallback: PartitionOutputs,
}

impl Partitions {
    fn parse(json: &str) -> Result<Partitions, String> {
        let document: Json = serde_json::from_str(json).map_err(|error| error.to_string())?;
        let list = document
            .get("partitions")
            .and_then(Json::as_array)
            .ok_or("no \"partitions\" array")?;
        let mut partitions = Vec::with_capacity(list.len());
        let mut regions = HashMap::new();
        let mut fallback = None;
        for partition in list {
            let id = partition
                .get("id")
                .and_then(Json::as_str)
                .ok_or("a partition without an \"id\"")?;
            let at = |message: String| format!("partition {id:?}: {message}");
            let outputs = partition
                .get("outputs")
                .and_then(Json::as_object)
                .ok_or_else(|| at("no outputs".into()))?;
            let pattern = partition
                .get("regionRegex")
                .and_then(Json::as_str)
                .ok_or_else(|| at("no regionRegex".into()))?;
            for (region, overrides) in partition.get("regions").and_then(Json::as_object).into_iter().flatten() {
                let overrides = overrides
                    .as_object()
                    .ok_or_else(|| at(format!("region {region:?} is not an object")))?;
                let mut merged = outputs.clone();
                merged.extend(overrides.iter().map(|(key, value)| (key.clone(), value.clone())));
                regions.insert(region.clone(), PartitionOutputs::from_json(&merged).map_err(&at)?);
            }
            let outputs = PartitionOutputs::from_json(outputs).map_err(&at)?;
            if id == FALLBACK_PARTITION {
                fallback = Some(outputs.clone());
            }
            partitions.push(Partition {
                pattern: RegionPattern::compile(pattern).map_err(&at)?,
                outputs,
            });
        }
        let fallback = fallback.ok_or_else(|| format!("no {FALLBACK_PARTITION:?} partition"))?;
        Ok(Partitions {
            partitions,
            regions,
            fallback,
        })
    }

    /// A listed region's outputs; else those of the first partition whose
    /// pattern the region matches; else the `aws` partition's.
    pub(crate) fn lookup(&self, region: &str) -> &PartitionOutputs {
        if let Some(outputs) = self.regions.get(region) {
            return outputs;
        }
        self.partitions
            .iter()
            .find(|partition| partition.pattern.is_match(region))
            .map_or(&self.fallback, |partition| &partition.outputs)
    }
}

/// The crate's partition data, parsed on first use.
fn partitions() -> Result<&'static Partitions, String> {
    static PARTITIONS: OnceLock<Result<Partitions, String>> = OnceLock::new();
    PARTITIONS
        .get_or_init(|| Partitions::parse(PARTITIONS_JSON))
        .as_ref()
        .map_err(|message| format!("the crate's partition data is invalid: {message}"))
}

/// The partition `region` belongs to, by name, and whether the crate's
/// partition data says it supports dual-stack endpoints.
pub(crate) fn dual_stack_support(region: &str) -> Option<(&'static str, bool)> {
    let outputs = lookup(region).ok()?;
    Some((&outputs.name, outputs.supports_dual_stack))
}

/// `aws.partition(region)`.
pub(crate) fn lookup(region: &str) -> Result<&'static PartitionOutputs, String> {
    Ok(partitions()?.lookup(region))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(region: &str) -> String {
        lookup(region).unwrap().name.clone()
    }

    #[test]
    fn listed_regions_then_patterns_then_aws() {
        assert_eq!(name("us-east-1"), "aws");
        assert_eq!(name("aws-global"), "aws");
        assert_eq!(name("cn-north-1"), "aws-cn");
        assert_eq!(name("us-gov-west-1"), "aws-us-gov");
        assert_eq!(name("us-gov-nowhere-9"), "aws-us-gov");
        assert_eq!(name("us-iso-nowhere-9"), "aws-iso");
        assert_eq!(name("us-isob-nowhere-9"), "aws-iso-b");
        assert_eq!(name("eu-isoe-nowhere-9"), "aws-iso-e");
        assert_eq!(name("eusc-de-nowhere-9"), "aws-eusc");
        assert_eq!(name("ap-nowhere-9"), "aws");
        assert_eq!(name("mars-east-1"), "aws");
        assert_eq!(name(""), "aws");
        let china = lookup("cn-northwest-1").unwrap();
        assert_eq!(china.dns_suffix, "amazonaws.com.cn");
        assert_eq!(china.dual_stack_dns_suffix, "api.amazonwebservices.com.cn");
        assert!(china.supports_fips && china.supports_dual_stack);
    }

    #[test]
    fn a_region_overrides_its_partition_outputs() {
        let json = r#"{"partitions":[{"id":"aws","outputs":{"name":"aws","dnsSuffix":"a.com","dualStackDnsSuffix":"d.a","supportsFIPS":true,"supportsDualStack":true,"implicitGlobalRegion":"us-east-1"},"regionRegex":"^us\\-\\w+\\-\\d+$","regions":{"us-odd-1":{"supportsFIPS":false,"dnsSuffix":"odd.com"}}}]}"#;
        let partitions = Partitions::parse(json).unwrap();
        let odd = partitions.lookup("us-odd-1");
        assert!(!odd.supports_fips);
        assert_eq!(odd.dns_suffix, "odd.com");
        assert!(partitions.lookup("us-even-1").supports_fips);
    }

    #[test]
    fn invalid_data_is_an_error() {
        assert!(Partitions::parse("{}").is_err());
        assert!(Partitions::parse(r#"{"partitions":[]}"#).is_err());
        let bad_pattern = r#"{"partitions":[{"id":"aws","outputs":{"name":"aws","dnsSuffix":"a","dualStackDnsSuffix":"d","supportsFIPS":true,"supportsDualStack":true,"implicitGlobalRegion":"r"},"regionRegex":"^[a-z]+$","regions":{}}]}"#;
        assert!(Partitions::parse(bad_pattern).unwrap_err().contains("not supported"));
    }
}
