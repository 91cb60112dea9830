//! The one keymap: pure lookup from context and key to action. The help overlay and the footer are
//! generated from [`BINDINGS`], so they cannot drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, IntakeKey};
use crate::assessment::Status;

/// Where a key is pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The question-by-question walk-through.
    Guided,
    /// The overview of checklists and items.
    Overview,
    /// The key overview is open.
    Help,
    /// The note editor is open.
    Note,
    /// The report screen.
    Report,
    /// The plan screen: tasks and agreed actions.
    Plan,
    /// The documents screen.
    Documents,
    /// The drill screen.
    Drill,
    /// A one-line prompt (the export folder).
    Prompt,
    /// The intake questions.
    Intake,
    /// A form with several fields (details, action plan).
    Form,
    /// The start screen: every assessment.
    Start,
    /// A yes/no question (moving an assessment to the trash).
    Confirm,
    /// A pause between parts (the end of a checklist or of the intake): Enter goes on.
    Pause,
    /// A list of numbered choices (the depth of the scan).
    Choose,
    /// The glossary.
    Glossary,
}

/// Which contexts a binding works in.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    /// Guided and overview.
    Main,
    /// Only the walk-through.
    Guided,
    /// Only the overview.
    Overview,
    /// Only in the note editor.
    Note,
    /// Everywhere except the editors.
    NotNote,
    /// The report screen.
    Report,
    /// The plan screen.
    Plan,
    /// The documents screen.
    Documents,
    /// The drill screen.
    Drill,
    /// The export folder prompt.
    Prompt,
    /// The intake screen.
    Intake,
    /// A form.
    Form,
    /// The start screen.
    Start,
    /// A yes/no confirmation.
    Confirm,
    /// The walk-through, the overview, the report screen and the intake.
    Screens,
    /// A pause between parts.
    Pause,
    /// A list of numbered choices.
    Choose,
    /// The glossary.
    Glossary,
}

impl Scope {
    fn includes(self, context: Context) -> bool {
        match self {
            Scope::Main => matches!(context, Context::Guided | Context::Overview),
            Scope::Guided => context == Context::Guided,
            Scope::Overview => context == Context::Overview,
            Scope::Note => context == Context::Note,
            Scope::NotNote => !matches!(
                context,
                Context::Note
                    | Context::Prompt
                    | Context::Form
                    | Context::Start
                    | Context::Confirm
                    | Context::Choose
            ),
            Scope::Report => context == Context::Report,
            Scope::Plan => context == Context::Plan,
            Scope::Documents => context == Context::Documents,
            Scope::Drill => context == Context::Drill,
            Scope::Prompt => context == Context::Prompt,
            Scope::Intake => context == Context::Intake,
            Scope::Form => context == Context::Form,
            Scope::Start => context == Context::Start,
            Scope::Confirm => context == Context::Confirm,
            Scope::Screens => matches!(
                context,
                Context::Guided
                    | Context::Overview
                    | Context::Report
                    | Context::Intake
                    | Context::Plan
                    | Context::Documents
                    | Context::Drill
            ),
            Scope::Pause => context == Context::Pause,
            Scope::Choose => context == Context::Choose,
            Scope::Glossary => context == Context::Glossary,
        }
    }
}

/// One key binding.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it works.
    pub scope: Scope,
    /// The key.
    pub code: KeyCode,
    /// Required modifiers (only Control is checked).
    pub ctrl: bool,
    /// What it does.
    pub action: Action,
    /// Shown in the footer.
    pub footer: bool,
}

const fn key(scope: Scope, code: KeyCode, action: Action, footer: bool) -> Binding {
    Binding {
        scope,
        code,
        ctrl: false,
        action,
        footer,
    }
}

/// Every key binding, in the order the help shows them.
pub const BINDINGS: &[Binding] = &[
    key(
        Scope::Main,
        KeyCode::Char('j'),
        Action::Answer(Status::Yes),
        true,
    ),
    key(
        Scope::Main,
        KeyCode::Char('d'),
        Action::Answer(Status::Partly),
        true,
    ),
    key(
        Scope::Main,
        KeyCode::Char('n'),
        Action::Answer(Status::No),
        true,
    ),
    key(
        Scope::Main,
        KeyCode::Char('w'),
        Action::Answer(Status::Unknown),
        true,
    ),
    key(
        Scope::Main,
        KeyCode::Char('t'),
        Action::Answer(Status::NotApplicable),
        true,
    ),
    key(Scope::Main, KeyCode::Backspace, Action::Clear, false),
    key(Scope::Main, KeyCode::Delete, Action::Clear, false),
    key(Scope::Main, KeyCode::Char('o'), Action::EditNote, true),
    key(Scope::Main, KeyCode::Char('a'), Action::EditPlan, true),
    key(
        Scope::Main,
        KeyCode::Char('b'),
        Action::ConfirmAnswer,
        false,
    ),
    key(
        Scope::Intake,
        KeyCode::Char('j'),
        Action::IntakeAnswer(IntakeKey::Yes),
        true,
    ),
    key(
        Scope::Intake,
        KeyCode::Char('n'),
        Action::IntakeAnswer(IntakeKey::No),
        true,
    ),
    key(
        Scope::Intake,
        KeyCode::Char('w'),
        Action::IntakeAnswer(IntakeKey::Open),
        true,
    ),
    key(
        Scope::Intake,
        KeyCode::Backspace,
        Action::IntakeAnswer(IntakeKey::Open),
        false,
    ),
    key(
        Scope::Intake,
        KeyCode::Char('1'),
        Action::IntakeAnswer(IntakeKey::Choice(0)),
        false,
    ),
    key(
        Scope::Intake,
        KeyCode::Char('2'),
        Action::IntakeAnswer(IntakeKey::Choice(1)),
        false,
    ),
    key(
        Scope::Intake,
        KeyCode::Char('3'),
        Action::IntakeAnswer(IntakeKey::Choice(2)),
        false,
    ),
    key(
        Scope::Intake,
        KeyCode::Char('4'),
        Action::IntakeAnswer(IntakeKey::Choice(3)),
        false,
    ),
    key(
        Scope::Intake,
        KeyCode::Char('5'),
        Action::IntakeAnswer(IntakeKey::Choice(4)),
        false,
    ),
    key(
        Scope::Intake,
        KeyCode::Char('6'),
        Action::IntakeAnswer(IntakeKey::Choice(5)),
        false,
    ),
    key(
        Scope::Intake,
        KeyCode::Char('7'),
        Action::IntakeAnswer(IntakeKey::Choice(6)),
        false,
    ),
    key(
        Scope::Intake,
        KeyCode::Char('8'),
        Action::IntakeAnswer(IntakeKey::Choice(7)),
        false,
    ),
    key(
        Scope::Intake,
        KeyCode::Char('9'),
        Action::IntakeAnswer(IntakeKey::Choice(8)),
        false,
    ),
    key(Scope::Intake, KeyCode::Down, Action::Next, false),
    key(Scope::Intake, KeyCode::Up, Action::Previous, false),
    key(Scope::Guided, KeyCode::Right, Action::Next, false),
    key(Scope::Guided, KeyCode::Left, Action::Previous, false),
    key(Scope::Guided, KeyCode::Down, Action::Next, false),
    key(Scope::Guided, KeyCode::Up, Action::Previous, false),
    key(Scope::Overview, KeyCode::Down, Action::Next, false),
    key(Scope::Overview, KeyCode::Up, Action::Previous, false),
    key(
        Scope::Overview,
        KeyCode::Right,
        Action::NextChecklist,
        false,
    ),
    key(
        Scope::Overview,
        KeyCode::Left,
        Action::PreviousChecklist,
        false,
    ),
    key(Scope::Main, KeyCode::PageDown, Action::NextChecklist, false),
    key(
        Scope::Main,
        KeyCode::PageUp,
        Action::PreviousChecklist,
        false,
    ),
    key(Scope::Main, KeyCode::Home, Action::First, false),
    key(Scope::Main, KeyCode::End, Action::Last, false),
    key(Scope::Screens, KeyCode::Tab, Action::ToggleMode, true),
    key(
        Scope::Screens,
        KeyCode::Char('r'),
        Action::ToggleReport,
        true,
    ),
    key(Scope::Screens, KeyCode::Char('i'), Action::OpenIntake, true),
    key(Scope::Screens, KeyCode::Char('p'), Action::OpenPlan, true),
    key(
        Scope::Screens,
        KeyCode::Char('l'),
        Action::OpenDocuments,
        true,
    ),
    key(Scope::Documents, KeyCode::Down, Action::Next, false),
    key(Scope::Documents, KeyCode::Up, Action::Previous, false),
    key(Scope::Documents, KeyCode::Enter, Action::EditDocument, true),
    key(
        Scope::Documents,
        KeyCode::Char('x'),
        Action::RemoveDocument,
        true,
    ),
    key(Scope::Drill, KeyCode::Down, Action::Next, false),
    key(Scope::Drill, KeyCode::Up, Action::Previous, false),
    key(Scope::Drill, KeyCode::Enter, Action::DrillStep, true),
    key(Scope::Plan, KeyCode::Down, Action::Next, false),
    key(Scope::Plan, KeyCode::Up, Action::Previous, false),
    key(Scope::Plan, KeyCode::Enter, Action::EditPlan, true),
    key(Scope::Plan, KeyCode::Char('x'), Action::ToggleDone, true),
    key(Scope::Plan, KeyCode::Char('+'), Action::PinUp, true),
    key(Scope::Plan, KeyCode::Char('-'), Action::PinDown, true),
    key(
        Scope::Screens,
        KeyCode::Char('g'),
        Action::EditDetails,
        false,
    ),
    key(Scope::Screens, KeyCode::Char('e'), Action::Export, true),
    key(Scope::Prompt, KeyCode::Enter, Action::Confirm, true),
    key(
        Scope::Report,
        KeyCode::Char('s'),
        Action::ChooseComparison,
        true,
    ),
    key(Scope::Prompt, KeyCode::Esc, Action::Cancel, true),
    key(Scope::Form, KeyCode::Enter, Action::SaveForm, true),
    key(Scope::Form, KeyCode::Esc, Action::CloseForm, true),
    key(Scope::Form, KeyCode::Tab, Action::NextField, true),
    key(Scope::Form, KeyCode::Down, Action::NextField, false),
    key(Scope::Form, KeyCode::BackTab, Action::PreviousField, false),
    key(Scope::Form, KeyCode::Up, Action::PreviousField, false),
    key(Scope::Start, KeyCode::Enter, Action::OpenAssessment, true),
    key(
        Scope::Start,
        KeyCode::Char('n'),
        Action::NewAssessment,
        true,
    ),
    key(
        Scope::Start,
        KeyCode::Char('r'),
        Action::RenameAssessment,
        true,
    ),
    key(
        Scope::Start,
        KeyCode::Delete,
        Action::DeleteAssessment,
        true,
    ),
    key(Scope::Start, KeyCode::Down, Action::Next, false),
    key(Scope::Start, KeyCode::Up, Action::Previous, false),
    key(Scope::Start, KeyCode::Char('q'), Action::Quit, true),
    Binding {
        scope: Scope::Start,
        code: KeyCode::Char('c'),
        ctrl: true,
        action: Action::Quit,
        footer: false,
    },
    key(Scope::Pause, KeyCode::Enter, Action::Continue, true),
    key(Scope::Pause, KeyCode::Down, Action::Scroll(true), false),
    key(Scope::Pause, KeyCode::Up, Action::Scroll(false), false),
    key(Scope::Choose, KeyCode::Char('1'), Action::Choose(0), false),
    key(Scope::Choose, KeyCode::Char('2'), Action::Choose(1), false),
    key(Scope::Choose, KeyCode::Char('3'), Action::Choose(2), false),
    key(Scope::Choose, KeyCode::Char('4'), Action::Choose(3), false),
    key(Scope::Choose, KeyCode::Esc, Action::Cancel, true),
    key(Scope::Glossary, KeyCode::Down, Action::Scroll(true), false),
    key(Scope::Glossary, KeyCode::Up, Action::Scroll(false), false),
    key(Scope::Glossary, KeyCode::Char('u'), Action::Back, false),
    key(
        Scope::Screens,
        KeyCode::Char('v'),
        Action::ChooseDepth,
        false,
    ),
    key(
        Scope::Screens,
        KeyCode::Char('u'),
        Action::ShowGlossary,
        false,
    ),
    key(Scope::Confirm, KeyCode::Char('j'), Action::Yes, true),
    key(Scope::Confirm, KeyCode::Char('n'), Action::No, true),
    key(Scope::Confirm, KeyCode::Esc, Action::No, false),
    key(Scope::NotNote, KeyCode::Char('?'), Action::ToggleHelp, true),
    key(Scope::NotNote, KeyCode::F(1), Action::ToggleHelp, false),
    key(Scope::NotNote, KeyCode::Esc, Action::Back, false),
    key(Scope::NotNote, KeyCode::Char('q'), Action::Quit, true),
    Binding {
        scope: Scope::NotNote,
        code: KeyCode::Char('c'),
        ctrl: true,
        action: Action::Quit,
        footer: false,
    },
    key(Scope::Note, KeyCode::Esc, Action::SaveNote, true),
    Binding {
        scope: Scope::Note,
        code: KeyCode::Char('s'),
        ctrl: true,
        action: Action::SaveNote,
        footer: false,
    },
];

/// The action for a key in a context, if any. In the note editor, unbound keys go to the editor.
pub fn keymap(context: Context, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let code = match key.code {
        // Shifted letters arrive as uppercase; treat them like the plain key.
        KeyCode::Char(c)
            if !ctrl && !matches!(context, Context::Note | Context::Prompt | Context::Form) =>
        {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        other => other,
    };
    let found = BINDINGS
        .iter()
        .find(|b| b.scope.includes(context) && b.code == code && b.ctrl == ctrl)
        .map(|b| b.action);
    match (found, context) {
        (Some(action), _) => Some(action),
        (None, Context::Note | Context::Prompt | Context::Form) => Some(Action::NoteInput(key)),
        (None, _) => None,
    }
}

/// The keys bound to `action` in `context`, as shown to users (e.g. "j", "←", "Ctrl+C").
pub fn keys_for(context: Context, action: Action) -> Vec<String> {
    BINDINGS
        .iter()
        .filter(|b| b.scope.includes(context) && b.action == action)
        .map(|b| key_name(b.code, b.ctrl))
        .collect()
}

/// Footer bindings for a context: (key, action), without repeats.
pub fn footer(context: Context) -> Vec<(String, Action)> {
    let mut bindings: Vec<&Binding> = BINDINGS
        .iter()
        .filter(|b| b.footer && b.scope.includes(context))
        .collect();
    // On a screen of its own (plan, documents, drill), its keys come first: when the footer is too
    // narrow, the keys that work everywhere are the ones left out.
    if matches!(context, Context::Plan | Context::Documents | Context::Drill) {
        bindings.sort_by_key(|b| matches!(b.scope, Scope::Screens | Scope::NotNote));
    }
    bindings
        .into_iter()
        .map(|b| (key_name(b.code, b.ctrl), b.action))
        .collect()
}

/// The name of a key as printed in help and footer.
pub fn key_name(code: KeyCode, ctrl: bool) -> String {
    let name = match code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift+Tab".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "⌫".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if ctrl {
        format!("Ctrl+{}", name.to_uppercase())
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn dutch_letters_answer() {
        let cases = [
            ('j', Status::Yes),
            ('d', Status::Partly),
            ('n', Status::No),
            ('w', Status::Unknown),
            ('t', Status::NotApplicable),
        ];
        for (c, status) in cases {
            assert_eq!(
                keymap(Context::Guided, press(KeyCode::Char(c))),
                Some(Action::Answer(status))
            );
            assert_eq!(
                keymap(Context::Overview, press(KeyCode::Char(c))),
                Some(Action::Answer(status))
            );
        }
        assert_eq!(
            keymap(Context::Guided, press(KeyCode::Char('J'))),
            Some(Action::Answer(Status::Yes))
        );
    }

    #[test]
    fn note_editor_gets_letters_and_esc_saves() {
        let j = press(KeyCode::Char('j'));
        assert_eq!(keymap(Context::Note, j), Some(Action::NoteInput(j)));
        assert_eq!(
            keymap(Context::Note, press(KeyCode::Esc)),
            Some(Action::SaveNote)
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            keymap(Context::Note, ctrl_c),
            Some(Action::NoteInput(ctrl_c))
        );
    }

    #[test]
    fn answers_do_nothing_in_help() {
        assert_eq!(keymap(Context::Help, press(KeyCode::Char('j'))), None);
        assert_eq!(
            keymap(Context::Help, press(KeyCode::Esc)),
            Some(Action::Back)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for context in [
            Context::Guided,
            Context::Overview,
            Context::Help,
            Context::Note,
            Context::Report,
            Context::Prompt,
            Context::Intake,
            Context::Form,
            Context::Start,
            Context::Confirm,
        ] {
            let mut seen = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.scope.includes(context)) {
                assert!(
                    !seen.contains(&(b.code, b.ctrl)),
                    "{context:?}: {:?} bound twice",
                    b.code
                );
                seen.push((b.code, b.ctrl));
            }
        }
    }
}
