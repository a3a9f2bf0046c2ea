"""The handbook's versions and editions: other-language editions built inside each build of the main one
(``editions:`` of the plugin), and the banner of a superseded version.

Every page links to the English edition (``en/``), so a published version without it has broken links. mike builds a
version by running ``mkdocs build`` on the main configuration only; the qms plugin therefore builds each edition
(``{en: mkdocs.en.yml}``: a folder of the site and a configuration file beside the main one) into the site it has
just built, so that ``qms handbook build`` and every ``qms handbook publish`` carry it. An edition's own build
does not build editions again (:data:`EDITION_ENV`, and never the configuration being built).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from qms.i18n import Lang, Message, _

EDITION_ENV = "QMS_BUILDING_EDITION"  # set while an edition builds, and by callers that build editions themselves


class EditionError(Exception):
    """An edition could not be built; ``message`` says which and why."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.en)
        self.message = message


THEME = Path(__file__).parent / "theme"  # main.html: the banner of a superseded version


def superseded_banner(config: Any, lang: Lang) -> None:
    """For a versioned site (mike): the banner Material shows on a version that is not the default one, pointing to
    the version in force; the default is ``latest``, the alias ``qms handbook publish`` moves (ISO 9001 7.5.3: an
    obsolete document is marked as such)."""
    version = config.extra.get("version")
    if not isinstance(version, dict):
        return
    version.setdefault("default", "latest")
    config.extra["qms_outdated"] = _("Đây là phiên bản sổ tay đã được thay thế.").get(lang)
    config.extra["qms_outdated_link"] = _("Xem phiên bản đang có hiệu lực.").get(lang)
    dirs = config.theme.dirs
    if str(THEME) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))  # a project's own templates still win


def build_editions(config_file: Path, site_dir: Path, editions: Mapping[str, str]) -> list[Path]:
    """Build each edition into ``site_dir/<folder>``; the folders written. Nothing inside an edition's own build."""
    if os.environ.get(EDITION_ENV):
        return []
    built = []
    for folder, name in editions.items():
        edition = (config_file.parent / name).resolve()
        if edition == config_file.resolve():
            continue
        if not edition.is_file():
            raise EditionError(_("editions: không có tệp «{name}» (đường dẫn tính từ thư mục của mkdocs.yml)").format(name=name))
        target = site_dir / folder
        args = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(edition), "--site-dir", str(target)]
        env = {**os.environ, EDITION_ENV: "1", "NO_MKDOCS_2_WARNING": "1"}
        done = subprocess.run(args, cwd=config_file.parent, capture_output=True, text=True, env=env, timeout=1800, check=False)
        if done.returncode != 0:
            output = (done.stdout + done.stderr).strip()
            raise EditionError(_("editions: không dựng được bản «{name}»:\n{output}").format(name=name, output=Message(output, output)))
        built.append(target)
    return built


__all__ = ["EDITION_ENV", "THEME", "EditionError", "build_editions", "superseded_banner"]
