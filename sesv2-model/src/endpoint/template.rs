//! Template strings (`https://{Region}.{partition#dnsSuffix}`, with `{{` and
//! `}}` for literal braces) and `getAttr` paths (`resourceId[2]`, `a.b`).

use super::rules::Expr;

/// A piece of a template: text as is, or an expression whose string value is spliced in.
#[derive(Debug)]
pub(crate) enum TemplatePart {
    Literal(String),
    Dynamic(Expr),
}

/// A step of a `getAttr` path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PathPart {
    Key(String),
    Index(usize),
}

/// Parses a template; `lookup` gives the slot of a name in scope.
pub(crate) fn parse(text: &str, lookup: impl Fn(&str) -> Option<usize>) -> Result<Expr, String> {
    if !text.contains(['{', '}']) {
        return Ok(Expr::Str(text.to_owned()));
    }
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut rest = text;
    while let Some(position) = rest.find(['{', '}']) {
        literal.push_str(&rest[..position]);
        let after = &rest[position + 1..];
        if rest[position..].starts_with("{{") {
            literal.push('{');
            rest = &rest[position + 2..];
        } else if rest[position..].starts_with("}}") {
            literal.push('}');
            rest = &rest[position + 2..];
        } else if rest[position..].starts_with('}') {
            return Err(format!(
                "unmatched '}}' in template \"{text}\" (write '}}}}' for a literal one)"
            ));
        } else {
            let end = after
                .find('}')
                .ok_or_else(|| format!("unclosed '{{' in template \"{text}\""))?;
            let inner = &after[..end];
            if !literal.is_empty() {
                parts.push(TemplatePart::Literal(std::mem::take(&mut literal)));
            }
            parts.push(TemplatePart::Dynamic(parse_placeholder(inner, &lookup, text)?));
            rest = &after[end + 1..];
        }
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        parts.push(TemplatePart::Literal(literal));
    }
    Ok(match parts.as_slice() {
        [] => Expr::Str(String::new()),
        [TemplatePart::Literal(_)] => match parts.pop() {
            Some(TemplatePart::Literal(text)) => Expr::Str(text),
            _ => Expr::Template(parts),
        },
        _ => Expr::Template(parts),
    })
}

/// `name` or `name#path` between braces.
fn parse_placeholder(inner: &str, lookup: &impl Fn(&str) -> Option<usize>, text: &str) -> Result<Expr, String> {
    let (name, path) = match inner.split_once('#') {
        Some((name, path)) => (name, Some(path)),
        None => (inner, None),
    };
    if name.is_empty() || name.contains(['{', ' ']) {
        return Err(format!("malformed placeholder \"{{{inner}}}\" in template \"{text}\""));
    }
    let slot = lookup(name)
        .ok_or_else(|| format!("\"{name}\" in template \"{text}\" is not a parameter or an assigned name in scope"))?;
    Ok(match path {
        None => Expr::Ref(slot),
        Some(path) => Expr::GetAttr(Box::new(Expr::Ref(slot)), parse_path(path)?),
    })
}

/// Parses a `getAttr` path: keys split on `.`, each optionally followed by `[index]`s.
pub(crate) fn parse_path(path: &str) -> Result<Vec<PathPart>, String> {
    let mut parts = Vec::new();
    for segment in path.split('.') {
        let (key, mut indexes) = match segment.find('[') {
            Some(open) => (&segment[..open], &segment[open..]),
            None => (segment, ""),
        };
        if key.is_empty() && indexes.is_empty() {
            return Err(format!("empty key in path \"{path}\""));
        }
        if !key.is_empty() {
            if key.contains(']') {
                return Err(format!("malformed path \"{path}\""));
            }
            parts.push(PathPart::Key(key.to_owned()));
        }
        while !indexes.is_empty() {
            let close = indexes
                .find(']')
                .ok_or_else(|| format!("unclosed '[' in path \"{path}\""))?;
            let index = indexes[1..close]
                .parse::<usize>()
                .map_err(|_| format!("index \"{}\" in path \"{path}\" is not a number", &indexes[1..close]))?;
            parts.push(PathPart::Index(index));
            indexes = &indexes[close + 1..];
            if !indexes.is_empty() && !indexes.starts_with('[') {
                return Err(format!("malformed path \"{path}\""));
            }
        }
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(name: &str) -> Option<usize> {
        ["Region", "url"].iter().position(|known| *known == name)
    }

    #[test]
    fn plain_and_escaped_text_is_one_literal() {
        assert!(matches!(parse("https://x", lookup), Ok(Expr::Str(text)) if text == "https://x"));
        assert!(matches!(parse("a{{b}}c", lookup), Ok(Expr::Str(text)) if text == "a{b}c"));
        assert!(matches!(parse("{{Region}}", lookup), Ok(Expr::Str(text)) if text == "{Region}"));
    }

    #[test]
    fn placeholders_are_references_and_paths() {
        let Ok(Expr::Template(parts)) = parse("https://{Region}.{url#authority}/x{{", lookup) else {
            panic!("expected a template");
        };
        assert_eq!(parts.len(), 5);
        assert!(matches!(&parts[1], TemplatePart::Dynamic(Expr::Ref(0))));
        assert!(matches!(&parts[2], TemplatePart::Literal(text) if text == "."));
        assert!(matches!(&parts[3], TemplatePart::Dynamic(Expr::GetAttr(target, path))
            if matches!(**target, Expr::Ref(1)) && path == &[PathPart::Key("authority".into())]));
        assert!(matches!(&parts[4], TemplatePart::Literal(text) if text == "/x{"));
    }

    #[test]
    fn malformed_templates_are_errors() {
        assert!(parse("{Region", lookup).is_err());
        assert!(parse("a}b", lookup).is_err());
        assert!(parse("{Nope}", lookup).unwrap_err().contains("Nope"));
        assert!(parse("{}", lookup).is_err());
        assert!(parse("{url#a[x]}", lookup).is_err());
    }

    #[test]
    fn paths_split_keys_and_indexes() {
        assert_eq!(
            parse_path("a.b[2]").unwrap(),
            [PathPart::Key("a".into()), PathPart::Key("b".into()), PathPart::Index(2)]
        );
        assert_eq!(parse_path("[0]").unwrap(), [PathPart::Index(0)]);
        assert_eq!(
            parse_path("a[1][2]").unwrap(),
            [PathPart::Key("a".into()), PathPart::Index(1), PathPart::Index(2)]
        );
        assert!(parse_path("a..b").is_err());
        assert!(parse_path("a[").is_err());
        assert!(parse_path("a[-1]").is_err());
        assert!(parse_path("a[1]b").is_err());
    }
}
