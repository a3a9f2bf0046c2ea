"""Dossier logs: reading one-stop systems' exports (CSV, XLSX, XES) with every row accounted for (docs/logs.md)."""

from qms.logs.codes import LOG_CODES, LogCode
from qms.logs.mapping import Mapping, read_mapping
from qms.logs.read import LogResult, read_log

__all__ = ["LOG_CODES", "LogCode", "LogResult", "Mapping", "read_log", "read_mapping"]
