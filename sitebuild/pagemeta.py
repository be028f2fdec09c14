"""What every content page shows from its front matter: the summary as its lead, a link to
the self-check where the benefit is computed there, and at the end its "Stand" and sources."""
from __future__ import annotations

import re
from datetime import date
from html import escape

from babel.dates import format_date

from .catalogs import translator

H1_RE = re.compile(r"^# .+$", re.M)


def decorate(markdown: str, meta: dict, ui_lang: str, depth: int) -> str:
    """``depth``: how many folders below the docs root the page lies (for relative links)."""
    t = translator(ui_lang)
    lead = []
    if meta.get("summary") and meta.get("kind") != "leichte-sprache":
        lead.append(f'<p class="sl-lead" markdown="0">{escape(str(meta["summary"]))}</p>')
    if meta.get("selfcheck"):
        lead.append(f'[{t("page.selfcheck_link")}]({"../" * depth}selbstcheck.md){{ .md-button .md-button--primary }}')
    if lead:
        block = "\n\n" + "\n\n".join(lead) + "\n\n"
        match = H1_RE.search(markdown)
        markdown = markdown[:match.end()] + block + markdown[match.end():] if match else block + markdown

    tail = []
    stand = meta.get("stand")
    if isinstance(stand, date):
        tail.append(f"{t('page.stand')}: {format_date(stand, 'long', locale=ui_lang)}")
    sources = [s for s in meta.get("sources") or [] if isinstance(s, dict) and s.get("url")]
    if sources:
        links = ", ".join(f'<a href="{escape(s["url"])}">{escape(str(s.get("title", s["url"])))}</a>' for s in sources)
        tail.append(f"{t('page.sources')}: {links}")
    if tail:
        markdown += '\n\n<p class="sl-page-meta" markdown="0">' + "<br>".join(tail) + "</p>\n"
    return markdown
