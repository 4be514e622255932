//! Endpoint resolution from a service's Smithy endpoint rules (`smithy.rules#endpointRuleSet`).
