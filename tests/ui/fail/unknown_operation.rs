sesv2_model::smithy_model!(
    model = file_relative("../../../models/sesv2.json"),
    operations = ["GetImportJob", "GetImportJobs"],
);

fn main() {}
