"""``qms handbook build | serve | publish | export | in-force``: the handbook site, built with mkdocs and versioned with mike."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from qms.cli.common import fail, out, parse_day, t
from qms.cli.exit_codes import ExitCode
from qms.i18n import _

CONFIG = typer.Option("--config-file", "-c", help="mkdocs.yml")
T = TypeVar("T")
REPO = typer.Option("--repo", help="Kho git chứa nhánh gh-pages")


def site_step(action: Callable[[], T]) -> T:
    """Run one step of the site's tooling; a :class:`SiteError` (mkdocs or git said no) exits 1 with its text."""
    from qms.handbook.site import SiteError  # late, as in every command: see qms.cli.app

    try:
        return action()
    except SiteError as exc:
        fail(str(exc), code=ExitCode.FINDINGS)


def handbook_build(
    config_file: Annotated[Path, CONFIG] = Path("mkdocs.yml"),
    site_dir: Annotated[Path | None, typer.Option("--site-dir", help="Thư mục trang web / output folder")] = None,
) -> None:
    """Tạo trang web sổ tay (mkdocs build --strict) / build the handbook site."""
    from qms.handbook.site import build_site

    out.print(t(_("Đã tạo trang web sổ tay tại {path}"), path=site_step(lambda: build_site(config_file, site_dir))))


def handbook_serve(
    config_file: Annotated[Path, CONFIG] = Path("mkdocs.yml"),
    address: str = "127.0.0.1:8000",
    full: Annotated[bool, typer.Option("--full", help="Dựng lại mọi trang sau mỗi lần lưu / rebuild every page on each save")] = False,
) -> None:
    """Xem thử, tự cập nhật khi lưu tệp YAML / preview with live reload."""
    # --dirty: only the pages a saved file changed are rendered again (about 1 s for 500 processes instead of 15 s);
    # the qms plugin keeps menus and search complete (qms.handbook.preview). --full for pages outside the handbook.
    from qms.handbook.site import tool_env

    args = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config_file), "--dev-addr", address]
    raise typer.Exit(subprocess.call(args + ([] if full else ["--dirty"]), env=tool_env()))


def handbook_publish(
    version: Annotated[str, typer.Option("--version", help="Phiên bản sổ tay / handbook version, e.g. 2025.1")],
    effective: Annotated[str | None, typer.Option("--effective", help="Ngày hiệu lực / effective date (YYYY-MM-DD)")] = None,
    alias: Annotated[list[str] | None, typer.Option("--alias", help="Bí danh / alias (default: latest)")] = None,
    config_file: Annotated[Path, CONFIG] = Path("mkdocs.yml"),
    force: Annotated[
        bool, typer.Option("--force", help="Phát hành dù chưa đạt kiểm tra; mọi trang sẽ ghi rõ / publish anyway, said on every page")
    ] = False,
) -> None:
    """Phát hành một phiên bản (mike) / publish a version with mike."""
    from qms.cli.publish_checks import checked_commit
    from qms.handbook.site import publish

    day = parse_day(effective)
    commit, forced = checked_commit(config_file, force)
    site_step(lambda: publish(config_file, version, day, tuple(alias or ("latest",)), commit=commit, forced=forced))
    out.print(t(_("Đã phát hành sổ tay phiên bản {version}"), version=version))


def handbook_export(
    target: Annotated[Path, typer.Argument(help="Thư mục đích / folder to write")],
    repo: Annotated[Path, REPO] = Path("."),
) -> None:
    """Xuất mọi phiên bản đã phát hành ra một thư mục / export every published version to a folder."""
    from qms.handbook.site import export_site

    out.print(t(_("Đã xuất sổ tay ra {path}"), path=site_step(lambda: export_site(repo, target))))


def handbook_in_force(
    day: Annotated[str, typer.Argument(help="Ngày / date (YYYY-MM-DD)")],
    repo: Annotated[Path, REPO] = Path("."),
) -> None:
    """Phiên bản sổ tay có hiệu lực vào một ngày / the handbook version in force on a date."""
    from qms.handbook.site import version_in_force

    when = parse_day(day)
    version = site_step(lambda: version_in_force(repo, when or date.today()))
    if version is None:
        out.print(t(_("Không có phiên bản sổ tay nào có hiệu lực vào ngày {day}"), day=day))
        raise typer.Exit(ExitCode.FINDINGS)
    in_force = _("Ngày {day}: sổ tay phiên bản {version} (hiệu lực từ {effective})")
    out.print(t(in_force, day=day, version=version.version, effective=version.effective))
