"""``qms conform``: a log of step events checked against its process from the command line, exit 0 / 1 / 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_qms_many

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "conformance" / "fixtures"  # QT-THU-01 and the 11 dossiers of tests/conformance/test_run.py
PROCESS = FIXTURES / "QT-THU-01.yaml"


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("conform")
    dossiers = folder / "dossiers.csv"
    dossiers.write_text("MaHoSo,MaTTHC,NgayTiepNhan\nA,QT-THU-01,02/03/2026 08:00\n", encoding="utf-8")
    unreadable = folder / "unreadable.csv"  # a log of steps whose only row is rejected: no dossier
    unreadable.write_text("MaHoSo,BuocXuLy,ThoiDiemXuLy\nA,nhan,not a date\n", encoding="utf-8")
    common = [FIXTURES / "events.csv", "--process", PROCESS, "--processes", FIXTURES, "--mapping", FIXTURES / "mapping.yaml"]
    commands = {
        "ok": ["conform", *common, "--top", "2"],
        "under": ["conform", *common, "--fail-under", "50"],
        "over": ["conform", *common, "--fail-under", "45"],
        "no_process": ["conform", FIXTURES / "events.csv", "--process", "QT-NOPE-99", "--processes", FIXTURES],
        "no_log": ["conform", folder / "missing.csv", "--process", PROCESS],
        "dossier_log": ["conform", dossiers, "--process", PROCESS],
        "empty": ["conform", unreadable, "--process", PROCESS],
        "bad_alias": ["conform", FIXTURES / "events.csv", "--process", PROCESS, "--mapping", FIXTURES / "bad_mapping.yaml"],
        "files": ["conform", *common, "-o", folder / "out" / "r.md", "-o", folder / "out" / "r.json", "--dossiers", folder / "out" / "d.csv"],
        "bad_target": ["conform", *common, "--dossiers", unreadable / "d.csv"],
    }
    results = run_qms_many(list(commands.values()))
    for result in results:
        assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return dict(zip(commands, results, strict=True))


def test_the_tables_show_the_share_the_deviations_and_the_top_variants(runs):
    result = runs["ok"]
    assert result.returncode == 0, result.stderr
    assert "5 (45.5%)" in result.stdout and "0.9310" in result.stdout
    assert "bỏ qua bước" in result.stdout and "Gọi điện cho công dân" in result.stdout
    assert "Tiếp nhận hồ sơ → Kiểm tra hồ sơ → Phê duyệt" in result.stdout  # variant 2 of the top 2
    assert "Từ chối tiếp nhận →" not in result.stdout  # variant 8 is not in the top 2
    assert "LOG013" in result.stderr  # the log's own warning, on standard error


def test_fail_under_exits_1_below_the_rate(runs):
    assert runs["under"].returncode == 1 and "50%" in runs["under"].stderr
    assert runs["over"].returncode == 0


@pytest.mark.parametrize(
    ("run", "said"),
    [("no_process", "QT-NOPE-99"), ("no_log", "LOG001"), ("dossier_log", "ThoiDiemXuLy"), ("bad_alias", "LOG003")],
)
def test_usage_errors_exit_2_and_say_what_to_change(runs, run, said):
    result = runs[run]
    assert result.returncode == 2, result.stdout + result.stderr
    assert said in result.stderr


def test_a_log_without_a_dossier_says_so_and_lists_its_rejected_rows(runs):
    result = runs["empty"]
    assert result.returncode == 0 and "Nhật ký không có hồ sơ nào để so." in result.stdout
    assert "LOG010" in result.stderr and "Mọi hồ sơ" not in result.stdout


def test_the_report_files_and_each_dossiers_result_are_written(runs, tmp_path_factory):
    result = runs["files"]
    assert result.returncode == 0, result.stderr
    written = [line for line in result.stderr.splitlines() if line.startswith("Đã ghi")]
    assert len(written) == 3
    out = Path(written[0].split(" ", 2)[2]).parent
    assert (out / "r.md").read_text(encoding="utf-8").startswith("# Tuân thủ quy trình QT-THU-01")
    assert '"format_version": "1"' in (out / "r.json").read_text(encoding="utf-8")
    assert len((out / "d.csv").read_text(encoding="utf-8").splitlines()) == 12  # header and the 11 dossiers


def test_a_per_dossier_file_that_cannot_be_written_is_a_clear_error(runs):
    result = runs["bad_target"]
    assert result.returncode == 2 and "không ghi được" in result.stderr
