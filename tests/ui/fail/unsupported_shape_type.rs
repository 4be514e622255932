sesv2_model::smithy_model!("../../../../tests/models/invalid/unsupported-shape-type.json");

fn main() {}
