//! The key overview, generated from the keymap and grouped by where the keys work.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::centered;
use crate::text as t;
use crate::tui::app::App;
use crate::tui::keymap::{BINDINGS, Scope, key_name};

/// Sections of the help, per column: heading and the scope whose keys it lists. The note editor,
/// the prompts and the forms list their own keys in their box, so they have no section here.
const COLUMNS: [&[(&str, Scope)]; 2] = [
    &[
        (t::HELP_MAIN, Scope::Main),
        (t::HELP_GENERAL, Scope::NotNote),
        (t::HELP_REPORT, Scope::Report),
        (t::HELP_DOCUMENTS, Scope::Documents),
    ],
    &[
        (t::HELP_GUIDED, Scope::Guided),
        (t::HELP_OVERVIEW, Scope::Overview),
        (t::HELP_SCREENS, Scope::Screens),
        (t::HELP_PLAN, Scope::Plan),
        (t::HELP_DRILL, Scope::Drill),
    ],
];

/// The help opened from the intake: its own keys instead of the answer and navigation keys.
const INTAKE_COLUMNS: [&[(&str, Scope)]; 2] = [
    &[
        (t::HELP_INTAKE, Scope::Intake),
        (t::HELP_SCREENS, Scope::Screens),
    ],
    &[(t::HELP_GENERAL, Scope::NotNote)],
];

/// Lines of one section: one per action, with all its keys in that scope.
fn section<'a>(app: &App, heading: &'a str, scope: Scope) -> Vec<Line<'a>> {
    let theme = app.theme;
    let in_scope = || {
        BINDINGS
            .iter()
            .filter(move |b| std::mem::discriminant(&b.scope) == std::mem::discriminant(&scope))
    };
    let mut lines = vec![Line::styled(heading, theme.label())];
    let mut seen = Vec::new();
    for binding in in_scope() {
        if seen.contains(&binding.action) {
            continue;
        }
        seen.push(binding.action);
        let keys: Vec<String> = in_scope()
            .filter(|b| b.action == binding.action)
            .map(|b| key_name(b.code, b.ctrl))
            .collect();
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<15}", keys.join(", ")), theme.key()),
            Span::raw(t::action_label(&binding.action)),
        ]));
    }
    lines.push(Line::raw(""));
    lines
}

/// Draws the help box over `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let layout = if app.mode == crate::tui::app::Mode::Intake {
        &INTAKE_COLUMNS
    } else {
        &COLUMNS
    };
    let columns: Vec<Vec<Line>> = layout
        .iter()
        .map(|sections| {
            let mut lines: Vec<Line> = sections
                .iter()
                .flat_map(|(heading, scope)| section(app, heading, *scope))
                .collect();
            lines.pop(); // the blank line after the last section
            lines
        })
        .collect();
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0) as u16;
    let footer = vec![
        Line::styled(t::HELP_MOUSE, app.theme.dim()),
        Line::styled(t::NOT_LEGAL_ADVICE, app.theme.dim()),
    ];
    let rect = centered(area, 78, tallest + footer.len() as u16 + 2);
    Clear.render(rect, buf);
    let block = Block::default().borders(Borders::ALL).title(t::HELP_TITLE);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let [body, bottom] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(footer.len() as u16)])
            .areas(inner);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
    for (lines, column) in columns.into_iter().zip([left, right]) {
        Paragraph::new(lines).render(column, buf);
    }
    Paragraph::new(footer)
        .wrap(Wrap { trim: true })
        .render(bottom, buf);
}
