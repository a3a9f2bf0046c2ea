"""Benchmark: build the handbook site for N generated processes (diagrams included).

Compared with a plain mkdocs-material build of the same pages written as static Markdown, and followed by the
rebuilds after one process file changes: as ``mkdocs serve`` does them (every page rendered again) and as
``mkdocs serve --dirty`` (``qms handbook serve``) does them (only the changed pages). Both reload the
configuration for every rebuild and keep the plugin object, as mkdocs does.

    .venv/bin/python benchmarks/bench_handbook.py --processes 500

Results are recorded in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from qms import load_paths  # noqa: E402
from qms.handbook import build_handbook  # noqa: E402

THEME = """theme:
  name: material
  language: vi
  font: false
  features: [navigation.sections, navigation.indexes, navigation.prune]
markdown_extensions: [admonition, tables]
"""


def timed(label: str, fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - start
    print(f"| {label} | {elapsed:.1f} s |")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--processes", type=int, default=500)
    parser.add_argument("--steps", type=int, default=30)
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = generate(root / "site-src" / "processes", args.processes, args.steps)
        (root / "site-src" / "docs").mkdir()
        (root / "site-src" / "docs" / "index.md").write_text("# Sổ tay\n", encoding="utf-8")
        (root / "site-src" / "mkdocs.yml").write_text(f"site_name: Sổ tay\n{THEME}plugins: [search, {{qms: {{processes: processes}}}}]\n", encoding="utf-8")
        # The same pages as static Markdown, for a plain mkdocs-material build.
        book = build_handbook(load_paths([root / "site-src" / "processes"]).processes)
        plain_docs = root / "plain" / "docs" / "so-tay"
        for name, text in book.pages.items():
            (plain_docs / name).parent.mkdir(parents=True, exist_ok=True)
            (plain_docs / name).write_text(text, encoding="utf-8")
        (root / "plain" / "mkdocs.yml").write_text(f"site_name: Sổ tay\n{THEME}plugins: [search]\n", encoding="utf-8")
        print(f"{args.processes} processes x {args.steps} steps, {len(book.pages)} generated pages")
        timed("plain mkdocs-material build of the same pages", lambda: build(load_config(str(root / "plain" / "mkdocs.yml"))))
        config_file = str(root / "site-src" / "mkdocs.yml")
        timed("qms handbook build (load, check, diagrams, pages)", lambda: build(load_config(config_file)))
        url = "http://127.0.0.1:8000/"
        for dirty in (False, True):
            site = str(root / f"serve-{dirty}")
            first = load_config(config_file, site_dir=site)
            first.plugins.on_startup(command="serve", dirty=dirty)
            build(first, serve_url=url, dirty=dirty)
            text = files[0].read_text(encoding="utf-8")
            files[0].write_text(text.replace("Ban hành lần đầu", f"Sửa đổi lần {dirty}"), encoding="utf-8")
            label = "mkdocs serve --dirty" if dirty else "mkdocs serve"
            timed(f"rebuild after one process changed ({label})", lambda: build(load_config(config_file, site_dir=site), serve_url=url, dirty=dirty))
            first.plugins.on_shutdown()


if __name__ == "__main__":
    main()
