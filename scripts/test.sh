#!/usr/bin/env bash
# Set up and run the whole test suite: ruff, mypy --strict, pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"

echo "== ruff"
ruff check .
ruff format --check .
echo "== mypy --strict (wrapper/, generated/)"
mypy
echo "== pytest"
pytest "$@"
