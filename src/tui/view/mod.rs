//! Drawing: `impl Widget for &App`, so a frame borrows the state and cannot change it or do I/O.

pub(crate) mod boxes;
mod detail;
mod documents;
mod drill;
pub mod editor;
mod form;
mod guided;
mod help;
pub mod intake;
pub mod layout;
mod overview;
mod plan;
mod report;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::app::{App, Mode, Overlay, Tone};
use super::keymap;
use crate::text as t;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let message = self.message.as_ref().map(|(_, m)| m.as_str());
        let frame = layout::frame(area, layout::status_lines(message, area).len());
        header(self, frame.header, buf);
        match self.mode {
            Mode::Guided => guided::render(self, frame.body, buf),
            Mode::Overview => overview::render(self, frame.body, buf),
            Mode::Report => report::render(self, frame.body, buf),
            Mode::Intake => intake::render(self, frame.body, buf),
            Mode::Plan => plan::render(self, frame.body, buf),
            Mode::Documents => documents::render(self, frame.body, buf),
            Mode::Drill => drill::render(self, frame.body, buf),
        }
        footer(self, frame.keys, buf);
        status(self, frame.status, buf);
        match &self.overlay {
            Overlay::None => {}
            Overlay::Help => help::render(self, area, buf),
            Overlay::Note(text) => {
                let question = self
                    .current()
                    .map_or("", |(_, item)| item.question.as_str());
                let spec = editor::EditorBox {
                    title: t::NOTE_TITLE,
                    about: question,
                    context: keymap::Context::Note,
                    height: 12,
                };
                editor::render(self.theme, &spec, text, area, buf);
            }
            Overlay::Organisation(prompt) => {
                let spec = editor::EditorBox {
                    title: t::ORGANISATION_TITLE,
                    about: t::ORGANISATION_ASK,
                    context: keymap::Context::Prompt,
                    height: 6,
                };
                editor::render(self.theme, &spec, prompt, area, buf);
            }
            Overlay::Form(form) => form::render(self, form, area, buf),
            Overlay::Pause { finished, next } => boxes::pause(self, *finished, *next, area, buf),
            Overlay::IntakeDone(estimate, scroll) => {
                boxes::intake_done(self, *estimate, *scroll, area, buf);
            }
            Overlay::Depth(choice) => boxes::depth(self, choice, area, buf),
            Overlay::Compare(choice) => boxes::compare(self, choice, area, buf),
            Overlay::Glossary(offset) => boxes::glossary(self, *offset, area, buf),
            Overlay::RemoveConfirm(_, name) => {
                let question = t::remove_question(&crate::sanitize::line(name));
                confirm_box(self.theme, t::REMOVE_TITLE, &question, area, buf);
            }
            Overlay::QuitConfirm(where_) => {
                let question = t::quit_mid_checklist(where_);
                confirm_box(self.theme, t::QUIT_TITLE, &question, area, buf);
            }
            Overlay::ReadOnlyOffer => {
                let reason = self.read_only.as_deref().unwrap_or_default();
                let question = format!("{reason}\n\n{}", t::READ_ONLY_ASK);
                confirm_box(self.theme, t::READ_ONLY_TITLE, &question, area, buf);
            }
            Overlay::Export(prompt) => {
                let spec = editor::EditorBox {
                    title: t::EXPORT_TITLE,
                    about: t::EXPORT_ASK,
                    context: keymap::Context::Prompt,
                    height: 6,
                };
                editor::render(self.theme, &spec, prompt, area, buf);
            }
        }
        scrub(area, buf);
    }
}

/// The last check before cells reach the terminal. ratatui drops control characters but keeps
/// zero-width ones, appending them to the cell before: a bidi override in a question or note would
/// reach the terminal that way. Such characters are removed from every cell of the frame.
pub fn scrub(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if cell.symbol().chars().any(crate::sanitize::is_unsafe) {
                let kept: String = cell
                    .symbol()
                    .chars()
                    .filter(|c| !crate::sanitize::is_unsafe(*c))
                    .collect();
                cell.set_symbol(if kept.is_empty() { " " } else { &kept });
            }
        }
    }
}

fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let mut left = vec![
        Span::styled(" Privacy Quick Scan ", theme.title()),
        Span::raw(app.name.as_str()),
    ];
    if app.read_only.is_some() {
        left.insert(1, Span::styled(t::READ_ONLY_BADGE, theme.error()));
        left.insert(2, Span::raw(" "));
    }
    // A breach waiting for the decision to report: the clock of the most urgent one, first.
    if let Some(clock) = app
        .assessment
        .documents
        .incidents()
        .filter(|b| b.open(app.now))
        .min_by_key(|b| b.deadline())
        .and_then(|b| t::header_clock(&b.clock(app.now)))
    {
        left.insert(1, Span::styled(clock, theme.error()));
    }
    let organisation = crate::sanitize::line(&app.assessment.organisation);
    if !organisation.is_empty() {
        left.push(Span::styled(format!(" · {organisation}"), theme.dim()));
    }
    // Privacy law's questions and score, as the reports count them; the questions of other law
    // after them when there is room. A leading space keeps a long organisation name from running
    // into the numbers.
    let totals = &app.scan.totals;
    let mut right = format!(
        " {}",
        t::progress(totals.answered, totals.total, totals.score)
    );
    let others: String = app
        .scan
        .others
        .iter()
        .filter(|o| o.total > 0)
        .map(|o| t::progress_other(o.scope, o.answered, o.total))
        .collect();
    // Only where the name and organisation still fit whole.
    let left_width: usize = left.iter().map(Span::width).sum();
    if left_width + right.chars().count() + others.chars().count() < usize::from(area.width) {
        right.push_str(&others);
    }
    let [l, r] = layout::header(area, right.chars().count() as u16 + 1);
    Line::from(left).render(l, buf);
    Line::from(right).style(theme.dim()).render(r, buf);
}

fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    // In the walk-through the answer keys stand under the question; the footer has the rest.
    let answers_in_body = app.context() == keymap::Context::Guided;
    // Read-only, the keys that would change something are not offered.
    let read_only = app.read_only.is_some();
    // On a multiple-choice intake question the numbers answer, not j and n.
    let choices = match app.context() {
        keymap::Context::Intake => app
            .catalog
            .intake()
            .questions
            .get(app.intake_cursor)
            .map_or(0, |q| q.choices.len()),
        _ => 0,
    };
    use super::action::{Action, IntakeKey};
    let mut bindings: Vec<_> = keymap::footer(app.context())
        .into_iter()
        .filter(|(_, action)| {
            let under_question = answers_in_body && matches!(action, Action::Answer(_));
            let refused = read_only && super::update::changes_the_assessment(*action);
            let yes_no = choices > 0
                && matches!(action, Action::IntakeAnswer(IntakeKey::Yes | IntakeKey::No));
            !under_question && !refused && !yes_no
        })
        .collect();
    let spans_for = |bindings: &[(String, super::action::Action)], collapse: bool| {
        let mut spans = Vec::new();
        if choices > 0 && !read_only {
            spans.push(Span::styled(format!(" 1-{} ", choices.min(9)), theme.key()));
            spans.push(Span::raw(t::CHOOSE_LABEL));
        }
        let answer_keys: Vec<&str> = bindings
            .iter()
            .filter(|(_, a)| matches!(a, super::action::Action::Answer(_)))
            .map(|(k, _)| k.as_str())
            .collect();
        if collapse && !answer_keys.is_empty() {
            spans.push(Span::styled(
                format!(" {} ", answer_keys.join(" ")),
                theme.key(),
            ));
            spans.push(Span::raw(t::ANSWER_KEYS));
        }
        for (key, action) in bindings {
            if collapse && matches!(action, super::action::Action::Answer(_)) {
                continue;
            }
            spans.push(Span::styled(format!(" {key} "), theme.key()));
            spans.push(Span::raw(t::action_short_label(action)));
        }
        Line::from(spans)
    };
    let fits = |line: &Line| line.width() <= usize::from(area.width);
    let full = spans_for(&bindings, false);
    if fits(&full) {
        full.render(area, buf);
        return;
    }
    // Collapse the answer keys; if that is still too wide, drop the latest optional keys
    // (help and quit always stay: help lists everything).
    let mut line = spans_for(&bindings, true);
    while !fits(&line) {
        let optional = bindings.iter().rposition(|(_, action)| {
            !matches!(
                action,
                super::action::Action::ToggleHelp
                    | super::action::Action::Quit
                    | super::action::Action::Answer(_)
            )
        });
        let Some(index) = optional else { break };
        bindings.remove(index);
        line = spans_for(&bindings, true);
    }
    line.render(area, buf);
}

fn status(app: &App, area: Rect, buf: &mut Buffer) {
    status_line(app.theme, app.message.as_ref(), area, buf);
}

/// The status line: a message, coloured by its tone, over as many rows as `area` has (the frame
/// gives it the rows of [`layout::status_lines`]).
pub fn status_line(
    theme: super::theme::Theme,
    message: Option<&(Tone, String)>,
    area: Rect,
    buf: &mut Buffer,
) {
    if let Some((tone, message)) = message {
        let style = match tone {
            Tone::Info => theme.info(),
            Tone::Error => theme.error(),
        };
        let lines: Vec<Line> = layout::wrap_status(Some(message), area.width, area.height)
            .into_iter()
            .map(Line::from)
            .collect();
        Paragraph::new(lines).style(style).render(area, buf);
    }
}

/// "key label  key label" for every footer key of a context, as the boxes show them.
pub fn key_hints(theme: super::theme::Theme, context: keymap::Context) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, action) in keymap::footer(context) {
        spans.push(Span::styled(format!("{key} "), theme.key()));
        spans.push(Span::raw(format!("{}  ", t::action_label(&action))));
    }
    Line::from(spans)
}

/// A yes/no question in a centred box, with the keys of [`keymap::Context::Confirm`] under it.
pub fn confirm_box(
    theme: super::theme::Theme,
    title: &str,
    question: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    use ratatui::widgets::{Block, Borders, Clear, Wrap};
    let width: u16 = 64;
    let text_lines = crate::report::text::wrap(question, usize::from(width - 4), 0)
        .lines()
        .count();
    let height = u16::try_from(text_lines)
        .unwrap_or(u16::MAX)
        .saturating_add(3)
        .max(6);
    let rect = centered(area, width, height);
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title.to_owned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    let [text, hint] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    Paragraph::new(crate::sanitize::text(question))
        .wrap(Wrap { trim: true })
        .render(text, buf);
    key_hints(theme, keymap::Context::Confirm).render(hint, buf);
}

/// A centred rectangle of at most `width` x `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    rect
}
