# Derived from dodb/_async/__init__.py by scripts/generate.sh (unasync): do not edit;
# edit the async file and regenerate.
"""What the two clients do differently only by `async` and `await`, written once: their
I/O (`_io.py`) and the resources' flows (`client.databases` and its typed groups).
`dodb._sync` is derived from it (unasync)."""
