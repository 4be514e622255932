sesv2_model::smithy_model!(file_relative("../../models/invalid/apply-conflict.json"));

fn main() {}
