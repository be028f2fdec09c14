"""Copy the web fonts the site serves itself (no font from another origin) from node_modules.

Latin and Cyrillic render in the system fonts; Arabic script (ar, fa) and Ge'ez (ti) get a Noto
font. The @font-face rules are in overrides/assets/fonts/<family>.css; main.html links the one a
page's language needs (SCRIPTS below names it), and only there.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from . import ROOT

# font file stem -> the languages that need it; the package is @fontsource/<stem>
SCRIPTS = {
    "noto-sans-arabic": {"script": "arabic", "languages": ("ar", "fa")},
    "noto-sans-ethiopic": {"script": "ethiopic", "languages": ("ti",)},
}


def font_for(lang: str) -> str | None:
    """The font stem a language's pages load, or None (system fonts)."""
    return next((stem for stem, s in SCRIPTS.items() if lang in s["languages"]), None)


def files(stem: str) -> tuple[str, ...]:
    script = SCRIPTS[stem]["script"]
    return tuple(f"{stem}-{script}-{weight}-normal.woff2" for weight in (400, 700))


def package_dir(stem: str) -> Path:
    package = f"@fontsource/{stem}"
    pkg = ROOT / "node_modules" / package
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"][package]
    installed = json.loads((pkg / "package.json").read_text(encoding="utf-8"))["version"] if pkg.exists() else None
    if installed != pinned:
        raise RuntimeError(f"node_modules has {package} {installed}, package.json pins {pinned}: run `npm ci`.")
    return pkg


def copy(out_dir: Path) -> None:
    """Every script's font: each CSS file in overrides/assets/fonts finds its files."""
    target = out_dir / "assets" / "fonts"
    target.mkdir(parents=True, exist_ok=True)
    for stem in SCRIPTS:
        for name in files(stem):
            shutil.copyfile(package_dir(stem) / "files" / name, target / name)
        shutil.copyfile(package_dir(stem) / "LICENSE", target / f"LICENSE-{stem}.txt")
