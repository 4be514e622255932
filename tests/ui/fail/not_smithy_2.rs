sesv2_model::smithy_model!("../../../../tests/models/invalid/smithy-1.json");

fn main() {}
