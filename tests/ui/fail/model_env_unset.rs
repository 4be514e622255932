// The variable is deliberately never set.
sesv2_model::smithy_model!(model = env("SESV2_MODEL_TESTS_UNSET_VARIABLE"));

fn main() {}
