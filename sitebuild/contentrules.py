"""Rules for the body of a content page, each a function of (lines, context) -> problems.

- raw HTML that would run code or embed another site (``<script>``, ``on…=``,
  ``javascript:``, ``<iframe>``, ``<object>``, ``<embed>``): content is text, never code;
- a link to a page that does not exist (the build would fail later, without a line);
- a number typed where a parameter exists: a euro amount equal to any value any EUR
  parameter ever had, or a period in months, weeks or days equal to a value of a
  parameter with that unit in the page's own parameter files (the file named like the page,
  and those its front matter lists under ``params``: a bare "12 Monate" on the Elterngeld page
  is not the SGB II Karenzzeit). The page would show a stale figure after the next change of
  law; ``{{ param("…") }}`` stays current.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

HAZARD_RES = (
    (re.compile(r"<\s*script\b", re.I), "raw <script> in content: content may not run code"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "event attribute (on…=) in content: content may not run code"),
    (re.compile(r"javascript\s*:", re.I), "javascript: URL in content: content may not run code"),
    (re.compile(r"<\s*(iframe|object|embed)\b", re.I), "<{0}> in content: pages embed nothing from other sites"),
)
LINK_RE = re.compile(r"\]\(\s*([^)\s]+?)(?:\s+\"[^\"]*\")?\s*\)")
PLACEHOLDER_RE = re.compile(r"\{\{.*?\}\}")
NUMBER = r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?"
EURO_RE = re.compile(NUMBER + r"\s*(?:€|Euro\b|EUR\b)")
# Deadlines and periods. Ages ("unter 25 Jahren") are not checked: German declines them, which
# a placeholder cannot yet, and the engine takes every age limit from the parameters anyway.
PERIOD_RE = re.compile(NUMBER + r"\s*(Monate?n?|Wochen?|Tagen?|Tage)\b")
PERIOD_UNITS = {"Monat": "months", "Monate": "months", "Monaten": "months", "Woche": "weeks", "Wochen": "weeks",
                "Tag": "days", "Tage": "days", "Tagen": "days"}


@dataclass
class Known:
    """What the rules compare with: parameter values by unit, and the pages that will exist."""
    amounts: dict[str, dict[Decimal, list[str]]] = field(default_factory=dict)  # unit kind -> value -> refs
    pages: set[str] = field(default_factory=set)  # "leistungen/wohngeld" (no language suffix)


def hazards(lines):
    for lineno, line in lines:
        for pattern, message in HAZARD_RES:
            match = pattern.search(line)
            if match:
                yield lineno, "content-html", message.format(*match.groups())


def links(lines, page_dir: str, known: Known):
    """``page_dir``: the page's folder relative to the docs root ('' for the top)."""
    for lineno, line in lines:
        for match in LINK_RE.finditer(line):
            target = match.group(1).split("#", 1)[0]
            if not target or re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or not target.endswith(".md"):
                continue  # external, mail, anchor-only, or not a page
            resolved = _normalise(f"{page_dir}/{target[:-3]}" if page_dir else target[:-3])
            if resolved is None or resolved not in known.pages:
                yield lineno, "link", f"link to '{match.group(1)}': no such page (pages are linked as 'name.md', " \
                                      "without the language suffix)"


def _normalise(path: str) -> str | None:
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)


def _number(whole: str, cents: str | None) -> Decimal | None:
    try:
        return Decimal(whole.replace(".", "") + ("." + cents if cents else ""))
    except InvalidOperation:
        return None


def typed_numbers(lines, known: Known, own: set[str] = frozenset()):
    """``own``: the parameter files (e.g. 'kindergeld') whose periods this page must not retype."""
    for lineno, line in lines:
        text = PLACEHOLDER_RE.sub("", line)
        for match in EURO_RE.finditer(text):
            refs = known.amounts.get("EUR", {}).get(_number(match.group(1), match.group(2)))
            if refs:
                yield lineno, "typed-amount", f"amount '{match.group(0)}' typed in: write {{{{ param(\"{refs[0]}\") }}}}" \
                                              " so the page shows the value in force"
        for match in PERIOD_RE.finditer(text):
            unit = PERIOD_UNITS[match.group(3)]
            refs = [r for r in known.amounts.get(unit, {}).get(_number(match.group(1), match.group(2)), [])
                    if r.split(".")[0] in own]
            if refs:
                yield lineno, "typed-period", f"period '{match.group(0)}' typed in: write {{{{ param(\"{refs[0]}\") }}}}" \
                                              " so the page shows the value in force"


def parameter_values(data: dict) -> dict[str, dict[Decimal, list[str]]]:
    """Every value any parameter ever had, by unit kind (EUR, months, weeks, years, days)."""
    out: dict[str, dict[Decimal, list[str]]] = {}
    for program, params in data.items():
        for key, param in (params or {}).items():
            if not isinstance(param, dict) or not isinstance(param.get("values"), dict):
                continue
            unit = str(param.get("unit", ""))
            kind = "EUR" if unit.startswith("EUR") else unit
            if kind not in ("EUR", "months", "weeks", "years", "days"):
                continue
            for entry in param["values"].values():
                value = entry.get("value") if isinstance(entry, dict) else None
                for ref, number in _leaves(f"{program}.{key}", value):
                    out.setdefault(kind, {}).setdefault(Decimal(str(number)), []).append(ref)
    return out


def _leaves(ref: str, value):
    if isinstance(value, bool):
        return
    if isinstance(value, (int, float)):
        yield ref, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(f"{ref}.{k}", v)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(f"{ref}.{i}", v)


def page_ids(content_dir: Path, extra: set[str]) -> set[str]:
    """Every page the site will have, without language suffix; ``extra``: generated pages."""
    found = set(extra)
    for path in content_dir.rglob("*.md"):
        rel = path.relative_to(content_dir).as_posix()
        match = re.match(r"^(.*)\.[a-z]{2}(?:-[A-Z]{2})?\.md$", rel)
        if match:
            found.add(match.group(1))
    return found
