"""Pre-compressed copies of the site's assets, as nginx (gzip_static/brotli_static) serves them.

Beside every compressible file of at least ``MIN_SIZE`` bytes the build writes ``<file>.gz``
and ``<file>.br``, but only when they save at least 5 %: a deflated zip gains nothing.
Output is deterministic (gzip without a timestamp). Compressing Pyodide's 9.6 MB wasm with
brotli at its best level takes a minute, so results are cached by content hash.
"""
from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli

from . import ROOT

SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".zip", ".svg", ".xml", ".txt", ".webmanifest"}
MIN_SIZE = 1024
CACHE_DIR = ROOT / "build" / "compress-cache"


def _brotli(data: bytes) -> bytes:
    # The best level for the large runtime files (cached); a faster one for the many pages.
    quality = 11 if len(data) > 256 * 1024 else 9
    key = CACHE_DIR / f"{hashlib.sha256(data).hexdigest()}.q{quality}.br"
    if key.exists():
        return key.read_bytes()
    out = brotli.compress(data, quality=quality)
    if len(data) > 256 * 1024:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        key.write_bytes(out)
    return out


def compress_file(path: Path) -> list[Path]:
    data = path.read_bytes()
    written = []
    for suffix, packed in ((".gz", gzip.compress(data, compresslevel=9, mtime=0)), (".br", _brotli(data))):
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
