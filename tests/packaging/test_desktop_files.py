"""Packaging files: desktop entry, AppStream metainfo, icons, spec, install script.

Fast: nothing here runs PyInstaller (``make package`` builds and smoke-tests the app).
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_app import APP_ID, APP_NAME, __version__

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
DESKTOP = REPO / "resources" / "desktop" / f"{APP_ID}.desktop"
METAINFO = REPO / "resources" / "desktop" / f"{APP_ID}.metainfo.xml"
ICONS = REPO / "resources" / "icons" / "app"
SPEC = PACKAGING / "paperasse.spec"
RTHOOK = PACKAGING / "hooks" / "rthook_paperasse.py"
INSTALL = PACKAGING / "install-desktop.sh"
MIME_TYPES = {"application/pdf", "image/jpeg", "image/png", "image/tiff", "image/heif"}

posix_only = pytest.mark.skipif(os.name != "posix" or not shutil.which("sh"), reason="needs sh")


def _desktop_entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive, and "Name[fr]" must stay as written
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _list(value: str) -> list[str]:
    assert value.endswith(";"), f"{value!r}: desktop-entry lists end with ';'"
    return [item for item in value.split(";") if item]


# -- desktop entry ----------------------------------------------------------------------------
def test_desktop_entry_has_the_keys():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    for key in ("GenericName", "Comment"):
        assert entry[key].strip(), key
        assert entry[f"{key}[fr]"].strip() and entry[f"{key}[fr]"] != entry[key], f"{key}[fr]"
    assert entry["Exec"] == "paperasse %F"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert {"Office", "Finance"} <= set(_list(entry["Categories"]))
    assert set(_list(entry["MimeType"])) == MIME_TYPES


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_entry_validates():
    out = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr


# -- AppStream metainfo -----------------------------------------------------------------------
def test_metainfo_matches_the_package():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert root.find("launchable").get("type") == "desktop-id"
    assert root.findtext("icon") == APP_ID
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert {m.text for m in root.iter("mediatype")} == MIME_TYPES
    releases = root.findall("releases/release")
    assert releases, "list the releases, newest first"
    assert releases[0].get("version") == __version__, "add a <release> for the new version"


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream not installed")
def test_metainfo_validates():
    out = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr


# -- icons ------------------------------------------------------------------------------------
def test_icons_exist_and_parse():
    svg_ns = "{http://www.w3.org/2000/svg}"
    for name in (f"{APP_ID}.svg", f"{APP_ID}-symbolic.svg"):
        root = ET.parse(ICONS / name).getroot()
        assert root.tag == f"{svg_ns}svg", name
        assert root.get("viewBox"), f"{name}: scalable icons need a viewBox"
    symbolic = ET.parse(ICONS / f"{APP_ID}-symbolic.svg").getroot()
    colours = {el.get(attr) for el in symbolic.iter() for attr in ("fill", "stroke") if el.get(attr)}
    assert len(colours - {"none"}) == 1, f"symbolic icon must be one colour: {colours}"
    assert not any(el.get("stroke") for el in symbolic.iter()), "symbolic: fills only (recoloured)"


def test_bitmap_icons_were_rendered():
    from PIL import Image

    with Image.open(ICONS / f"{APP_ID}.png") as png:
        assert png.size == (256, 256) and png.mode == "RGBA"
    with Image.open(ICONS / f"{APP_ID}.ico") as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]
    assert (ICONS / f"{APP_ID}.icns").stat().st_size > 0


# -- PyInstaller spec and runtime hook ---------------------------------------------------------
def test_spec_compiles_and_reads_identity_from_the_package():
    source = SPEC.read_text(encoding="utf-8")
    compile(source, str(SPEC), "exec")
    for needle in ("desktop_app.__version__", "desktop_app.APP_ID", "desktop_app.APP_NAME",
                   "rthook_paperasse.py", 'collect_data_files("stdnum")', "BUNDLE(", ".ico"):
        assert needle in source, needle
    compile(RTHOOK.read_text(encoding="utf-8"), str(RTHOOK), "exec")
    compile((PACKAGING / "paperasse_main.py").read_text(encoding="utf-8"), "main", "exec")


def test_spec_bundles_every_data_file_the_app_reads():
    """The spec's own list of resource files (run on this checkout, without PyInstaller) holds
    the messages' sentences and the rule files, where config.resources_dir finds them."""
    import ast

    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    wanted = {"SKIP_SUFFIXES", "_resource_datas"}
    nodes = [n for n in tree.body
             if (isinstance(n, ast.FunctionDef) and n.name in wanted)
             or (isinstance(n, ast.Assign) and any(getattr(t, "id", "") in wanted for t in n.targets))]
    names: dict = {"Path": Path, "RESOURCES": REPO / "resources"}
    exec(compile(ast.Module(body=nodes, type_ignores=[]), str(SPEC), "exec"), names)
    shipped = {Path(src).relative_to(REPO / "resources").as_posix(): dest
               for src, dest in names["_resource_datas"]()}
    for rel in ("messages/en.json", "messages/fr.json", "rules/completeness.json",
                "letters/fr.json"):
        assert shipped.get(rel) == str(Path("resources") / Path(rel).parent), rel


def _run_hook(meipass: Path, env: dict) -> dict:
    code = (
        "import os, sys, json\n"
        f"sys._MEIPASS = {str(meipass)!r}\n"
        f"exec(compile(open({str(RTHOOK)!r}).read(), 'rthook', 'exec'))\n"
        "print(json.dumps({k: os.environ.get(k) for k in "
        "('PAPERASSE_TESSERACT', 'TESSDATA_PREFIX', 'LD_LIBRARY_PATH', 'PATH')}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    import json

    return json.loads(out.stdout)


def test_runtime_hook_prefers_a_bundled_tesseract(tmp_path):
    folder = tmp_path / "tesseract"
    (folder / "tessdata").mkdir(parents=True)
    exe = folder / ("tesseract.exe" if sys.platform == "win32" else "tesseract")
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    base_env = {k: v for k, v in os.environ.items()
                if k not in ("PAPERASSE_TESSERACT", "TESSDATA_PREFIX")}
    got = _run_hook(tmp_path, base_env)
    assert got["PAPERASSE_TESSERACT"] == str(exe)
    assert got["TESSDATA_PREFIX"] == str(folder / "tessdata")
    # the user's own choice wins
    got = _run_hook(tmp_path, {**base_env, "PAPERASSE_TESSERACT": "/opt/t/tesseract"})
    assert got["PAPERASSE_TESSERACT"] == "/opt/t/tesseract"
    # no bundled tesseract: nothing set, the system's is found on PATH
    got = _run_hook(tmp_path / "empty", base_env)
    assert got["PAPERASSE_TESSERACT"] is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bootloader behaviour")
def test_runtime_hook_gives_children_the_original_library_path(tmp_path):
    env = {**os.environ, "LD_LIBRARY_PATH": f"{tmp_path}:/orig", "LD_LIBRARY_PATH_ORIG": "/orig"}
    assert _run_hook(tmp_path, env)["LD_LIBRARY_PATH"] == "/orig"
    env = {**os.environ, "LD_LIBRARY_PATH": str(tmp_path)}
    env.pop("LD_LIBRARY_PATH_ORIG", None)
    assert _run_hook(tmp_path, env)["LD_LIBRARY_PATH"] is None


# -- scripts ------------------------------------------------------------------------------------
@posix_only
@pytest.mark.parametrize("script", ["build.sh", "install-desktop.sh", "bundle-tesseract.sh"])
def test_shell_scripts_parse(script):
    out = subprocess.run(["sh", "-n", str(PACKAGING / script)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_inno_setup_script_names_the_app():
    iss = (PACKAGING / "windows" / "paperasse.iss").read_text(encoding="utf-8")
    assert f'#define AppName "{APP_NAME}"' in iss
    assert "paperasse.exe" in iss and "paperasse-cli.exe" in iss
    assert "AppVersion" in iss


@posix_only
def test_install_desktop_installs_and_uninstalls(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(home)
    fake_app = tmp_path / "my apps" / "paperasse"
    fake_app.parent.mkdir()
    fake_app.write_text("#!/bin/sh\n")
    fake_app.chmod(0o755)
    data = home / ".local" / "share"
    installed = [
        data / "applications" / f"{APP_ID}.desktop",
        data / "metainfo" / f"{APP_ID}.metainfo.xml",
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        data / "icons" / "hicolor" / "symbolic" / "apps" / f"{APP_ID}-symbolic.svg",
    ]

    def run(*args):
        out = subprocess.run(["sh", str(INSTALL), *args], env=env, cwd=tmp_path,
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stdout + out.stderr
        return out

    if ((REPO / "dist" / "paperasse" / "paperasse").exists()
            or (REPO / ".venv" / "bin" / "paperasse").exists() or shutil.which("paperasse")):
        run()  # default target: the built app, else the venv's, else the one on PATH
        entry = _desktop_entry(installed[0])
        assert entry["Exec"].endswith(" %F")
        assert os.path.isabs(entry["Exec"].removesuffix(" %F").strip('"'))
    run("--exec", str(fake_app))
    first = [p.read_bytes() for p in installed]
    run("--exec", str(fake_app))  # idempotent
    assert [p.read_bytes() for p in installed] == first
    entry = _desktop_entry(installed[0])
    assert entry["Exec"] == f'"{fake_app}" %F'  # quoted: the path has a space
    assert entry["TryExec"] == str(fake_app)
    assert entry["Icon"] == APP_ID
    run("--uninstall")
    assert not any(p.exists() for p in installed)
    run("--uninstall")  # nothing left to remove: still fine
