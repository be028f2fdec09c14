"""Copy the pinned Pyodide runtime from node_modules into the site (served from our own origin).

npm ci installs it from package-lock.json, which pins the version and checks the
tarball's sha512 integrity; here we make sure the installed copy is that pinned version.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from . import ROOT

# Only what loading the interpreter and the standard library needs; no extra packages.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


class PyodideMissing(RuntimeError):
    pass


def pinned_version() -> str:
    return json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]


def installed_dir() -> Path:
    pkg = ROOT / "node_modules" / "pyodide"
    meta = pkg / "package.json"
    if not meta.exists():
        raise PyodideMissing("Pyodide is not installed: run `make setup` (npm ci).")
    installed = json.loads(meta.read_text())["version"]
    if installed != pinned_version():
        raise PyodideMissing(f"node_modules has Pyodide {installed}, package.json pins {pinned_version()}: run `npm ci`.")
    return pkg


def copy_runtime(out_dir: Path, stdlib_zip: bytes | None = None) -> Path:
    """Copy the runtime; ``stdlib_zip`` replaces the full standard library (see stdlib.py)."""
    src = installed_dir()
    target = out_dir / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        if name == "python_stdlib.zip" and stdlib_zip is not None:
            (target / name).write_bytes(stdlib_zip)
        else:
            shutil.copyfile(src / name, target / name)
    return target
