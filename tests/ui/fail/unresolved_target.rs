sesv2_model::smithy_model!(file_relative("../../models/invalid/unresolved-target.json"));

fn main() {}
