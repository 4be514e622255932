//! The parser's view of the tokens: looking ahead, the grammar's kinds of
//! whitespace, and errors that say what was expected and what was found.

use super::lexer::{Kind, Position, Token};
use super::{Parsed, Parser};
use crate::error::Error;

impl<'a> Parser<'a> {
    /// The token at hand; `bump` never moves past the last one, `Eof` or
    /// `Error`.
    pub(super) fn peek(&self) -> Token {
        self.tokens[self.index]
    }

    pub(super) fn kind(&self) -> Kind {
        self.tokens[self.index].kind
    }

    pub(super) fn source(&self, token: Token) -> &'a str {
        &self.text[token.start as usize..token.end as usize]
    }

    pub(super) fn bump(&mut self) -> Token {
        let token = self.peek();
        if token.kind != Kind::Eof && token.kind != Kind::Error {
            self.index += 1;
        }
        token
    }

    pub(super) fn is_keyword(&self, word: &str) -> bool {
        self.kind() == Kind::Identifier && self.source(self.peek()) == word
    }

    /// An error at `position`, in this file.
    pub(super) fn error_at(&self, position: Position, message: impl std::fmt::Display) -> Error {
        Error::in_file(&self.file.path, Some(position), message)
    }

    /// The error for the token at hand, or the lexer's when it could not
    /// read the text there.
    pub(super) fn error(&self, message: impl std::fmt::Display) -> Error {
        let token = self.peek();
        match (token.kind, self.lex_error) {
            (Kind::Error, Some(lex_error)) => self.error_at(token.position, lex_error),
            _ => self.error_at(token.position, message),
        }
    }

    /// How the token at hand is named in messages: `IDENTIFIER('apply')`.
    pub(super) fn found(&self) -> String {
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

    pub(super) fn expected(&self, what: &str) -> Error {
        self.error(format!("Expected {what} but found {}", self.found()))
    }

    /// An identifier's text.
    pub(super) fn identifier(&mut self) -> Parsed<&'a str> {
        let token = self.expect(Kind::Identifier)?;
        Ok(self.source(token))
    }

    pub(super) fn expect(&mut self, kind: Kind) -> Parsed<Token> {
        if self.kind() == kind {
            Ok(self.bump())
        } else {
            Err(self.expected(kind.name()))
        }
    }

    // --- Whitespace -------------------------------------------------------

    /// `[WS]`: spaces, line breaks, commas and comments; remembers the
    /// documentation comment lines among them.
    pub(super) fn ws(&mut self) {
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
    pub(super) fn required_ws(&mut self) -> Parsed<()> {
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
    pub(super) fn sp(&mut self) {
        while self.kind() == Kind::Space {
            self.bump();
        }
    }

    /// `SP`
    pub(super) fn required_sp(&mut self) -> Parsed<()> {
        self.expect(Kind::Space)?;
        Ok(())
    }

    /// `BR`: a line break (or the end of the file), then any whitespace.
    pub(super) fn br(&mut self) -> Parsed<()> {
        self.sp();
        match self.kind() {
            Kind::Newline | Kind::Comment | Kind::DocComment | Kind::Eof => {
                self.ws();
                Ok(())
            }
            _ => Err(self.error(format!("Expected a line break, but found {}", self.found()))),
        }
    }
}
