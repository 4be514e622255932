//! The IDL's tokens, whitespace included: the grammar cares where spaces and
//! line breaks are, so the parser sees them.

use std::fmt;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Identifier,
    /// A quoted string, escapes not yet decoded.
    String,
    TextBlock,
    Number,
    /// Spaces and tabs.
    Space,
    Newline,
    Comment,
    DocComment,
    Comma,
    Colon,
    /// `:=`
    Walrus,
    Equal,
    At,
    Dollar,
    Dot,
    Pound,
    LParen,
    RParen,
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Eof,
    /// Text no token starts with; the lexer's message says why.
    Error,
}

impl Kind {
    /// How messages name the kind, as Smithy's own loader does.
    pub(super) fn name(self) -> &'static str {
        match self {
            Kind::Identifier => "IDENTIFIER",
            Kind::String => "STRING('\"')",
            Kind::TextBlock => "TEXT_BLOCK('\"\"\"')",
            Kind::Number => "NUMBER",
            Kind::Space => "SPACE(' ')",
            Kind::Newline => "NEWLINE('\\n')",
            Kind::Comment | Kind::DocComment => "COMMENT",
            Kind::Comma => "COMMA(',')",
            Kind::Colon => "COLON(':')",
            Kind::Walrus => "WALRUS(':=')",
            Kind::Equal => "EQUAL('=')",
            Kind::At => "AT('@')",
            Kind::Dollar => "DOLLAR('$')",
            Kind::Dot => "DOT('.')",
            Kind::Pound => "POUND('#')",
            Kind::LParen => "LPAREN('(')",
            Kind::RParen => "RPAREN(')')",
            Kind::LBrace => "LBRACE('{')",
            Kind::RBrace => "RBRACE('}')",
            Kind::LBracket => "LBRACKET('[')",
            Kind::RBracket => "RBRACKET(']')",
            Kind::Eof => "EOF",
            Kind::Error => "an invalid token",
        }
    }

    /// Whitespace in the grammar's `WS`: spaces, line breaks, comments, commas.
    pub(super) fn is_whitespace(self) -> bool {
        matches!(
            self,
            Kind::Space | Kind::Newline | Kind::Comment | Kind::DocComment | Kind::Comma
        )
    }
}

/// Where a token starts: 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Position {
    pub line: u32,
    pub column: u32,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub kind: Kind,
    pub start: u32,
    pub end: u32,
    pub position: Position,
}

/// The tokens of one file, ending with `Eof` or, where the text stops being
/// lexable, an `Error` token and its message.
pub(super) struct Tokens {
    pub tokens: Vec<Token>,
    pub error: Option<String>,
}

/// Splits `text` into tokens. Lexing stops at the first error, which the
/// parser reports only if it gets that far, so that an earlier syntax error
/// is the one reported.
pub(super) fn lex(text: &str) -> Tokens {
    let mut lexer = Lexer {
        bytes: text.as_bytes(),
        offset: 0,
        position: Position { line: 1, column: 1 },
        tokens: Vec::with_capacity(text.len() / 4),
    };
    let error = lexer.run().err();
    Tokens {
        tokens: lexer.tokens,
        error,
    }
}

struct Lexer<'a> {
    bytes: &'a [u8],
    offset: usize,
    position: Position,
    tokens: Vec<Token>,
}

impl Lexer<'_> {
    fn run(&mut self) -> Result<(), String> {
        loop {
            let start = self.offset;
            let position = self.position;
            let kind = match self.next_kind() {
                Ok(kind) => kind,
                Err((message, at)) => {
                    self.tokens.push(Token {
                        kind: Kind::Error,
                        start: start as u32,
                        end: self.offset as u32,
                        position: at.unwrap_or(position),
                    });
                    return Err(message);
                }
            };
            self.tokens.push(Token {
                kind,
                start: start as u32,
                end: self.offset as u32,
                position,
            });
            if kind == Kind::Eof {
                return Ok(());
            }
        }
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.offset + ahead).copied()
    }

    /// Moves past `count` bytes, keeping the line and column.
    fn advance(&mut self, count: usize) {
        let end = (self.offset + count).min(self.bytes.len());
        for &byte in &self.bytes[self.offset..end] {
            if byte == b'\n' {
                self.position.line += 1;
                self.position.column = 1;
            } else if byte & 0xC0 != 0x80 {
                // Continuation bytes do not start a character.
                self.position.column += 1;
            }
        }
        self.offset = end;
    }

    fn advance_while(&mut self, keep: impl Fn(u8) -> bool) {
        let mut count = 0;
        while self.peek(count).is_some_and(&keep) {
            count += 1;
        }
        self.advance(count);
    }

    /// Lexes one token; an error carries where it is reported when that is
    /// not the token's start (an unclosed string is reported at the end).
    fn next_kind(&mut self) -> Result<Kind, (String, Option<Position>)> {
        let Some(byte) = self.peek(0) else {
            return Ok(Kind::Eof);
        };
        let single = |lexer: &mut Self, kind| {
            lexer.advance(1);
            Ok(kind)
        };
        match byte {
            b' ' | b'\t' => {
                self.advance_while(|b| b == b' ' || b == b'\t');
                Ok(Kind::Space)
            }
            b'\n' => single(self, Kind::Newline),
            b'\r' if self.peek(1) == Some(b'\n') => {
                self.advance(2);
                Ok(Kind::Newline)
            }
            b'/' if self.peek(1) == Some(b'/') => {
                let doc = self.peek(2) == Some(b'/');
                self.advance_while(|b| b != b'\n');
                self.advance(1);
                Ok(if doc { Kind::DocComment } else { Kind::Comment })
            }
            b',' => single(self, Kind::Comma),
            b':' if self.peek(1) == Some(b'=') => {
                self.advance(2);
                Ok(Kind::Walrus)
            }
            b':' => single(self, Kind::Colon),
            b'=' => single(self, Kind::Equal),
            b'@' => single(self, Kind::At),
            b'$' => single(self, Kind::Dollar),
            b'.' => single(self, Kind::Dot),
            b'#' => single(self, Kind::Pound),
            b'(' => single(self, Kind::LParen),
            b')' => single(self, Kind::RParen),
            b'{' => single(self, Kind::LBrace),
            b'}' => single(self, Kind::RBrace),
            b'[' => single(self, Kind::LBracket),
            b']' => single(self, Kind::RBracket),
            b'"' if self.peek(1) == Some(b'"') && self.peek(2) == Some(b'"') => {
                self.advance(3);
                self.quoted(true)?;
                Ok(Kind::TextBlock)
            }
            b'"' => {
                self.advance(1);
                self.quoted(false)?;
                Ok(Kind::String)
            }
            b'-' | b'0'..=b'9' => self.number().map(|()| Kind::Number).map_err(|message| (message, None)),
            b'_' | b'a'..=b'z' | b'A'..=b'Z' => self.identifier(),
            _ => {
                let character = std::str::from_utf8(&self.bytes[self.offset..])
                    .ok()
                    .and_then(|rest| rest.chars().next())
                    .map_or_else(|| format!("byte 0x{byte:02x}"), |c| format!("'{c}'"));
                Err((format!("Unexpected character: {character}"), None))
            }
        }
    }

    /// The rest of a quoted string or text block, after its opening quotes.
    fn quoted(&mut self, text_block: bool) -> Result<(), (String, Option<Position>)> {
        loop {
            match self.peek(0) {
                None => return Err(("Expected: '\"', but found '[EOF]'".to_owned(), Some(self.position))),
                Some(b'\\') => self.advance(2),
                Some(b'"') if !text_block => {
                    self.advance(1);
                    return Ok(());
                }
                Some(b'"') if self.peek(1) == Some(b'"') && self.peek(2) == Some(b'"') => {
                    self.advance(3);
                    return Ok(());
                }
                Some(_) => self.advance(1),
            }
        }
    }

    fn number(&mut self) -> Result<(), String> {
        let start = self.offset;
        let text = |lexer: &Self| String::from_utf8_lossy(&lexer.bytes[start..lexer.offset]).into_owned();
        let digits = |lexer: &mut Self| {
            let before = lexer.offset;
            lexer.advance_while(|b| b.is_ascii_digit());
            lexer.offset > before
        };
        if self.peek(0) == Some(b'-') {
            self.advance(1);
        }
        if !digits(self) {
            return Err(format!(
                "Invalid number '{}': '-' must be followed by a digit",
                text(self)
            ));
        }
        if self.peek(0) == Some(b'.') {
            self.advance(1);
            if !digits(self) {
                return Err(format!(
                    "Invalid number '{}': '.' must be followed by a digit",
                    text(self)
                ));
            }
        }
        if matches!(self.peek(0), Some(b'e' | b'E')) {
            self.advance(1);
            if matches!(self.peek(0), Some(b'+' | b'-')) {
                self.advance(1);
            }
            if !digits(self) {
                return Err(format!(
                    "Invalid number '{}': 'e', '+', and '-' must be followed by a digit",
                    text(self)
                ));
            }
        }
        Ok(())
    }

    /// `_`s, then a letter, then letters, digits and `_`s.
    fn identifier(&mut self) -> Result<Kind, (String, Option<Position>)> {
        self.advance_while(|b| b == b'_');
        match self.peek(0) {
            Some(b) if b.is_ascii_alphanumeric() => {
                self.advance_while(|b| b.is_ascii_alphanumeric() || b == b'_');
                Ok(Kind::Identifier)
            }
            found => {
                let found = found.map_or_else(|| "[EOF]".to_owned(), |b| (b as char).to_string());
                Err((
                    format!("Expected a valid identifier character, but found '{found}'"),
                    Some(self.position),
                ))
            }
        }
    }
}
