//! What the official SDKs add to some services' requests that the services'
//! models do not say, as data: one row per service, read by the request
//! emitters. Smithy's compliance suites test these too.

use crate::shape_id::ShapeId;

/// A header value: fixed, or the service's version.
#[derive(Clone, Copy)]
pub(super) enum HeaderValue {
    Literal(&'static str),
    ServiceVersion,
}

/// One service's additions.
pub(super) struct Customization {
    /// The service shape's id.
    service: &'static str,
    /// Headers every request carries (lowercase names).
    pub headers: &'static [(&'static str, HeaderValue)],
    /// Label members (by member name) that take this value when empty or unset.
    pub label_defaults: &'static [(&'static str, &'static str)],
    /// Operations (by name) sent to the URL an input member (by name) holds,
    /// instead of the endpoint.
    pub endpoint_members: &'static [(&'static str, &'static str)],
    /// Operations (by name) whose requests carry the SHA-256 and tree hash
    /// of their body.
    pub tree_hash_operations: &'static [&'static str],
}

const CUSTOMIZATIONS: &[Customization] = &[
    // API Gateway answers in JSON only when asked to.
    Customization {
        service: "com.amazonaws.apigateway#BackplaneControlService",
        headers: &[("accept", HeaderValue::Literal("application/json"))],
        label_defaults: &[],
        endpoint_members: &[],
        tree_hash_operations: &[],
    },
    // Glacier wants its API version on every request, `-` for "the caller's
    // account", and the hashes of uploaded archives.
    Customization {
        service: "com.amazonaws.glacier#Glacier",
        headers: &[("x-amz-glacier-version", HeaderValue::ServiceVersion)],
        label_defaults: &[("accountId", "-")],
        endpoint_members: &[],
        tree_hash_operations: &["UploadArchive", "UploadMultipartPart"],
    },
    // Machine Learning's Predict goes to the real-time endpoint the caller
    // created for the model.
    Customization {
        service: "com.amazonaws.machinelearning#AmazonML_20141212",
        headers: &[],
        label_defaults: &[],
        endpoint_members: &[("Predict", "PredictEndpoint")],
        tree_hash_operations: &[],
    },
];

/// The additions for the requests of `service`, if it has any.
pub(super) fn customization(service: &ShapeId) -> Option<&'static Customization> {
    CUSTOMIZATIONS
        .iter()
        .find(|customization| customization.service == service.as_str())
}

impl Customization {
    /// The default of label member `member`, if it has one.
    pub fn label_default(&self, member: &str) -> Option<&'static str> {
        self.label_defaults
            .iter()
            .find(|(name, _)| *name == member)
            .map(|(_, value)| *value)
    }

    /// The input member holding operation `operation`'s endpoint, if any.
    pub fn endpoint_member(&self, operation: &str) -> Option<&'static str> {
        self.endpoint_members
            .iter()
            .find(|(name, _)| *name == operation)
            .map(|(_, member)| *member)
    }

    /// Whether operation `operation`'s requests carry their body's tree hash.
    pub fn tree_hashes(&self, operation: &str) -> bool {
        self.tree_hash_operations.contains(&operation)
    }
}
