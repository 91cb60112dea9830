//! The documents screen: the processing register, the processors and the breach register, each
//! record with what it still lacks, the intake's suggestions to add with Enter, and the selected
//! row explained below.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use crate::documents::DocumentKind;
use crate::report::text::cut;
use crate::text as t;
use crate::tui::app::{App, DocRow};

/// One row as shown: its text and whether it asks for attention.
fn row_text(app: &App, row: &DocRow) -> (String, bool) {
    let docs = &app.assessment.documents;
    let missing = |labels: Vec<String>| {
        if labels.is_empty() {
            (t::DOC_COMPLETE.to_owned(), false)
        } else {
            (t::doc_row_missing(&labels.join(", ")), true)
        }
    };
    match row {
        DocRow::Heading(kind) => (t::DOCUMENT_LABELS[kind.index()].to_owned(), false),
        DocRow::Activity(i) => {
            let a = &docs.activities[*i];
            let (state, flag) = missing(
                a.missing()
                    .iter()
                    .map(|f| t::lower_first(f.label()))
                    .collect(),
            );
            (
                format!("{} · {state}", crate::sanitize::line(&a.name)),
                flag,
            )
        }
        DocRow::Processor(i) => {
            let p = &docs.processors[*i];
            let (state, flag) = missing(
                p.missing()
                    .into_iter()
                    .map(|m| t::processor_missing(m).to_owned())
                    .collect(),
            );
            (
                format!("{} · {state}", crate::sanitize::line(&p.name)),
                flag,
            )
        }
        DocRow::Breach(i) => {
            let b = &docs.breaches[*i];
            let kind = if b.drill { t::breach_kind(true) } else { "" };
            let clock = t::breach_state(b, app.now, &app.tz);
            let open = !b.drill && b.open(app.now);
            (
                format!(
                    "{} {kind} {} · {clock}",
                    b.id,
                    crate::sanitize::line(&b.what)
                ),
                open,
            )
        }
        DocRow::Suggested(kind, id) => {
            let suggestions = crate::documents::suggest::Suggestions::bundled();
            let name = match kind {
                DocumentKind::Register => suggestions
                    .activities
                    .iter()
                    .find(|s| s.id == *id)
                    .map(|s| s.record.name.clone()),
                DocumentKind::Processors => suggestions
                    .processors
                    .iter()
                    .find(|s| s.id == *id)
                    .map(|s| s.record.name.clone()),
                DocumentKind::Breaches => None,
            };
            (t::doc_row_suggested(&name.unwrap_or_default()), false)
        }
        DocRow::NewDrill => (t::DOC_NEW_DRILL.to_owned(), false),
        DocRow::Statement => (t::DOC_STATEMENT.to_owned(), false),
    }
}

/// What Enter does on the selected row, and what the document is for.
fn about(row: &DocRow) -> &'static str {
    match row {
        DocRow::Heading(DocumentKind::Register) => t::DOC_ABOUT_REGISTER,
        DocRow::Heading(DocumentKind::Processors) => t::DOC_ABOUT_PROCESSORS,
        DocRow::Heading(DocumentKind::Breaches) => t::DOC_ABOUT_BREACHES,
        DocRow::Suggested(..) => t::DOC_ABOUT_SUGGESTED,
        DocRow::NewDrill => t::DOC_ABOUT_DRILL,
        DocRow::Statement => t::DOC_ABOUT_STATEMENT,
        DocRow::Activity(_) | DocRow::Processor(_) | DocRow::Breach(_) => t::DOC_ABOUT_RECORD,
    }
}

/// Draws the documents screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let rows = app.document_rows();
    let [list, detail] = Layout::vertical([Constraint::Min(5), Constraint::Length(4)]).areas(area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(t::DOCUMENTS_SCREEN);
    let inner = block.inner(list);
    block.render(list, buf);
    let width = usize::from(inner.width);
    // Keep the selection in view; only the rows shown are built.
    let visible = usize::from(inner.height).max(1);
    let first = app.documents_cursor.saturating_sub(visible - 1);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, row)| {
            let (text, attention) = row_text(app, row);
            // Records and suggestions stand under their document's heading; the statement is one itself.
            let text = if matches!(row, DocRow::Heading(_) | DocRow::Statement) {
                cut(&text, width)
            } else {
                format!("  {}", cut(&text, width.saturating_sub(2)))
            };
            let style = if i == app.documents_cursor {
                theme.selected()
            } else if matches!(row, DocRow::Heading(_) | DocRow::Statement) {
                theme.label()
            } else if matches!(row, DocRow::Suggested(..) | DocRow::NewDrill) {
                theme.dim()
            } else if attention {
                theme.error()
            } else {
                ratatui::style::Style::default()
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
    if let Some(row) = rows.get(app.documents_cursor) {
        Paragraph::new(about(row))
            .style(theme.dim())
            .wrap(Wrap { trim: true })
            .render(detail, buf);
    }
}
