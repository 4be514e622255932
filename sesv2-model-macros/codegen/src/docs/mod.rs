//! Model documentation (the HTML subset AWS writes) to rustdoc Markdown.
//!
//! The conversion is tolerant: unknown tags such as `<bucket_name>` are text,
//! unclosed or stray tags are repaired, and the Markdown it writes never
//! trips a rustdoc lint (no bare URLs, no brackets that look like intra-doc
//! links, no HTML, no indented code blocks that would become doctests).

mod html;
mod markdown;

/// Converts HTML documentation to Markdown, one string with `\n` line breaks.
pub(crate) fn to_markdown(html: &str) -> String {
    let mut markdown = markdown::render(&html::parse(html));
    markdown.retain(|c| !is_hidden_control(c));
    markdown
}

/// Characters that do not belong in a doc comment: control characters
/// (a bare carriage return is a compile error there), and the Unicode
/// controls that reorder text on screen, which rustc rejects in doc
/// comments because they can make code read differently than it compiles.
fn is_hidden_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The syntax tree shared by the parser and the renderer.
#[derive(Clone, Debug, PartialEq)]
enum Block {
    Paragraph(Vec<Inline>),
    List { ordered: bool, items: Vec<Vec<Block>> },
    Code(String),
    Callout { label: &'static str, blocks: Vec<Block> },
}

#[derive(Clone, Debug, PartialEq)]
enum Inline {
    Text(String),
    Code(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link { href: String, content: Vec<Inline> },
}

#[cfg(test)]
mod tests {
    use super::to_markdown;

    #[test]
    fn paragraphs_become_blank_line_separated() {
        assert_eq!(
            to_markdown("<p>The status of a job.</p>\n   <p>Second   paragraph\n  wraps.</p>"),
            "The status of a job.\n\nSecond paragraph wraps."
        );
    }

    #[test]
    fn docbook_paragraphs_are_paragraphs() {
        assert_eq!(to_markdown("<para>One.</para><para>Two.</para>"), "One.\n\nTwo.");
    }

    #[test]
    fn text_outside_paragraphs_is_kept() {
        assert_eq!(to_markdown("A plain sentence."), "A plain sentence.");
        assert_eq!(to_markdown("Lead <p>then para</p> tail"), "Lead\n\nthen para\n\ntail");
    }

    #[test]
    fn code_emphasis_and_strong_are_inline_markdown() {
        assert_eq!(
            to_markdown("<p>Use <code>PUT</code> or <i>delete</i>, <b>never</b> both.</p>"),
            "Use `PUT` or *delete*, **never** both."
        );
    }

    #[test]
    fn code_with_backticks_gets_a_longer_fence() {
        assert_eq!(to_markdown("<code>a`b</code>"), "``a`b``");
        assert_eq!(to_markdown("<code>`x</code>"), "`` `x ``");
    }

    #[test]
    fn text_that_merely_looks_like_tags_stays_text() {
        assert_eq!(
            to_markdown("<p>An Amazon S3 URL in the format s3://<i><bucket_name></i>/<i><object></i>.</p>"),
            r"An Amazon S3 URL in the format s3://*\<bucket_name\>*/*\<object\>*."
        );
    }

    #[test]
    fn lists_nest_and_keep_their_paragraphs() {
        let html = "<ul><li><p><code>CREATED</code> – created.</p></li>\
                    <li><p>Outer</p><ol><li>first</li><li>second</li></ol></li></ul>";
        assert_eq!(
            to_markdown(html),
            "- `CREATED` – created.\n- Outer\n\n  1. first\n  2. second"
        );
    }

    #[test]
    fn links_become_markdown_links_and_relative_links_become_text() {
        assert_eq!(
            to_markdown(r#"<p>See <a href="https://docs.aws.amazon.com/ses/">the guide</a>.</p>"#),
            "See [the guide](https://docs.aws.amazon.com/ses/)."
        );
        assert_eq!(
            to_markdown(r#"<a href="https://example.com/x">https://example.com/x</a>"#),
            "<https://example.com/x>"
        );
        assert_eq!(to_markdown(r#"<a href="API_Foo.html">Foo</a>"#), "Foo");
    }

    #[test]
    fn links_whose_address_is_not_ascii_keep_their_text() {
        assert_eq!(to_markdown("<a href=\"mailt\u{1F600}x\">smile</a>"), "smile");
        assert_eq!(
            to_markdown("<a href=\"https://example.com/\u{e9}\">caf\u{e9}</a>"),
            "[caf\u{e9}](https://example.com/\u{e9})"
        );
    }

    #[test]
    fn a_long_url_with_many_closing_parentheses_is_linear() {
        let url = format!("https://example.com/{}{}", "a".repeat(200_000), ")".repeat(200_000));
        let markdown = to_markdown(&url);
        assert!(markdown.starts_with("<https://example.com/aaa"), "{}", &markdown[..40]);
        assert!(
            markdown.ends_with(&format!("a>{}", ")".repeat(200_000))),
            "{}",
            &markdown[markdown.len() - 40..]
        );
    }

    #[test]
    fn bare_urls_become_autolinks() {
        assert_eq!(
            to_markdown("<p>Visit https://aws.amazon.com/ses, then (http://a.example/b).</p>"),
            "Visit <https://aws.amazon.com/ses>, then (<http://a.example/b>)."
        );
    }

    #[test]
    fn markdown_syntax_in_text_is_escaped() {
        assert_eq!(
            to_markdown("<p>[Optional] a*b, x_y and _z_, `q`, ~t~, AT&amp;T &amp;lt;</p>"),
            r"\[Optional\] a\*b, x_y and \_z\_, \`q\`, \~t\~, AT&T \&lt;"
        );
        assert_eq!(to_markdown("<p># not a heading</p>"), r"\# not a heading");
        assert_eq!(to_markdown("<p>1. not a list</p>"), r"1\. not a list");
        assert_eq!(to_markdown("<p>- not a list</p>"), r"\- not a list");
        assert_eq!(to_markdown("<p>> not a quote</p>"), r"\> not a quote");
    }

    #[test]
    fn notes_become_labelled_block_quotes() {
        assert_eq!(
            to_markdown("<note><p>Be careful.</p><p>Really.</p></note>"),
            "> **Note:** Be careful.\n>\n> Really."
        );
        assert_eq!(to_markdown("<important>Stop.</important>"), "> **Important:** Stop.");
    }

    #[test]
    fn definition_lists_become_lists_with_bold_terms() {
        assert_eq!(
            to_markdown("<dl><dt>PUT</dt><dd><p>Adds.</p></dd><dt>DELETE</dt><dd>Removes.</dd></dl>"),
            "- **PUT**\n\n  Adds.\n- **DELETE**\n\n  Removes."
        );
    }

    #[test]
    fn preformatted_text_becomes_a_text_code_block() {
        assert_eq!(
            to_markdown("<p>Example:</p><pre>{\n  \"a\": 1\n}</pre>"),
            "Example:\n\n```text\n{\n  \"a\": 1\n}\n```"
        );
    }

    #[test]
    fn malformed_html_is_repaired_not_rejected() {
        assert_eq!(to_markdown("<p>>The type of action</p>"), r"\>The type of action");
        assert_eq!(to_markdown("<p>unclosed <b>bold"), "unclosed **bold**");
        assert_eq!(to_markdown("stray </i> close </ul>"), "stray close");
        assert_eq!(to_markdown("<li>orphan item</li>"), "- orphan item");
        assert_eq!(to_markdown("a < b > c & d"), r"a \< b \> c & d");
        assert_eq!(to_markdown(""), "");
        assert_eq!(to_markdown("<p>  </p>"), "");
    }

    #[test]
    fn hostile_nesting_is_flattened_not_a_stack_overflow() {
        let depth = 100_000;
        let lists = format!("{}deep{}", "<ul><li>".repeat(depth), "</li></ul>".repeat(depth));
        let markdown = to_markdown(&lists);
        assert!(
            markdown.trim_start().ends_with("- deep"),
            "{}",
            &markdown[markdown.len() - 80..]
        );
        let indent = markdown.lines().map(|line| line.len() - line.trim_start().len()).max();
        assert!(indent.is_some_and(|indent| indent <= 32), "nested {indent:?} deep");

        let inline = format!("{}deep{}", "<b><i>".repeat(depth), "</i></b>".repeat(depth));
        let markdown = to_markdown(&inline);
        assert!(markdown.contains("deep"), "{markdown}");
        assert!(markdown.len() < 200, "{markdown}");
    }

    #[test]
    fn control_and_text_direction_characters_are_dropped() {
        assert_eq!(
            to_markdown("a\u{202e}b\u{2066}c\rd\u{0}e\u{7f}f&#x202E;g\tok"),
            "abc defg ok"
        );
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            to_markdown("<p>&lt;tag&gt; &quot;q&quot; &#39;s&#39; &#x41;&nbsp;B</p>"),
            "\\<tag\\> \"q\" 's' A\u{a0}B"
        );
    }

    #[test]
    fn emphasis_keeps_its_spaces_outside_the_markers() {
        assert_eq!(to_markdown("a<i> b </i>c"), "a *b* c");
        assert_eq!(to_markdown("a<i> </i>c"), "a c");
    }
}
