#!/usr/bin/env bash
# Set up everything the project needs on a fresh machine (Python 3.11 + pip, Node/npm,
# Go, Java): a virtual environment in .venv with dodb and its development tools; the
# pinned Node tools (Redocly, Spectral, the TypeScript generators) in node_modules; the
# Go modules of interop/go; openapi-generator's pinned jar in .tools. Safe to run again.
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

# openapi-generator, from Maven Central, checked against the registry's own checksum.
OPENAPI_GENERATOR=7.25.0
jar=.tools/openapi-generator-cli-$OPENAPI_GENERATOR.jar
if command -v java >/dev/null 2>&1 && [ ! -f "$jar" ]; then
  mkdir -p .tools
  url=https://repo1.maven.org/maven2/org/openapitools/openapi-generator-cli/$OPENAPI_GENERATOR/openapi-generator-cli-$OPENAPI_GENERATOR.jar
  curl -fsSL --retry 3 -o "$jar.part" "$url"
  expected=$(curl -fsSL --retry 3 "$url.sha1" | cut -c1-40)
  actual=$(sha1sum "$jar.part" | cut -c1-40)
  if [ "$expected" != "$actual" ]; then
    rm -f "$jar.part"
    echo "setup: openapi-generator's jar does not match Maven Central's checksum" >&2
    exit 1
  fi
  mv "$jar.part" "$jar"
fi
