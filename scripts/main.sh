#!/usr/bin/env bash
# The main job on the shipped processes: set up, then validate every process.
# Outputs go to build/. Exit code: 0 clean, 1 findings, 2 usage error.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p build
.venv/bin/qms validate processes/
.venv/bin/qms validate processes/ --format json > build/validate.json
.venv/bin/qms schema --out build/process.schema.json
