//! Styles, with and without colour (NO_COLOR).

use ratatui::style::{Color, Modifier, Style};

use crate::assessment::Status;
use crate::checklist::Severity;

/// The styles the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// A theme; `color` is false when NO_COLOR is set.
    pub fn new(color: bool) -> Self {
        Theme { color }
    }

    /// From the environment: colour unless NO_COLOR is set to anything non-empty.
    pub fn from_env() -> Self {
        Theme::new(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()))
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// Titles and the question.
    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// Labels such as "Waarom".
    pub fn label(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Secondary text.
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    /// The selected row.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Keys in the footer and help.
    pub fn key(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// Error messages.
    pub fn error(self) -> Style {
        self.fg(Color::Red)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    /// Normal status messages.
    pub fn info(self) -> Style {
        self.fg(Color::Green)
    }

    /// A status mark.
    pub fn status(self, status: Option<Status>) -> Style {
        match status {
            Some(Status::Yes) => self.fg(Color::Green),
            Some(Status::Partly) => self.fg(Color::Yellow),
            Some(Status::No) => self.fg(Color::Red),
            Some(Status::Unknown) => self.fg(Color::Magenta),
            Some(Status::NotApplicable) | None => self.dim(),
        }
    }

    /// A severity label.
    pub fn severity(self, severity: Severity) -> Style {
        match severity {
            Severity::High => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Severity::Medium => self.fg(Color::Yellow),
            Severity::Low => self.dim(),
        }
    }
}
