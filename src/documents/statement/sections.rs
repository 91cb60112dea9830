//! The sections after the transfers: retention, whether data must be given, automated decisions,
//! the intake's extra paragraphs, the rights and withdrawing consent.

use super::content::expand;
use super::draft::{Draft, name};
use super::{Block, Inline, Section};
use crate::documents::LegalBasis;

impl Draft<'_> {
    pub(super) fn retention(&self) -> Section {
        let c = &self.c.retention;
        let mut s = self.section("bewaren", &c.heading, &c.covers);
        if self.activities.is_empty() {
            s.blocks.push(Block::Paragraph(expand(&c.empty, &[])));
        } else {
            s.blocks.push(Block::Paragraph(expand(&c.intro, &[])));
            s.blocks
                .push(self.per_activity(|a| &a.retention, &c.missing));
        }
        s
    }

    pub(super) fn requirement(&self) -> Section {
        let c = &self.c.requirement;
        let mut s = self.section("verplicht", &c.heading, &c.covers);
        if self.activities.is_empty() {
            s.blocks.push(Block::Paragraph(expand(&c.empty, &[])));
            return s;
        }
        s.blocks.push(Block::Paragraph(expand(&c.intro, &[])));
        let list = self
            .activities
            .iter()
            .map(|a| {
                let template = match a.basis {
                    Some(LegalBasis::Toestemming) => &c.toestemming,
                    Some(LegalBasis::Overeenkomst) => &c.overeenkomst,
                    Some(LegalBasis::WettelijkePlicht) => &c.wettelijke_plicht,
                    _ => &c.other,
                };
                // The name leads as a label: "{naam}: …".
                let rest = template.strip_prefix("{naam}:").unwrap_or(template);
                let mut item = vec![Inline::Strong(format!("{}:", name(a)))];
                item.extend(expand(rest, &[]));
                item
            })
            .collect();
        s.blocks.push(Block::List(list));
        s
    }

    pub(super) fn decisions(&self) -> Section {
        let c = &self.c.decisions;
        let mut s = self.section("besluiten", &c.heading, &c.covers);
        let text = match self.flag("automatische-besluiten") {
            Some(true) => &c.has,
            Some(false) => &c.none,
            None => &c.unknown,
        };
        s.blocks.push(Block::Paragraph(expand(text, &[])));
        s
    }

    pub(super) fn extra(&self) -> Option<Section> {
        let c = &self.c.extra;
        let special_listed = self.activities.iter().any(|a| a.special);
        let texts = [
            (self.yes("cookies"), &c.cookies),
            (self.yes("kinderen"), &c.children),
            (
                self.yes("bijzondere-gegevens") && !special_listed,
                &c.special,
            ),
            (self.yes("sociale-media"), &c.social),
        ];
        let mut s = self.section("verder", &c.heading, &[]);
        for (applies, text) in texts {
            if applies {
                s.blocks.push(Block::Paragraph(expand(text, &[])));
            }
        }
        (!s.blocks.is_empty()).then_some(s)
    }

    pub(super) fn rights(&self) -> Section {
        let c = &self.c.rights;
        let mut s = self.section("rechten", &c.heading, &c.covers);
        s.blocks.push(Block::Paragraph(expand(&c.intro, &[])));
        // "Inzage: …": the right's name as a label.
        let labelled = |item: &str| match item.split_once(':') {
            Some((right, rest)) => {
                let mut out = vec![Inline::Strong(format!("{right}:"))];
                out.extend(expand(rest, &[]));
                out
            }
            None => expand(item, &[]),
        };
        s.blocks
            .push(Block::List(c.list.iter().map(|i| labelled(i)).collect()));
        // The right to object apart from the others (art. 21 lid 4 AVG).
        s.blocks.push(Block::Paragraph(labelled(&c.objection)));
        let email = crate::sanitize::line(&self.assessment.details.email);
        s.blocks
            .push(Block::Paragraph(expand(&c.how, &[("email", &email)])));
        s
    }

    pub(super) fn consent(&self) -> Option<Section> {
        let c = &self.c.consent;
        let on_consent: Vec<String> = self
            .activities
            .iter()
            .filter(|a| a.basis == Some(LegalBasis::Toestemming))
            .map(|a| name(a))
            .collect();
        if on_consent.is_empty() && !self.yes("toestemming") {
            return None;
        }
        let mut s = self.section("toestemming", &c.heading, &c.covers);
        s.blocks.push(Block::Paragraph(expand(&c.text, &[])));
        let applies = if on_consent.is_empty() {
            expand(&c.unlisted, &[])
        } else {
            expand(&c.applies, &[("doelen", &on_consent.join(", "))])
        };
        s.blocks.push(Block::Paragraph(applies));
        Some(s)
    }
}
