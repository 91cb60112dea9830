//! Everything the user can ask the interface to do; keys and mouse events map onto these.

use ratatui::crossterm::event::KeyEvent;

use crate::assessment::Status;

/// An answer to an intake question, as a key gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntakeKey {
    /// Yes (a yes/no question).
    Yes,
    /// No (a yes/no question).
    No,
    /// Leave it open (clear the answer).
    Open,
    /// The choice with this index (a multiple-choice question; the key shows it plus one).
    Choice(u8),
}

/// One user intention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Answer the current item.
    Answer(Status),
    /// Remove the current item's answer.
    Clear,
    /// Open the note editor for the current item.
    EditNote,
    /// Open the action-plan form for the current item (owner, due date, agreed action).
    EditPlan,
    /// Open the form with the assessment's details (organisation, contact, assessor, KvK).
    EditDetails,
    /// Keep the current answer: it is still true for the (changed) question and restarts its review.
    ConfirmAnswer,
    /// Open the intake questions.
    OpenIntake,
    /// Answer the current intake question.
    IntakeAnswer(IntakeKey),
    /// Start screen: open the selected assessment.
    OpenAssessment,
    /// Start screen: create an assessment (asks the organisation name).
    NewAssessment,
    /// Start screen: give the selected assessment another name.
    RenameAssessment,
    /// Start screen: move the selected assessment to the trash folder (asks first).
    DeleteAssessment,
    /// Go on from a pause (the end of a checklist, the end of the intake).
    Continue,
    /// Choose how deep the scan goes (for the whole scan or the current checklist).
    ChooseDepth,
    /// Choose what the report screen and the export compare with: a session or a date.
    ChooseComparison,
    /// Pick option `n` (from 0) in a list of choices.
    Choose(u8),
    /// Show the glossary.
    ShowGlossary,
    /// Answer yes to a confirmation.
    Yes,
    /// Answer no to a confirmation.
    No,
    /// Save the form and close it (an invalid field keeps it open).
    SaveForm,
    /// Next field of a form.
    NextField,
    /// Previous field of a form.
    PreviousField,
    /// Next item.
    Next,
    /// Previous item.
    Previous,
    /// First item of the next checklist.
    NextChecklist,
    /// First item of the previous checklist.
    PreviousChecklist,
    /// First item overall.
    First,
    /// Last item overall.
    Last,
    /// Switch between the walk-through and the overview.
    ToggleMode,
    /// Show or leave the report screen.
    ToggleReport,
    /// Show the plan screen: every task with what was agreed.
    OpenPlan,
    /// Show the documents: the register, the processors and the breach register.
    OpenDocuments,
    /// Documents screen: edit the selected record, add a suggested one, or start a new one.
    EditDocument,
    /// A form: close it; what was typed is saved, unless nothing was or it is refused twice.
    CloseForm,
    /// Documents screen: remove the selected activity or processor (after a question).
    RemoveDocument,
    /// Drill screen: the selected step done (who, what), or the evaluation.
    DrillStep,
    /// Plan screen: mark the selected task done today, or open again.
    ToggleDone,
    /// Plan screen: pin the selected task at the top, or move it up among the pinned ones.
    PinUp,
    /// Plan screen: move the selected pinned task down, or unpin the last one.
    PinDown,
    /// Ask for a folder and export the HTML report and summary.
    Export,
    /// Confirm what was typed in a one-line prompt (export folder, organisation name).
    Confirm,
    /// Close a prompt without using what was typed.
    Cancel,
    /// Show or hide the key overview.
    ToggleHelp,
    /// Close an overlay or leave.
    Back,
    /// Leave the program.
    Quit,
    /// Save the note being edited and close the editor.
    SaveNote,
    /// A key for the note editor.
    NoteInput(KeyEvent),
    /// A mouse click at a column and row.
    Click(u16, u16),
    /// Mouse wheel: `true` is down.
    Scroll(bool),
}
