#!/usr/bin/env bash
# Set up everything the project needs on a fresh machine (Python 3.11 + pip, Node/npm):
# a virtual environment in .venv with dodb and its development tools, and the
# pinned Redocly CLI in node_modules. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# A regular (not editable) install: the tests run against what `pip install .` gives a user.
.venv/bin/python -m pip install --quiet --disable-pip-version-check ".[${DODB_EXTRAS:-dev}]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall .

if command -v npm >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
else
  echo "setup: npm not found; the Redocly lint test will be skipped" >&2
fi
