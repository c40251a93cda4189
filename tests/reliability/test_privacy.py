"""Privacy: nothing leaves the machine, the data folder stays private, logs mask identifiers.

* The command line's main flows run in a child process whose ``sitecustomize`` replaces every
  way to open a network connection with one that records the attempt and raises; no attempt
  may be recorded (a canary proves the guard works).
* The data folder is 0700 and its files 0600, and starting again tightens them if something
  loosened them.
* ``services/log.py`` masks NIRs and IBANs before writing ``paperasse.log`` (0600, rotating).
* Temporary files (page images, OCR output) stay in the data folder's ``tmp/`` and are gone
  afterwards, even after a crash.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.cli_helpers import NIR  # noqa: E402
from tools import hostile_files as hf  # noqa: E402

IBAN = "FR14 2004 1010 0505 0001 3M02 606"

SITECUSTOMIZE = textwrap.dedent('''
    """Installed by tests/reliability/test_privacy.py: no network for this process."""
    import json, os, socket, sys

    _LOG = os.environ["PAPERASSE_NET_LOG"]

    def _record(call, args):
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"call": call, "args": repr(args)[:200], "argv": sys.argv[:4]}) + "\\n")

    _Socket = socket.socket

    class GuardedSocket(_Socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if fileno is None and family not in (socket.AF_UNIX, getattr(socket, "AF_NETLINK", -2)):
                _record("socket", (family, type, proto))
                raise OSError("network disabled by test_privacy")
            super().__init__(family, type, proto, fileno)

        def connect(self, address):
            if self.family != socket.AF_UNIX:
                _record("connect", address)
                raise OSError("network disabled by test_privacy")
            return super().connect(address)

    def _blocked(name):
        def blocked(*args, **kwargs):
            _record(name, args)
            raise OSError(f"network disabled by test_privacy: {name}")
        return blocked

    socket.socket = GuardedSocket
    socket.SocketType = GuardedSocket
    for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                  "gethostbyaddr", "getnameinfo", "create_server"):
        setattr(socket, _name, _blocked(_name))
''')

DRIVER = textwrap.dedent('''
    import json, sys
    from desktop_app.cli.main import main
    codes = []
    for argv in json.load(open(sys.argv[1])):
        codes.append(main(argv))
    print(json.dumps(codes))
''')


def _guarded_env(tmp_path: Path) -> tuple[dict, Path]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    log = tmp_path / "net.log"
    env = dict(os.environ, PYTHONPATH=f"{site}{os.pathsep}{REPO}", PAPERASSE_NET_LOG=str(log),
               PYTHONUNBUFFERED="1", http_proxy="", https_proxy="")
    env.pop("PAPERASSE_HOME", None)
    return env, log


def _run_flows(tmp_path: Path, flows: list[list[str]], env: dict) -> list[int]:
    script = tmp_path / "flows.json"
    script.write_text(json.dumps(flows))
    proc = subprocess.run([sys.executable, "-c", DRIVER, str(script)], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_network_guard_catches_attempts(tmp_path):
    """Canary: the guard records a real attempt (else the next test would prove nothing)."""
    env, log = _guarded_env(tmp_path)
    code = ("import urllib.request\ntry:\n    urllib.request.urlopen('http://example.invalid/', timeout=1)\n"
            "except OSError:\n    pass\nimport socket\na, b = socket.socketpair()\na.close(); b.close()\n")
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    calls = [json.loads(line)["call"] for line in log.read_text().splitlines()]
    assert calls and set(calls) <= {"getaddrinfo", "create_connection", "socket", "connect"}


def test_main_flows_make_no_network_attempt(tmp_path):
    env, log = _guarded_env(tmp_path)
    data = str(tmp_path / "data")
    pdf = tmp_path / "facture.pdf"
    pdf.write_bytes(hf.text_pdf(hf.sample_lines("PRIV")))
    png = tmp_path / "ordonnance.png"
    png.write_bytes(hf.seed_png((400, 120)))
    js = tmp_path / "javascript.pdf"
    js.write_bytes(hf.pdf_javascript())
    remote = tmp_path / "remote.pdf"
    remote.write_bytes(hf.pdf_external_reference())
    d = ["--data-dir", data]
    flows = [
        [*d, "person", "add", "--name", "Claire Martin", "--nir", NIR, "--birth-date", "1985-07-04",
         "--iban", IBAN, "--mutuelle", "MGEN"],
        [*d, "person", "list", "--json"],
        [*d, "import", str(pdf), "--person", "Claire Martin"],
        [*d, "import", str(png), "--person", "Claire Martin"],
        [*d, "import", str(js), str(remote), "--person", "Claire Martin"],
        [*d, "doc", "list", "--json"],
        [*d, "doc", "show", "1", "--json"],
        [*d, "doc", "confirm", "1", "total_amount=30.00"],
        [*d, "claim", "new", "--person", "Claire Martin", "--date", "2025-07-04", "--category",
         "lpp_device", "--paid", "30.00", "--doc", "1"],
        [*d, "claim", "list", "--json"],
        [*d, "search", "pharmacie"],
        ["extract", str(pdf), "--json"],
        ["extract", str(png), "--json"],
    ]
    from desktop_app.cli.main import build_parser

    help_text = build_parser().format_help()
    if "claim" in help_text:
        sub = subprocess.run([sys.executable, "-m", "desktop_app", "claim", "--help"], capture_output=True,
                             text=True, env=env, cwd=REPO)
        if " send " in sub.stdout and " paid " in sub.stdout:
            flows += [[*d, "claim", "send", "1", "--to", "cpam"],
                      [*d, "claim", "paid", "1", "--from", "cpam", "--amount", "18.00"]]
    codes = _run_flows(tmp_path, flows, env)
    attempts = log.read_text().splitlines() if log.exists() else []
    assert not attempts, "network attempts:\n" + "\n".join(attempts)
    assert codes == [0] * len(flows), list(zip(codes, [f[2:4] for f in flows]))


def _modes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): stat.S_IMODE(p.lstat().st_mode) for p in [root, *root.rglob("*")]}


def _use(data: Path, capsys) -> None:
    from desktop_app.cli.main import main

    pdf = data.parent / "facture.pdf"
    pdf.write_bytes(hf.text_pdf(hf.sample_lines("MODES")))
    assert main(["--data-dir", str(data), "person", "add", "--name", "Claire Martin", "--nir", NIR]) == 0
    assert main(["--data-dir", str(data), "import", str(pdf), "--person", "Claire Martin"]) == 0
    capsys.readouterr()


def test_data_folder_and_database_are_private_and_tightened_again(tmp_path, capsys):
    from desktop_app.cli.main import main

    data = tmp_path / "data"
    _use(data, capsys)
    modes = _modes(data)
    for folder in ("", "originals", "tmp", "backups"):
        assert modes[str(Path(folder))] == 0o700, (folder, oct(modes[str(Path(folder))]))
    assert modes["paperasse.db"] == 0o600
    data.chmod(0o755)
    (data / "paperasse.db").chmod(0o644)
    (data / "tmp").chmod(0o777)
    assert main(["--data-dir", str(data), "doc", "list"]) == 0
    capsys.readouterr()
    modes = _modes(data)
    # The folder's own mode is the user's to set (it is never changed behind their back); what
    # Paperasse keeps inside it is made private again.
    assert modes["."] == 0o755 and modes["tmp"] == 0o700 and modes["paperasse.db"] == 0o600


def test_every_file_and_folder_in_the_data_folder_is_private(tmp_path, capsys):
    from desktop_app.cli.main import main

    data = tmp_path / "data"
    old = os.umask(0o022)
    try:
        _use(data, capsys)
        # Created private, whatever the umask: a command does not need to walk them afterwards.
        loose = {name: oct(mode) for name, mode in _modes(data).items() if mode & 0o077}
        assert not loose, loose
        stored = next(p for p in (data / "originals").rglob("*") if p.is_file() and p.suffix == ".pdf")
        stored.chmod(0o644)
        assert main(["--data-dir", str(data), "doc", "list"]) == 0
        capsys.readouterr()
        # The window's tidy-up, on its worker after start, makes a loosened one private again.
        from desktop_app.services import startup

        ctx = startup.open_without_cleanup(data)
        try:
            startup.clean_up(ctx)
        finally:
            ctx.close()
    finally:
        os.umask(old)
    loose = {name: oct(mode) for name, mode in _modes(data).items()
             if mode & 0o077}
    assert not loose, loose


# -- the log -------------------------------------------------------------------------------


@pytest.fixture
def logged(tmp_path):
    from desktop_app import config
    from desktop_app.services import log

    root = logging.getLogger()
    level = root.level
    handlers = [h for h in root.handlers if h not in log._installed.values()]
    last_resort, raise_exceptions = logging.lastResort, logging.raiseExceptions
    paths = config.prepare(tmp_path / "data")
    path = log.setup_logging(paths)
    yield path
    for handler in list(log._installed.values()):
        root.removeHandler(handler)
        handler.close()
    log._installed.clear()
    root.setLevel(level)
    logging.lastResort, logging.raiseExceptions = last_resort, raise_exceptions
    logging.captureWarnings(False)
    assert root.handlers == handlers


NIRS = ["2 85 07 75 115 234 32", "285077511523432", "1 85 05 2A 006 084 36", "185052B00608436",
        "2.85.07.75.115.234.32", "2850775115234"]
IBANS = ["FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606",
         "DE89 3704 0044 0532 0130 00", "GB29NWBK60161331926819"]


def test_log_masks_nirs_and_ibans(logged):
    logger = logging.getLogger("desktop_app.test_privacy")
    for nir in NIRS:
        logger.info("person saved with NIR %s", nir)
        logger.warning(f"inline NIR:{nir}, then text")
    for iban in IBANS:
        logger.info("reimbursements to %s", iban)
    try:
        raise ValueError(f"bad NIR {NIRS[0]} for IBAN {IBANS[0]}")
    except ValueError:
        logger.exception("could not save")
    import warnings

    warnings.warn(f"library warning quoting {NIRS[1]}", stacklevel=1)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = logged.read_text(encoding="utf-8")
    for secret in NIRS + IBANS:
        assert secret not in text, secret
        assert secret.replace(" ", "") not in text.replace(" ", ""), secret
    assert text.count("[NIR]") >= 2 * len(NIRS) + 2
    assert text.count("[IBAN]") >= len(IBANS) + 1
    assert "person saved with NIR" in text and "could not save" in text and "ValueError" in text
    assert stat.S_IMODE(logged.stat().st_mode) == 0o600


def test_log_keeps_ordinary_numbers(logged):
    from desktop_app.services.log import mask

    for keep in ("document 12 imported", "total 304.90 EUR", "phone 01 23 45 67 89", "SIRET 73282932000074",
                 "FINESS 750712184", "date 2025-07-04", "RPPS 10003384754"):
        assert mask(keep) == keep


def test_log_rotates_and_every_generation_is_private(logged):
    from desktop_app.services import log

    logger = logging.getLogger("desktop_app.test_privacy")
    line = "x" * 1000
    for _ in range(int(log.MAX_BYTES * 2.5 / 1000)):
        logger.info(line)
    files = sorted(logged.parent.glob(log.LOG_NAME + "*"))
    assert len(files) >= 3 and len(files) <= log.BACKUPS + 1
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        assert path.stat().st_size <= log.MAX_BYTES + 2000


def test_log_keeps_library_chatter_off_the_terminal(logged, capfd):
    logging.getLogger("pypdf").warning("EOF marker not found")
    import warnings

    warnings.warn("Corrupt EXIF data", UserWarning, stacklevel=1)
    out, err = capfd.readouterr()
    assert "EOF marker" not in err and "EXIF" not in err
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "EOF marker not found" in logged.read_text()


# -- temporary files -----------------------------------------------------------------------


def test_temporary_files_stay_in_the_data_folder_and_go_away(tmp_path):
    """OCR page images live under <data>/tmp/run-<pid>; a SIGKILL mid-OCR leaves nothing behind."""
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    data = tmp_path / "data"
    env = dict(os.environ, PYTHONPATH=str(REPO), TMPDIR=str(system_tmp), TEMP=str(system_tmp),
               TMP=str(system_tmp))
    env.pop("PAPERASSE_HOME", None)
    scan = tmp_path / "scan.png"
    scan.write_bytes(hf.seed_png((2400, 1600)))
    cmd = [sys.executable, "-m", "desktop_app", "--data-dir", str(data)]
    done = subprocess.run([*cmd, "import", str(scan)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert list((data / "tmp").iterdir()) == []
    scan2 = tmp_path / "scan2.png"
    scan2.write_bytes(hf.seed_png((2400, 1601)))
    child = subprocess.Popen([*cmd, "import", str(scan2)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env)
    seen = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None and not seen:
        seen = [p for p in (data / "tmp").rglob("*") if p.is_file()]
        time.sleep(0.005)
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    child.communicate()
    assert list(system_tmp.iterdir()) == [], "temporary files written outside the data folder"
    done = subprocess.run([*cmd, "doc", "list"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert list((data / "tmp").iterdir()) == [], "start-up clean-up left temporary files"
    if not seen:
        pytest.skip("the import finished before any temporary file could be seen")
