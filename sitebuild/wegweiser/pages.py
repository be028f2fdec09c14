"""The guides on the site: an overview, a "Wegweiser" page per town listing its guides, the HTML
version of each guide (print CSS: A4), and a custom guide per town, staged as Markdown pages
with raw HTML from the components (overrides/components/wegweiser_*.html).

The PDFs are written into the staging folder (docs/wegweiser/pdf/<town>/) so MkDocs copies them;
links are raw HTML with relative URLs computed here, so MkDocs' link check does not need to know
about pages that exist in one language only (the bilingual web versions live in their language's tree).
"""
from __future__ import annotations

import logging
import time
from pathlib import Path

from markupsafe import Markup

from .. import components
from ..catalogs import translator
from ..localdata import LocalData
from . import data, make, qr_svg

log = logging.getLogger("sitebuild.wegweiser")
PDF_DIR = "wegweiser/pdf"


def _prefix(lang: str) -> str:
    return "" if lang == "de" else f"{lang}/"


def _up(page_lang: str, depth: int) -> str:
    """From a page ``depth`` folders below its language root back to the site root."""
    return "../" * (depth + (0 if page_lang == "de" else 1))


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1024:.0f} kB"


def _front(title: str) -> str:
    return "---\ntitle: " + '"' + title.replace('"', "'") + '"' + "\n---\n"


def guide_html(guide: dict, anchor: str) -> Markup:
    return components.render("wegweiser_guide", g=guide, anchor=anchor, qr=Markup(qr_svg(guide["url"]) or ""))


def custom_audience(config: dict) -> dict:
    """Every topic of every audience, groups in first-seen order, each topic once."""
    groups: dict[str, list[str]] = {}
    seen: set[str] = set()
    for audience in config["audiences"]:
        for group in audience["groups"]:
            topics = groups.setdefault(group["id"], [])
            for topic in group["topics"]:
                if topic not in seen:
                    seen.add(topic)
                    topics.append(topic)
    return {"id": "eigener", "groups": [{"id": g, "topics": t} for g, t in groups.items() if t], "lotse": True}


def stage(site, docs: Path) -> list:
    """Write every guide's PDFs and the guide pages into the staging folder ``docs``."""
    started = time.perf_counter()
    local = LocalData.load(site.dir)
    config = data.load_config(site)
    if not local.towns or not config["audiences"]:
        return []
    made = []
    out = docs / PDF_DIR
    for town in local.towns:
        per_town = []
        for audience in config["audiences"]:
            for lang, bilingual in data.variants(site):
                item = make(site, local, town, audience, lang, bilingual, out)
                per_town.append(item)
                stem = data.stem(audience["id"], lang, bilingual)
                page = docs / "wegweiser" / town["id"] / f"{stem}.{lang}.md"
                page.parent.mkdir(parents=True, exist_ok=True)
                title = f"{item.guide['title']['text']} – {item.guide['audience']['text']}"
                # formatted, not added: str + Markup would escape the front matter
                page.write_text(f"{_front(title)}\n# {title}\n\n{guide_html(item.guide, stem)}\n", encoding="utf-8")
        made += per_town
        for page_lang in site.languages:
            _town_page(site, docs, town, config, per_town, page_lang)
            _custom_page(site, docs, local, town, config, page_lang)
            _link_from(docs / "orte" / f"{town['id']}.{page_lang}.md", page_lang,
                       f"../wegweiser/{town['id']}.md", translator(page_lang)("wegweiser.link", town=town["name"]))
    for page_lang in site.languages:
        _overview(docs, local, page_lang)
        t = translator(page_lang)
        _link_from(docs / "orte" / f"index.{page_lang}.md", page_lang, "../wegweiser/index.md", t("wegweiser.overview_title"))
        _link_from(docs / f"zustaendigkeit.{page_lang}.md", page_lang, "wegweiser/index.md", t("wegweiser.overview_title"))
    pdfs = 3 * len(made)
    seconds = time.perf_counter() - started
    log.info("wegweiser: %d PDFs (%d guides) in %.1f s, %.2f s per PDF", pdfs, len(made), seconds, seconds / max(pdfs, 1))
    return made


def _link_from(page: Path, lang: str, href: str, text: str) -> None:
    """A link to the guides at the end of an existing staged page (the town page, the Lotse page)."""
    if page.exists():
        with page.open("a", encoding="utf-8") as fh:
            fh.write(f"\n\n[{text}]({href}){{ .md-button }}\n")


def _town_page(site, docs: Path, town: dict, config: dict, made: list, page_lang: str) -> None:
    t = translator(page_lang)
    up = _up(page_lang, 2)  # <lang>/wegweiser/<town>/
    audiences = []
    for audience in config["audiences"]:
        rows = []
        for item in (m for m in made if m.audience == audience["id"]):
            stem = data.stem(item.audience, item.lang, item.bilingual)
            base = f"{up}{PDF_DIR}/{town['id']}/"
            label = t("wegweiser.bilingual", language=data.language_name(item.lang, page_lang)) \
                if item.bilingual else t("wegweiser.german_only")
            rows.append({"lang": item.lang, "label": label,
                         "a4": base + item.files["a4"].name, "a4_size": _size(item.files["a4"]),
                         "booklet": base + item.files["booklet"].name, "booklet_size": _size(item.files["booklet"]),
                         "html": f"{up}{_prefix(item.lang)}wegweiser/{town['id']}/{stem}/"})
        audiences.append({"id": audience["id"], "title": t(f"wegweiser.audience.{audience['id']}"), "rows": rows})
    labels = {k: t(f"wegweiser.{k}") for k in ("language", "a4", "a5", "html", "booklet_hint")}
    html = components.render("wegweiser_town", audiences=audiences, labels=labels,
                             custom_href=f"../eigener-{town['id']}/", custom_label=t("wegweiser.custom_title"))
    title = t("wegweiser.page_title", town=town["name"])
    text = _front(title) + f"\n# {title}\n\n{t('wegweiser.page_intro', town=town['name'])}\n\n{html}\n"
    (docs / "wegweiser" / f"{town['id']}.{page_lang}.md").write_text(text, encoding="utf-8")


def _custom_page(site, docs: Path, local: LocalData, town: dict, config: dict, page_lang: str) -> None:
    t = translator(page_lang)
    audience = custom_audience(config)
    guides = []
    for lang, bilingual in data.variants(site):
        guide = data.guide(site, local, town, audience, lang, bilingual)
        guides.append((lang, guide_html(guide, f"eigener-{lang}")))
    first = data.guide(site, local, town, audience, page_lang, False)
    topics = [(topic["id"], topic["title"]["text"]) for group in first["groups"] for topic in group["topics"]]
    languages = [(lang, data.language_name(lang, page_lang) if not bilingual else
                  t("wegweiser.bilingual", language=data.language_name(lang, page_lang)))
                 for lang, bilingual in data.variants(site)]
    labels = {"language": t("wegweiser.language"), "topics": t("wegweiser.custom_topics"),
              "print": t("wegweiser.print"), "nojs": t("wegweiser.custom_nojs")}
    html = components.render("wegweiser_custom", labels=labels, languages=languages, topics=topics,
                             guides=guides, page_lang=page_lang,
                             script=f"{_up(page_lang, 2)}assets/js/wegweiser.js")
    title = f"{t('wegweiser.custom_title')}: {town['name']}"
    text = _front(title) + f"\n# {title}\n\n{t('wegweiser.custom_intro')}\n\n{html}\n"
    (docs / "wegweiser" / f"eigener-{town['id']}.{page_lang}.md").write_text(text, encoding="utf-8")


def _overview(docs: Path, local: LocalData, page_lang: str) -> None:
    t = translator(page_lang)
    lines = [_front(t("wegweiser.overview_title")), f"# {t('wegweiser.overview_title')}", "",
             t("wegweiser.overview_intro"), ""]
    lines += [f"- [{t('wegweiser.page_title', town=town['name'])}]({town['id']}.md) · "
              f"[{t('wegweiser.custom_title')}](eigener-{town['id']}.md)" for town in local.towns]
    lines += ["", t("wegweiser.booklet_hint"), ""]
    (docs / "wegweiser" / f"index.{page_lang}.md").write_text("\n".join(lines), encoding="utf-8")
