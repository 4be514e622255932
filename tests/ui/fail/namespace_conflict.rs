sesv2_model::smithy_model!(file_relative("../../models/invalid/namespace-conflict.json"));

fn main() {}
