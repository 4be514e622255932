//! The official SESv2 model documents its shapes in HTML (`<p>`, `<code>`,
//! `<ul>`/`<li>`, `<a href>`, `<i>`, `<b>`, `<note>`, `<important>`, and
//! placeholders such as `<bucket_name>`). The generated rustdoc must be clean
//! Markdown: every construct converted, no tag left for rustdoc to render or
//! warn about.

mod common;

use sesv2_model_codegen::{Config, generate, to_source};

/// The official model's bytes, or `None` outside CI when it is not beside
/// the checkout.
fn official_sesv2() -> Option<Vec<u8>> {
    let path = common::official_models()?.join("sesv2-2019-09-27.json");
    Some(std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display())))
}

/// Every documentation string of the model, as written.
fn model_documentation(model: &serde_json::Value, found: &mut Vec<String>) {
    match model {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("smithy.api#documentation", serde_json::Value::String(text)) => found.push(text.clone()),
                    _ => model_documentation(value, found),
                }
            }
        }
        serde_json::Value::Array(values) => values.iter().for_each(|value| model_documentation(value, found)),
        _ => {}
    }
}

/// The text of a doc line outside its code spans.
fn outside_code(line: &str) -> String {
    line.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

#[test]
fn official_sesv2_documentation_becomes_clean_markdown() {
    let Some(model) = official_sesv2() else { return };
    let json: serde_json::Value = serde_json::from_slice(&model).unwrap();
    let mut documentation = Vec::new();
    model_documentation(&json, &mut documentation);
    let html = documentation.join("\n");
    let count = |text: &str, pattern: &str| text.matches(pattern).count();

    let generated = generate(&Config::default(), &model).unwrap();
    let source = to_source(&generated).unwrap();
    let docs: Vec<&str> = source
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("///"))
        .collect();
    let markdown = docs.join("\n");

    // No tag survives outside code spans: placeholders are escaped (`\<bucket_name\>`).
    let leftovers: Vec<&str> = docs
        .iter()
        .copied()
        .filter(|line| {
            let text = outside_code(line);
            text.match_indices('<').any(|(at, _)| {
                let escaped = text[..at].ends_with('\\');
                let tag_like = text[at + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
                tag_like && !escaped
            })
        })
        .collect();
    assert!(
        leftovers.is_empty(),
        "HTML left in the docs:\n{}",
        leftovers[..leftovers.len().min(10)].join("\n")
    );

    // Every construct the model uses arrives converted, at least as often
    // as the model uses it (a shape's docs appear on its accessors too).
    for (construct, in_html, in_markdown) in [
        ("<code>", count(&html, "<code>"), count(&markdown, "`") / 2),
        (
            "<li>",
            count(&html, "<li>"),
            docs.iter().filter(|line| line.trim_start().starts_with("- ")).count(),
        ),
        ("<a href>", count(&html, "<a href"), count(&markdown, "](http")),
        ("<i>", count(&html, "<i>"), count(&markdown, " *")),
        ("<b>", count(&html, "<b>"), count(&markdown, "**") / 2),
        ("<note>", count(&html, "<note>"), count(&markdown, "> **Note:**")),
        (
            "<important>",
            count(&html, "<important>"),
            count(&markdown, "> **Important:**"),
        ),
    ] {
        assert!(
            in_html > 0 || construct == "<important>",
            "the model no longer uses {construct}"
        );
        assert!(
            in_markdown >= in_html,
            "{construct}: {in_html} in the model's HTML, only {in_markdown} converted"
        );
    }
    // Paragraphs are separated by blank doc lines, not run together.
    let later_paragraphs: usize = documentation
        .iter()
        .map(|text| count(text, "<p>").saturating_sub(1))
        .sum();
    assert!(later_paragraphs > 0);
    let blank_lines = docs.iter().filter(|line| line.trim().is_empty()).count();
    assert!(
        blank_lines >= later_paragraphs,
        "{later_paragraphs} paragraphs after a first one, {blank_lines} blank doc lines"
    );
}
