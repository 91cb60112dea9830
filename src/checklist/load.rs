//! TOML -> raw structs -> validated [`Checklist`], with errors that point at file, line and column.

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::model::{Checklist, Condition, Item, Severity, Source, global_id, is_kebab_case};

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecklist {
    id: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    version: Option<Spanned<i64>>,
    reviewed: Option<Spanned<toml::value::Datetime>>,
    intro: Option<Spanned<String>>,
    order: Option<i64>,
    applies_if: Option<Spanned<String>>,
    items: Option<Spanned<Vec<Spanned<RawItem>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: Option<Spanned<String>>,
    section: Option<Spanned<String>>,
    question: Option<Spanned<String>>,
    explanation: Option<Spanned<String>>,
    action: Option<Spanned<String>>,
    reference: Option<Spanned<String>>,
    severity: Option<Spanned<String>>,
    links: Option<Vec<Spanned<String>>>,
    applies_if: Option<Spanned<String>>,
}

/// Collects errors for one file while validating.
pub(super) struct Validator<'a> {
    pub(super) file: &'a str,
    pub(super) text: &'a str,
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

    pub(super) fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        let (line, column) = line_column(self.text, span.start);
        self.errors.push(LoadError {
            file: self.file.to_owned(),
            line,
            column,
            message: message.into(),
        });
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
            Some(value) => value.into_inner().trim().to_owned(),
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
        Some(value.into_inner().trim().to_owned())
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

    /// An optional `applies_if = "FLAG"` or `"!FLAG"`.
    pub(super) fn condition(&mut self, field: Option<Spanned<String>>) -> Option<Condition> {
        let value = field?;
        let position = line_column(self.text, value.span().start);
        let condition = Condition::parse(value.get_ref(), position);
        if condition.is_none() {
            self.error(
                value.span(),
                format!(
                    "ongeldige `applies_if` \"{}\": schrijf de id van een intakevraag, of ! en die id (bijvoorbeeld \"webshop\" of \"!personeel\")",
                    value.get_ref()
                ),
            );
        }
        condition
    }

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

/// Parses and validates one checklist file. Returns every problem found, not only the first.
pub fn parse_checklist(
    text: &str,
    file: &str,
    source: Source,
) -> Result<Checklist, Vec<LoadError>> {
    let (mut v, raw) = Validator::start::<RawChecklist>(text, file)?;
    let whole = 0..0;
    let id = v.id(raw.id, whole.clone());
    let title = v.text(raw.title, "title", whole.clone());
    let version = v.version(raw.version);
    let reviewed = v.reviewed(raw.reviewed);
    let intro = v.optional_text(raw.intro, "intro");
    let applies_if = v.condition(raw.applies_if);
    let raw_items = match raw.items {
        None => {
            v.error(
                whole,
                "er staan geen vragen in dit bestand; voeg ten minste één `[[items]]`-blok toe",
            );
            Vec::new()
        }
        Some(items) if items.get_ref().is_empty() => {
            v.error(
                items.span(),
                "`items` is leeg; voeg ten minste één `[[items]]`-blok toe",
            );
            Vec::new()
        }
        Some(items) => items.into_inner(),
    };
    let mut seen = HashSet::new();
    let mut items = Vec::with_capacity(raw_items.len());
    for raw_item in raw_items {
        let span = raw_item.span();
        let raw_item = raw_item.into_inner();
        let id_span = raw_item.id.as_ref().map_or(span.clone(), Spanned::span);
        let local_id = v.id(raw_item.id, span.clone());
        if !local_id.is_empty() && !seen.insert(local_id.clone()) {
            v.error(id_span, format!("de id \"{local_id}\" komt al eerder voor in dit bestand; elke vraag heeft een eigen id nodig"));
        }
        let section = v.optional_text(raw_item.section, "section");
        let question = v.text(raw_item.question, "question", span.clone());
        let explanation = v.text(raw_item.explanation, "explanation", span.clone());
        let action = v.text(raw_item.action, "action", span.clone());
        let reference = v.text(raw_item.reference, "reference", span.clone());
        let severity = match raw_item.severity {
            None => {
                v.error(
                    span,
                    "het veld `severity` ontbreekt; kies \"high\", \"medium\" of \"low\"",
                );
                Severity::Low
            }
            Some(value) => match parse_severity(value.get_ref()) {
                Some(severity) => severity,
                None => {
                    v.error(
                        value.span(),
                        format!(
                            "onbekende ernst \"{}\"; kies \"high\", \"medium\" of \"low\"",
                            value.get_ref()
                        ),
                    );
                    Severity::Low
                }
            },
        };
        let applies_if = v.condition(raw_item.applies_if);
        let mut links = Vec::new();
        for link in raw_item.links.unwrap_or_default() {
            if link.get_ref().trim().is_empty() {
                v.error(
                    link.span(),
                    "een link in `links` is leeg; vul een adres in of haal hem weg",
                );
            } else {
                links.push(link.into_inner());
            }
        }
        items.push(Item {
            id: global_id(&id, &local_id),
            local_id,
            section,
            question,
            explanation,
            action,
            reference,
            severity,
            links,
            applies_if,
        });
    }
    if !v.errors.is_empty() {
        return Err(v.errors);
    }
    Ok(Checklist {
        id,
        title,
        version,
        reviewed,
        intro,
        order: raw.order.unwrap_or(i64::MAX),
        applies_if,
        items,
        source,
    })
}

fn parse_severity(text: &str) -> Option<Severity> {
    Severity::ALL.into_iter().find(|s| s.as_str() == text)
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

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_from_one() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, text.find('=').unwrap()), (1, 3));
        assert_eq!(line_column(text, 10), (2, 4));
    }

    #[test]
    fn unknown_field_message_is_dutch_and_names_the_field() {
        let msg = describe_toml_error("unknown field `kleur`, expected one of `id`, `title`");
        assert!(msg.starts_with("onbekend veld `kleur`"), "{msg}");
        assert!(msg.contains("`id`, `title`"), "{msg}");
    }
}
