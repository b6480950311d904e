# Derived from dodb/_async/__init__.py by scripts/generate.sh (unasync): do not edit;
# edit the async file and regenerate.
"""The async clients' I/O, written once; `dodb._sync` is derived from it (unasync)."""
