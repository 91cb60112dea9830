#!/usr/bin/env python3
"""Whole-process benchmark of pqs, side by side with dialog, whiptail and /bin/true.

Needs (installs nothing): python3 (3.8+), a release build of pqs and of the fixture generator
(`cargo build --release --bin pqs --example scale_fixtures`), and `dialog` and `whiptail` on the PATH
(Debian/Ubuntu: `apt-get install dialog whiptail`); a program that is missing is left out of the
tables and named; `/usr/bin/time` (GNU time) for peak memory of commands, else it shows 0. Linux
only (a pseudo-terminal, /proc for the peak memory of a first frame).

What it measures, every program in interleaved rounds (one run of each per round, so a busy moment
hits them all alike), medians:

- first frame in a pseudo-terminal of 100x30: the time from fork until the program has written a
  known string of its first full screen (the last text it draws), then it is killed. pqs with a
  fresh assessment (the organisation question), with a year of history (the overview), and the
  start screen with 10 / 100 / 1,000 clients; `dialog --checklist` and `whiptail --checklist` with
  as many items as pqs's bundled checklists hold; `/bin/true` (the cost of starting a process);
- `pqs validate`, `pqs checklists` (load and validate) and `pqs report --format json` at 100 /
  1,000 / 10,000 items of a user checklist, `pqs list` at 10 / 100 / 1,000 clients (with the list
  cache filled, and cold: the cache removed before each run, once with the parsed copies pqs
  leaves beside each file, as after an edit of a checklist, and once without, as after an upgrade
  of pqs, which makes every copy stale), `pqs report --format json` on the
  bundled content with a year of history, `pqs report` in every other format at 10,000 items
  (the budget is for any report), `pqs answer` on the largest assessment;
- peak memory (maximum resident set size) of each, and the binary's size.

It writes BENCHMARKS.md (date, machine, medians, ratios, growth per size step); what follows the
line `<!-- kept by whole-process.py -->` in it is kept.

Usage: benches/whole-process.py [--runs N] [--command-runs N] [--out BENCHMARKS.md] [--fixtures DIR]
                                [--pqs BINARY]
"""

import argparse
import datetime
import fcntl
import json
import os
import platform
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PQS = os.path.join(ROOT, "target", "release", "pqs")
GEN = os.path.join(ROOT, "target", "release", "examples", "scale_fixtures")
ROWS, COLS = 30, 100
NOW = "2027-02-01T10:00:00Z"
TIMEOUT = 30.0
# BENCHMARKS.md from this line on is written by hand and kept when the script rewrites the file.
KEEP = "<!-- kept by whole-process.py -->"


# The report formats besides JSON, timed at 10,000 items.
OTHER_FORMATS = ("text", "markdown", "html", "csv")


def env():
    e = dict(os.environ)
    e.update({"TERM": "xterm-256color", "PQS_NOW": NOW, "NO_COLOR": "1", "LANG": "C.UTF-8"})
    e.pop("PQS_CHECKLISTS", None)
    return e


def first_frame(argv, marker, environ):
    """Seconds from fork until `marker` was written to the pty, and the peak RSS in KiB."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvpe(argv[0], argv, environ)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    seen = b""
    elapsed = None
    needle = marker.encode() if marker else None
    while time.perf_counter() - start < TIMEOUT:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1 << 16)
        except OSError:
            chunk = b""
        if not chunk:  # the program ended (the /bin/true case)
            if needle is None:
                elapsed = time.perf_counter() - start
            break
        seen = seen[-4096:] + chunk
        if needle is not None and needle in seen:
            elapsed = time.perf_counter() - start
            break
    # The high-water mark of the program itself (ru_maxrss would include the forked Python).
    peak = 0
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    peak = int(line.split()[1])
    except OSError:
        pass
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    if needle is None and elapsed is None:
        elapsed = time.perf_counter() - start
    os.close(fd)
    if elapsed is None:
        raise RuntimeError(f"{argv[0]}: {marker!r} not seen within {TIMEOUT} s")
    return elapsed, peak


def command(argv, environ):
    """Seconds of one run with output to /dev/null, and its stderr."""
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environ)
    elapsed = time.perf_counter() - start
    return elapsed, proc.stderr


def peak_kib(argv, environ):
    """Peak RSS in KiB of one run, from `/usr/bin/time -f %M` (a run of its own, not timed: the
    ru_maxrss of a child of Python would include Python's own, inherited over fork and exec)."""
    if not os.path.exists("/usr/bin/time"):
        return 0
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, env=environ)
    return int(proc.stderr.decode().strip().splitlines()[-1])


def interleaved(cases, runs, label):
    """Runs every case once per round; returns {name: (median ms, peak KiB)}."""
    times = {name: [] for name, _ in cases}
    peaks = {name: 0 for name, _ in cases}
    for r in range(runs):
        for name, run in cases:
            seconds, peak = run()
            times[name].append(seconds * 1000)
            peaks[name] = max(peaks[name], peak)
        print(f"\r{label}: round {r + 1}/{runs}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return {name: (statistics.median(times[name]), peaks[name]) for name, _ in cases}


def fixtures(directory):
    if not os.path.exists(os.path.join(directory, "clients-1000")):
        print(f"writing fixtures to {directory} ...", file=sys.stderr)
        subprocess.run([GEN, directory], check=True, stdout=subprocess.DEVNULL)
    return directory


def bundled_items(environ):
    out = subprocess.run([PQS, "checklists", "--format", "json"], env=environ,
                         capture_output=True, check=True).stdout
    return sum(len(c["items"]) for c in json.loads(out)["checklists"])


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} × {cpu}"


def growth(values):
    return " → ".join(
        f"×{b / a:.1f}" if a > 0 else "–" for a, b in zip(values, values[1:])
    )


def main():
    global PQS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="rounds for first frames (default 30)")
    parser.add_argument("--command-runs", type=int, default=10, help="rounds for commands (default 10)")
    parser.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    parser.add_argument("--fixtures", default=os.path.join(tempfile.gettempdir(), "pqs-bench-fixtures"))
    parser.add_argument("--pqs", default=PQS, help="the pqs binary (e.g. an older build to compare)")
    args = parser.parse_args()
    PQS = os.path.abspath(args.pqs)
    for path in (PQS, GEN):
        if not os.path.exists(path):
            sys.exit(f"missing {path}: run `cargo build --release --bin pqs --example scale_fixtures`")
    missing = [p for p in ("dialog", "whiptail") if shutil.which(p) is None]
    if missing:
        print(f"not installed, left out: {', '.join(missing)} (apt-get install {' '.join(missing)})",
              file=sys.stderr)
    environ = env()
    fx = fixtures(args.fixtures)
    items = bundled_items(environ)
    work = tempfile.mkdtemp(prefix="pqs-bench-")

    def fresh():
        data = os.path.join(work, "fresh")
        shutil.rmtree(data, ignore_errors=True)
        os.makedirs(data)
        return first_frame([PQS, "--data-dir", data, "-a", "nieuw"], "annuleren", environ)

    def pqs_frame(data, marker, *extra):
        return lambda: first_frame([PQS, "--data-dir", data, *extra], marker, environ)

    entries = []
    for i in range(items):
        entries += [f"v{i}", f"Vraag {i} over de verwerking van persoonsgegevens", "off"]
    def drop_copies(data):
        """Removes the parsed copies in `data`: what the first read after an edit finds."""
        def drop():
            for entry in os.listdir(data):
                if entry.endswith(".parsed"):
                    os.remove(os.path.join(data, entry))
            shutil.rmtree(os.path.join(data, ".checklists-parsed"), ignore_errors=True)
        return drop

    def without_copies(data, run):
        def wrapped():
            drop_copies(data)()
            return run()
        return wrapped

    year = os.path.join(fx, "year")
    frame_cases = [
        ("pqs, fresh assessment", fresh),
        ("pqs, a year of history", pqs_frame(year, "Tip:", "-a", "klant")),
        ("pqs, a year of history, no parsed copy",
         without_copies(year, pqs_frame(year, "Tip:", "-a", "klant"))),
    ]
    if "dialog" not in missing:
        frame_cases.append(("dialog --checklist", lambda: first_frame(
            ["dialog", "--checklist", "Kies", str(ROWS), str(COLS), str(ROWS - 8), *entries],
            "Cancel", environ)))
    if "whiptail" not in missing:
        frame_cases.append(("whiptail --checklist", lambda: first_frame(
            ["whiptail", "--checklist", "Kies", str(ROWS), str(COLS), str(ROWS - 8), *entries],
            "<Cancel>", environ)))
    frame_cases.append(("/bin/true", lambda: first_frame(["/bin/true"], None, environ)))
    # The start screen reads the list cache; one run first fills it.
    start_cases = []
    for n in (10, 100, 1000):
        data = os.path.join(fx, f"clients-{n}")
        command([PQS, "--data-dir", data, "list"], environ)
        start_cases.append((f"start screen, {n} clients", pqs_frame(data, "stoppen")))
    frames = interleaved(frame_cases, args.runs, "first frame")
    starts = interleaved(start_cases, max(5, args.runs // 3), "start screen")

    peaks = {}

    def cmd(*argv, prepare=lambda: None):
        """A command's run: `prepare` goes before the peak-memory run and before the timed one."""
        def run():
            key = (tuple(argv), prepare)
            if key not in peaks:
                # One run first, so the peak is that of a run like the timed ones (with the
                # parsed copies a run before it made, unless `prepare` removes them).
                command([PQS, *argv], environ)
                prepare()
                peaks[key] = peak_kib([PQS, *argv], environ)
            prepare()
            seconds, err = command([PQS, *argv], environ)
            if err:
                sys.exit(f"pqs {' '.join(argv)}: {err.decode(errors='replace')}")
            return seconds, peaks[key]
        return run

    sizes = (100, 1000, 10000)
    item_cases = []
    # validate and checklists keep their parsed copies in a data folder of their own.
    copies = os.path.join(work, "copies")
    os.makedirs(copies)
    first_runs = []
    for n in sizes:
        lists = os.path.join(fx, f"checklists-{n}")
        answers = os.path.join(fx, f"items-{n}")
        runs = [
            ("validate", copies, ("--data-dir", copies, "validate", os.path.join(lists, "schaal.toml"))),
            ("checklists", copies, ("--data-dir", copies, "--checklists", lists, "checklists",
                                    "--format", "json")),
            ("report", answers, ("--checklists", lists, "--data-dir", answers, "report", "-a",
                                 "klant", "--format", "json")),
        ]
        item_cases += [(f"{what} {n}", cmd(*argv)) for what, _, argv in runs]
        if n == 10000:
            # The budget is for any report: every format, not only JSON.
            item_cases += [(f"report {form} {n}", cmd("--checklists", lists, "--data-dir", answers,
                                                      "report", "-a", "klant", "--format", form))
                           for form in OTHER_FORMATS]
            first_runs = [(f"{what} {n}, no parsed copy", cmd(*argv, prepare=drop_copies(data)))
                          for what, data, argv in runs]
    client_cases = []
    for n in (10, 100, 1000):
        data = os.path.join(fx, f"clients-{n}")
        client_cases.append((f"list {n}", cmd("--data-dir", data, "list")))
    cold = []
    for n in (10, 100, 1000):
        data = os.path.join(fx, f"clients-{n}")
        # The same clients with the parsed copy pqs keeps beside each file (a report makes it).
        kept = os.path.join(work, f"clients-{n}-copies")
        shutil.copytree(data, kept)
        for entry in sorted(os.listdir(kept)):
            if entry.endswith(".toml"):
                command([PQS, "--data-dir", kept, "report", "-a", entry[:-5], "--format", "json"],
                        environ)

        def drop(data):
            try:
                os.remove(os.path.join(data, ".list-cache.json"))
            except FileNotFoundError:
                pass

        drop(data)
        cold_peak = peak_kib([PQS, "--data-dir", data, "list"], environ)

        def run(data=data, cold_peak=cold_peak):
            drop(data)
            return command([PQS, "--data-dir", data, "list"], environ)[0], cold_peak
        cold.append((f"list {n} cold", run))
        kept_peak = peak_kib([PQS, "--data-dir", kept, "list"], environ)

        def run_kept(kept=kept, kept_peak=kept_peak):
            drop(kept)
            return command([PQS, "--data-dir", kept, "list"], environ)[0], kept_peak
        cold.append((f"list {n} cold, copies", run_kept))
    bundled = [("report json, bundled, a year", cmd("--data-dir", os.path.join(fx, "year"), "report",
                                                    "-a", "klant", "--format", "json"))]
    big = os.path.join(work, "big")
    shutil.copytree(os.path.join(fx, "items-10000"), big)
    answer = [("answer, 10,000 items", cmd("--checklists", os.path.join(fx, "checklists-10000"),
                                           "--data-dir", big, "answer", "-a", "klant",
                                           "schaal.s-00001", "nee"))]
    commands = interleaved(item_cases + first_runs + client_cases + bundled + answer,
                           args.command_runs, "commands")
    colds = interleaved(cold, max(3, args.command_runs // 3), "cold list")
    big_size = os.path.getsize(os.path.join(big, "klant.toml"))
    year_size = os.path.getsize(os.path.join(fx, "year", "klant.toml"))
    shutil.rmtree(work, ignore_errors=True)

    dialog = frames.get("dialog --checklist", (None,))[0]
    out = []
    out.append("# Benchmarks\n")
    out.append(f"Written by `benches/whole-process.py` on {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}. "
               f"Machine: {machine()}. pqs binary: {os.path.getsize(PQS) / 1024 / 1024:.1f} MiB. "
               f"Medians of {args.runs} interleaved rounds (first frames) and {args.command_runs} (commands); "
               "peak memory is the maximum resident set size. Timings on a shared machine vary; compare "
               "within one run.\n")
    if missing:
        out.append(f"Not installed, left out: {', '.join(missing)}.\n")
    out.append(f"## First frame, pseudo-terminal {COLS}x{ROWS}, {items} items\n")
    out.append("| program | median ms | ÷ dialog | peak MiB |\n|---|---:|---:|---:|")
    for name, (ms, peak) in frames.items():
        ratio = f"{ms / dialog:.2f}" if dialog else "–"
        out.append(f"| {name} | {ms:.1f} | {ratio} | {peak / 1024:.1f} |")
    out.append("\nBudget: pqs at most 0.8 × dialog, fresh and with a year of history "
               f"(that file: {year_size / 1024:.0f} KiB).\n")
    out.append("## Start screen, first frame (list cache filled)\n")
    out.append("| clients | median ms | peak MiB |\n|---|---:|---:|")
    for name, (ms, peak) in starts.items():
        out.append(f"| {name.split(', ')[1]} | {ms:.1f} | {peak / 1024:.1f} |")
    out.append(f"\nGrowth 10 → 100 → 1,000: {growth([v[0] for v in starts.values()])}. Budget: 1,000 clients ≤ 100 ms.\n")
    out.append("## Items: a user checklist of 100 / 1,000 / 10,000 items (with the bundled content)\n")
    out.append("| command | 100 | 1,000 | 10,000 | growth | peak MiB at 10,000 |\n|---|---:|---:|---:|---|---:|")
    for what in ("validate", "checklists", "report"):
        ms = [commands[f"{what} {n}"][0] for n in sizes]
        peak = commands[f"{what} 10000"][1]
        out.append(f"| `pqs {what}` | {ms[0]:.1f} | {ms[1]:.1f} | {ms[2]:.1f} | {growth(ms)} | {peak / 1024:.1f} |")
    out.append("\n`checklists` loads and validates everything and prints it as JSON; `report` is "
               "`report --format json` of a year of history. Budgets at 10,000 items: validate ≤ 30 ms, "
               "load+validate ≤ 30 ms, any report ≤ 50 ms. Each command reads the parsed copies "
               "(`.NAME.parsed`, `.checklists-parsed/`) the run before it made; the first run after "
               "an edit has none:\n")
    out.append("| at 10,000 items, no parsed copy | median ms | peak MiB |\n|---|---:|---:|")
    for what in ("validate", "checklists", "report"):
        ms, peak = commands[f"{what} 10000, no parsed copy"]
        out.append(f"| `pqs {what}` | {ms:.1f} | {peak / 1024:.1f} |")
    out.append("")
    out.append("The budget is for any report, so every format (with the parsed copies):\n")
    out.append("| every report format at 10,000 items, a year | median ms | peak MiB |\n|---|---:|---:|")
    for form in ("json",) + OTHER_FORMATS:
        ms, peak = commands["report 10000" if form == "json" else f"report {form} 10000"]
        out.append(f"| `pqs report --format {form}` | {ms:.1f} | {peak / 1024:.1f} |")
    out.append("")
    out.append("## Clients: `pqs list` with 10 / 100 / 1,000 clients, each a year of history\n")
    out.append("| | 10 | 100 | 1,000 | growth | peak MiB at 1,000 |\n|---|---:|---:|---:|---|---:|")
    warm = [commands[f"list {n}"][0] for n in (10, 100, 1000)]
    coldv = [colds[f"list {n} cold"][0] for n in (10, 100, 1000)]
    out.append(f"| cache filled | {warm[0]:.1f} | {warm[1]:.1f} | {warm[2]:.1f} | {growth(warm)} | {commands['list 1000'][1] / 1024:.1f} |")
    keptv = [colds[f"list {n} cold, copies"][0] for n in (10, 100, 1000)]
    out.append(f"| cold, parsed copies kept | {keptv[0]:.1f} | {keptv[1]:.1f} | {keptv[2]:.1f} | {growth(keptv)} | {colds['list 1000 cold, copies'][1] / 1024:.1f} |")
    out.append(f"| cold, no parsed copies | {coldv[0]:.1f} | {coldv[1]:.1f} | {coldv[2]:.1f} | {growth(coldv)} | {colds['list 1000 cold'][1] / 1024:.1f} |")
    out.append("\nBudget: 1,000 clients ≤ 150 ms. Cold is the list's cache removed before each run: "
               "with the parsed copies pqs keeps beside each file, as after an edit of a checklist "
               "(every row stale, every file's copy good); without them, as after an upgrade of pqs "
               "(every row and every copy stale: each file's TOML parsed again), once.\n")
    out.append("## Other\n")
    out.append("| command | median ms | peak MiB | file | peak ÷ file |\n|---|---:|---:|---:|---:|")
    ms, peak = commands["report json, bundled, a year"]
    out.append(f"| `pqs report --format json`, bundled, a year | {ms:.1f} | {peak / 1024:.1f} | {year_size / 1024:.0f} KiB | {peak * 1024 / year_size:.1f} |")
    ms, peak = commands["answer, 10,000 items"]
    out.append(f"| `pqs answer`, 10,000 items, a year | {ms:.1f} | {peak / 1024:.1f} | {big_size / 1024 / 1024:.1f} MiB | {peak * 1024 / big_size:.1f} |")
    out.append("\nBudgets: report json on bundled content ≤ 10 ms and ≤ 12 MiB; peak memory ≤ 3 × the "
               "assessment file (the process's own baseline, about 6 MiB, counts too).\n")
    text = "\n".join(out) + "\n"
    # Notes written by hand below the marker survive a new run.
    try:
        with open(args.out) as f:
            old = f.read()
        if KEEP in old:
            text += "\n" + old[old.index(KEEP):]
    except FileNotFoundError:
        pass
    with open(args.out, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
