# Derived from dodb/_async/__init__.py by scripts/generate.sh (unasync): do not edit;
# edit the async file and regenerate.
"""What the two clients do differently only by `async` and `await`, written once for the
async client: the I/O (`_io.py`) and the resources (`client.databases` and its typed
groups). The sync client's twin, `dodb._sync`, is derived from this package (unasync)."""
