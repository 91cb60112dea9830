//! The draft privacy statement as one self-contained HTML file for A4: the same writer, escaping
//! and base style as the reports. Placeholders are `<mark class="fill">`, dashed and bold, so they
//! show in black and white too.

use super::style;
use super::writer::Html;
use crate::documents::statement::{Block, Inline, Statement};
use crate::text as t;

/// The statement as HTML.
pub(super) fn render(statement: &Statement) -> String {
    super::frame(&statement.title, style::STATEMENT, "sheet statement", |h| {
        body(h, statement);
    })
}

fn body(h: &mut Html, statement: &Statement) {
    h.el("header", &[("class", "top")], |h| {
        h.leaf("p", &[("class", "eyebrow")], t::STATEMENT_EYEBROW);
        h.leaf("h1", &[], &statement.title);
        h.el("p", &[("class", "draft")], |h| inlines(h, &statement.draft));
        h.leaf("p", &[("class", "disclaimer")], statement.disclaimer);
    });
    h.el("p", &[("class", "intro")], |h| inlines(h, &statement.intro));
    for section in &statement.sections {
        let covers: Vec<&str> = section.covers.iter().map(|e| e.id()).collect();
        let covers = covers.join(" ");
        let mut attrs = vec![("id", section.id)];
        if !covers.is_empty() {
            attrs.push(("data-covers", covers.as_str()));
        }
        h.el("section", &attrs, |h| {
            h.leaf("h2", &[], &section.heading);
            for block in &section.blocks {
                match block {
                    Block::Paragraph(parts) => {
                        h.el("p", &[], |h| inlines(h, parts));
                    }
                    Block::List(items) => {
                        h.el("ul", &[], |h| {
                            for item in items {
                                h.el("li", &[], |h| inlines(h, item));
                            }
                        });
                    }
                    Block::Subheading(text) => {
                        h.leaf("h3", &[], text);
                    }
                }
            }
        });
    }
}

fn inlines(h: &mut Html, parts: &[Inline]) {
    for part in parts {
        match part {
            Inline::Text(text) => {
                h.text(text);
            }
            Inline::Strong(text) => {
                h.leaf("b", &[], text);
            }
            Inline::Fill(missing) => {
                h.leaf("mark", &[("class", "fill")], &t::statement_fill(missing));
            }
        }
    }
}
