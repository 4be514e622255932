//! Stage 1, IDL files: Smithy IDL 2.0 (and what 1.0 shares with it) to
//! [`IdlFile`]s, following the grammar of the spec's `idl.rst`, where spaces
//! and line breaks matter. Errors give the file, line and column and say
//! what was expected, in the words of Smithy's own loader.

mod cursor;
mod lexer;
mod nodes;
mod shapes;
mod strings;

use std::sync::Arc;

pub(crate) use lexer::Position;

use super::syntax::{IdlFile, IdlVersion};
use crate::error::Error;
use crate::node::{Node, Reference};
use lexer::{Kind, Token};

/// Parses one `.smithy` file; `path` names it in messages.
pub(crate) fn parse(path: Arc<str>, text: &str) -> Result<IdlFile, Error> {
    let tokens = lexer::lex(text);
    let mut parser = Parser {
        text,
        tokens: &tokens.tokens,
        lex_error: tokens.error.as_deref(),
        index: 0,
        docs: None,
        depth: 0,
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
    /// How many arrays and objects the node value at hand is inside.
    depth: usize,
    file: IdlFile,
    input_suffix: String,
    output_suffix: String,
}

type Parsed<T> = Result<T, Error>;

impl<'a> Parser<'a> {
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
                            format!(
                                "The ${key} control statement must have a string value, but found {}",
                                value.describe()
                            ),
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
                format!(
                    "The $version control statement must have a string value, but found {}",
                    value.describe()
                ),
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
}
