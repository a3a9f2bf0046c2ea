"""Whether a process serves citizens: what its file shows, whatever its ``citizen_facing`` says.

The rules for administrative procedures (the deadline, the apology for a late dossier, the ISO 18091 citizen
service) apply to citizen-facing processes. A flag the author must remember would switch them off by omission,
so the process's own content decides: a national procedure code (``procedure_code``), a ``citizen_service`` block,
or the one-stop receipt among its records (the «Giấy tiếp nhận hồ sơ và hẹn trả kết quả» a one-stop shop issues
for every dossier, Mẫu số 01 of Thông tư 01/2018/TT-VPCP, then of Thông tư 03/2025/TT-VPCP [unconfirmed]) each
make a process citizen-facing. ``citizen_facing: true`` does too, for a procedure that shows none of them yet.
Every rule and report asks :func:`serves_citizens`, never the field.
"""

from __future__ import annotations

from dataclasses import dataclass

from qms.i18n import Message, _
from qms.model import Process, Record
from qms.model.values import fold

# Folded words that name the one-stop receipt and appointment slip in Vietnamese or English: «Giấy tiếp nhận hồ sơ
# và hẹn trả kết quả», a school's «Giấy tiếp nhận đơn và hẹn ngày trả lời», «Receipt and appointment slip». A
# heuristic, as for the apology: agencies name the form in their own words. A fee receipt (biên lai) is not one.
RECEIPT_WORDS = ("giay tiep nhan", "hen tra ket qua", "appointment slip")


@dataclass(frozen=True)
class CitizenEvidence:
    """One thing in a process that shows it serves citizens, and where it is written (a field path)."""

    path: tuple[str | int, ...]
    what: Message


def is_one_stop_receipt(record: Record) -> bool:
    """Whether ``record`` is the receipt and appointment slip of a one-stop shop (:data:`RECEIPT_WORDS`)."""
    texts = [text for part in (record.name, record.form) if part for text in (part.vi, part.en) if text]
    folded = " ".join(fold(text) for text in texts)
    return any(word in folded for word in RECEIPT_WORDS)


def citizen_evidence(process: Process) -> list[CitizenEvidence]:
    """What in ``process`` shows it serves citizens, in file order of kinds: procedure code, service block, receipt."""
    found: list[CitizenEvidence] = []
    if process.procedure_code:
        found.append(CitizenEvidence(("procedure_code",), _("có mã thủ tục hành chính {code}").format(code=process.procedure_code)))
    if process.citizen_service is not None:
        found.append(CitizenEvidence(("citizen_service",), _("có mục «citizen_service»")))
    receipt = next(((i, r) for i, r in enumerate(process.records) if is_one_stop_receipt(r)), None)
    if receipt is not None:
        index, record = receipt
        found.append(CitizenEvidence(("records", index), _("cấp giấy tiếp nhận và hẹn trả kết quả ({code})").format(code=record.code)))
    return found


def serves_citizens(process: Process) -> bool:
    """Whether ``process`` is citizen-facing: marked so, or showing it (:func:`citizen_evidence`) whatever the mark says."""
    return process.citizen_facing or bool(citizen_evidence(process))


def denies_serving_citizens(process: Process) -> bool:
    """Whether the file writes ``citizen_facing: false`` itself (not left out), so that evidence contradicts it."""
    return "citizen_facing" in process.model_fields_set and not process.citizen_facing


__all__ = ["RECEIPT_WORDS", "CitizenEvidence", "citizen_evidence", "denies_serving_citizens", "is_one_stop_receipt", "serves_citizens"]
