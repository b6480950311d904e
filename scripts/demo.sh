#!/usr/bin/env bash
# Set up dodb with its emulator on a fresh machine (Python 3.11 + pip) and run the demo:
# the reference page's call, and one call per engine variant, against a local emulator.
#   bash scripts/demo.sh --postgres   the same, with a real PostgreSQL behind the PostgreSQL
#                                     clusters, ending with a real SELECT (the postgres extra)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
extras=emulator
for arg in "$@"; do
  if [ "$arg" = "--postgres" ]; then extras=emulator,postgres; fi
done
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check ".[$extras]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall .
exec .venv/bin/dodb demo "$@"
