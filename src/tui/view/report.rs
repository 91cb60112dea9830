//! The report screen: totals, a bar per checklist and the first actions.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use crate::report::text::bar;
use crate::report::{Band, Document};
use crate::text as t;
use crate::tui::app::App;

/// Draws the report screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    // The date is not shown here, so the document needs no clock.
    let mut doc = Document::new(
        &app.scan,
        &app.assessment.organisation,
        &app.name,
        jiff::Timestamp::UNIX_EPOCH,
        String::new(),
    );
    doc.tasks = app.tasks().to_vec();
    doc.tz = app.tz.clone();
    let totals = app.scan.totals;
    let rows = app.scan.checklists.len() as u16 + 2;
    let mut lines_below = Vec::new();
    if let Some(progress) = app.progress() {
        lines_below.push(Line::from(vec![
            // "Sinds de vorige sessie", or the moment chosen with s.
            Span::styled(format!(" {}: ", doc.since_heading(progress)), theme.label()),
            Span::raw(t::since_counts(
                progress.newly_answered.len(),
                progress.improved.len(),
                progress.worsened.len(),
                crate::report::document::percent(progress.score_then),
                crate::report::document::percent(progress.score_now),
            )),
        ]));
    }
    let rechecks = app.scan.rechecks().count();
    let planned = app.scan.planned();
    let overdue = planned.iter().filter(|g| g.overdue).count();
    if rechecks + planned.len() > 0 {
        lines_below.push(Line::raw(format!(
            " {}",
            t::attention_counts(rechecks, planned.len(), overdue)
        )));
    }
    // The plan first: up to five tasks (two lines each) under the totals, the checklists below in
    // the room that is left.
    let open = doc
        .open_tasks()
        .count()
        .clamp(1, crate::report::document::TOP_TASKS) as u16;
    let [summary, actions, checklists] = Layout::vertical([
        Constraint::Length(3 + lines_below.len() as u16),
        Constraint::Length(2 * open + 2),
        Constraint::Max(rows),
    ])
    .areas(area);

    let band = doc.band();
    let band_style = match band {
        Band::Good => theme.info(),
        Band::OnTheWay => theme.severity(crate::checklist::Severity::Medium),
        Band::Insufficient => theme.severity(crate::checklist::Severity::High),
    };
    Paragraph::new(
        vec![
            Line::from(vec![
                Span::styled(
                    format!(
                        " {}: {} {}% ",
                        t::TOTAL,
                        t::SCORE,
                        crate::report::document::percent(totals.score)
                    ),
                    theme.label(),
                ),
                Span::styled(format!("({})", t::band_label(band)), band_style),
                Span::raw(format!(
                    "   {}: {}/{} · {} {}",
                    t::PROGRESS,
                    totals.answered,
                    totals.total,
                    totals.gaps,
                    t::GAPS.to_lowercase()
                )),
            ]),
            Line::styled(format!(" {}", t::BAND_RULE), theme.dim()),
        ]
        .into_iter()
        .chain(lines_below)
        .collect::<Vec<_>>(),
    )
    .wrap(Wrap { trim: false })
    .render(summary, buf);

    let inner_width = usize::from(checklists.width.saturating_sub(2));
    // bar, space, "100%", two spaces, "14 hoog open"
    let numbers_width = 10 + 1 + 4 + 2 + 4 + t::HIGH_OPEN_COLUMN.len();
    let name_width = inner_width.saturating_sub(numbers_width + 1).max(8);
    let lines: Vec<Line> = app
        .scan
        .checklists
        .iter()
        .map(|c| {
            let mut title: String = c.title.chars().take(name_width).collect();
            if c.title.chars().count() > name_width {
                title.pop();
                title.push('…');
            }
            if c.excluded.is_some() {
                return Line::from(vec![
                    Span::styled(format!("{title:<name_width$} "), theme.dim()),
                    Span::styled(t::EXCLUDED_BY_INTAKE, theme.dim()),
                ]);
            }
            let high = if c.open_high > 0 {
                format!("{} {}", c.open_high, t::HIGH_OPEN_COLUMN)
            } else {
                String::new()
            };
            Line::from(vec![
                Span::raw(format!("{title:<name_width$} ")),
                Span::raw(bar(c.score / 100.0, 10)),
                Span::raw(format!(
                    " {:>3}%  ",
                    crate::report::document::percent(c.score)
                )),
                Span::styled(high, theme.severity(crate::checklist::Severity::High)),
            ])
        })
        .collect();
    Paragraph::new(lines)
        .block(Block::default().borders(Borders::ALL).title(t::CHECKLISTS))
        .render(checklists, buf);

    // The plan: each open task numbered, with why it stands there on the line below.
    let width = usize::from(actions.width.saturating_sub(2));
    let cut = crate::report::text::cut;
    let lines: Vec<Line> = doc
        .open_tasks()
        .enumerate()
        .flat_map(|(i, task)| {
            let number = format!("{:>2}. ", i + 1);
            let room = width.saturating_sub(number.len());
            [
                Line::from(vec![
                    Span::styled(number, theme.severity(task.reason.severity)),
                    Span::raw(cut(&task.title, room)),
                ]),
                Line::from(Span::styled(
                    format!(
                        "    {}",
                        cut(&t::task_reason(&task.reason), width.saturating_sub(4))
                    ),
                    theme.dim(),
                )),
            ]
        })
        .collect();
    let title = format!(" {} ({}) ", t::PLAN, doc.plan_count());
    let body = if lines.is_empty() {
        vec![Line::raw(t::NO_TASKS)]
    } else {
        lines
    };
    Paragraph::new(body)
        .block(Block::default().borders(Borders::ALL).title(title))
        .render(actions, buf);
}
