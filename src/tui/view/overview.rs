//! The overview: checklists with progress, the items of one, and the details of the selected item.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap,
};

use super::detail;
use super::layout::{self, list_offset};
use crate::report::text::cut as truncate;
use crate::text as t;
use crate::tui::app::App;

/// Draws the three panes.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let panes = layout::overview(area);
    checklists(app, panes.checklists, buf);
    items(app, panes.items, buf);
    details(app, panes.details, buf);
}

fn checklists(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let inner_width = usize::from(area.width.saturating_sub(2));
    let rows: Vec<ListItem> = app
        .scan
        .checklists
        .iter()
        .map(|c| {
            let numbers = if c.excluded.is_some() {
                format!("{:>10}", t::NOT_APPLICABLE_SHORT)
            } else {
                format!(
                    "{:>2}/{:<2} {:>3}%",
                    c.answered,
                    c.total,
                    crate::report::document::percent(c.score)
                )
            };
            let room = inner_width.saturating_sub(numbers.chars().count() + 1);
            let title = truncate(&c.title, room);
            let pad = room.saturating_sub(title.chars().count());
            let title_style = if c.excluded.is_some() {
                theme.dim()
            } else {
                ratatui::style::Style::default()
            };
            ListItem::new(Line::from(vec![
                Span::styled(title, title_style),
                Span::raw(" ".repeat(pad + 1)),
                Span::styled(numbers, theme.dim()),
            ]))
        })
        .collect();
    let selected = app.checklist_index();
    let mut state = ListState::default()
        .with_selected(Some(selected))
        .with_offset(list_offset(selected, area.height.saturating_sub(2)));
    let list = List::new(rows)
        .block(Block::default().borders(Borders::ALL).title(t::CHECKLISTS))
        .highlight_style(theme.selected());
    StatefulWidget::render(list, area, buf, &mut state);
}

fn items(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let ci = app.checklist_index();
    let checklist = &app.catalog.checklists()[ci];
    let first = app.first_of(ci).unwrap_or(0);
    let width = usize::from(area.width.saturating_sub(6));
    // Only the rows in view are built: a checklist of 10,000 items costs a screenful per key.
    let selected = app.cursor - first;
    let height = usize::from(area.height.saturating_sub(2));
    let offset = list_offset(selected, area.height.saturating_sub(2));
    let shown = offset..checklist.entries.len().min(offset + height);
    let rows: Vec<ListItem> = shown
        .map(|k| {
            let i = first + k;
            let (Some((_, item)), Some(state)) = (app.at(i), app.state(i)) else {
                return ListItem::new(Line::raw(""));
            };
            let question = truncate(&item.question, width);
            // Not asked here: ruled out by the intake, outside the depth, after a parent's nee, or
            // asked in the checklist it lives in. Dimmed, with a mark saying which.
            let mark = if !state.applies() {
                Some(t::MARK_EXCLUDED)
            } else if state.deeper {
                Some(t::MARK_DEEPER)
            } else if state.ruled_out.is_some() {
                Some(t::MARK_FOLLOW_UP)
            } else {
                None
            };
            if let Some(mark) = mark {
                return ListItem::new(Line::styled(format!("{mark}  {question}"), theme.dim()));
            }
            let status = state.status;
            // What asks for the user's attention comes before "listed from another checklist".
            let flag = match t::item_flag(state.question_changed, state.review_due, state.new) {
                " " if state.shared_from.is_some() => t::MARK_SHARED,
                flag => flag,
            };
            ListItem::new(Line::from(vec![
                Span::styled(t::status_mark(status), theme.status(status)),
                Span::styled(format!("{flag} "), theme.error()),
                Span::raw(question),
            ]))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(selected - offset));
    let title = format!(
        " {} ",
        truncate(&checklist.title, usize::from(area.width.saturating_sub(4)))
    );
    let list = List::new(rows)
        .block(Block::default().borders(Borders::ALL).title(title))
        .highlight_style(theme.selected());
    StatefulWidget::render(list, area, buf, &mut state);
}

fn details(app: &App, area: Rect, buf: &mut Buffer) {
    let Some((_, item)) = app.current() else {
        return;
    };
    let block = Block::default().borders(Borders::ALL).title(t::DETAILS);
    let inner = block.inner(area);
    block.render(area, buf);
    let text = Paragraph::new(detail::overview_lines(app, item)).wrap(Wrap { trim: false });
    // Too long for the pane (a long question, a long note): the text is cut and the last row
    // says where the rest is.
    if text.line_count(inner.width) > usize::from(inner.height) && inner.height >= 2 {
        let [top, more] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        text.render(top, buf);
        Line::styled(
            truncate(t::DETAILS_MORE, usize::from(more.width)),
            app.theme.dim(),
        )
        .render(more, buf);
    } else {
        text.render(inner, buf);
    }
}
