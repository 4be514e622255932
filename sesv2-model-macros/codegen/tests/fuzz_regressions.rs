//! Inputs the fuzz target `engine` (`fuzz/`) found to crash the engine,
//! reduced by hand; each must now be an error or valid code.

use sesv2_model_codegen::{Config, generate};

fn messages(model: &str) -> Vec<String> {
    match generate(&Config::default(), model.as_bytes()) {
        Ok(generated) => panic!("expected errors, got:\n{:.1000}", generated.source),
        Err(errors) => errors.iter().map(|error| error.message().to_owned()).collect(),
    }
}

/// Found in the first minutes: naming the Rust type of a list of itself
/// recursed until the stack overflowed.
#[test]
fn a_list_of_itself_is_an_error_not_a_stack_overflow() {
    let model = r#"{"smithy": "2.0", "shapes": {
        "a#Holder": {"type": "structure", "members": {"Items": {"target": "a#Items"}}},
        "a#Items": {"type": "list", "member": {"target": "a#Items"}}
    }}"#;
    assert_eq!(
        messages(model),
        [
            "`a#Items` contains itself through lists and maps alone (`a#Items` -> `a#Items`); recursion must pass \
          through a structure or union, so make one of these shapes target a structure that holds the next"
        ]
    );
}

/// Found next: a link whose address starts with a multi-byte character
/// where a scheme was looked for sliced a string inside a character.
#[test]
fn a_link_with_a_non_ascii_address_is_text() {
    let model = r#"{"smithy": "2.0", "shapes": {
        "a#Holder": {"type": "structure", "members": {}, "traits": {
            "smithy.api#documentation": "<p>See <a href=\"mailt\u00e9\ud83d\ude00x\">the guide</a>.</p>"
        }}
    }}"#;
    let generated = generate(&Config::default(), model.as_bytes()).unwrap();
    assert!(generated.source.contains("See the guide."), "{}", generated.source);
}
