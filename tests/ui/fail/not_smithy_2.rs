sesv2_model::smithy_model!(file_relative("../../models/invalid/smithy-1.json"));

fn main() {}
