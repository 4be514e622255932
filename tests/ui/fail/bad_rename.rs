sesv2_model::smithy_model!(
    model = file_relative("../../../models/sesv2.json"),
    operations = ["GetImportJob"],
    renames = {
        "com.amazonaws.sesv2#FailureInfo": "failure_info",
        "com.amazonaws.sesv2#ImportDestination": "ImportDataSource",
    },
);

fn main() {}
