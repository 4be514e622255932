sesv2_model::smithy_model!("../../../../tests/models/invalid/apply-conflict.json");

fn main() {}
