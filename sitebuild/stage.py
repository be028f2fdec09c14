"""Assemble the documents MkDocs builds: content/ plus the pages made from the site's data.

The staging folder (build/<site-id>/docs) is rebuilt on every build, so a page removed from
content/ or a town removed from the data never lingers.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from . import ROOT, coverage
from .frontmatter import split_front_matter
from .localdata import LocalData
from .catalogs import translator
from .localpages import directory_page, matrix_page, town_page, towns_index
from . import yamlio

CONTENT_DIR = ROOT / "content"
LAENDER = {
    "DE-BW": "Baden-Württemberg", "DE-BY": "Bayern", "DE-BE": "Berlin", "DE-BB": "Brandenburg", "DE-HB": "Bremen",
    "DE-HH": "Hamburg", "DE-HE": "Hessen", "DE-MV": "Mecklenburg-Vorpommern", "DE-NI": "Niedersachsen",
    "DE-NW": "Nordrhein-Westfalen", "DE-RP": "Rheinland-Pfalz", "DE-SL": "Saarland", "DE-SN": "Sachsen",
    "DE-ST": "Sachsen-Anhalt", "DE-SH": "Schleswig-Holstein", "DE-TH": "Thüringen",
}

LAND_NOTICE = """---
{front}
---
# {title}

!!! info "{heading}"
    {text}

{{{{ zustaendig }}}}
"""


def replace_foreign_land_pages(staging: Path, site_land: str | None) -> list[Path]:
    """Pages about another Land's law become an honest notice (a site may override them in pages/)."""
    replaced = []
    for path in sorted(staging.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "\nland:" not in text:
            continue
        parts = split_front_matter(text)
        meta = yamlio.load(parts[0]) if parts else None
        page_land = (meta or {}).get("land")
        if not page_land or not site_land or page_land == site_land:
            continue
        keep = {k: meta[k] for k in ("id", "title", "office_type", "stand") if k in meta}  # no Land-specific summary
        keep["generated"] = True  # the notice is made here, in the page's language, not translated
        front = yaml.safe_dump(keep, allow_unicode=True, sort_keys=False).strip()
        t = translator(path.name.split(".")[-2])
        text = t("land.notice", page_land=LAENDER.get(page_land, page_land), site_land=LAENDER.get(site_land, site_land))
        path.write_text(LAND_NOTICE.format(front=front, title=meta.get("title", ""), heading=t("land.notice_title"),
                                           text=text), encoding="utf-8")
        replaced.append(path)
    return replaced


def section_pages(content_dir: Path, section: str, lang: str) -> list[dict]:
    """Front matter of every page in a section, in ``lang`` where translated, sorted by title.

    Each entry carries ``page`` (the id) and ``lang`` (the language its text is in).
    """
    out = []
    for path in sorted((content_dir / section).glob("*.de.md")):
        page = path.name.split(".")[0]
        if page == "index":
            continue
        translated = path.with_name(f"{page}.{lang}.md")
        source = translated if translated.exists() else path
        parts = split_front_matter(source.read_text(encoding="utf-8"))
        meta = dict((yamlio.load(parts[0]) if parts else None) or {})
        meta.setdefault("title", page)
        meta.update(page=page, lang=source.name.split(".")[-2])
        out.append(meta)
    return sorted(out, key=lambda m: str(m["title"]).lower())


def benefit_titles(content_dir: Path, lang: str) -> list[tuple[str, str]]:
    """(id, title) of every benefit page, in the page's language where translated, sorted by title."""
    return [(m["page"], m["title"]) for m in section_pages(content_dir, "leistungen", lang)]


def overview_page(content_dir: Path, section: str, lang: str) -> str:
    """A section's index: every page with its one-line summary."""
    t = translator(lang)
    lines = ["---", f'title: "{t(f"nav.{section}")}"', "---", f"# {t(f'nav.{section}')}", "",
             t(f"overview.{section}"), ""]
    for meta in section_pages(content_dir, section, lang):
        marker = "" if meta["lang"] == lang else f'{{: lang="{meta["lang"]}" }}'
        lines.append(f"- [{meta['title']}]({meta['page']}.md){marker}  ")
        if meta.get("summary"):
            lines.append(f"  {meta['summary']}")
    return "\n".join(lines) + "\n"


NAV_TOP = ("index", "selbstcheck")
NAV_SECTIONS = ("leistungen", "lebenslagen", "orte")
NAV_AFTER = ("zustaendigkeit", "stellen", "zustaendigkeiten", "glossar", "leichte-sprache",
             "barrierefreiheit", "datenschutz")


def nav(staging: Path) -> list:
    """The site's navigation: start, self-check, the sections sorted by title, then the rest."""
    def exists(stem: str) -> bool:
        return (staging / f"{stem}.de.md").exists()

    items: list = [f"{stem}.md" for stem in NAV_TOP if exists(stem)]
    for section in NAV_SECTIONS:
        if not (staging / section).is_dir():
            continue
        pages = [f"{section}/{m['page']}.md" for m in section_pages(staging, section, "de")]
        items.append({f"nav.{section}": [f"{section}/index.md", *pages]})
    for stem in NAV_AFTER:
        if stem == "leichte-sprache" and (staging / stem).is_dir():
            pages = [f"{stem}/{m['page']}.md" for m in section_pages(staging, stem, "de")]
            items.append({"nav.leichte-sprache": [f"{stem}/index.md", *pages]})
        elif exists(stem):
            items.append(f"{stem}.md")
    return items


def stage(site, staging: Path, content_dir: Path = CONTENT_DIR, day=None) -> Path:
    """Content + site data + parameters -> final Markdown for every page in every language."""
    generate(site, staging, content_dir)
    from .resolve import resolve

    resolve(staging, site.languages, site.dir, day, content_dir)
    return staging


def generate(site, staging: Path, content_dir: Path = CONTENT_DIR) -> Path:
    """Copy content and the site's own pages, and write the pages made from data."""
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(content_dir, staging)
    for lang in site.languages:
        for section in ("leistungen", "lebenslagen"):
            (staging / section / f"index.{lang}.md").write_text(overview_page(content_dir, section, lang), encoding="utf-8")
    replace_foreign_land_pages(staging, site.data.get("land"))
    local_pages = site.dir / "pages"
    if local_pages.is_dir():  # a municipality's own pages, including its versions of Land-law pages
        shutil.copytree(local_pages, staging, dirs_exist_ok=True)
    data = LocalData.load(site.dir)
    if not data.towns:
        return staging
    (staging / "orte").mkdir(exist_ok=True)
    for lang in site.languages:
        benefits = benefit_titles(content_dir, lang)
        (staging / "orte" / f"index.{lang}.md").write_text(towns_index(data, lang), encoding="utf-8")
        for town in data.towns:
            (staging / "orte" / f"{town['id']}.{lang}.md").write_text(town_page(data, town, benefits, lang), encoding="utf-8")
        (staging / f"stellen.{lang}.md").write_text(directory_page(data, benefits, lang), encoding="utf-8")
        (staging / f"zustaendigkeiten.{lang}.md").write_text(matrix_page(data, benefits, lang), encoding="utf-8")
        (staging / f"{coverage.PAGE}.{lang}.md").write_text(coverage.page(data, lang), encoding="utf-8")
    return staging
