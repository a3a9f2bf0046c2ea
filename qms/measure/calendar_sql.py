"""The working-day calendar inside DuckDB: now :mod:`qms.calendar.sql`, re-exported here for the measures.

(Moved beside the calendar so that :mod:`qms.conformance`, which may not import :mod:`qms.measure`, uses the same
macros.)
"""

from qms.calendar.sql import install

__all__ = ["install"]
