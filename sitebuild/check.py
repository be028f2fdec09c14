"""``build.py check``: validate content, parameters and site data; report ``file:line: message``.

Editors see these messages in pull requests, so each names the file, the line and what to do.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import yaml

from . import ROOT
from . import legalreview, localdata
from .frontmatter import split_front_matter
from .selfcheckpage import PROGRAMS
from .placeholders import PARAM_RE, TABLE_RE, PlaceholderError, resolve

CONTENT_DIR = ROOT / "content"
PARAMS_DIR = ROOT / "selfcheck" / "params"
LANG_SUFFIX_RE = re.compile(r"\.([a-z]{2}(?:-[A-Z]{2})?)\.md$")

BENEFIT_FIELDS = ("id", "title", "summary", "legal_basis", "office_type", "documents", "deadlines", "stand", "sources")
BENEFIT_SECTIONS = ("Was ist das?", "Wer kann es bekommen?", "Wie viel?", "Wie beantrage ich es?",
                    "Unterlagen", "Rechte und Pflichten", "Rechtsgrundlage")
MAX_STAND_AGE = timedelta(days=365)
SUMMARY_MAX = 160


class Problems(list):
    """Errors (the list itself) and warnings (``.warnings``: reported, they do not fail the check)."""

    def __init__(self, *args):
        super().__init__(*args)
        self.warnings: list[str] = []

    @staticmethod
    def _where(path: Path, line: int) -> str:
        try:
            shown = path.relative_to(ROOT)
        except ValueError:
            shown = path
        return f"{shown}:{line}"

    def add(self, path: Path, line: int, message: str) -> None:
        self.append(f"{self._where(path, line)}: {message}")

    def warn(self, path: Path, line: int, message: str) -> None:
        self.warnings.append(f"{self._where(path, line)}: warning: {message}")


def check_page(path: Path, today: date, problems: Problems) -> None:
    text = path.read_text(encoding="utf-8")
    if not LANG_SUFFIX_RE.search(path.name):
        problems.add(path, 1, "file name needs a language suffix, e.g. 'wohngeld.de.md'")
    parts = split_front_matter(text)
    if parts is None:
        problems.add(path, 1, "front matter missing: the file must start with '---', the fields, and '---'")
        return
    fm_text, fm_line, body, body_line = parts
    try:
        meta = yaml.safe_load(fm_text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = fm_line + mark.line if mark else fm_line
        problems.add(path, line, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}")
        return
    if not isinstance(meta, dict):
        problems.add(path, fm_line, "front matter must be 'key: value' lines")
        return

    for lineno, line in enumerate(body.splitlines(), start=body_line):
        for match in PARAM_RE.finditer(line):
            try:
                resolve(match.group(1), today)
            except PlaceholderError as exc:
                problems.add(path, lineno, f"{exc}: see selfcheck/params/")
        if "{{" in line and not PARAM_RE.search(line) and not TABLE_RE.search(line) and not re.search(r"\{\{\s*(unterlagen|zustaendig)\s*\}\}", line):
            problems.add(path, lineno, "unknown placeholder: use {{ param(\"file.key\") }}, {{ unterlagen }} or {{ zustaendig }}")

    if path.parent.name == "leistungen" and path.name.endswith(".de.md"):
        check_benefit(path, meta, fm_text, body, body_line, today, problems)
    legalreview.check(path, meta, fm_text, body, today, problems)


def _field_line(fm_text: str, key: str) -> int:
    for i, line in enumerate(fm_text.splitlines(), start=2):
        if line.startswith(f"{key}:"):
            return i
    return 1


def check_benefit(path, meta, fm_text, body, body_line, today, problems) -> None:
    for key in BENEFIT_FIELDS:
        if meta.get(key) in (None, "", []):
            problems.add(path, 1, f"front matter field '{key}' is missing or empty")
    stem = path.name.split(".")[0]
    if meta.get("id") and meta["id"] != stem:
        problems.add(path, _field_line(fm_text, "id"), f"id '{meta['id']}' must equal the file name '{stem}'")
    if isinstance(meta.get("summary"), str) and len(meta["summary"]) > SUMMARY_MAX:
        problems.add(path, _field_line(fm_text, "summary"), f"summary is longer than {SUMMARY_MAX} characters")
    if meta.get("office_type") and meta["office_type"] not in localdata.OFFICE_TYPES:
        problems.add(path, _field_line(fm_text, "office_type"),
                     f"office_type '{meta['office_type']}' is not one of: {', '.join(sorted(localdata.OFFICE_TYPES))}")
    if meta.get("selfcheck") and meta["selfcheck"] not in PROGRAMS:
        problems.add(path, _field_line(fm_text, "selfcheck"), f"selfcheck '{meta['selfcheck']}' is not a self-check program")
    stand = meta.get("stand")
    if stand is not None:
        if not isinstance(stand, date):
            problems.add(path, _field_line(fm_text, "stand"), "stand must be a date like 2026-11-21")
        elif today - stand > MAX_STAND_AGE:
            problems.add(path, _field_line(fm_text, "stand"),
                         f"stand {stand} is older than 12 months: check the page against current law and update it")
    for i, source in enumerate(meta.get("sources") or []):
        if not (isinstance(source, dict) and source.get("title") and str(source.get("url", "")).startswith("https://")):
            problems.add(path, _field_line(fm_text, "sources"), f"sources[{i}] needs a title and an https:// url")

    headings = [(n, line[3:].strip()) for n, line in enumerate(body.splitlines(), start=body_line)
                if line.startswith("## ")]
    titles = [h for _, h in headings]
    for section in BENEFIT_SECTIONS:
        if section not in titles:
            problems.add(path, body_line, f"section '## {section}' is missing")
    present = [s for s in titles if s in BENEFIT_SECTIONS]
    if present != [s for s in BENEFIT_SECTIONS if s in present]:
        problems.add(path, body_line, f"sections must come in this order: {' / '.join(BENEFIT_SECTIONS)}")
    if "{{ zustaendig }}" not in body and "{{zustaendig}}" not in body:
        problems.add(path, body_line, "section 'Wie beantrage ich es?' needs the line {{ zustaendig }}")
    if "{{ unterlagen }}" not in body and "{{unterlagen}}" not in body:
        problems.add(path, body_line, "section 'Unterlagen' needs the line {{ unterlagen }}")


def check_params(params_dir: Path, problems: Problems) -> None:
    for path in sorted(params_dir.glob("*.yaml")):
        try:
            root = yaml.compose(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.add(path, mark.line + 1 if mark else 1, f"not valid YAML: {getattr(exc, 'problem', exc)}")
            continue
        if root is None or not isinstance(root, yaml.MappingNode):
            problems.add(path, 1, "must be a mapping of parameters")
            continue
        for key_node, node in root.value:
            key, line = key_node.value, key_node.start_mark.line + 1
            if key == "covered_until":
                continue
            if not isinstance(node, yaml.MappingNode):
                problems.add(path, line, f"parameter '{key}' must be a mapping (name, unit, legal_basis, values)")
                continue
            fields = {k.value: v for k, v in node.value}
            for required in ("name", "description", "unit", "legal_basis", "values"):
                if required not in fields:
                    problems.add(path, line, f"parameter '{key}' lacks '{required}'")
            name = fields.get("name")
            if isinstance(name, yaml.MappingNode):
                langs = {k.value for k, _ in name.value}
                if not {"de", "en"} <= langs:
                    problems.add(path, name.start_mark.line + 1, f"parameter '{key}': name needs de and en")
            description = fields.get("description")
            if isinstance(description, yaml.MappingNode):
                if not {"de", "en"} <= {k.value for k, _ in description.value}:
                    problems.add(path, description.start_mark.line + 1, f"parameter '{key}': description needs de and en")
            values = fields.get("values")
            if isinstance(values, yaml.MappingNode):
                for day_node, entry in values.value:
                    vline = day_node.start_mark.line + 1
                    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day_node.value):
                        problems.add(path, vline, f"'{day_node.value}' must be a validity date YYYY-MM-DD")
                    entry_fields = {k.value: v for k, v in entry.value} if isinstance(entry, yaml.MappingNode) else {}
                    if "value" not in entry_fields:
                        problems.add(path, vline, f"parameter '{key}' on {day_node.value}: 'value' missing")
                    refs = entry_fields.get("reference")
                    items = refs.value if isinstance(refs, yaml.SequenceNode) else []
                    if not items:
                        problems.add(path, vline, f"parameter '{key}' on {day_node.value}: 'reference' missing "
                                                  "(a list of {title, href}: BGBl. citation or official URL)")
                    for item in items:
                        ref = {k.value: v.value for k, v in item.value} if isinstance(item, yaml.MappingNode) else {}
                        if not str(ref.get("title") or "").strip():
                            problems.add(path, item.start_mark.line + 1, f"parameter '{key}': a reference needs a title")
                        if "href" in ref and not str(ref["href"]).startswith("https://"):
                            problems.add(path, item.start_mark.line + 1, f"parameter '{key}': href must be an https:// URL")


def run(site: str | None = None, content_dir: Path | None = None, params_dir: Path | None = None,
        today: date | None = None) -> list[str]:
    from .hooks import build_date
    from .sites import load_site

    today = today or build_date()
    problems = Problems()
    check_params(params_dir or PARAMS_DIR, problems)
    for path in sorted((content_dir or CONTENT_DIR).rglob("*.md")):
        if path.name.isupper() or path.name.startswith(("TODO", "README")):
            continue  # editors' notes, not pages
        check_page(path, today, problems)
    try:
        loaded = load_site(site)
    except (OSError, yaml.YAMLError) as exc:
        problems.append(f"{site}: cannot read site.yml: {exc}")
        return problems
    for key in ("id", "name", "colours", "languages", "land"):
        if key not in loaded.data:
            problems.add(loaded.dir / "site.yml", 1, f"'{key}' is missing")
    logo = loaded.data.get("logo")
    if logo and not (loaded.dir / logo).is_file():
        problems.add(loaded.dir / "site.yml", 1, f"logo '{logo}' is not a file in {loaded.dir.name}/")
    localdata.validate(loaded.dir, problems, today)
    if localdata.COMMON_DIR.is_dir():
        localdata.validate(localdata.COMMON_DIR, problems, today)
    return problems
