"""Generate synthetic but realistic process files for benchmarks.

Each process has a start, a chain of tasks with every few steps a decision
whose "rework" branch loops back, a sub-process call to the previous
process, records, KPIs and risks, in Vietnamese with diacritics, so that
the parser, the models and the graph do the same work as on real files.

Other shapes (``shape=``, for the large-process benchmark) stretch one part
of the work each:

* ``chain``: one long chain of tasks, no decision;
* ``branchy``: every third step a decision with three branches (the next
  step, one that skips ahead, one that loops back several steps), so the
  number of start-to-end paths grows exponentially with the steps;
* ``returns``: the default flow, but every rework branch returns to the first
  task, so return flows run back across the whole diagram;
* ``lanes``: the default flow over one role (lane) per ten steps.
"""

from __future__ import annotations

import argparse
from pathlib import Path


SHAPES = ("mixed", "chain", "branchy", "returns", "lanes")


def process_yaml(index: int, steps: int, shape: str = "mixed") -> str:
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}, expected one of {', '.join(SHAPES)}")
    code = f"QT-GEN-{index:04d}"
    lines = [
        f"code: {code}",
        f"title: {{vi: Quy trình thử nghiệm số {index} — giải quyết hồ sơ, en: Generated process {index}}}",
        'version: "1.0"',
        "status: approved",
        "effective_date: 2025-07-01",
        "owner: lanh-dao",
        "deadline: 30 ngày làm việc",
        "approval:",
        "  prepared: {role: chuyen-vien, name: Nguyễn Văn An, date: 2025-06-01}",
        "  approved: {role: lanh-dao, name: Trần Thị Bình, date: 2025-06-20}",
        "revisions:",
        '  - {version: "1.0", date: 2025-06-20, changes: Ban hành lần đầu}',
        "legal_basis:",
        "  - {id: nd-118-2025, number: 118/2025/NĐ-CP, title: Nghị định về cơ chế một cửa, issued: 2025-06-09, in_force_from: 2025-07-01}",
        'iso_clauses: ["4.4", "8.5.1", "9.1"]',
        "roles:",
        "  lanh-dao: {name: Lãnh đạo Sở, authority: [approve, sign]}",
        "  mot-cua: Công chức Bộ phận Một cửa",
        "  chuyen-vien: Chuyên viên thụ lý",
    ]
    roles = ["mot-cua", "chuyen-vien", "lanh-dao"]
    if shape == "lanes":
        extra = [f"to-{k:04d}" for k in range(max(0, steps // 10 - len(roles)))]
        lines += [f"  {role}: Chuyên viên tổ {role[3:]}" for role in extra]
        roles += extra
    lines += [
        "records:",
        "  - {code: BM-01, name: Giấy tiếp nhận hồ sơ và hẹn trả kết quả, kept_by: mot-cua, retention: 5 năm}",
        "  - {code: BM-02, name: Phiếu kiểm soát quá trình giải quyết hồ sơ, kept_by: chuyen-vien, retention: 5 năm}",
        "steps:",
        "  - id: b00",
        "    type: start",
        "    name: Tiếp nhận hồ sơ",
        "    role: mot-cua",
        "    duration: 4 giờ",
        "    records: [BM-01]",
        "    next: b01",
    ]
    for n in range(1, steps - 1):
        sid, nxt = f"b{n:02d}", f"b{n + 1:02d}"
        role = roles[n % len(roles)]
        if shape == "branchy" and n % 3 == 0:
            lines += [
                f"  - id: {sid}",
                "    type: decision",
                f"    name: Hồ sơ bước {n} cần xử lý tiếp, bỏ qua hay làm lại?",
                f"    role: {role}",
                "    duration: 2 giờ",
                "    branches:",
                f"      - {{when: Xử lý tiếp, to: {nxt}}}",
                f"      - {{when: Bỏ qua, to: b{min(n + 3, steps - 1):02d}}}",
                f"      - {{when: Làm lại, to: b{max(1, n - 7):02d}}}",
            ]
        elif shape in ("mixed", "returns", "lanes") and n % 5 == 0:
            lines += [
                f"  - id: {sid}",
                "    type: decision",
                f"    name: Kết quả thẩm định bước {n} đạt yêu cầu?",
                f"    role: {role}",
                "    duration: 2 giờ",
                "    branches:",
                f"      - {{when: Đạt, to: {nxt}}}",
                f"      - {{when: Chưa đạt, to: b{1 if shape == 'returns' else n - 2:02d}}}",
            ]
        elif n == 7 and index > 0:
            lines += [
                f"  - id: {sid}",
                "    type: subprocess",
                "    name: Ban hành văn bản",
                f"    role: {role}",
                f"    calls: QT-GEN-{index - 1:04d}",
                "    duration: 1 ngày làm việc",
                f"    next: {nxt}",
            ]
        else:
            lines += [
                f"  - id: {sid}",
                f"    name: Xử lý, thẩm định hồ sơ — công việc số {n}",
                f"    role: {role}",
                "    inputs: [Hồ sơ đầy đủ, hợp lệ]",
                "    outputs: [Kết quả xử lý]",
                "    records: [BM-02]",
                "    duration: 0,5 ngày làm việc",
                f"    next: {nxt}",
            ]
    lines += [
        f"  - id: b{steps - 1:02d}",
        "    type: end",
        "    name: Trả kết quả",
        "    role: mot-cua",
        "kpis:",
        "  - {code: KPI-01, name: Tỷ lệ hồ sơ đúng hạn, target: '>= 95%', owner: lanh-dao}",
        "risks:",
        "  - {code: RR-01, description: Hồ sơ trễ hạn, likelihood: 3, impact: 4, controls: [b01], owner: lanh-dao}",
    ]
    return "\n".join(lines) + "\n"


def generate(folder: Path, processes: int, steps: int, shape: str = "mixed") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(processes):
        path = folder / f"QT-GEN-{i:04d}.yaml"
        path.write_text(process_yaml(i, steps, shape), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--processes", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--shape", choices=SHAPES, default="mixed")
    args = parser.parse_args()
    generate(args.folder, args.processes, args.steps, args.shape)
