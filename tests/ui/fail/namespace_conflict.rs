sesv2_model::smithy_model!("../../../../tests/models/invalid/namespace-conflict.json");

fn main() {}
