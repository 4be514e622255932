#![deny(deprecated)]

use sesv2_model_tests::traits::Settings;

fn main() {
    // `OldFlag` is `@deprecated` in the model: users of it are warned.
    let _settings = Settings::builder().old_flag(true).build();
}
