"""Rules for pages in Leichte Sprache (content/leichte-sprache/), each reported at its line.

After the rules of the Netzwerk Leichte Sprache (BMAS, "Leichte Sprache – Ein Ratgeber", 2014)
and DIN SPEC 33429:2023, as far as a program can check them:

- short sentences: at most ``MAX_WORDS`` words;
- one statement per sentence: at most one comma (two clauses), list items without commas inside;
- no abbreviations ("z. B.", "bzw.", ...), no § signs, no semicolons, no brackets in the text;
- numbers as digits, not as words ("3", not "drei");
- long compound words split with a hyphen ("Kinder-Zuschlag"): no word of more than
  ``MAX_LETTERS`` letters in one piece;
- no hyphenation: no soft hyphens (the theme sets ``hyphens: none`` on these pages);
- the self-check is one link away: every page links to it.

A page that needs an exception cannot have one: the rules are what readers with learning
difficulties rely on, so the text is rewritten instead.
"""
from __future__ import annotations

import re

MAX_WORDS = 15
MAX_LETTERS = 16
SELFCHECK_LINK_RE = re.compile(r"\]\((?:\.\./)*selbstcheck\.md(?:#[^)]*)?\)")

PLACEHOLDER_RE = re.compile(r"\{\{.*?\}\}")
LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
URL_RE = re.compile(r"\bhttps?://\S+|\b[\w-]+(?:\.[\w-]+)+\.(?:de|eu|org|com|info|nrw)\b\S*")
ABBREVIATIONS = ("z. B.", "z.B.", "bzw.", "ggf.", "usw.", "d. h.", "d.h.", "u. a.", "u.a.", "evtl.", "ca.", "inkl.",
                 "vgl.", "etc.", "o. ä.", "Abs.", "Nr.", "bspw.", "sog.", "max.", "min.", "zzgl.")
ABBREVIATION_RE = re.compile("|".join(r"(?<![\w.])" + re.escape(a) for a in ABBREVIATIONS))
NUMBER_WORDS_RE = re.compile(r"\b(zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|hundert|tausend)\b",
                             re.I)
SENTENCE_END_RE = re.compile(r"(?<=[.!?:])\s+")
WORD_RE = re.compile(r"[\wÄÖÜäöüß]+(?:[-·][\wÄÖÜäöüß]+)*")


def _plain(line: str) -> str:
    """The words a reader sees on the line: link text kept, markup, URLs and placeholders reduced."""
    text = PLACEHOLDER_RE.sub("X", line)
    text = LINK_RE.sub(lambda m: m.group(1), text)
    text = URL_RE.sub("Adresse", text)
    text = re.sub(r"^\s*(?:#+|[-*+]|\d+\.)\s+", "", text)
    return text.replace("**", "").replace("__", "")


def findings(lines) -> list[tuple[int, str, str]]:
    """``lines``: (line number, text) of the page body. Returns (line, rule, message)."""
    out = []
    code = False
    for lineno, line in lines:
        if line.lstrip().startswith("```"):
            code = not code
            continue
        if code or not line.strip() or line.lstrip().startswith(("<", "|")):
            continue
        if "\u00ad" in line or "&shy;" in line:
            out.append((lineno, "leichte-sprache", "soft hyphen: Leichte Sprache is never hyphenated; "
                                                    "split long words with a hyphen instead (Kinder-Geld)"))
        plain = _plain(line)
        for match in ABBREVIATION_RE.finditer(plain):
            out.append((lineno, "leichte-sprache", f"abbreviation '{match.group(0)}': write the words out "
                                                    "(zum Beispiel, oder, vielleicht)"))
        if "§" in plain:
            out.append((lineno, "leichte-sprache", "§ in the text: name the law in words, or leave it to the sources"))
        if ";" in plain:
            out.append((lineno, "leichte-sprache", "semicolon: make two sentences"))
        if re.search(r"[()]", plain):
            out.append((lineno, "leichte-sprache", "brackets: say it in a sentence of its own"))
        for match in NUMBER_WORDS_RE.finditer(plain):
            out.append((lineno, "leichte-sprache", f"number as a word '{match.group(0)}': write it as digits"))
        for word in WORD_RE.findall(plain):
            for piece in re.split(r"[-·]", word):
                if len(piece) > MAX_LETTERS and not piece.isupper():
                    out.append((lineno, "leichte-sprache", f"long word '{piece}': split it with a hyphen "
                                                            f"(at most {MAX_LETTERS} letters in one piece)"))
        for sentence in SENTENCE_END_RE.split(plain.strip()):
            words = WORD_RE.findall(sentence)
            if len(words) > MAX_WORDS:
                out.append((lineno, "leichte-sprache", f"sentence of {len(words)} words: at most {MAX_WORDS}, "
                                                        "one statement per sentence"))
            if sentence.rstrip(",").count(",") > 1:
                out.append((lineno, "leichte-sprache", "more than one comma: one statement per sentence"))
    return out


def page_findings(lines) -> list[tuple[int, str, str]]:
    """The rules above, plus what every page needs: a link to the self-check."""
    out = findings(lines)
    if not any(SELFCHECK_LINK_RE.search(text) for _, text in lines):
        first = next((n for n, text in lines if text.strip()), 1)  # the title: where a reader starts
        out.append((first, "leichte-sprache", "no link to the self-check: add [Selbst-Check](../selbstcheck.md)"))
    return out


PROSE_RE = re.compile(r"^(?![ \t]*(?:#|[-*+] |\d+\. |<|\||\{|>|```|$))")


def line_breaks(markdown: str) -> str:
    """One sentence per line, as written: Markdown would join the lines of a paragraph, so each
    line of prose followed by another gets a hard break (two trailing spaces)."""
    lines = markdown.split("\n")
    for i in range(len(lines) - 1):
        if PROSE_RE.match(lines[i]) and PROSE_RE.match(lines[i + 1]) and not lines[i].endswith("  "):
            lines[i] += "  "
    return "\n".join(lines)
