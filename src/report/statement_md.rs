//! The draft privacy statement in Markdown (CommonMark). Every text, wording and assessment alike,
//! goes through [`escape_inline`]; the only Markdown of our own is headings, lists, bold and the
//! comment naming the elements of art. 13 and 14 a section covers.

use std::fmt::Write;

use super::markdown::escape_inline;
use crate::documents::statement::{Block, Inline, Statement};
use crate::text as t;

/// The statement as Markdown.
pub fn render(statement: &Statement) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape_inline(&statement.title));
    // The draft note and the disclaimer as a quote, so they stand apart from the statement itself.
    let _ = writeln!(out, "> {}\n>", inlines(&statement.draft));
    let _ = writeln!(out, "> {}\n", escape_inline(statement.disclaimer));
    let _ = writeln!(out, "{}\n", inlines(&statement.intro));
    for section in &statement.sections {
        if !section.covers.is_empty() {
            let refs: Vec<String> = section.covers.iter().map(|e| e.reference()).collect();
            // Our own text only: the references are built from fixed ids.
            let _ = writeln!(out, "<!-- {} -->", refs.join(", "));
        }
        let _ = writeln!(out, "## {}\n", escape_inline(&section.heading));
        for block in &section.blocks {
            match block {
                Block::Paragraph(parts) => {
                    let _ = writeln!(out, "{}\n", inlines(parts));
                }
                Block::List(items) => {
                    for item in items {
                        let _ = writeln!(out, "- {}", inlines(item));
                    }
                    out.push('\n');
                }
                Block::Subheading(text) => {
                    let _ = writeln!(out, "### {}\n", escape_inline(text));
                }
            }
        }
    }
    // One line end at the end of the file.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Running text: plain, bold labels and bold placeholders, each escaped.
fn inlines(parts: &[Inline]) -> String {
    let mut out = String::new();
    for part in parts {
        match part {
            Inline::Text(text) => out.push_str(&spaced(text)),
            Inline::Strong(text) => {
                let _ = write!(out, "**{}**", escape_inline(text));
            }
            Inline::Fill(missing) => {
                let _ = write!(out, "**{}**", escape_inline(&t::statement_fill(missing)));
            }
        }
    }
    out.trim().to_owned()
}

/// [`escape_inline`] keeping one space at either end where the text had one (it trims).
fn spaced(text: &str) -> String {
    let core = escape_inline(text);
    if core.is_empty() {
        return if text.is_empty() { core } else { " ".into() };
    }
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{core}{trail}")
}

#[cfg(test)]
mod tests;
