"""Records and indicators: where records come from and how they are kept (ISO 9001 7.5.3), KPI targets (9.1)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from qms.audit.checks.common import find_kpi, find_record, find_step, listing, nothing, step_label
from qms.audit.library import AuditedProcess
from qms.domain import steps_producing
from qms.i18n import Message, _, join, ngettext
from qms.model.values import Comparison, fold

# Texts by name.
_AUDIT_FIELD = {
    "kept_by": _("vai trò lưu giữ"),
    "location": _("nơi lưu"),
    "retention": _("thời hạn lưu trữ"),
    "formula": _("cách tính"),
    "frequency": _("tần suất đo"),
    "data_source": _("nguồn dữ liệu"),
    "owner": _("vai trò theo dõi"),
}


def record_produced_by(a: AuditedProcess, record: str, step: str) -> None:
    rec = find_record(a, record)
    found = find_step(a, step)
    if rec.code not in found.records:
        others = [s.id for s in steps_producing(a.process, rec.code)]
        message = _("bước «{step}» của quy trình {code} không lập hồ sơ «{record}»; hồ sơ này được lập ở: {others}").format(
            code=a.code,
            step=step_label(found),
            record=rec.code,
            others=", ".join(others) if others else nothing(),
        )
        raise a.finding(message, a.step_at(found.id, "records") if found.records else a.step_at(found.id), step=found.id)


def record_kept_at_least(a: AuditedProcess, record: str, years: int) -> None:
    rec = find_record(a, record)
    if rec.retention is None:
        raise a.finding(
            _("hồ sơ «{record}» của quy trình {code} chưa có thời hạn lưu trữ").format(code=a.code, record=rec.code), a.record_at(rec.code)
        )
    if rec.retention.months is not None and rec.retention.months < years * 12:
        message = ngettext(
            "hồ sơ «{record}» của quy trình {code} chỉ được lưu {actual}, ít hơn {years} năm",
            "hồ sơ «{record}» của quy trình {code} chỉ được lưu {actual}, ít hơn {years} năm",
            years,
        ).format(code=a.code, record=rec.code, actual=rec.retention.text, years=years)
        raise a.finding(message, a.record_at(rec.code, "retention"))


def record_kept_permanently(a: AuditedProcess, record: str) -> None:
    rec = find_record(a, record)
    if rec.retention is None:
        raise a.finding(
            _("hồ sơ «{record}» của quy trình {code} chưa có thời hạn lưu trữ").format(code=a.code, record=rec.code), a.record_at(rec.code)
        )
    if not rec.retention.permanent:
        message = _("hồ sơ «{record}» của quy trình {code} được lưu {actual}, không phải vĩnh viễn").format(
            code=a.code, record=rec.code, actual=rec.retention.text
        )
        raise a.finding(message, a.record_at(rec.code, "retention"))


def record_follows_form(a: AuditedProcess, record: str, form: str) -> None:
    rec = find_record(a, record)
    if rec.form is None or not any(fold(form) in fold(t) for t in (rec.form.vi, rec.form.en) if t):
        actual: Message | str = rec.form.vi if rec.form else nothing()
        message = _("hồ sơ «{record}» của quy trình {code} theo mẫu «{actual}», không phải «{expected}»").format(
            code=a.code, record=rec.code, actual=actual, expected=form
        )
        raise a.finding(message, a.record_at(rec.code, "form") if rec.form else a.record_at(rec.code))


def _missing_fields(obj: object, fields: Iterable[str]) -> list[str]:
    return [name for name in fields if not getattr(obj, name)]


def _incomplete(a: AuditedProcess, items: Sequence[tuple[str, list[str]]]) -> list[Message]:
    listed = []
    for code, missing in items:
        labels = [_AUDIT_FIELD[name] for name in missing]
        listed.append(Message("{code} ({fields})", "{code} ({fields})").format(code=code, fields=join(labels, ", ")))
    return listed


def records_fully_kept(a: AuditedProcess) -> None:
    items = [(r.code, m) for r in a.process.records if (m := _missing_fields(r, ("kept_by", "location", "retention")))]
    if items:
        message = ngettext(
            "{count} hồ sơ của quy trình {code} thiếu thông tin lưu giữ: {items}",
            "{count} hồ sơ của quy trình {code} thiếu thông tin lưu giữ: {items}",
            len(items),
        ).format(code=a.code, count=len(items), items=listing(_incomplete(a, items)))
        raise a.finding(message, a.record_at(items[0][0]))


# --- KPIs --------------------------------------------------------------------------------------

_AT_LEAST = (Comparison.AT_LEAST, Comparison.MORE_THAN, Comparison.EQUAL)


def kpi_target_at_least(a: AuditedProcess, kpi: str, percent: float) -> None:
    found = find_kpi(a, kpi)
    target = found.target
    where = a.kpi_at(found.code, "target")
    if not target.is_percentage:
        raise a.finding(
            _("chỉ tiêu của chỉ số {kpi} là «{target}», không phải tỷ lệ phần trăm").format(kpi=found.code, target=target.text), where
        )
    if target.comparison not in _AT_LEAST or target.value < percent:
        minimum = f"{percent:g}"
        raise a.finding(
            _("chỉ tiêu của chỉ số {kpi} là «{target}», không bảo đảm mức tối thiểu {minimum}%").format(
                kpi=found.code, target=target.text, minimum=minimum
            ),
            where,
        )


def satisfaction_kpi_at_least(a: AuditedProcess, percent: float) -> None:
    service = a.process.citizen_service
    if service is None or service.satisfaction_kpi is None:
        raise a.finding(
            _("quy trình {code} không chỉ định chỉ số đo mức độ hài lòng (citizen_service.satisfaction_kpi)").format(code=a.code),
            a.at("citizen_service") if service else a.at("code"),
        )
    kpi_target_at_least(a, service.satisfaction_kpi, percent)


def kpi_count_at_least(a: AuditedProcess, count: int) -> None:
    if len(a.process.kpis) < count:
        raise a.finding(
            ngettext(
                "quy trình {code} có {count} chỉ số, tiêu chí yêu cầu ít nhất {minimum}",
                "quy trình {code} có {count} chỉ số, tiêu chí yêu cầu ít nhất {minimum}",
                len(a.process.kpis),
            ).format(code=a.code, count=len(a.process.kpis), minimum=count),
            a.at("kpis") if a.process.kpis else a.at("code"),
        )


def kpis_complete(a: AuditedProcess) -> None:
    items = [(k.code, m) for k in a.process.kpis if (m := _missing_fields(k, ("formula", "frequency", "data_source", "owner")))]
    if items:
        message = ngettext(
            "{count} chỉ số của quy trình {code} thiếu thông tin: {items}",
            "{count} chỉ số của quy trình {code} thiếu thông tin: {items}",
            len(items),
        ).format(code=a.code, count=len(items), items=listing(_incomplete(a, items)))
        raise a.finding(message, a.kpi_at(items[0][0]))
