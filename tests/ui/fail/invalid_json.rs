sesv2_model::smithy_model!(file_relative("../../models/invalid/invalid-json.json"));

fn main() {}
