#!/usr/bin/env bash
# Set up everything qms needs on a fresh Debian machine (idempotent):
# the system packages, then a virtual environment in .venv with qms installed.
# Usage: bash scripts/setup.sh [--test]   (--test adds the test dependencies)
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: one list, so CI and users install the same things.
# graphviz draws the flowcharts; Noto Sans covers every Vietnamese diacritic; Debian's Chromium prints the PDFs
# (qms handbook pdf) and runs the browser tests (Playwright never downloads a browser here).
APT_PACKAGES=(graphviz fonts-noto-core chromium)
# Tests read the printed PDFs with poppler's pdftotext, pdfinfo and pdftoppm (tests/handbook/test_print_pdf.py).
[ "${1:-}" = "--test" ] && APT_PACKAGES+=(poppler-utils)
if [ "${#APT_PACKAGES[@]}" -gt 0 ]; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# Python packages exactly as locked (requirements/, refreshed by scripts/lock.sh): pinned versions, each file
# checked against its hash, nothing resolved on the day. Then qms itself, built with the locked setuptools.
lock=requirements/main.txt
[ "${1:-}" = "--test" ] && lock=requirements/test.txt
pip_install=(.venv/bin/python -m pip install --quiet --disable-pip-version-check)
"${pip_install[@]}" --require-hashes --no-deps -r "$lock"
"${pip_install[@]}" --no-deps --no-build-isolation -e .

# With --test: the bpmn.io tools that check exported BPMN (tests/bpmn/test_bpmnlint.py),
# installed exactly as locked in tools/bpmn-check/package-lock.json. Only where Node.js and
# npm are present; without them that test is skipped with a message saying so.
if [ "${1:-}" = "--test" ] && command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  (cd tools/bpmn-check && npm ci --no-audit --no-fund --loglevel=error) \
    || echo "warning: npm ci in tools/bpmn-check failed; the bpmnlint test will be skipped" >&2
fi
