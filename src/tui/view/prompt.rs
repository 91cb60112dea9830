//! The one-line prompt for the export folder.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use ratatui_textarea::TextArea;

use super::centered;
use crate::text as t;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};

/// Draws the prompt box.
pub fn render(app: &App, prompt: &TextArea<'static>, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let rect = centered(area, 72, 6);
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(t::EXPORT_TITLE);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let [about, input, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    Line::styled(t::EXPORT_ASK, theme.dim()).render(about, buf);
    prompt.render(input, buf);
    let mut spans = Vec::new();
    for (key, action) in keymap::footer(Context::Prompt) {
        spans.push(Span::styled(format!("{key} "), theme.key()));
        spans.push(Span::raw(format!("{}  ", t::action_label(&action))));
    }
    Line::from(spans).render(hint, buf);
}
