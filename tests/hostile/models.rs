//! Hostile but valid Smithy models, built in code because several are too
//! large to keep as files. `build.rs` generates and compiles the ones that
//! must compile; `tests/hostile.rs` checks the ones that must be errors and
//! uses the generated types.

use serde_json::{Map, Value, json};

/// How many members [`wide`] has.
pub const WIDE_MEMBERS: usize = 5_000;
/// The deepest nesting the generator accepts (`MAX_NESTING` in the engine),
/// which [`deep`] reaches in the compiled models.
pub const DEEPEST_ACCEPTED: usize = 32;

fn model(shapes: Map<String, Value>) -> Value {
    json!({ "smithy": "2.0", "shapes": shapes })
}

/// `hostile.wide#Wide`: one structure with [`WIDE_MEMBERS`] members of
/// every simple kind, every tenth required.
pub fn wide() -> Value {
    const TARGETS: [&str; 5] = [
        "smithy.api#String",
        "smithy.api#Integer",
        "smithy.api#Boolean",
        "smithy.api#Timestamp",
        "smithy.api#Double",
    ];
    let members: Map<String, Value> = (0..WIDE_MEMBERS)
        .map(|index| {
            let mut member = json!({ "target": TARGETS[index % TARGETS.len()] });
            if index % 10 == 0 {
                member["traits"] = json!({ "smithy.api#required": {} });
            }
            (format!("Member{index}"), member)
        })
        .collect();
    let mut shapes = Map::new();
    shapes.insert(
        "hostile.wide#Wide".into(),
        json!({ "type": "structure", "members": members }),
    );
    model(shapes)
}

/// `hostile.deep#Level0` holds `Level1` ... down to `Level{levels - 1}`,
/// which holds a string; the levels take turns being structures, sparse
/// lists, sparse maps and unions, so that every wrapper type the generated
/// code uses is part of the chain.
pub fn deep(levels: usize) -> Value {
    let mut shapes = Map::new();
    for level in 0..levels {
        let next = if level + 1 == levels {
            "smithy.api#String".to_owned()
        } else {
            format!("hostile.deep#Level{}", level + 1)
        };
        let sparse = json!({ "smithy.api#sparse": {} });
        let shape = match level % 4 {
            0 => json!({ "type": "structure", "members": { "Next": { "target": next } } }),
            1 => json!({ "type": "list", "member": { "target": next }, "traits": sparse }),
            2 => json!({
                "type": "map",
                "key": { "target": "smithy.api#String" },
                "value": { "target": next },
                "traits": sparse,
            }),
            _ => {
                json!({ "type": "union", "members": { "Next": { "target": next }, "Stop": { "target": "smithy.api#Unit" } } })
            }
        };
        shapes.insert(format!("hostile.deep#Level{level}"), shape);
    }
    model(shapes)
}

/// Mutual recursion through lists, maps, unions and structures: a tree of
/// nodes whose children and attributes refer back to nodes and to a union
/// that refers to itself directly and through collections.
pub fn recursive() -> Value {
    let shapes = json!({
        "hostile.recursive#Node": { "type": "structure", "members": {
            "Children": { "target": "hostile.recursive#Nodes" },
            "ByName": { "target": "hostile.recursive#NodesByName" },
            "Value": { "target": "hostile.recursive#Value" },
            "Parent": { "target": "hostile.recursive#Node" },
        }},
        "hostile.recursive#Nodes": { "type": "list", "member": { "target": "hostile.recursive#Node" } },
        "hostile.recursive#NodesByName": {
            "type": "map",
            "key": { "target": "smithy.api#String" },
            "value": { "target": "hostile.recursive#Node" },
        },
        "hostile.recursive#Value": { "type": "union", "members": {
            "Text": { "target": "smithy.api#String" },
            "Node": { "target": "hostile.recursive#Node" },
            "Nested": { "target": "hostile.recursive#Value" },
            "List": { "target": "hostile.recursive#Values" },
            "Map": { "target": "hostile.recursive#ValuesByName" },
        }},
        "hostile.recursive#Values": { "type": "list", "member": { "target": "hostile.recursive#Value" } },
        "hostile.recursive#ValuesByName": {
            "type": "map",
            "key": { "target": "smithy.api#String" },
            "value": { "target": "hostile.recursive#ValueLists" },
        },
        "hostile.recursive#ValueLists": { "type": "list", "member": { "target": "hostile.recursive#Values" } },
        "hostile.recursive#Pair": { "type": "structure", "members": {
            "Left": { "target": "hostile.recursive#Other", "traits": { "smithy.api#required": {} } },
        }},
        "hostile.recursive#Other": { "type": "structure", "members": {
            "Back": { "target": "hostile.recursive#Pair" },
        }},
    });
    model(as_map(shapes))
}

/// Shapes named like Rust keywords, std and prelude items, the modules and
/// builders the generator itself makes, and the runtime crate; members
/// named like the generated functions' parameters and locals.
pub fn names() -> Value {
    const SHAPE_NAMES: &[&str] = &[
        "As",
        "Await",
        "Break",
        "Const",
        "Continue",
        "Crate",
        "Dyn",
        "Else",
        "Enum",
        "Extern",
        "False",
        "Fn",
        "For",
        "If",
        "Impl",
        "In",
        "Let",
        "Loop",
        "Match",
        "Mod",
        "Move",
        "Mut",
        "Pub",
        "Ref",
        "Return",
        "Static",
        "Struct",
        "Super",
        "Trait",
        "True",
        "Type",
        "Unsafe",
        "Use",
        "Where",
        "While",
        "Async",
        "Yield",
        "Union",
        "Macro",
        "Clone",
        "Copy",
        "Send",
        "Sync",
        "Sized",
        "Drop",
        "Iterator",
        "From",
        "Into",
        "Debug",
        "Display",
        "Eq",
        "PartialEq",
        "Hash",
        "Ord",
        "Some",
        "None",
        "Ok",
        "Err",
        "Serialize",
        "Deserialize",
        "Serializer",
        "Deserializer",
        "Formatter",
        "Builders",
        "Operations",
        "Sesv2Model",
        "Serde",
        "Core",
        "Std",
        "Alloc",
        "Private",
        "Timestamp",
        "Blob",
        "Document",
        "BuildError",
        "UnknownValue",
        "UnknownMember",
        "Thing",
        "ThingBuilder",
        "ThingError",
        "Unknown",
    ];
    const MEMBER_NAMES: &[&str] = &[
        "f",
        "formatter",
        "serializer",
        "deserializer",
        "map",
        "seq",
        "visitor",
        "value",
        "key",
        "self_",
        "other",
        "builder_value",
        "result",
        "error",
        "errors",
        "state",
        "place",
        "at",
        "out",
        "input",
        "output",
        "len",
        "default",
        "clone",
        "into",
        "from",
        "as_str",
        "to_string",
        "new",
        "fmt",
        "hash",
        "eq",
        "unknown",
    ];
    let mut shapes = Map::new();
    for name in SHAPE_NAMES {
        let members: Map<String, Value> = MEMBER_NAMES
            .iter()
            .map(|member| (member.to_string(), json!({ "target": "smithy.api#String" })))
            .chain([(
                "Next".to_owned(),
                json!({ "target": format!("hostile.names#{}", SHAPE_NAMES[(name.len() * 7) % SHAPE_NAMES.len()]) }),
            )])
            .collect();
        shapes.insert(
            format!("hostile.names#{name}"),
            json!({ "type": "structure", "members": members }),
        );
    }
    model(shapes)
}

/// Enum values that start with digits, are punctuation or other scripts,
/// collide once converted to Rust names, and spell the name of the variant
/// that holds unknown values.
pub fn enum_values() -> Value {
    let values = [
        "1GB",
        "2xlarge",
        "-",
        "_",
        "ü",
        "Größe",
        "日本",
        "\u{430}bc",
        "a-b",
        "a_b",
        "A B",
        "a.b",
        "Unknown",
        "UNKNOWN",
        "UnknownValue",
        "unknown_value",
        "self",
        "Self",
        "type",
        "None",
        "Some",
        "",
        " ",
    ];
    let legacy: Vec<Value> = values
        .iter()
        // The empty value is an error of its own (see `tests/hostile.rs`).
        .filter(|value| !value.is_empty())
        .map(|value| json!({ "value": value }))
        .collect();
    let members: Map<String, Value> = [
        ("Unknown", "unknown"),
        ("UnknownValue", "unknown-value"),
        ("UNKNOWN_VALUE_2", "2"),
        ("V1", "1"),
        ("V_1", "v-1"),
    ]
    .iter()
    .map(|(name, value)| {
        (
            name.to_string(),
            json!({ "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": value } }),
        )
    })
    .collect();
    let int_members: Map<String, Value> = [("Unknown", 0), ("MIN", i32::MIN), ("MAX", i32::MAX), ("NEG", -1)]
        .iter()
        .map(|(name, value)| {
            (
                name.to_string(),
                json!({ "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": value } }),
            )
        })
        .collect();
    let shapes = json!({
        "hostile.enums#Legacy": { "type": "string", "traits": { "smithy.api#enum": legacy } },
        "hostile.enums#Named": { "type": "enum", "members": members },
        "hostile.enums#Numbers": { "type": "intEnum", "members": int_members },
        "hostile.enums#Holder": { "type": "structure", "members": {
            "Legacy": { "target": "hostile.enums#Legacy" },
            "Named": { "target": "hostile.enums#Named" },
            "Numbers": { "target": "hostile.enums#Numbers" },
        }},
    });
    model(as_map(shapes))
}

/// Every HTML construct AWS documentation uses, malformed HTML, Markdown
/// and Rust syntax in text, Unicode of every width and direction, and a
/// documentation string of more than a megabyte.
pub fn documentation() -> Value {
    const CONSTRUCTS: &str = "<p>Paragraph with <code>code</code>, <i>italic</i>, <b>bold</b>, <em>em</em>, \
        <strong>strong</strong>, a <a href=\"https://docs.aws.amazon.com/ses/latest/dg/\">link</a>, a \
        <a href=\"/relative\">relative link</a> and <a>no href</a>.</p>\
        <ul><li><p>item one</p></li><li>item <ul><li>nested</li></ul></li></ul>\
        <ol><li>first</li><li>second</li></ol>\
        <note><p>A note.</p></note><important><p>Important.</p></important>\
        <dl><dt>term</dt><dd>definition</dd></dl>\
        <pre><code>fn main() {}\n  indented</code></pre>\
        <p>Entities: &amp; &lt; &gt; &quot; &apos; &nbsp; &#169; &#x1F600; &bogus; &#xFFFFFFFF;</p>\
        <p>Text that looks like code: */ /* \" \\ ` `` ``` #[doc] {} {{}} [link](x) <T> &T 'a</p>\
        <p>Malformed: <b>unclosed <i>nested</b> stray</i> </ul> <li>orphan <p <a href=\"x\" <code></p>";
    const UNICODE: &str = "Ünïcödé, 日本語, العربية, עברית, \u{202e}reversed\u{202c}, \u{200b}zero width, e\u{301}, \
        😀👍🏽, \u{feff}bom, \t tab, \r\n crlf, \u{0} nul, \u{7f} del";
    let long = format!(
        "<p>{}</p>",
        "long documentation with <b>markup</b> and 😀 ".repeat(25_000)
    );
    let shapes = json!({
        "hostile.docs#Documented": {
            "type": "structure",
            "members": {
                "Constructs": { "target": "smithy.api#String", "traits": { "smithy.api#documentation": CONSTRUCTS } },
                "Unicode": { "target": "smithy.api#String", "traits": { "smithy.api#documentation": UNICODE } },
                "Long": { "target": "smithy.api#String", "traits": { "smithy.api#documentation": long } },
                "Empty": { "target": "smithy.api#String", "traits": { "smithy.api#documentation": "" } },
                "OnlyTags": {
                    "target": "smithy.api#String",
                    "traits": { "smithy.api#documentation": "<p></p><ul></ul><b></b>" },
                },
            },
            "traits": { "smithy.api#documentation": format!("{CONSTRUCTS}{UNICODE}") },
        },
    });
    model(as_map(shapes))
}

fn as_map(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// The models `build.rs` generates and the crate compiles: module name and
/// model.
pub fn compiled() -> Vec<(&'static str, Value)> {
    vec![
        ("hostile_wide", wide()),
        ("hostile_deep", deep(DEEPEST_ACCEPTED)),
        ("hostile_recursive", recursive()),
        ("hostile_names", names()),
        ("hostile_enums", enum_values()),
        ("hostile_docs", documentation()),
    ]
}
