"""What every content page shows from its front matter: the summary as its lead, a link to
the self-check where the benefit is computed there, and at the end its "Stand" and sources."""
from __future__ import annotations

import re
from datetime import date

from .catalogs import translator
from .components import render

H1_RE = re.compile(r"^# .+$", re.M)


def under_title(markdown: str, html: str) -> str:
    """``html`` as its own block right under the page's title (or first, without one)."""
    match = H1_RE.search(markdown)
    block = "\n\n" + html + "\n\n"
    return markdown[:match.end()] + block + markdown[match.end():] if match else block.lstrip() + markdown


def decorate(markdown: str, meta: dict, ui_lang: str, depth: int) -> str:
    """``depth``: how many folders below the docs root the page lies (for relative links)."""
    t = translator(ui_lang)
    lead = []
    if meta.get("summary") and meta.get("kind") != "leichte-sprache":
        lead.append(str(render("page_lead", summary=str(meta["summary"]))))
    if meta.get("selfcheck"):
        lead.append(f'[{t("page.selfcheck_link")}]({"../" * depth}selbstcheck.md){{ .md-button .md-button--primary }}')
    if lead:
        block = "\n\n" + "\n\n".join(lead) + "\n\n"
        match = H1_RE.search(markdown)
        markdown = markdown[:match.end()] + block + markdown[match.end():] if match else block + markdown

    stand = meta.get("stand") if isinstance(meta.get("stand"), date) else None
    sources = [s for s in meta.get("sources") or [] if isinstance(s, dict) and s.get("url")]
    if stand or sources:
        markdown += "\n\n" + str(render("page_meta", stand=stand, sources=sources, lang=ui_lang)) + "\n"
    return markdown
