//! The glossary: the terms a question may use, explained in plain words. Loaded from
//! `glossary.toml`, bundled and in a user folder.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::load::{LoadError, Validator};

/// The file that holds the glossary, bundled and in a user folder.
pub const GLOSSARY_FILE: &str = "glossary.toml";

/// One term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The word, as questions use it ("verwerker").
    pub term: String,
    /// What it means, in one or two plain sentences.
    pub meaning: String,
}

/// Every term, sorted by term.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    /// The terms.
    pub terms: Vec<Term>,
}

impl Glossary {
    /// This glossary with the terms of `own` added; a term with the same word is replaced.
    pub fn extended_with(mut self, own: Glossary) -> Glossary {
        for term in own.terms {
            match self.terms.iter_mut().find(|t| t.term == term.term) {
                Some(slot) => *slot = term,
                None => self.terms.push(term),
            }
        }
        self.terms.sort_by_key(|t| t.term.to_lowercase());
        self
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGlossary {
    version: Option<Spanned<i64>>,
    reviewed: Option<Spanned<toml::value::Datetime>>,
    terms: Option<Vec<Spanned<RawTerm>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    term: Option<Spanned<String>>,
    meaning: Option<Spanned<String>>,
}

/// Parses and validates a glossary file. Returns every problem found, not only the first.
pub fn parse_glossary(text: &str, file: &str) -> Result<Glossary, Vec<LoadError>> {
    let (mut v, raw) = Validator::start::<RawGlossary>(text, file)?;
    v.version(raw.version);
    v.reviewed(raw.reviewed);
    let mut seen = HashSet::new();
    let mut terms = Vec::new();
    for raw_term in raw.terms.unwrap_or_default() {
        let span = raw_term.span();
        let raw_term = raw_term.into_inner();
        let term_span = raw_term.term.as_ref().map_or(span.clone(), Spanned::span);
        let term = v.text(raw_term.term, "term", span.clone());
        if !term.is_empty() && !seen.insert(term.to_lowercase()) {
            v.error(
                term_span,
                format!("het begrip \"{term}\" komt al eerder voor"),
            );
        }
        let meaning = v.text(raw_term.meaning, "meaning", span);
        terms.push(Term { term, meaning });
    }
    terms.sort_by_key(|t| t.term.to_lowercase());
    if v.errors.is_empty() {
        Ok(Glossary { terms })
    } else {
        Err(v.errors)
    }
}
