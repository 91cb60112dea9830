//! The intake: yes/no questions about the business that decide which items apply.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap,
};

use super::layout::list_offset;
use crate::text as t;
use crate::tui::app::App;

/// Draws the questions with their answers, and the explanation of the current one.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let intake = app.catalog.intake();
    let [list_area, about_area] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(6)]).areas(area);
    let width = usize::from(list_area.width.saturating_sub(9));
    let rows: Vec<ListItem> = intake
        .questions
        .iter()
        .map(|q| {
            if !intake.is_asked(&q.id, &app.assessment.intake) {
                let text = format!(
                    "{:<5} {}",
                    t::NOT_APPLICABLE_SHORT,
                    truncate(&q.question, width)
                );
                return ListItem::new(Line::styled(text, theme.dim()));
            }
            use crate::checklist::Value;
            let (label, style) = match app.assessment.intake.get(&q.id) {
                Some(Value::Yes) => (
                    t::INTAKE_YES.to_owned(),
                    theme.status(Some(crate::assessment::Status::Yes)),
                ),
                Some(Value::No) => (
                    t::INTAKE_NO.to_owned(),
                    theme.status(Some(crate::assessment::Status::No)),
                ),
                Some(Value::Choice(id)) => (
                    truncate(q.choice(id).map_or(id.as_str(), |c| c.label.as_str()), 5),
                    theme.status(Some(crate::assessment::Status::Yes)),
                ),
                None => (t::INTAKE_OPEN.to_owned(), theme.dim()),
            };
            ListItem::new(Line::from(vec![
                Span::styled(format!("{label:<5} "), style),
                Span::raw(truncate(&q.question, width)),
            ]))
        })
        .collect();
    let selected = app.intake_cursor;
    let mut state = ListState::default()
        .with_selected(Some(selected))
        .with_offset(list_offset(selected, list_area.height.saturating_sub(2)));
    let list = List::new(rows)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(t::INTAKE_TITLE),
        )
        .highlight_style(theme.selected());
    StatefulWidget::render(list, list_area, buf, &mut state);
    let mut lines = Vec::new();
    if let Some(question) = intake.questions.get(selected) {
        lines.push(Line::styled(question.question.as_str(), theme.title()));
        lines.push(Line::raw(question.explanation.as_str()));
        for (i, choice) in question.choices.iter().enumerate() {
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", i + 1), theme.key()),
                Span::raw(choice.label.as_str()),
            ]));
        }
    }
    lines.push(Line::styled(t::INTAKE_HINT, theme.dim()));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(about_area, buf);
}

/// Cuts `text` to `width` characters, with an ellipsis when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}
