"""Translations of content pages: what they were made from, whether that is still current, and
whether they keep the German page's machinery (placeholders, links, sections, numbers, §, terms).

A translation ``name.<lang>.md`` sits beside its German source ``name.de.md`` and records in its
front matter ``translation: {source_hash, method, date[, reviewed_by]}``. ``source_hash`` is the
first 12 hex digits of the SHA-256 of the German file as it was translated; when the German file
changes, the translation is *stale*: ``check`` warns with file:line and the page tells its readers
that the German version is newer. Findings are ``(line, rule, message)`` with the translation's line.
"""
from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from . import ROOT, yamlio
from .frontmatter import split_front_matter

SOURCE_LANGUAGE = "de"
GERMAN_ONLY = ("leichte-sprache",)  # sections that are a form of German, not a language: never translated
GLOSSARY = ROOT / "locales" / "glossary.yml"
HASH_LENGTH = 12
# The front-matter texts a translation translates (the other keys are copied as they are).
TRANSLATED_KEYS = ("title", "summary", "deadlines", "documents")
# Keys only a translation has: its provenance, and search words in its language.
OWN_KEYS = ("translation", "keywords")
LANG_RE = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3})\.md$")

PLACEHOLDER_RE = re.compile(r"\{\{.*?\}\}")
LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HREF_RE = re.compile(r"\bhref=\"([^\"]+)\"")
HEADING_RE = re.compile(r"^(#{1,6})\s+\S")
SECTION_RE = re.compile(r"§§?\s*([0-9]+[a-z]?)\b")
# What is not prose: placeholders, link targets, URLs, tags and attribute lists (their digits are
# compared as placeholders and links, or are markup).
NOT_PROSE_RE = re.compile(r"\{\{.*?\}\}|\]\([^)]*\)|https?://\S+|<[^>]+>|\{[:#.][^}]*\}|\{ [#.][^}]*\}")
DIGITS_RE = re.compile(r"[0-9]+")  # not \d: Arabic-Indic digits must not pass as the same number


def source_of(path: Path) -> Path | None:
    """The German page a translation is made from (None for a German page)."""
    match = LANG_RE.match(path.name)
    if not match or match["lang"] == SOURCE_LANGUAGE:
        return None
    return path.with_name(f"{match['stem']}.{SOURCE_LANGUAGE}.md")


def language_of(path: Path) -> str | None:
    match = LANG_RE.match(path.name)
    return match["lang"] if match else None


def source_hash(german: Path) -> str:
    return hashlib.sha256(german.read_bytes()).hexdigest()[:HASH_LENGTH]


def is_stale(meta: dict, german: Path) -> bool:
    recorded = str((meta.get("translation") or {}).get("source_hash", ""))
    return bool(recorded) and german.exists() and recorded != source_hash(german)


@lru_cache(maxsize=1)
def _glossary_file() -> dict:
    return (yamlio.load(GLOSSARY.read_text(encoding="utf-8")) or {}) if GLOSSARY.exists() else {}


def glossary() -> dict:
    return _glossary_file().get("terms", {})


@lru_cache(maxsize=None)
def _idioms(term: str) -> re.Pattern | None:
    patterns = (_glossary_file().get("idioms") or {}).get(term) or []
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def uses_term(german_text: str, term: str) -> bool:
    """Whether the German text uses the term, not counting idioms that only contain the word
    ("Sagen Sie Ihrem Arbeitgeber Bescheid" is no Bescheid, the letter)."""
    idioms = _idioms(term)
    return term in (idioms.sub(" ", german_text) if idioms else german_text)


class Page:
    """A page split into what the checks compare, each item with its line in the file."""

    def __init__(self, text: str):
        parts = split_front_matter(text)
        if parts is None:
            self.meta, self.fm_lines, self.body_lines, self.body_line = {}, [], list(enumerate(text.splitlines(), 1)), 1
            self.prose_fm_lines, self.key_lines = [], {}
            return
        fm_text, fm_line, body, body_line = parts
        self.meta = yamlio.load(fm_text) or {}
        self.body_line = body_line
        self.key_lines = {}
        self.fm_lines, self.prose_fm_lines = [], []
        current = None
        for number, line in enumerate(fm_text.splitlines(), start=fm_line):
            key = re.match(r"^([A-Za-z_][\w-]*):", line)
            if key:
                current = key.group(1)
                self.key_lines.setdefault(current, number)
            if current not in OWN_KEYS:
                self.fm_lines.append((number, line))
            if current in TRANSLATED_KEYS:
                self.prose_fm_lines.append((number, line))
        self.body_lines = []
        fenced = False
        for number, line in enumerate(body.splitlines(), start=body_line):
            if line.lstrip().startswith("```"):
                fenced = not fenced
            self.body_lines.append((number, "" if fenced else line))

    @property
    def lines(self):
        return [*self.fm_lines, *self.body_lines]

    def items(self, pattern: re.Pattern, lines=None, group: int = 0):
        return [(re.sub(r"\s+", "", m.group(group)), n) for n, line in (lines or self.lines) for m in pattern.finditer(line)]

    def headings(self):
        return [(m.group(1), n) for n, line in self.body_lines if (m := HEADING_RE.match(line))]

    def numbers(self):
        return [(d, n) for n, line in self.lines for d in DIGITS_RE.findall(NOT_PROSE_RE.sub(" ", line))]

    def text(self) -> str:
        """What is written in the page's language: the body and the translated front-matter texts."""
        return "\n".join(NOT_PROSE_RE.sub(" ", line) for _, line in [*self.prose_fm_lines, *self.body_lines])

    def last_line(self) -> int:
        return self.body_lines[-1][0] if self.body_lines else self.body_line


# A table's column titles are text (translated); its parameter is the machinery.
TABLE_ARGS_RE = re.compile(r"(param_table\([\"'][^\"']+[\"']).*\)")


def placeholders(page: Page):
    return [(TABLE_ARGS_RE.sub(r"\1, …)", key), line) for key, line in page.items(PLACEHOLDER_RE)]


def _in_order(kind: str, german: list, translated: list, page: Page):
    """Items that must come in the German order (placeholders, headings)."""
    a, b = [k for k, _ in german], [k for k, _ in translated]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if j2 > j1:
            for key, line in translated[j1:j2]:
                wanted = f"; the German page has {german[i1][0]!r} here (line {german[i1][1]})" if i2 > i1 else ""
                yield line, f"{kind} {key!r} is not in the German page{wanted}"
        else:
            line = translated[j1][1] if j1 < len(translated) else page.last_line()
            for key, german_line in german[i1:i2]:
                yield line, f"{kind} {key!r} of the German page (line {german_line}) is missing here"


def _as_counts(kind: str, german: list, translated: list, sections: "SectionMap"):
    """Items that must all be there, in any order (links, numbers, § references)."""
    missing = Counter(k for k, _ in german) - Counter(k for k, _ in translated)
    extra = Counter(k for k, _ in translated) - Counter(k for k, _ in german)
    for key, line in translated:
        if extra[key] > 0:
            extra[key] -= 1
            yield line, f"{kind} {key!r} is not in the German page (or more often than there)"
    for key, german_line in german:
        if missing[key] > 0:
            missing[key] -= 1
            yield sections.line_for(german_line), f"{kind} {key!r} of the German page (line {german_line}) is missing in this section"


class SectionMap:
    """Maps a German line to the start of the same section (n-th heading) in the translation."""

    def __init__(self, german: Page, translated: Page):
        self.german = [n for _, n in german.headings()]
        self.translated = [n for _, n in translated.headings()]
        self.start = translated.body_line

    def line_for(self, german_line: int) -> int:
        index = sum(1 for n in self.german if n <= german_line) - 1
        if index < 0 or index >= len(self.translated):
            return self.start
        return self.translated[index]


def check(path: Path, text: str | None = None, german_text: str | None = None):
    """Findings ``(line, rule, message)`` for one translation against its German source."""
    german_path = source_of(path)
    lang = language_of(path)
    if german_path is None:
        return
    if german_text is None:
        if not german_path.exists():
            yield 1, "translation", f"there is no German page {german_path.name} to translate from"
            return
        german_text = german_path.read_text(encoding="utf-8")
    text = path.read_text(encoding="utf-8") if text is None else text
    german, page = Page(german_text), Page(text)
    meta = page.meta if isinstance(page.meta, dict) else {}

    info = meta.get("translation")
    if not isinstance(info, dict):
        yield 1, "translation", ("front matter needs 'translation: {source_hash, method, date}': the hash of the "
                                 f"German page it was made from ({source_hash(german_path)}), machine or reviewed, and the date")
    elif str(info.get("source_hash", "")) != hashlib.sha256(german_text.encode("utf-8")).hexdigest()[:HASH_LENGTH]:
        yield (page.key_lines.get("translation", 1), "stale-translation",
               f"the German page {german_path.name} has changed since this translation was made: "
               "update the translation, then its source_hash")

    for key in german.meta:
        if key not in meta:
            yield page.body_line - 1, "translation", f"front-matter key '{key}' of the German page is missing"
    for key in meta:
        if key not in german.meta and key not in OWN_KEYS:
            yield page.key_lines.get(key, 1), "translation", f"front-matter key '{key}' is not in the German page"

    sections = SectionMap(german, page)
    for line in page.body_lines + page.fm_lines:
        rest = PLACEHOLDER_RE.sub("", line[1])
        if "{{" in rest or "}}" in rest or "{%" in rest:
            yield line[0], "translation", "broken placeholder: copy it exactly as in the German page, e.g. {{ param('file.key') }}"
    for line, message in _in_order("placeholder", placeholders(german), placeholders(page), page):
        yield line, "translation", message
    for line, message in _in_order("heading level", german.headings(), page.headings(), page):
        yield line, "translation", message + " (a translation keeps every section of the German page)"
    links = lambda p: p.items(LINK_RE, p.body_lines, 1) + p.items(HREF_RE, p.body_lines, 1)  # noqa: E731
    for line, message in _as_counts("link target", links(german), links(page), sections):
        yield line, "translation", message
    for line, message in _as_counts("number", german.numbers(), page.numbers(), sections):
        yield line, "translation", message + " (numbers stay as in the German page)"
    sec = lambda p: [("§ " + k, n) for k, n in p.items(SECTION_RE, None, 1)]  # noqa: E731
    for line, message in _as_counts("§ reference", sec(german), sec(page), sections):
        yield line, "translation", message
    yield from glossary_findings(german.text(), page, lang)


def glossary_findings(german_text: str, page: Page, lang: str | None):
    text = page.text().casefold()
    for term, renderings in glossary().items():
        rule = (renderings or {}).get(lang)
        if not rule:
            continue
        for avoid in rule.get("avoid") or []:
            for number, line in [*page.prose_fm_lines, *page.body_lines]:
                if avoid.casefold() in line.casefold():
                    yield number, "glossary", f"'{avoid}' renders '{term}' otherwise than the glossary: write '{rule['use']}'"
        if not uses_term(german_text, term):
            continue
        if str(rule["use"]).casefold() not in text:
            yield page.body_line, "glossary", f"the German page uses '{term}': write '{rule['use']}' at least once (locales/glossary.yml)"
        if rule.get("keep", True) and term.casefold() not in text:
            yield page.body_line, "glossary", f"the German page uses '{term}': keep the German word, e.g. '{rule['use']} ({term})'"


def catalog_findings(po_path: Path, lang: str):
    """``avoid`` renderings in a language's catalog, with the line of the msgstr."""
    for number, line in enumerate(po_path.read_text(encoding="utf-8").splitlines(), start=1):
        if not (line.startswith("msgstr") or line.startswith('"')):
            continue
        for term, renderings in glossary().items():
            rule = (renderings or {}).get(lang) or {}
            for avoid in rule.get("avoid") or []:
                if avoid.casefold() in line.casefold():
                    yield number, "glossary", f"'{avoid}' renders '{term}' otherwise than the glossary: write '{rule['use']}'"


def status(content_dir: Path, languages: list[str]) -> list[dict]:
    """Per German page and language: missing, machine, reviewed, or stale."""
    rows = []
    for german in sorted(content_dir.rglob(f"*.{SOURCE_LANGUAGE}.md")):
        if german.relative_to(content_dir).parts[0] in GERMAN_ONLY:
            continue
        stem = german.name[: -len(f".{SOURCE_LANGUAGE}.md")]
        row = {"page": german.relative_to(content_dir).with_name(stem).as_posix()}
        for lang in languages:
            target = german.with_name(f"{stem}.{lang}.md")
            if lang == SOURCE_LANGUAGE:
                continue
            if not target.exists():
                row[lang] = "missing"
                continue
            meta = Page(target.read_text(encoding="utf-8")).meta or {}
            info = meta.get("translation") or {}
            row[lang] = "stale" if is_stale(meta, german) else str(info.get("method", "unmarked"))
        rows.append(row)
    return rows
