//! The text about one item: question, why, what to do, law, answer and note.

use ratatui::text::{Line, Span};

use crate::checklist::Item;
use crate::text as t;
use crate::tui::app::App;

/// Lines describing `item` for the walk-through (which shows the question itself): what it
/// follows up and flags, why, what to do and the law, then the answer, plan and note.
pub fn lines<'a>(app: &'a App, item: &'a Item) -> Vec<Line<'a>> {
    let mut out = context(app, item);
    out.extend(reasons(app, item));
    out.push(Line::raw(""));
    out.extend(answer(app, item));
    out
}

/// The overview's detail pane: the question, then the answer, plan and note (what the user
/// looks for while browsing stays in view in a short pane), then the rest.
pub fn overview_lines<'a>(app: &'a App, item: &'a Item) -> Vec<Line<'a>> {
    let mut out = vec![
        Line::styled(item.question.as_str(), app.theme.title()),
        Line::raw(""),
    ];
    out.extend(context(app, item));
    out.extend(answer(app, item));
    out.push(Line::raw(""));
    out.extend(reasons(app, item));
    out
}

/// What the item follows up, why it is not asked, and what asks for a second look.
fn context<'a>(app: &'a App, item: &'a Item) -> Vec<Line<'a>> {
    let theme = app.theme;
    let mut out = Vec::new();
    let state = app.scan.item(&item.id);
    // A follow-up says what it follows up, so "dat overzicht" has a meaning.
    if let Some((_, parent)) = item.follows.as_deref().and_then(|p| app.catalog.item(p)) {
        out.push(Line::styled(
            format!("{} {}", t::MARK_FOLLOW_UP, t::follows_up(&parent.question)),
            theme.dim(),
        ));
        out.push(Line::raw(""));
    }
    // A question about a document pqs keeps: what is recorded in it.
    if let Some(kind) = item
        .task
        .as_deref()
        .and_then(|task| app.catalog.tasks().get(task))
        .and_then(|task| task.document)
        && let Some((label, status)) =
            t::documents_status(&app.assessment.documents, app.now).get(kind.index())
    {
        out.push(Line::styled(
            t::document_in_pqs(label, status),
            theme.info(),
        ));
        out.push(Line::raw(""));
    }
    if let Some(reason) = state.and_then(|s| not_asked_reason(app, s)) {
        out.push(Line::styled(reason, theme.dim()));
        out.push(Line::raw(""));
    }
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
    out
}

/// Why, what to do, the law and the severity.
fn reasons<'a>(app: &'a App, item: &'a Item) -> Vec<Line<'a>> {
    let theme = app.theme;
    let mut out = Vec::new();
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
    out
}

/// The current answer with its date, the agreed action and the note.
fn answer<'a>(app: &'a App, item: &'a Item) -> Vec<Line<'a>> {
    let theme = app.theme;
    let mut out = Vec::new();
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
        .get(item.id.as_str())
        .filter(|a| a.status.is_some())
    {
        answer.push(Span::styled(
            format!(" ({})", crate::clock::date_time(given.answered_at, &app.tz)),
            theme.dim(),
        ));
    }
    out.push(Line::from(answer));
    if let Some(plan) = app.assessment.plan.get(item.id.as_str()) {
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

/// Why an item that applies is not asked: only in the full scan, or left out by its parent's answer.
fn not_asked_reason(app: &App, state: &crate::report::ItemState) -> Option<String> {
    if !state.applies() {
        return None;
    }
    if state.deeper {
        return Some(t::ONLY_IN_FULL_SCAN.to_owned());
    }
    let ruled = state.ruled_out.as_ref()?;
    let parent = app
        .catalog
        .item(&ruled.parent)
        .map_or(ruled.parent.as_str(), |(_, i)| i.question.as_str());
    Some(t::follow_up_left_out(
        parent,
        t::status_label(Some(ruled.status)),
    ))
}

/// User text on one line, sanitised (see [`crate::sanitize::line`]).
pub fn sanitize(text: &str) -> String {
    crate::sanitize::line(text)
}
