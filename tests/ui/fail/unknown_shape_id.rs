sesv2_model::smithy_model!(
    model = file_relative("../../../models/sesv2.json"),
    shapes = ["com.amazonaws.sesv2#FailureInfos", "com.amazonaws.sesv2#JobStatus"],
);

fn main() {}
