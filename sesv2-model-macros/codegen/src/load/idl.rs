//! Stage 1, IDL files: Smithy IDL 2.0 (and what 1.0 shares with it) to
//! [`IdlFile`]s, following the grammar of the spec's `idl.rst`, where spaces
//! and line breaks matter. Errors give the file, line and column and say
//! what was expected, in the words of Smithy's own loader.

use std::sync::Arc;

use serde_json::value::RawValue;

use super::lexer::{self, Kind, Position, Token};
use super::strings;
use super::syntax::{
    Apply, IdlFile, IdlVersion, MemberDefinition, Node, Reference, ShapeDefinition, TraitApplication,
};
use crate::error::Error;

const SIMPLE_TYPES: &[&str] = &[
    "blob",
    "boolean",
    "document",
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
];

/// Parses one `.smithy` file; `path` names it in messages.
pub(crate) fn parse(path: Arc<str>, text: &str) -> Result<IdlFile, Error> {
    let tokens = lexer::lex(text);
    let mut parser = Parser {
        text,
        tokens: &tokens.tokens,
        lex_error: tokens.error.as_deref(),
        index: 0,
        docs: None,
        file: IdlFile {
            path,
            version: IdlVersion::V1,
            metadata: Vec::new(),
            namespace: None,
            uses: Vec::new(),
            shapes: Vec::new(),
            applies: Vec::new(),
        },
        input_suffix: "Input".to_owned(),
        output_suffix: "Output".to_owned(),
    };
    parser.file_body()?;
    Ok(parser.file)
}

struct Parser<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lex_error: Option<&'a str>,
    index: usize,
    /// The documentation comment lines the last whitespace held.
    docs: Option<String>,
    file: IdlFile,
    input_suffix: String,
    output_suffix: String,
}

type Parsed<T> = Result<T, Error>;

impl<'a> Parser<'a> {
    // --- Tokens -----------------------------------------------------------

    fn peek(&self) -> Token {
        self.tokens[self.index.min(self.tokens.len() - 1)]
    }

    fn kind(&self) -> Kind {
        self.peek().kind
    }

    fn source(&self, token: Token) -> &'a str {
        &self.text[token.start as usize..token.end as usize]
    }

    fn bump(&mut self) -> Token {
        let token = self.peek();
        if token.kind != Kind::Eof && token.kind != Kind::Error {
            self.index += 1;
        }
        token
    }

    fn is_keyword(&self, word: &str) -> bool {
        self.kind() == Kind::Identifier && self.source(self.peek()) == word
    }

    /// An error at `position`, in this file.
    fn error_at(&self, position: Position, message: impl std::fmt::Display) -> Error {
        let place = match &*self.file.path {
            "" => position.to_string(),
            path => format!("{path}:{position}"),
        };
        Error::model(format!("{place}: {message}")).at(
            &self.file.path,
            position.line,
            position.column,
        )
    }

    /// The error for the token at hand, or the lexer's when it could not
    /// read the text there.
    fn error(&self, message: impl std::fmt::Display) -> Error {
        let token = self.peek();
        match (token.kind, self.lex_error) {
            (Kind::Error, Some(lex_error)) => self.error_at(token.position, lex_error),
            _ => self.error_at(token.position, message),
        }
    }

    /// How the token at hand is named in messages: `IDENTIFIER('apply')`.
    fn found(&self) -> String {
        let token = self.peek();
        match token.kind {
            Kind::Eof => "EOF".to_owned(),
            Kind::Error => "an invalid token".to_owned(),
            kind => {
                let name = kind.name();
                let name = name.split('(').next().unwrap_or(name);
                let text = self.source(token).escape_debug().to_string().replace('\'', "\\'");
                format!("{name}('{text}')")
            }
        }
    }

    fn expected(&self, what: &str) -> Error {
        self.error(format!("Expected {what} but found {}", self.found()))
    }

    /// An identifier's text.
    fn identifier(&mut self) -> Parsed<&'a str> {
        let token = self.expect(Kind::Identifier)?;
        Ok(self.source(token))
    }

    fn expect(&mut self, kind: Kind) -> Parsed<Token> {
        if self.kind() == kind {
            Ok(self.bump())
        } else {
            Err(self.expected(kind.name()))
        }
    }

    // --- Whitespace -------------------------------------------------------

    /// `[WS]`: spaces, line breaks, commas and comments; remembers the
    /// documentation comment lines among them.
    fn ws(&mut self) {
        if !self.kind().is_whitespace() {
            return;
        }
        self.docs = None;
        while self.kind().is_whitespace() {
            let token = self.bump();
            match token.kind {
                Kind::DocComment if self.starts_line(self.index - 1) => {
                    let line = self.source(token).trim_end_matches(['\n', '\r']);
                    let line = line[3..].strip_prefix(' ').unwrap_or(&line[3..]);
                    match &mut self.docs {
                        Some(docs) => {
                            docs.push('\n');
                            docs.push_str(line);
                        }
                        None => self.docs = Some(line.to_owned()),
                    }
                }
                Kind::Comment | Kind::DocComment => self.docs = None,
                _ => {}
            }
        }
    }

    /// Whether only spaces come before the token at `index` on its line.
    fn starts_line(&self, index: usize) -> bool {
        let mut before = index;
        while before > 0 {
            before -= 1;
            match self.tokens[before].kind {
                Kind::Space => {}
                Kind::Newline | Kind::Comment | Kind::DocComment => return true,
                _ => return false,
            }
        }
        true
    }

    /// `WS`: at least one whitespace token.
    fn required_ws(&mut self) -> Parsed<()> {
        if !self.kind().is_whitespace() {
            return Err(self.error(format!(
                "Expected one or more whitespace characters, but found {}",
                self.found()
            )));
        }
        self.ws();
        Ok(())
    }

    /// `[SP]`
    fn sp(&mut self) {
        while self.kind() == Kind::Space {
            self.bump();
        }
    }

    /// `SP`
    fn required_sp(&mut self) -> Parsed<()> {
        self.expect(Kind::Space)?;
        Ok(())
    }

    /// `BR`: a line break (or the end of the file), then any whitespace.
    fn br(&mut self) -> Parsed<()> {
        self.sp();
        match self.kind() {
            Kind::Newline | Kind::Comment | Kind::DocComment | Kind::Eof => {
                self.ws();
                Ok(())
            }
            _ => Err(self.error(format!("Expected a line break, but found {}", self.found()))),
        }
    }

    // --- The file ---------------------------------------------------------

    fn file_body(&mut self) -> Parsed<()> {
        self.ws();
        self.control_section()?;
        self.metadata_section()?;
        if self.kind() == Kind::Eof {
            return Ok(());
        }
        if !self.is_keyword("namespace") {
            return Err(self.expected("a namespace definition"));
        }
        self.bump();
        self.required_sp()?;
        let namespace = self.namespace()?;
        self.file.namespace = Some(namespace);
        self.br()?;
        while self.is_keyword("use") {
            self.use_statement()?;
        }
        while self.kind() != Kind::Eof {
            self.shape_or_apply()?;
        }
        Ok(())
    }

    fn control_section(&mut self) -> Parsed<()> {
        let mut version_seen = false;
        while self.kind() == Kind::Dollar {
            self.bump();
            let key = self.object_key("one of IDENTIFIER, STRING('\"')")?;
            self.sp();
            self.expect(Kind::Colon)?;
            self.sp();
            let value_position = self.peek().position;
            let value = self.node_value()?;
            match key.as_str() {
                "version" => {
                    if version_seen {
                        return Err(self.error_at(value_position, "Duplicate control statement `version`"));
                    }
                    version_seen = true;
                    // Smithy's loader reports a bad version where the value ends.
                    self.file.version = self.version(&value, self.peek().position)?;
                }
                "operationInputSuffix" | "operationOutputSuffix" => {
                    let Node::String(suffix) = value else {
                        return Err(self.error_at(
                            value_position,
                            format!("The ${key} control statement must have a string value, but found {}", value.describe()),
                        ));
                    };
                    if key == "operationInputSuffix" {
                        self.input_suffix = suffix;
                    } else {
                        self.output_suffix = suffix;
                    }
                }
                // Unknown control statements are ignored, as the spec says.
                _ => {}
            }
            self.br()?;
        }
        Ok(())
    }

    fn version(&self, value: &Node, position: Position) -> Parsed<IdlVersion> {
        let Node::String(version) = value else {
            return Err(self.error_at(
                position,
                format!("The $version control statement must have a string value, but found {}", value.describe()),
            ));
        };
        let (major, minor) = version.split_once('.').unwrap_or((version, "0"));
        let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
        match major {
            "1" | "2" if digits(minor) => Ok(if major == "1" { IdlVersion::V1 } else { IdlVersion::V2 }),
            _ => Err(self.error_at(
                position,
                format!("Unsupported Smithy version number: {version}; this reader supports IDL 1.0 and 2.x"),
            )),
        }
    }

    fn metadata_section(&mut self) -> Parsed<()> {
        while self.is_keyword("metadata") {
            let position = self.bump().position;
            self.required_sp()?;
            let key = self.object_key("one of IDENTIFIER, STRING('\"')")?;
            self.sp();
            self.expect(Kind::Equal)?;
            self.sp();
            let value = self.node_value()?;
            self.file.metadata.push((key, value, position));
            self.br()?;
        }
        Ok(())
    }

    fn namespace(&mut self) -> Parsed<String> {
        let mut namespace = self.identifier()?.to_owned();
        while self.kind() == Kind::Dot {
            self.bump();
            namespace.push('.');
            namespace.push_str(self.identifier()?);
        }
        Ok(namespace)
    }

    fn use_statement(&mut self) -> Parsed<()> {
        self.bump();
        self.required_sp()?;
        let position = self.peek().position;
        let mut id = self.namespace()?;
        self.expect(Kind::Pound)?;
        id.push('#');
        id.push_str(self.identifier()?);
        if self.kind() == Kind::Dollar {
            return Err(self.error(format!("Use statements cannot use members: `use {id}$...`")));
        }
        self.file.uses.push(Reference { text: id, position });
        self.br()
    }

    // --- Shape ids and traits ---------------------------------------------

    /// A shape id, absolute or relative, with an optional member.
    fn shape_id(&mut self) -> Parsed<Reference> {
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
    fn traits(&mut self) -> Parsed<Vec<TraitApplication>> {
        let mut traits = Vec::new();
        while self.kind() == Kind::At {
            traits.push(self.trait_application()?);
            self.ws();
        }
        Ok(traits)
    }

    /// `Trait`: `@id` and its optional body, without the whitespace after
    /// it (a singular `apply` ends its statement there).
    fn trait_application(&mut self) -> Parsed<TraitApplication> {
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

    fn node_value(&mut self) -> Parsed<Node> {
        let token = self.peek();
        match token.kind {
            Kind::LBracket => {
                self.bump();
                self.ws();
                let mut items = Vec::new();
                while self.kind() != Kind::RBracket {
                    items.push(self.node_value()?);
                    self.ws();
                }
                self.bump();
                Ok(Node::Array(items))
            }
            Kind::LBrace => {
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

    /// `NodeObjectKey`: an identifier or a quoted string.
    fn object_key(&mut self, expected: &str) -> Parsed<String> {
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

    // --- Shapes -----------------------------------------------------------

    fn shape_or_apply(&mut self) -> Parsed<()> {
        let docs = self.docs.take();
        let mut traits = self.traits()?;
        let keyword = self.peek();
        if keyword.kind != Kind::Identifier {
            return Err(self.expected(Kind::Identifier.name()));
        }
        let word = self.source(keyword);
        if word == "apply" {
            if !traits.is_empty() {
                return Err(self.error("Traits applied to apply statement"));
            }
            self.apply()?;
            return self.br();
        }
        if let Some(docs) = docs {
            traits.insert(0, documentation(docs, keyword.position));
        }
        let kind = self.shape_kind(word)?;
        self.bump();
        self.required_sp()?;
        let name_token = self.expect(Kind::Identifier)?;
        let mut shape = ShapeDefinition {
            name: self.source(name_token).to_owned(),
            position: name_token.position,
            kind,
            traits,
            mixins: Vec::new(),
            for_resource: None,
            members: Vec::new(),
            properties: Vec::new(),
        };
        match kind {
            "enum" | "intEnum" => {
                self.mixins(&mut shape)?;
                self.ws();
                self.enum_members(&mut shape)?;
            }
            "list" | "set" | "map" | "structure" | "union" => {
                self.for_resource(&mut shape)?;
                self.mixins(&mut shape)?;
                self.ws();
                self.members(&mut shape)?;
            }
            "service" | "resource" => {
                self.mixins(&mut shape)?;
                self.ws();
                let position = self.peek().position;
                if self.kind() != Kind::LBrace {
                    return Err(self.expected(Kind::LBrace.name()));
                }
                let Node::Object(properties) = self.node_value()? else {
                    return Err(self.error_at(position, "expected the shape's properties as an object"));
                };
                shape.properties = properties.into_iter().map(|(key, value)| (key, value, position)).collect();
            }
            "operation" => {
                self.mixins(&mut shape)?;
                self.ws();
                self.operation_body(&mut shape)?;
            }
            _ => self.mixins(&mut shape)?,
        }
        self.file.shapes.push(shape);
        self.br()
    }

    /// The JSON AST type a shape keyword defines; versions decide some.
    fn shape_kind(&self, word: &str) -> Parsed<&'static str> {
        let v2 = self.file.version == IdlVersion::V2;
        let kind = match word {
            "enum" | "intEnum" if !v2 => {
                return Err(self.error(format!("{word} shapes cannot be used in Smithy version 1.0")));
            }
            "set" if v2 => {
                return Err(self.error(
                    "set shapes cannot be used in Smithy version 2.0; use a list with the @uniqueItems trait",
                ));
            }
            "enum" => "enum",
            "intEnum" => "intEnum",
            "set" => "set",
            "list" => "list",
            "map" => "map",
            "structure" => "structure",
            "union" => "union",
            "service" => "service",
            "resource" => "resource",
            "operation" => "operation",
            _ => match SIMPLE_TYPES.iter().find(|simple| **simple == word) {
                Some(simple) => simple,
                None => return Err(self.error(format!("Unknown shape type: {word}"))),
            },
        };
        Ok(kind)
    }

    /// `[Mixins]`: `with [A, B]` on the shape's line.
    fn mixins(&mut self, shape: &mut ShapeDefinition) -> Parsed<()> {
        let start = self.index;
        self.sp();
        if !self.is_keyword("with") {
            self.index = start;
            return Ok(());
        }
        if self.file.version != IdlVersion::V2 {
            return Err(self.error(
                "Mixins can only be used with Smithy version 2 or later. Attempted to use mixins with version `1.0`.",
            ));
        }
        self.bump();
        self.ws();
        self.expect(Kind::LBracket)?;
        self.ws();
        if self.kind() == Kind::RBracket {
            return Err(self.expected(Kind::Identifier.name()));
        }
        while self.kind() != Kind::RBracket {
            shape.mixins.push(self.shape_id()?);
            self.ws();
        }
        self.bump();
        Ok(())
    }

    /// `[ForResource]`: `for Resource`.
    fn for_resource(&mut self, shape: &mut ShapeDefinition) -> Parsed<()> {
        let start = self.index;
        self.sp();
        if !self.is_keyword("for") {
            self.index = start;
            return Ok(());
        }
        if self.file.version != IdlVersion::V2 {
            return Err(self.error("Structures can only be bound to resources with Smithy version 2 or later."));
        }
        self.bump();
        self.required_sp()?;
        shape.for_resource = Some(self.shape_id()?);
        Ok(())
    }

    /// `ShapeMembers`
    fn members(&mut self, shape: &mut ShapeDefinition) -> Parsed<()> {
        self.expect(Kind::LBrace)?;
        self.ws();
        while self.kind() != Kind::RBrace {
            let docs = self.docs.take();
            let mut traits = self.traits()?;
            let position = self.peek().position;
            if let Some(docs) = docs {
                traits.insert(0, documentation(docs, position));
            }
            let (name, target) = if self.kind() == Kind::Dollar {
                if self.file.version != IdlVersion::V2 {
                    return Err(self.error("Members can only elide targets in IDL version 2 or later"));
                }
                self.bump();
                (self.identifier()?.to_owned(), None)
            } else {
                let name = self.identifier()?.to_owned();
                self.sp();
                if self.kind() == Kind::Walrus {
                    return Err(self.expected(Kind::Colon.name()));
                }
                self.expect(Kind::Colon)?;
                self.sp();
                (name, Some(self.shape_id()?))
            };
            if let Some(value) = self.value_assignment("@default")? {
                traits.push(TraitApplication {
                    id: prelude_reference("default", position),
                    value: Some(value),
                });
            }
            self.push_member(shape, name, position, target, traits)?;
            self.ws();
        }
        self.bump();
        Ok(())
    }

    fn enum_members(&mut self, shape: &mut ShapeDefinition) -> Parsed<()> {
        self.expect(Kind::LBrace)?;
        self.ws();
        while self.kind() != Kind::RBrace {
            let docs = self.docs.take();
            let mut traits = self.traits()?;
            let name_token = self.expect(Kind::Identifier)?;
            if let Some(docs) = docs {
                traits.insert(0, documentation(docs, name_token.position));
            }
            if let Some(value) = self.value_assignment("an enum value")? {
                traits.push(TraitApplication {
                    id: prelude_reference("enumValue", name_token.position),
                    value: Some(value),
                });
            }
            let name = self.source(name_token).to_owned();
            let unit = Some(prelude_reference("Unit", name_token.position));
            self.push_member(shape, name, name_token.position, unit, traits)?;
            self.ws();
        }
        if shape.members.is_empty() && shape.mixins.is_empty() {
            return Err(self.error(format!("{} shapes must have at least one member", shape.kind)));
        }
        self.bump();
        Ok(())
    }

    fn push_member(
        &mut self,
        shape: &mut ShapeDefinition,
        name: String,
        position: Position,
        target: Option<Reference>,
        traits: Vec<TraitApplication>,
    ) -> Parsed<()> {
        if shape.members.iter().any(|member| member.name == name) {
            return Err(self.error_at(position, format!("Found conflicting member name, `{name}`")));
        }
        shape.members.push(MemberDefinition {
            name,
            position,
            target,
            traits,
        });
        Ok(())
    }

    /// `[ValueAssignment]`: ` = value`, then a line break.
    fn value_assignment(&mut self, what: &str) -> Parsed<Option<Node>> {
        let start = self.index;
        self.sp();
        if self.kind() != Kind::Equal {
            self.index = start;
            return Ok(None);
        }
        if self.file.version != IdlVersion::V2 {
            return Err(self.error(format!("{what} assignment is only supported in IDL version 2 or later")));
        }
        self.bump();
        self.sp();
        let value = self.node_value()?;
        self.sp();
        if self.kind() == Kind::Comma {
            self.bump();
        }
        self.br()?;
        Ok(Some(value))
    }

    /// `OperationBody`: `input`, `output` and `errors`, in any order.
    fn operation_body(&mut self, shape: &mut ShapeDefinition) -> Parsed<()> {
        self.expect(Kind::LBrace)?;
        self.ws();
        while self.kind() != Kind::RBrace {
            let token = self.expect(Kind::Identifier)?;
            let property = self.source(token);
            if shape.properties.iter().any(|(name, _, _)| name == property) {
                return Err(self.error_at(token.position, format!("the operation defines `{property}` twice")));
            }
            self.ws();
            let value = match property {
                "input" | "output" if self.kind() == Kind::Walrus => {
                    Node::ShapeId(self.inline_structure(shape, property, token.position)?)
                }
                "input" | "output" => {
                    self.expect(Kind::Colon)?;
                    self.ws();
                    Node::ShapeId(self.shape_id()?)
                }
                "errors" => {
                    self.expect(Kind::Colon)?;
                    self.ws();
                    self.expect(Kind::LBracket)?;
                    self.ws();
                    let mut errors = Vec::new();
                    while self.kind() != Kind::RBracket {
                        errors.push(Node::ShapeId(self.shape_id()?));
                        self.ws();
                    }
                    self.bump();
                    Node::Array(errors)
                }
                _ => {
                    return Err(self.error_at(
                        token.position,
                        format!("Expected one of `input`, `output` or `errors` but found `{property}`"),
                    ));
                }
            };
            shape.properties.push((property.to_owned(), value, token.position));
            if self.kind() != Kind::RBrace {
                self.required_ws()?;
            }
        }
        self.bump();
        Ok(())
    }

    /// `input := ...`: a structure of its own, named after the operation.
    fn inline_structure(&mut self, operation: &ShapeDefinition, property: &str, position: Position) -> Parsed<Reference> {
        if self.file.version != IdlVersion::V2 {
            return Err(self.error(
                "Inlined operation inputs and outputs can only be used with Smithy version 2 or later. \
                 Attempted to use inlined IO with version `1.0`.",
            ));
        }
        self.bump();
        self.ws();
        let docs = self.docs.take();
        let mut traits = self.traits()?;
        if let Some(docs) = docs {
            traits.insert(0, documentation(docs, position));
        }
        let suffix = if property == "input" {
            &self.input_suffix
        } else {
            &self.output_suffix
        };
        let name = format!("{}{suffix}", operation.name);
        traits.push(TraitApplication {
            id: prelude_reference(property, position),
            value: None,
        });
        let mut shape = ShapeDefinition {
            name: name.clone(),
            position,
            kind: "structure",
            traits,
            mixins: Vec::new(),
            for_resource: None,
            members: Vec::new(),
            properties: Vec::new(),
        };
        self.for_resource(&mut shape)?;
        self.mixins(&mut shape)?;
        self.ws();
        self.members(&mut shape)?;
        self.file.shapes.push(shape);
        let namespace = self.file.namespace.clone().unwrap_or_default();
        Ok(Reference {
            text: format!("{namespace}#{name}"),
            position,
        })
    }

    fn apply(&mut self) -> Parsed<()> {
        self.bump();
        self.required_sp()?;
        let target = self.shape_id()?;
        self.required_ws()?;
        let traits = if self.kind() == Kind::LBrace {
            self.bump();
            self.ws();
            let traits = self.traits()?;
            self.expect(Kind::RBrace)?;
            traits
        } else {
            vec![self.trait_application()?]
        };
        self.file.applies.push(Apply { target, traits });
        Ok(())
    }
}

fn prelude_reference(name: &str, position: Position) -> Reference {
    Reference {
        text: format!("smithy.api#{name}"),
        position,
    }
}

fn documentation(docs: String, position: Position) -> TraitApplication {
    TraitApplication {
        id: prelude_reference("documentation", position),
        value: Some(Node::String(docs)),
    }
}
