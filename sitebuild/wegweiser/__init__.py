"""Behördenwegweiser: printed guides per town, audience and language (Typst, fonts from npm).

For every town × audience × language of a site: an A4 guide (one or two pages) and an A5
booklet (a multiple of 4 pages, imposed on A4 for duplex printing), German only or bilingual.
Output is deterministic: the PDF carries no creation date and Typst's document id depends
only on the content, so the same data gives the same bytes.
"""
from __future__ import annotations

import io
import json
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import segno

from .. import ROOT
from ..localdata import LocalData
from . import data

HERE = Path(__file__).resolve().parent
FONT_DIRS = [ROOT / "node_modules" / "@expo-google-fonts" / pkg / weight
             # Cairo for Arabic: Noto Sans Arabic draws a letter's dots as separate glyphs, and Typst
             # maps each glyph to the letter, so copied or read-aloud text doubled letters ("تتجج").
             # Noto Sans Ethiopic for Tigrinya (Ge'ez script)
             for pkg, prefix in (("noto-sans", "NotoSans"), ("cairo", "Cairo"), ("noto-sans-ethiopic", "NotoSansEthiopic"))
             for weight in ("400Regular", "700Bold")]
A4_SIZES = ("8.5", "8", "7.5", "7", "6.5")   # body text in pt, largest that fits two pages
A5_SIZE = "8.5"
PAGE_RE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


class FontsMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def compiler():
    import typst

    missing = [str(d) for d in FONT_DIRS if not d.is_dir()]
    if missing:
        raise FontsMissing(f"fonts not installed ({', '.join(missing)}): run `npm ci --ignore-scripts`")
    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                        font_paths=[str(d) for d in FONT_DIRS])
    return typst.Compiler(font_paths=fonts, ignore_system_fonts=True, root=str(HERE))


def page_count(pdf: bytes) -> int:
    return len(PAGE_RE.findall(pdf))


def qr_svg(url: str | None) -> str | None:
    if not url:
        return None
    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="svg", scale=4, border=2, xmldecl=False, svgns=True)
    return buf.getvalue().decode("ascii")


def qr_input(guide: dict) -> dict:
    svg = qr_svg(guide["url"])
    return {"qr": svg} if svg else {}


def _typst(inputs: dict, source: str = "guide.typ", root: Path = HERE) -> bytes:
    return compiler().compile(input=str(HERE / source), root=str(root), format="pdf", sys_inputs=inputs)


def render_a4(guide: dict, accent: str = "#005a8c") -> bytes:
    base = {"data": json.dumps(guide, ensure_ascii=False, sort_keys=True), "format": "a4",
            **qr_input(guide), "accent": accent}
    for size in A4_SIZES:  # shrink the type until it fits two pages
        pdf = _typst({**base, "size": size})
        if page_count(pdf) <= 2:
            return pdf
    return pdf


def render_a5(guide: dict, accent: str = "#005a8c") -> bytes:
    base = {"data": json.dumps(guide, ensure_ascii=False, sort_keys=True), "format": "a5",
            **qr_input(guide), "accent": accent, "size": A5_SIZE}
    pdf = _typst(base)
    pad = -page_count(pdf) % 4
    return _typst({**base, "pad": str(pad)}) if pad else pdf


def impose(a5_path: Path, guide: dict) -> bytes:
    """The A5 pages two by two on A4 landscape, in saddle-stitch order."""
    pdf = a5_path.read_bytes()
    inputs = {"src": "/" + a5_path.name, "pages": str(page_count(pdf)), "dir": guide["dir"],
              "title": guide["title"]["text"], "author": guide["imprint"]["text"]}
    return compiler().compile(input=(HERE / "impose.typ").read_bytes(), root=str(a5_path.parent),
                              format="pdf", sys_inputs=inputs)


@dataclass
class Made:
    town: str
    audience: str
    lang: str
    bilingual: bool
    files: dict          # kind ("a4", "a5", "booklet") -> path
    guide: dict


def make(site, local: LocalData, town: dict, audience: dict, lang: str, bilingual: bool, out: Path) -> Made:
    guide = data.guide(site, local, town, audience, lang, bilingual)
    accent = site.data.get("colours", {}).get("primary", "#005a8c")
    folder = out / town["id"]
    folder.mkdir(parents=True, exist_ok=True)
    stem = data.stem(audience["id"], lang, bilingual)
    files = {"a4": folder / f"{stem}-a4.pdf", "a5": folder / f"{stem}-a5.pdf",
             "booklet": folder / f"{stem}-a5-booklet.pdf"}
    files["a4"].write_bytes(render_a4(guide, accent))
    files["a5"].write_bytes(render_a5(guide, accent))
    files["booklet"].write_bytes(impose(files["a5"], guide))
    return Made(town["id"], audience["id"], lang, bilingual, files, guide)


def make_all(site, out: Path, towns: list[str] | None = None) -> list[Made]:
    """Every guide of a site (or of the towns named) into ``out/<town>/``."""
    local = LocalData.load(site.dir)
    config = data.load_config(site)
    made = []
    for town in local.towns:
        if towns and town["id"] not in towns:
            continue
        for audience in config["audiences"]:
            for lang, bilingual in data.variants(site):
                made.append(make(site, local, town, audience, lang, bilingual, out))
    return made


def make_one(site, town_id: str, audience_id: str, lang: str, out: Path, bilingual: bool = True) -> Made:
    local = LocalData.load(site.dir)
    town = local.town(town_id)
    audience = next((a for a in data.load_config(site)["audiences"] if a["id"] == audience_id), None)
    if town is None or audience is None:
        known = [t["id"] for t in local.towns], [a["id"] for a in data.load_config(site)["audiences"]]
        raise KeyError(f"unknown town or audience (towns: {', '.join(known[0])}; audiences: {', '.join(known[1])})")
    if lang not in site.languages:
        raise KeyError(f"language {lang} is not one of the site's: {', '.join(site.languages)}")
    return make(site, local, town, audience, lang, bilingual and lang != "de", out)


def timed_make_all(site, out: Path) -> tuple[list[Made], float]:
    started = time.perf_counter()
    made = make_all(site, out)
    return made, time.perf_counter() - started
