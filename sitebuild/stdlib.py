"""A standard library cut down to what the engine needs, so a first visit downloads less.

Pyodide ships its whole standard library as ``python_stdlib.zip`` (2.5 MB); the engine uses a
small part of it. ``trimmed_zip`` runs every worked example in the pinned Pyodide under Node
(``trace_stdlib.mjs``), imports every module the engine's source names (for branches the
examples do not reach), and keeps only the zip members that were loaded, plus their folders.
The trace is cached by the hash of everything it depends on. Without Node, the full zip is
shipped unchanged, with a warning: a larger download, never a broken engine.
"""
from __future__ import annotations

import ast
import hashlib
import io
import json
import os
import logging
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from . import ROOT, cachelock

log = logging.getLogger("soziallotse.stdlib")
TRACE_SCRIPT = Path(__file__).with_name("trace_stdlib.mjs")
CACHE_DIR = ROOT / "build" / "stdlib-trace"
CASES_DIR = ROOT / "tests" / "selfcheck" / "cases"


def engine_imports() -> list[str]:
    """Top-level modules the engine's source imports anywhere (also inside functions)."""
    names = set()
    for path in sorted((ROOT / "selfcheck").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    return sorted(n for n in names if n.split(".")[0] != "selfcheck")


def _households() -> list[dict]:
    sys.path.insert(0, str(ROOT))
    from tests.selfcheck.cases import load_cases

    return [{"household": c["household"], "local": c.get("local") or {}} for c in load_cases()]


def _trace_key(engine_zip: bytes, households: list[dict], modules: list[str], stdlib: bytes) -> str:
    digest = hashlib.sha256()
    for part in (engine_zip, json.dumps(households, sort_keys=True, default=str).encode(),
                 json.dumps(modules).encode(), hashlib.sha256(stdlib).digest(), TRACE_SCRIPT.read_bytes()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:16]


def traced_members(engine_zip: bytes, stdlib: bytes) -> list[str] | None:
    """The stdlib zip members the engine loads in Pyodide, or None when they cannot be traced."""
    households, modules = _households(), engine_imports()
    key = _trace_key(engine_zip, households, modules, stdlib)
    cache = CACHE_DIR / f"{key}.json"
    if cache.exists():
        return json.loads(cache.read_text())
    with cachelock.exclusive(CACHE_DIR, key):
        if cache.exists():  # traced meanwhile by the build beside this one
            return json.loads(cache.read_text())
        return _trace(engine_zip, households, modules, cache)


def _trace(engine_zip: bytes, households: list[dict], modules: list[str], cache: Path) -> list[str] | None:
    if shutil.which("node") is None:
        log.warning("Node.js not found: shipping the full Python standard library")
        return None
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "bundle.zip").write_bytes(engine_zip)
        (work / "households.json").write_text(json.dumps(households, default=str))
        (work / "modules.json").write_text(json.dumps(modules))
        out = subprocess.run(["node", str(TRACE_SCRIPT), str(work / "bundle.zip"), str(work / "households.json"),
                              str(work / "modules.json")], cwd=ROOT, capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        log.warning("tracing the standard library failed, shipping it whole: %s", out.stderr[-500:])
        return None
    members = json.loads(out.stdout)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    part = cache.with_name(f"{cache.name}.{os.getpid()}.part")  # atomic for builds side by side
    part.write_text(json.dumps(members))
    os.replace(part, cache)
    return members


def trim(stdlib: bytes, members: list[str]) -> bytes:
    """A zip with only ``members`` and their folders, same order, same timestamps: deterministic.
    Stored, not deflated: brotli over the whole archive (compress.py) is 28 % smaller than deflate
    per member, and Python imports from it without inflating."""
    keep = set(members)
    for name in members:
        parts = name.split("/")
        keep.update("/".join(parts[:i]) + "/" for i in range(1, len(parts)))
    src = zipfile.ZipFile(io.BytesIO(stdlib))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as out:
        for info in src.infolist():
            if info.filename in keep:
                copy = zipfile.ZipInfo(info.filename, info.date_time)
                copy.external_attr = info.external_attr
                out.writestr(copy, src.read(info), compress_type=zipfile.ZIP_STORED)
    return buf.getvalue()


def trimmed_zip(engine_zip: bytes, stdlib_path: Path) -> bytes:
    stdlib = stdlib_path.read_bytes()
    members = traced_members(engine_zip, stdlib)
    return stdlib if members is None else trim(stdlib, members)
