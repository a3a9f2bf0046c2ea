"""The replay's results per variant stored beside the variants, joined back to the dossiers, and summed up.

Tables (temporary, on the log's connection; see also :mod:`qms.conformance.variants`):

* ``conformance_results (variant, missing, consumed, remaining, produced, fitness, conforming)``;
* ``conformance_deviations (variant, kind, step, occurrences, others)``;
* ``dossier_conformance (dossier, variant, fitness, conforming)``: one row per dossier.

A share of dossiers is a fraction of the dossiers of the log (0 to 1). The log's fitness is pm4py's
``log_fitness`` (the token counts of all dossiers summed, then the formula); ``average_fitness`` the mean of the
dossiers' fitness values (pm4py's ``average_trace_fitness``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import duckdb

from qms.conformance.deviations import Deviation, DeviationKind
from qms.conformance.groups import GroupBy, GroupConformance, conformance_by
from qms.conformance.replay import TokenCounts
from qms.conformance.timing import StepFigures, bottlenecks, deviation_minutes, over_duration


@dataclass(frozen=True)
class VariantResult:
    """One variant: its path, how many dossiers follow it, its replay and its deviations."""

    variant: int
    path: tuple[str, ...]
    dossiers: int
    tokens: TokenCounts
    deviations: tuple[Deviation, ...]

    @property
    def conforming(self) -> bool:
        return self.tokens.fits and not self.deviations


@dataclass(frozen=True)
class KindCount:
    """How many dossiers have a kind of deviation (``share`` of the log's dossiers), and how many times in all."""

    kind: DeviationKind
    dossiers: int
    share: float
    occurrences: int
    median_minutes: float | None = None  # the processing time of the dossiers affected (office minutes, median)
    mean_minutes: float | None = None
    effect_minutes: float | None = None  # median_minutes minus the conforming dossiers' median: a difference, not a cause


@dataclass(frozen=True)
class StepCount:
    """A kind of deviation at one step (or unknown activity label), as :class:`KindCount`."""

    kind: DeviationKind
    step: str
    dossiers: int
    share: float
    occurrences: int
    median_minutes: float | None = None  # as KindCount
    mean_minutes: float | None = None
    effect_minutes: float | None = None


@dataclass(frozen=True)
class Conformance:
    """What the log shows of how its dossiers follow the process: a pure data result, nothing printed."""

    process: str
    dossiers: int
    conforming: int
    log_fitness: float
    average_fitness: float
    by_kind: tuple[KindCount, ...]
    by_step: tuple[StepCount, ...]
    variants: tuple[VariantResult, ...]  # the most frequent ``top`` variants
    variant_count: int
    by_month: tuple[GroupConformance, ...] = ()  # by the month of each dossier's first event
    by_unit: tuple[GroupConformance, ...] = ()  # by the unit that recorded it
    by_channel: tuple[GroupConformance, ...] = ()  # by its channel (HinhThuc), when the log gives it
    step_figures: tuple[StepFigures, ...] = ()  # each recorded step's times, the bottlenecks first (qms.conformance.timing)
    variant_minutes: Mapping[int, float] = field(default_factory=dict)  # each variant's median time, office minutes
    conforming_median_minutes: float | None = None  # the conforming dossiers' median processing time, office minutes

    @property
    def conforming_share(self) -> float | None:
        return self.conforming / self.dossiers if self.dossiers else None

    def kind(self, kind: DeviationKind) -> KindCount | None:
        return next((k for k in self.by_kind if k.kind is kind), None)

    @property
    def figures_by_step(self) -> dict[str, StepFigures]:
        """:attr:`step_figures` by step id (what a flowchart colours its steps by)."""
        return {f.step: f for f in self.step_figures}

    @property
    def bottlenecks(self) -> tuple[StepFigures, ...]:
        return bottlenecks(self.step_figures)

    @property
    def over_duration(self) -> tuple[StepFigures, ...]:
        return over_duration(self.step_figures)

    @property
    def has_waiting(self) -> bool:
        """Whether the log recorded when steps began, so that waiting time was measured."""
        return any(f.median_waiting_minutes is not None for f in self.step_figures)


def store_results(con: duckdb.DuckDBPyConnection, results: Sequence[VariantResult]) -> None:
    """The tables of the module docstring from the variants' results."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE conformance_results (variant BIGINT, missing INTEGER, consumed INTEGER, remaining INTEGER, "
        "produced INTEGER, fitness DOUBLE, conforming BOOLEAN)"
    )
    columns = list(
        zip(
            *[
                (r.variant, r.tokens.missing, r.tokens.consumed, r.tokens.remaining, r.tokens.produced, r.tokens.fitness, r.conforming)
                for r in results
            ],
            strict=True,
        )
    )
    if columns:
        con.execute(
            "INSERT INTO conformance_results SELECT unnest(?::BIGINT[]), unnest(?::INTEGER[]), unnest(?::INTEGER[]), "
            "unnest(?::INTEGER[]), unnest(?::INTEGER[]), unnest(?::DOUBLE[]), unnest(?::BOOLEAN[])",
            [list(c) for c in columns],
        )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE conformance_deviations (variant BIGINT, kind VARCHAR, step VARCHAR, occurrences INTEGER, others VARCHAR[])"
    )
    found = [(r.variant, d.kind.value, d.step, d.occurrences, list(d.others)) for r in results for d in r.deviations]
    if found:
        con.executemany("INSERT INTO conformance_deviations VALUES (?, ?, ?, ?, ?)", found)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE dossier_conformance AS SELECT d.dossier, d.variant, r.fitness, r.conforming "
        "FROM conformance_dossiers d JOIN conformance_results r USING (variant)"
    )


def summarise(con: duckdb.DuckDBPyConnection, process: str, results: Sequence[VariantResult], top: int) -> Conformance:
    """The aggregates of the stored results (:func:`store_results` first)."""
    total, conforming, m, c, r, p, average = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE r.conforming), sum(r.missing), sum(r.consumed), sum(r.remaining), sum(r.produced), "
        "avg(r.fitness) FROM conformance_dossiers d JOIN conformance_results r USING (variant)"
    ).fetchall()[0]
    log_fitness = TokenCounts(int(m or 0), int(c or 0), int(r or 0), int(p or 0)).fitness

    def share(n: int) -> float:
        return n / total if total else 0.0

    kinds = con.execute(
        "SELECT x.kind, sum(v.dossiers), sum(x.occurrences * v.dossiers) FROM (SELECT variant, kind, sum(occurrences) AS occurrences "
        "FROM conformance_deviations GROUP BY ALL) x JOIN conformance_variants v USING (variant) GROUP BY x.kind ORDER BY 2 DESC, 1"
    ).fetchall()
    steps = con.execute(
        "SELECT x.kind, x.step, sum(v.dossiers), sum(x.occurrences * v.dossiers) FROM conformance_deviations x "
        "JOIN conformance_variants v USING (variant) GROUP BY x.kind, x.step ORDER BY 3 DESC, 1, 2"
    ).fetchall()
    return Conformance(
        process=process,
        dossiers=int(total),
        conforming=int(conforming),
        log_fitness=log_fitness,
        average_fitness=float(average) if average is not None else 1.0,
        by_kind=tuple(KindCount(DeviationKind(k), int(n), share(int(n)), int(o)) for k, n, o in kinds),
        by_step=tuple(StepCount(DeviationKind(k), str(s), int(n), share(int(n)), int(o)) for k, s, n, o in steps),
        variants=tuple(results[:top]),
        variant_count=len(results),
        by_month=conformance_by(con, GroupBy.MONTH),
        by_unit=conformance_by(con, GroupBy.UNIT),
        by_channel=conformance_by(con, GroupBy.CHANNEL),
    )


def with_effects(con: duckdb.DuckDBPyConnection, result: Conformance) -> Conformance:
    """``result`` with each kind's and each (kind, step)'s processing time against the conforming dossiers'
    (:func:`qms.conformance.timing.deviation_minutes`; needs the step times built)."""
    minutes = deviation_minutes(con)
    conforming = minutes.get((None, None), (None, None))[0]

    def effect(median: float | None) -> float | None:
        return None if median is None or conforming is None else median - conforming

    def kind(k: KindCount) -> KindCount:
        median, mean = minutes.get((k.kind.value, None), (None, None))
        return replace(k, median_minutes=median, mean_minutes=mean, effect_minutes=effect(median))

    def step(c: StepCount) -> StepCount:
        median, mean = minutes.get((c.kind.value, c.step), (None, None))
        return replace(c, median_minutes=median, mean_minutes=mean, effect_minutes=effect(median))

    return replace(
        result,
        by_kind=tuple(kind(k) for k in result.by_kind),
        by_step=tuple(step(c) for c in result.by_step),
        conforming_median_minutes=conforming,
    )
