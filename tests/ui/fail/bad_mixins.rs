sesv2_model::smithy_model!(file_relative("../../models/invalid/bad-mixins.json"));

fn main() {}
