//! The boxes between parts: the end of a checklist, the end of the intake, the depth of the scan
//! and the glossary.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::centered;
use crate::report::estimate::Estimate;
use crate::text as t;
use crate::tui::app::{App, DepthChoice};

/// A box with a title, lines of text and a hint under them, centred over `area`.
fn text_box(
    app: &App,
    title: &str,
    lines: Vec<Line<'_>>,
    hint: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    let width = area.width.clamp(20, 72);
    let inner_width = usize::from(width.saturating_sub(2));
    let rows: usize = lines
        .iter()
        .map(|l| l.width().div_ceil(inner_width.max(1)).max(1))
        .sum();
    let height = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(4);
    let rect = centered(area, width, height);
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
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(text, buf);
    Line::styled(hint.to_owned(), app.theme.dim()).render(keys, buf);
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
        area,
        buf,
    );
}

/// The end of the intake: what pqs decided from it, and how many questions follow.
pub fn intake_done(app: &App, estimate: Estimate, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let intake = app.catalog.intake();
    let facts = intake.effective(&app.assessment.intake);
    let mut lines = Vec::new();
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
        lines.push(Line::raw(""));
    }
    lines.push(Line::raw(t::intake_done_next(
        estimate.questions,
        estimate.minutes(),
    )));
    text_box(
        app,
        t::INTAKE_DONE_TITLE,
        lines,
        t::INTAKE_DONE_HINT,
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
    lines.push(Line::raw(""));
    lines.push(Line::styled(t::DEPTH_HINT, app.theme.dim()));
    text_box(
        app,
        t::DEPTH_TITLE,
        lines,
        "1-4 kiezen · Esc annuleren",
        area,
        buf,
    );
}

/// The glossary, from `offset` on.
pub fn glossary(app: &App, offset: u16, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let terms = &app.catalog.glossary().terms;
    let mut lines = Vec::new();
    if terms.is_empty() {
        lines.push(Line::raw(t::GLOSSARY_EMPTY));
    }
    for term in terms.iter().skip(usize::from(offset)) {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", term.term), theme.label()),
            Span::raw(term.meaning.as_str()),
        ]));
    }
    let height = area.height.saturating_sub(4).max(3);
    let rect = centered(area, area.width.clamp(20, 76), height);
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(t::GLOSSARY_TITLE);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let [text, keys] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(text, buf);
    Line::styled(t::GLOSSARY_HINT, theme.dim()).render(keys, buf);
}
