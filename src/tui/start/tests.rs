//! The start screen on `TestBackend` with a real data folder.

use std::collections::VecDeque;
use std::fs;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode};

use super::{Chosen, run};
use crate::assessment::{Assessment, Status, Store};
use crate::checklist::Catalog;
use crate::tui::tests::{chars, key, now};
use crate::tui::theme::Theme;

struct Outcome {
    chosen: Option<Chosen>,
    screen: String,
}

fn start(store: &Store, events: Vec<Event>) -> Outcome {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let chosen = run(
        &mut terminal,
        &mut VecDeque::from(events),
        store,
        &Catalog::bundled(),
        Theme::new(false),
        jiff::tz::TimeZone::UTC,
        now,
    )
    .unwrap();
    let screen = terminal.backend().to_string();
    Outcome { chosen, screen }
}

/// The screen without its first line, which names the (temporary) data folder.
fn below_header(out: &Outcome) -> String {
    out.screen.lines().skip(1).collect::<Vec<_>>().join("\n")
}

fn two_clients() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("data"));
    let mut bakker = Assessment::new("Bakkerij De Korst", now());
    bakker.set_status(&crate::tui::tests::q(0), Some(Status::Yes), None, now());
    store.lock("bakker").unwrap().save(&bakker).unwrap();
    let mut kapper = Assessment::new("Kapsalon <Knip> & Co", now());
    kapper.updated = "2026-11-20T15:30:00Z".parse().unwrap();
    store.lock("kapper").unwrap().save(&kapper).unwrap();
    (dir, store)
}

#[test]
fn every_assessment_is_listed_with_its_progress_at_80x24() {
    let (_dir, store) = two_clients();
    let out = start(&store, vec![]);
    assert!(out.chosen.is_none());
    let folder = store.dir().display().to_string();
    assert!(
        out.screen.lines().next().unwrap().contains(&folder),
        "the header names the folder"
    );
    insta::assert_snapshot!(below_header(&out));
}

#[test]
fn enter_opens_the_selected_assessment_locked() {
    let (_dir, store) = two_clients();
    let out = start(&store, vec![key(KeyCode::Down), key(KeyCode::Enter)]);
    let Some(Chosen::Open(writer)) = out.chosen else {
        panic!("nothing opened: {}", out.screen);
    };
    assert_eq!(writer.name(), "kapper", "the older edit is second");
    assert!(
        store.lock("kapper").is_err(),
        "held by the start screen's choice"
    );
}

#[test]
fn a_held_assessment_is_offered_read_only_and_opened_so_on_yes() {
    let (_dir, store) = two_clients();
    let _held = store.lock("bakker").unwrap();
    let out = start(&store, vec![key(KeyCode::Enter)]);
    assert!(out.chosen.is_none());
    assert!(out.screen.contains("Alleen bekijken?"), "{}", out.screen);
    assert!(
        out.screen.contains("proces"),
        "it says who holds it: {}",
        out.screen
    );
    let out = start(&store, vec![key(KeyCode::Enter), key(KeyCode::Char('j'))]);
    let Some(Chosen::ReadOnly(name, reason)) = out.chosen else {
        panic!("not opened read-only: {}", out.screen);
    };
    assert_eq!(name, "bakker");
    assert!(reason.starts_with("Alleen lezen"), "{reason}");
    // No: back to the list, nothing chosen.
    let out = start(&store, vec![key(KeyCode::Enter), key(KeyCode::Char('n'))]);
    assert!(out.chosen.is_none());
    assert!(!out.screen.contains("Alleen bekijken?"), "{}", out.screen);
}

#[test]
fn a_new_assessment_gets_a_name_from_the_organisation() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("data"));
    let empty = start(&store, vec![]);
    assert!(
        empty.screen.contains("Nog geen beoordelingen"),
        "{}",
        empty.screen
    );
    let mut events = chars("n");
    events.extend(chars("Café 't Hoekje"));
    events.push(key(KeyCode::Enter));
    let out = start(&store, events);
    let Some(Chosen::New(writer, assessment)) = out.chosen else {
        panic!("nothing created: {}", out.screen);
    };
    assert_eq!(writer.name(), "cafe-t-hoekje");
    assert_eq!(assessment.organisation, "Café 't Hoekje");
    let saved = store.read("cafe-t-hoekje").unwrap().expect("saved at once");
    assert_eq!(saved.organisation, "Café 't Hoekje");
}

#[test]
fn rename_moves_the_file_and_keeps_the_answers() {
    let (_dir, store) = two_clients();
    let mut events = chars("r");
    events.extend((0..6).map(|_| key(KeyCode::Backspace)));
    events.extend(chars("de-korst"));
    events.push(key(KeyCode::Enter));
    let out = start(&store, events);
    assert!(
        out.screen.contains("\"bakker\" heet nu \"de-korst\""),
        "{}",
        out.screen
    );
    assert!(!store.exists("bakker"));
    let moved = store.read("de-korst").unwrap().unwrap();
    assert_eq!(moved.status(&crate::tui::tests::q(0)), Some(Status::Yes));
}

#[test]
fn delete_asks_first_and_moves_to_the_trash() {
    let (_dir, store) = two_clients();
    let out = start(&store, vec![key(KeyCode::Delete), key(KeyCode::Char('n'))]);
    assert!(store.exists("bakker"), "n keeps it: {}", out.screen);

    let out = start(&store, vec![key(KeyCode::Delete)]);
    insta::assert_snapshot!("delete_question", below_header(&out));

    let out = start(&store, vec![key(KeyCode::Delete), key(KeyCode::Char('j'))]);
    assert!(!store.exists("bakker"));
    let trash: Vec<_> = fs::read_dir(store.dir().join("trash")).unwrap().collect();
    assert_eq!(trash.len(), 1, "moved, not erased");
    assert!(out.screen.contains("is verplaatst naar"), "{}", out.screen);
    assert!(!out.screen.contains("Bakkerij De Korst"), "{}", out.screen);
}

#[test]
fn a_corrupt_file_is_listed_and_does_not_hide_the_others() {
    let (_dir, store) = two_clients();
    fs::write(store.path("kapot"), "format = 2\norganisation = [").unwrap();
    let out = start(&store, vec![key(KeyCode::End)]);
    assert!(out.screen.contains("kapot"), "{}", out.screen);
    assert!(
        out.screen.contains("kan niet gelezen worden"),
        "{}",
        out.screen
    );
    assert!(out.screen.contains("Kapsalon"), "{}", out.screen);
    let out = start(
        &store,
        vec![key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Enter)],
    );
    assert!(out.chosen.is_none(), "a corrupt file is not opened");
    assert!(
        out.screen.contains("kapot.toml"),
        "the reason names the file: {}",
        out.screen
    );
}

#[test]
fn a_failed_rename_keeps_the_selection_on_the_same_assessment() {
    let (_dir, store) = two_clients();
    // bakker is selected; renaming it to the taken name kapper fails.
    let mut events = chars("r");
    events.extend((0..6).map(|_| key(KeyCode::Backspace)));
    events.extend(chars("kapper"));
    events.push(key(KeyCode::Enter));
    events.push(key(KeyCode::Delete));
    let out = start(&store, events);
    assert!(
        out.screen.contains("\"bakker\" naar de map trash/"),
        "{}",
        out.screen
    );
}

#[test]
fn a_rename_to_an_unsafe_name_is_refused_and_nothing_moves() {
    let (_dir, store) = two_clients();
    let mut events = chars("r");
    events.extend((0..6).map(|_| key(KeyCode::Backspace)));
    events.extend(chars("../weg"));
    events.push(key(KeyCode::Enter));
    let out = start(&store, events);
    assert!(
        out.screen.contains("ongeldige naam \"../weg\""),
        "{}",
        out.screen
    );
    assert!(store.exists("bakker"), "the file stays where it was");
    assert!(!store.dir().join("../weg.toml").exists());
}
