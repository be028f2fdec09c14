"""Everything the self-check page embeds at build time, for one language.

The page then needs nothing from any server: the questions as HTML, their description for
the script, the interface strings (the page's language and German, for the bilingual print
sheet), each town's responsible offices per program, and each program's facts (deadlines,
documents, link) from the benefit pages' front matter.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from selfcheck import programs

from . import questionnaire
from .catalogs import messages
from .frontmatter import split_front_matter
from .localdata import LocalData
from .components import render
from .localpages import responsible

# Programs the engine computes (selfcheck/programs registry); each has a benefit page with the same id.
PROGRAMS = programs.computed()


def _json(data) -> str:
    # "<" escaped so no string can end the surrounding <script type="application/json"> early
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def benefit_facts(docs_dir: Path, lang: str) -> dict:
    from .hooks import build_date  # hooks imports this module; deadlines name legal periods as parameters
    from .placeholders import fill_params
    out = {}
    for program in PROGRAMS:
        page = docs_dir / "leistungen" / f"{program}.{lang}.md"
        if not page.exists():
            page = docs_dir / "leistungen" / f"{program}.de.md"
        if not page.exists():
            continue
        parts = split_front_matter(page.read_text(encoding="utf-8"))
        meta = (yaml.safe_load(parts[0]) if parts else {}) or {}
        out[program] = {
            "title": meta.get("title", program),
            "url": f"../leistungen/{program}/",
            "deadlines": fill_params(meta.get("deadlines", ""), page.name.split(".")[-2], build_date()),
            "documents": meta.get("documents", []),
            "lang": page.name.split(".")[-2],  # the language the facts are written in
        }
    return out


def office_templates(local: LocalData, lang: str) -> str:
    entries = [{"program": program, **responsible(local, program, town)}
               for town in local.towns for program in PROGRAMS]
    return render("office_template", entries=entries, lang=lang)


def context(lang: str, local: LocalData, docs_dir: str) -> dict:
    return {
        "form": questionnaire.render(lang, local.towns),
        "config": _json(questionnaire.config()),
        "messages": _json(messages(lang)),
        "messages_de": _json(messages("de")),
        "benefits": _json(benefit_facts(Path(docs_dir), lang)),
        "offices": office_templates(local, lang),
    }
