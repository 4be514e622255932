sesv2_model::smithy_model!(
    model = file_relative("../../models/traits.json"),
    derives = [Eq, Hash],
    shape_derives = { "example.traits#Setting": [Ord] },
);

fn main() {}
