//! The macro in a user's module, next to user types that share names with
//! std items the generated code uses: it must still compile cleanly.
#![deny(warnings, missing_docs)]
//! A user crate.

/// Types of a small model, generated in a module of their own.
pub mod inventory {
    /// A user type named like `std::option::Option`.
    pub struct Option;
    /// A user type named like `std::string::String`.
    pub struct String;
    /// A user type named like `std::result::Result`.
    pub struct Result;
    /// A user type named like `std::vec::Vec`.
    pub struct Vec;

    sesv2_model::smithy_model!(
        model = file_relative("../../models/features.json"),
        operations = ["GetWidget"],
        shapes = ["example.features#WidgetConflict"],
    );
}

fn main() {
    let widget = inventory::Widget::builder().id("w-1").count(3).build().expect("required members are set");
    let json = serde_json::to_string(&widget).expect("encodes");
    assert_eq!(json, r#"{"Id":"w-1","Count":3}"#);
    let _conflict = inventory::WidgetConflict::builder().message("taken").build();
    let _input = inventory::GetWidgetInput::builder().id("w-1").build();
}
