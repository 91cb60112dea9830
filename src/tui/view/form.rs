//! A form box over the current screen: one labelled line per field, the focused one editable.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::centered;
use crate::text as t;
use crate::tui::app::App;
use crate::tui::form::{Form, FormKind};
use crate::tui::keymap::Context;

/// Draws the form centred over `area`.
pub fn render(app: &App, form: &Form, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let (title, about) = match &form.kind {
        FormKind::Details => (t::DETAILS_TITLE, t::DETAILS_ABOUT.to_owned()),
        FormKind::Plan(id) => (
            t::PLAN_TITLE,
            app.catalog
                .item(id)
                .map_or_else(|| id.clone(), |(_, item)| item.question.to_string()),
        ),
        FormKind::Activity(_) => (t::ACTIVITY_FORM_TITLE, t::ACTIVITY_FORM_ABOUT.to_owned()),
        FormKind::Processor(_) => (t::PROCESSOR_FORM_TITLE, t::PROCESSOR_FORM_ABOUT.to_owned()),
        FormKind::Breach(_, false) => (t::BREACH_FORM_TITLE, t::BREACH_FORM_ABOUT.to_owned()),
        FormKind::Breach(None, true) => (
            t::DRILL_FORM_TITLE,
            crate::documents::drill::Script::bundled().intro.clone(),
        ),
        FormKind::Breach(_, true) => (t::DRILL_FORM_TITLE, t::BREACH_FORM_ABOUT.to_owned()),
        FormKind::DrillStep(_, step) => (
            t::DRILL_STEP_TITLE,
            crate::documents::drill::Script::bundled()
                .steps
                .get(*step)
                .map_or_else(String::new, |s| crate::sanitize::line(&s.title)),
        ),
    };
    let rows = form.fields.len() as u16;
    // As wide as the screen allows (76 columns at 80, up to 100), so long values show more.
    let width = area.width.saturating_sub(4).clamp(60, 100);
    let text_width = width.saturating_sub(2);
    let lines = |text: &str, least: usize, most: usize| {
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .line_count(text_width)
            .clamp(least, most) as u16
    };
    // The text above the fields: two lines, more for a longer one (a drill's intro), at most 5;
    // below them room for the whole of a refusal (it names what is allowed), at most 4 lines.
    let about_rows = lines(&about, 2, 5);
    let error_rows = form.error.as_deref().map_or(2, |e| lines(e, 2, 4));
    let rect = centered(area, width, rows + 3 + about_rows + error_rows);
    Clear.render(rect, buf);
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let [about_area, fields_area, error_area, hint_area] = Layout::vertical([
        Constraint::Length(about_rows),
        Constraint::Length(rows),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    Paragraph::new(about.as_str())
        .style(theme.dim())
        .wrap(Wrap { trim: true })
        .render(about_area, buf);
    let label_width = form
        .fields
        .iter()
        .map(|f| f.label.chars().count() as u16 + 2)
        .max()
        .unwrap_or(10);
    for (i, field) in form.fields.iter().enumerate() {
        let row = Rect::new(
            fields_area.x,
            fields_area.y + i as u16,
            fields_area.width,
            1,
        );
        let [label, input] =
            Layout::horizontal([Constraint::Length(label_width), Constraint::Min(1)]).areas(row);
        let focused = i == form.focus;
        let style = if focused { theme.label() } else { theme.dim() };
        let marker = if focused { "›" } else { " " };
        Line::from(vec![
            Span::styled(marker, theme.key()),
            Span::styled(field.label, style),
        ])
        .render(label, buf);
        if focused {
            field.input.render(input, buf);
        } else {
            Line::raw(field.input.lines().concat()).render(input, buf);
        }
    }
    if let Some(error) = &form.error {
        Paragraph::new(error.as_str())
            .style(theme.error())
            .wrap(Wrap { trim: true })
            .render(error_area, buf);
    }
    super::key_hints(theme, Context::Form).render(hint_area, buf);
}
