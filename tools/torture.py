"""Crash-safety harness: kill ``paperasse`` with SIGKILL mid-write, then check nothing was lost.

    python tools/torture.py --trials 200 [--seed S] [--max-delay-ms MS] [--report docs/reliability.md]

In a temporary data folder holding one person, each trial starts one child process
(``python -m desktop_app --data-dir D ...``) doing one action: importing a small generated text
PDF or tiny PNG, starting a claim, editing one, confirming a document's fields, or recording a
claim as sent / paid (when ``paperasse claim --help`` lists ``send`` and ``paid``). After a random
delay the child is killed with SIGKILL, unless it already finished. Each child's stdout is
parsed for the line saying its action succeeded ("imported as document N", "created claim N"…);
those actions are recorded in a ledger.

After every trial the data folder is opened again the way every start does it
(``open_context``: migrations, permissions, start-up clean-up) and checked:

* ``PRAGMA integrity_check`` is ``ok``, ``foreign_key_check`` is empty, the search index is sound;
* every document row's original is in ``originals/`` with the row's SHA-256;
* no file in ``originals/`` without a row, nothing left in ``tmp/``;
* every action that reported success is still there with the values it reported.

Delays are drawn half uniformly over the child's whole run and half over its last stretch,
where the writes happen; the run length is measured on the first un-killed children and kept up
to date. Exit status 1 on any violation.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tools import hostile_files as hf  # noqa: E402

PERSON = "Claire Martin"
NIR = "2 85 07 75 115 234 32"


@dataclass
class Trial:
    number: int
    action: str
    delay_ms: float
    killed: bool = False
    reported: bool = False
    exit_code: int | None = None
    seconds: float = 0.0
    debris: int = 0  # files the start-up clean-up had to remove
    violations: list[str] = field(default_factory=list)


@dataclass
class Ledger:
    """What the children reported as done, and what they may have done without saying so."""

    documents: dict[int, str] = field(default_factory=dict)  # id -> sha256
    claims: dict[int, dict] = field(default_factory=dict)  # id -> field -> value reported
    claim_maybe: dict[int, dict] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    confirmed: dict[int, dict] = field(default_factory=lambda: defaultdict(dict))
    confirmed_maybe: dict[int, dict] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    sent: set = field(default_factory=set)  # (claim, payer)
    payments: list = field(default_factory=list)  # (claim, payer, amount)


class Harness:
    def __init__(self, work: Path, seed: int, max_delay_ms: float | None, verbose: bool = False):
        self.work = work
        self.data = work / "data"
        self.inputs = work / "inputs"
        self.inputs.mkdir(parents=True, exist_ok=True)
        self.rng = random.Random(seed)
        self.fixed_delay = max_delay_ms
        self.durations: dict[str, list[float]] = defaultdict(list)
        self.ledger = Ledger()
        self.verbose = verbose
        self.env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONUNBUFFERED="1", OMP_THREAD_LIMIT="1",
                        PYTHONDONTWRITEBYTECODE="1")
        self.env.pop("PAPERASSE_HOME", None)
        self.tracking = False
        self.trials: list[Trial] = []

    # -- children ---------------------------------------------------------------

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "desktop_app", "--data-dir", str(self.data), *args]

    def run(self, *args: str, delay_ms: float | None = None) -> tuple[str, int | None, bool, float]:
        """Run one child; kill it after ``delay_ms``. Returns (stdout, exit code, killed, seconds)."""
        started = time.monotonic()
        proc = subprocess.Popen(self.command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=self.env, cwd=self.work)
        killed = False
        if delay_ms is not None:
            try:
                proc.wait(timeout=delay_ms / 1000)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                killed = True
        out, err = proc.communicate(timeout=120)
        seconds = time.monotonic() - started
        if killed and proc.returncode != -signal.SIGKILL:
            killed = False  # it finished in the instant before the signal
        return out.decode("utf-8", "replace"), proc.returncode, killed, seconds

    def setup(self) -> None:
        out, code, _, _ = self.run("person", "add", "--name", PERSON, "--nir", NIR, "--birth-date", "1985-07-04")
        if code != 0:
            raise SystemExit(f"torture: cannot add the person: {out}")
        help_out, _, _, _ = self.run("claim", "--help")
        self.tracking = bool(re.search(r"^\s+send\s", help_out, re.M) and re.search(r"^\s+paid\s", help_out, re.M))

    # -- actions ----------------------------------------------------------------

    def pick_action(self) -> str:
        choices = [("import_pdf", 40), ("import_png", 10), ("claim_new", 18),
                   ("import_same_parallel", 8), ("restore_while_open", 4)]
        if self.ledger.claims:
            choices.append(("claim_edit", 12))
            if self.tracking:
                choices += [("claim_send", 6), ("claim_paid", 6)]
        if self.ledger.documents:
            choices.append(("doc_confirm", 10))
        names, weights = zip(*choices)
        return self.rng.choices(names, weights)[0]

    def delay_for(self, action: str) -> float:
        if self.fixed_delay is not None:
            return self.rng.uniform(0, self.fixed_delay)
        seen = self.durations.get(action) or self.durations.get("any") or [600.0]
        typical = statistics.median(seen[-20:])
        if self.rng.random() < 0.5:
            return self.rng.uniform(0, typical * 1.1)
        return self.rng.uniform(typical * 0.55, typical * 1.02)  # where the writes are

    def trial(self, number: int) -> Trial:
        action = self.pick_action()
        if action == "import_same_parallel":
            return self.parallel_import(number)
        if action == "restore_while_open":
            return self.restore_while_open(number)
        ledger, rng = self.ledger, self.rng
        nonce = f"{number:05d}{rng.randrange(1 << 30):09d}"
        # calibrate on the first few runs of each action: let them finish
        calibrating = self.fixed_delay is None and len(self.durations.get(action, [])) < 2
        delay = None if calibrating else self.delay_for(action)
        t = Trial(number, action, delay if delay is not None else -1)
        expect = None
        if action in ("import_pdf", "import_png"):
            if action == "import_pdf":
                path = self.inputs / f"facture_{nonce}.pdf"
                path.write_bytes(hf.text_pdf(hf.sample_lines(nonce)))
            else:
                path = self.inputs / f"scan_{nonce}.png"
                from PIL import Image, ImageDraw

                im = Image.new("L", (160, 48), 255)
                ImageDraw.Draw(im).text((4, 4), f"Ordonnance {nonce}", fill=0)
                im.save(path)
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
            args = ("import", str(path), "--person", PERSON)
            expect = ("doc", sha)
        elif action == "claim_new":
            values = {"care_date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                      "amount_paid": f"{rng.randint(1, 999)}.{rng.randint(0, 99):02d}",
                      "title": f"visit {nonce}"}
            args = ("claim", "new", "--person", PERSON, "--date", values["care_date"],
                    "--paid", values["amount_paid"], "--title", values["title"], "--category", "consultation")
            expect = ("claim_new", values)
        elif action == "claim_edit":
            claim_id = rng.choice(sorted(ledger.claims))
            title = f"edited {nonce}"
            amount = f"{rng.randint(1, 999)}.{rng.randint(0, 99):02d}"
            args = ("claim", "edit", str(claim_id), "--title", title, "--paid", amount)
            expect = ("claim_edit", claim_id, {"title": title, "amount_paid": amount})
            ledger.claim_maybe[claim_id]["title"].add(title)
            ledger.claim_maybe[claim_id]["amount_paid"].add(amount)
        elif action == "doc_confirm":
            doc_id = rng.choice(sorted(ledger.documents))
            amount = f"{rng.randint(1, 999)}.{rng.randint(0, 99):02d}"
            args = ("doc", "confirm", str(doc_id), f"total_amount={amount}")
            expect = ("doc_confirm", doc_id, amount)
            ledger.confirmed_maybe[doc_id]["total_amount"].add(amount)
        elif action == "claim_send":
            claim_id = rng.choice(sorted(ledger.claims))
            args = ("claim", "send", str(claim_id), "--to", "cpam", "--date", "2025-08-01")
            expect = ("claim_send", claim_id)
        else:  # claim_paid
            claim_id = rng.choice(sorted(ledger.claims))
            amount = f"{rng.randint(1, 9)}.{rng.randint(0, 99):02d}"
            args = ("claim", "paid", str(claim_id), "--from", "cpam", "--amount", amount, "--date", "2025-08-10")
            expect = ("claim_paid", claim_id, amount)

        out, code, killed, seconds = self.run(*args, delay_ms=delay)
        t.killed, t.exit_code, t.seconds = killed, code, seconds
        if not killed and code == 0:
            self.durations[action].append(seconds * 1000)
            self.durations["any"].append(seconds * 1000)
        t.reported = self.record(expect, out, code, t)
        if not killed and code not in (0, 2):
            t.violations.append(f"child exited {code} without being killed: {out[-300:]}")
        self.check(t)
        return t

    def parallel_import(self, number: int) -> Trial:
        """Three processes import the same new file at once; one of them may be killed. Every
        one that says "imported" (or "already imported") must find the document and its
        original afterwards."""
        rng = self.rng
        nonce = f"{number:05d}{rng.randrange(1 << 30):09d}"
        path = self.inputs / f"same_{nonce}.pdf"
        path.write_bytes(hf.text_pdf(hf.sample_lines(nonce)))
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        typical = statistics.median((self.durations.get("import_pdf") or [600.0])[-20:])
        victim = rng.randrange(4)  # 3: nobody is killed
        t = Trial(number, "import_same_parallel", typical if victim < 3 else -1)
        procs = [subprocess.Popen(self.command("import", str(path), "--person", PERSON),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env,
                                  cwd=self.work) for _ in range(3)]
        if victim < 3:
            try:
                procs[victim].wait(timeout=rng.uniform(0, typical * 1.05) / 1000)
            except subprocess.TimeoutExpired:
                procs[victim].send_signal(signal.SIGKILL)
                t.killed = True
        for index, proc in enumerate(procs):
            out, err = proc.communicate(timeout=120)
            text = out.decode("utf-8", "replace")
            m = re.search(r"imported as document (\d+)", text)
            if m:
                self.ledger.documents[int(m.group(1))] = sha
                t.reported = True
            elif proc.returncode not in (-signal.SIGKILL,) and not (index == victim and t.killed):
                t.violations.append(f"a parallel import exited {proc.returncode}: "
                                    f"{err.decode('utf-8', 'replace')[-300:]}")
        self.check(t)
        return t

    HOLDER = (
        "import sys\n"
        "from desktop_app.services.context import open_context\n"
        "from desktop_app.services import claims\n"
        "ctx = open_context(sys.argv[1], auto_backup=False)\n"
        "print('open', flush=True)\n"
        "sys.stdin.readline()\n"
        "c = claims.new_claim(ctx, sys.argv[2], title=sys.argv[3], care_date='2025-03-03',\n"
        "                     category='consultation', amount_paid='25.00')\n"
        "print(f'created claim {c.id}', flush=True)\n"
        "ctx.close()\n"
    )

    def restore_while_open(self, number: int) -> Trial:
        """A process keeps the folder open (as the window does) while a restore is asked for;
        the restore must be refused, and what the process writes afterwards must stay."""
        t = Trial(number, "restore_while_open", -1)
        backups = sorted((self.data / "backups").glob("paperasse-*.db"))
        if not backups:
            out, code, _, _ = self.run("backup", "now")
            if code != 0:
                t.violations.append(f"backup now failed: {out[-300:]}")
                return t
        title = f"window {number:05d}"
        holder = subprocess.Popen([sys.executable, "-c", self.HOLDER, str(self.data), PERSON, title],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, env=self.env, cwd=self.work, text=True)
        try:
            if holder.stdout.readline().strip() != "open":
                t.violations.append(f"the holder did not open: {holder.stderr.read()[-300:]}")
                return t
            out, code, _, _ = self.run("backup", "restore", "1")
            if code == 0:
                t.violations.append("a restore went through while another process had the folder open")
            holder.stdin.write("go\n")
            holder.stdin.flush()
            line = holder.stdout.readline()
            m = re.search(r"created claim (\d+)", line)
            if m:
                self.ledger.claims[int(m.group(1))] = {"title": title, "care_date": "2025-03-03",
                                                       "amount_paid": "25.00"}
                t.reported = True
            else:
                t.violations.append(f"the holder could not write: {holder.stderr.read()[-300:]}")
        finally:
            holder.stdin.close()
            holder.wait(timeout=60)
        self.check(t)
        return t

    def record(self, expect, out: str, code, t: Trial) -> bool:
        ledger = self.ledger
        kind = expect[0]
        if kind == "doc":
            m = re.search(r"imported as document (\d+)", out)
            if m:
                ledger.documents[int(m.group(1))] = expect[1]
                return True
        elif kind == "claim_new":
            m = re.search(r"created claim (\d+)", out)
            if m:
                ledger.claims[int(m.group(1))] = dict(expect[1])
                return True
        elif kind == "claim_edit":
            m = re.search(r"updated claim (\d+)", out)
            if m:
                claim_id, values = expect[1], expect[2]
                ledger.claims[claim_id].update(values)
                for name in values:
                    ledger.claim_maybe[claim_id][name].clear()
                return True
        elif kind == "doc_confirm":
            m = re.search(r"document (\d+): \d+ field\(s\) confirmed", out)
            if m:
                ledger.confirmed[expect[1]]["total_amount"] = expect[2]
                ledger.confirmed_maybe[expect[1]]["total_amount"].clear()
                return True
        elif kind == "claim_send":
            if re.search(r"claim (\d+): sent to the cpam", out):
                ledger.sent.add((expect[1], "cpam"))
                return True
        elif kind == "claim_paid":
            if re.search(r"claim (\d+): payment from the cpam recorded", out):
                ledger.payments.append((expect[1], "cpam", expect[2]))
                return True
        if code == 0:
            t.violations.append(f"exit 0 but no success line: {out[-300:]!r}")
        return False

    # -- checks -----------------------------------------------------------------

    def debris(self) -> int:
        """Files a crash left behind, counted before the start-up clean-up removes them."""
        tmp = [p for p in (self.data / "tmp").rglob("*") if p.is_file()]
        conn = sqlite3.connect(self.data / "paperasse.db", timeout=30)
        try:
            names = {r[0] for r in conn.execute("SELECT stored_name FROM documents")}
        finally:
            conn.close()
        stored = [p for p in (self.data / "originals").glob("??/*")
                  if f"{p.parent.name}/{p.name}" not in names]
        return len(tmp) + len(stored)

    def check(self, t: Trial) -> None:
        from desktop_app.services.context import open_context

        try:
            t.debris = self.debris()
        except sqlite3.DatabaseError as exc:
            t.violations.append(f"database unreadable after the kill: {exc}")
            return
        try:
            ctx = open_context(self.data)
        except Exception as exc:  # noqa: BLE001 - any failure to start is a violation
            t.violations.append(f"start-up failed: {type(exc).__name__}: {exc}")
            return
        try:
            self._check_store(ctx, t)
        finally:
            ctx.close()

    def _check_store(self, ctx, t: Trial) -> None:
        db = ctx.store.db
        v = t.violations
        integrity = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
        if integrity != ["ok"]:
            v.append(f"integrity_check: {integrity[:5]}")
        fk = db.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            v.append(f"foreign_key_check: {fk[:5]}")
        try:
            db.execute("INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')")
        except sqlite3.DatabaseError as exc:
            v.append(f"search index: {exc}")
        rows = {r["id"]: r for r in db.query("SELECT id, sha256, stored_name FROM documents")}
        originals = ctx.paths.originals
        for doc_id, row in rows.items():
            path = originals / row["stored_name"]
            if not path.is_file():
                v.append(f"document {doc_id}: original {row['stored_name']} missing")
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest != row["sha256"]:
                v.append(f"document {doc_id}: original's sha256 {digest[:12]} != row {row['sha256'][:12]}")
        names = {r["stored_name"] for r in rows.values()}
        for p in originals.glob("??/*"):
            if f"{p.parent.name}/{p.name}" not in names:
                v.append(f"orphan original after start-up: {p.name}")
        for p in originals.rglob("*"):
            if p.is_file() and p.parent != originals and not re.fullmatch(r"[0-9a-f]{64}(\.\w+)?", p.name):
                v.append(f"stray file in originals/: {p.relative_to(originals)}")
        # The checking process's own run folder (``tmp/run-<pid>``) is the only thing allowed.
        own = ctx.paths.tmp / f"run-{os.getpid()}"
        leftovers = [p for p in ctx.paths.tmp.iterdir() if p != own or any(own.iterdir())]
        if leftovers:
            v.append(f"tmp/ not empty after start-up: {[p.name for p in leftovers]}")
        # Everything reported is still there.
        ledger = self.ledger
        for doc_id, sha in ledger.documents.items():
            if doc_id not in rows:
                v.append(f"document {doc_id} reported imported, now missing")
            elif rows[doc_id]["sha256"] != sha:
                v.append(f"document {doc_id}: row sha256 is not the imported file's")
        claims = {r["id"]: r for r in db.query("SELECT * FROM claims")}
        for claim_id, values in ledger.claims.items():
            row = claims.get(claim_id)
            if row is None:
                v.append(f"claim {claim_id} reported created, now missing")
                continue
            for name, value in values.items():
                allowed = {value} | ledger.claim_maybe[claim_id][name]
                have = row[name]
                if name == "amount_paid" and have is not None:
                    allowed = {_amount(a) for a in allowed}
                    have = _amount(have)
                if have not in allowed:
                    v.append(f"claim {claim_id}: {name} is {row[name]!r}, reported {value!r}")
        for doc_id, fields in ledger.confirmed.items():
            for name, value in fields.items():
                r = list(db.query("SELECT value, confirmed FROM document_fields WHERE document_id = ? AND name = ?",
                                  [doc_id, name]))
                allowed = {_amount(a) for a in {value} | ledger.confirmed_maybe[doc_id][name]}
                if not r or not r[0]["confirmed"] or _amount(json.loads(r[0]["value"])) not in allowed:
                    v.append(f"document {doc_id}: confirmed {name}={value} lost ({r})")
        for claim_id, payer in ledger.sent:
            n = db.execute("SELECT count(*) FROM track_events WHERE claim_id = ? AND payer = ? AND undone = 0",
                           [claim_id, payer]).fetchone()[0]
            if not n:
                v.append(f"claim {claim_id}: reported sent to {payer}, no track event")
        for claim_id, payer, amount in ledger.payments:
            amounts = [_amount(r[0]) for r in db.execute(
                "SELECT amount FROM track_events WHERE claim_id = ? AND payer = ? AND undone = 0 AND amount IS NOT NULL",
                [claim_id, payer]).fetchall()]
            if _amount(amount) not in amounts:
                v.append(f"claim {claim_id}: reported payment {amount} from {payer} missing")
        people = db.execute("SELECT count(*) FROM people").fetchone()[0]
        if people != 1:
            v.append(f"{people} people, expected 1")


def _amount(value) -> str:
    from decimal import Decimal, InvalidOperation

    try:
        return str(Decimal(str(value)).quantize(Decimal("0.01")))
    except (InvalidOperation, ValueError):
        return str(value)


def summarise(trials: list[Trial], seconds: float, seed: int, tracking: bool) -> tuple[str, str]:
    killed = [t for t in trials if t.killed]
    violations = [(t, v) for t in trials for v in t.violations]
    by_action = Counter(t.action for t in trials)
    killed_by_action = Counter(t.action for t in killed)
    reported = sum(1 for t in trials if t.reported)
    debris = [t for t in trials if t.debris]
    summary = (f"torture: {len(trials)} trials, {len(killed)} killed mid-run, {reported} actions reported "
               f"success, {len(debris)} kills left debris for the start-up clean-up, "
               f"{len(violations)} violations ({seconds:.0f} s, seed {seed})")
    lines = [summary, "",
             "| action | trials | killed (SIGKILL) | reported success | kills that left debris |",
             "|---|---|---|---|---|"]
    for action in sorted(by_action):
        lines.append(f"| {action} | {by_action[action]} | {killed_by_action[action]} | "
                     f"{sum(1 for t in trials if t.action == action and t.reported)} | "
                     f"{sum(1 for t in debris if t.action == action)} |")
    delays = [t.delay_ms for t in killed]
    if delays:
        lines += ["", f"Kill delays: {min(delays):.0f}-{max(delays):.0f} ms after the child started "
                      f"(median {statistics.median(delays):.0f} ms); a child's whole run takes "
                      f"{statistics.median([t.seconds * 1000 for t in trials if not t.killed] or [0]):.0f} ms "
                      "(median, un-killed)."]
    if not tracking:
        lines += ["", "`paperasse claim --help` lists no send/paid: payment tracking was not exercised."]
    lines += ["", "Checked after every trial, once the data folder was opened again (start-up clean-up): "
                  "`PRAGMA integrity_check`, `foreign_key_check`, FTS integrity, each document's original "
                  "present with its SHA-256, no orphan in `originals/`, `tmp/` empty, every reported action "
                  "still there with its values."]
    if violations:
        lines += ["", "| trial | action | violation |", "|---|---|---|"]
        lines += [f"| {t.number} | {t.action} | {v.replace('|', '/')} |" for t, v in violations[:50]]
    else:
        lines += ["", "No violation."]
    return summary, "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--max-delay-ms", type=float, default=None,
                        help="kill uniformly in 0..MS (default: tuned on the children's measured run time)")
    parser.add_argument("--report", type=Path, help="write a section into this Markdown file")
    parser.add_argument("--keep", action="store_true", help="keep the data folder (its path is printed)")
    parser.add_argument("--passphrase-trials", type=int, default=0,
                        help="then this many passphrase changes, sets and removals killed mid-way "
                             "(tools/torture_passphrase.py)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    code = _main(args, seed)
    if args.passphrase_trials:
        from tools import torture_passphrase

        started = time.monotonic()
        results = torture_passphrase.run_trials(args.passphrase_trials, seed, verbose=args.verbose)
        print(torture_passphrase.summary(results, time.monotonic() - started, seed))
        code = code or (1 if any(r["problems"] for r in results) else 0)
    return code


def _main(args, seed: int) -> int:
    work = Path(tempfile.mkdtemp(prefix="paperasse-torture-"))
    harness = Harness(work, seed, args.max_delay_ms, args.verbose)
    started = time.monotonic()
    try:
        harness.setup()
        for number in range(1, args.trials + 1):
            t = harness.trial(number)
            harness.trials.append(t)
            if args.verbose or t.violations:
                state = "killed" if t.killed else f"exit {t.exit_code}"
                print(f"trial {number:4} {t.action:12} delay {t.delay_ms:6.0f} ms {state:8} "
                      f"reported={t.reported} debris={t.debris} {'; '.join(t.violations)}", flush=True)
        summary, section = summarise(harness.trials, time.monotonic() - started, seed, harness.tracking)
        print(summary)
        if args.report:
            hf.write_report_section(args.report, "torture", section)
        return 1 if any(t.violations for t in harness.trials) else 0
    finally:
        if args.keep:
            print(f"data folder kept: {harness.data}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
