#!/usr/bin/env python3
"""Crash-safety and concurrency harness for `redthread run` and `redthread watch`.

    python3 Tests/Harness/kill_harness.py kill  [--cycles 10] [--seed S] [--binary PATH]
    python3 Tests/Harness/kill_harness.py three [--files 200] [--seed S] [--binary PATH]

`kill`: per cycle, a fresh workspace (the sample municipality with one school per unit
workbook in its unit register) gets a 50-file inbox: unit workbooks written by openpyxl as
variants of the sample's Petreskolan workbook, the board's plan, the Kolada CSV, a second
delivery of one unit (it replaces the first), a copy of one workbook under another name (a
duplicate: same bytes), and files that must be rejected. `redthread run` starts and is killed
with SIGKILL after a random delay, one to three times, then runs to completion. Each cycle
checks:

- no file lost or duplicated: the (sha256, name) pairs across inbox/, processing/, archive/
  and rejected/ are exactly the dropped files;
- every report and feedback workbook opens in openpyxl (no half-written report);
- every file in rejected/ has its NAME.reason.txt;
- no temporary or hidden file anywhere in the workspace (but the lock file);
- PRAGMA integrity_check = ok;
- each file's outcome, the store's rows per file and the counting records per kind equal a
  clean run's (one run, no kill, on the same inbox).

The delays come from a seeded generator; the seed of each cycle is printed, and
`--seed S --cycles 1` replays a cycle.

`three`: one inbox of N files (N unit workbooks among them), two `redthread watch` processes
and one `redthread run`, with files dropped while they run and some written slowly in chunks
with pauses longer than the settle time. Checks that each file is processed exactly once
(archive/rejected, the store's rows, the journal), that every report opens, and that both
watches stop with status 0 on SIGTERM.

Exits 0 when every check holds, 1 with the faults listed otherwise. Prints one summary line
`harness: …` with the figures.
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

import openpyxl

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(REPO, "samples/hofors")
PETRE = os.path.join(SAMPLE, "inbox/Arbetsplan Petreskolan kvartal 3 2026.xlsx")
SOURCE_FOLDERS = ("inbox", "processing", "archive", "rejected")


def listdir(path):
    """A folder's names; none when it does not exist yet (a run killed before making it)."""
    try:
        return os.listdir(path)
    except FileNotFoundError:
        return []


# MARK: Making the inbox


def make_base(root, units, settle):
    """The workspace without its inbox: configuration, reference data with `units` extra
    schools, mappings."""
    ws = os.path.join(root, "base")
    os.makedirs(ws)
    shutil.copy(os.path.join(SAMPLE, "redthread.yaml"), ws)
    shutil.copytree(os.path.join(SAMPLE, "reference"), os.path.join(ws, "reference"))
    shutil.copytree(os.path.join(REPO, "mappings"), os.path.join(ws, "mappings"))
    with open(os.path.join(ws, "redthread.yaml"), "a", encoding="utf-8") as f:
        f.write(f"inbox: {{ settle_seconds: {settle} }}\n")
    with open(os.path.join(ws, "reference/units.yaml"), "a", encoding="utf-8") as f:
        for i in range(1, units + 1):
            f.write(
                f"  - {{ id: skola-{i:04d}, name: Skola {i:04d}, kind: school, parent: bun, "
                f'schoolUnitCode: "9{i:07d}" }}\n')
    return ws


def unit_workbook(i, path, bump=0.0):
    """Petreskolan's workbook as school i's (names, goal titles and values changed)."""
    wb = openpyxl.load_workbook(PETRE)
    for sheet in wb:
        sheet["B2"] = f"Skola {i:04d}"
        for row in sheet.iter_rows(min_row=4):
            for c in row:
                if isinstance(c.value, str) and "Petre" in c.value:
                    c.value = c.value.replace("Petreskolan", f"Skola {i:04d}")
                elif isinstance(c.value, float) and 0 < c.value < 100:
                    c.value = round(c.value + (i % 7) / 10 + bump, 1)
    wb.save(path)


def make_files(root, units, extras=True):
    """The files to drop: `units` unit workbooks and, with `extras`, the board's plan, the
    Kolada CSV, a second delivery, a same-bytes copy and four files to reject."""
    files = os.path.join(root, "files")
    os.makedirs(files)
    for i in range(1, units + 1):
        unit_workbook(i, os.path.join(files, f"Arbetsplan Skola {i:04d} kvartal 3 2026.xlsx"))
    if extras:
        for name in ("BUN Verksamhetsplan 2026.xlsx", "Kolada export Hofors 2026-11-20.csv"):
            shutil.copy(os.path.join(SAMPLE, "inbox", name), files)
        # A second delivery of school 1 for the same period, under another name.
        unit_workbook(1, os.path.join(files, "Arbetsplan Skola 0001 kvartal 3 2026 rättad.xlsx"),
                      bump=1.0)
        # The same bytes as school 2's file, under another name.
        shutil.copy(os.path.join(files, "Arbetsplan Skola 0002 kvartal 3 2026.xlsx"),
                    os.path.join(files, "Kopia av Arbetsplan Skola 0002 kvartal 3 2026.xlsx"))
        # To reject: not a zip, a zip that is no workbook, a CSV no mapping reads, a workbook
        # for a unit the register does not know.
        with open(os.path.join(files, "trasig.xlsx"), "wb") as f:
            f.write(b"this is not a workbook\n" * 40)
        shutil.make_archive(os.path.join(root, "notes"), "zip", root_dir=os.path.join(REPO, "docs"),
                            base_dir="operations.md")
        shutil.move(os.path.join(root, "notes.zip"), os.path.join(files, "anteckningar.xlsx"))
        with open(os.path.join(files, "inköp 2026.csv"), "w", encoding="utf-8") as f:
            f.write("artikel;antal;pris\npenna;12;4,50\nsudd;3;2,00\n")
        unit_workbook(9999, os.path.join(files, "Arbetsplan Skola 9999 kvartal 3 2026.xlsx"))
    return files


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def dropped(files):
    """(sha256, name) of every file to drop, sorted."""
    return sorted((sha256(os.path.join(files, n)), n) for n in os.listdir(files))


def new_workspace(base, files, path):
    shutil.copytree(base, path)
    inbox = os.path.join(path, "inbox")
    os.makedirs(inbox)
    # Received in name order, a second apart: the same order in every cycle.
    for i, name in enumerate(sorted(os.listdir(files))):
        shutil.copy(os.path.join(files, name), inbox)
        os.utime(os.path.join(inbox, name), (1_790_000_000 + i, 1_790_000_000 + i))
    return path


# MARK: Checks


def sources(ws):
    """(sha256, name) of every source file in inbox/, processing/, archive/ and rejected/
    (not reason files or feedback workbooks)."""
    found = []
    for folder in SOURCE_FOLDERS:
        top = os.path.join(ws, folder)
        for dirpath, _, names in os.walk(top):
            for n in names:
                if folder == "rejected" and (n.endswith(".reason.txt") or " - återkoppling" in n
                                             or "återkoppling" in n):
                    continue
                found.append((sha256(os.path.join(dirpath, n)), n))
    return sorted(found)


def store_facts(ws):
    """From the store: integrity, outcome and row count per file name, counting records per
    kind, report versions."""
    db = sqlite3.connect(os.path.join(ws, "store/redthread.sqlite"))
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        rows = {}
        for name, outcome in db.execute("SELECT name, outcome FROM file ORDER BY id"):
            rows.setdefault(name, []).append(outcome)
        records = dict(db.execute(
            "SELECT r.kind, count(*) FROM record r JOIN file f ON f.id = r.file_id "
            "WHERE f.outcome = 'converted' GROUP BY r.kind"))
        reports = sorted(path for (path,) in db.execute("SELECT path FROM report"))
    finally:
        db.close()
    return integrity, rows, records, reports


def check(ws, expected, clean, opened_reports):
    """The faults found in a workspace after a pass ran to completion."""
    faults = []
    got = sources(ws)
    if got != expected:
        lost = sorted(set(expected) - set(got))
        extra = [p for p in got if got.count(p) > expected.count(p)]
        faults.append(f"sources differ: lost {lost[:3]}, duplicated or new {sorted(set(extra))[:3]}")
    left = listdir(os.path.join(ws, "processing"))
    if left:
        faults.append(f"left in processing/: {left}")
    rejected = os.path.join(ws, "rejected")
    names = set(os.listdir(rejected))
    for n in sorted(names):
        if n.endswith(".reason.txt") or "återkoppling" in n:
            continue
        if n + ".reason.txt" not in names:
            faults.append(f"rejected/{n} has no reason file")
    for dirpath, dirs, files in os.walk(ws):
        for n in files + dirs:
            rel = os.path.relpath(os.path.join(dirpath, n), ws)
            if rel == ".redthread.lock":
                continue
            if n.startswith(".") or n.endswith(".tmp"):
                faults.append(f"temporary or hidden file left: {rel}")
    for folder in ("reports", "feedback"):
        for dirpath, _, files in os.walk(os.path.join(ws, folder)):
            for n in files:
                if not n.endswith(".xlsx"):
                    continue
                path = os.path.join(dirpath, n)
                try:
                    openpyxl.load_workbook(path, read_only=True).close()
                    opened_reports[0] += 1
                except Exception as e:  # noqa: BLE001 - any failure is the fault reported
                    faults.append(f"{os.path.relpath(path, ws)} does not open: {e}")
    integrity, rows, records, versions = store_facts(ws)
    if integrity != "ok":
        faults.append(f"integrity_check: {integrity}")
    # Every report version the store lists is on disk, and every report on disk is listed.
    written = sorted(os.path.relpath(os.path.join(d, n), ws)
                     for d, _, fs in os.walk(os.path.join(ws, "reports")) for n in fs
                     if n.startswith("uppfoljning-") and n.endswith(".xlsx"))
    if written != versions:
        faults.append(f"report versions in the store {versions} != on disk {written}")
    if clean is not None:
        _, clean_rows, clean_records, _ = clean
        if rows != clean_rows:
            diff = {k: (rows.get(k), clean_rows.get(k))
                    for k in set(rows) | set(clean_rows) if rows.get(k) != clean_rows.get(k)}
            faults.append(f"outcomes differ from a clean run (got, clean): {diff}")
        if records != clean_records:
            faults.append(f"counting records {records} != clean run's {clean_records}")
    return faults


# MARK: Running


def start(binary, args, log):
    return subprocess.Popen([binary] + args, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL)


def run_to_end(binary, ws, log, timeout=600):
    p = start(binary, ["run", ws, "--wait", "60"], log)
    status = p.wait(timeout=timeout)
    if status != 0:
        raise SystemExit(f"harness: redthread run {ws} exited {status}; see {log.name}")


def kill_cycles(args):
    binary = args.binary
    root = tempfile.mkdtemp(prefix="redthread-harness-")
    began = time.monotonic()
    base = make_base(root, units=42, settle=0)
    files = make_files(root, units=42)
    expected = dropped(files)
    assert len(expected) == 50, len(expected)
    log = open(os.path.join(root, "runs.log"), "w", encoding="utf-8")

    # The clean run: what every cycle must end with.
    clean_ws = new_workspace(base, files, os.path.join(root, "clean"))
    t0 = time.monotonic()
    run_to_end(binary, clean_ws, log)
    clean_seconds = time.monotonic() - t0
    opened = [0]
    faults = check(clean_ws, expected, None, opened)
    clean = store_facts(clean_ws)
    if faults:
        print("harness: the clean run itself fails its checks:", *faults, sep="\n  ")
        return 1
    outcomes = {}
    for outs in clean[1].values():
        outcomes[outs[-1]] = outcomes.get(outs[-1], 0) + 1
    print(f"harness: clean run {clean_seconds:.2f} s; outcomes {outcomes}; "
          f"counting records {clean[2]}", flush=True)

    master = random.Random(args.seed)
    kills = finished_early = cycles_failed = 0
    all_faults = []
    for cycle in range(args.cycles):
        seed = master.randrange(1 << 30) if args.cycles > 1 or args.seed is None else args.seed
        rng = random.Random(seed)
        ws = new_workspace(base, files, os.path.join(root, f"cycle-{cycle}"))
        hits = {}
        plan = []
        for _ in range(rng.randint(1, 3)):
            # Up to the length of what is left to do (a clean run's length for the whole
            # inbox), so kills land in recovery, ingest and publish.
            left = len(listdir(os.path.join(ws, "inbox"))) + len(
                listdir(os.path.join(ws, "processing")))
            delay = rng.uniform(0.0, clean_seconds * (0.2 + 0.9 * left / len(expected)))
            p = start(binary, ["run", ws, "--wait", "30"], log)
            deadline = time.monotonic() + delay
            while time.monotonic() < deadline and p.poll() is None:
                time.sleep(0.005)
            # A file killed in processing three times is set aside by design (it might be
            # what kills the run): never kill a third time on the same file.
            for _ in range(40):
                held = listdir(os.path.join(ws, "processing"))
                if not any(hits.get(n, 0) >= 2 for n in held):
                    break
                time.sleep(0.01)
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
                p.wait()
                kills += 1
                for n in listdir(os.path.join(ws, "processing")):
                    hits[n] = hits.get(n, 0) + 1
                plan.append(f"{delay:.3f}")
            else:
                p.wait()
                finished_early += 1
                plan.append(f"{delay:.3f}(done)")
        run_to_end(binary, ws, log)
        faults = check(ws, expected, clean, opened)
        status = "ok" if not faults else "FAULT"
        print(f"cycle {cycle + 1}/{args.cycles} seed {seed} kills at {' '.join(plan)} s: {status}",
              flush=True)
        for f in faults:
            print(f"  {f}", flush=True)
        if faults:
            cycles_failed += 1
            all_faults += [(seed, f) for f in faults]
            if args.keep:
                print(f"  workspace kept: {ws}")
                continue
        shutil.rmtree(ws, ignore_errors=True)
    elapsed = time.monotonic() - began
    log.close()
    print(f"harness: {args.cycles} cycles, {kills} kills ({finished_early} runs ended before "
          f"their kill), {opened[0]} workbooks opened, {cycles_failed} cycles with faults, "
          f"{len(all_faults)} faults; {elapsed:.1f} s", flush=True)
    if not cycles_failed and not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if cycles_failed else 0


# MARK: Three processes


def slow_copy(src, dst, chunks, pause):
    """Writes a file through one open descriptor in `chunks` parts, pausing between them
    (as a copy over a slow share does)."""
    data = open(src, "rb").read()
    step = len(data) // chunks + 1
    with open(dst, "wb") as f:
        for i in range(0, len(data), step):
            f.write(data[i:i + step])
            f.flush()
            os.fsync(f.fileno())
            if i + step < len(data):
                time.sleep(pause)


def three_processes(args):
    binary = args.binary
    root = tempfile.mkdtemp(prefix="redthread-three-")
    began = time.monotonic()
    settle = 1
    n_units = args.files - 8
    base = make_base(root, units=n_units, settle=settle)
    files = make_files(root, units=n_units)
    expected = dropped(files)
    assert len(expected) == args.files, len(expected)
    rng = random.Random(args.seed)
    print(f"harness: three processes, {args.files} files, seed {args.seed}", flush=True)
    ws = os.path.join(root, "ws")
    shutil.copytree(base, ws)
    inbox = os.path.join(ws, "inbox")
    os.makedirs(inbox)
    names = sorted(os.listdir(files))
    rng.shuffle(names)
    # A third at once; the rest dropped while the processes run, a few slowly in chunks.
    first, later = names[: len(names) // 3], names[len(names) // 3:]
    slow = set([n for n in later if n.endswith(".xlsx")][:max(2, len(later) // 20)])
    for n in first:
        shutil.copy(os.path.join(files, n), inbox)
    logs = [open(os.path.join(root, f"{k}.log"), "w", encoding="utf-8")
            for k in ("watch1", "watch2", "run")]
    w1 = start(binary, ["watch", ws, "--interval", "0.5", "--log-format", "json"], logs[0])
    w2 = start(binary, ["watch", ws, "--interval", "0.7", "--log-format", "json"], logs[1])
    run_json = open(os.path.join(root, "run.json"), "w", encoding="utf-8")
    r = None
    t_drop = time.monotonic()
    writers = []
    for k, n in enumerate(later):
        if k == len(later) // 2:
            # The run starts while files are still arriving and the watches work.
            r = subprocess.Popen([binary, "run", ws, "--wait", "300", "--format", "json"],
                                 stdout=run_json, stderr=logs[2], stdin=subprocess.DEVNULL)
        if n in slow:
            t = threading.Thread(target=slow_copy, args=(os.path.join(files, n),
                                                         os.path.join(inbox, n), 3, settle * 1.6))
            t.start()
            writers.append(t)
        else:
            shutil.copy(os.path.join(files, n), inbox)
        time.sleep(rng.uniform(0, 0.05))
    for t in writers:
        t.join()
    drop_seconds = time.monotonic() - t_drop
    run_status = r.wait(timeout=900)
    # Wait until the inbox is empty and nothing is in processing, then stop the watches.
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if not os.listdir(inbox) and not listdir(os.path.join(ws, "processing")):
            break
        time.sleep(0.5)
    time.sleep(2)  # a pass that took the last file publishes
    t_stop = time.monotonic()
    for w in (w1, w2):
        w.send_signal(signal.SIGTERM)
    statuses = []
    for w in (w1, w2):
        try:
            statuses.append(w.wait(timeout=120))
        except subprocess.TimeoutExpired:
            w.kill()
            statuses.append("timeout")
    stop_seconds = time.monotonic() - t_stop
    elapsed = time.monotonic() - began
    for log in logs + [run_json]:
        log.close()
    faults = []
    if run_status != 0:
        faults.append(f"run exited {run_status}")
    if statuses != [0, 0]:
        faults.append(f"watch statuses after SIGTERM: {statuses}")
    for k in ("watch1", "watch2"):
        text = open(os.path.join(root, f"{k}.log"), encoding="utf-8").read()
        if '"message":"stopped"' not in text:
            faults.append(f"{k} did not log 'stopped'")
    opened = [0]
    faults += check(ws, expected, None, opened)
    integrity, rows, _, reports = store_facts(ws)
    for name in names:
        if len(rows.get(name, [])) != 1:
            faults.append(f"{name}: store rows {rows.get(name)}")
    taken = {}
    with open(os.path.join(ws, "journal.log"), encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            if e["event"] in ("archived", "rejected", "duplicate"):
                taken[e["file"]] = taken.get(e["file"], 0) + 1
    for name in names:
        if taken.get(name, 0) != 1:
            faults.append(f"{name}: taken {taken.get(name, 0)} times in the journal")
    archived = sum(len(fs) for _, _, fs in os.walk(os.path.join(ws, "archive")))
    rejected = len([n for n in os.listdir(os.path.join(ws, "rejected"))
                    if not n.endswith(".reason.txt") and "återkoppling" not in n])
    by_process = {}
    left_for_later = 0  # files a pass saw but left in the inbox (incomplete, still written)
    for k in ("watch1", "watch2"):
        with open(os.path.join(root, f"{k}.log"), encoding="utf-8") as f:
            lines = f.readlines()
        by_process[k] = sum(1 for line in lines if '"message":"file"' in line)
        left_for_later += sum(1 for line in lines if '"message":"skipped"' in line)
    try:
        with open(os.path.join(root, "run.json"), encoding="utf-8") as f:
            summary = json.load(f)
        by_process["run"] = len(summary["files"])
        left_for_later += len(summary.get("skipped", []))
    except (OSError, ValueError, KeyError) as e:
        faults.append(f"run --format json gave no summary: {e}")
        by_process["run"] = 0
    if sum(by_process.values()) != len(names):
        faults.append(f"files taken by the three processes {by_process} != {len(names)}")
    for fault in faults:
        print(f"  {fault}", flush=True)
    print(f"harness: three processes, {len(names)} files ({len(slow)} written slowly in chunks), "
          f"{archived} archived, {rejected} rejected, store rows {sum(len(v) for v in rows.values())}, "
          f"{len(reports)} report versions, {opened[0]} workbooks opened; files taken by watch 1: "
          f"{by_process['watch1']}, watch 2: {by_process['watch2']}, run: "
          f"{by_process['run']}; {left_for_later} times a file was left for a later pass; drops took "
          f"{drop_seconds:.1f} s, watches stopped {stop_seconds:.1f} s after SIGTERM; "
          f"{len(faults)} faults; {elapsed:.1f} s", flush=True)
    if not faults and not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    elif faults:
        print(f"  kept: {root}")
    return 1 if faults else 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["kill", "three"])
    parser.add_argument("--cycles", type=int, default=int(os.environ.get("HARNESS_CYCLES", 10)))
    parser.add_argument("--files", type=int, default=int(os.environ.get("HARNESS_FILES", 40)))
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--binary", default=os.path.join(REPO, ".build/debug/redthread"))
    parser.add_argument("--keep", action="store_true", help="keep the workspaces of faulty cycles")
    args = parser.parse_args(argv)
    if args.seed is None:
        args.seed = random.randrange(1 << 30)
        print(f"harness: seed {args.seed}", flush=True)
    args.binary = os.path.abspath(args.binary)
    return kill_cycles(args) if args.mode == "kill" else three_processes(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
