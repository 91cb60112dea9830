//! The note editor (ratatui-textarea) over the current screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use ratatui_textarea::TextArea;

use super::centered;
use crate::text as t;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};

/// Draws the editor box.
pub fn render(app: &App, editor: &TextArea<'static>, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let rect = centered(area, 72, 12);
    Clear.render(rect, buf);
    let question = app.current().map_or("", |(_, item)| item.question.as_str());
    let block = Block::default().borders(Borders::ALL).title(t::NOTE_TITLE);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let [about, text, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    Line::styled(question, theme.dim()).render(about, buf);
    editor.render(text, buf);
    let mut spans = Vec::new();
    for (key, action) in keymap::footer(Context::Note) {
        spans.push(Span::styled(format!("{key} "), theme.key()));
        spans.push(Span::raw(format!("{}  ", t::action_label(&action))));
    }
    Line::from(spans).render(hint, buf);
}
