//! Where things are on screen: one pure computation shared by drawing and mouse hit-testing.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::tui::app::{App, Mode, Overlay};

/// The frame's regions.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Top line.
    pub header: Rect,
    /// The main screen.
    pub body: Rect,
    /// Key hints.
    pub keys: Rect,
    /// Messages.
    pub status: Rect,
}

/// The status message as shown: wrapped to the width so that every word is seen (a save error's
/// hint at its end included), at most half the screen high.
pub fn status_lines(message: Option<&str>, area: Rect) -> Vec<String> {
    wrap_status(message, area.width, (area.height / 2).max(1))
}

/// A status message wrapped to `width` (one space before every line), at most `rows` lines.
pub fn wrap_status(message: Option<&str>, width: u16, rows: u16) -> Vec<String> {
    let Some(message) = message else {
        return Vec::new();
    };
    // A word longer than the line (a long path) is broken, not cut off.
    let mut lines = crate::report::text::wrap_lines(message, usize::from(width.max(2)), 1, true);
    lines.truncate(usize::from(rows));
    lines
}

/// Splits the whole area; the status line gets the rows of `status_lines` (at least one).
pub fn frame(area: Rect, status_lines: usize) -> Frame {
    let status = u16::try_from(status_lines.max(1)).unwrap_or(1);
    // What the layout solver gives whenever everything fits, without it (its first run costs a
    // tenth of the first frame); a test holds the two equal at every size.
    if area.height >= status.saturating_add(5) {
        let row = |y, height| Rect::new(area.x, y, area.width, height);
        let body = area.height - status - 2;
        return Frame {
            header: row(area.y, 1),
            body: row(area.y + 1, body),
            keys: row(area.y + 1 + body, 1),
            status: row(area.y + 2 + body, status),
        };
    }
    frame_solved(area, status)
}

/// [`frame`] by the layout solver.
fn frame_solved(area: Rect, status: u16) -> Frame {
    let [header, body, keys, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(status),
    ])
    .areas(area);
    Frame {
        header,
        body,
        keys,
        status,
    }
}

/// The header's left part and its right part of `right` columns.
pub fn header(area: Rect, right: u16) -> [Rect; 2] {
    // As in `frame`: the solver's result whenever everything fits.
    if area.width >= right.saturating_add(10) {
        let left = area.width - right;
        return [
            Rect::new(area.x, area.y, left, area.height),
            Rect::new(area.x + left, area.y, right, area.height),
        ];
    }
    header_solved(area, right)
}

/// [`header`] by the layout solver.
fn header_solved(area: Rect, right: u16) -> [Rect; 2] {
    Layout::horizontal([Constraint::Min(10), Constraint::Length(right)]).areas(area)
}

/// The overview's panes (outer rectangles, with borders).
#[derive(Debug, Clone, Copy)]
pub struct Overview {
    /// Checklists with progress.
    pub checklists: Rect,
    /// Items of the selected checklist.
    pub items: Rect,
    /// Details of the selected item.
    pub details: Rect,
}

/// Splits the body for the overview.
pub fn overview(body: Rect) -> Overview {
    let left = checklists_width(body);
    // As in `frame`: the solver's result whenever everything fits.
    let items_height = u16::try_from((u32::from(body.height) * 2 + 2) / 5).unwrap_or(u16::MAX);
    if body.width >= left + 20 && body.height - items_height >= 5 {
        let right = body.width - left;
        return Overview {
            checklists: Rect::new(body.x, body.y, left, body.height),
            items: Rect::new(body.x + left, body.y, right, items_height),
            details: Rect::new(
                body.x + left,
                body.y + items_height,
                right,
                body.height - items_height,
            ),
        };
    }
    overview_solved(body)
}

/// The width of the overview's checklists pane.
fn checklists_width(body: Rect) -> u16 {
    (body.width * 2 / 5).clamp(24, 44)
}

/// [`overview`] by the layout solver.
fn overview_solved(body: Rect) -> Overview {
    let left = checklists_width(body);
    let [checklists, right] =
        Layout::horizontal([Constraint::Length(left), Constraint::Min(20)]).areas(body);
    let [items, details] =
        Layout::vertical([Constraint::Percentage(40), Constraint::Min(5)]).areas(right);
    Overview {
        checklists,
        items,
        details,
    }
}

/// First visible row of a list of `len` rows in `height` rows so that `selected` is visible.
pub fn list_offset(selected: usize, height: u16) -> usize {
    selected.saturating_sub(usize::from(height.max(1)) - 1)
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin::new(1, 1))
}

/// What a click landed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A checklist, by index.
    Checklist(usize),
    /// An item, by cursor index.
    Item(usize),
}

/// What is at a screen position in the overview.
pub fn hit(app: &App, column: u16, row: u16) -> Option<Hit> {
    if app.mode != Mode::Overview || !matches!(app.overlay, Overlay::None) {
        return None;
    }
    let status = status_lines(app.message.as_ref().map(|(_, m)| m.as_str()), app.area);
    let panes = overview(frame(app.area, status.len()).body);
    let position = ratatui::layout::Position::new(column, row);
    let checklists = inner(panes.checklists);
    if checklists.contains(position) {
        let index = usize::from(row - checklists.y);
        return (index < app.catalog.checklists().len()).then_some(Hit::Checklist(index));
    }
    let items = inner(panes.items);
    if items.contains(position) {
        let ci = app.checklist_index();
        let first = app.first_of(ci)?;
        let len = app.catalog.checklists()[ci].items.len();
        let offset = list_offset(app.cursor - first, items.height);
        let index = offset + usize::from(row - items.y);
        return (index < len).then_some(Hit::Item(first + index));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_and_overview_are_what_the_layout_solver_gives_at_every_size() {
        for height in 0..120 {
            for status in 1..8u16 {
                for width in [0, 1, 30, 80, 100, 300] {
                    let area = Rect::new(2, 3, width, height);
                    let (got, solved) = (frame(area, status.into()), frame_solved(area, status));
                    assert_eq!(
                        [got.header, got.body, got.keys, got.status],
                        [solved.header, solved.body, solved.keys, solved.status],
                        "{area:?} {status}"
                    );
                }
            }
            for width in (0..70).chain([80, 99, 100, 101, 120, 200, 300]) {
                let body = Rect::new(1, 2, width, height);
                let got = overview(body);
                let solved = overview_solved(body);
                assert_eq!(
                    [got.checklists, got.items, got.details],
                    [solved.checklists, solved.items, solved.details],
                    "{body:?}"
                );
            }
        }
    }

    #[test]
    fn the_header_is_what_the_layout_solver_gives_at_every_width() {
        for width in 0..320 {
            for right in [0, 1, 9, 10, 11, 40, 90, 400] {
                let area = Rect::new(1, 2, width, 1);
                assert_eq!(
                    header(area, right),
                    header_solved(area, right),
                    "{area:?} {right}"
                );
            }
        }
    }

    #[test]
    fn a_status_message_wraps_and_breaks_a_word_longer_than_the_line() {
        let path = format!("/{}/klant.toml", "heel-lange-map".repeat(8));
        let message = format!("kan {path} niet vervangen: de schijf is vol. Maak ruimte vrij.");
        let lines = wrap_status(Some(&message), 40, 10);
        assert!(lines.iter().all(|l| l.chars().count() <= 41), "{lines:#?}");
        let joined: String = lines.iter().map(|l| l.trim()).collect();
        assert!(
            joined.contains("klant.toml"),
            "the file name is seen: {lines:#?}"
        );
        assert!(
            joined.ends_with("ruimte vrij."),
            "the hint at the end too: {lines:#?}"
        );
        assert_eq!(
            wrap_status(Some(&message), 40, 2).len(),
            2,
            "at most the rows given"
        );
    }
}
