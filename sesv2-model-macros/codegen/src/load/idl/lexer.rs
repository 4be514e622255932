//! The IDL's tokens, whitespace included: the grammar cares where spaces and
//! line breaks are, so the parser sees them.

pub(crate) use crate::node::Position;

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
        text,
        bytes: text.as_bytes(),
        offset: 0,
        line: 1,
        line_start: 0,
        continuation_bytes: 0,
        tokens: Vec::with_capacity(text.len() / 4),
    };
    let error = lexer.run().err();
    Tokens {
        tokens: lexer.tokens,
        error,
    }
}

/// The lexer runs inside the compiler at opt-level 0, where every call and
/// iterator adapter costs: it walks the bytes with plain indexing and keeps
/// the line and column by noting where lines start.
struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    offset: usize,
    line: u32,
    /// Where the current line starts.
    line_start: usize,
    /// UTF-8 continuation bytes seen on the current line: they are bytes,
    /// not characters, so the column leaves them out.
    continuation_bytes: usize,
    tokens: Vec<Token>,
}

impl Lexer<'_> {
    fn run(&mut self) -> Result<(), String> {
        loop {
            let start = self.offset;
            let position = self.position();
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

    fn position(&self) -> Position {
        Position {
            line: self.line,
            column: (self.offset - self.line_start - self.continuation_bytes) as u32 + 1,
        }
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.offset + ahead).copied()
    }

    /// Moves past text that may hold line breaks and non-ASCII characters,
    /// up to `end`. Line breaks are found with the standard library's
    /// search; only the last line's bytes are looked at one by one.
    fn advance_over_text(&mut self, end: usize) {
        let end = end.min(self.bytes.len());
        let mut at = self.offset;
        // Token ends are character boundaries, and so is what follows `\n`.
        while let Some(newline) = self.text[at..end].find('\n') {
            self.line += 1;
            at += newline + 1;
            self.line_start = at;
            self.continuation_bytes = 0;
        }
        while at < end {
            if self.bytes[at] & 0xC0 == 0x80 {
                self.continuation_bytes += 1;
            }
            at += 1;
        }
        self.offset = end;
    }

    /// Moves to `start`, the start of the next line.
    fn next_line(&mut self, start: usize) {
        self.offset = start;
        self.line += 1;
        self.line_start = start;
        self.continuation_bytes = 0;
    }

    /// Moves past spaces and tabs.
    fn skip_spaces(&mut self) {
        let mut index = self.offset;
        while let Some(b' ' | b'\t') = self.bytes.get(index) {
            index += 1;
        }
        self.offset = index;
    }

    /// Moves past digits; whether there was one.
    fn skip_digits(&mut self) -> bool {
        let mut index = self.offset;
        while let Some(b'0'..=b'9') = self.bytes.get(index) {
            index += 1;
        }
        let any = index > self.offset;
        self.offset = index;
        any
    }

    /// Moves past letters, digits and underscores.
    fn skip_identifier_characters(&mut self) {
        let mut index = self.offset;
        while let Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_') = self.bytes.get(index) {
            index += 1;
        }
        self.offset = index;
    }

    /// Lexes one token; an error carries where it is reported when that is
    /// not the token's start (an unclosed string is reported at the end).
    fn next_kind(&mut self) -> Result<Kind, (String, Option<Position>)> {
        let Some(byte) = self.peek(0) else {
            return Ok(Kind::Eof);
        };
        let single = |lexer: &mut Self, kind| {
            lexer.offset += 1;
            Ok(kind)
        };
        match byte {
            b' ' | b'\t' => {
                self.skip_spaces();
                Ok(Kind::Space)
            }
            b'\n' => {
                self.next_line(self.offset + 1);
                Ok(Kind::Newline)
            }
            b'\r' if self.peek(1) == Some(b'\n') => {
                self.next_line(self.offset + 2);
                Ok(Kind::Newline)
            }
            b'/' if self.peek(1) == Some(b'/') => {
                let doc = self.peek(2) == Some(b'/');
                match self.text[self.offset..].find('\n') {
                    Some(newline) => self.next_line(self.offset + newline + 1),
                    None => self.advance_over_text(self.bytes.len()),
                }
                Ok(if doc { Kind::DocComment } else { Kind::Comment })
            }
            b',' => single(self, Kind::Comma),
            b':' if self.peek(1) == Some(b'=') => {
                self.offset += 2;
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
                self.quoted(3, true)?;
                Ok(Kind::TextBlock)
            }
            b'"' => {
                self.quoted(1, false)?;
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

    /// A quoted string or text block, from its opening quotes (`opening`
    /// bytes) to its closing ones.
    fn quoted(&mut self, opening: usize, text_block: bool) -> Result<(), (String, Option<Position>)> {
        let text = self.text;
        let mut index = self.offset + opening;
        // The next quote, found once and kept until an escape steps past it,
        // so that the scan stays linear however many escapes there are.
        let mut next_quote: Option<usize> = None;
        let end = loop {
            let quote = match next_quote {
                Some(quote) if quote >= index => quote,
                _ => match text[index..].find('"') {
                    Some(offset) => index + offset,
                    None => {
                        self.advance_over_text(text.len());
                        return Err(("Expected: '\"', but found '[EOF]'".to_owned(), Some(self.position())));
                    }
                },
            };
            next_quote = Some(quote);
            if let Some(backslash) = text[index..quote].find('\\') {
                // Past the backslash and the character it escapes.
                let escaped_at = index + backslash + 1;
                let escaped = text[escaped_at..].chars().next().map_or(0, char::len_utf8);
                index = escaped_at + escaped;
                continue;
            }
            index = quote;
            if !text_block {
                break index + 1;
            }
            if text[index..].starts_with("\"\"\"") {
                break index + 3;
            }
            index += 1;
        };
        self.advance_over_text(end);
        Ok(())
    }

    fn number(&mut self) -> Result<(), String> {
        let start = self.offset;
        let text = |lexer: &Self| String::from_utf8_lossy(&lexer.bytes[start..lexer.offset]).into_owned();
        let digits = |lexer: &mut Self| lexer.skip_digits();
        if self.peek(0) == Some(b'-') {
            self.offset += 1;
        }
        if !digits(self) {
            return Err(format!(
                "Invalid number '{}': '-' must be followed by a digit",
                text(self)
            ));
        }
        if self.peek(0) == Some(b'.') {
            self.offset += 1;
            if !digits(self) {
                return Err(format!(
                    "Invalid number '{}': '.' must be followed by a digit",
                    text(self)
                ));
            }
        }
        if matches!(self.peek(0), Some(b'e' | b'E')) {
            self.offset += 1;
            if matches!(self.peek(0), Some(b'+' | b'-')) {
                self.offset += 1;
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

    /// `_`s, then a letter or digit, then letters, digits and `_`s.
    fn identifier(&mut self) -> Result<Kind, (String, Option<Position>)> {
        while self.peek(0) == Some(b'_') {
            self.offset += 1;
        }
        match self.peek(0) {
            Some(b) if b.is_ascii_alphanumeric() => {
                self.skip_identifier_characters();
                Ok(Kind::Identifier)
            }
            found => {
                let found = found.map_or_else(|| "[EOF]".to_owned(), |b| (b as char).to_string());
                Err((
                    format!("Expected a valid identifier character, but found '{found}'"),
                    Some(self.position()),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_and_positions(text: &str) -> Vec<(Kind, u32, u32)> {
        lex(text)
            .tokens
            .iter()
            .map(|token| (token.kind, token.position.line, token.position.column))
            .collect()
    }

    #[test]
    fn columns_count_characters_and_lines_restart_them() {
        assert_eq!(
            kinds_and_positions("\"é\" x\n\"\"\"\n  ü\n  \"\"\" y"),
            [
                (Kind::String, 1, 1),
                (Kind::Space, 1, 4),
                (Kind::Identifier, 1, 5),
                (Kind::Newline, 1, 6),
                (Kind::TextBlock, 2, 1),
                (Kind::Space, 4, 6),
                (Kind::Identifier, 4, 7),
                (Kind::Eof, 4, 8),
            ]
        );
    }

    #[test]
    fn an_unclosed_string_is_reported_where_the_text_ends() {
        let tokens = lex("a \"b\nc");
        assert_eq!(tokens.error.as_deref(), Some("Expected: '\"', but found '[EOF]'"));
        let last = tokens.tokens.last().unwrap();
        assert_eq!(
            (last.kind, last.position.line, last.position.column),
            (Kind::Error, 2, 2)
        );
    }
}
