"""Bilingual messages: Vietnamese first, English available.

Every user-facing sentence the toolkit produces lives in ``CATALOGUE`` as a
(Vietnamese, English) pair of ``str.format`` templates, so a translation can
be reviewed in one place and a message never exists in one language only.
A diagnostic carries both renderings (:class:`Message`); the output layer
picks one, so no global "current language" state is needed.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Lang(StrEnum):
    VI = "vi"
    EN = "en"


class Message(NamedTuple):
    """One sentence in both languages."""

    vi: str
    en: str

    def get(self, lang: Lang | str) -> str:
        return self.en if Lang(lang) is Lang.EN else self.vi

    def format(self, /, **args: object) -> Message:
        """Both templates filled in; an argument that is itself a :class:`Message` gives each language its own text."""
        vi = {k: v.vi if isinstance(v, Message) else v for k, v in args.items()}
        en = {k: v.en if isinstance(v, Message) else v for k, v in args.items()}
        return Message(self.vi.format(**vi), self.en.format(**en))


def msg(_key: str, /, **args: object) -> Message:
    """Render catalogue entry ``_key`` with ``args`` in both languages."""
    vi, en = CATALOGUE[_key]
    return Message(vi.format(**args), en.format(**args))


def join(parts: list[Message], sep: str = "; ") -> Message:
    return Message(sep.join(p.vi for p in parts), sep.join(p.en for p in parts))


def plural(n: int, vi: str, en_one: str, en_other: str, /, **args: object) -> Message:
    """A sentence about ``n`` things: Vietnamese has one form; English takes ``en_one`` for 1, else ``en_other``.

    The templates get ``n`` and ``args`` (``plural(n, "{n} lỗi", "{n} error", "{n} errors")``); this is
    the ``ngettext`` of the translation step to come.
    """
    return Message(vi, en_one if n == 1 else en_other).format(n=n, **args)


CATALOGUE: dict[str, tuple[str, str]] = {
    # --- reading the file -------------------------------------------------
    "file.not_found": ("không tìm thấy tệp hoặc thư mục «{path}»", "no file or folder «{path}»"),
    "file.not_found.hint": (
        "kiểm tra lại đường dẫn; lệnh nhận tệp .yaml/.yml hoặc thư mục chứa chúng",
        "check the path; the command takes .yaml/.yml files or folders containing them",
    ),
    "file.unreadable": ("không đọc được tệp: {error}", "cannot read the file: {error}"),
    "file.too_large": (
        "tệp quá lớn ({size} byte; tối đa {limit} byte)",
        "file too large ({size} bytes; at most {limit} bytes)",
    ),
    "file.too_large.hint": (
        "một quy trình thường chỉ vài chục KB; hãy tách thành các quy trình con",
        "a process is usually a few dozen KB; split it into sub-processes",
    ),
    "file.binary": ("tệp chứa byte NUL, không phải tệp văn bản YAML", "file contains NUL bytes: not a YAML text file"),
    "file.encoding": (
        "tệp không phải UTF-8: byte 0x{byte} không hợp lệ",
        "file is not UTF-8: invalid byte 0x{byte}",
    ),
    "file.encoding.hint": (
        "tệp có thể được lưu bằng bảng mã cũ (Windows-1258, TCVN3/ABC, VNI); "
        "hãy mở bằng trình soạn thảo và lưu lại với mã hoá UTF-8",
        "the file may be saved in a legacy Vietnamese encoding (Windows-1258, TCVN3/ABC, VNI); "
        "open it in an editor and save it as UTF-8",
    ),
    "file.empty": ("tệp rỗng", "the file is empty"),
    "file.empty.hint": (
        "dùng `qms new process MÃ` để tạo một quy trình mẫu",
        "run `qms new process CODE` to scaffold a process",
    ),
    # --- YAML syntax -----------------------------------------------------
    "yaml.syntax": ("lỗi cú pháp YAML: {problem}", "YAML syntax error: {problem}"),
    "yaml.syntax.hint": (
        "kiểm tra thụt lề (dùng dấu cách, không dùng Tab), dấu hai chấm sau tên trường, "
        "và đặt văn bản có dấu «: » hoặc «#» trong ngoặc kép",
        "check indentation (spaces, not tabs), the colon after each field name, "
        "and put text containing «: » or «#» in double quotes",
    ),
    # libyaml's own problem texts, translated (used verbatim, not formatted);
    # unknown ones are shown as libyaml wrote them.
    "yaml.problem.mapping values are not allowed here": (
        "không được đặt «trường: giá trị» ở đây (thường do thiếu ngoặc kép quanh văn bản có dấu «: », hoặc thụt lề sai)",
        "a «field: value» is not allowed here (usually text containing «: » without quotes, or wrong indentation)",
    ),
    "yaml.problem.mapping values are not allowed in this context": (
        "không được đặt «trường: giá trị» ở đây (văn bản có dấu «: » phải đặt trong ngoặc kép)",
        "a «field: value» is not allowed here (text containing «: » must be quoted)",
    ),
    "yaml.problem.could not find expected ':'": ("thiếu dấu hai chấm «:» sau tên trường", "missing «:» after a field name"),
    "yaml.problem.did not find expected key": (
        "thụt lề không khớp: dòng này không thẳng hàng với các trường cùng cấp",
        "indentation does not match: this line is not aligned with the fields at its level",
    ),
    "yaml.problem.did not find expected '-' indicator": (
        "thụt lề không khớp trong danh sách: mỗi phần tử bắt đầu bằng «- » thẳng hàng nhau",
        "list indentation does not match: items start with «- » aligned with each other",
    ),
    "yaml.problem.found character that cannot start any token": (
        "ký tự không thể bắt đầu một giá trị (thường là ký tự Tab; YAML chỉ thụt lề bằng dấu cách)",
        "a character that cannot start a value (usually a Tab; YAML indents with spaces only)",
    ),
    "yaml.problem.did not find expected ',' or ']'": ("thiếu dấu «,» hoặc «]» đóng danh sách", "missing «,» or closing «]»"),
    "yaml.problem.did not find expected ',' or '}'": ("thiếu dấu «,» hoặc «}» đóng ánh xạ", "missing «,» or closing «}»"),
    "yaml.problem.found unexpected end of stream": (
        "tệp kết thúc giữa chừng (ngoặc kép hoặc ngoặc chưa đóng)",
        "the file ends too early (an unclosed quote or bracket)",
    ),
    "yaml.problem.found undefined alias": ("bí danh (*tên) chưa được định nghĩa", "an alias (*name) that is not defined"),
    "yaml.problem.found unknown escape character": (
        "ký tự thoát «\\» không hợp lệ trong chuỗi ngoặc kép; dùng ngoặc đơn hoặc viết «\\\\»",
        "invalid «\\» escape in a double-quoted string; use single quotes or write «\\\\»",
    ),
    "yaml.problem.found unexpected ':'": ("dấu «:» không đúng chỗ", "unexpected «:»"),
    "yaml.control_char": (
        "ký tự điều khiển U+{code} không được phép trong tệp YAML",
        "control character U+{code} is not allowed in a YAML file",
    ),
    "yaml.control_char.hint": (
        "xoá ký tự này; nó thường lẫn vào khi dán văn bản từ Word, PDF hoặc trang web",
        "delete it; it usually comes with text pasted from Word, a PDF or a web page",
    ),
    "yaml.multi_document": (
        "tệp chứa nhiều tài liệu YAML (dấu ---); mỗi tệp chỉ mô tả một quy trình",
        "the file holds several YAML documents (---); one file describes one process",
    ),
    "yaml.multi_document.hint": ("tách mỗi quy trình ra một tệp riêng", "put each process in its own file"),
    "yaml.duplicate_key": (
        "trường «{key}» bị khai báo lặp (lần đầu ở dòng {first_line})",
        "field «{key}» is declared twice (first at line {first_line})",
    ),
    "yaml.duplicate_key.hint": (
        "xoá một trong hai dòng hoặc gộp nội dung; YAML chỉ giữ lại một giá trị và âm thầm bỏ giá trị kia",
        "delete one of the two or merge them; YAML would keep one value and silently drop the other",
    ),
    "yaml.complex_key": ("tên trường phải là một chuỗi đơn giản", "a field name must be a plain string"),
    "yaml.complex_key.hint": (
        "viết tên trường trên một dòng, theo sau là dấu hai chấm",
        "write the field name on one line followed by a colon",
    ),
    "yaml.too_deep": (
        "cấu trúc lồng nhau quá sâu (hơn {limit} mức)",
        "structure nested too deeply (more than {limit} levels)",
    ),
    "yaml.too_deep.hint": (
        "một quy trình hợp lệ không cần lồng sâu như vậy; kiểm tra các dấu [ và {{ chưa đóng",
        "a valid process never nests this deep; look for unclosed [ and {{",
    ),
    "yaml.alias_bomb": (
        "các bí danh YAML (*tên) mở rộng thành hơn {limit} phần tử — tệp bị từ chối để tránh treo máy",
        "YAML aliases (*name) expand to more than {limit} nodes: file refused to avoid exhausting memory",
    ),
    "yaml.alias_bomb.hint": (
        "dùng neo (&) và bí danh (*) ít hơn, hoặc viết trực tiếp nội dung",
        "use fewer anchors (&) and aliases (*), or write the content out",
    ),
    "yaml.recursive_alias": ("bí danh *{name} tham chiếu đến chính nó", "alias *{name} refers to itself"),
    "yaml.unknown_alias": ("bí danh *{name} chưa được định nghĩa bằng &{name}", "alias *{name} is not defined by &{name}"),
    "yaml.tag": ("thẻ YAML «{tag}» không được hỗ trợ", "YAML tag «{tag}» is not supported"),
    "yaml.tag.hint": (
        "xoá thẻ; các giá trị được đọc như văn bản và kiểm tra theo lược đồ",
        "remove the tag; values are read as text and checked against the schema",
    ),
    "yaml.merge": (
        "khoá gộp «<<» phải trỏ tới một ánh xạ hoặc danh sách ánh xạ",
        "merge key «<<» must point to a mapping or a list of mappings",
    ),
    "yaml.not_mapping": (
        "tệp quy trình phải là một ánh xạ (các dòng «trường: giá trị»)",
        "a process file must be a mapping («field: value» lines)",
    ),
    # --- schema (pydantic) -----------------------------------------------
    "schema.missing": ("thiếu trường bắt buộc «{field}»", "required field «{field}» is missing"),
    "schema.missing.hint": (
        "thêm «{field}: ...» vào {where}; xem tài liệu tham chiếu định dạng (docs/reference/process-format.md)",
        "add «{field}: ...» to {where}; see the format reference (docs/reference/process-format.md)",
    ),
    "schema.extra": ("trường «{field}» không có trong định dạng quy trình", "field «{field}» is not part of the process format"),
    "schema.extra.hint_close": ("có phải ý bạn là «{suggestion}»?", "did you mean «{suggestion}»?"),
    "schema.extra.hint_list": ("các trường hợp lệ ở đây: {allowed}", "fields allowed here: {allowed}"),
    "schema.choice": ("giá trị «{value}» không hợp lệ", "value «{value}» is not allowed"),
    "schema.choice.hint": ("chọn một trong: {choices}", "choose one of: {choices}"),
    "schema.choice.hint_close": ("có phải ý bạn là «{suggestion}»? Các giá trị hợp lệ: {choices}", "did you mean «{suggestion}»? Allowed: {choices}"),
    "schema.date": ("«{value}» không phải là ngày hợp lệ", "«{value}» is not a valid date"),
    "schema.date.hint": (
        "viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-07-01 cho ngày 01/7/2025",
        "write dates as YEAR-MONTH-DAY, e.g. 2025-07-01",
    ),
    "schema.int": ("«{value}» không phải là số nguyên", "«{value}» is not a whole number"),
    "schema.int.hint": ("ghi một số nguyên, ví dụ 3", "write a whole number, e.g. 3"),
    "schema.number_range": ("giá trị {value} nằm ngoài khoảng cho phép ({range})", "value {value} is outside the allowed range ({range})"),
    "schema.bool": ("«{value}» không phải là giá trị đúng/sai", "«{value}» is not a true/false value"),
    "schema.bool.hint": ("ghi true hoặc false", "write true or false"),
    "schema.expect_text": ("cần một đoạn văn bản, không phải {got}", "expected text, not {got}"),
    "schema.expect_text.hint": (
        "ghi văn bản trên cùng dòng sau dấu hai chấm, hoặc {{vi: ..., en: ...}}",
        "write the text after the colon, or {{vi: ..., en: ...}}",
    ),
    "schema.expect_list": ("cần một danh sách, không phải {got}", "expected a list, not {got}"),
    "schema.expect_list.hint": (
        "viết mỗi phần tử trên một dòng bắt đầu bằng «- », hoặc [a, b]",
        "write one item per line starting with «- », or [a, b]",
    ),
    "schema.expect_mapping": ("cần một ánh xạ (các dòng «trường: giá trị»), không phải {got}", "expected a mapping («field: value» lines), not {got}"),
    "schema.expect_mapping.hint": (
        "thụt lề các trường con thêm hai dấu cách dưới dòng này",
        "indent the sub-fields two spaces below this line",
    ),
    "schema.too_short": ("cần ít nhất {min} phần tử", "needs at least {min} items"),
    "schema.empty_text": ("văn bản không được để trống", "text must not be empty"),
    "schema.pattern": ("«{value}» không đúng dạng {what}", "«{value}» is not a valid {what}"),
    "schema.other": ("giá trị không hợp lệ: {detail}", "invalid value: {detail}"),
    "what.step_id": ("mã bước", "step id"),
    "what.role_id": ("mã vai trò", "role id"),
    "what.legal_id": ("mã tham chiếu văn bản pháp lý", "legal document id"),
    "what.kpi_code": ("mã chỉ số KPI", "KPI code"),
    "what.risk_code": ("mã rủi ro", "risk code"),
    "hint.legal_id": (
        "mã tham chiếu chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ nd-118-2025{suggestion}",
        "a legal document id uses lowercase ASCII letters, digits and hyphens, e.g. nd-118-2025{suggestion}",
    ),
    "hint.kpi_code": (
        "mã KPI gồm chữ không dấu, số, «-», «.» và «/», ví dụ KPI-01{suggestion}",
        "a KPI code uses ASCII letters, digits, «-», «.» and «/», e.g. KPI-01{suggestion}",
    ),
    "hint.risk_code": (
        "mã rủi ro gồm chữ không dấu, số, «-», «.» và «/», ví dụ RR-01{suggestion}",
        "a risk code uses ASCII letters, digits, «-», «.» and «/», e.g. RR-01{suggestion}",
    ),
    "what.process_code": ("mã quy trình", "process code"),
    "what.record_code": ("mã hồ sơ/biểu mẫu", "record code"),
    "what.version": ("số phiên bản", "version number"),
    "what.clause": ("điều khoản ISO", "ISO clause"),
    "hint.step_id": (
        "mã bước chỉ gồm chữ thường không dấu, số và dấu gạch ngang{suggestion}",
        "a step id uses lowercase ASCII letters, digits and hyphens{suggestion}",
    ),
    "hint.role_id": (
        "mã vai trò chỉ gồm chữ thường không dấu, số và dấu gạch ngang{suggestion}",
        "a role id uses lowercase ASCII letters, digits and hyphens{suggestion}",
    ),
    "hint.process_code": (
        "mã quy trình gồm chữ in hoa không dấu, số, «-» và «.», ví dụ QT-TTHC-01{suggestion}",
        "a process code uses uppercase ASCII letters, digits, «-» and «.», e.g. QT-TTHC-01{suggestion}",
    ),
    "hint.record_code": (
        "mã hồ sơ gồm chữ không dấu, số, «-», «.» và «/», ví dụ BM-01{suggestion}",
        "a record code uses ASCII letters, digits, «-», «.» and «/», e.g. BM-01{suggestion}",
    ),
    "hint.version": (
        "ghi số phiên bản dạng 1.0 hoặc 2.1; đặt trong ngoặc kép nếu trình soạn thảo tự đổi",
        "write versions as 1.0 or 2.1; quote them if an editor rewrites them",
    ),
    "hint.clause": ("ghi điều khoản dạng 8.5.1", "write a clause as 8.5.1"),
    "hint.suggest": ("; có thể dùng «{value}»", "; you could use «{value}»"),
    # --- domain value types ----------------------------------------------
    "duration.invalid": ("«{value}» không phải là thời lượng hợp lệ", "«{value}» is not a valid duration"),
    "duration.invalid.hint": (
        "ghi như «3 ngày làm việc», «4 giờ» (hoặc 4h), «30 phút», «1 ngày làm việc 4 giờ», «10 ngày lịch»",
        "write e.g. «3 ngày làm việc» (3 working days), «4h», «30 phút» (30 minutes), «10 ngày lịch» (10 calendar days)",
    ),
    "duration.bare_day": ("«{value}»: chưa rõ là ngày làm việc hay ngày lịch", "«{value}»: working days or calendar days?"),
    "duration.bare_day.hint": (
        "thời hạn TTHC tính bằng ngày làm việc: ghi «{n} ngày làm việc»; nếu là ngày lịch, ghi «{n} ngày lịch»",
        "TTHC limits count working days: write «{n} ngày làm việc»; for calendar days write «{n} ngày lịch»",
    ),
    "target.invalid": ("«{value}» không phải là chỉ tiêu hợp lệ", "«{value}» is not a valid target"),
    "target.invalid.hint": (
        "ghi như «>= 95%», «100%», «<= 2 ngày làm việc» hoặc «>= 4.5»",
        "write e.g. «>= 95%», «100%», «<= 2 ngày làm việc» or «>= 4.5»",
    ),
    "retention.invalid": ("«{value}» không phải là thời hạn lưu trữ hợp lệ", "«{value}» is not a valid retention period"),
    "retention.invalid.hint": (
        "ghi như «5 năm», «18 tháng», «vĩnh viễn» hoặc «10 years»",
        "write e.g. «5 năm» (5 years), «18 tháng» (18 months), «vĩnh viễn» (permanent)",
    ),
    "step.next_required": ("bước loại «{type}» phải có «next» chỉ tới một bước", "a «{type}» step needs «next» naming one step"),
    "step.next_required.hint": ("thêm «next: mã-bước-tiếp-theo»", "add «next: id-of-the-following-step»"),
    "step.next_single": ("bước loại «{type}» chỉ đi tới một bước: «next» là một mã bước", "a «{type}» step leads to one step: «next» is one step id"),
    "step.next_single.hint": (
        "để rẽ nhánh, dùng một bước «type: decision» với «branches: [{{when: ..., to: ...}}]»",
        "to branch, use a «type: decision» step with «branches: [{{when: ..., to: ...}}]»",
    ),
    "step.branches_required": (
        "bước quyết định cần liệt kê các nhánh trong «branches»",
        "a decision step needs its branches listed under «branches»",
    ),
    "step.branches_not_next": (
        "bước quyết định liệt kê các nhánh trong «branches», không dùng «next»",
        "a decision step lists its branches under «branches», not «next»",
    ),
    "step.branches_required.hint": (
        "ví dụ: branches: [{{when: Đủ, to: tham-dinh}}, {{when: Chưa đủ, to: yeu-cau-bo-sung}}]",
        "e.g. branches: [{{when: Complete, to: review}}, {{when: Incomplete, to: request-supplement}}]",
    ),
    "step.end_has_next": ("bước kết thúc không có bước tiếp theo", "an end step has no following step"),
    "step.end_has_next.hint": ("xoá «next» hoặc đổi «type» thành task", "remove «next» or change «type» to task"),
    "step.calls_required": ("bước quy trình con phải có «calls: MÃ-QUY-TRÌNH»", "a subprocess step needs «calls: PROCESS-CODE»"),
    "step.calls_required.hint": ("ghi mã của quy trình được gọi, ví dụ calls: QT-VB-01", "name the called process, e.g. calls: QT-VB-01"),
    "step.calls_only_subprocess": ("chỉ bước «type: subprocess» mới có «calls»", "only a «type: subprocess» step has «calls»"),
    "step.calls_only_subprocess.hint": ("đổi «type» thành subprocess hoặc xoá «calls»", "set «type: subprocess» or remove «calls»"),
    "step.part_without_calls": ("«calls_part» chỉ có nghĩa khi bước gọi một quy trình («calls»)", "«calls_part» needs a called process («calls»)"),
    "step.part_without_calls.hint": ("thêm «calls: <mã quy trình>» hoặc xoá «calls_part»", "add «calls: <process code>» or remove «calls_part»"),
    # --- references --------------------------------------------------------
    "ref.unknown": ("{kind} «{name}» không tồn tại", "{kind_en} «{name}» does not exist"),
    "ref.hint_close": ("có phải ý bạn là «{suggestion}»?", "did you mean «{suggestion}»?"),
    "ref.hint_list": ("{kind} đã khai báo: {known}", "declared {kind_en}s: {known}"),
    "ref.hint_none": ("chưa khai báo {kind} nào; thêm vào mục «{section}»", "no {kind_en} is declared; add it under «{section}»"),
    "ref.duplicate": ("{kind} «{name}» bị khai báo hai lần (lần đầu ở dòng {first_line})", "{kind_en} «{name}» is declared twice (first at line {first_line})"),
    "ref.duplicate.hint": ("mỗi mã chỉ dùng một lần; đổi tên một trong hai", "each code is used once; rename one of them"),
    "ref.duplicate_process": (
        "mã quy trình «{code}» đã được dùng ở {other}",
        "process code «{code}» is already used in {other}",
    ),
    "ref.duplicate_process.hint": (
        "mỗi quy trình có một mã duy nhất; phiên bản mới của cùng quy trình thay tệp cũ, không thêm tệp",
        "each process has one unique code; a new version replaces the old file rather than adding one",
    ),
    "kind.step": ("bước", "step"),
    "kind.role": ("vai trò", "role"),
    "kind.record": ("hồ sơ/biểu mẫu", "record"),
    "kind.process": ("quy trình", "process"),
    "kind.legal": ("văn bản pháp lý", "legal document"),
    "kind.kpi": ("chỉ số KPI", "KPI"),
    "kind.risk": ("rủi ro", "risk"),
    # --- CLI ----------------------------------------------------------------
    "cli.no_files": ("không có tệp quy trình (.yaml, .yml) nào trong {paths}", "no process files (.yaml, .yml) in {paths}"),
    "cli.summary.files": ("Tệp đã đọc", "Files read"),
    "cli.summary.processes": ("Quy trình hợp lệ", "Valid processes"),
    "cli.summary.errors": ("Lỗi", "Errors"),
    "cli.summary.warnings": ("Cảnh báo", "Warnings"),
    "cli.valid": ("Tất cả {n} quy trình đều hợp lệ.", "All {n} processes are valid."),
    "cli.invalid": ("Có {n} lỗi cần sửa trong {files} tệp.", "{n} errors to fix in {files} files."),
    "cli.hint": ("gợi ý", "hint"),
    "cli.severity.error": ("lỗi", "error"),
    "cli.severity.warning": ("cảnh báo", "warning"),
    "cli.severity.info": ("thông tin", "info"),
    "cli.new.exists": ("tệp «{path}» đã tồn tại; không ghi đè", "«{path}» already exists; not overwritten"),
    "cli.new.created": ("Đã tạo {path}", "Created {path}"),
    "cli.new.bad_code": ("mã quy trình «{code}» không hợp lệ", "process code «{code}» is not valid"),
    "cli.schema.written": ("Đã ghi {path}", "Written: {path}"),
    "cli.check.waived": ("đã miễn", "waived"),
    "cli.check.summary_title": ("Tổng hợp theo quy tắc", "Summary by rule"),
    "cli.check.col_rule": ("Mã", "Code"),
    "cli.check.col_title": ("Quy tắc", "Rule"),
    "cli.check.col_severity": ("Mức", "Severity"),
    "cli.check.col_count": ("Phát hiện", "Findings"),
    "cli.check.col_waived": ("Đã miễn", "Waived"),
    "cli.check.totals": (
        "{processes} quy trình, {rules} quy tắc: {errors} lỗi, {warnings} cảnh báo, {infos} thông tin, "
        "{waived} đã miễn, {load_errors} tệp lỗi định dạng.",
        "{processes} processes, {rules} rules: {errors} errors, {warnings} warnings, {infos} infos, "
        "{waived} waived, {load_errors} load errors.",
    ),
    "cli.coverage.title": ("Ma trận điều khoản ISO", "ISO clause coverage"),
    "cli.coverage.standard": ("Tiêu chuẩn", "Standard"),
    "cli.coverage.clause": ("Điều khoản / lĩnh vực", "Clause / area"),
    "cli.coverage.processes": ("Quy trình đáp ứng", "Evidenced by"),
    "cli.coverage.rules": ("Quy tắc kiểm tra", "Checked by"),
    "cli.coverage.none": ("— chưa có —", "— none —"),
    "cli.coverage.gaps": (
        "{n} điều khoản/lĩnh vực chưa có quy trình đáp ứng hoặc quy tắc kiểm tra: {keys}",
        "{n} clauses/areas with no evidencing process or no checking rule: {keys}",
    ),
    "cli.coverage.not_applicable": ("không áp dụng: {reason}", "not applicable: {reason}"),
    "cli.coverage.excluded": (
        "Không áp dụng (ISO 9001 4.3, theo cấu hình dự án): {keys}",
        "Not applicable (ISO 9001 4.3, from the project configuration): {keys}",
    ),
    "cli.coverage.no_gaps": ("Mọi điều khoản đều có quy trình đáp ứng và quy tắc kiểm tra.", "Every clause has an evidencing process and a checking rule."),
    "cli.render.progress": ("Đang vẽ lưu đồ", "Drawing flowcharts"),
    "cli.render.done": ("Đã vẽ {n} lưu đồ vào {folder}", "{n} flowcharts written to {folder}"),
    "cli.render.graphviz": (
        "không chạy được graphviz ({error}); cài gói graphviz (apt-get install graphviz fonts-noto-core)",
        "graphviz could not run ({error}); install it (apt-get install graphviz fonts-noto-core)",
    ),
    "cli.render.bad_findings": (
        "không đọc được tệp phát hiện {path}: {error}; dùng tệp JSON của «qms check --format json»",
        "cannot read the findings file {path}: {error}; use the JSON of «qms check --format json»",
    ),
    "cli.handbook.print_title": ("Sổ tay quy trình ISO", "ISO process handbook"),
    "cli.handbook.print_failed": (
        "không in được PDF bằng Chromium ({error}); cài gói chromium (apt-get install chromium) và playwright",
        "could not print the PDF with Chromium ({error}); install chromium (apt-get install chromium) and playwright",
    ),
    "cli.bpmn.exported": ("Đã xuất {n} tệp BPMN vào {folder}", "{n} BPMN files written to {folder}"),
    "cli.bpmn.imported": (
        "Đã tạo {path} ({n} ghi chú về phần không chuyển được; xem đầu tệp)",
        "Created {path} ({n} notes on what could not be mapped; see the top of the file)",
    ),
    "cli.audit.running": ("Đang đánh giá theo các tiêu chí…", "Running the audit criteria…"),
    "cli.handbook.built": ("Đã tạo trang web sổ tay tại {path}", "Handbook site built in {path}"),
    "cli.handbook.published": ("Đã phát hành sổ tay phiên bản {version}", "Handbook version {version} published"),
    "cli.handbook.exported": ("Đã xuất sổ tay ra {path}", "Handbook exported to {path}"),
    "cli.handbook.in_force": ("Ngày {day}: sổ tay phiên bản {version} (hiệu lực từ {effective})", "On {day}: handbook version {version} (in force from {effective})"),
    "cli.handbook.none_in_force": ("Không có phiên bản sổ tay nào có hiệu lực vào ngày {day}", "No handbook version was in force on {day}"),
    "cli.rules.unknown": ("không có quy tắc «{code}»", "no rule «{code}»"),
    "cli.rules.col_name": ("Tên", "Name"),
    "cli.rules.col_basis": ("Căn cứ", "Basis"),
    "load.one_file": (
        "qms.load() đọc một tệp quy trình; «{path}» là thư mục — dùng qms.load_paths() để đọc cả thư mục",
        "qms.load() reads one process file; «{path}» is a folder: use qms.load_paths() for folders",
    ),
    # --- BPMN exchange (qms.bpmn) ----------------------------------------------
    "bpmn.name.start": ("Bắt đầu", "Start"),
    "bpmn.name.end": ("Kết thúc", "End"),
    "bpmn.name.task": ("Công việc", "Task"),
    "bpmn.name.decision": ("Quyết định", "Decision"),
    "bpmn.name.branch": ("Nhánh {n}", "Branch {n}"),
    "bpmn.name.role": ("Người thực hiện", "Performer"),
    "bpmn.lane.unassigned": ("Chưa phân công vai trò", "No role assigned"),
    "bpmn.unreadable": ("không đọc được tệp BPMN «{path}»: {error}", "cannot read the BPMN file «{path}»: {error}"),
    "bpmn.unwritable": ("không ghi được tệp «{path}»: {error}", "cannot write «{path}»: {error}"),
    "bpmn.too_large": ("tệp BPMN quá lớn ({size} byte; tối đa {limit} byte)", "BPMN file too large ({size} bytes; at most {limit} bytes)"),
    "bpmn.empty": ("tệp BPMN rỗng", "the BPMN file is empty"),
    "bpmn.malformed": (
        "tệp BPMN không phải XML hợp lệ (dòng {line}, cột {column}): {error}",
        "the BPMN file is not well-formed XML (line {line}, column {column}): {error}",
    ),
    "bpmn.doctype": (
        "tệp BPMN có khai báo DOCTYPE hoặc thực thể XML; tệp bị từ chối để tránh tấn công (billion laughs, XXE) — "
        "tệp do Camunda Modeler hoặc bpmn.io tạo không bao giờ có khai báo này",
        "the BPMN file has a DOCTYPE or XML entity declaration; it is refused as unsafe (billion laughs, XXE) — "
        "files saved by Camunda Modeler or bpmn.io never contain one",
    ),
    "bpmn.too_deep": ("XML lồng nhau quá sâu (hơn {limit} mức)", "XML nested too deeply (more than {limit} levels)"),
    "bpmn.not_bpmn": (
        "đây không phải tệp BPMN 2.0: phần tử gốc là «{root}», cần «definitions» thuộc không gian tên {namespace}",
        "not a BPMN 2.0 file: the root element is «{root}», expected «definitions» in namespace {namespace}",
    ),
    "bpmn.no_process": ("tệp BPMN không có quy trình (process) nào có bước", "the BPMN file has no process with any flow node"),
    "bpmn.bad_code": (
        "mã quy trình «{code}» không hợp lệ: dùng chữ in hoa không dấu, số, «-» và «.», ví dụ QT-TTHC-01",
        "process code «{code}» is not valid: use uppercase ASCII letters, digits, «-» and «.», e.g. QT-TTHC-01",
    ),
    "bpmn.exists": ("tệp «{path}» đã tồn tại; không ghi đè", "«{path}» already exists; not overwritten"),
    "bpmn.yaml.header": (
        "Tệp này do lệnh nhập BPMN của qms tạo ra; hãy kiểm tra trước khi trình phê duyệt.",
        "Written by the BPMN import of qms; review it before submitting it for approval.",
    ),
    "bpmn.note.header": ("Những điểm cần xem lại sau khi nhập từ BPMN:", "Points to review after importing from BPMN:"),
    "bpmn.note.other_process": (
        "chỉ nhập quy trình «{used}»; quy trình/bể «{name}» bị bỏ qua",
        "only process «{used}» is imported; process/pool «{name}» is ignored",
    ),
    "bpmn.note.message_flow": (
        "luồng thông điệp (message flow) «{name}» giữa các bể không có trong định dạng quy trình; đã bỏ qua",
        "message flow «{name}» between pools has no place in the process format; ignored",
    ),
    "bpmn.note.unsupported_gateway": (
        "cổng «{kind}» không có trong định dạng quy trình (chỉ có bước quyết định chọn một nhánh); "
        "đã chuyển thành bước quyết định — kiểm tra lại vì các nhánh song song nay thành lựa chọn",
        "a «{kind}» gateway has no equivalent (qms decisions choose one branch); "
        "it became a decision step — review it: parallel branches are now alternatives",
    ),
    "bpmn.note.join_dropped": (
        "cổng «{kind}» chỉ dùng để hợp nhánh nên được bỏ; các luồng vào đi thẳng tới bước sau",
        "«{kind}» gateway only joins flows and was dropped; incoming flows lead straight to the next step",
    ),
    "bpmn.note.intermediate_event": (
        "sự kiện trung gian «{name}» ({kind}) không có trong định dạng quy trình; đã chuyển thành bước công việc",
        "intermediate event «{name}» ({kind}) has no equivalent; it became a task step",
    ),
    "bpmn.note.boundary_event": (
        "sự kiện biên «{name}» ({kind}) gắn vào «{host}» không có trong định dạng quy trình; "
        "đã bỏ qua sự kiện và các luồng đi ra từ nó",
        "boundary event «{name}» ({kind}) on «{host}» has no equivalent; the event and its outgoing flows are ignored",
    ),
    "bpmn.note.event_definition": (
        "sự kiện «{name}» có kiểu {kind}; định dạng quy trình chỉ có bắt đầu/kết thúc thường nên kiểu này bị bỏ qua",
        "event «{name}» is a {kind} event; the process format has plain start/end only, so the trigger is ignored",
    ),
    "bpmn.note.artifact": (
        "phần tử «{name}» ({kind}: dữ liệu, chú thích, nhóm) không được nhập; ghi nội dung vào đầu vào/đầu ra hoặc mô tả bước nếu cần",
        "element «{name}» ({kind}: data, annotation, group) is not imported; put it in a step's inputs/outputs or description if needed",
    ),
    "bpmn.note.unknown_element": ("phần tử BPMN «{kind}» không được hỗ trợ; đã bỏ qua", "BPMN element «{kind}» is not supported; ignored"),
    "bpmn.note.missing_name": ("phần tử {kind} chưa có tên; tạm đặt «{name}»", "the {kind} has no name; named «{name}» for now"),
    "bpmn.note.unnamed_branch": (
        "nhánh từ «{source}» tới «{target}» chưa có nhãn; tạm đặt «{label}»",
        "the branch from «{source}» to «{target}» has no label; labelled «{label}» for now",
    ),
    "bpmn.note.extra_outgoing": (
        "bước «{name}» có {n} luồng đi ra nhưng không phải cổng quyết định; chỉ giữ luồng tới «{kept}», bỏ luồng tới {dropped}",
        "step «{name}» has {n} outgoing flows but is not a gateway; only the flow to «{kept}» is kept, dropped: {dropped}",
    ),
    "bpmn.note.no_outgoing": (
        "bước «{name}» không có luồng đi ra; đã thêm bước kết thúc «{end}» sau nó",
        "step «{name}» has no outgoing flow; an end step «{end}» was added after it",
    ),
    "bpmn.note.gateway_dead_end": (
        "cổng «{name}» không có luồng đi ra; đã chuyển thành bước kết thúc",
        "gateway «{name}» has no outgoing flow; it became an end step",
    ),
    "bpmn.note.end_outgoing": (
        "sự kiện kết thúc «{name}» có luồng đi ra; các luồng này bị bỏ",
        "end event «{name}» has outgoing flows; they are dropped",
    ),
    "bpmn.note.dangling_flow": (
        "luồng «{flow}» nối tới phần tử không được nhập hoặc không tồn tại; đã bỏ",
        "flow «{flow}» connects to an element that is not imported or does not exist; dropped",
    ),
    "bpmn.note.subprocess_no_call": (
        "quy trình con «{name}» không gọi quy trình nào (không có calledElement); đã chuyển thành bước công việc",
        "sub-process «{name}» calls no process (no calledElement); it became a task step",
    ),
    "bpmn.note.subprocess_content": (
        "nội dung bên trong quy trình con mở rộng «{name}» không được nhập; hãy mô tả nó thành một quy trình riêng",
        "the inside of expanded sub-process «{name}» is not imported; describe it as a process of its own",
    ),
    "bpmn.note.called_invalid": (
        "«{name}» gọi «{called}», không phải mã quy trình hợp lệ; đã chuyển thành bước công việc",
        "«{name}» calls «{called}», which is not a valid process code; it became a task step",
    ),
    "bpmn.note.no_lanes": (
        "không có làn (lane): mọi bước được giao cho vai trò «{role}»",
        "no lanes: every step is given to role «{role}»",
    ),
    "bpmn.note.nested_lanes": (
        "làn lồng nhau trong «{name}»: mỗi làn con thành một vai trò",
        "nested lanes in «{name}»: each innermost lane becomes a role",
    ),
    "bpmn.note.lane_by_position": (
        "bước «{name}» không được liệt kê trong làn nào; xếp vào «{lane}» theo vị trí trên sơ đồ",
        "step «{name}» is not listed in any lane; put in «{lane}» by its position in the diagram",
    ),
    "bpmn.note.no_lane": ("bước «{name}» không thuộc làn nào nên chưa có vai trò", "step «{name}» is in no lane, so it has no role"),
    "bpmn.note.code_derived": (
        "mã quy trình «{code}» được suy ra từ tệp BPMN; đổi bằng tham số mã quy trình nếu cần",
        "process code «{code}» was derived from the BPMN file; pass a code to choose another",
    ),
    "bpmn.note.title_missing": ("quy trình chưa có tên; tạm đặt «{title}»", "the process has no name; titled «{title}» for now"),
    "bpmn.note.no_start": ("quy trình không có sự kiện bắt đầu", "the process has no start event"),
    "bpmn.note.no_end": ("quy trình không có sự kiện kết thúc", "the process has no end event"),
    "bpmn.note.text_changed": (
        "{what} «{text}» đã được sửa trong BPMN; bản dịch ({other}) cũ được giữ lại, hãy kiểm tra",
        "{what} «{text}» was changed in BPMN; the old {other} translation is kept, check it",
    ),
    "bpmn.note.dropped_reference": (
        "{where} tham chiếu bước «{step}» không còn trong sơ đồ; đã bỏ tham chiếu này",
        "{where} refers to step «{step}», which is no longer in the diagram; the reference is dropped",
    ),
    "bpmn.note.dropped_record": (
        "bước «{step}» ghi hồ sơ «{code}» không được khai báo; đã bỏ",
        "step «{step}» lists record «{code}», which is not declared; dropped",
    ),
    "bpmn.note.bad_extension": (
        "dữ liệu qms trong tệp BPMN không đọc được ({error}); chỉ dùng phần BPMN",
        "the qms data in the BPMN file cannot be read ({error}); only the BPMN part is used",
    ),
    "bpmn.what.step": ("tên bước", "step name"),
    "bpmn.what.role": ("tên vai trò", "role name"),
    "bpmn.what.branch": ("nhãn nhánh", "branch label"),
    "bpmn.what.description": ("mô tả bước", "step description"),
    "bpmn.what.title": ("tên quy trình", "process title"),
    "cli.new.empty_title": ("tên quy trình không được để trống", "the process title must not be empty"),
    "cli.internal_error": (
        "lỗi nội bộ của qms ({error}); vui lòng báo lỗi kèm tệp đầu vào",
        "internal qms error ({error}); please report it with the input file",
    ),
    # --- audit criteria (qms.audit: Gherkin steps, findings, audit reports) -----------------
    "audit.close": (" (có phải «{names}»?)", " (did you mean «{names}»?)"),
    "audit.none": ("chưa có", "none"),
    "audit.process.unknown": ("không có quy trình «{code}» trong {folder}{close}", "no process «{code}» in {folder}{close}"),
    "audit.process.unknown.hint": (
        "kiểm tra mã quy trình trong tiêu chí, hoặc chọn thư mục quy trình bằng --qms-processes hay biến môi trường QMS_PROCESSES",
        "check the process code in the criterion, or choose the process folder with --qms-processes or QMS_PROCESSES",
    ),
    "audit.process.invalid": (
        "tệp của quy trình «{code}» có lỗi nên chưa đánh giá được: {problem}",
        "the file of process «{code}» has errors, so it cannot be audited: {problem}",
    ),
    "audit.process.invalid.hint": ("sửa lỗi bằng «qms validate» rồi đánh giá lại", "fix it with «qms validate», then audit again"),
    "audit.process.none_chosen": (
        "tiêu chí chưa chọn quy trình nào: bắt đầu kịch bản bằng bước «Biết quy trình \"MÃ\"»",
        "the criterion chooses no process: start the scenario with «Given the process \"CODE\"»",
    ),
    "audit.value.invalid": ("«{value}» không phải {kind} hợp lệ", "«{value}» is not a valid {kind}"),
    "audit.value.duration": ("thời lượng", "duration"),
    "audit.value.duration.hint": (
        "viết ví dụ «5 ngày làm việc», «4 giờ», «30 phút»; «ngày» phải ghi rõ ngày làm việc hay ngày lịch",
        "write e.g. «5 working days», «4 hours», «30 minutes»; a day must say working or calendar day",
    ),
    "audit.value.status": ("trạng thái", "status"),
    "audit.value.status.hint": ("dùng: dự thảo, đang xem xét, đã phê duyệt, hết hiệu lực", "use: draft, review, approved, obsolete"),
    "audit.value.severity": ("mức", "severity"),
    "audit.value.severity.hint": ("dùng: lỗi, cảnh báo, thông tin", "use: error, warning, info"),
    "audit.status.draft": ("dự thảo", "draft"),
    "audit.status.review": ("đang xem xét", "in review"),
    "audit.status.approved": ("đã phê duyệt", "approved"),
    "audit.status.obsolete": ("hết hiệu lực", "obsolete"),
    "audit.authority.approve": ("phê duyệt", "approve"),
    "audit.authority.sign": ("ký ban hành", "sign"),
    # who and what
    "audit.owner.mismatch": (
        "quy trình {code} do vai trò «{actual}» chủ trì, không phải «{expected}»",
        "process {code} is owned by role «{actual}», not «{expected}»",
    ),
    "audit.role.missing": ("quy trình {code} không có vai trò «{role}»{close}", "process {code} has no role «{role}»{close}"),
    "audit.step.missing": ("quy trình {code} không có bước «{step}»{close}", "process {code} has no step «{step}»{close}"),
    "audit.record.missing": ("quy trình {code} không có hồ sơ, biểu mẫu «{record}»{close}", "process {code} has no record «{record}»{close}"),
    "audit.kpi.missing": ("quy trình {code} không có chỉ số «{kpi}»{close}", "process {code} has no KPI «{kpi}»{close}"),
    "audit.legal.missing": (
        "quy trình {code} không nêu căn cứ pháp lý «{number}»{close}",
        "process {code} does not cite legal document «{number}»{close}",
    ),
    "audit.status.mismatch": (
        "quy trình {code} đang ở trạng thái «{actual}», tiêu chí yêu cầu «{expected}»",
        "process {code} has status «{actual}»; the criterion requires «{expected}»",
    ),
    "audit.approval.missing": (
        "quy trình {code} chưa ghi người phê duyệt (approval.approved)",
        "process {code} records no approver (approval.approved)",
    ),
    "audit.approval.other": (
        "quy trình {code} được phê duyệt bởi vai trò «{actual}», không phải «{expected}»",
        "process {code} is approved by role «{actual}», not «{expected}»",
    ),
    "audit.approval.no_preparer": (
        "quy trình {code} chưa ghi người soạn thảo (approval.prepared) nên không xác định được người phê duyệt có độc lập không",
        "process {code} records no drafter (approval.prepared), so the approver's independence cannot be judged",
    ),
    "audit.approval.self": (
        "người phê duyệt quy trình {code} cũng là người soạn thảo ({who})",
        "process {code} is approved by its own drafter ({who})",
    ),
    "audit.approval.no_authority": (
        "vai trò phê duyệt «{role}» của quy trình {code} không có thẩm quyền phê duyệt (authority: approve)",
        "the approving role «{role}» of process {code} holds no approval authority (authority: approve)",
    ),
    "audit.approval.no_dates": (
        "quy trình {code} thiếu ngày phê duyệt hoặc ngày hiệu lực",
        "process {code} lacks an approval date or an effective date",
    ),
    "audit.approval.after_effective": (
        "quy trình {code} có hiệu lực từ {effective}, trước ngày phê duyệt {approved}",
        "process {code} is in force from {effective}, before its approval on {approved}",
    ),
    "audit.revision.missing": (
        "lịch sử sửa đổi của quy trình {code} không có dòng nào cho phiên bản hiện hành {version}",
        "the revision history of process {code} has no entry for the current version {version}",
    ),
    "audit.steps.no_role": (
        "{count} bước của quy trình {code} chưa có vai trò thực hiện: {steps}",
        "{count} steps of process {code} have no responsible role: {steps}",
    ),
    "audit.step.role": (
        "bước «{step}» của quy trình {code} do vai trò «{actual}» thực hiện, không phải «{expected}»",
        "step «{step}» of process {code} is done by role «{actual}», not «{expected}»",
    ),
    "audit.authority.missing": (
        "{count} bước của quy trình {code} do vai trò không có thẩm quyền tương ứng thực hiện: {steps}",
        "{count} steps of process {code} are done by a role without the matching authority: {steps}",
    ),
    # time
    "audit.deadline.none": (
        "quy trình {code} không khai báo thời hạn giải quyết (deadline)",
        "process {code} declares no statutory deadline (deadline)",
    ),
    "audit.deadline.longer": (
        "thời hạn giải quyết của quy trình {code} là {actual}, dài hơn {limit}",
        "the statutory deadline of process {code} is {actual}, longer than {limit}",
    ),
    "audit.path.none": (
        "quy trình {code} không có đường đi từ một bước bắt đầu tới bước kết thúc nên không tính được thời gian",
        "process {code} has no path from a single start to an end, so its time cannot be computed",
    ),
    "audit.path.exceeds": (
        "đường đi dài nhất của quy trình {code} mất {actual} ngày làm việc{lower}, vượt {limit}: {path}",
        "the longest path of process {code} takes {actual} working days{lower}, more than {limit}: {path}",
    ),
    "audit.path.untimed": (
        "không xác định được thời gian đường đi dài nhất của quy trình {code} vì bước {steps} chưa có thời lượng: {path}",
        "the time of the longest path of process {code} is unknown because steps {steps} have no duration: {path}",
    ),
    "audit.path.lower_bound": (
        " (ít nhất, vì bước {steps} chưa có thời lượng)",
        " (at least: steps {steps} have no duration)",
    ),
    "audit.step.no_duration": ("bước «{step}» của quy trình {code} chưa có thời lượng", "step «{step}» of process {code} has no duration"),
    "audit.step.too_long": (
        "bước «{step}» của quy trình {code} mất {actual}, vượt {limit}",
        "step «{step}» of process {code} takes {actual}, more than {limit}",
    ),
    "audit.clock.counts": (
        "thời gian ở bước «{step}» của quy trình {code} vẫn bị tính vào thời hạn giải quyết (thiếu «stops_clock: true»)",
        "time in step «{step}» of process {code} still counts towards the deadline («stops_clock: true» is missing)",
    ),
    # late dossiers
    "audit.late.no_apology": (
        "quy trình {code} không có hồ sơ nào là văn bản xin lỗi và hẹn lại ngày trả kết quả",
        "process {code} has no record that is an apology with a new return date",
    ),
    "audit.late.not_produced": (
        "không bước nào của quy trình {code} lập hồ sơ «{record}»",
        "no step of process {code} produces record «{record}»",
    ),
    "audit.late.unreachable": (
        "bước lập hồ sơ «{record}» ({steps}) không đi tới được từ bước bắt đầu của quy trình {code}",
        "the steps producing record «{record}» ({steps}) cannot be reached from the start of process {code}",
    ),
    "audit.late.not_branch": (
        "bước «{step}» lập hồ sơ «{record}» nằm trên mọi đường đi của quy trình {code}, không phải một nhánh riêng cho hồ sơ trễ hạn",
        "step «{step}» producing record «{record}» lies on every path of process {code}, not on a branch for late dossiers",
    ),
    # records
    "audit.record.not_at_step": (
        "bước «{step}» của quy trình {code} không lập hồ sơ «{record}»; hồ sơ này được lập ở: {others}",
        "step «{step}» of process {code} does not produce record «{record}»; it is produced by: {others}",
    ),
    "audit.retention.none": (
        "hồ sơ «{record}» của quy trình {code} chưa có thời hạn lưu trữ",
        "record «{record}» of process {code} has no retention period",
    ),
    "audit.retention.short": (
        "hồ sơ «{record}» của quy trình {code} chỉ được lưu {actual}, ít hơn {years} năm",
        "record «{record}» of process {code} is kept only {actual}, less than {years} years",
    ),
    "audit.retention.not_permanent": (
        "hồ sơ «{record}» của quy trình {code} được lưu {actual}, không phải vĩnh viễn",
        "record «{record}» of process {code} is kept {actual}, not permanently",
    ),
    "audit.form.mismatch": (
        "hồ sơ «{record}» của quy trình {code} theo mẫu «{actual}», không phải «{expected}»",
        "record «{record}» of process {code} follows form «{actual}», not «{expected}»",
    ),
    "audit.records.incomplete": (
        "{count} hồ sơ của quy trình {code} thiếu thông tin lưu giữ: {items}",
        "{count} records of process {code} lack keeping information: {items}",
    ),
    "audit.field.kept_by": ("vai trò lưu giữ", "keeper"),
    "audit.field.location": ("nơi lưu", "location"),
    "audit.field.retention": ("thời hạn lưu trữ", "retention"),
    "audit.field.formula": ("cách tính", "formula"),
    "audit.field.frequency": ("tần suất đo", "frequency"),
    "audit.field.data_source": ("nguồn dữ liệu", "data source"),
    "audit.field.owner": ("vai trò theo dõi", "owner"),
    # KPIs
    "audit.kpi.not_percent": (
        "chỉ tiêu của chỉ số {kpi} là «{target}», không phải tỷ lệ phần trăm",
        "the target of KPI {kpi} is «{target}», not a percentage",
    ),
    "audit.kpi.low": (
        "chỉ tiêu của chỉ số {kpi} là «{target}», không bảo đảm mức tối thiểu {minimum}%",
        "the target of KPI {kpi} is «{target}», which does not guarantee the minimum of {minimum}%",
    ),
    "audit.kpi.no_satisfaction": (
        "quy trình {code} không chỉ định chỉ số đo mức độ hài lòng (citizen_service.satisfaction_kpi)",
        "process {code} names no satisfaction KPI (citizen_service.satisfaction_kpi)",
    ),
    "audit.kpi.too_few": (
        "quy trình {code} có {count} chỉ số, tiêu chí yêu cầu ít nhất {minimum}",
        "process {code} has {count} KPIs; the criterion requires at least {minimum}",
    ),
    "audit.kpi.incomplete": (
        "{count} chỉ số của quy trình {code} thiếu thông tin: {items}",
        "{count} KPIs of process {code} are incomplete: {items}",
    ),
    # clauses, legal basis, rules
    "audit.clause.missing": (
        "quy trình {code} không nêu điều khoản ISO 9001 {clause} trong các điều khoản được đáp ứng (iso_clauses: {claimed})",
        "process {code} does not list ISO 9001 clause {clause} among the clauses it evidences (iso_clauses: {claimed})",
    ),
    "audit.rule.unknown": ("không có quy tắc kiểm tra «{rule}»{close}", "no check rule «{rule}»{close}"),
    "audit.rule.found": (
        "quy trình {code} có {count} phát hiện {rule}: {first}",
        "process {code} has {count} findings of rule {rule}: {first}",
    ),
    "audit.severity.found": (
        "quy trình {code} có {count} phát hiện từ mức «{severity}» trở lên: {first}",
        "process {code} has {count} findings of severity «{severity}» or above: {first}",
    ),
    # flow
    "audit.order.bypass": (
        "có thể tới bước «{after}» của quy trình {code} mà không qua bước «{before}», theo đường: {path}",
        "step «{after}» of process {code} can be reached without passing step «{before}», along: {path}",
    ),
    "audit.order.unreachable": (
        "bước «{after}» của quy trình {code} không đi tới được từ bước «{before}»",
        "step «{after}» of process {code} cannot be reached from step «{before}»",
    ),
    "audit.branch.missing": (
        "bước «{step}» của quy trình {code} không có nhánh dẫn tới bước «{target}» (các bước tiếp theo: {successors})",
        "step «{step}» of process {code} has no branch to step «{target}» (following steps: {successors})",
    ),
    "audit.decisions.no_criteria": (
        "{count} bước quyết định của quy trình {code} chưa có tiêu chí chấp nhận: {steps}",
        "{count} decision steps of process {code} have no acceptance criteria: {steps}",
    ),
    "audit.risks.uncontrolled": (
        "{count} rủi ro của quy trình {code} chưa có bước kiểm soát: {items}",
        "{count} risks of process {code} have no controlling step: {items}",
    ),
    # criteria that cannot run
    "audit.step.unknown": (
        "bước «{text}» không khớp với câu nào của thư viện bước",
        "step «{text}» matches no phrase of the step library",
    ),
    "audit.step.unknown.hint": ("câu gần nhất: {suggestions}", "closest phrases: {suggestions}"),
    "audit.step.unknown.none": (
        "xem danh sách câu trong features/README.md",
        "see the list of phrases in features/README.md",
    ),
    "audit.syntax": ("tệp tiêu chí không đọc được: {problem}", "the criteria file cannot be read: {problem}"),
    "audit.syntax.line": (
        "tệp tiêu chí không đọc được: dòng {line} «{source}» không đúng cú pháp Gherkin ({problem})",
        "the criteria file cannot be read: line {line} «{source}» is not valid Gherkin ({problem})",
    ),
    "audit.syntax.hint": (
        "tệp tiếng Việt bắt đầu bằng «# language: vi»; từ khoá: Tính năng, Bối cảnh, Kịch bản (Tình huống), "
        "Khung kịch bản, Dữ liệu, Biết (Cho), Khi, Thì, Và, Nhưng",
        "a Vietnamese file starts with «# language: vi»; keywords: Tính năng, Bối cảnh, Kịch bản (Tình huống), "
        "Khung kịch bản, Dữ liệu, Biết (Cho), Khi, Thì, Và, Nhưng",
    ),
    "audit.syntax.language": (
        "tệp viết bằng từ khoá tiếng Việt phải bắt đầu bằng dòng «# language: vi»",
        "a file written with Vietnamese keywords must start with the line «# language: vi»",
    ),
    "audit.syntax.examples": (
        "bảng ví dụ của «Khung kịch bản» dùng từ khoá «Dữ liệu:», không phải «Ví dụ:»",
        "the examples table of a «Khung kịch bản» uses the keyword «Dữ liệu:», not «Ví dụ:»",
    ),
    "audit.syntax.empty": ("tệp tiêu chí rỗng hoặc không có «Tính năng»", "the criteria file is empty or has no «Feature»"),
    "audit.duplicate_scenario": (
        "hai kịch bản cùng tên «{name}» (dòng {first} và {line}): kịch bản ở dòng {first} bị bỏ qua",
        "two scenarios are named «{name}» (lines {first} and {line}): the one at line {first} is ignored",
    ),
    "audit.duplicate_scenario.hint": ("đặt tên riêng cho mỗi kịch bản", "give each scenario its own name"),
    "audit.empty_scenario": ("kịch bản không có bước nào nên không chứng minh được gì", "the scenario has no steps, so it proves nothing"),
    "audit.crash": ("tiêu chí không chạy được: {error}", "the criterion could not run: {error}"),
    "audit.assertion": ("tiêu chí không đạt: {error}", "criterion not met: {error}"),
    "audit.no_features": ("không có tệp tiêu chí «{path}»", "no criteria file or folder «{path}»"),
    "audit.pytest_failed": (
        "không chạy được các tiêu chí (pytest thoát với mã {code}): {output}",
        "the criteria could not be run (pytest exited with code {code}): {output}",
    ),
    # reports
    "audit.report.title": ("Báo cáo đánh giá theo tiêu chí", "Audit report against criteria"),
    "audit.report.criteria": ("Tiêu chí", "Criteria"),
    "audit.report.processes": ("Quy trình", "Processes"),
    "audit.report.date": ("Ngày đánh giá", "Audit date"),
    "audit.report.selection": ("Phạm vi", "Scope"),
    "audit.report.summary": (
        "{total} tiêu chí: {passed} đạt, {nonconformities} điểm không phù hợp, {observations} khuyến nghị, {errors} lỗi",
        "{total} criteria: {passed} passed, {nonconformities} nonconformities, {observations} observations, {errors} errors",
    ),
    "audit.report.findings": ("Phát hiện", "Findings"),
    "audit.report.no_findings": ("Không có phát hiện nào.", "No findings."),
    "audit.report.errors": ("Tiêu chí không chạy được", "Criteria that could not run"),
    "audit.report.load": ("Tệp quy trình có lỗi", "Process files with errors"),
    "audit.report.evidence": ("Bằng chứng", "Evidence"),
    "audit.report.criterion": ("Tiêu chí", "Criterion"),
    "audit.report.step": ("Bước", "Step"),
    "audit.report.basis": ("Căn cứ", "Basis"),
    "audit.report.process": ("Quy trình", "Process"),
    "audit.report.result": ("Kết quả", "Result"),
    "audit.report.feature": ("Tính năng", "Feature"),
    "audit.report.hint": ("Gợi ý", "Hint"),
    "audit.report.at": ("{path}, dòng {line}", "{path}, line {line}"),
    "audit.outcome.passed": ("Đạt", "Pass"),
    "audit.outcome.failed": ("Không đạt", "Fail"),
    "audit.outcome.error": ("Lỗi", "Error"),
    "audit.outcome.skipped": ("Bỏ qua", "Skipped"),
    "audit.kind.nonconformity": ("Điểm không phù hợp", "Nonconformity"),
    "audit.kind.observation": ("Khuyến nghị", "Observation"),
}
