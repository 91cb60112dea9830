//! A box with a ratatui-textarea editor over the current screen: the note editor and the export prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use ratatui_textarea::TextArea;

use super::centered;
use crate::tui::keymap::Context;
use crate::tui::theme::Theme;

/// What goes in the box besides the editor.
pub struct EditorBox<'a> {
    /// Border title.
    pub title: &'a str,
    /// One dim line above the editor (the question, or what to type).
    pub about: &'a str,
    /// Whose keys the hint line lists.
    pub context: Context,
    /// Outer height of the box.
    pub height: u16,
}

/// Draws the box centred over `area`, with a hint line generated from the keymap.
pub fn render(
    theme: Theme,
    spec: &EditorBox,
    editor: &TextArea<'static>,
    area: Rect,
    buf: &mut Buffer,
) {
    let rect = centered(area, 72, spec.height);
    Clear.render(rect, buf);
    let block = Block::default().borders(Borders::ALL).title(spec.title);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let [about, text, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    Line::styled(spec.about, theme.dim()).render(about, buf);
    editor.render(text, buf);
    super::key_hints(theme, spec.context).render(hint, buf);
}
