use sesv2_model::ImportDataSource;

fn main() {
    let source = ImportDataSource::builder()
        .s3_url("s3://bucket/contacts.csv")
        .build()
        .unwrap();
    // Required members are plain values: `s3_url()` is a `&str`, not an `Option`.
    let _url: Option<&str> = source.s3_url();
}
