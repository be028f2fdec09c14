"""Left-to-right runs inside right-to-left text: § references, amounts, phone numbers, dates.

Without isolation the Unicode bidi algorithm reorders the neutral characters around digits in
an Arabic sentence: "§ 22 Abs. 1 SGB II" can show as "II SGB 1 .Abs 22 §" and "02365 123-456"
as "456-123 02365". Each such run is wrapped in <bdi dir="ltr"> in the prose of a page of a
right-to-left language; markup (tags, link targets, attribute lists, code, placeholders) is left alone.
"""
from __future__ import annotations

import re

from markupsafe import Markup

ISOLATED = Markup('<bdi dir="ltr">{}</bdi>')

RTL = {"ar", "fa", "he", "ur", "ps", "ckb"}

_NUM = r"[0-9]+(?:[.,:/\u00a0 \-–][0-9]+)*"
_LAW = r"(?:SGB[\s\u00a0]+[IVX]+|[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*[A-ZG](?![A-Za-z]))"
SECTION = (r"§§?[\s\u00a0]*[0-9]+[a-z]?(?:[\s\u00a0]*(?:Abs\.|Satz|Nr\.|bis|und|,)[\s\u00a0]*[0-9]+[a-z]?)*"
           rf"(?:[\s\u00a0]+{_LAW})?")
RUN_RE = re.compile(rf"{SECTION}|\+?{_NUM}(?:[\s\u00a0]?(?:€|%))?|€[\s\u00a0]?{_NUM}")
# What is not prose: tags, character references (&#34;), link targets, attribute lists, inline
# code, placeholders, URLs.
PROTECTED_RE = re.compile(r"<[^>]*>|&#?[0-9A-Za-z]+;|\]\([^)]*\)|\{[^{}]*\}|`[^`]*`|https?://\S+")


def _prose(segment: str) -> str:
    return RUN_RE.sub(lambda m: str(ISOLATED.format(m.group(0))), segment)


LIST_MARKER_RE = re.compile(r"^\s*[0-9]+[.)]\s+")


def isolate_line(line: str) -> str:
    marker = LIST_MARKER_RE.match(line)
    if marker:  # an ordered list's number is Markdown, not text
        return marker.group(0) + isolate_line(line[marker.end():])
    out, last = [], 0
    for match in PROTECTED_RE.finditer(line):
        out.append(_prose(line[last:match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_prose(line[last:]))
    return "".join(out)


def isolate(markdown: str, lang: str) -> str:
    if lang not in RTL:
        return markdown
    lines, fenced, raw = [], False, False
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith("```"):
            fenced = not fenced
        opens = re.search(r"<(script|style)\b", line)
        closes = re.search(r"</(script|style)>", line)
        if opens and not closes:
            raw = True
        skip = fenced or raw or opens or stripped.startswith(("|---", "| ---")) or re.match(r"^\s*[-*+]\s*$", line)
        lines.append(line if skip else isolate_line(line))
        if closes:
            raw = False
    return "\n".join(lines)
