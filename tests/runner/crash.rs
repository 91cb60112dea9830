//! `pqs answer` killed with SIGKILL at random moments: after every kill the file parses and every
//! acknowledged answer is in it, and no temporary file survives the next open.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use pqs::assessment::{Status, Store};

use crate::common::TestEnv;

/// How many runs must be killed; `PQS_CRASH_KILLS` asks for a longer run.
fn kills() -> usize {
    std::env::var("PQS_CRASH_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(220)
}

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn temporaries(env: &TestEnv) -> Vec<String> {
    env.data_files()
        .into_iter()
        .filter(|name| name.ends_with(".tmp"))
        .collect()
}

#[test]
fn answers_killed_at_random_moments_never_lose_an_acknowledged_answer() {
    let env = TestEnv::new();
    let catalog = pqs::checklist::Catalog::bundled();
    let items: Vec<String> = catalog
        .items()
        .map(|(_, i)| i.id.to_string())
        .take(40)
        .collect();
    let statuses = [Status::Yes, Status::No, Status::Partly, Status::Unknown];
    env.ok(&["answer", "-a", "klant", &items[0], "ja"]);
    // Per item, the statuses the file may hold: the last acknowledged one, plus those of runs that
    // were killed since (they may or may not have reached the disk); `true` once one was
    // acknowledged (before that, no answer at all is possible too).
    let mut possible: BTreeMap<String, (bool, BTreeSet<&str>)> = BTreeMap::new();
    possible.insert(items[0].clone(), (true, BTreeSet::from(["yes"])));
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    // Kill within the time a run takes here (slower in a debug build or on a busy machine).
    let started = std::time::Instant::now();
    env.ok(&["answer", "-a", "klant", &items[0], "ja"]);
    let mut window = u64::try_from(started.elapsed().as_micros()).unwrap_or(20_000) * 5 / 4;
    let (mut killed, mut finished, mut mid_write) = (0, 0, 0);
    let store = Store::new(env.data());
    let mut run = 0;
    while killed < kills() {
        run += 1;
        assert!(run < 20 * kills(), "too few kills: {killed} of {run} runs");
        let item = &items[run % items.len()];
        let status = statuses[(random.next() % 4) as usize];
        let mut cmd = std::process::Command::new(crate::common::bin());
        env.configure(&mut cmd);
        cmd.args(["answer", "-a", "klant", item, status.as_str()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let mut child = cmd.spawn().unwrap();
        // Most kills land while the process starts, loads or writes; some come after it is done.
        std::thread::sleep(Duration::from_micros(random.next() % window.max(1)));
        let _ = child.kill();
        let exit = child.wait().unwrap();
        let entry = possible.entry(item.clone()).or_default();
        if exit.success() {
            finished += 1;
            *entry = (true, BTreeSet::from([status.as_str()]));
            assert!(
                temporaries(&env).is_empty(),
                "run {run}: {:?}",
                temporaries(&env)
            );
        } else {
            killed += 1;
            entry.1.insert(status.as_str());
            // A busy machine makes runs slower than the one measured: while none finishes, the
            // window grows, so some runs are acknowledged (and their answers checked) too.
            if finished == 0 && killed % 10 == 0 {
                window *= 2;
            }
            mid_write += usize::from(!temporaries(&env).is_empty());
        }
        let assessment = store
            .read("klant")
            .unwrap_or_else(|e| panic!("run {run}: the file does not parse: {e}"))
            .expect("the file exists");
        for (id, (acknowledged, allowed)) in &possible {
            let found = assessment.status(id).map(Status::as_str);
            let ok = match found {
                Some(status) => allowed.contains(status),
                None => !acknowledged,
            };
            assert!(
                ok,
                "run {run}: {id} is {found:?}, expected one of {allowed:?}"
            );
        }
    }
    eprintln!("{killed} killed ({mid_write} during a write), {finished} finished");
    assert!(
        finished > 0,
        "no run finished: the delays are too short to test acknowledgement"
    );
    // The next open removes whatever a killed writer left.
    env.ok(&["answer", "-a", "klant", &items[1], "nee"]);
    assert!(temporaries(&env).is_empty(), "{:?}", temporaries(&env));
}
