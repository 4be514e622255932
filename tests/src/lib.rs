//! Code generated from the test models and, when they are beside the
//! checkout, the five official AWS models, compiled as ordinary source so
//! that `cargo clippy -- -D warnings` and `cargo doc` with `-D warnings`
//! check the generated code itself: no warnings, no clippy findings, no
//! missing or broken docs.
#![deny(warnings, missing_docs, clippy::all)]

/// The GetImportJob closure of the project's model (`models/sesv2.json`).
pub mod getimportjob {
    include!(concat!(env!("OUT_DIR"), "/getimportjob.rs"));
}

/// Every member type the generator supports (`tests/models/features.json`).
pub mod features {
    include!(concat!(env!("OUT_DIR"), "/features.rs"));
}

/// Shape and member names that are Rust keywords or std type names
/// (`tests/models/keywords.json`).
pub mod keywords {
    include!(concat!(env!("OUT_DIR"), "/keywords.rs"));
}

/// Smithy 2.0 shapes and traits: int enums, legacy enums, documents, big
/// numbers, timestamp formats, defaults, optionality, sensitive, deprecated,
/// errors, recursion (`tests/models/traits.json`).
pub mod traits {
    include!(concat!(env!("OUT_DIR"), "/traits.rs"));
}

/// HTTP bindings and operations, streaming, mixins, `apply` and service
/// renames (`tests/models/http.json`).
pub mod http {
    include!(concat!(env!("OUT_DIR"), "/http.rs"));
}

/// Members named like every local, parameter and method the generated code
/// has, an error named like the error enums' catch-all variant
/// (`tests/models/generated-names.json`).
pub mod generated_names {
    include!(concat!(env!("OUT_DIR"), "/generated_names.rs"));
}

/// A service written in Smithy IDL across two `.smithy` files and a JSON AST
/// file (`tests/models/weather/`): resources with `for` and elided members,
/// inline input and output, mixins, `use`, defaults, enums, and `apply`
/// from another file.
pub mod weather {
    include!(concat!(env!("OUT_DIR"), "/weather.rs"));
}

/// A restJson1 service in IDL whose operations and errors carry their own
/// `smithy.test` compliance cases (`tests/models/greetings/`), generated
/// with `protocol_tests` and run as this crate's unit tests.
pub mod greetings {
    include!(concat!(env!("OUT_DIR"), "/greetings.rs"));
}

/// An awsJson1_0 service in IDL with its own `smithy.test` cases
/// (`tests/models/notebook/`), generated and run like `greetings`.
pub mod notebook {
    include!(concat!(env!("OUT_DIR"), "/notebook.rs"));
}

/// One structure with 5,000 members (`hostile/models.rs`).
pub mod hostile_wide {
    include!(concat!(env!("OUT_DIR"), "/hostile_wide.rs"));
}

/// The deepest chain of nested shapes the generator accepts (32).
pub mod hostile_deep {
    include!(concat!(env!("OUT_DIR"), "/hostile_deep.rs"));
}

/// Mutual recursion through lists, maps, unions and structures.
pub mod hostile_recursive {
    include!(concat!(env!("OUT_DIR"), "/hostile_recursive.rs"));
}

/// Shapes and members named like keywords, std items and generated items.
pub mod hostile_names {
    include!(concat!(env!("OUT_DIR"), "/hostile_names.rs"));
}

/// Enum values that are numeric-leading, punctuation, other scripts,
/// colliding once converted, or the unknown variant's name.
pub mod hostile_enums {
    include!(concat!(env!("OUT_DIR"), "/hostile_enums.rs"));
}

/// Documentation with every HTML construct, malformed HTML, Unicode, and
/// more than a megabyte of text.
pub mod hostile_docs {
    include!(concat!(env!("OUT_DIR"), "/hostile_docs.rs"));
}

/// The whole official SESv2 service (restJson1).
#[cfg(official_models)]
pub mod official_sesv2 {
    include!(concat!(env!("OUT_DIR"), "/official_sesv2.rs"));
}

/// The whole official Lambda service (restJson1).
#[cfg(official_models)]
pub mod official_lambda {
    include!(concat!(env!("OUT_DIR"), "/official_lambda.rs"));
}

/// The whole official DynamoDB service (awsJson1_0).
#[cfg(official_models)]
pub mod official_dynamodb {
    include!(concat!(env!("OUT_DIR"), "/official_dynamodb.rs"));
}

/// The whole official SQS service (awsJson1_0, awsQueryCompatible).
#[cfg(official_models)]
pub mod official_sqs {
    include!(concat!(env!("OUT_DIR"), "/official_sqs.rs"));
}

/// The whole official S3 service (restXml).
#[cfg(official_models)]
pub mod official_s3 {
    include!(concat!(env!("OUT_DIR"), "/official_s3.rs"));
}

/// What the generator reported, per generated model: one line per shape it
/// could not represent exactly.
pub mod notes {
    /// Notes for `getimportjob`.
    pub const GETIMPORTJOB: &str = include_str!(concat!(env!("OUT_DIR"), "/getimportjob.notes"));
    /// Notes for `features`.
    pub const FEATURES: &str = include_str!(concat!(env!("OUT_DIR"), "/features.notes"));
    /// Notes for `traits`.
    pub const TRAITS: &str = include_str!(concat!(env!("OUT_DIR"), "/traits.notes"));
    /// Notes for `http`.
    pub const HTTP: &str = include_str!(concat!(env!("OUT_DIR"), "/http.notes"));
    /// Notes for the official models, by module name.
    #[cfg(official_models)]
    pub const OFFICIAL: &[(&str, &str)] = &[
        (
            "official_sesv2",
            include_str!(concat!(env!("OUT_DIR"), "/official_sesv2.notes")),
        ),
        (
            "official_lambda",
            include_str!(concat!(env!("OUT_DIR"), "/official_lambda.notes")),
        ),
        (
            "official_dynamodb",
            include_str!(concat!(env!("OUT_DIR"), "/official_dynamodb.notes")),
        ),
        (
            "official_sqs",
            include_str!(concat!(env!("OUT_DIR"), "/official_sqs.notes")),
        ),
        (
            "official_s3",
            include_str!(concat!(env!("OUT_DIR"), "/official_s3.notes")),
        ),
    ];
}
