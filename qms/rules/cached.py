"""``qms check`` through the results cache (:mod:`qms.load.cached`): each process's findings kept under what they depend on.

What that is, and the catalogue a process is checked again with, is :mod:`qms.rules.cache_keys`. When a process must
be checked again, its catalogue reads back only the models the rules ask for; a large cold check is spread over the
cores (:mod:`qms.rules.parallel`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from qms.legal.read import default_register
from qms.legal.register import Register
from qms.load import collector_paused
from qms.load.cache import ResultCache
from qms.load.cached import load_cached
from qms.load.exclude import Exclusion
from qms.rules.cache_keys import Plan, setting_key
from qms.rules.config import RuleConfig
from qms.rules.engine import DEFAULT_CONFIG, CheckReport, check_paths, check_process, enabled_rules
from qms.rules.parallel import Pool


def check_paths_cached(
    paths: Iterable[Path | str],
    store: ResultCache | None,
    config: RuleConfig = DEFAULT_CONFIG,
    today: date | None = None,
    register: Register | None = None,
    exclusion: Exclusion | None = None,
    jobs: int = 1,
) -> CheckReport:
    """As :func:`qms.rules.check_paths`, answering from ``store`` what has not changed; the same report.

    Without a ``store``, or with a file named on its own (its calls are resolved outside the files loaded, see
    :mod:`qms.load.called`; a few files are quick to check anyway), this is :func:`qms.rules.check_paths`. With
    ``jobs`` above 1, the files to read (when there are many) are read and checked by that many processes.
    """
    paths = list(paths)
    if store is None or any(Path(p).is_file() for p in paths):
        return check_paths(paths, config, today, register=register, exclusion=exclusion)
    with collector_paused():
        return _check(paths, store, config, today or date.today(), register or default_register(), exclusion, jobs)


def _check(
    paths: list[Path | str], store: ResultCache, config: RuleConfig, day: date, legal: Register, exclusion: Exclusion | None, jobs: int
) -> CheckReport:
    rules = enabled_rules(config)
    setting = setting_key(rules, config, day, legal)
    pool = Pool(jobs, setting, config, day, legal)
    loaded = load_cached(paths, store, exclusion, reader=pool.read, settle=pool.settle)
    report = CheckReport(
        loaded.result.processes, rules, load_diagnostics=[*legal.problems, *loaded.result.diagnostics], files=loaded.result.files
    )
    plan = Plan.of(loaded.valid)
    catalogue = plan.catalogue()
    for file in loaded.valid:
        key = plan.key(file, setting)
        if file.entry.findings is None or file.entry.findings[0] != key:  # also a guess of qms.rules.parallel proved wrong
            file.entry.findings = (key, check_process(file.process(), rules, config, catalogue, day, legal))
            file.changed = True
        report.findings += file.entry.findings[1]
    loaded.save()
    return report


__all__ = ["check_paths_cached"]
