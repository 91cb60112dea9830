//! Drawing the start screen: a table of assessments, the keys, and the open prompt or question.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap,
};

use super::{StartOverlay, StartScreen};
use crate::report::document::percent;
use crate::report::text::cut as truncate;
use crate::text as t;
use crate::tui::keymap::Context;
use crate::tui::view::editor::{self, EditorBox};
use crate::tui::view::layout::{self, list_offset};
use crate::tui::view::{confirm_box, key_hints, status_line};

/// Widths of the name and organisation columns for a list `width` wide.
fn name_widths(width: usize) -> (usize, usize) {
    // The selection mark (2), progress (9), score (5), high (5), the date (16) and the spaces
    // between the columns (6) take 43 columns; name and organisation share the rest.
    let rest = width.saturating_sub(43);
    let name = (rest / 3).clamp(8, 24);
    (name, rest.saturating_sub(name).max(8))
}

/// Draws the whole start screen.
pub fn render(screen: &StartScreen, area: Rect, buf: &mut Buffer) {
    let theme = screen.theme;
    let layout::Frame {
        header,
        body,
        keys,
        status,
    } = layout::frame(
        area,
        layout::status_lines(screen.message.as_ref().map(|(_, m)| m.as_str()), area).len(),
    );
    Line::from(vec![
        Span::styled(" Privacy Quick Scan ", theme.title()),
        Span::styled(t::start_title(&screen.folder), theme.dim()),
    ])
    .render(header, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(t::START_LIST_TITLE);
    let inner = block.inner(body);
    block.render(body, buf);
    let [columns, list_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    let (name_w, org_w) = name_widths(usize::from(inner.width));
    let [name_h, org_h, progress_h, score_h, high_h, date_h] = t::START_COLUMNS;
    Line::styled(
        format!(
            "  {name_h:<name_w$} {org_h:<org_w$} {progress_h:>9} {score_h:>5} {high_h:>5}  {date_h}"
        ),
        theme.label(),
    )
    .render(columns, buf);
    if screen.rows.is_empty() {
        Paragraph::new(t::START_EMPTY_HINT)
            .style(theme.dim())
            .wrap(Wrap { trim: true })
            .render(list_area, buf);
    }
    let rows: Vec<ListItem> = screen
        .rows
        .iter()
        .map(|row| match row {
            Ok(l) => {
                let edited = l
                    .updated
                    .to_zoned_datetime(screen.tz.clone())
                    .strftime("%d-%m-%Y %H:%M")
                    .to_string();
                let progress = format!("{}/{}", l.answered, l.total);
                let organisation = crate::sanitize::line(&l.organisation);
                ListItem::new(Line::raw(format!(
                    "{:<name_w$} {:<org_w$} {progress:>9} {:>4}% {:>5}  {edited}",
                    truncate(&l.name, name_w),
                    truncate(&organisation, org_w),
                    percent(l.score),
                    l.open_high,
                )))
            }
            Err(unreadable) => ListItem::new(Line::styled(
                format!(
                    "{:<name_w$} {}",
                    truncate(&unreadable.name, name_w),
                    t::START_UNREADABLE
                ),
                theme.error(),
            )),
        })
        .collect();
    let mut state = ListState::default()
        .with_selected((!screen.rows.is_empty()).then_some(screen.cursor))
        .with_offset(list_offset(screen.cursor, list_area.height));
    let list = List::new(rows)
        .highlight_style(theme.selected())
        .highlight_symbol("› ");
    StatefulWidget::render(list, list_area, buf, &mut state);
    key_hints(theme, screen.context()).render(keys, buf);
    status_line(theme, screen.message.as_ref(), status, buf);
    match &screen.overlay {
        StartOverlay::None => {}
        StartOverlay::New(text) | StartOverlay::Rename(text) => {
            let (title, about) = if matches!(screen.overlay, StartOverlay::New(_)) {
                (t::START_NEW_TITLE, t::ORGANISATION_ASK)
            } else {
                (t::START_RENAME_TITLE, t::START_RENAME_ASK)
            };
            let spec = EditorBox {
                title,
                about,
                context: Context::Prompt,
                height: 6,
            };
            editor::render(theme, &spec, text, area, buf);
        }
        StartOverlay::ConfirmDelete => {
            let name = screen
                .rows
                .get(screen.cursor)
                .map(|row| match row {
                    Ok(l) => l.name.clone(),
                    Err(u) => u.name.clone(),
                })
                .unwrap_or_default();
            confirm_box(
                theme,
                t::START_DELETE_TITLE,
                &t::start_delete_question(&name),
                area,
                buf,
            );
        }
        StartOverlay::OfferReadOnly { reason, .. } => {
            let question = format!("{reason}\n\n{}", t::READ_ONLY_ASK);
            confirm_box(theme, t::READ_ONLY_TITLE, &question, area, buf);
        }
    }
    crate::tui::view::scrub(area, buf);
}
