sesv2_model::smithy_model!(file_relative("../../models/invalid/name-collision.json"));

fn main() {}
