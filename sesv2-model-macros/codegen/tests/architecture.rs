//! The engine's shape, checked: a pipeline of stages in which data flows one
//! way. A stage uses what is shared and what earlier stages made, never a
//! later stage; shared modules use no stage; only the front ends (the crate
//! root, `generator` and `diff`) see everything.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The stages, in the order `lib.rs` runs them.
const STAGES: &[&str] = &[
    "load",
    "assemble",
    "flatten",
    "resolve",
    "cycles",
    "select",
    "nesting",
    "names",
    "recursion",
    "derives",
    "emit",
];

/// What the stages share: data they pass on, and helpers.
const SHARED: &[&str] = &[
    "ast",
    "config",
    "docs",
    "error",
    "graph",
    "ident",
    "model",
    "node",
    "parallel",
    "prelude",
    "test_traits",
    "shape_id",
    "traits",
];

/// What runs the stages.
const FRONT_ENDS: &[&str] = &["lib", "main", "generator", "diff"];

fn source_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, with the top-level module it belongs to.
fn files(dir: &Path, module: Option<&str>, out: &mut Vec<(String, PathBuf)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            files(&path, Some(module.unwrap_or(&stem)), out);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            out.push((module.unwrap_or(&stem).to_owned(), path));
        }
    }
}

/// The code of a Rust file without comments and string literals, which
/// may mention `crate::` paths that are not uses.
fn code_of(text: &str) -> String {
    let mut code = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        code.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                code.push_str("\"\"");
            }
            // A char literal ('"') would open a string above; lifetimes
            // have no closing quote and are kept as they are.
            '\'' if chars.clone().nth(1) == Some('\'') => {
                chars.next();
                chars.next();
            }
            _ => code.push(c),
        }
    }
    code
}

/// The modules a file's code names as `crate::module`, including inside
/// `crate::{a, b::c}` groups.
fn modules_used(code: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let names: Vec<&str> = match rest.strip_prefix('{') {
            Some(group) => group[..group.find('}').unwrap_or(group.len())]
                .split(',')
                .map(|name| name.trim().split("::").next().unwrap_or_default())
                .collect(),
            None => vec![
                rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
                    .unwrap_or_default(),
            ],
        };
        for name in names.into_iter().filter(|name| !name.is_empty()) {
            used.insert(name.to_owned());
        }
    }
    used
}

#[test]
fn stages_use_only_what_is_shared_and_earlier_stages() {
    let mut all = Vec::new();
    files(&source_dir(), None, &mut all);
    assert!(all.len() > 40, "only {} source files found", all.len());
    let mut problems = Vec::new();
    for (module, path) in &all {
        let known = |name: &str| STAGES.contains(&name) || SHARED.contains(&name) || FRONT_ENDS.contains(&name);
        assert!(
            known(module),
            "{}: the module `{module}` is in none of the lists",
            path.display()
        );
        if FRONT_ENDS.contains(&module.as_str()) {
            continue;
        }
        let stage = STAGES.iter().position(|stage| stage == module);
        for used in modules_used(&code_of(&std::fs::read_to_string(path).unwrap())) {
            let allowed = match (stage, STAGES.iter().position(|stage| *stage == used)) {
                _ if used == *module || SHARED.contains(&used.as_str()) => true,
                (Some(own), Some(other)) => other < own,
                _ => false,
            };
            if !allowed {
                problems.push(format!("{} uses `crate::{used}`", path.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "the pipeline flows one way:\n{}",
        problems.join("\n")
    );
}

#[test]
fn lib_runs_the_stages_in_order_and_its_docs_list_them() {
    let lib = std::fs::read_to_string(source_dir().join("lib.rs")).unwrap();
    let mut last = 0;
    for (index, stage) in STAGES.iter().enumerate() {
        let declared = lib
            .find(&format!("mod {stage};"))
            .unwrap_or_else(|| panic!("lib.rs declares no `{stage}`"));
        assert!(declared > last, "lib.rs declares `{stage}` out of order");
        last = declared;
        assert!(
            lib.contains(&format!("//! {}. `{stage}`: ", index + 1)),
            "lib.rs's docs do not list `{stage}` as stage {}",
            index + 1
        );
        let module = source_dir().join(format!("{stage}.rs"));
        let module = if module.exists() {
            module
        } else {
            source_dir().join(stage).join("mod.rs")
        };
        let docs = std::fs::read_to_string(&module).unwrap();
        assert!(
            docs.starts_with(&format!("//! Stage {}: ", index + 1)),
            "{} does not say it is stage {}",
            module.display(),
            index + 1
        );
    }
}

#[test]
fn the_checker_reads_uses_and_skips_text() {
    let code =
        code_of("use crate::{model::Shape, names};\n// crate::emit\nlet s = \"crate::diff\"; crate::select::x();");
    assert_eq!(
        modules_used(&code).into_iter().collect::<Vec<_>>(),
        ["model", "names", "select"]
    );
}
