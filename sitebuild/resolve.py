"""The last step of the stage: every page of every language made final, before any renderer.

For each page and each language of the site it writes ``page.<lang>.md`` with:
placeholders filled (parameters in force on the build date, documents, the local offices),
the lead and "Stand"/sources block (pagemeta), and in the front matter what the templates
show (``fallback`` for a page not yet translated, ``selfcheck`` for the self-check page).
A page missing in a language becomes an explicit fallback page: the German text, marked
``fallback: de`` so the template wraps it in ``lang="de"`` with the notice in the page's
language. MkDocs then only renders; no hook changes a page (see README, "Renderer").
"""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import yaml

from . import bidi, leichtesprache, pagemeta, placeholders, selfcheckpage, signlanguage, translations
from .components import render
from .frontmatter import split_front_matter
from .localdata import LocalData
from .localpages import benefit_offices_block
from .sites import load_site
from . import yamlio

SOURCE_LANGUAGE = "de"
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def build_date() -> date:
    # SOZIALLOTSE_DATE pins "today" for reproducible builds and tests.
    override = os.environ.get("SOZIALLOTSE_DATE")
    return date.fromisoformat(override) if override else date.today()


def read(path: Path) -> tuple[dict, str]:
    parts = split_front_matter(path.read_text(encoding="utf-8"))
    if parts is None:
        return {}, path.read_text(encoding="utf-8")
    return dict(yamlio.load(parts[0]) or {}), parts[2]


def write(path: Path, meta: dict, body: str) -> None:
    front = yaml.dump(meta, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=1 << 20)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def page_body(meta: dict, body: str, file_lang: str, lang: str, depth: int, local: LocalData, day: date) -> str:
    """``file_lang``: the language the text is written in; ``lang``: the language of the page."""
    body = placeholders.fill_params(body, file_lang, day)
    body = placeholders.fill_tables(body, file_lang, day)
    body = placeholders.fill_documents(body, meta.get("documents", []))
    body = placeholders.fill_offices(body, lambda: benefit_offices_block(local, meta.get("id", ""), file_lang))
    body = pagemeta.decorate(body, meta, lang, depth)
    if meta.get("kind") == "leichte-sprache":
        body = leichtesprache.line_breaks(body)

    # A German fallback page stays left-to-right; only text in the right-to-left language is isolated.
    return bidi.isolate(body, file_lang)


def resolve_meta(meta: dict, file_lang: str, day: date) -> dict:
    """Parameters in the front matter's texts (summary, deadlines, documents) too."""
    def fill(value):
        if isinstance(value, str):
            return placeholders.fill_params(value, file_lang, day)
        if isinstance(value, list):
            return [fill(v) for v in value]
        return value

    return {k: fill(v) if k in ("summary", "deadlines", "documents") else v for k, v in meta.items()}


GERMAN_ONLY = translations.GERMAN_ONLY


def german_url(path: Path, staging: Path) -> str:
    """The German page's address relative to the same page in another language (directory URLs:
    ``tr/leistungen/wohngeld/`` -> ``../../../leistungen/wohngeld/``)."""
    url = page_url(page_id(path, staging))
    return "../" * (1 + url.count("/")) + url


def page_id(path: Path, staging: Path) -> str:
    """``leistungen/wohngeld`` for ``leistungen/wohngeld.de.md``: how site data names a page."""
    return path.relative_to(staging).as_posix()[: -len(f".{SOURCE_LANGUAGE}.md")]


def root_url(path: Path, staging: Path, lang: str) -> str:
    """The site root relative to the page in ``lang`` (directory URLs, other languages one deeper)."""
    return "../" * (page_url(page_id(path, staging)).count("/") + (lang != SOURCE_LANGUAGE))


def page_url(rel: str) -> str:
    """The directory URL of a page relative to its language's root: ``leistungen/wohngeld/``."""
    return "" if rel == "index" else rel[: -len("index")] if rel.endswith("/index") else rel + "/"


def translation_state(meta: dict, german_hash: str, generated: bool) -> dict:
    """What the page tells its readers about its translation: made by machine, and/or outdated."""
    info = meta.get("translation") if isinstance(meta.get("translation"), dict) else {}
    method = "machine" if generated else str(info.get("method", "machine"))
    stale = not generated and bool(info) and str(info.get("source_hash")) != german_hash
    return {"method": method, "stale": stale}


def resolve(staging: Path, languages: list[str], site_dir: Path, day: date | None = None,
            content_dir: Path | None = None) -> None:
    day = day or build_date()
    local = LocalData.load(site_dir)
    site_data = load_site(site_dir).data if (Path(site_dir) / "site.yml").exists() else {}
    german = sorted(staging.rglob(f"*.{SOURCE_LANGUAGE}.md"))
    sources = {path: read(path) for path in german}  # before the German pages are rewritten
    # A page of content/ has a German source to be current with; the others are made from data.
    content_dir = content_dir or staging
    hashes = {path: translations.source_hash(content_dir / path.relative_to(staging))
              for path in german if (content_dir / path.relative_to(staging)).exists()}
    for lang in languages:
        for path in german:
            target = path.with_name(path.name[: -len(f".{SOURCE_LANGUAGE}.md")] + f".{lang}.md")
            if lang == SOURCE_LANGUAGE or not target.exists():
                meta, body = dict(sources[path][0]), sources[path][1]
                file_lang = SOURCE_LANGUAGE
                if lang != SOURCE_LANGUAGE:
                    german_only = path.relative_to(staging).parts[0] in GERMAN_ONLY
                    meta["german_only" if german_only else "fallback"] = SOURCE_LANGUAGE
            else:
                meta, body = read(target)
                file_lang = lang
                if lang != SOURCE_LANGUAGE:
                    generated = path not in hashes or bool(meta.get("generated"))
                    meta["translated"] = translation_state(meta, hashes.get(path, ""), generated)
            depth = len(path.relative_to(staging).parts) - 1
            meta = resolve_meta(meta, file_lang, day)
            body = page_body(meta, body, file_lang, lang, depth, local, day)
            state = meta.pop("translated", None)
            if state and (state["method"] == "machine" or state["stale"]):
                notice = str(render("translation_notice", lang=lang, machine=state["method"] == "machine",
                                    stale=state["stale"], german=german_url(path, staging)))
                # under the title; a tool's page (self-check, offline) shows it after the tool, so
                # that the first question stays in view on a phone
                if meta.get("template") in ("selfcheck.html", "adviser.html", "offline.html"):
                    meta["translation_notice"] = notice
                else:
                    body = pagemeta.under_title(body, notice)
            shown = signlanguage.for_page(site_data, page_id(path, staging))
            if shown:
                root = root_url(path, staging, lang)
                body = pagemeta.under_title(body, str(render(
                    "sign_language", lang=lang, videos=[signlanguage.published(v, root) for v in shown])))
            if isinstance(meta.get("keywords"), list):  # searchable (as the theme's tags), not shown
                meta["tags"] = [str(word) for word in meta["keywords"]]
            if meta.get("office_type") and "search" not in meta:
                # a benefit's own page before the pages that mention it (the theme's search boost)
                meta["search"] = {"boost": 3}
            if meta.get("template") in ("selfcheck.html", "adviser.html"):
                meta["selfcheck"] = {k: str(v) for k, v in selfcheckpage.context(lang, local, str(staging), day).items()}
            write(target, meta, body)
