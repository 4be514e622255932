//! The traits the generator understands, parsed from their raw JSON values.
//!
//! Traits it does not use (validation constraints, examples, paginators,
//! ...) are skipped without being parsed. A service's endpoint rules and
//! their tests are kept as JSON text: only the client's emitter reads them.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::ast::{RawTraits, TraitValue};
use crate::error::Diagnostics;
use crate::node::Node;
pub(crate) use crate::test_traits::{HttpRequestTest, HttpResponseTest};

/// The understood traits of one shape or member.
#[derive(Clone, Default)]
pub(crate) struct Traits {
    pub documentation: Option<Documentation>,
    pub required: bool,
    pub json_name: Option<String>,
    pub enum_value: Option<EnumValue>,
    /// The Smithy 1.0 `smithy.api#enum` trait of a string shape.
    pub legacy_enum: Option<Vec<LegacyEnumDefinition>>,
    pub error: Option<ErrorFault>,
    pub http_error: Option<u16>,
    pub http: Option<Http>,
    pub http_binding: Option<HttpBinding>,
    pub sparse: bool,
    pub timestamp_format: Option<TimestampFormat>,
    /// `Some(Value::Null)` is an explicit "no default".
    pub default: Option<serde_json::Value>,
    pub client_optional: bool,
    pub added_default: bool,
    pub sensitive: bool,
    pub deprecated: Option<Deprecated>,
    pub streaming: bool,
    pub mixin: bool,
    pub input: bool,
    pub output: bool,
    /// The protocol trait of a service shape.
    pub protocol: Option<Protocol>,
    pub media_type: Option<String>,
    pub idempotency_token: bool,
    pub host_label: bool,
    /// The `encodings` of `smithy.api#requestCompression`, in priority order.
    pub request_compression: Option<Vec<String>>,
    pub requires_length: bool,
    /// `smithy.api#httpChecksumRequired`: the request needs `Content-MD5`.
    pub http_checksum_required: bool,
    /// The `hostPrefix` of an operation's `smithy.api#endpoint` trait.
    pub host_prefix: Option<String>,
    /// The `smithy.test#httpRequestTests` cases of an operation.
    pub http_request_tests: Option<Box<[HttpRequestTest]>>,
    /// The `smithy.test#httpResponseTests` cases of an operation or error.
    pub http_response_tests: Option<Box<[HttpResponseTest]>>,
    /// A service's `smithy.rules#endpointRuleSet`, as JSON text.
    pub endpoint_rule_set: Option<Box<str>>,
    /// A service's `smithy.rules#endpointTests`, as JSON text.
    pub endpoint_tests: Option<Box<str>>,
    /// The endpoint parameter an input member's `smithy.rules#contextParam` sets.
    pub context_param: Option<String>,
    /// An operation's `smithy.rules#staticContextParams`: parameter values.
    pub static_context_params: Option<BTreeMap<String, StaticContextParam>>,
    /// An operation's `smithy.rules#operationContextParams`: parameters
    /// taken from the input by path.
    pub operation_context_params: Option<BTreeMap<String, OperationContextParam>>,
    /// A service's `aws.auth#sigv4` trait: the name requests are signed for.
    pub sigv4: Option<SigV4>,
    /// A service's `aws.api#service` trait.
    pub aws_service: Option<AwsService>,
    /// `smithy.api#auth`: the auth schemes a service or operation uses, in
    /// order of preference (empty: none).
    pub auth: Option<Vec<String>>,
    /// `smithy.api#optionalAuth`: an operation callable without credentials.
    pub optional_auth: bool,
}

/// One parameter of `smithy.rules#staticContextParams`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub(crate) struct StaticContextParam {
    pub value: serde_json::Value,
}

/// One parameter of `smithy.rules#operationContextParams`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub(crate) struct OperationContextParam {
    /// A JMESPath expression into the operation's input.
    pub path: String,
}

/// The `aws.auth#sigv4` trait.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub(crate) struct SigV4 {
    pub name: String,
}

/// The `aws.api#service` trait (the members the client uses).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AwsService {
    pub sdk_id: String,
    pub endpoint_prefix: Option<String>,
}

/// A `smithy.api#documentation` value (HTML), kept as its JSON text until
/// code is generated: most documentation in a model belongs to shapes a
/// selection leaves out, and decoding all of it would cost more than the
/// rest of resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Documentation {
    /// A JSON string literal, as a JSON AST file has it.
    Json(Box<str>),
    /// The text itself, as IDL (already decoded) or the engine gives it.
    Text(Box<str>),
}

impl Documentation {
    /// Documentation given as text rather than read from the model.
    pub fn from_html(html: &str) -> Documentation {
        Documentation::Text(html.into())
    }

    /// The length of the text, a measure of the work of converting it.
    pub fn len(&self) -> usize {
        match self {
            Documentation::Json(json) => json.len(),
            Documentation::Text(text) => text.len(),
        }
    }

    /// The HTML text.
    pub fn html(&self) -> String {
        match self {
            // The JSON parser validated the literal; decoding it cannot fail.
            Documentation::Json(json) => serde_json::from_str(json).unwrap_or_default(),
            Documentation::Text(text) => text.to_string(),
        }
    }
}

/// The value of `smithy.api#enumValue`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub(crate) enum EnumValue {
    String(String),
    Integer(i64),
}

/// One entry of the legacy `smithy.api#enum` trait.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub(crate) struct LegacyEnumDefinition {
    pub value: String,
    pub name: Option<String>,
    pub documentation: Option<String>,
    #[serde(default)]
    pub deprecated: bool,
}

/// Who is at fault for an `@error` shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ErrorFault {
    Client,
    Server,
}

/// The `smithy.api#http` trait of an operation.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub(crate) struct Http {
    pub method: String,
    pub uri: String,
    pub code: Option<u16>,
}

/// Where an operation input or output member travels instead of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum HttpBinding {
    Label,
    Query(String),
    QueryParams,
    Header(String),
    PrefixHeaders(String),
    /// The member is the whole body.
    Payload,
    ResponseCode,
}

/// `smithy.api#timestampFormat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub(crate) enum TimestampFormat {
    #[serde(rename = "epoch-seconds")]
    EpochSeconds,
    #[serde(rename = "date-time")]
    DateTime,
    #[serde(rename = "http-date")]
    HttpDate,
}

/// `smithy.api#deprecated`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub(crate) struct Deprecated {
    pub message: Option<String>,
    pub since: Option<String>,
}

/// A service's wire protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Protocol {
    RestJson1,
    AwsJson1_0,
    AwsJson1_1,
    RestXml,
    AwsQuery,
    Ec2Query,
}

impl Protocol {
    const ALL: [Protocol; 6] = [
        Protocol::RestJson1,
        Protocol::AwsJson1_0,
        Protocol::AwsJson1_1,
        Protocol::RestXml,
        Protocol::AwsQuery,
        Protocol::Ec2Query,
    ];
    const NAMESPACE: &'static str = "aws.protocols#";

    /// The protocol whose trait has the absolute shape id `id`.
    fn from_trait_id(id: &str) -> Option<Protocol> {
        let name = id.strip_prefix(Self::NAMESPACE)?;
        Self::ALL.into_iter().find(|protocol| protocol.name() == name)
    }

    /// The absolute shape id of the protocol's trait, as `smithy.test`
    /// cases name it: `aws.protocols#restJson1`.
    pub fn trait_id(self) -> String {
        format!("{}{}", Self::NAMESPACE, self.name())
    }

    pub fn name(self) -> &'static str {
        match self {
            Protocol::RestJson1 => "restJson1",
            Protocol::AwsJson1_0 => "awsJson1_0",
            Protocol::AwsJson1_1 => "awsJson1_1",
            Protocol::RestXml => "restXml",
            Protocol::AwsQuery => "awsQuery",
            Protocol::Ec2Query => "ec2Query",
        }
    }

    /// Whether the body is JSON, as the generated serde impls write it.
    pub fn is_json(self) -> bool {
        matches!(self, Protocol::RestJson1 | Protocol::AwsJson1_0 | Protocol::AwsJson1_1)
    }

    /// Whether members bind to HTTP labels, query strings and headers.
    pub fn binds_http(self) -> bool {
        matches!(self, Protocol::RestJson1 | Protocol::RestXml)
    }
}

impl Traits {
    /// Parses the traits of the shape or member `owner` (its id, for messages).
    pub(crate) fn parse(owner: &str, raw: &RawTraits<'_>, diagnostics: &mut Diagnostics) -> Traits {
        let mut traits = Traits::default();
        for (name, value) in &raw.0 {
            let mut reader = TraitReader {
                owner,
                name,
                value,
                diagnostics,
            };
            let protocol = Protocol::from_trait_id(name);
            if protocol.is_some() {
                traits.protocol = traits.protocol.or(protocol);
                continue;
            }
            match name.as_str() {
                "smithy.api#documentation" => traits.documentation = reader.documentation(),
                "smithy.api#required" => traits.required = true,
                "smithy.api#jsonName" => traits.json_name = reader.read("a string"),
                "smithy.api#enumValue" => traits.enum_value = reader.read("a string or an integer"),
                "smithy.api#enum" => traits.legacy_enum = reader.read("a list of `{\"value\": ...}` definitions"),
                "smithy.api#error" => traits.error = reader.read("\"client\" or \"server\""),
                "smithy.api#httpError" => traits.http_error = reader.read("an HTTP status code"),
                "smithy.api#http" => traits.http = reader.read("an object with `method`, `uri` and an optional `code`"),
                "smithy.api#httpLabel" => traits.http_binding = Some(HttpBinding::Label),
                "smithy.api#httpQuery" => {
                    traits.http_binding = reader.read::<String>("a query parameter name").map(HttpBinding::Query)
                }
                "smithy.api#httpQueryParams" => traits.http_binding = Some(HttpBinding::QueryParams),
                "smithy.api#httpHeader" => {
                    traits.http_binding = reader.read::<String>("a header name").map(HttpBinding::Header)
                }
                "smithy.api#httpPrefixHeaders" => {
                    traits.http_binding = reader.read::<String>("a header prefix").map(HttpBinding::PrefixHeaders)
                }
                "smithy.api#httpPayload" => traits.http_binding = Some(HttpBinding::Payload),
                "smithy.api#httpResponseCode" => traits.http_binding = Some(HttpBinding::ResponseCode),
                "smithy.api#sparse" => traits.sparse = true,
                "smithy.api#timestampFormat" => {
                    traits.timestamp_format = reader.read("\"epoch-seconds\", \"date-time\" or \"http-date\"")
                }
                "smithy.api#default" => traits.default = reader.read("a JSON value"),
                "smithy.api#clientOptional" => traits.client_optional = true,
                "smithy.api#addedDefault" => traits.added_default = true,
                "smithy.api#sensitive" => traits.sensitive = true,
                "smithy.api#deprecated" => {
                    traits.deprecated = reader.read("an object with optional `message` and `since`")
                }
                "smithy.api#streaming" => traits.streaming = true,
                "smithy.api#mixin" => traits.mixin = true,
                "smithy.api#input" => traits.input = true,
                "smithy.api#output" => traits.output = true,
                "smithy.api#mediaType" => traits.media_type = reader.read("a media type"),
                "smithy.api#idempotencyToken" => traits.idempotency_token = true,
                "smithy.api#hostLabel" => traits.host_label = true,
                "smithy.api#requestCompression" => {
                    #[derive(Deserialize)]
                    struct RequestCompression {
                        encodings: Vec<String>,
                    }
                    traits.request_compression = reader
                        .read::<RequestCompression>("an object with a list of `encodings`")
                        .map(|compression| compression.encodings)
                }
                "smithy.api#requiresLength" => traits.requires_length = true,
                "smithy.api#httpChecksumRequired" => traits.http_checksum_required = true,
                "smithy.api#endpoint" => {
                    #[derive(Deserialize)]
                    #[serde(rename_all = "camelCase")]
                    struct Endpoint {
                        host_prefix: String,
                    }
                    traits.host_prefix = reader
                        .read::<Endpoint>("an object with a `hostPrefix`")
                        .map(|endpoint| endpoint.host_prefix)
                }
                "smithy.test#httpRequestTests" => {
                    traits.http_request_tests = reader.read("a list of HTTP request test cases")
                }
                "smithy.test#httpResponseTests" => {
                    traits.http_response_tests = reader.read("a list of HTTP response test cases")
                }
                "smithy.rules#endpointRuleSet" => traits.endpoint_rule_set = reader.json_text(),
                "smithy.rules#endpointTests" => traits.endpoint_tests = reader.json_text(),
                "smithy.rules#contextParam" => {
                    #[derive(Deserialize)]
                    struct ContextParam {
                        name: String,
                    }
                    traits.context_param = reader
                        .read::<ContextParam>("an object with the parameter's `name`")
                        .map(|param| param.name)
                }
                "smithy.rules#staticContextParams" => {
                    traits.static_context_params = reader.read("a map of parameter names to `{\"value\": ...}`")
                }
                "smithy.rules#operationContextParams" => {
                    traits.operation_context_params = reader.read("a map of parameter names to `{\"path\": ...}`")
                }
                "aws.auth#sigv4" => traits.sigv4 = reader.read("an object with the signing `name`"),
                "aws.api#service" => traits.aws_service = reader.read("an object with an `sdkId`"),
                "smithy.api#auth" => traits.auth = reader.read("a list of auth trait ids"),
                "smithy.api#optionalAuth" => traits.optional_auth = true,
                _ => {}
            }
        }
        traits
    }
}

/// Reads one trait value, reporting a malformed one and carrying on.
struct TraitReader<'r, 'a> {
    owner: &'r str,
    name: &'r str,
    value: &'r TraitValue<'a>,
    diagnostics: &'r mut Diagnostics,
}

impl TraitReader<'_, '_> {
    /// A JSON string, kept as its text (see [`Documentation`]).
    fn documentation(&mut self) -> Option<Documentation> {
        match self.value {
            TraitValue::Json(raw) if raw.get().starts_with('"') => Some(Documentation::Json(raw.get().into())),
            TraitValue::Node(Node::String(text)) => Some(Documentation::from_html(text)),
            _ => self
                .read::<String>("a string")
                .map(|text| Documentation::from_html(&text)),
        }
    }

    /// The value as compact JSON text, for a trait read later or not at all.
    fn json_text(&mut self) -> Option<Box<str>> {
        match self.value.json() {
            Ok(json) => Some(json.get().into()),
            Err(error) => {
                self.diagnostics.model(format!(
                    "`{}`: the `{}` trait's value cannot be written as JSON ({error}); fix the trait value in the model",
                    self.owner, self.name
                ));
                None
            }
        }
    }

    fn read<T: DeserializeOwned>(&mut self, expected: &str) -> Option<T> {
        let json = match self.value.json() {
            Ok(json) => json,
            Err(error) => {
                self.diagnostics.model(format!(
                    "`{}`: the `{}` trait's value cannot be written as JSON ({error}); fix the trait value in the model",
                    self.owner, self.name
                ));
                return None;
            }
        };
        match serde_json::from_str(json.get()) {
            Ok(typed) => Some(typed),
            Err(error) => {
                self.diagnostics.model(format!(
                    "`{}`: the `{}` trait must be {expected}, but it is `{}` ({error}); fix the trait value in the model",
                    self.owner,
                    self.name,
                    json.get()
                ));
                None
            }
        }
    }
}

/// The `localTraits` of a `smithy.api#mixin` trait value: traits a mixin
/// keeps to itself.
pub(crate) fn mixin_local_traits(value: &TraitValue<'_>) -> Vec<String> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Mixin {
        #[serde(default)]
        local_traits: Vec<String>,
    }
    value
        .json()
        .ok()
        .and_then(|json| serde_json::from_str::<Mixin>(json.get()).ok())
        .map(|mixin| mixin.local_traits)
        .unwrap_or_default()
}
