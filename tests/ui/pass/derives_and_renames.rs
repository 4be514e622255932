//! Extra derives and a rename, as a user whose crate already has a
//! `FailureInfo` type and keeps import sources in a `HashSet` writes them.
#![deny(warnings)]

use std::collections::{BTreeSet, HashSet};

/// The user's own type with a name the model also uses.
#[allow(dead_code)]
struct FailureInfo;

sesv2_model::smithy_model!(
    model = file_relative("../../../models/sesv2.json"),
    operations = ["GetImportJob"],
    shape_derives = {
        "com.amazonaws.sesv2#ImportDataSource": [Eq, Hash, PartialOrd, Ord],
        "com.amazonaws.sesv2#ImportDestination": [std::cmp::Eq, ::core::hash::Hash],
    },
    renames = { "com.amazonaws.sesv2#FailureInfo": "ImportFailureInfo" },
);

fn main() {
    let source = |url: &str| {
        ImportDataSource::builder()
            .s3_url(url)
            .data_format(DataFormat::Csv)
            .build()
            .unwrap()
    };
    let sources: HashSet<ImportDataSource> = [source("s3://a/1.csv"), source("s3://a/1.csv")].into();
    assert_eq!(sources.len(), 1);
    let ordered: BTreeSet<ImportDataSource> = [source("s3://b.csv"), source("s3://a.csv")].into();
    assert_eq!(ordered.first().map(|source| source.s3_url()), Some("s3://a.csv"));

    let destinations: HashSet<ImportDestination> = HashSet::new();
    assert!(destinations.is_empty());

    let failure = ImportFailureInfo::builder().error_message("bad row").build();
    let job = GetImportJobResponse::builder().failure_info(failure).build();
    assert_eq!(job.failure_info().and_then(|info| info.error_message()), Some("bad row"));
}
