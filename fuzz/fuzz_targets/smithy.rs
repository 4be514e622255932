//! Structure-aware mutations of Smithy JSON AST models: each keeps the
//! document JSON and mostly model-shaped, so that the fuzzer reaches the
//! stages after loading (resolution, mixins, selection, naming, emission)
//! with the kinds of mistakes and extremes real models could have.

use serde_json::{Map, Value, json};

/// xorshift32: libFuzzer gives the seed, so runs stay reproducible.
pub struct Rng(u32);

impl Rng {
    pub fn new(seed: u32) -> Self {
        Rng(seed | 1)
    }

    fn next(&mut self) -> u32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        x
    }

    /// A number in `0..bound` (`bound` > 0).
    pub fn below(&mut self, bound: usize) -> usize {
        self.next() as usize % bound
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SHAPE_TYPES: &[&str] = &[
    "blob",
    "boolean",
    "string",
    "byte",
    "short",
    "integer",
    "long",
    "float",
    "double",
    "bigInteger",
    "bigDecimal",
    "timestamp",
    "document",
    "enum",
    "intEnum",
    "list",
    "map",
    "structure",
    "union",
    "service",
    "operation",
    "resource",
    "set",
    "apply",
    "Structure",
    "",
];

const PRELUDE: &[&str] = &[
    "smithy.api#String",
    "smithy.api#Integer",
    "smithy.api#PrimitiveInteger",
    "smithy.api#Timestamp",
    "smithy.api#Blob",
    "smithy.api#Document",
    "smithy.api#Unit",
    "smithy.api#BigDecimal",
    "smithy.api#Boolean",
    "smithy.api#Double",
    "smithy.api#Float",
    "smithy.api#Long",
    "smithy.api#Byte",
    "smithy.api#Short",
    "smithy.api#BigInteger",
    "smithy.api#Nope",
    "smithy.api#",
    "#Bad",
    "no-namespace",
    "a#b$c",
    "",
];

/// Names that stress naming: keywords, std and prelude names, case and
/// punctuation variants, Unicode, the generated names themselves.
const NAMES: &[&str] = &[
    "type",
    "self",
    "Self",
    "super",
    "crate",
    "async",
    "r#type",
    "Option",
    "Result",
    "String",
    "Vec",
    "Box",
    "Default",
    "Some",
    "None",
    "Ok",
    "Err",
    "builder",
    "build",
    "set_name",
    "Unknown",
    "UnknownValue",
    "name",
    "Name",
    "NAME",
    "n_ame",
    "nAme",
    "_",
    "__",
    "a1",
    "1a",
    "é",
    "Ünïcödé",
    "日本",
    "fooBar",
    "foo_bar",
    "FooBar",
    "FOO_BAR",
    "foo__bar",
    "",
    "a b",
    "a-b",
    "a.b",
    "a#b",
    "$",
    "Error",
    "GetImportJobResponse",
    "GetImportJobRequest",
    "JobStatus",
    "serde",
    "core",
    "std",
    "alloc",
    "__private",
];

const TRAITS: &[&str] = &[
    "smithy.api#required",
    "smithy.api#default",
    "smithy.api#documentation",
    "smithy.api#enumValue",
    "smithy.api#enum",
    "smithy.api#jsonName",
    "smithy.api#timestampFormat",
    "smithy.api#sparse",
    "smithy.api#error",
    "smithy.api#httpError",
    "smithy.api#mixin",
    "smithy.api#sensitive",
    "smithy.api#deprecated",
    "smithy.api#clientOptional",
    "smithy.api#input",
    "smithy.api#output",
    "smithy.api#httpLabel",
    "smithy.api#httpQuery",
    "smithy.api#httpHeader",
    "smithy.api#httpPayload",
    "smithy.api#http",
    "smithy.api#streaming",
    "smithy.api#idempotencyToken",
    "smithy.api#addedDefault",
    "aws.protocols#restJson1",
    "aws.protocols#awsJson1_0",
    "aws.protocols#awsJson1_1",
    "aws.protocols#restXml",
    "aws.api#service",
    "smithy.api#xmlName",
    "smithy.api#unitType",
    "smithy.api#length",
];

const HTML: &[&str] = &[
    "<p>",
    "</p>",
    "<code>",
    "</code>",
    "<ul>",
    "</ul>",
    "<li>",
    "</li>",
    "<ol>",
    "<a href=\"https://x\">",
    "<a href='/rel'>",
    "</a>",
    "<i>",
    "</i>",
    "<b>",
    "</b>",
    "<note>",
    "</note>",
    "<important>",
    "</important>",
    "<pre>",
    "</pre>",
    "<dl>",
    "<dt>",
    "<dd>",
    "<br/>",
    "&amp;",
    "&lt;",
    "&#x1F600;",
    "&bogus;",
    "&#99999999;",
    "`",
    "``",
    "*",
    "_",
    "#",
    "[x](y)",
    "<",
    ">",
    "\n",
    "\r\n",
    "é",
    "\u{202e}",
    "*/",
    "/*",
    "\"",
    "\\",
    "{",
    "}",
    "https://example.com/a_b",
    "<https://x>",
    "    code",
    "1. ",
    "- ",
    "> ",
    "|",
    "<p",
    "<a href=",
    "</",
];

fn scalar(rng: &mut Rng) -> Value {
    match rng.below(16) {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(0),
        3 => json!(-1),
        4 => json!(i64::MAX),
        5 => json!(u64::MAX),
        6 => json!(1e308),
        7 => json!(-0.5),
        8 => json!(""),
        9 => json!([]),
        10 => json!({}),
        11 => json!(i32::MIN),
        12 => json!("2019-09-27T00:00:00Z"),
        13 => json!("epoch-seconds"),
        14 => json!({"target": *rng.pick(PRELUDE)}),
        _ => json!(*rng.pick(NAMES)),
    }
}

fn documentation(rng: &mut Rng) -> Value {
    let mut text = String::new();
    for _ in 0..rng.below(64) {
        text.push_str(rng.pick(HTML));
        if rng.below(2) == 0 {
            text.push_str(rng.pick(NAMES));
        }
    }
    Value::String(text)
}

fn shapes(model: &mut Value) -> Option<&mut Map<String, Value>> {
    model.get_mut("shapes")?.as_object_mut()
}

fn shape_ids(model: &Value) -> Vec<String> {
    model
        .get("shapes")
        .and_then(Value::as_object)
        .map(|shapes| shapes.keys().cloned().collect())
        .unwrap_or_default()
}

/// A shape id: one of the model's, a prelude one, or a new one.
fn some_id(rng: &mut Rng, ids: &[String]) -> String {
    match rng.below(4) {
        0 => rng.pick(PRELUDE).to_string(),
        1 => format!("fuzz.example#{}", rng.pick(NAMES)),
        _ if !ids.is_empty() => rng.pick(ids).clone(),
        _ => "smithy.api#String".to_owned(),
    }
}

fn random_shape<'m>(rng: &mut Rng, model: &'m mut Value) -> Option<&'m mut Map<String, Value>> {
    let shapes = shapes(model)?;
    if shapes.is_empty() {
        return None;
    }
    let index = rng.below(shapes.len());
    shapes.values_mut().nth(index)?.as_object_mut()
}

/// A member map of a random shape (its `members`, or `member`/`key`/`value`
/// wrapped as one), or the shape itself.
fn random_member<'m>(rng: &mut Rng, shape: &'m mut Map<String, Value>) -> &'m mut Map<String, Value> {
    let key = *rng.pick(&["member", "key", "value", "members"]);
    let count = match shape.get(key) {
        Some(Value::Object(object)) => object.len(),
        _ => return shape,
    };
    // Checked above; `let else` cannot hand `shape` back on the other path.
    let Some(Value::Object(object)) = shape.get_mut(key) else {
        unreachable!("the key holds an object")
    };
    if key != "members" || count == 0 {
        return object;
    }
    let index = rng.below(count);
    let name = object.keys().nth(index).cloned().unwrap_or_default();
    if matches!(object.get(&name), Some(Value::Object(_))) {
        match object.get_mut(&name) {
            Some(Value::Object(member)) => member,
            _ => unreachable!("the member is an object"),
        }
    } else {
        object
    }
}

/// A random node anywhere in the document.
fn random_node<'v>(rng: &mut Rng, value: &'v mut Value) -> &'v mut Value {
    let descend = match value {
        Value::Object(object) => !object.is_empty() && rng.below(4) != 0,
        Value::Array(array) => !array.is_empty() && rng.below(4) != 0,
        _ => false,
    };
    if !descend {
        return value;
    }
    match value {
        Value::Object(object) => {
            let index = rng.below(object.len());
            match object.values_mut().nth(index) {
                Some(child) => random_node(rng, child),
                None => unreachable!("the index is below the length"),
            }
        }
        Value::Array(array) => {
            let index = rng.below(array.len());
            random_node(rng, &mut array[index])
        }
        _ => unreachable!("only containers descend"),
    }
}

/// One Smithy-aware mutation of `model`, in place.
pub fn mutate(model: &mut Value, rng: &mut Rng) {
    let ids = shape_ids(model);
    match rng.below(12) {
        // A shape of another type.
        0 => {
            if let Some(shape) = random_shape(rng, model) {
                shape.insert("type".into(), json!(*rng.pick(SHAPE_TYPES)));
            }
        }
        // A member that targets something else.
        1 => {
            let target = some_id(rng, &ids);
            if let Some(shape) = random_shape(rng, model) {
                random_member(rng, shape).insert("target".into(), json!(target));
            }
        }
        // A copy of a shape under a new, awkward name.
        2 => {
            if ids.is_empty() {
                return;
            }
            let source = rng.pick(&ids).clone();
            let namespace = source.split('#').next().unwrap_or("fuzz.example").to_owned();
            let name = if rng.below(2) == 0 {
                rng.pick(NAMES).to_string()
            } else {
                source.rsplit('#').next().unwrap_or_default().to_uppercase()
            };
            if let Some(shapes) = shapes(model)
                && let Some(copy) = shapes.get(&source).cloned()
            {
                shapes.insert(format!("{namespace}#{name}"), copy);
            }
        }
        // A new member.
        3 => {
            let target = some_id(rng, &ids);
            let name = rng.pick(NAMES).to_string();
            if let Some(shape) = random_shape(rng, model) {
                if let Some(Value::Object(members)) = shape.get_mut("members") {
                    members.insert(name, json!({ "target": target }));
                } else {
                    shape.insert("members".into(), json!({ name: { "target": target } }));
                }
            }
        }
        // A trait on a shape or member, with any value.
        4 => {
            let name = rng.pick(TRAITS).to_string();
            let value = match rng.below(3) {
                0 => documentation(rng),
                1 => scalar(rng),
                _ => json!({}),
            };
            if let Some(shape) = random_shape(rng, model) {
                let owner = random_member(rng, shape);
                match owner.get_mut("traits") {
                    Some(Value::Object(traits)) => {
                        traits.insert(name, value);
                    }
                    _ => {
                        owner.insert("traits".into(), json!({ name: value }));
                    }
                }
            }
        }
        // Mixins, possibly circular, possibly of another shape type.
        5 => {
            let mixin = some_id(rng, &ids);
            if let Some(shapes) = shapes(model)
                && let Some(Value::Object(target)) = shapes.get_mut(&mixin)
                && rng.below(4) != 0
            {
                let traits = target.entry("traits").or_insert_with(|| json!({}));
                if let Value::Object(traits) = traits {
                    traits.insert("smithy.api#mixin".into(), json!({}));
                }
            }
            if let Some(shape) = random_shape(rng, model) {
                shape.insert("mixins".into(), json!([{ "target": mixin }]));
            }
        }
        // Services and resources binding anything, cycles included.
        6 => {
            let bound: Vec<Value> = (0..rng.below(4))
                .map(|_| json!({ "target": some_id(rng, &ids) }))
                .collect();
            let field = *rng.pick(&["operations", "resources", "errors", "collectionOperations"]);
            if let Some(shape) = random_shape(rng, model) {
                shape.insert(field.into(), Value::Array(bound));
            }
        }
        // An `apply` statement, keyed by its target as the AST spells it.
        7 => {
            let target = some_id(rng, &ids);
            let traits = json!({ *rng.pick(TRAITS): scalar(rng) });
            if let Some(shapes) = shapes(model) {
                shapes.insert(target, json!({ "type": "apply", "traits": traits }));
            }
        }
        // A key removed anywhere.
        8 => {
            if let Value::Object(object) = random_node(rng, model)
                && !object.is_empty()
            {
                let index = rng.below(object.len());
                if let Some(key) = object.keys().nth(index).cloned() {
                    object.remove(&key);
                }
            }
        }
        // A value replaced anywhere.
        9 => {
            let value = scalar(rng);
            *random_node(rng, model) = value;
        }
        // A value nested deeply.
        10 => {
            let node = random_node(rng, model);
            for _ in 0..rng.below(200) {
                *node = Value::Array(vec![node.take()]);
            }
        }
        // Hostile documentation.
        _ => {
            let docs = documentation(rng);
            if let Some(shape) = random_shape(rng, model) {
                let owner = random_member(rng, shape);
                let traits = owner.entry("traits").or_insert_with(|| json!({}));
                if let Value::Object(traits) = traits {
                    traits.insert("smithy.api#documentation".into(), docs);
                }
            }
        }
    }
}
