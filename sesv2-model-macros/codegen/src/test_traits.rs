//! The protocol compliance test traits of `smithy.test`: HTTP request and
//! response cases, as the model states them.

use std::collections::BTreeMap;

use serde::Deserialize;

/// Who a case is for; absent means both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum AppliesTo {
    Client,
    Server,
}

/// One case of `smithy.test#httpRequestTests`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct HttpRequestTest {
    pub id: String,
    pub protocol: String,
    pub method: String,
    pub uri: String,
    pub host: Option<String>,
    pub resolved_host: Option<String>,
    #[serde(default)]
    pub query_params: Vec<String>,
    #[serde(default)]
    pub forbid_query_params: Vec<String>,
    #[serde(default)]
    pub require_query_params: Vec<String>,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    #[serde(default)]
    pub forbid_headers: Vec<String>,
    #[serde(default)]
    pub require_headers: Vec<String>,
    pub body: Option<String>,
    pub body_media_type: Option<String>,
    #[serde(default)]
    pub params: serde_json::Map<String, serde_json::Value>,
    pub documentation: Option<String>,
    pub applies_to: Option<AppliesTo>,
}

/// One case of `smithy.test#httpResponseTests`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct HttpResponseTest {
    pub id: String,
    pub protocol: String,
    pub code: u16,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    pub body: Option<String>,
    #[serde(default)]
    pub params: serde_json::Map<String, serde_json::Value>,
    pub documentation: Option<String>,
    pub applies_to: Option<AppliesTo>,
}

impl HttpRequestTest {
    /// Whether a client runs the case.
    pub fn for_clients(&self) -> bool {
        self.applies_to != Some(AppliesTo::Server)
    }
}

impl HttpResponseTest {
    /// Whether a client runs the case.
    pub fn for_clients(&self) -> bool {
        self.applies_to != Some(AppliesTo::Server)
    }
}
