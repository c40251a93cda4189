"""Fuzz the intake entry point with mutated bytes of small valid PNG, JPEG and PDF seeds.

    python tools/fuzz_intake.py --seconds 60 [--seed S] [--ocr] [--crash-dir DIR] [--report docs/reliability.md]

Hypothesis generates the mutations (bit flips, overwritten bytes, inserted and deleted ranges,
duplicated chunks, truncation, interesting integers). Each input is written to a file and read
with ``desktop_app.intake.read_document``. The only exceptions allowed out are ``IntakeError``
and ``UserError``; anything else, and any input taking longer than ``--hang-seconds``, is a
finding: its SHA-256 is printed and the input saved under the crash folder. Exit status 1 when
there are findings.

OCR is off by default (tesseract costs ~0.2 s per page and reads pixels Pillow has already
decoded); ``--ocr`` turns it on.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tools import hostile_files as hf  # noqa: E402

INTERESTING = [b"\x00", b"\xff", b"\x7f", b"\x80", b"\xff\xff", b"\x00\x00", b"\xff\xff\xff\xff",
               b"\x7f\xff\xff\xff", b"\x80\x00\x00\x00", b"0", b"-1", b"999999999", b"(", b"<<",
               b"obj", b"stream", b"R", b"/Length 0", b"%%EOF", b"xref"]


@dataclass
class Finding:
    sha256: str
    seed: str
    error: str
    path: Path | None


@dataclass
class Stats:
    seconds: float = 0.0
    examples: int = 0
    by_seed: Counter = field(default_factory=Counter)
    outcomes: Counter = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)
    slowest: float = 0.0

    def summary(self) -> str:
        rate = self.examples / self.seconds if self.seconds else 0
        return (f"fuzz: {self.examples} inputs in {self.seconds:.1f} s ({rate:.0f}/s); seeds "
                f"{dict(self.by_seed)}; outcomes {dict(self.outcomes)}; slowest {self.slowest:.2f} s; "
                f"{len(self.findings)} findings")


class _Hang(Exception):
    pass


def seeds() -> dict[str, bytes]:
    return {
        "png": hf.seed_png((64, 24)),
        "jpeg": hf.seed_jpeg((64, 24), exif=hf.exif_orientation(6)),
        "pdf": hf.seed_pdf(),
    }


def mutate(data: bytes, ops: list[tuple[int, int, int, bytes]]) -> bytes:
    """Apply (op, position, length, payload) mutations; positions wrap around the data."""
    buf = bytearray(data)
    for op, pos, length, payload in ops:
        n = len(buf)
        if n == 0:
            buf.extend(payload or b"\x00")
            continue
        pos %= n
        if op == 0:  # flip one bit
            buf[pos] ^= 1 << (length % 8)
        elif op == 1:  # overwrite with random / interesting bytes
            buf[pos : pos + len(payload)] = payload
        elif op == 2:  # insert
            buf[pos:pos] = payload
        elif op == 3:  # delete a range
            del buf[pos : pos + 1 + length % 64]
        elif op == 4:  # duplicate a chunk
            chunk = buf[pos : pos + 1 + length % 256]
            buf[pos:pos] = chunk * (1 + length % 4)
        elif op == 5:  # truncate
            del buf[max(1, pos) :]
        elif op == 6:  # interesting value
            value = INTERESTING[length % len(INTERESTING)]
            buf[pos : pos + len(value)] = value
    return bytes(buf)


def _strategy():
    from hypothesis import strategies as st

    op = st.tuples(st.integers(0, 6), st.integers(0, 1 << 20), st.integers(0, 1 << 16),
                   st.binary(min_size=1, max_size=16))
    return st.tuples(st.sampled_from(["png", "jpeg", "pdf"]), st.lists(op, min_size=1, max_size=8))


def fuzz(seconds: float = 60.0, crash_dir: Path | None = None, seed: int | None = None,
         ocr: bool = False, hang_seconds: float = 20.0, verbose: bool = False) -> Stats:
    import logging
    import warnings

    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hypothesis_seed

    from desktop_app import intake
    from desktop_app.core.errors import UserError

    # pypdf and Pillow narrate every recovery at WARNING: keep the fuzzer's output readable.
    for name in ("pypdf", "PIL"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore")
    stats = Stats()
    base = seeds()
    work = Path(tempfile.mkdtemp(prefix="paperasse-fuzz-"))
    crash_dir = Path(crash_dir) if crash_dir else work / "crashers"
    tesseract = None if ocr else str(work / "no-tesseract")  # a missing binary: OCR off
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    use_alarm = hasattr(signal, "SIGALRM") and _in_main_thread()

    def on_alarm(signum, frame):
        raise _Hang()

    previous = signal.signal(signal.SIGALRM, on_alarm) if use_alarm else None

    def one(sample) -> None:
        kind, ops = sample
        if time.monotonic() > deadline:
            return
        data = mutate(base[kind], ops)
        digest = hashlib.sha256(data).hexdigest()
        path = work / f"input.{ 'jpg' if kind == 'jpeg' else kind}"
        path.write_bytes(data)
        stats.examples += 1
        stats.by_seed[kind] += 1
        started = time.monotonic()
        error = None
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, hang_seconds)
        try:
            intake.read_document(path, tesseract_cmd=tesseract, workers=1)
            stats.outcomes["read"] += 1
        except UserError:  # IntakeError is a UserError
            stats.outcomes["refused"] += 1
        except _Hang:
            error = f"hang: still reading after {hang_seconds:.0f} s"
        except RecursionError:
            error = "RecursionError"
        except Exception as exc:  # noqa: BLE001 - this is what we are looking for
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            error = f"{type(exc).__name__}: {str(exc)[:200]} (at {Path(frame.filename).name}:{frame.lineno})"
        finally:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.monotonic() - started
        stats.slowest = max(stats.slowest, elapsed)
        if error:
            stats.outcomes["finding"] += 1
            crash_dir.mkdir(parents=True, exist_ok=True)
            saved = crash_dir / f"{digest}{path.suffix}"
            saved.write_bytes(data)
            stats.findings.append(Finding(digest, kind, error, saved))
            print(f"FINDING {digest} ({kind}): {error} -> {saved}", flush=True)
        elif verbose:
            print(f"{digest[:12]} {kind} ok {elapsed:.2f}s", flush=True)

    started = time.monotonic()
    try:
        while time.monotonic() < deadline:
            run = settings(max_examples=200, deadline=None, database=None, derandomize=False,
                           suppress_health_check=list(HealthCheck), print_blob=False)(
                given(_strategy())(one))
            run = hypothesis_seed(rng.getrandbits(64))(run)
            run()
    finally:
        if use_alarm:
            signal.signal(signal.SIGALRM, previous)
        stats.seconds = time.monotonic() - started
        for p in work.glob("input.*"):
            p.unlink()
    return stats


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--ocr", action="store_true", help="run tesseract on decoded pages too")
    parser.add_argument("--crash-dir", type=Path, default=None)
    parser.add_argument("--hang-seconds", type=float, default=20)
    parser.add_argument("--report", type=Path, help="write a section into this Markdown file")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    stats = fuzz(args.seconds, args.crash_dir, args.seed, args.ocr, args.hang_seconds, args.verbose)
    print(stats.summary())
    if args.report:
        lines = [stats.summary(), "",
                 f"Budget {args.seconds:.0f} s, seed {args.seed}, OCR {'on' if args.ocr else 'off'}; "
                 "inputs are mutations of a 64x24 PNG, a 64x24 JPEG with EXIF and a one-page text PDF.",
                 ""]
        if stats.findings:
            lines += ["| sha256 | seed | error |", "|---|---|---|"]
            lines += [f"| `{f.sha256[:16]}` | {f.seed} | {f.error.replace('|', '/')} |" for f in stats.findings]
        else:
            lines.append("No finding: every input was either read or refused with an IntakeError.")
        hf.write_report_section(args.report, "fuzz", "\n".join(lines))
    return 1 if stats.findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
