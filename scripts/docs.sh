#!/usr/bin/env bash
# Build the documentation site (MkDocs + Material, mkdocs.yml) into site/, in strict mode:
# a broken link or anchor, a missing API reference or any other warning fails the build.
#   bash scripts/docs.sh              build (bash scripts/test.sh runs this)
#   bash scripts/docs.sh serve        preview at http://127.0.0.1:8000 while editing
# Needs the `docs` extra (part of `dev`): bash scripts/setup.sh installs it.
#
# Mermaid's script comes from its npm package, pinned and checked against the registry's
# integrity hash, and is served with the site, so diagrams render with no CDN. Without
# npm the build still passes, and diagrams render only where the CDN is reachable.
set -euo pipefail
cd "$(dirname "$0")/.."

MERMAID=11.17.2
MERMAID_INTEGRITY=sha512-V6K3C8EBdEsPFZXSKMJe6ppQOENxuHARr9GvHX4hh47lAbhMRD9qf4oEK7LoaRQxULMa80/qt5gHO73aCleBBg==
js_dir=.tools/mermaid
if [ "$(cat "$js_dir/VERSION" 2>/dev/null)" != "$MERMAID" ]; then
  if command -v npm >/dev/null 2>&1; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    npm pack "mermaid@$MERMAID" --pack-destination "$tmp" --silent --loglevel=error >/dev/null
    tarball="$tmp/mermaid-$MERMAID.tgz"
    actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
    if [ "$actual" != "$MERMAID_INTEGRITY" ]; then
      echo "docs: mermaid-$MERMAID.tgz does not match its pinned integrity hash" >&2
      exit 1
    fi
    tar -xzf "$tarball" -C "$tmp" package/dist/mermaid.min.js
    mkdir -p "$js_dir"
    mv "$tmp/package/dist/mermaid.min.js" "$js_dir/mermaid.min.js"
    echo "$MERMAID" >"$js_dir/VERSION"
  else
    echo "docs: npm not found; Mermaid diagrams will need its CDN to render" >&2
  fi
fi

# Material's notice about its end of life (May 2027) is printed on every build; said once
# in CONTRIBUTING.md instead.
export NO_MKDOCS_2_WARNING=1
MKDOCS=.venv/bin/mkdocs
[ -x "$MKDOCS" ] || MKDOCS=mkdocs
if [ "${1:-}" = "serve" ]; then
  shift
  exec "$MKDOCS" serve --strict "$@"
fi
# Not --quiet: it hides the warnings, and strict mode then no longer fails on them.
exec "$MKDOCS" build --strict "$@"
