"""The async clients' I/O, written once; `dodb._sync` is derived from it (unasync)."""
