"""SIGKILL during a passphrase change, set or removal: afterwards the old or the new passphrase
opens the folder (exactly one of them, for a change), and every record and original is there.

    python tools/torture_passphrase.py --trials 30 [--seed S]

Used by tools/torture.py (``make torture``) and by tests/crypt/test_passphrase_kill.py. Each
trial runs one ``paperasse passphrase change|remove|set`` child and kills it either at a named
step (``PAPERASSE_CRASH_AT``: after the new key file is written, after it replaced the old one,
after the n-th converted file) or after a random delay; then it checks the folder with the
command line, as the user would.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

STEPS = ["keyfile-written", "keyfile-replaced", "converted-1", "converted-2", "converted-3"]


class Folder:
    def __init__(self, work: Path):
        self.work = work
        self.data = work / "data"
        self.env = dict(os.environ, PYTHONPATH=str(REPO), OMP_THREAD_LIMIT="1",
                        PYTHONDONTWRITEBYTECODE="1")
        for name in ("PAPERASSE_HOME", "PAPERASSE_PASSPHRASE_FILE", "PAPERASSE_CRASH_AT"):
            self.env.pop(name, None)
        self.secrets: dict[str, Path] = {}
        self.current: str | None = None  # the passphrase that opens it, None when plain
        self.expected_documents: set[str] = set()

    def secret(self, text: str) -> Path:
        if text not in self.secrets:
            path = self.work / f"secret-{len(self.secrets)}"
            path.write_text(text + "\n", encoding="utf-8")
            self.secrets[text] = path
        return self.secrets[text]

    def run(self, *args, passphrase: str | None = None, crash_at: str | None = None,
            kill_after: float | None = None, timeout: float = 300):
        env = dict(self.env)
        if passphrase is not None:
            env["PAPERASSE_PASSPHRASE_FILE"] = str(self.secret(passphrase))
        if crash_at:
            env["PAPERASSE_CRASH_AT"] = crash_at
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "--data-dir", str(self.data), *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)
        if kill_after is not None:
            try:
                proc.wait(timeout=kill_after)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=timeout)
        return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")

    def setup(self, scans: list[Path]) -> None:
        code, out, err = self.run("person", "add", "--name", "Claire Martin", "--nir",
                                  "2 85 07 75 115 234 32", "--iban",
                                  "FR1420041010050500013M02606")
        assert code == 0, err
        code, out, err = self.run("import", *map(str, scans), "--json")
        assert code == 0, err
        self.expected_documents = {d["file"] for d in json.loads(out)}

    def documents(self, passphrase: str | None) -> list[dict] | None:
        """The documents as the command line lists them, or None when it cannot open it."""
        code, out, _ = self.run("doc", "list", "--json", passphrase=passphrase)
        return json.loads(out) if code == 0 else None

    def sound(self, passphrase: str | None) -> str | None:
        """Why the folder is not whole when opened with ``passphrase`` (None: it is)."""
        docs = self.documents(passphrase)
        if docs is None:
            return "does not open"
        if len(docs) != len(self.expected_documents):
            return f"{len(docs)} documents instead of {len(self.expected_documents)}"
        code, out, err = self.run("backup", "now", "--json", passphrase=passphrase)
        if code != 0:
            return f"cannot back up: {err.strip()}"
        name = json.loads(out).get("id")
        code, out, err = self.run("backup", "verify", str(name), "--json", passphrase=passphrase)
        report = json.loads(out) if out.strip() else {}
        if code != 0 or report.get("missing_originals") or report.get("altered_originals"):
            return f"backup verify: {err.strip() or report}"
        return None


def one_trial(folder: Folder, rng: random.Random, number: int) -> dict:
    """One killed child; returns what happened and what was found wrong."""
    crash_at = rng.choice(STEPS + [None, None])
    kill_after = None if crash_at else rng.uniform(0.2, 3.0)
    if folder.current is None:
        action, new = "set", f"passphrase number {number}"
        args = ["passphrase", "set", "--passphrase-file", str(folder.secret(new)), "--json"]
        candidates = [None, new]
    elif rng.random() < 0.7:
        action, new = "change", f"passphrase number {number}"
        args = ["passphrase", "change", "--passphrase-file", str(folder.secret(new)), "--json"]
        candidates = [folder.current, new]
    else:
        action, new = "remove", None
        args = ["passphrase", "remove", "--json"]
        candidates = [folder.current, None]
    code, _, err = folder.run(*args, passphrase=folder.current, crash_at=crash_at,
                              kill_after=kill_after)
    killed = code == -signal.SIGKILL
    problems = []
    opens = [c for c in candidates if folder.documents(c) is not None]
    if action == "change" and len(opens) != 1:
        problems.append(f"{len(opens)} of the old and new passphrases open it")
    if not opens:
        problems.append("neither the old nor the new passphrase opens it")
    else:
        # A set or removal cut short is finished at the next unlock; a plain folder with a key
        # file still there needs the passphrase.
        working = opens[-1] if action != "remove" else opens[0]
        problem = folder.sound(working)
        if problem:
            problems.append(problem)
        code, out, _ = folder.run("passphrase", "status", "--json")
        protected = code == 0 and json.loads(out)["protected"]
        folder.current = working if protected else None
        if protected and working is None:
            problems.append("the key file is there but no passphrase opens the folder")
    if not killed and code not in (0, None):
        pass  # finished (or refused) before the kill: still checked above
    return {"trial": number, "action": action, "crash_at": crash_at,
            "kill_after": kill_after, "killed": killed, "problems": problems}


def make_scans(folder: Path) -> list[Path]:
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, colour in enumerate(("white", "lightgrey", "ivory")):
        path = folder / f"scan-{index}.png"
        Image.new("RGB", (64 + index, 64), colour).save(path)
        paths.append(path)
    return paths


def run_trials(trials: int, seed: int, work: Path | None = None, verbose: bool = False) -> list:
    own = work is None
    work = work or Path(tempfile.mkdtemp(prefix="paperasse-torture-passphrase-"))
    rng = random.Random(seed)
    folder = Folder(work)
    results = []
    try:
        folder.setup(make_scans(work / "scans"))
        for number in range(1, trials + 1):
            result = one_trial(folder, rng, number)
            results.append(result)
            if verbose or result["problems"]:
                when = result["crash_at"] or f"delay {result['kill_after']:.1f}s"
                print(f"passphrase trial {number:3} {result['action']:6} "
                      f"{when:18} "
                      f"{'killed' if result['killed'] else 'finished':8} "
                      f"{'; '.join(result['problems'])}", flush=True)
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)
    return results


def summary(results: list, seconds: float, seed: int) -> str:
    bad = [r for r in results if r["problems"]]
    killed = sum(r["killed"] for r in results)
    actions = {a: sum(r["action"] == a for r in results) for a in ("set", "change", "remove")}
    return (f"passphrase torture: {len(results)} trials (seed {seed}; {actions}), {killed} killed "
            f"mid-way, {len(bad)} with a violation, {seconds:.0f} s")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    started = time.monotonic()
    results = run_trials(args.trials, seed, verbose=args.verbose)
    print(summary(results, time.monotonic() - started, seed))
    return 1 if any(r["problems"] for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
