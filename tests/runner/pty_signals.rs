//! The TUI in a real pseudo-terminal, stopped by a termination signal: the terminal is restored
//! (cooked mode, main screen, mouse reporting off, cursor shown), the answer is on disk and the exit
//! code is 128 + the signal number.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{LocalModes, Winsize, tcgetattr, tcsetwinsize};

use crate::common::{ITEM, TestEnv};

/// The first question the walk-through asks (the one the tests answer with n).
const FIRST_ASKED: &str = "avg-stappen.avg-3-transparantie";

/// A `pqs` running in a pseudo-terminal of 100x30, with everything it writes collected.
pub struct PtyPqs {
    pub child: Child,
    master: Option<File>,
    output: Arc<Mutex<Vec<u8>>>,
    stop: Arc<std::sync::atomic::AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl PtyPqs {
    pub fn spawn(env: &TestEnv, args: &[&str]) -> PtyPqs {
        let master: OwnedFd =
            openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
        grantpt(&master).unwrap();
        unlockpt(&master).unwrap();
        let name = ptsname(&master, Vec::new()).unwrap();
        let slave = File::options()
            .read(true)
            .write(true)
            .open(name.to_str().unwrap())
            .unwrap();
        tcsetwinsize(
            &slave,
            Winsize {
                ws_row: 30,
                ws_col: 100,
                ws_xpixel: 0,
                ws_ypixel: 0,
            },
        )
        .unwrap();
        let mut cmd = std::process::Command::new(crate::common::bin());
        env.configure(&mut cmd);
        cmd.env("TERM", "xterm-256color")
            .args(args)
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        let child = cmd.spawn().unwrap();
        let master = File::from(master);
        // Read without blocking, so the reader can stop and let go of the terminal (a hang-up).
        let flags = rustix::fs::fcntl_getfl(&master).unwrap();
        rustix::fs::fcntl_setfl(&master, flags | rustix::fs::OFlags::NONBLOCK).unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let mut source = master.try_clone().unwrap();
        let sink = Arc::clone(&output);
        let halt = Arc::clone(&stop);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while !halt.load(std::sync::atomic::Ordering::SeqCst) {
                match source.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => sink.lock().unwrap().extend_from_slice(&buf[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(10));
                    }
                    Err(_) => break,
                }
            }
        });
        PtyPqs {
            child,
            master: Some(master),
            output,
            stop,
            reader: Some(reader),
        }
    }

    /// Closes the terminal, as a closed window or a dropped connection does.
    pub fn hang_up(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        self.master = None;
    }

    /// Waits (up to 20 s) for the exit code.
    pub fn wait(&mut self) -> Option<i32> {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "pqs did not stop"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Everything written so far, lossily as text.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// Waits (up to 20 s) until the output holds `text` after byte `from`; the new length.
    pub fn wait_for(&self, text: &str, from: usize) -> usize {
        let start = Instant::now();
        loop {
            let out = self.output.lock().unwrap().clone();
            let tail = String::from_utf8_lossy(&out[from.min(out.len())..]).into_owned();
            if tail.contains(text) {
                return out.len();
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no {text:?} on the screen:\n{tail}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, keys: &str) {
        let master = self.master.as_mut().expect("the terminal is open");
        master.write_all(keys.as_bytes()).unwrap();
    }

    /// Sends a signal and waits (up to 20 s) for the exit code.
    pub fn signal(&mut self, name: &str) -> Option<i32> {
        let pid = self.child.id().to_string();
        let sent = std::process::Command::new("kill")
            .args(["-s", name, &pid])
            .status()
            .unwrap();
        assert!(sent.success());
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "pqs did not stop on {name}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the terminal is back in cooked mode (line editing and echo on).
    pub fn cooked(&self) -> bool {
        let modes = tcgetattr(self.master.as_ref().expect("open"))
            .unwrap()
            .local_modes;
        modes.contains(LocalModes::ICANON) && modes.contains(LocalModes::ECHO)
    }
}

#[test]
fn a_termination_signal_restores_the_terminal_saves_and_exits_128_plus_n() {
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)] {
        let env = TestEnv::new();
        env.ok(&["answer", "-a", "klant", ITEM, "ja"]);
        env.ok(&["intake", "-a", "klant", "webshop", "nee"]);
        let mut pqs = PtyPqs::spawn(&env, &["-a", "klant"]);
        let seen = pqs.wait_for("Privacy Quick Scan", 0);
        assert!(!pqs.cooked(), "{signal}: raw mode while running");
        // The overview opens on the first question: answer it "nee".
        let _ = seen;
        pqs.send("n");
        // The screen is redrawn by difference: give the key a moment rather than look for text.
        std::thread::sleep(Duration::from_millis(400));
        let code = pqs.signal(signal);
        assert_eq!(code, Some(128 + number), "{signal}: exit code");
        std::thread::sleep(Duration::from_millis(100));
        let out = pqs.output();
        let tail = &out[out.rfind("\x1b[?1049h").expect("alternate screen entered")..];
        assert!(
            tail.contains("\x1b[?1049l"),
            "{signal}: alternate screen left"
        );
        assert!(tail.contains("\x1b[?25h"), "{signal}: cursor shown");
        assert!(
            tail.contains("\x1b[?1000l"),
            "{signal}: mouse reporting off"
        );
        assert!(pqs.cooked(), "{signal}: cooked mode again");
        assert!(
            out.contains(&format!(
                "pqs: gestopt door SIG{signal}; je antwoorden zijn opgeslagen"
            )),
            "{signal}: {out}"
        );
        let doc = env.json(&["report", "-a", "klant", "--format", "json"]);
        assert_eq!(crate::common::status_of(&doc, ITEM), "yes");
        assert_eq!(
            crate::common::status_of(&doc, FIRST_ASKED),
            "no",
            "{signal}: the answer is on disk"
        );
        assert_eq!(
            doc["sessions"].as_array().unwrap().len(),
            1,
            "{signal}: session recorded"
        );
        let file = std::fs::read_to_string(env.assessment("klant")).unwrap();
        assert!(
            file.contains("[known]"),
            "{signal}: the session was ended, as on quit"
        );
    }
}

#[test]
fn quitting_with_answers_that_cannot_be_saved_exits_non_zero_and_says_where_they_are() {
    let env = TestEnv::new();
    env.ok(&["answer", "-a", "klant", ITEM, "ja"]);
    env.ok(&["intake", "-a", "klant", "webshop", "nee"]);
    let mut pqs = PtyPqs::spawn(&env, &["-a", "klant"]);
    let seen = pqs.wait_for("Privacy Quick Scan", 0);
    // The file's place becomes a folder: no save can succeed, not even for root.
    let path = env.assessment("klant");
    std::fs::rename(&path, env.root().join("weg.toml")).unwrap();
    std::fs::create_dir(&path).unwrap();
    std::fs::write(path.join("iets"), "x").unwrap();
    // The screen is redrawn by difference, so a message need not arrive in one piece: give each
    // key a moment instead of looking for its text.
    let _ = seen;
    for key in ["n", "q", "q"] {
        pqs.send(key);
        std::thread::sleep(Duration::from_millis(400));
    }
    let start = Instant::now();
    let code = loop {
        if let Some(status) = pqs.child.try_wait().unwrap() {
            break status.code();
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "pqs did not quit"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    std::thread::sleep(Duration::from_millis(100));
    let out = pqs.output();
    assert_eq!(code, Some(1), "{out}");
    let said = &out[out.rfind("pqs: je laatste wijzigingen").expect(&out)..];
    assert!(
        said.contains("Een kopie met alle antwoorden staat in "),
        "{said}"
    );
    let copy = said
        .split("staat in ")
        .nth(1)
        .and_then(|rest| rest.split(". Zet").next())
        .unwrap()
        .to_owned();
    let text = std::fs::read_to_string(&copy).unwrap();
    assert!(copy.contains("pqs-herstel-klant-"), "{copy}");
    assert!(
        text.contains(&format!("[answers.\"{FIRST_ASKED}\"]\nstatus = \"no\"")),
        "{text}"
    );
}

#[test]
fn an_assessment_held_elsewhere_opens_read_only_and_stays_unchanged() {
    let env = TestEnv::new();
    env.ok(&["answer", "-a", "klant", ITEM, "ja"]);
    env.ok(&["intake", "-a", "klant", "webshop", "nee"]);
    let before = std::fs::read(env.assessment("klant")).unwrap();
    // Another pqs (this test) holds it.
    let _held = pqs::assessment::Store::new(env.data())
        .lock("klant")
        .unwrap();
    let mut pqs = PtyPqs::spawn(&env, &["-a", "klant"]);
    pqs.wait_for("bekijken?", 0); // one word: ratatui moves over spaces
    for key in ["j", "n", "q"] {
        pqs.send(key);
        std::thread::sleep(Duration::from_millis(300));
    }
    let start = Instant::now();
    let code = loop {
        if let Some(status) = pqs.child.try_wait().unwrap() {
            break status.code();
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "pqs did not quit"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(code, Some(0), "{}", pqs.output());
    assert!(pqs.output().contains("ALLEEN LEZEN"), "the header says so");
    // After the questionnaire, one screen: the first tasks and where the whole report is.
    let output = pqs.output();
    let after = output.rsplit("\x1b[?1049l").next().unwrap();
    assert!(after.contains("De vijf belangrijkste taken"), "{after}");
    assert!(after.contains("pqs report -a klant"), "{after}");
    let lines = after.trim().lines().count();
    assert!(lines <= 24, "{lines} lines:\n{after}");
    assert_eq!(
        std::fs::read(env.assessment("klant")).unwrap(),
        before,
        "nothing written"
    );
}

#[test]
fn a_terminal_that_goes_away_ends_pqs_instead_of_spinning() {
    let env = TestEnv::new();
    env.ok(&["answer", "-a", "klant", ITEM, "ja"]);
    env.ok(&["intake", "-a", "klant", "webshop", "nee"]);
    let mut pqs = PtyPqs::spawn(&env, &["-a", "klant"]);
    pqs.wait_for("Privacy Quick Scan", 0);
    pqs.send("n");
    std::thread::sleep(Duration::from_millis(400));
    pqs.hang_up();
    let code = pqs.wait();
    assert!(
        code.is_some_and(|c| c != 0),
        "a lost terminal is an error: {code:?}"
    );
    // The answer given before is on disk, and the lock is free again.
    let doc = env.json(&["report", "-a", "klant", "--format", "json"]);
    assert_eq!(crate::common::status_of(&doc, FIRST_ASKED), "no");
    env.ok(&["answer", "-a", "klant", ITEM, "nee"]);
}

#[test]
fn a_note_being_typed_is_kept_when_a_signal_stops_pqs() {
    let env = TestEnv::new();
    env.ok(&["answer", "-a", "klant", ITEM, "ja"]);
    env.ok(&["intake", "-a", "klant", "webshop", "nee"]);
    let mut pqs = PtyPqs::spawn(&env, &["-a", "klant"]);
    pqs.wait_for("Privacy Quick Scan", 0);
    for keys in ["o", "nog met de webbouwer bespreken"] {
        pqs.send(keys);
        std::thread::sleep(Duration::from_millis(300));
    }
    assert_eq!(pqs.signal("TERM"), Some(143));
    let file = std::fs::read_to_string(env.assessment("klant")).unwrap();
    assert!(file.contains("nog met de webbouwer bespreken"), "{file}");
}

/// JSON on a terminal is complete before it is written and passes the terminal's sanitiser; on a
/// pipe it is streamed. The bytes are the same (the terminal adds its `\r` to each line break),
/// and a note that would steer a terminal reaches neither raw.
#[test]
fn json_on_a_terminal_is_the_json_a_pipe_gets() {
    let env = TestEnv::new();
    let note = "rood \u{1b}[31m, omgekeerd \u{202e}, DEL \u{7f}, regel\u{2028}scheiding";
    env.ok(&["answer", ITEM, "nee", "--note", note]);
    for args in [
        &["report", "--format", "json"][..],
        &["checklists", "--format", "json"],
    ] {
        let piped = env.ok(args);
        let mut pqs = PtyPqs::spawn(&env, args);
        pqs.wait_for("\r\n}\r\n", 0);
        assert_eq!(pqs.wait(), Some(0), "{args:?}");
        let shown = pqs.output().replace("\r\n", "\n");
        assert_eq!(shown, piped, "{args:?}");
        assert!(
            !shown.contains(['\u{1b}', '\u{202e}', '\u{7f}', '\u{2028}']),
            "{shown}"
        );
    }
    let piped = env.ok(&["report", "--format", "json"]);
    for escaped in ["\\u001b[31m", "\\u202e", "\\u007f", "\\u2028"] {
        assert!(piped.contains(escaped), "{escaped} in {piped}");
    }
    let doc: serde_json::Value = serde_json::from_str(&piped).unwrap();
    assert_eq!(
        crate::common::item_of(&doc, ITEM)["note"],
        note,
        "the data stays exact"
    );
}
