"""Everything the self-check page embeds at build time, for one language.

The page then needs nothing from any server: the questions as HTML, their description for
the script, the interface strings (the page's language and German, for the bilingual print
sheet), each town's responsible offices per benefit, each benefit's facts (deadline text,
documents with the households they concern, link) and the application facts (approval
period, back-payment) from selfcheck/params/antrag.yaml for reminders and the Laufzettel.

Programs are found, not listed: every benefit page is a program the engine may return, under
its front matter's ``selfcheck`` id or else its page id with "_" for "-", so a program the
engine adds appears with its office and facts without code here.
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path


from selfcheck import programs
from selfcheck.params import Params

from . import questionnaire
from .catalogs import messages, plurals
from .components import render
from .frontmatter import split_front_matter
from .localdata import LocalData
from .localpages import responsible_html
from . import yamlio

# Programs the engine computes (selfcheck/programs registry); each has a benefit page with the same id.
PROGRAMS = programs.computed()

# Which household a document concerns, read from the German wording of the benefit pages'
# document lists (the pages are written in German first). A document that matches no rule is
# listed for everyone who may claim the benefit.
DOCUMENT_RULES = (
    (re.compile(r"Kinder[n]? ab 18 Jahren"), "child_18"),
    (re.compile(r"Kinder[n]? ab 12 Jahren"), "child_12"),
    (re.compile(r"^Für Eigentümer"), "owner"),
    (re.compile(r"^Bei ausländischen Staatsangehörigen"), "foreign"),
    (re.compile(r"^Mietvertrag und"), "tenant"),
    (re.compile(r"Schwerbehindertenausweis$"), "disability"),
)


def _json(data) -> str:
    # "<" escaped so no string can end the surrounding <script type="application/json"> early
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _meta(page: Path) -> dict:
    parts = split_front_matter(page.read_text(encoding="utf-8"))
    return (yamlio.load(parts[0]) if parts else {}) or {}


def _documents(meta: dict) -> list[str]:
    # An unquoted "a: b" in a page's list is read by YAML as a mapping: keep it as the text it was.
    return [d if isinstance(d, str) else "; ".join(f"{k}: {v}" for k, v in d.items()) for d in meta.get("documents") or []]


def document_condition(text: str) -> str | None:
    for pattern, condition in DOCUMENT_RULES:
        if pattern.search(text):
            return condition
    return None


def benefit_pages(docs_dir: Path) -> dict[str, str]:
    """Engine program id -> benefit page id, for every benefit page."""
    out = {}
    for page in sorted((docs_dir / "leistungen").glob("*.de.md")):
        meta = _meta(page)
        page_id = meta.get("id") or page.name.split(".")[0]
        # the engine's ids are page ids (registry); older ones used "_" for "-"
        out[page_id] = page_id
        out[meta.get("selfcheck") or page_id.replace("-", "_")] = page_id
    return out


def benefit_facts(docs_dir: Path, lang: str, day: date | None = None) -> dict:
    from .placeholders import fill_params  # deadlines may name legal periods as parameters
    table = messages(lang)
    out = {}
    for program, page_id in benefit_pages(docs_dir).items():
        page = docs_dir / "leistungen" / f"{page_id}.{lang}.md"
        if not page.exists():
            page = docs_dir / "leistungen" / f"{page_id}.de.md"
        meta = _meta(page)
        german = meta if page.name.endswith(".de.md") else _meta(docs_dir / "leistungen" / f"{page_id}.de.md")
        # The deadline in the user's language from the catalog; the page's own text otherwise.
        key = f"deadline.{page_id}"
        deadline = {"text": table[key], "lang": lang} if key in table else \
            {"text": fill_params(meta.get("deadlines", ""), page.name.split(".")[-2], day or date.today()),
             "lang": page.name.split(".")[-2]}
        documents = _documents(meta)
        conditions = [document_condition(text) for text in _documents(german)]
        if len(conditions) != len(documents):
            conditions = [document_condition(text) for text in documents]
        out[program] = {
            "page": page_id,
            "title": meta.get("title", program),
            "url": f"../leistungen/{page_id}/",
            "deadline": deadline,
            "documents": [{"text": text, "if": cond} for text, cond in zip(documents, conditions)],
            "lang": page.name.split(".")[-2],  # the language the documents are written in
        }
    return out


def office_blocks(local: LocalData, pages: list[str], lang: str) -> tuple[str, dict]:
    """Each town's responsible offices per benefit page: unique HTML blocks and a lookup."""
    blocks: dict[str, int] = {}
    lookup = {}
    for town in local.towns:
        for page_id in pages:
            html = responsible_html(local, page_id, town, lang)
            lookup[f"{town['id']}/{page_id}"] = blocks.setdefault(html, len(blocks))
    templates = "".join(render("selfcheck_office_block", n=n, html=html) for html, n in blocks.items())
    return templates, lookup


def application_facts(day: date) -> dict:
    params = Params(day)
    out = {}
    for key in ("bewilligungszeitraum_monate", "rueckwirkung_monate"):
        value = params.get("antrag", key)
        out[key] = {"months": value.value, "law": value.legal_basis}
    ages = params.get("grundsicherungsgeld", "erwerbsfaehigkeit_alter")
    out["working_age"] = {"minimum": ages.value["mindestalter"], "age": ages.value["altersgrenze_sicher"],
                          "law": ages.legal_basis}
    return out


def catalog(lang: str) -> dict:
    """The interface strings the page script gets: a plural key's value is {CLDR category: text}."""
    return {**messages(lang), **plurals(lang)}


def context(lang: str, local: LocalData, docs_dir: str, day: date | None = None) -> dict:
    docs = Path(docs_dir)
    day = day or date.today()
    pages = sorted(set(benefit_pages(docs).values()))
    templates, lookup = office_blocks(local, pages, lang)
    return {
        "form": questionnaire.render(lang, local.towns, day),
        "config": _json(questionnaire.config(day)),
        "messages": _json(catalog(lang)),
        "messages_de": _json(catalog("de")),
        "benefits": _json(benefit_facts(docs, lang, day)),
        "offices": templates,
        "responsible": _json(lookup),
        "facts": _json({**application_facts(day), "towns": {t["id"]: t["name"] for t in local.towns}}),
    }
