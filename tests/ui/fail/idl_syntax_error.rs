sesv2_model::smithy_model!(model = [
    file_relative("../../models/weather"),
    file_relative("../../models/invalid/syntax-error.smithy"),
]);

fn main() {}
