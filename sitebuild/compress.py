"""Pre-compressed copies of the site's assets, as nginx (gzip_static/brotli_static) serves them.

Beside every compressible file of at least ``MIN_SIZE`` bytes the build writes ``<file>.gz``
and ``<file>.br``, but only when they save at least 5 %: a deflated zip gains nothing.
The runtime's zips (the trimmed standard library, the engine bundle) are written stored, so that
brotli over the whole archive can do better than deflate per member. Output is deterministic (gzip without a
timestamp). Brotli at its best level takes a minute for Pyodide's 9.6 MB wasm, so every result
is cached by content hash: a rebuild compresses only what changed. Levels by size: see below.
"""
from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

import brotli

from . import ROOT, cachelock

SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".webmanifest", ".zip"}
MIN_SIZE = 1024
CACHE_DIR = ROOT / "build" / "compress-cache"


def _cached(data: bytes, kind: str, pack) -> bytes:
    digest = hashlib.sha256(data).hexdigest()
    key = CACHE_DIR / f"{digest}.{kind}"
    if key.exists():
        return key.read_bytes()
    with cachelock.exclusive(CACHE_DIR, digest):
        if key.exists():  # the build beside this one made it meanwhile
            return key.read_bytes()
        out = pack(data)
        # write then rename: a reader without the lock never sees half a file
        part = key.with_name(f"{key.name}.{os.getpid()}.part")
        part.write_bytes(out)
        os.replace(part, key)
    return out


# Levels by size. The best brotli level only for the wasm (the largest download, never changed
# between builds). Large runtime files and search indexes get 9. The many pages get 6 (gzip 6):
# measured on 120 of the site's files, brotli 6 is 2 % larger than 9 and 7 times faster, which
# is most of a build's time on a fresh machine (855 files per site).
LARGE = 512 * 1024
HUGE = 4 * 1024 * 1024


def _gzip(data: bytes, runtime: bool = False) -> bytes:
    level = 9 if runtime or len(data) > LARGE else 6
    return _cached(data, f"gz{level}", lambda d: gzip.compress(d, compresslevel=level, mtime=0))


def _brotli(data: bytes, runtime: bool = False) -> bytes:
    # the runtime's zips change only with the engine or Pyodide: the best level, cached
    quality = 11 if runtime or len(data) > HUGE else 9 if len(data) > LARGE else 6
    return _cached(data, f"q{quality}.br", lambda d: brotli.compress(d, quality=quality))


def compress_file(path: Path) -> list[Path]:
    data = path.read_bytes()
    runtime = path.suffix == ".zip"
    written = []
    for suffix, packed in ((".gz", _gzip(data, runtime)), (".br", _brotli(data, runtime))):
        target = path.with_name(path.name + suffix)
        if len(packed) <= 0.95 * len(data):
            target.write_bytes(packed)
            written.append(target)
        elif target.exists():
            target.unlink()
    return written


def write(site_dir: Path) -> int:
    """Compress every eligible file under ``site_dir``; returns how many copies were written."""
    count = 0
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.suffix in SUFFIXES and path.stat().st_size >= MIN_SIZE:
            count += len(compress_file(path))
    return count
