"""Package the self-check engine for the browser: one zip that Pyodide unpacks.

The zip holds the engine's Python modules, its JSON Schema, the parameters compiled from
YAML to JSON, and the site's local data. Its content hash versions the URL, so a browser
never mixes an old engine with new parameters.
"""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from selfcheck.params import compile_sources

from . import ROOT

ENGINE_DIR = ROOT / "selfcheck"
ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed timestamps: same input, same bytes, same hash


def _engine_files() -> list[Path]:
    files = [p for p in ENGINE_DIR.rglob("*.py") if "__pycache__" not in p.parts]
    files.append(ENGINE_DIR / "household.schema.json")
    return sorted(files)


def build_zip(local: dict | None = None) -> bytes:
    buf = io.BytesIO()
    # stored: the build's brotli copy of the whole zip is smaller than deflate per file (compress.py)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        def add(name: str, data: bytes) -> None:
            zf.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, compress_type=zipfile.ZIP_STORED)

        for path in _engine_files():
            add(path.relative_to(ROOT).as_posix(), path.read_bytes())
        params = json.dumps(compile_sources(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        add("selfcheck/params.json", params.encode("utf-8"))
        add("selfcheck/local.json", json.dumps(local or {}, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return buf.getvalue()


def version(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def write(out_dir: Path, data: bytes) -> Path:
    target = out_dir / "assets" / "selfcheck" / "selfcheck.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target
