//! The boxes between parts: the end of a checklist, the end of the intake, the depth of the scan
//! and the glossary.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::centered;
use crate::report::estimate::Estimate;
use crate::text as t;
use crate::tui::app::{App, CompareChoice, CompareOption, DepthChoice};

/// The width of a box over `area`.
fn box_width(area: Rect) -> u16 {
    area.width.clamp(20, 72)
}

/// How many lines of text a box over `area` shows at most (its borders, a blank line and the hint
/// take four more, and a line above and below stays free).
fn text_room(area: Rect) -> u16 {
    area.height.saturating_sub(6).max(3)
}

/// The text of a box, wrapped as it is drawn.
fn paragraph(lines: Vec<Line<'_>>) -> Paragraph<'_> {
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// Lines of `lines` when drawn in a box over `area`.
fn rows(lines: Vec<Line<'_>>, area: Rect) -> u16 {
    let width = box_width(area).saturating_sub(2);
    u16::try_from(paragraph(lines).line_count(width)).unwrap_or(u16::MAX)
}

/// A box with a title, lines of text and a hint under them, centred over `area`: as high as its
/// text, at most the screen; text that does not fit scrolls (`scroll` lines down, ↑↓), and the
/// hint says so.
fn text_box(
    app: &App,
    title: &str,
    lines: Vec<Line<'_>>,
    hint: &str,
    scroll: u16,
    area: Rect,
    buf: &mut Buffer,
) {
    let width = box_width(area);
    let total = rows(lines.clone(), area);
    let shown = total.min(text_room(area));
    let rect = centered(area, width, shown.saturating_add(4));
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title.to_owned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    let [text, _, keys] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let scroll = scroll.min(total - shown);
    paragraph(lines).scroll((scroll, 0)).render(text, buf);
    let hint = if total > shown {
        format!("{hint} · {}", t::SCROLL_MORE)
    } else {
        hint.to_owned()
    };
    Line::styled(hint, app.theme.dim()).render(keys, buf);
}

/// How far the open box can scroll: the lines of its text that do not fit.
pub(crate) fn scroll_room(app: &App) -> u16 {
    let area = app.area;
    let lines = match &app.overlay {
        crate::tui::app::Overlay::IntakeDone(estimate, _) => intake_done_lines(app, *estimate),
        crate::tui::app::Overlay::Glossary(_) => glossary_lines(app),
        _ => return 0,
    };
    rows(lines, area).saturating_sub(text_room(area))
}

/// The end of a checklist: what is in order, what is open, what comes next.
pub fn pause(app: &App, finished: usize, next: Option<usize>, area: Rect, buf: &mut Buffer) {
    let Some(scan) = app.scan.checklists.get(finished) else {
        return;
    };
    // The questions the walk-through asks in a checklist (an item listed in two is asked once).
    let asked_in = |ci: usize| {
        (0..app.positions.len())
            .filter(move |&i| app.positions[i].0 == ci && app.asked_here(i))
            .filter_map(|i| app.state(i))
    };
    let (done, open): (Vec<_>, Vec<_>) = asked_in(finished).partition(|i| !i.is_gap());
    let high = open
        .iter()
        .filter(|i| i.severity == crate::checklist::Severity::High)
        .count();
    let mut lines = vec![
        Line::raw(t::pause_summary(done.len(), open.len(), high)),
        Line::raw(""),
    ];
    match next.and_then(|n| app.positions.get(n)) {
        Some(&(ci, _)) => {
            let questions = asked_in(ci).filter(|i| i.status.is_none()).count();
            lines.push(Line::raw(t::pause_next(
                &app.scan.checklists[ci].title,
                questions,
            )));
        }
        None => lines.push(Line::raw(t::PAUSE_ALL_DONE)),
    }
    text_box(
        app,
        &t::pause_title(&scan.title),
        lines,
        t::PAUSE_HINT,
        0,
        area,
        buf,
    );
}

/// The end of the intake: how many questions follow and how long they take, then what pqs decided
/// from the answers, each with why (and what to find out when it is not sure).
fn intake_done_lines(app: &App, estimate: Estimate) -> Vec<Line<'_>> {
    let theme = app.theme;
    let intake = app.catalog.intake();
    let facts = intake.effective(&app.assessment.intake);
    let mut lines = vec![
        Line::raw(t::intake_done_next(
            estimate.questions,
            estimate.privacy,
            estimate.minutes(),
        )),
        Line::raw(""),
    ];
    if !intake.decisions.is_empty() {
        lines.push(Line::styled(t::INTAKE_DECIDED, theme.label()));
        for decision in &intake.decisions {
            let outcome = decision.decide(&facts);
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", decision.title), theme.title()),
                Span::raw(
                    outcome
                        .map_or(t::DECISION_OPEN, |o| o.label.as_str())
                        .to_owned(),
                ),
            ]));
            if let Some(o) = outcome {
                lines.push(Line::styled(format!("  {}", o.reason), theme.dim()));
                if let Some(find_out) = &o.find_out {
                    lines.push(Line::raw(format!("  {}", t::find_out_line(find_out))));
                }
            }
        }
    }
    lines
}

/// The end of the intake (see [`intake_done_lines`]), scrolled `scroll` lines.
pub fn intake_done(app: &App, estimate: Estimate, scroll: u16, area: Rect, buf: &mut Buffer) {
    text_box(
        app,
        t::INTAKE_DONE_TITLE,
        intake_done_lines(app, estimate),
        t::INTAKE_DONE_HINT,
        scroll,
        area,
        buf,
    );
}

/// How deep the scan goes: numbered choices.
pub fn depth(app: &App, choice: &DepthChoice, area: Rect, buf: &mut Buffer) {
    let [quick, full] = choice.whole;
    let mut lines = vec![
        Line::raw(t::depth_option(1, true, quick.questions, quick.minutes())),
        Line::raw(t::depth_option(2, false, full.questions, full.minutes())),
    ];
    if let Some(checklist) = choice
        .checklist
        .and_then(|ci| app.catalog.checklists().get(ci))
    {
        lines.push(Line::raw(""));
        lines.push(Line::raw(t::depth_option_checklist(
            3,
            true,
            &checklist.title,
        )));
        lines.push(Line::raw(t::depth_option_checklist(
            4,
            false,
            &checklist.title,
        )));
    }
    let options = if choice.checklist.is_some() { 4 } else { 2 };
    lines.push(Line::raw(""));
    lines.push(Line::styled(t::DEPTH_HINT, app.theme.dim()));
    text_box(
        app,
        t::DEPTH_TITLE,
        lines,
        &t::choose_hint(options),
        0,
        area,
        buf,
    );
}

/// What to compare with: one line per choice, the highlighted one marked; the list scrolls so
/// the highlighted choice stays in view.
pub fn compare(app: &App, choice: &CompareChoice, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let lines: Vec<Line> = choice
        .options
        .iter()
        .enumerate()
        .map(|(k, option)| {
            let text = match option {
                CompareOption::PreviousSession => t::COMPARE_PREVIOUS.to_owned(),
                CompareOption::At(_, label) => label.clone(),
                CompareOption::Date => {
                    let typed = crate::sanitize::line(&choice.date.lines().concat());
                    format!(
                        "{}{typed}{}",
                        t::COMPARE_DATE,
                        if k == choice.cursor { "▏" } else { "" }
                    )
                }
            };
            if k == choice.cursor {
                Line::styled(format!("› {text}"), theme.selected())
            } else {
                Line::raw(format!("  {text}"))
            }
        })
        .collect();
    let scroll = u16::try_from(choice.cursor)
        .unwrap_or(u16::MAX)
        .saturating_sub(text_room(area).saturating_sub(1));
    text_box(
        app,
        t::COMPARE_TITLE,
        lines,
        t::COMPARE_HINT,
        scroll,
        area,
        buf,
    );
}

/// The glossary's terms with their meaning.
fn glossary_lines(app: &App) -> Vec<Line<'_>> {
    let theme = app.theme;
    let terms = &app.catalog.glossary().terms;
    if terms.is_empty() {
        return vec![Line::raw(t::GLOSSARY_EMPTY)];
    }
    terms
        .iter()
        .map(|term| {
            Line::from(vec![
                Span::styled(format!("{}: ", term.term), theme.label()),
                Span::raw(term.meaning.as_str()),
            ])
        })
        .collect()
}

/// The glossary, scrolled `offset` lines.
pub fn glossary(app: &App, offset: u16, area: Rect, buf: &mut Buffer) {
    text_box(
        app,
        t::GLOSSARY_TITLE,
        glossary_lines(app),
        t::GLOSSARY_HINT,
        offset,
        area,
        buf,
    );
}
