#!/usr/bin/env bash
# Set up the benchmark environment (.venv-bench: dodb with its emulator, the official
# client pydo, matplotlib, py-spy) and run a benchmark; results land in bench/results/.
#   bash scripts/bench.sh [ARGS]      bench/run.py (dodb against the bare clients and pydo),
#                                     then bench/report.py (docs/performance-figures.md)
#   bash scripts/bench.sh profile     bench/profile.py: where dodb's per-call time goes
#   bash scripts/bench.sh ablate      bench/ablate.py: what each per-call cost saves when removed
#   bash scripts/bench.sh overhead    bench/overhead.py: dodb's own code per call without the
#                                     network, and the event-loop callbacks per call
#   bash scripts/bench.sh scale       bench/scale.py: start-up against the size of the spec
#                                     (generates code with the dev environment, .venv)
#   bash scripts/bench.sh report      bench/report.py only, from the results already there
#   bash scripts/bench.sh bulk        bench/bulk.py: bulk adds at the rate limit
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv-bench/bin/python ] || "$PYTHON" -m venv .venv-bench
.venv-bench/bin/python -m pip install --quiet --disable-pip-version-check ".[emulator]" -r bench/requirements.txt
.venv-bench/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall .
case "${1:-}" in
  bulk | profile | ablate | overhead | report)
    script=$1
    shift
    exec .venv-bench/bin/python "bench/$script.py" "$@"
    ;;
  scale)
    shift
    [ -x .venv/bin/openapi-python-client ] || bash scripts/setup.sh
    exec .venv-bench/bin/python bench/scale.py "$@"
    ;;
esac
.venv-bench/bin/python bench/run.py "$@"
exec .venv-bench/bin/python bench/report.py
