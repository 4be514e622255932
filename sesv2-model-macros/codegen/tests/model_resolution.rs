//! What the engine resolves before generating: `apply` statements, mixins,
//! service renames, and the boxes recursion needs.

use sesv2_model_codegen::{Config, Errors, generate, to_source};

/// The generated code, formatted.
fn generated(model: &str) -> String {
    let generated =
        generate(&Config::default(), model.as_bytes()).unwrap_or_else(|errors| panic!("generation failed: {errors}"));
    to_source(&generated).unwrap()
}

fn messages(model: &str) -> Vec<String> {
    let errors: Errors = match generate(&Config::default(), model.as_bytes()) {
        Ok(_) => panic!("expected errors"),
        Err(errors) => errors,
    };
    errors.iter().map(|error| error.message().to_owned()).collect()
}

#[test]
fn apply_adds_traits_to_shapes_and_members() {
    let code = generated(
        r#"{"smithy": "2.0", "shapes": {
            "a.b#Thing": {"type": "structure", "members": {"Name": {"target": "smithy.api#String"}}},
            "a.b#Thing$Name": {"type": "apply", "traits": {
                "smithy.api#required": {},
                "smithy.api#documentation": "<p>Applied documentation.</p>"
            }}
        }}"#,
    );
    assert!(code.contains("pub name: ::std::string::String,"), "{code:.600}");
    assert!(code.contains("Applied documentation."));
}

#[test]
fn apply_conflicts_and_dangling_targets_are_errors() {
    assert_eq!(
        messages(
            r#"{"smithy": "2.0", "shapes": {
                "a.b#Thing": {"type": "structure", "members": {
                    "Name": {"target": "smithy.api#String", "traits": {"smithy.api#jsonName": "name"}}
                }},
                "a.b#Thing$Name": {"type": "apply", "traits": {"smithy.api#jsonName": "other"}},
                "a.b#Missing": {"type": "apply", "traits": {}},
                "a.b#Thing$Nope": {"type": "apply", "traits": {}}
            }}"#
        ),
        [
            "`a.b#Thing$Name` gets two different values for the trait `smithy.api#jsonName` (`\"name\"` and \
             `\"other\"`); Smithy only merges equal values and lists, so remove one",
            "an `apply` statement targets `a.b#Missing`, which is not defined in the model; remove it or define the shape",
            "an `apply` statement targets the member `a.b#Thing$Nope`, which `a.b#Thing` does not have",
        ]
    );
}

#[test]
fn mixins_put_their_members_first_and_pass_on_non_local_traits() {
    let code = generated(
        r#"{"smithy": "2.0", "shapes": {
            "a.b#Base": {"type": "structure", "members": {"Id": {"target": "smithy.api#String"}},
                          "traits": {"smithy.api#mixin": {"localTraits": ["smithy.api#documentation"]},
                                     "smithy.api#documentation": "<p>Only the mixin's.</p>",
                                     "smithy.api#deprecated": {"message": "inherited"}}},
            "a.b#Middle": {"type": "structure", "mixins": [{"target": "a.b#Base"}],
                           "members": {"Size": {"target": "smithy.api#Long"}},
                           "traits": {"smithy.api#mixin": {}}},
            "a.b#Thing": {"type": "structure", "mixins": [{"target": "a.b#Middle"}],
                          "members": {"Name": {"target": "smithy.api#String"},
                                      "Id": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}}}
        }}"#,
    );
    let thing = &code[code.find("pub struct Thing").unwrap()..];
    let (id, size, name) = (
        thing.find("pub id").unwrap(),
        thing.find("pub size").unwrap(),
        thing.find("pub name").unwrap(),
    );
    assert!(id < size && size < name, "mixin members first: {thing:.400}");
    assert!(thing.starts_with("pub struct Thing {\n    /// The `Id` member.\n    pub id: ::std::string::String,"));
    assert!(code.contains("#[deprecated(note = \"inherited\")]\n#[allow(deprecated)]\n#[derive("));
    assert!(!code.contains("Only the mixin's"), "local traits stay on the mixin");
    assert!(
        !code.contains("pub struct Base") && !code.contains("pub struct Middle"),
        "mixins are not generated"
    );
}

#[test]
fn bad_mixins_are_errors() {
    assert_eq!(
        messages(
            r#"{"smithy": "2.0", "shapes": {
                "a.b#A": {"type": "structure", "mixins": [{"target": "a.b#B"}], "members": {}, "traits": {"smithy.api#mixin": {}}},
                "a.b#B": {"type": "structure", "mixins": [{"target": "a.b#A"}], "members": {}, "traits": {"smithy.api#mixin": {}}},
                "a.b#C": {"type": "structure", "mixins": [{"target": "a.b#Plain"}], "members": {}},
                "a.b#Plain": {"type": "structure", "members": {}},
                "a.b#D": {"type": "structure", "mixins": [{"target": "a.b#Gone"}], "members": {}},
                "a.b#E": {"type": "structure", "mixins": [{"target": "a.b#M"}],
                          "members": {"X": {"target": "smithy.api#Integer"}}},
                "a.b#M": {"type": "structure", "members": {"X": {"target": "smithy.api#String"}}, "traits": {"smithy.api#mixin": {}}}
            }}"#
        ),
        [
            "`a.b#A` is its own mixin through a cycle of mixins; break the cycle",
            "`a.b#C` uses `a.b#Plain` as a mixin, but it has no `smithy.api#mixin` trait",
            "`a.b#D` uses `a.b#Gone` as a mixin, but it is not defined in the model",
            "`a.b#E$X` targets `smithy.api#Integer`, but its mixin's member targets `smithy.api#String`; a shape \
             may only add traits to a mixin member",
        ]
    );
}

#[test]
fn service_renames_resolve_conflicts_between_namespaces() {
    let model = r#"{"smithy": "2.0", "shapes": {
        "a.b#Svc": {"type": "service", "version": "1", "operations": [{"target": "a.b#Op"}] RENAME},
        "a.b#Op": {"type": "operation", "input": {"target": "a.b#Item"}, "output": {"target": "c.d#Item"}},
        "a.b#Item": {"type": "structure", "members": {}},
        "c.d#Item": {"type": "structure", "members": {}}
    }}"#;
    assert_eq!(
        messages(&model.replace(" RENAME", "")),
        [
            "`a.b#Item` and `c.d#Item` would both be generated as the Rust type `Item`; give one of them a new \
          name in the service's `rename` map or with the generator's `renames`"
        ]
    );
    let code = generated(&model.replace(" RENAME", r#", "rename": {"c.d#Item": "OtherItem"}"#));
    assert!(code.contains("pub struct Item {") && code.contains("pub struct OtherItem {"));
}

#[test]
fn only_members_that_close_a_cycle_are_boxed() {
    let code = generated(
        r#"{"smithy": "2.0", "shapes": {
            "a.b#Node": {"type": "structure", "members": {
                "Parent": {"target": "a.b#Node"},
                "Children": {"target": "a.b#Nodes"},
                "Next": {"target": "a.b#Link"},
                "Leaf": {"target": "a.b#Leaf"}
            }},
            "a.b#Nodes": {"type": "list", "member": {"target": "a.b#Node"}},
            "a.b#Link": {"type": "union", "members": {"To": {"target": "a.b#Node"}, "End": {"target": "smithy.api#Unit"}}},
            "a.b#Leaf": {"type": "structure", "members": {"Value": {"target": "smithy.api#String"}}}
        }}"#,
    );
    assert!(code.contains("pub parent: ::core::option::Option<::std::boxed::Box<Node>>,"));
    assert!(code.contains("pub children: ::core::option::Option<::std::vec::Vec<Node>>,"));
    // The walk starts at `Link` (shapes in id order), so the member that
    // closes the cycle Link -> Node -> Link is `Node.Next`; `Link::To` is not.
    assert!(code.contains("pub next: ::core::option::Option<::std::boxed::Box<Link>>,"));
    assert!(code.contains("    To(Node),"));
    assert!(code.contains("pub leaf: ::core::option::Option<Leaf>,"));
}

fn cycle_of_structures(length: usize) -> String {
    let mut shapes: Vec<String> = (0..length)
        .map(|i| {
            format!(
                r#""a.b#S{i}": {{"type": "structure", "members": {{"Next": {{"target": "a.b#S{}"}}}}}}"#,
                (i + 1) % length
            )
        })
        .collect();
    shapes.push(r#""a.b#Flat": {"type": "structure", "members": {}}"#.to_owned());
    format!(r#"{{"smithy": "2.0", "shapes": {{{}}}}}"#, shapes.join(","))
}

#[test]
fn a_cycle_through_thirty_structures_needs_one_box() {
    let code = generated(&cycle_of_structures(30));
    let boxed_fields = code
        .matches("pub next: ::core::option::Option<::std::boxed::Box")
        .count();
    assert_eq!(boxed_fields, 1, "exactly one member closes the cycle");
    let structures = code
        .split("pub struct S")
        .skip(1)
        .filter(|rest| {
            rest.split(' ')
                .next()
                .is_some_and(|name| name.bytes().all(|b| b.is_ascii_digit()))
        })
        .count();
    assert_eq!(structures, 30);
}

#[test]
fn a_cycle_through_two_thousand_structures_is_too_deep_not_a_crash() {
    let messages = messages(&cycle_of_structures(2000));
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].ends_with("nested 33 deep, and Rust's compiler gives up on types nested that deeply (its recursion limit), so the generator supports at most 32; generate the inner shapes on their own or make a member on the way a document"),
        "{}",
        messages[0]
    );
}
