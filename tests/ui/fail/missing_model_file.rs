// Relative model paths start at the crate's manifest directory; trybuild
// builds these cases from target/tests/trybuild/sesv2-model-tests/.
sesv2_model::smithy_model!(file_relative("../../models/no-such-model.json"));

fn main() {}
