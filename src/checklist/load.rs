//! TOML -> raw structs -> validated [`Checklist`], with errors that point at file, line and column.

use std::fmt;
use std::ops::Range;

use toml::Spanned;

use super::model::{Condition, is_kebab_case};
use crate::sanitize;

/// A problem in a checklist file, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file (or `bundled:NAME`) the problem is in.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong and what is expected.
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for LoadError {}

/// Collects errors for one file while validating.
pub(super) struct Validator<'a> {
    pub(super) file: &'a str,
    pub(super) text: &'a str,
    /// Where each line of `text` starts, so every position costs the same in a file of any size.
    pub(super) lines: LineIndex,
    pub(super) errors: Vec<LoadError>,
}

impl<'a> Validator<'a> {
    /// Reads `text` into the raw shape `T`; a TOML syntax or shape error is the file's only error.
    pub(super) fn start<T: serde::de::DeserializeOwned>(
        text: &'a str,
        file: &'a str,
    ) -> Result<(Validator<'a>, T), Vec<LoadError>> {
        let mut v = Validator {
            file,
            text,
            lines: LineIndex::new(text),
            errors: Vec::new(),
        };
        match toml::from_str(text) {
            Ok(raw) => Ok((v, raw)),
            Err(err) => {
                v.error(
                    err.span().unwrap_or(0..0),
                    describe_toml_error(err.message()),
                );
                Err(v.errors)
            }
        }
    }

    /// An error at a known line and column.
    pub(super) fn error_at(&mut self, (line, column): (usize, usize), message: impl Into<String>) {
        self.errors.push(LoadError {
            file: self.file.to_owned(),
            line,
            column,
            message: message.into(),
        });
    }

    pub(super) fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        let (line, column) = self.position(span.start);
        self.errors.push(LoadError {
            file: self.file.to_owned(),
            line,
            column,
            message: message.into(),
        });
    }

    /// 1-based line and column (in characters) of a byte offset in the file.
    pub(super) fn position(&self, offset: usize) -> (usize, usize) {
        self.lines.position(self.text, offset)
    }

    /// A required, non-empty text field.
    pub(super) fn text(
        &mut self,
        field: Option<Spanned<String>>,
        name: &str,
        owner: Range<usize>,
    ) -> String {
        match field {
            None => {
                self.error(
                    owner,
                    format!("het veld `{name}` ontbreekt; voeg `{name} = \"...\"` toe"),
                );
                String::new()
            }
            Some(value) if value.get_ref().trim().is_empty() => {
                self.error(
                    value.span(),
                    format!("het veld `{name}` is leeg; schrijf er tekst in"),
                );
                String::new()
            }
            Some(value) => self.shown_text(value, name),
        }
    }

    /// An optional text field that, when present, must not be empty.
    pub(super) fn optional_text(
        &mut self,
        field: Option<Spanned<String>>,
        name: &str,
    ) -> Option<String> {
        let value = field?;
        if value.get_ref().trim().is_empty() {
            self.error(
                value.span(),
                format!("het veld `{name}` is leeg; schrijf er tekst in of laat het weg"),
            );
            return None;
        }
        Some(self.shown_text(value, name))
    }

    /// Text that pqs shows: trimmed, Windows line breaks made plain, and refused (at the position of
    /// the character in the file) when it holds a control or bidi character, which could steer the
    /// terminal or turn text around. A line break and a tab are fine.
    pub(super) fn shown_text(&mut self, value: Spanned<String>, name: &str) -> String {
        let span = value.span();
        let text = plain(value.into_inner());
        if let Some((_, c)) = sanitize::first_unsafe(&text) {
            let source = self.text.get(span.clone()).unwrap_or_default();
            let at = span.start + locate_unsafe(source).unwrap_or(0);
            self.error(
                at..at,
                format!(
                    "het veld `{name}` bevat het teken {}, dat de terminal kan besturen of tekst kan omdraaien; haal het weg",
                    sanitize::describe(c)
                ),
            );
        }
        text
    }

    /// The required `version`: an integer of 1 or more.
    pub(super) fn version(&mut self, field: Option<Spanned<i64>>) -> u32 {
        match field {
            None => {
                self.error(0..0, "het veld `version` ontbreekt; voeg `version = 1` toe");
                0
            }
            Some(value) => match u32::try_from(*value.get_ref()) {
                Ok(n) if n >= 1 => n,
                _ => {
                    self.error(
                        value.span(),
                        "`version` moet een geheel getal van 1 of hoger zijn",
                    );
                    0
                }
            },
        }
    }

    /// The required `reviewed` date (a TOML date without time), as YYYY-MM-DD.
    pub(super) fn reviewed(&mut self, field: Option<Spanned<toml::value::Datetime>>) -> String {
        match field {
            None => {
                self.error(0..0, "het veld `reviewed` ontbreekt; voeg de datum van de laatste controle toe, bijvoorbeeld `reviewed = 2026-11-23`");
                String::new()
            }
            Some(value) => match (value.get_ref().date, value.get_ref().time) {
                (Some(date), None) => date.to_string(),
                _ => {
                    self.error(value.span(), "`reviewed` moet een datum zijn zonder tijd, bijvoorbeeld `reviewed = 2026-11-23`");
                    String::new()
                }
            },
        }
    }

    /// An optional `applies_if`: one condition as a string, or a list of them that must all hold
    /// (see [`Condition::parse`]).
    pub(super) fn conditions(&mut self, field: Option<Spanned<toml::Value>>) -> Vec<Condition> {
        let Some(value) = field else {
            return Vec::new();
        };
        let span = value.span();
        let texts: Vec<String> = match value.into_inner() {
            toml::Value::String(text) => vec![text],
            toml::Value::Array(list) if list.iter().all(toml::Value::is_str) => list
                .into_iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => {
                self.error(
                    span,
                    "`applies_if` moet een tekst zijn of een lijst van teksten, bijvoorbeeld \"webshop\" of [\"webshop\", \"!personeel\"]",
                );
                return Vec::new();
            }
        };
        // Each condition points at its own text in the file where it can be found.
        let mut out = Vec::new();
        for text in texts {
            let at = self
                .text
                .get(span.clone())
                .and_then(|source| source.find(text.as_str()))
                .map_or(span.start, |i| span.start + i);
            let position = self.position(at);
            match Condition::parse(&text, position) {
                Some(condition) => out.push(condition),
                None => self.error(
                    at..at,
                    format!(
                        "ongeldige voorwaarde \"{}\" in `applies_if`: schrijf de id van een intakevraag (\"webshop\"), ! en die id (\"!personeel\"), of bij een meerkeuzevraag de id met = en de keuzes (\"omvang=50-249|250-plus\", of != voor \"niet een van\")",
                        sanitize::line(&text)
                    ),
                ),
            }
        }
        out
    }

    /// An optional enumeration field: one of `allowed` (by identifier), else `default`.
    pub(super) fn choice<T: Copy>(
        &mut self,
        field: Option<Spanned<String>>,
        name: &str,
        allowed: &[(&str, T)],
        default: T,
    ) -> T {
        let Some(value) = field else {
            return default;
        };
        if let Some((_, found)) = allowed.iter().find(|(id, _)| id == value.get_ref()) {
            return *found;
        }
        let mut names: Vec<String> = allowed.iter().map(|(id, _)| format!("\"{id}\"")).collect();
        let last = names.pop().unwrap_or_default();
        let choices = if names.is_empty() {
            last
        } else {
            format!("{} of {last}", names.join(", "))
        };
        self.error(
            value.span(),
            format!(
                "onbekende waarde \"{}\" voor `{name}`; kies {choices}",
                sanitize::line(value.get_ref())
            ),
        );
        default
    }

    /// An optional list of URLs: each must be a web address (`https://host.tld/...`).
    pub(super) fn links(&mut self, field: Option<Vec<Spanned<String>>>) -> Vec<String> {
        let mut links = Vec::new();
        for link in field.unwrap_or_default() {
            let span = link.span();
            let text = self.shown_text(link, "links");
            if text.is_empty() {
                self.error(
                    span,
                    "een link in `links` is leeg; vul een adres in of haal hem weg",
                );
            } else if !is_web_address(&text) {
                self.error(
                    span,
                    format!(
                        "\"{}\" is geen webadres; schrijf het hele adres, beginnend met https://",
                        sanitize::line(&text)
                    ),
                );
            } else {
                links.push(text);
            }
        }
        links
    }

    /// A required kebab-case id.
    pub(super) fn id(&mut self, field: Option<Spanned<String>>, owner: Range<usize>) -> String {
        let Some(value) = field else {
            self.error(
                owner,
                "het veld `id` ontbreekt; voeg bijvoorbeeld `id = \"mijn-vraag\"` toe",
            );
            return String::new();
        };
        if !is_kebab_case(value.get_ref()) {
            self.error(
                value.span(),
                format!(
                    "ongeldige id \"{}\": gebruik kleine letters, cijfers en losse streepjes, beginnend met een letter (bijvoorbeeld \"mijn-vraag-2\")",
                    value.get_ref()
                ),
            );
        }
        value.into_inner()
    }
}

/// Turns the TOML parser's English message into a Dutch sentence that keeps the detail.
fn describe_toml_error(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest);
        let expected = rest.split_once("expected ").map_or("", |(_, e)| e);
        let expected = expected.strip_prefix("one of ").unwrap_or(expected);
        return format!("onbekend veld {field}; toegestaan zijn: {expected}");
    }
    if message.starts_with("invalid type") {
        return format!("verkeerd soort waarde ({message})");
    }
    format!(
        "dit is geen geldige TOML ({message}); controleer aanhalingstekens, = en haken op deze regel"
    )
}

/// Whether `text` looks like a web address: `http://` or `https://`, a host with a dot, and no
/// spaces. (A link is checked for its form; whether the page exists is not checked.)
pub fn is_web_address(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
        && !text.chars().any(char::is_whitespace)
}

/// The byte offset, within the source text of one TOML string, of its first control or bidi
/// character: written as it is, or as an escape (`\u001b`, `\U0000202E`, `\x1b`, `\e`, `\b`, `\f`,
/// a lone `\r`). `None` when none is found (the caller points at the string itself).
fn locate_unsafe(source: &str) -> Option<usize> {
    let hex = |digits: &str, n: usize| {
        digits
            .get(..n)
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .and_then(char::from_u32)
    };
    let bad = |c: char| sanitize::is_unsafe(c) && !matches!(c, '\n' | '\t');
    let mut chars = source.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                let rest = &source[i + 1..];
                let decoded = match rest.chars().next() {
                    Some('u') => hex(&rest[1..], 4),
                    Some('U') => hex(&rest[1..], 8),
                    Some('x') => hex(&rest[1..], 2),
                    Some('e') => Some('\u{1b}'),
                    Some('b') => Some('\u{8}'),
                    Some('f') => Some('\u{c}'),
                    Some('r') if !rest[1..].starts_with("\\n") => Some('\r'),
                    _ => None,
                };
                if decoded.is_some_and(bad) {
                    return Some(i);
                }
                chars.next(); // the escaped character, so `\\` is not read as the start of another
            }
            '\r' if chars.peek().is_some_and(|(_, n)| *n == '\n') => {}
            c if bad(c) => return Some(i),
            _ => {}
        }
    }
    None
}

/// 1-based line and column (in characters) of a byte offset. For one position; a file that needs
/// many (every item, every condition) builds a [`LineIndex`] once instead.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).position(text, offset)
}

/// `text` trimmed and with Windows line breaks made plain; the string itself when there is
/// nothing to change (nearly always), so that the texts of a large checklist are not all copied
/// once more (`replace` on every text was 6 % of validating 10,000 items).
fn plain(text: String) -> String {
    let trimmed = text.trim();
    if trimmed.contains('\r') {
        trimmed.replace("\r\n", "\n")
    } else if trimmed.len() == text.len() {
        text
    } else {
        trimmed.to_owned()
    }
}

/// The byte offset where each line of a text starts: a position is then a binary search plus the
/// characters of its own line, not a count from the start of the file (which made loading a large
/// checklist quadratic).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The index of `text`.
    pub fn new(text: &str) -> LineIndex {
        // `memchr` rather than `match_indices`: a checklist's lines are short (40 bytes on
        // average), and std's search went byte by byte over most of each (19 M instructions of
        // validating 10,000 items).
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// 1-based line and column (in characters) of a byte offset in `text`, the text this index
    /// was built from. An offset past the end is the end; one inside a character counts from the
    /// character boundary before it.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        // The last line starting at or before `offset` (a line starts after its '\n').
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        let column = text[line_start..offset].chars().count() + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{Source, parse_checklist};

    #[test]
    fn line_column_counts_from_one() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, text.find('=').unwrap()), (1, 3));
        assert_eq!(line_column(text, 10), (2, 4));
    }

    proptest::proptest! {
        /// Kept texts are trimmed and lose their Windows line breaks, exactly as `trim` and
        /// `replace` would make them, also with a lone '\r' (left for the check on control
        /// characters) and spaces around line breaks.
        #[test]
        fn plain_text_is_trimmed_with_plain_line_breaks(text in "[ a\r\n\té]{0,12}") {
            proptest::prop_assert_eq!(plain(text.clone()), text.trim().replace("\r\n", "\n"));
        }
    }

    #[test]
    fn the_line_index_agrees_with_counting_from_the_start() {
        let counted = |text: &str, offset: usize| {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            (line, before[start..].chars().count() + 1)
        };
        for text in ["", "\n", "a", "a = 1\nbé = 2\n", "\n\nx\r\nyé\n\nz"] {
            let index = LineIndex::new(text);
            for offset in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(
                    index.position(text, offset),
                    counted(text, offset),
                    "{text:?} at {offset}"
                );
            }
            assert_eq!(
                index.position(text, text.len() + 5),
                counted(text, text.len())
            );
        }
    }

    #[test]
    fn positions_deep_in_a_large_checklist_are_still_right() {
        let mut text = crate::report::fixture::scale::checklist_toml(2_000);
        // A condition that is not valid, far down the file, and an empty question after it.
        let bad = "applies_if = \"omvang=\"";
        let at = text.rfind("applies_if = ").unwrap();
        let end = at + text[at..].find('\n').unwrap();
        text.replace_range(at..end, bad);
        let line = text[..at].matches('\n').count() + 1;
        let errors = parse_checklist(&text, "schaal.toml", Source::Bundled).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].column), (line, 15), "{errors:?}");
    }

    fn checklist_with(question: &str) -> String {
        format!(
            "id = \"c\"\ntitle = \"C\"\nversion = 1\nreviewed = 2026-11-23\n\n[[items]]\nid = \"v\"\n\
             question = {question}\nexplanation = \"e\"\naction = \"a\"\nreference = \"r\"\nseverity = \"low\"\n"
        )
    }

    #[test]
    fn control_and_bidi_characters_are_refused_where_they_are() {
        let cases = [
            (
                "\"Heb je \\u001b]0;GEKAAPT\\u0007 dit?\"",
                20,
                "U+001B (ESC)",
            ),
            ("\"abc\\e[2J\"", 16, "U+001B (ESC)"),
            ("\"omgekeerd \\u202E tekst\"", 23, "U+202E"),
            ("\"a\\x9b31m\"", 14, "U+009B (CSI)"),
            ("\"over\\rschreven\"", 17, "U+000D (CR)"),
            ("\"\"\"\nnaam\u{2066}\"\"\"", 5, "U+2066"),
        ];
        for (question, column, named) in cases {
            let errors = parse_checklist(&checklist_with(question), "c.toml", Source::Bundled)
                .expect_err(question);
            assert_eq!(errors.len(), 1, "{question}: {errors:?}");
            let shown = errors[0].to_string();
            let line = if question.starts_with("\"\"\"") { 9 } else { 8 };
            assert!(
                shown.starts_with(&format!(
                    "c.toml:{line}:{column}: het veld `question` bevat het teken {named}"
                )),
                "{question}: {shown}"
            );
        }
    }

    #[test]
    fn line_breaks_tabs_and_windows_line_ends_are_fine() {
        let text = checklist_with("\"\"\"\nregel een\nregel\ttwee\"\"\"").replace('\n', "\r\n");
        let checklist = parse_checklist(&text, "c.toml", Source::Bundled).unwrap();
        assert_eq!(checklist.items[0].question, "regel een\nregel\ttwee");
    }

    #[test]
    fn unknown_field_message_is_dutch_and_names_the_field() {
        let msg = describe_toml_error("unknown field `kleur`, expected one of `id`, `title`");
        assert!(msg.starts_with("onbekend veld `kleur`"), "{msg}");
        assert!(msg.contains("`id`, `title`"), "{msg}");
    }
}
