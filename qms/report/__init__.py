"""Outputs: how diagnostics, check reports, coverage and the code catalogue are shown and written.

For people: :func:`diagnostics_text` (one line per diagnostic, or with the
source line and a caret; see :mod:`qms.report.terminal`) and the tables of
:mod:`qms.report.summary`. For machines: JSON, SARIF 2.1.0 and JUnit XML of a
check (:mod:`qms.report.formats`), JSON of a validation, the coverage matrix
and the code catalogue (:mod:`qms.report.payloads`). Documentation pages of
every code (:mod:`qms.report.rule_docs`). Nothing here checks anything: each
function takes what the library computed.
"""

from typing import TYPE_CHECKING

from qms.lazy import lazy_names

if TYPE_CHECKING:
    from qms.report.coverage import CoverageRow, coverage_matrix
    from qms.report.findings_file import FindingsFileError, read_findings_file, steps_with_findings
    from qms.report.formats import finding_dict, report_json, report_junit, report_sarif, summary_counts
    from qms.report.payloads import code_dict, codes_json, coverage_json, dumps, load_json, rule_dict
    from qms.report.rule_docs import code_page, rule_doc_files, rule_page, write_rule_docs
    from qms.report.summary import check_summary, check_totals, codes_table, coverage_table, invalid_sentence, load_summary
    from qms.report.terminal import SourceLines, TextFormat, diagnostic_line, diagnostics_text, snippet, text_format

# Each name is imported with its own module when first used: «qms validate» needs the terminal lines and the
# validation summary, not the SARIF writer or the rules' documentation pages (qms.lazy).
__getattr__ = lazy_names(
    __name__,
    {
        "qms.report.coverage": ("CoverageRow", "coverage_matrix"),
        "qms.report.findings_file": ("FindingsFileError", "read_findings_file", "steps_with_findings"),
        "qms.report.formats": ("finding_dict", "report_json", "report_junit", "report_sarif", "summary_counts"),
        "qms.report.payloads": ("code_dict", "codes_json", "coverage_json", "dumps", "load_json", "rule_dict"),
        "qms.report.rule_docs": ("code_page", "rule_doc_files", "rule_page", "write_rule_docs"),
        "qms.report.summary": ("check_summary", "check_totals", "codes_table", "coverage_table", "invalid_sentence", "load_summary"),
        "qms.report.terminal": ("SourceLines", "TextFormat", "diagnostic_line", "diagnostics_text", "snippet", "text_format"),
    },
)

__all__ = [
    "CoverageRow",
    "FindingsFileError",
    "SourceLines",
    "TextFormat",
    "check_summary",
    "check_totals",
    "code_dict",
    "code_page",
    "codes_json",
    "codes_table",
    "coverage_json",
    "coverage_matrix",
    "coverage_table",
    "diagnostic_line",
    "diagnostics_text",
    "dumps",
    "finding_dict",
    "invalid_sentence",
    "load_json",
    "load_summary",
    "read_findings_file",
    "report_json",
    "report_junit",
    "report_sarif",
    "rule_dict",
    "rule_doc_files",
    "rule_page",
    "snippet",
    "steps_with_findings",
    "summary_counts",
    "text_format",
    "write_rule_docs",
]
