#!/usr/bin/env bash
# Refresh the locks in requirements/ from pyproject.toml: the newest versions that satisfy its ranges,
# with the hash of every file, so that every machine installs exactly the same packages.
#   bash scripts/lock.sh                 # re-resolve everything to the newest versions
#   bash scripts/lock.sh --upgrade-package pyyaml   # move one package, keep the rest
# Then run `bash scripts/test.sh` (which installs from the new lock) and commit requirements/ with the change.
# uv resolves (fast, universal: one lock for Linux, macOS and Windows, Python 3.11 and newer); it is
# installed, pinned, in a throwaway environment so the project's .venv is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION="0.13.9"
tool_env="${TMPDIR:-/tmp}/qms-lock-uv-$UV_VERSION"
[ -x "$tool_env/bin/uv" ] || { python3 -m venv "$tool_env" && "$tool_env/bin/python" -m pip install --quiet "uv==$UV_VERSION"; }
compile() {
  "$tool_env/bin/uv" pip compile pyproject.toml requirements/build.in --universal --python-version 3.11 \
    --generate-hashes --no-header --quiet "$@"
}
upgrade=(--upgrade)
[ "$#" -gt 0 ] && upgrade=("$@")
# The test lock holds everything; the runtime lock is the same versions less the test tools (with the pdf extra).
compile --extra test "${upgrade[@]}" -o requirements/test.txt
compile --extra pdf --constraint requirements/test.txt -o requirements/main.txt
echo "requirements/test.txt and requirements/main.txt refreshed; now: bash scripts/test.sh"
