sesv2_model::smithy_model!("../../../../tests/models/invalid/invalid-json.json");

fn main() {}
