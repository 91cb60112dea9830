//! The drill screen: a breach drill's scenario, its clock running, the steps of the data-breach
//! checklist with who did each and when, the evaluation last, and the selected step explained
//! below (what to do, why, and the article).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use crate::documents::drill::{self, Script};
use crate::report::text::cut;
use crate::sanitize;
use crate::text as t;
use crate::tui::app::App;

/// Draws the drill screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let Some(b) = app.assessment.documents.breaches.get(app.drill) else {
        return;
    };
    let script = Script::bundled();
    let progress = script.progress(b);
    let [list, detail] = Layout::vertical([Constraint::Min(6), Constraint::Length(5)]).areas(area);
    let ended = drill::ended(b);
    let block = Block::default().borders(Borders::ALL).title(t::drill_title(
        &sanitize::line(&b.id),
        drill::elapsed(b, ended.unwrap_or(app.now)),
        ended.is_some(),
    ));
    let inner = block.inner(list);
    block.render(list, buf);
    let width = usize::from(inner.width);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{}: ", t::DRILL_SCENARIO), theme.label()),
            Span::raw(cut(
                &sanitize::line(&b.what),
                width.saturating_sub(t::DRILL_SCENARIO.len() + 2),
            )),
        ]),
        Line::styled(
            cut(&t::drill_clock(&b.clock(app.now), &app.tz), width),
            theme.dim(),
        ),
        Line::raw(""),
    ];
    let head = lines.len();
    // Per row: done or not, the text, and when and by whom (kept whole; the text is cut).
    let rows: Vec<(bool, String, String)> = progress
        .iter()
        .enumerate()
        .map(|(i, (step, done))| {
            let when = done.map(|d| {
                let after = d.at.duration_since(b.found);
                format!(" · {}", t::drill_step_after(after))
            });
            (
                done.is_some(),
                format!("{}. {}", i + 1, sanitize::line(&step.title)),
                when.unwrap_or_default(),
            )
        })
        .chain(std::iter::once((
            !b.evaluation.trim().is_empty(),
            sanitize::line(&script.evaluation),
            String::new(),
        )))
        .collect();
    // Keep the selection in view under the scenario and the clock.
    let visible = usize::from(inner.height).saturating_sub(head).max(1);
    let first = app.drill_cursor.saturating_sub(visible - 1);
    for (i, (done, text, when)) in rows.iter().enumerate().skip(first).take(visible) {
        let selected = if i == app.drill_cursor { '›' } else { ' ' };
        let mark = if *done { '✓' } else { ' ' };
        let room = width.saturating_sub(3 + when.chars().count());
        let style = if i == app.drill_cursor {
            theme.selected()
        } else if *done {
            theme.dim()
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::from(Span::styled(
            format!("{selected}{mark} {}{when}", cut(text, room)),
            style,
        )));
    }
    Paragraph::new(lines).render(inner, buf);
    Paragraph::new(about(app, b, script))
        .style(theme.dim())
        .wrap(Wrap { trim: true })
        .render(detail, buf);
}

/// Below the list: for a step, what was done (or what Enter does) and why, from the checklist
/// question it practises; for the evaluation, whether it is filled in.
fn about(app: &App, b: &crate::documents::Breach, script: &Script) -> String {
    let Some(step) = script.steps.get(app.drill_cursor) else {
        return if b.evaluation.trim().is_empty() {
            t::DRILL_EVALUATION_TODO.to_owned()
        } else {
            t::DRILL_EVALUATION_DONE.to_owned()
        };
    };
    let done = script.progress(b)[app.drill_cursor].1.map(|d| {
        t::drill_step_record(
            &t::date_time_long(d.at, &app.tz),
            &sanitize::line(&d.who),
            &sanitize::line(&d.what),
        )
    });
    let why = app.catalog.item(&step.item).map(|(_, item)| {
        t::drill_why(
            &sanitize::line(&item.explanation),
            &sanitize::line(&item.reference),
        )
    });
    [
        Some(done.unwrap_or_else(|| t::DRILL_STEP_TODO.to_owned())),
        why,
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}
