"""What qms needs outside its Python packages, and how to install what is missing (``qms doctor``).

``pip install qms`` brings every Python package the commands need, but not the programs and
fonts some of them call: Graphviz's ``dot`` draws the flowcharts (``qms render``, the handbook),
the Noto Sans font gives them Vietnamese letters (:data:`qms.render.flowchart.FONT`), a
Chromium, Chrome or Edge with the ``playwright`` package prints the handbook to PDF
(``qms handbook pdf``), and mkdocs-material themes the handbook site. Each check says what it
found (a version, or the file) and, when something is missing, how to install it on
Debian/Ubuntu (apt-get), Windows (winget) and macOS (Homebrew).

The checks look at the machine only through :class:`System` (``which``, running a command,
a package's version, the font folders, the usual browser locations), so tests give them a
machine of their own.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from qms.i18n import Message, _

# The browsers Playwright can drive (Chromium's family), as their commands are named on each system.
BROWSER_COMMANDS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge", "microsoft-edge")
FONT = "Noto Sans"  # the font the flowcharts and the printed handbook name (qms.render.flowchart.FONT)


def _command(text: str) -> Message:
    """A command to type: the same in both languages, so not a catalogue entry."""
    return Message(text, text)


@dataclass(frozen=True)
class Install:
    """How to install one missing piece on each system."""

    debian: Message
    windows: Message
    macos: Message


@dataclass(frozen=True)
class Check:
    name: Message  # what is checked and what needs it
    found: str | None  # the version (or the file) found; None: missing
    install: Install

    @property
    def ok(self) -> bool:
        return self.found is not None


def command_output(args: list[str]) -> str | None:
    """What a command printed (standard output and error: ``dot -V`` writes to the latter), or None if it failed."""
    try:
        done = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return (done.stdout + done.stderr).strip() if done.returncode == 0 else None


def package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _home_path(*parts: str) -> Path:
    return Path.home().joinpath(*parts)


def _font_folders() -> tuple[Path, ...]:
    windows = os.environ.get("WINDIR", r"C:\Windows")
    local = os.environ.get("LOCALAPPDATA", str(_home_path("AppData", "Local")))
    return (
        Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), _home_path(".local", "share", "fonts"), _home_path(".fonts"),
        Path("/Library/Fonts"), Path("/System/Library/Fonts"), _home_path("Library", "Fonts"),
        Path(windows, "Fonts"), Path(local, "Microsoft", "Windows", "Fonts"),
    )  # fmt: skip


def _browser_paths() -> tuple[Path, ...]:
    programs = [os.environ.get(v) for v in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")]
    windows = [
        Path(base, *tail)
        for base in programs
        if base
        for tail in (("Google", "Chrome", "Application", "chrome.exe"), ("Microsoft", "Edge", "Application", "msedge.exe"))
    ]
    mac = [Path(f"/Applications/{app}.app/Contents/MacOS/{app}") for app in ("Chromium", "Google Chrome", "Microsoft Edge")]
    return (Path("/usr/bin/chromium"), Path("/snap/bin/chromium"), *windows, *mac)


@dataclass(frozen=True)
class System:
    """How the checks see this machine; a test replaces any part (a PATH without ``dot``, no font folder)."""

    which: Callable[[str], str | None] = shutil.which
    output: Callable[[list[str]], str | None] = command_output
    version_of: Callable[[str], str | None] = package_version
    font_folders: tuple[Path, ...] | None = None  # None: the usual folders of Linux, macOS and Windows
    browser_paths: tuple[Path, ...] | None = None  # None: where the installers put Chromium, Chrome and Edge


def find_browser(system: System | None = None) -> str | None:
    """A Chromium-family browser to print with: the first on PATH, else the first in its installer's usual place."""
    system = system or System()
    for name in BROWSER_COMMANDS:
        if found := system.which(name):
            return found
    paths = _browser_paths() if system.browser_paths is None else system.browser_paths
    return next((str(p) for p in paths if p.is_file()), None)


def _graphviz(system: System) -> str | None:
    dot = system.which("dot")
    printed = system.output([dot, "-V"]) if dot else None
    if printed is None:
        return None
    version = re.search(r"version\s+(\S+)", printed)  # "dot - graphviz version 2.43.0 (0)"
    return version.group(1) if version else printed.splitlines()[0]


def _font(system: System) -> str | None:
    """Noto Sans as fontconfig knows it (what Graphviz and Chromium use on Linux), else as a file in a font folder."""
    if fc_list := system.which("fc-list"):
        listed = system.output([fc_list, f":family={FONT}", "family"]) or ""
        families = {family.strip() for line in listed.splitlines() for family in line.split(",")}
        return FONT if FONT in families else None
    folders = _font_folders() if system.font_folders is None else system.font_folders
    for folder in folders:
        # NotoSans-Regular.ttf (Debian, Homebrew), NotoSans-VariableFont_wdth,wght.ttf (Google Fonts); not NotoSansMono…
        if folder.is_dir() and (found := next(folder.rglob("NotoSans-*.[ot]tf"), None)):
            return f"{FONT} ({found.name})"
    return None


def _browser(system: System) -> str | None:
    browser = find_browser(system)
    if browser is None:
        return None
    # "Chromium 156.0.8078.114 built on Debian…", among Debian's shell warnings; Chrome on Windows prints nothing
    printed = system.output([browser, "--version"]) or ""
    version = re.search(r"(Chromium|Google Chrome|Microsoft Edge)\s+[\d.]+", printed)
    return f"{version.group(0)} ({browser})" if version else browser


_GRAPHVIZ = Install(
    _command("sudo apt-get install -y graphviz"),
    _("winget install --id Graphviz.Graphviz (nếu «dot -V» chưa chạy: thêm C:\\Program Files\\Graphviz\\bin vào PATH)"),
    _command("brew install graphviz"),
)
_FONT = Install(
    _command("sudo apt-get install -y fonts-noto-core"),
    _("tải Noto Sans tại https://fonts.google.com/noto/specimen/Noto+Sans, mở tệp .ttf, chọn «Cài đặt cho mọi người dùng»"),
    _command("brew install --cask font-noto-sans"),
)
_BROWSER = Install(
    _("sudo apt-get install -y chromium (Ubuntu: sudo snap install chromium)"),
    _("Microsoft Edge có sẵn trên Windows 10/11; hoặc: winget install --id Google.Chrome"),
    _command("brew install --cask google-chrome"),
)


def _pip(package: str) -> Install:
    command = _command(f"python -m pip install {package}")  # the same Python that runs qms (pipx: pipx inject qms …)
    return Install(command, command, command)


def run_checks(system: System | None = None) -> list[Check]:
    """Every check, in the order of the table: drawing, fonts, printing, the site."""
    system = system or System()
    return [
        Check(_("Graphviz «dot» (vẽ lưu đồ)"), _graphviz(system), _GRAPHVIZ),
        Check(_("Phông chữ {font} (chữ tiếng Việt trên lưu đồ, bản in)").format(font=FONT), _font(system), _FONT),
        Check(_("Trình duyệt Chromium, Chrome hoặc Edge (in PDF)"), _browser(system), _BROWSER),
        Check(_("Gói playwright (in PDF)"), system.version_of("playwright"), _pip("playwright")),
        Check(_("Gói mkdocs-material (trang web sổ tay)"), system.version_of("mkdocs-material"), _pip("mkdocs-material")),
    ]
