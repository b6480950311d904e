#!/usr/bin/env bash
# Mutation testing (not part of CI; tens of minutes): puts small bugs into the modules
# where a silent bug costs most and reports which ones the fast tests miss.
#   bash scripts/mutation.sh              every target (see scripts/mutation.py)
#   bash scripts/mutation.sh _retry       one target
# mutmut lives in its own environment, .venv-mutation: its pins are its own.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh
if [ ! -x .venv-mutation/bin/mutmut ]; then
  python3 -m venv .venv-mutation
  .venv-mutation/bin/python -m pip install --quiet --disable-pip-version-check "mutmut==2.5.1"
fi
exec .venv/bin/python scripts/mutation.py "$@"
