#!/usr/bin/env bash
# Regenerate the flowchart shown in the README (docs/images/QT-TTHC-01.png).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/qms render processes/QT-TTHC-01.yaml --format png --out docs/images
