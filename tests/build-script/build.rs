//! Generates the GetImportJob types into OUT_DIR; `src/lib.rs` includes them.
//! Cargo runs this again whenever the model changes.

fn main() {
    sesv2_model_codegen::Generator::new("models/sesv2.json")
        .operation("GetImportJob")
        .write_to_out_dir("sesv2.rs")
        .unwrap_or_else(|errors| panic!("{errors}"));
}
