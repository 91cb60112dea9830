//! The text about one item: question, why, what to do, law, answer and note.

use ratatui::text::{Line, Span};

use crate::checklist::Item;
use crate::text as t;
use crate::tui::app::App;

/// Lines describing `item` for the walk-through and the overview's detail pane.
pub fn lines<'a>(app: &'a App, item: &'a Item, with_question: bool) -> Vec<Line<'a>> {
    let theme = app.theme;
    let mut out = Vec::new();
    if with_question {
        out.push(Line::styled(item.question.as_str(), theme.title()));
        out.push(Line::raw(""));
    }
    let state = app
        .scan
        .checklists
        .iter()
        .flat_map(|c| &c.items)
        .find(|s| s.id == item.id);
    if let Some(exclusion) = state.and_then(|s| s.excluded.as_ref()) {
        out.push(Line::styled(
            t::excluded_because(&exclusion.cause),
            theme.dim(),
        ));
        out.push(Line::raw(""));
    }
    if let Some(state) = state.filter(|s| s.applies() && (s.needs_recheck() || s.new)) {
        if state.question_changed {
            out.push(Line::styled(
                format!("! {}", t::QUESTION_CHANGED_HINT),
                theme.error(),
            ));
        }
        if state.review_due
            && let Some(at) = state.answered_at
        {
            let date = at.to_zoned_datetime(app.tz.clone()).date().to_string();
            out.push(Line::styled(
                format!(
                    "↻ {}",
                    t::review_due_since(&date, app.assessment.review_period())
                ),
                theme.error(),
            ));
        }
        if state.new {
            out.push(Line::styled(format!("+ {}", t::QUESTION_NEW), theme.info()));
        }
        out.push(Line::raw(""));
    }
    out.push(Line::from(vec![
        Span::styled(format!("{}: ", t::WHY), theme.label()),
        Span::raw(item.explanation.as_str()),
    ]));
    out.push(Line::from(vec![
        Span::styled(format!("{}: ", t::TODO), theme.label()),
        Span::raw(item.action.as_str()),
    ]));
    out.push(Line::from(vec![
        Span::styled(format!("{}: ", t::LAW), theme.label()),
        Span::raw(item.reference.as_str()),
        Span::raw(" · "),
        Span::styled(
            format!("{} {}", t::SEVERITY, t::severity_label(item.severity)),
            theme.severity(item.severity),
        ),
    ]));
    out.push(Line::raw(""));
    let status = app.assessment.status(&item.id);
    let mut answer = vec![
        Span::styled(format!("{}: ", t::CURRENT_ANSWER), theme.label()),
        Span::styled(
            format!("{} {}", t::status_mark(status), t::status_label(status)),
            theme.status(status),
        ),
    ];
    if let Some(given) = app
        .assessment
        .answers
        .get(&item.id)
        .filter(|a| a.status.is_some())
    {
        answer.push(Span::styled(
            format!(" ({})", crate::clock::date_time(given.answered_at, &app.tz)),
            theme.dim(),
        ));
    }
    out.push(Line::from(answer));
    if let Some(plan) = app.assessment.plan.get(&item.id) {
        let mut spans = vec![Span::styled(format!("{}: ", t::PLAN_LABEL), theme.label())];
        let mut parts = Vec::new();
        if !plan.owner.is_empty() {
            parts.push(sanitize(&plan.owner));
        }
        if let Some(due) = plan.due {
            let mut due_text = t::due_on(&due.strftime("%d-%m-%Y").to_string());
            if plan.overdue(app.scan.today) {
                due_text = format!("{due_text} ({})", t::OVERDUE);
            }
            parts.push(due_text);
        }
        if !plan.action.is_empty() {
            parts.push(sanitize(&plan.action));
        }
        spans.push(Span::raw(parts.join(" · ")));
        out.push(Line::from(spans));
    }
    let note = app.assessment.note(&item.id);
    if !note.is_empty() {
        out.push(Line::styled(format!("{}:", t::NOTE), theme.label()));
        out.extend(
            note.lines()
                .map(|l| Line::raw(format!("  {}", sanitize(l)))),
        );
    }
    out
}

/// Replaces control characters so user text cannot move the cursor or change the terminal.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '�' } else { c })
        .collect()
}
