sesv2_model::smithy_model!(file_relative("../../models/invalid/unsupported-shape-type.json"));

fn main() {}
