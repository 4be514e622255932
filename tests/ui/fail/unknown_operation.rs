sesv2_model::smithy_model!(
    model = "../../../../models/sesv2.json",
    operations = ["GetImportJob", "GetImportJobs"],
);

fn main() {}
