"""qms.doctor: each check on a machine given by the test (what is on PATH, what a command prints, the font folders)."""

from __future__ import annotations

from pathlib import Path

from qms.doctor import System, find_browser, run_checks

DOT = "dot - graphviz version 2.43.0 (0)"
CHROMIUM = "/usr/bin/chromium: 9: [: 25276071936: unexpected operator\nChromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)"


def machine(
    tmp_path: Path, on_path: dict[str, str], printed: dict[str, str], packages: dict[str, str], fonts: tuple[str, ...] = ()
) -> System:
    """A machine with the commands ``on_path`` (name -> file), what each prints, the Python packages, and font files."""
    folder = tmp_path / "fonts"
    for font in fonts:
        (folder / font).parent.mkdir(parents=True, exist_ok=True)
        (folder / font).write_bytes(b"")
    return System(
        which=on_path.get,
        output=lambda args: printed.get(args[0]),
        version_of=packages.get,
        font_folders=(folder, tmp_path / "no-such-folder"),
        browser_paths=(tmp_path / "Google Chrome",),
    )


def complete(tmp_path: Path) -> System:
    return machine(
        tmp_path,
        {"dot": "/usr/bin/dot", "fc-list": "/usr/bin/fc-list", "chromium": "/usr/bin/chromium"},
        {"/usr/bin/dot": DOT, "/usr/bin/fc-list": "Noto Sans\nNoto Sans,Noto Sans Light\n", "/usr/bin/chromium": CHROMIUM},
        {"playwright": "1.65.2", "mkdocs-material": "9.8.2"},
    )


def found(checks) -> list[str | None]:
    return [check.found for check in checks]


def test_everything_present(tmp_path: Path) -> None:
    checks = run_checks(complete(tmp_path))
    assert all(check.ok for check in checks)
    assert found(checks) == ["2.43.0", "Noto Sans", "Chromium 156.0.8078.114 (/usr/bin/chromium)", "1.65.2", "9.8.2"]


def test_nothing_present_says_how_to_install_each_on_every_system(tmp_path: Path) -> None:
    checks = run_checks(machine(tmp_path, {}, {}, {}))
    assert not any(check.ok for check in checks)
    graphviz, font, browser, playwright, material = (check.install for check in checks)
    assert graphviz.debian.vi == "sudo apt-get install -y graphviz" and graphviz.macos.vi == "brew install graphviz"
    assert graphviz.windows.vi.startswith("winget install --id Graphviz.Graphviz")
    assert font.debian.vi == "sudo apt-get install -y fonts-noto-core" and font.macos.vi == "brew install --cask font-noto-sans"
    assert "fonts.google.com" in font.windows.vi  # winget has no Noto package
    assert browser.debian.vi.startswith("sudo apt-get install -y chromium") and "Google.Chrome" in browser.windows.vi
    assert playwright.windows.vi == "python -m pip install playwright" and material.debian.vi == "python -m pip install mkdocs-material"


def test_dot_on_path_that_does_not_run_is_missing(tmp_path: Path) -> None:
    system = machine(tmp_path, {"dot": "/usr/bin/dot"}, {}, {})
    assert run_checks(system)[0].found is None


def test_a_similar_font_family_is_not_noto_sans(tmp_path: Path) -> None:
    system = machine(tmp_path, {"fc-list": "/usr/bin/fc-list"}, {"/usr/bin/fc-list": "Noto Sans Mono\nNoto Sans Thai\n"}, {})
    assert run_checks(system)[1].found is None


def test_without_fontconfig_the_font_folders_are_searched(tmp_path: Path) -> None:
    only_mono = machine(tmp_path / "a", {}, {}, {}, fonts=("noto/NotoSansMono-Regular.ttf",))
    assert run_checks(only_mono)[1].found is None
    google = machine(tmp_path / "b", {}, {}, {}, fonts=("NotoSans-VariableFont_wdth,wght.ttf",))
    assert run_checks(google)[1].found == "Noto Sans (NotoSans-VariableFont_wdth,wght.ttf)"


def test_a_browser_off_path_is_found_where_its_installer_puts_it(tmp_path: Path) -> None:
    system = machine(tmp_path, {}, {}, {})
    assert find_browser(system) is None
    (tmp_path / "Google Chrome").write_bytes(b"")
    assert find_browser(system) == str(tmp_path / "Google Chrome")
    assert run_checks(system)[2].found == str(tmp_path / "Google Chrome")  # printed no version (Chrome on Windows)


def test_the_first_browser_on_path_wins(tmp_path: Path) -> None:
    system = machine(tmp_path, {"msedge": "/opt/msedge", "google-chrome": "/opt/chrome"}, {}, {})
    assert find_browser(system) == "/opt/chrome"
