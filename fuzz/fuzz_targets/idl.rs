//! Mutations of Smithy IDL text: fragments of the grammar spliced in, lines
//! repeated, dropped and swapped. Each keeps the text UTF-8 and mostly
//! IDL-shaped, so that the fuzzer gets past the first token into shapes,
//! traits, node values, text blocks, mixins, elision and `apply`.

use crate::smithy::Rng;

/// Pieces of the grammar, valid and broken, to splice in.
const FRAGMENTS: &[&str] = &[
    "$version: \"2\"\n",
    "$version: \"1.0\"\n",
    "$operationInputSuffix: \"Request\"\n",
    "metadata m = [1, -2.5e3, true, null, {a: b}]\n",
    "namespace example.fuzz\n",
    "use example.other#Thing\n",
    "@mixin\n",
    "@required\n",
    "@documentation(\"\"\"\n    text \\\n    block\n    \"\"\")\n",
    "@tags([\"a\", \"b\",])\n",
    "@range(min: 1, max: 10)\n",
    "@trait\nstructure custom {}\n",
    "/// Docs.\n",
    "// A comment.\n",
    " with [Base]",
    " for Resource",
    "$id\n",
    " = \"default\"\n",
    "input := {\n    a: String\n}\n",
    "output := with [Base] {}\n",
    "errors: [Oops]\n",
    "structure S {\n    a: String = \"x\"\n    $b\n}\n",
    "union U {\n    a: Integer\n}\n",
    "enum E {\n    A = \"a\"\n    B\n}\n",
    "intEnum I {\n    A = 1\n}\n",
    "list L {\n    member: S\n}\n",
    "map M {\n    key: String\n    value: L\n}\n",
    "resource Resource {\n    identifiers: { id: String }\n    properties: { p: Integer }\n    read: Op\n}\n",
    "service Svc {\n    version: \"1\"\n    operations: [Op]\n}\n",
    "operation Op {\n    input: S\n}\n",
    "apply S$a @sensitive\n",
    "apply S {\n    @internal\n}\n",
    "set Old {\n    member: String\n}\n",
    "\"\\u00e9\\uD83D\\uDE00\"",
    "\"unclosed",
    "\"\"\"",
    "\\",
    ":=",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "@",
    "#",
    "$",
    ",",
    "\n",
    "é",
];

/// Mutates `text` in place.
pub fn mutate(text: &mut String, rng: &mut Rng) {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    match rng.below(4) {
        0 if !lines.is_empty() => {
            let line = lines[rng.below(lines.len())].clone();
            let at = rng.below(lines.len() + 1);
            lines.insert(at, line);
        }
        1 if !lines.is_empty() => {
            lines.remove(rng.below(lines.len()));
        }
        2 if lines.len() > 1 => {
            let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
            lines.swap(a, b);
        }
        _ => {
            let joined: String = lines.concat();
            let boundaries: Vec<usize> = joined
                .char_indices()
                .map(|(at, _)| at)
                .chain([joined.len()])
                .collect();
            let at = boundaries[rng.below(boundaries.len())];
            let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())];
            *text = format!("{}{fragment}{}", &joined[..at], &joined[at..]);
            return;
        }
    }
    *text = lines.concat();
}
