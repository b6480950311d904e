#!/usr/bin/env bash
# Set up and run the whole test suite: ruff, mypy --strict, the strict docs build, pytest
# (what CI runs).
#   bash scripts/test.sh            the whole suite
#   bash scripts/test.sh --quick    the edit-test loop: reinstall only if the source changed,
#                                   then ruff, mypy, the docs build and the tests not marked slow
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
if [ "${1:-}" = "--quick" ]; then
  quick=true
  shift
fi
if $quick && [ -x .venv/bin/python ]; then
  # The installed package must match the source tree (the tests refuse a stale one).
  if ! .venv/bin/python scripts/stale.py; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall .
  fi
else
  bash scripts/setup.sh
fi
export PATH="$PWD/.venv/bin:$PATH"

echo "== ruff"
ruff check .
ruff format --check .
echo "== mypy --strict (wrapper/, generated/)"
mypy
echo "== docs (strict build)"
bash scripts/docs.sh
echo "== pytest (on both cores: pytest-xdist)"
if $quick; then
  pytest -n 2 -m "not slow" "$@"
else
  pytest -n 2 "$@"
fi
