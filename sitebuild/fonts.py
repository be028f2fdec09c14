"""Copy the web fonts the site serves itself (no font from another origin) from node_modules.

Only Arabic script needs one: Latin and Cyrillic render in the system fonts. The @font-face
rules are in overrides/assets/fonts/noto-sans-arabic.css; main.html links them on ar/fa pages.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from . import ROOT

PACKAGE = "@fontsource/noto-sans-arabic"
FILES = ("noto-sans-arabic-arabic-400-normal.woff2", "noto-sans-arabic-arabic-700-normal.woff2")


def package_dir() -> Path:
    pkg = ROOT / "node_modules" / PACKAGE
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"][PACKAGE]
    installed = json.loads((pkg / "package.json").read_text(encoding="utf-8"))["version"] if pkg.exists() else None
    if installed != pinned:
        raise RuntimeError(f"node_modules has {PACKAGE} {installed}, package.json pins {pinned}: run `npm ci`.")
    return pkg


def copy(out_dir: Path) -> None:
    src = package_dir() / "files"
    target = out_dir / "assets" / "fonts"
    target.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copyfile(src / name, target / name)
    shutil.copyfile(package_dir() / "LICENSE", target / "LICENSE-noto-sans-arabic.txt")
