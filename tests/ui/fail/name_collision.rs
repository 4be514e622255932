sesv2_model::smithy_model!("../../../../tests/models/invalid/name-collision.json");

fn main() {}
