"""One writer per cache entry: two builds side by side (the tests build both sites at once) wait
for each other instead of computing the same entry twice (brotli of the 9.6 MB wasm takes a
minute; the stdlib trace runs Pyodide). Entries are striped over 256 lock files."""
from __future__ import annotations

import fcntl
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def exclusive(cache_dir: Path, key: str):
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(cache_dir / f".lock-{key[:2]}", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
