//! The draft privacy statement (art. 13 and 14 AVG): made from the assessment's details, the
//! register, the processors and the intake, with the fixed wording from
//! `documents/privacyverklaring.toml`. Pure: an outline of sections, paragraphs and placeholders
//! that the Markdown and HTML renderers write out. Every section says which elements of art. 13 and
//! 14 it covers, so a test can check that none is missing.

mod content;
mod draft;
mod sections;

use content::Content;
pub use content::ContentError;
use draft::Draft;

use crate::assessment::Assessment;
use crate::checklist::Catalog;

/// An element of art. 13 (lid 1 and 2) or art. 14 AVG that a privacy statement must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Element {
    /// 13.1.a: identity and contact details of the controller.
    Controller,
    /// 13.1.b: contact details of the DPO, where there is one.
    Dpo,
    /// 13.1.c: purposes and legal basis.
    Purposes,
    /// 13.1.d: the legitimate interests, where that is the basis.
    Interests,
    /// 13.1.e: recipients or categories of recipients.
    Recipients,
    /// 13.1.f: transfers outside the EEA and the safeguard.
    Transfers,
    /// 13.2.a: retention period or the criteria for it.
    Retention,
    /// 13.2.b: the rights of access, rectification, erasure, restriction, objection, portability.
    Rights,
    /// 13.2.c: withdrawing consent, where consent is the basis.
    Withdrawal,
    /// 13.2.d: the right to complain to the supervisory authority.
    Complaint,
    /// 13.2.e: whether providing the data is required, and what happens if not.
    Requirement,
    /// 13.2.f: automated decisions, profiling included.
    Automated,
    /// 14.1.d: the categories of data (for data from others).
    Categories,
    /// 14.2.f: the source of data from others.
    Source,
}

impl Element {
    /// The twelve elements of art. 13 lid 1 and lid 2, in the order of the law.
    pub const ARTICLE_13: [Element; 12] = [
        Element::Controller,
        Element::Dpo,
        Element::Purposes,
        Element::Interests,
        Element::Recipients,
        Element::Transfers,
        Element::Retention,
        Element::Rights,
        Element::Withdrawal,
        Element::Complaint,
        Element::Requirement,
        Element::Automated,
    ];

    /// The elements of art. 14 beyond art. 13 that a statement covers.
    pub const ARTICLE_14: [Element; 2] = [Element::Categories, Element::Source];

    /// The id as in the wording file: article, paragraph, letter (`13.1.a`).
    pub fn id(self) -> &'static str {
        match self {
            Element::Controller => "13.1.a",
            Element::Dpo => "13.1.b",
            Element::Purposes => "13.1.c",
            Element::Interests => "13.1.d",
            Element::Recipients => "13.1.e",
            Element::Transfers => "13.1.f",
            Element::Retention => "13.2.a",
            Element::Rights => "13.2.b",
            Element::Withdrawal => "13.2.c",
            Element::Complaint => "13.2.d",
            Element::Requirement => "13.2.e",
            Element::Automated => "13.2.f",
            Element::Categories => "14.1.d",
            Element::Source => "14.2.f",
        }
    }

    /// An element from its id.
    pub fn parse(id: &str) -> Option<Element> {
        Element::ARTICLE_13
            .into_iter()
            .chain(Element::ARTICLE_14)
            .find(|e| e.id() == id)
    }

    /// The reference in words: `art. 13 lid 1 sub a AVG`.
    pub fn reference(self) -> String {
        let mut parts = self.id().split('.');
        let (article, paragraph, letter) = (
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
        );
        crate::text::statement_reference(article, paragraph, letter)
    }
}

/// A piece of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text (from the wording or the assessment; escaped when rendered).
    Text(String),
    /// A label, set in bold.
    Strong(String),
    /// A placeholder for the business to fill in: what is missing, without the `[VUL IN: ]` frame.
    Fill(String),
}

/// A block of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bulleted list, one entry per item.
    List(Vec<Vec<Inline>>),
    /// A sub-heading (an activity's name).
    Subheading(String),
}

impl Block {
    /// The running text of the block (not a sub-heading).
    pub fn inlines(&self) -> Vec<&Inline> {
        match self {
            Block::Paragraph(p) => p.iter().collect(),
            Block::List(items) => items.iter().flatten().collect(),
            Block::Subheading(_) => Vec::new(),
        }
    }
}

/// One section of the statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// A stable id, used as the anchor in HTML.
    pub id: &'static str,
    /// The heading.
    pub heading: String,
    /// The elements of art. 13 and 14 this section covers.
    pub covers: Vec<Element>,
    /// What it says.
    pub blocks: Vec<Block>,
}

/// The draft privacy statement of one assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The heading: "Privacyverklaring van …".
    pub title: String,
    /// The line saying it is a draft to check before publishing.
    pub draft: Vec<Inline>,
    /// pqs is not legal advice.
    pub disclaimer: &'static str,
    /// The opening paragraph.
    pub intro: Vec<Inline>,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

impl Statement {
    /// The draft for `assessment`: every element of art. 13 that applies, with placeholders where
    /// the assessment does not say.
    pub fn draft(catalog: &Catalog, assessment: &Assessment) -> Statement {
        let facts = catalog.intake().effective(&assessment.intake);
        Draft {
            c: &Content::bundled(),
            assessment,
            facts: &facts,
            activities: assessment.documents.activities().collect(),
        }
        .statement()
    }

    /// Whether some section covers `element`.
    pub fn covers(&self, element: Element) -> bool {
        self.sections.iter().any(|s| s.covers.contains(&element))
    }

    /// Every placeholder's text, in order.
    pub fn placeholders(&self) -> Vec<&str> {
        self.sections
            .iter()
            .flat_map(|s| s.blocks.iter().flat_map(Block::inlines))
            .filter_map(|i| match i {
                Inline::Fill(f) => Some(f.as_str()),
                _ => None,
            })
            .collect()
    }
}

impl From<&str> for Inline {
    fn from(text: &str) -> Inline {
        Inline::Text(text.to_owned())
    }
}

impl From<String> for Inline {
    fn from(text: String) -> Inline {
        Inline::Text(text)
    }
}

#[cfg(test)]
mod tests;
