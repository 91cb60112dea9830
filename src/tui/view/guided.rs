//! The walk-through: one question at a time.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Widget, Wrap};

use super::detail;
use crate::text as t;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};

/// How many answers of a session show what the answers mean.
const FIRST_ANSWERS: usize = 5;

/// Draws the current question with everything needed to answer it.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (Some((_, item)), Some(checklist)) = (app.current(), app.shown_in(app.cursor)) else {
        return;
    };
    let theme = app.theme;
    let numbered = app.question_number(app.cursor);
    let mut title = vec![Span::styled(
        format!(" {} ", checklist.title),
        theme.label(),
    )];
    if let Some((number, of)) = numbered {
        title.push(Span::styled(
            format!("· {} ", t::question_of(number, of)),
            theme.dim(),
        ));
    }
    // A section belongs to the checklist the item lives in; listed in another, it would mislead.
    let lives_here = app
        .current()
        .is_some_and(|(owner, _)| owner.id == checklist.id);
    if let Some(section) = item.section.as_ref().filter(|_| lives_here) {
        title.push(Span::styled(format!("· {section} "), theme.dim()));
    }
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Line::from(title))
        .padding(Padding::horizontal(1));
    let mut head = Vec::new();
    if numbered.is_some_and(|(number, _)| number == 1)
        && let Some(intro) = &checklist.intro
    {
        head.push(Line::styled(intro.as_str(), theme.dim()));
        head.push(Line::raw(""));
    }
    head.push(Line::styled(item.question.as_str(), theme.title()));
    let mut rest = Vec::new();
    // What nee, weet ik niet and niet van toepassing mean, while the user is starting out.
    // (The session's intake answers, details and depth do not count: only answers to questions.)
    let answers_given = app
        .changed
        .iter()
        .filter(|id| app.catalog.item(id).is_some())
        .count();
    if answers_given < FIRST_ANSWERS {
        rest.push(Line::styled(t::ANSWER_MEANINGS, theme.dim()));
    }
    rest.push(Line::raw(""));
    rest.extend(detail::lines(app, item));
    let inner = block.inner(area);
    block.render(area, buf);
    // The answer keys follow the question; when a long question (or a small screen) would push
    // them out of sight, they keep the last row and the text above is cut instead.
    let head_rows = Paragraph::new(head.clone())
        .wrap(Wrap { trim: false })
        .line_count(inner.width);
    if head_rows + 1 > usize::from(inner.height) && inner.height >= 2 {
        let [top, keys] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        Paragraph::new(head)
            .wrap(Wrap { trim: false })
            .render(top, buf);
        Paragraph::new(answer_keys(app)).render(keys, buf);
        return;
    }
    let mut lines = head;
    lines.push(answer_keys(app));
    lines.extend(rest);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

/// "Antwoord met: j ja  d deels ...", from the keymap.
fn answer_keys(app: &App) -> Line<'static> {
    let theme = app.theme;
    let mut spans = vec![Span::styled(format!("{}: ", t::ANSWER_WITH), theme.dim())];
    for (key, action) in keymap::footer(Context::Guided) {
        if matches!(action, Action::Answer(_)) {
            spans.push(Span::styled(format!("{key} "), theme.key()));
            spans.push(Span::raw(format!("{}  ", t::action_label(&action))));
        }
    }
    Line::from(spans)
}
