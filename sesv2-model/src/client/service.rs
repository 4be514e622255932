//! What code generated with the `client` option tells the client about a
//! service and each of its operations.

use crate::Operation;
use crate::endpoint::{Params, RuleSet, RuleSetError};

/// A service, as code generated with `client = true` describes it: one
/// unit type per service, in the generated `operations` module.
pub trait Service {
    /// The service's SDK id (`sdkId` of `aws.api#service`), e.g. `SESv2`;
    /// the `User-Agent` names it.
    const SDK_ID: &'static str;
    /// The name requests are signed for (`aws.auth#sigv4`), e.g. `ses`.
    const SIGNING_NAME: &'static str;
    /// The service's API version, e.g. `2019-09-27`.
    const API_VERSION: &'static str;

    /// The service's endpoint rules, read from the model once, on first use.
    fn endpoint_rules() -> Result<&'static RuleSet, &'static RuleSetError>;
}

/// How an operation's requests prove who sends them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Auth {
    /// Signed with SigV4.
    SigV4,
    /// Signed with SigV4 when credentials are at hand, sent unsigned
    /// otherwise (`@optionalAuth`).
    OptionalSigV4,
    /// Never signed (`@auth([])`).
    None,
}

/// An operation the client can call: its service, how it is signed, and
/// the endpoint parameters its input sets.
pub trait ServiceOperation: Operation {
    /// The service the operation belongs to.
    type Service: Service;
    /// How its requests are signed.
    const AUTH: Auth;

    /// Sets the endpoint parameters the operation fixes
    /// (`@staticContextParams`) or takes from its input (`@contextParam`
    /// members, `@operationContextParams` paths) on top of the client's.
    fn endpoint_params(input: &Self::Input, params: &mut Params);
}
