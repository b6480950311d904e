#!/usr/bin/env bash
# Set up everything the project needs on a fresh machine (Python 3.11 + pip, Node/npm,
# Go, Java): a virtual environment in .venv with dodb and its development tools; the
# pinned Node tools (Redocly, Spectral, the TypeScript generators) in node_modules; the
# Go modules of interop/go; openapi-generator's pinned jar in .tools (through mvn). Safe to
# run again.
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
  echo "setup: npm not found; the spec lint and TypeScript tests will be skipped" >&2
fi

if command -v go >/dev/null 2>&1; then
  (cd interop/go && go mod download)
else
  echo "setup: go not found; the Go tests will be skipped" >&2
fi

# openapi-generator, from Maven Central through Maven's own client (-C: a checksum
# mismatch fails the download), copied into .tools.
OPENAPI_GENERATOR=7.25.0
jar=.tools/openapi-generator-cli-$OPENAPI_GENERATOR.jar
if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1 && [ ! -f "$jar" ]; then
  if ! out=$(mvn -q -B -C dependency:copy -Dmdep.overWriteReleases=true -DoutputDirectory=.tools \
    "-Dartifact=org.openapitools:openapi-generator-cli:$OPENAPI_GENERATOR" 2>&1) || [ ! -f "$jar" ]; then
    echo "$out" >&2
    echo "setup: mvn did not bring $jar" >&2
    exit 1
  fi
elif ! command -v mvn >/dev/null 2>&1; then
  echo "setup: mvn not found; the openapi-generator tests will be skipped" >&2
fi
