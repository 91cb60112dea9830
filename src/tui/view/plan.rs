//! The plan screen: every task in plan order with what was agreed (owner, due date, status), the
//! selected one with why it stands there and its steps.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use crate::report::text::cut;
use crate::text as t;
use crate::tui::app::App;

/// Draws the plan screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let tasks = app.tasks();
    let rows = (tasks.len() as u16 + 3).min(area.height.saturating_sub(6).max(4));
    let [list, detail] =
        Layout::vertical([Constraint::Length(rows), Constraint::Min(3)]).areas(area);
    let inner = usize::from(list.width.saturating_sub(2));
    // Number, title, owner, due date, status; the title takes the room that is left.
    let [_, who_h, due_h, status_h] = t::PLAN_SCREEN_HEADERS;
    let (who_w, due_w, status_w) = (12, 10, 10);
    let title_w = inner
        .saturating_sub(4 + who_w + due_w + status_w + 4)
        .max(10);
    let heading = format!(
        "    {:<title_w$} {:<who_w$} {:<due_w$}  {:<status_w$}",
        t::PLAN_SCREEN_HEADERS[0],
        who_h,
        due_h,
        status_h
    );
    let mut lines = vec![Line::styled(heading, theme.label())];
    // Keep the selection in view.
    let visible = usize::from(list.height.saturating_sub(3));
    let first = app.plan_cursor.saturating_sub(visible.saturating_sub(1));
    let mut open_number = 0;
    for (i, task) in tasks.iter().enumerate() {
        let number = if task.is_open() {
            open_number += 1;
            format!("{open_number:>2}. ")
        } else {
            "  ✓ ".to_owned()
        };
        if i < first || i >= first + visible {
            continue;
        }
        let plan = task.plan.as_ref();
        let who = plan.map(|p| p.owner.trim()).unwrap_or_default();
        let due = plan
            .and_then(|p| p.due)
            .map(|d| d.strftime("%d-%m-%Y").to_string())
            .unwrap_or_default();
        let status = match task.done_day() {
            Some(day) => day.strftime("%d-%m-%Y").to_string(),
            None if !task.is_open() => t::TASKS_DONE.to_lowercase(),
            None => t::TASK_OPEN.to_owned(),
        };
        let pin = if task.reason.pinned.is_some() {
            "▲"
        } else {
            " "
        };
        let text = format!(
            "{number}{:<title_w$} {:<who_w$} {:<due_w$} {pin}{:<status_w$}",
            cut(&task.title, title_w),
            cut(who, who_w),
            due,
            cut(&status, status_w - 1),
        );
        let style = if i == app.plan_cursor {
            theme.selected()
        } else if task.is_open() {
            theme.severity(task.reason.severity)
        } else {
            theme.dim()
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    if tasks.is_empty() {
        lines.push(Line::raw(t::NO_TASKS));
    }
    let title = format!(
        " {} ({}) ",
        t::PLAN,
        t::plan_count(
            tasks.iter().filter(|t| t.is_open()).count(),
            tasks.iter().filter(|t| !t.is_open()).count(),
        )
    );
    Paragraph::new(lines)
        .block(Block::default().borders(Borders::ALL).title(title))
        .render(list, buf);

    // The selected task: why here, what was agreed, the steps.
    let mut about = Vec::new();
    if let Some(task) = tasks.get(app.plan_cursor) {
        about.push(Line::styled(task.title.to_string(), theme.title()));
        about.push(Line::from(vec![
            Span::styled(format!("{}: ", t::WHY_HERE), theme.label()),
            Span::raw(format!(
                "{} · {}",
                t::task_reason(&task.reason),
                t::open_questions(task.open_count())
            )),
        ]));
        if let Some(plan) = task.plan.as_ref().filter(|p| !p.action.trim().is_empty()) {
            about.push(Line::from(vec![
                Span::styled(format!("{}: ", t::PLAN_ACTION), theme.label()),
                Span::raw(plan.action.trim().to_owned()),
            ]));
        }
        for step in task.to_do() {
            about.push(Line::raw(format!("- {step}")));
        }
    }
    Paragraph::new(about)
        .block(Block::default().borders(Borders::TOP))
        .wrap(Wrap { trim: false })
        .render(detail, buf);
}
