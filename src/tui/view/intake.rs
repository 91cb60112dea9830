//! The intake: yes/no questions about the business that decide which items apply.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, List, ListItem, ListState, Paragraph, StatefulWidget, Widget,
};

use super::layout::list_offset;
use crate::report::text::{cut as truncate, wrap_lines};
use crate::text as t;
use crate::tui::app::App;

/// Widest answer column in the list: a choice label longer than this is cut.
const ANSWER_MAX: usize = 16;

/// Draws the questions with their answers, and below them the current one in full: its
/// explanation and, for a multiple-choice question, every choice with its number. That part is as
/// high as it needs (the list keeps at least three rows), so no choice is ever cut off.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let intake = app.catalog.intake();
    let answers = &app.assessment.intake;
    use crate::checklist::Value;
    let answer_label = |q: &crate::checklist::IntakeQuestion| -> Option<String> {
        match answers.get(&q.id) {
            Some(Value::Yes) => Some(t::INTAKE_YES.to_owned()),
            Some(Value::No) => Some(t::INTAKE_NO.to_owned()),
            Some(Value::Choice(id)) => Some(q.choice(id).map_or(id.clone(), |c| c.label.clone())),
            None => None,
        }
    };
    let column = intake
        .questions
        .iter()
        .filter_map(&answer_label)
        .map(|l| textwrap::core::display_width(&l))
        .chain([
            textwrap::core::display_width(t::NOT_APPLICABLE_SHORT),
            textwrap::core::display_width(t::INTAKE_OPEN),
        ])
        .max()
        .unwrap_or(5)
        .min(ANSWER_MAX);

    // The current question in full, wrapped to the width.
    let width = usize::from(area.width.max(1));
    let mut about: Vec<Line> = Vec::new();
    let selected = app.intake_cursor;
    if let Some(question) = intake.questions.get(selected) {
        for line in wrap_lines(&question.question, width, 0, true) {
            about.push(Line::styled(line, theme.title()));
        }
        for line in wrap_lines(&question.explanation, width, 0, true) {
            about.push(Line::raw(line));
        }
        let chosen = match answers.get(&question.id) {
            Some(Value::Choice(id)) => Some(id.as_str()),
            _ => None,
        };
        for (i, choice) in question.choices.iter().enumerate() {
            let number = format!("{} ", i + 1);
            let style = if chosen == Some(choice.id.as_str()) {
                theme.selected()
            } else {
                ratatui::style::Style::default()
            };
            for (n, line) in wrap_lines(&choice.label, width.saturating_sub(2), 0, true)
                .into_iter()
                .enumerate()
            {
                let lead = if n == 0 {
                    number.clone()
                } else {
                    "  ".to_owned()
                };
                about.push(Line::from(vec![
                    Span::styled(lead, theme.key()),
                    Span::styled(line, style),
                ]));
            }
        }
    }
    for line in wrap_lines(t::INTAKE_HINT, width, 0, true) {
        about.push(Line::styled(line, theme.dim()));
    }
    let room = area.height.saturating_sub(5); // the list: borders and three questions
    let about_height = u16::try_from(about.len()).unwrap_or(u16::MAX).min(room);
    let [list_area, about_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(about_height)]).areas(area);

    let width = usize::from(list_area.width.saturating_sub(3)).saturating_sub(column + 1);
    let rows: Vec<ListItem> = intake
        .questions
        .iter()
        .map(|q| {
            if !intake.is_asked(&q.id, answers) {
                let text = format!(
                    "{} {}",
                    pad(t::NOT_APPLICABLE_SHORT, column),
                    truncate(&q.question, width)
                );
                return ListItem::new(Line::styled(text, theme.dim()));
            }
            let (label, style) = match (answer_label(q), answers.get(&q.id)) {
                (Some(label), Some(Value::No)) => {
                    (label, theme.status(Some(crate::assessment::Status::No)))
                }
                (Some(label), _) => (label, theme.status(Some(crate::assessment::Status::Yes))),
                (None, _) => (t::INTAKE_OPEN.to_owned(), theme.dim()),
            };
            ListItem::new(Line::from(vec![
                Span::styled(
                    format!("{} ", pad(&truncate(&label, column), column)),
                    style,
                ),
                Span::raw(truncate(&q.question, width)),
            ]))
        })
        .collect();
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
    Paragraph::new(about).render(about_area, buf);
}

/// `text` padded with spaces to `width` display columns.
fn pad(text: &str, width: usize) -> String {
    let used = textwrap::core::display_width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}
