sesv2_model::smithy_model!("../../../../tests/models/invalid/bad-mixins.json");

fn main() {}
