"""Audit records as data: the annual audit programme and the record of each internal audit (docs/records.md).

Read (:mod:`qms.records.read`, the safe YAML reader and the loader's messages) → the models
(:mod:`qms.records.model`) → findings (:mod:`qms.records.findings`, codes ``REC``) and the corrective actions'
status on a date (:mod:`qms.records.status`).
"""

from qms.records.model import ActionStatus, AuditRecord, Finding, FindingKind, Programme
from qms.records.read import AuditFiles, ProgrammeFile, RecordFile, read_audit_file, read_audits

__all__ = ["ActionStatus", "AuditFiles", "AuditRecord", "Finding", "FindingKind", "Programme", "ProgrammeFile", "RecordFile", "read_audit_file", "read_audits"]
