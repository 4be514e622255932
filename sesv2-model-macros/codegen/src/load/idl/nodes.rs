//! Shape ids, traits and node values: the IDL's JSON with comments,
//! unquoted keys and strings, text blocks, and shape ids left to resolve.

use serde_json::value::RawValue;

use super::lexer::Kind;
use super::strings;
use super::{Parsed, Parser};
use crate::load::syntax::TraitApplication;
use crate::node::{Node, Reference};

/// How deep arrays and objects may nest in a node value. JSON AST readers
/// stop at 128 (`serde_json`'s limit); a trait value sits a few levels
/// into a JSON AST document, so that printed with `--ast` it still reads.
pub(super) const MAX_NODE_DEPTH: usize = 100;

impl<'a> Parser<'a> {
    /// A shape id, absolute or relative, with an optional member.
    pub(super) fn shape_id(&mut self) -> Parsed<Reference> {
        let position = self.peek().position;
        let mut text = self.namespace()?;
        if self.kind() == Kind::Pound {
            self.bump();
            text.push('#');
            text.push_str(self.identifier()?);
        }
        if self.kind() == Kind::Dollar {
            self.bump();
            text.push('$');
            text.push_str(self.identifier()?);
        }
        Ok(Reference { text, position })
    }

    /// `TraitStatements`
    pub(super) fn traits(&mut self) -> Parsed<Vec<TraitApplication>> {
        let mut traits = Vec::new();
        while self.kind() == Kind::At {
            traits.push(self.trait_application()?);
            self.ws();
        }
        Ok(traits)
    }

    /// `Trait`: `@id` and its optional body, without the whitespace after
    /// it (a singular `apply` ends its statement there).
    pub(super) fn trait_application(&mut self) -> Parsed<TraitApplication> {
        self.expect(Kind::At)?;
        let id = self.shape_id()?;
        let value = if self.kind() == Kind::LParen {
            self.bump();
            self.ws();
            let value = self.trait_body()?;
            self.expect(Kind::RParen)?;
            value
        } else {
            None
        };
        Ok(TraitApplication { id, value })
    }

    /// What is inside a trait's parentheses: nothing, key-value pairs, or
    /// one node value.
    fn trait_body(&mut self) -> Parsed<Option<Node>> {
        if self.kind() == Kind::RParen {
            return Ok(None);
        }
        if matches!(self.kind(), Kind::Identifier | Kind::String) && self.colon_follows() {
            let mut entries = Vec::new();
            while self.kind() != Kind::RParen {
                entries.push(self.key_value("one of IDENTIFIER, STRING('\"')")?);
                self.ws();
            }
            return Ok(Some(Node::Object(entries)));
        }
        let value = self.node_value()?;
        self.ws();
        Ok(Some(value))
    }

    /// Whether the token at hand is an object key: a colon follows it.
    fn colon_follows(&self) -> bool {
        self.tokens[self.index + 1..]
            .iter()
            .find(|token| !token.kind.is_whitespace())
            .is_some_and(|token| token.kind == Kind::Colon)
    }

    // --- Node values ------------------------------------------------------

    pub(super) fn node_value(&mut self) -> Parsed<Node> {
        let token = self.peek();
        match token.kind {
            Kind::LBracket => {
                self.enter_node()?;
                self.bump();
                self.ws();
                let mut items = Vec::new();
                while self.kind() != Kind::RBracket {
                    items.push(self.node_value()?);
                    self.ws();
                }
                self.bump();
                self.depth -= 1;
                Ok(Node::Array(items))
            }
            Kind::LBrace => {
                self.enter_node()?;
                self.bump();
                self.ws();
                let mut entries = Vec::new();
                while self.kind() != Kind::RBrace {
                    if !entries.is_empty() && !self.tokens[self.index - 1].kind.is_whitespace() {
                        return Err(self.error(format!(
                            "Expected one or more whitespace characters, but found {}",
                            self.found()
                        )));
                    }
                    entries.push(self.key_value("one of RBRACE('}'), STRING('\"'), IDENTIFIER;")?);
                    self.ws();
                }
                self.bump();
                self.depth -= 1;
                Ok(Node::Object(entries))
            }
            Kind::Number => {
                self.bump();
                let text = self.source(token);
                RawValue::from_string(text.to_owned())
                    .map(Node::Number)
                    .map_err(|_| self.error_at(token.position, format!("Invalid number '{text}'")))
            }
            Kind::String => {
                self.bump();
                strings::quoted(self.source(token))
                    .map(Node::String)
                    .map_err(|message| self.error_at(token.position, message))
            }
            Kind::TextBlock => {
                self.bump();
                strings::text_block(self.source(token))
                    .map(Node::String)
                    .map_err(|message| self.error_at(token.position, message))
            }
            Kind::Identifier => {
                let keyword = match self.source(token) {
                    "true" => Some(Node::Bool(true)),
                    "false" => Some(Node::Bool(false)),
                    "null" => Some(Node::Null),
                    _ => None,
                };
                let next = self.tokens.get(self.index + 1).map(|token| token.kind);
                match keyword {
                    Some(node) if !matches!(next, Some(Kind::Dot | Kind::Pound | Kind::Dollar)) => {
                        self.bump();
                        Ok(node)
                    }
                    _ => self.shape_id().map(Node::ShapeId),
                }
            }
            _ => Err(self.expected(
                "one of STRING('\"'), TEXT_BLOCK('\"\"\"'), NUMBER, IDENTIFIER, LBRACE('{'), LBRACKET('[');",
            )),
        }
    }

    /// One array or object deeper; an error past [`MAX_NODE_DEPTH`], which
    /// keeps the parser's recursion (and every later walk of the value) far
    /// from the end of the stack.
    fn enter_node(&mut self) -> Parsed<()> {
        self.depth += 1;
        if self.depth > MAX_NODE_DEPTH {
            return Err(self.error(format!(
                "node values may nest at most {MAX_NODE_DEPTH} arrays and objects deep; flatten this value"
            )));
        }
        Ok(())
    }

    /// `NodeObjectKey`: an identifier or a quoted string.
    pub(super) fn object_key(&mut self, expected: &str) -> Parsed<String> {
        let token = self.peek();
        match token.kind {
            Kind::Identifier => {
                self.bump();
                Ok(self.source(token).to_owned())
            }
            Kind::String => {
                self.bump();
                strings::quoted(self.source(token)).map_err(|message| self.error_at(token.position, message))
            }
            _ => Err(self.expected(expected)),
        }
    }

    /// `NodeObjectKvp`
    fn key_value(&mut self, expected_key: &str) -> Parsed<(String, Node)> {
        let key = self.object_key(expected_key)?;
        self.ws();
        if self.kind() == Kind::Walrus {
            return Err(self.expected(Kind::Colon.name()));
        }
        self.expect(Kind::Colon)?;
        self.ws();
        Ok((key, self.node_value()?))
    }
}
