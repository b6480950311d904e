#!/usr/bin/env bash
# Set up the benchmark environment (.venv-bench: dodb with its emulator, the official
# client pydo, matplotlib) and run bench/run.py; results land in bench/results/.
# `bash scripts/bench.sh bulk` runs bench/bulk.py instead: bulk adds at the rate limit.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv-bench/bin/python ] || "$PYTHON" -m venv .venv-bench
.venv-bench/bin/python -m pip install --quiet --disable-pip-version-check ".[emulator]" -r bench/requirements.txt
.venv-bench/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall .
if [ "${1:-}" = "bulk" ]; then
  shift
  exec .venv-bench/bin/python bench/bulk.py "$@"
fi
exec .venv-bench/bin/python bench/run.py "$@"
