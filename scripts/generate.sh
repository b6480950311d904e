#!/usr/bin/env bash
# Regenerate generated/dodb_api from openapi.yaml (never edit generated/ by hand).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh
.venv/bin/python scripts/generate.py "$@"
