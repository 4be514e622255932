sesv2_model::smithy_model!("../../../../tests/models/invalid/unresolved-target.json");

fn main() {}
