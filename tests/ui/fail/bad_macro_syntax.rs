mod unknown_argument {
    sesv2_model::smithy_model!(model = file_relative("../../../models/sesv2.json"), operation = ["GetImportJob"]);
}

mod path_not_a_string {
    sesv2_model::smithy_model!(model = models::sesv2);
}

mod no_arguments {
    sesv2_model::smithy_model!();
}

mod list_not_bracketed {
    sesv2_model::smithy_model!(model = file_relative("../../../models/sesv2.json"), operations = "GetImportJob");
}

fn main() {}
