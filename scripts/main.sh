#!/usr/bin/env bash
# The main job on the shipped processes: set up, validate, check conformity, report.
# Reports go to build/. Exit code: 0 clean, 1 findings, 2 usage error.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p build
qms=.venv/bin/qms
$qms validate processes/
$qms check processes/
$qms coverage processes/
$qms render processes/ --format svg --out build/diagrams
$qms render processes/ --format png --out build/diagrams
# Machine-readable copies for CI systems and code-review tools.
$qms validate processes/ --format json > build/validate.json
$qms check processes/ --format json --out build/check.json
$qms check processes/ --format sarif --out build/check.sarif
$qms check processes/ --format junit --out build/check-junit.xml
$qms coverage processes/ --format json > build/coverage.json
$qms schema --out build/process.schema.json
# Audit criteria (features/) run against the processes; the report is also a handbook page.
$qms audit --out build/audit.md --out build/audit.html --out build/audit-junit.xml > /dev/null
$qms --lang en audit --out build/audit.en.md > /dev/null
# The real work measured: the sample dossier log against QT-TTHC-01's KPI targets. Exit 1 means a target is missed
# (as in this sample, which has late dossiers without apologies); only a usage error (2) stops the job.
analyze=0
$qms analyze processes/logs/QT-TTHC-01-2026.csv --process QT-TTHC-01 --by month --dossiers build/dossiers.csv \
  --report build/analyze.html --report build/analyze.md || analyze=$?
[ "$analyze" -le 1 ]
$qms analyze processes/logs/QT-TTHC-01-2026.csv --process QT-TTHC-01 --by month --format json > build/analyze.json || [ $? -le 1 ]
# The annual plan: its format and the «5 rõ», where it stood on a date, the report of a quarter (Word and Markdown)
# and the year's reporting calendar. Exit 1 of status means something is overdue or a target missed, as in this sample.
$qms plan validate plans/
plan=0
$qms plan status plans/KH-CCHC-2026.yaml --as-of 2026-10-15 || plan=$?
[ "$plan" -le 1 ]
$qms plan report plans/KH-CCHC-2026.yaml --period 2026-Q3 --out build/bao-cao-2026-Q3.docx --out build/bao-cao-2026-Q3.md
$qms plan calendar plans/KH-CCHC-2026.yaml --year 2026 --ics build/lich-bao-cao-2026.ics
# Internal audits: the programme and audit records with their corrective actions (REC rules), and where the actions
# stand; the ISO 18091 self-assessment (39 indicators) against last year. Their pages are in the handbook below.
$qms records validate audits/ --processes processes/
records=0
$qms records status audits/ --as-of 2026-12-07 || records=$?
[ "$records" -le 1 ]
$qms assess validate assessments/
$qms assess show assessments/18091-2026.yaml
# The management review input (ISO 9001 9.3.2) from all of the above: objectives, dossier performance, audits and
# corrective actions, the self-assessment; the sections the records cannot fill are marked to complete.
$qms review --as-of 2026-12-07 --plan plans/KH-CCHC-2026.yaml --assessment assessments/18091-2026.yaml \
  --out build/xem-xet-lanh-dao-2026.docx --out build/xem-xet-lanh-dao-2026.md
# The handbook site (pages generated from processes/ by the qms mkdocs plugin): build/site, English in build/site/en.
$qms handbook build --site-dir build/site
echo "Reports: build/"
