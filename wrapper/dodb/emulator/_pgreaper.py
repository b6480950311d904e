"""Watchdog of one emulator's PostgreSQL folder: `python _pgreaper.py FOLDER`.

Started by `_postgres.Workspace` with a pipe as standard input that only the
emulator's process holds. The end of that input means the emulator is gone;
if it died without cleaning up (killed), this stops the servers whose data
directories lie in FOLDER and removes FOLDER. Standard library only, run
without importing dodb.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path


def _postmaster_of(pid: int, root: Path) -> bool:
    """Whether `pid` is still a process whose command line names a folder in `root`."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return os.fsencode(root) + b"/" in command


def reap(root: Path) -> None:
    pids = []
    for pid_file in root.glob("*/data/postmaster.pid"):
        try:
            pid = int(pid_file.read_text().split("\n", 1)[0])
        except (OSError, ValueError):
            continue
        if _postmaster_of(pid, root):
            os.kill(pid, signal.SIGQUIT)  # immediate shutdown: nothing here is kept
            pids.append(pid)
    deadline = time.monotonic() + 10
    while any(_postmaster_of(p, root) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in pids:
        if _postmaster_of(pid, root):
            os.kill(pid, signal.SIGKILL)
    shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    root = Path(sys.argv[1])
    while sys.stdin.buffer.read(4096):
        pass
    if root.exists():
        reap(root)


if __name__ == "__main__":
    main()
