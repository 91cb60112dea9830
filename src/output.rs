//! Output shared by both shells: stdout and stderr through the terminal sanitiser, the width and
//! colour of text output, and the text report printed when the questionnaire closes.

use std::io::{self, IsTerminal, Write};

use crate::assessment::Assessment;
use crate::checklist::Catalog;
use crate::clock;
use crate::report::{Document, Scan, text};
use crate::sanitize::{self, Pass};

/// Writes to stdout through [`sanitize::for_terminal`] (text only); a closed pipe
/// (`pqs report | head`) is not an error.
pub fn print(text: &str) -> io::Result<()> {
    print_as(text, Pass::Text)
}

/// [`print`] for the coloured text report: its own colour sequences pass.
pub fn print_coloured(text: &str) -> io::Result<()> {
    print_as(text, Pass::Colour)
}

/// [`print`] for a file format (CSV, an export bundle) written to stdout: exact when stdout is a
/// pipe or a file, through the sanitiser (keeping `\r\n`) when it is a terminal.
pub fn print_data(text: &str) -> io::Result<()> {
    print_data_with(|out| out.write_all(text.as_bytes()))
}

/// [`print_data`] of what `write` writes: to a pipe or a file as it is written (a report of
/// megabytes is never held whole), to a terminal through the sanitiser once it is complete.
pub fn print_data_with(
    write: impl FnOnce(&mut io::BufWriter<&mut dyn Write>) -> io::Result<()>,
) -> io::Result<()> {
    if io::stdout().is_terminal() {
        let mut text = Vec::new();
        let mut buffered = io::BufWriter::new(&mut text as &mut dyn Write);
        write(&mut buffered)?;
        buffered.flush()?;
        drop(buffered);
        return print_as(&String::from_utf8_lossy(&text), Pass::CrLf);
    }
    let mut stdout = io::stdout().lock();
    let mut out = io::BufWriter::with_capacity(1 << 16, &mut stdout as &mut dyn Write);
    match write(&mut out).and_then(|()| out.flush()) {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => Err(err),
        _ => Ok(()),
    }
}

fn print_as(text: &str, pass: Pass) -> io::Result<()> {
    write_stdout(&sanitize::for_terminal(text, pass))
}

fn write_stdout(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => Err(err),
        _ => Ok(()),
    }
}

/// Writes a message and a line break to stderr through [`sanitize::for_terminal`]: error messages
/// quote file names, paths and ids, which may come from a bundle or an argument.
pub fn eprint(message: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{}", sanitize::for_terminal(message, Pass::Text));
}

/// Width for text output: the terminal's, or 80 when not a terminal.
pub fn output_width() -> usize {
    if io::stdout().is_terminal() {
        ratatui::crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w).clamp(40, 120))
    } else {
        80
    }
}

/// Text layout for stdout: the terminal's width and colour (unless NO_COLOR), else 80 plain columns.
pub fn stdout_layout() -> text::Layout {
    let color =
        io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    text::Layout {
        width: output_width(),
        color,
    }
}

/// The report document of an assessment, made now, with dates in the system time zone.
pub fn document<'a>(
    catalog: &Catalog,
    scan: &'a Scan,
    assessment: &'a Assessment,
    name: &'a str,
) -> Document<'a> {
    Document::of(
        catalog,
        scan,
        assessment,
        name,
        clock::now(),
        clock::local_tz(),
    )
}

/// The one-screen report printed when the questionnaire closes: what changed since `session_start`,
/// the first tasks, and the command for the whole report.
pub fn quit_report(
    catalog: &Catalog,
    assessment: &Assessment,
    name: &str,
    data_dir: Option<&std::path::Path>,
    session_start: jiff::Timestamp,
    layout: text::Layout,
) -> String {
    let scan = Scan::new(catalog, assessment, clock::now());
    let doc = document(catalog, &scan, assessment, name);
    let session = crate::report::progress::compare(
        catalog,
        assessment,
        &scan,
        session_start,
        crate::report::progress::Baseline::Chosen,
    );
    text::render_quit(
        &doc,
        Some(&session),
        &report_command(name, data_dir),
        layout,
    )
}

/// The command that prints the whole report of `name` (in `data_dir` when given), each argument
/// quoted for a shell when it needs to be.
pub fn report_command(name: &str, data_dir: Option<&std::path::Path>) -> String {
    let quoted = |text: &str| {
        let plain = !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
        if plain {
            text.to_owned()
        } else {
            format!("'{}'", text.replace('\'', "'\\''"))
        }
    };
    let mut out = "pqs report".to_owned();
    if let Some(dir) = data_dir {
        out.push_str(" --data-dir ");
        out.push_str(&quoted(&crate::sanitize::line(&dir.to_string_lossy())));
    }
    if name != crate::assessment::DEFAULT_NAME {
        out.push_str(" -a ");
        out.push_str(&quoted(name));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::report_command;
    use std::path::Path;

    #[test]
    fn the_report_command_names_the_folder_and_quotes_what_a_shell_would_split() {
        assert_eq!(
            report_command(crate::assessment::DEFAULT_NAME, None),
            "pqs report"
        );
        assert_eq!(report_command("klant-x", None), "pqs report -a klant-x");
        assert_eq!(
            report_command("De Korst's", Some(Path::new("/tmp/mijn map"))),
            "pqs report --data-dir '/tmp/mijn map' -a 'De Korst'\\''s'"
        );
        assert_eq!(
            report_command("klant", Some(Path::new("/tmp/pqs"))),
            "pqs report --data-dir /tmp/pqs -a klant"
        );
    }
}
