"""Links to the law texts, resolved at build time (issue #9, item 5).

Every explanation step carries its legal basis as text ("§ 12 Abs. 2 SGB II"). ``table()``
maps each legal-basis text the engine can emit to the official text of its first paragraph on
gesetze-im-internet.de, so the page script only looks the text up (no regex in the browser;
a text joined from two parameters, "A, B", is looked up by its first part "A"):

- an ``href`` given in a parameter's ``reference`` for that very paragraph wins;
- otherwise the paragraph and the law's abbreviation give the address (``LAW_SLUGS``);
- a text we cannot resolve (a Verordnung, an administrative rule) gets no link.

Pure standard library; the build (sitebuild) embeds ``table()`` into the self-check page.
"""
from __future__ import annotations

import re
from pathlib import Path

from .params import load_data

HERE = Path(__file__).parent
BASE = "https://www.gesetze-im-internet.de"

# Law abbreviation as written in our texts -> its folder on gesetze-im-internet.de.
LAW_SLUGS = {
    "EStG": "estg", "SGB I": "sgb_1", "SGB II": "sgb_2", "SGB III": "sgb_3", "SGB IV": "sgb_4",
    "SGB V": "sgb_5", "SGB VI": "sgb_6", "SGB VIII": "sgb_8", "SGB IX": "sgb_9", "SGB X": "sgb_10",
    "SGB XI": "sgb_11", "SGB XII": "sgb_12", "WoGG": "wogg", "BKGG": "bkgg_1996", "UVG": "uhvorschg",
    "BEEG": "beeg", "AsylbLG": "asylblg", "BAföG": "baf_g", "BGB": "bgb", "MuSchG": "muschg_2018",
}
_LAWS = "|".join(sorted((re.escape(k) for k in LAW_SLUGS), key=len, reverse=True))
# "§ 12 Abs. 2 Satz 3 SGB II", "§ 7 Abs. 1 Satz 1 Nr. 1, § 7a SGB II", "§§ 13, 13a BAföG": the first
# paragraph, then only citation words up to the law (so "§ 1 DVO zu § 90 SGB XII" is not § 1 SGB XII).
_WORDS = r"(?:\s*(?:Abs\.|Absatz|Satz|S\.|Nr\.|Buchst\.\s*[a-z]|Halbsatz|ff\.|und|bis|i\.\s?V\.\s?m\.|,|-|–|§§?|\d+[a-z]?))*"
_FIRST = re.compile(r"^§§?\s*(\d+[a-z]?)" + _WORDS + r"\s+(" + _LAWS + r")(?![\w.])")
_REF_TITLE = re.compile(r"^§\s*(\d+[a-z]?)\s+(" + _LAWS + r")\s+\(gesetze-im-internet\.de\)$")
_LITERAL = re.compile(r'"(§[^"\n]{1,120})"')


def _reference_hrefs(data: dict) -> dict[tuple[str, str], str]:
    """(paragraph, law) -> href, from the parameters' references."""
    out = {}
    for spec in data.values():
        for param in spec.values():
            if not isinstance(param, dict):
                continue
            for entry in param.get("values", {}).values():
                for ref in entry.get("reference", []):
                    m = _REF_TITLE.match(ref.get("title", ""))
                    if m and ref.get("href", "").startswith(BASE):
                        out[(m.group(1), m.group(2))] = ref["href"]
    return out


def href(law: str, known: dict | None = None) -> str | None:
    """The official text of the first paragraph named in ``law``, or None."""
    m = _FIRST.match(law.strip())
    if not m:
        return None
    paragraph, abbreviation = m.group(1), m.group(2)
    if known and (paragraph, abbreviation) in known:
        return known[(paragraph, abbreviation)]
    return f"{BASE}/{LAW_SLUGS[abbreviation]}/__{paragraph}.html"


def emitted_laws(data: dict | None = None) -> set[str]:
    """Every legal-basis text the engine can emit: the parameters' and the code's."""
    data = load_data() if data is None else data
    laws = {param["legal_basis"] for spec in data.values() for param in spec.values()
            if isinstance(param, dict) and param.get("legal_basis")}
    for path in HERE.rglob("*.py"):
        laws |= {s for s in _LITERAL.findall(path.read_text(encoding="utf-8")) if ":" not in s}
    return laws


def table(data: dict | None = None) -> dict[str, str]:
    """Legal-basis text -> link, for every text the engine can emit that names a known law."""
    data = load_data() if data is None else data
    known = _reference_hrefs(data)
    out = {}
    for law in sorted(emitted_laws(data)):
        link = href(law, known)
        if link:
            out[law] = link
    return out
