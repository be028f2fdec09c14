"""``build.py check``: validate content, parameters and site data; report ``file:line: message``.

Editors see these messages in pull requests, so each names the file, the line and what to do.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import yaml

from . import ROOT
from . import contentrules, legalreview, leichtesprache, localdata, schemas, signlanguage, translations
from .frontmatter import split_front_matter
from .selfcheckpage import PROGRAMS
from .placeholders import PARAM_RE, TABLE_RE, PlaceholderError, resolve
from . import yamlio

CONTENT_DIR = ROOT / "content"
PARAMS_DIR = ROOT / "selfcheck" / "params"
QUESTIONS = ROOT / "selfcheck" / "questions.yaml"
LANG_SUFFIX_RE = re.compile(r"\.([a-z]{2}(?:-[A-Z]{2})?)\.md$")

BENEFIT_FIELDS = ("id", "title", "summary", "legal_basis", "office_type", "documents", "deadlines", "stand", "sources")
BENEFIT_SECTIONS = ("Was ist das?", "Wer kann es bekommen?", "Wie viel?", "Wie beantrage ich es?",
                    "Unterlagen", "Rechte und Pflichten", "Rechtsgrundlage")
MAX_STAND_AGE = timedelta(days=365)


class Problem(str):
    """``file:line: message`` as editors read it; ``path``, ``line``, ``rule`` for other formats."""

    path: str
    line: int
    message: str
    rule: str

    def __new__(cls, path: str, line: int, message: str, rule: str = "data"):
        self = super().__new__(cls, f"{path}:{line}: {message}")
        self.path, self.line, self.message, self.rule = path, line, message, rule
        return self


# Rules that describe a page due for review, not a broken site: `build` prints them and goes on.
# A stale translation (its German page changed since) is shown to readers as such, and warned here.
NOT_BLOCKING = {"stale-stand", "stale-translation"}
# Warnings: `check` prints them and still passes. A period of the law typed as a number
# ("6 Monate") is an error like a typed amount: every such period of the content is a parameter.
WARNINGS = {"stale-source", "stale-translation"}  # stale-source: an office's source is older than 24 months


class Problems(list):
    def add(self, path: Path, line: int, message: str, rule: str = "data") -> None:
        try:
            shown = path.relative_to(ROOT)
        except ValueError:
            shown = path
        self.append(Problem(str(shown), line, message, rule))

    def warn(self, path: Path, line: int, message: str, rule: str = "stale-source") -> None:
        """A warning: reported with file:line, it does not fail the check."""
        self.add(path, line, message, rule)

    @property
    def warnings(self) -> list[str]:
        return [f"{p.path}:{p.line}: warning: {p.message}" for p in self if getattr(p, "rule", "") in WARNINGS]

    def without(self, *rules: str) -> "Problems":
        """The problems of every other rule (tests about one rule leave out the real data's warnings)."""
        return Problems(p for p in self if getattr(p, "rule", "") not in rules)

    def errors(self) -> list[Problem]:
        """What makes ``check`` fail."""
        return [p for p in self if getattr(p, "rule", "data") not in WARNINGS]

    def blocking(self) -> list[Problem]:
        """What stops ``build``."""
        return [p for p in self.errors() if getattr(p, "rule", "data") not in NOT_BLOCKING]


def yaml_error_line(exc: yaml.YAMLError, last: int | None = None) -> int:
    """The 1-based line an editor must fix. An unclosed quote or bracket is reported by YAML at
    the end of the text (its problem mark); the line where it was opened (the context mark) is
    the one to fix."""
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    chosen = context if context is not None and (mark is None or context.line < mark.line) else mark
    line = chosen.line + 1 if chosen is not None else 1
    return min(line, last) if last else line


def check_page(path: Path, today: date, problems: Problems, known: contentrules.Known | None = None,
               content_dir: Path = CONTENT_DIR, languages: tuple[str, ...] = ()) -> None:
    text = path.read_text(encoding="utf-8")
    suffix = LANG_SUFFIX_RE.search(path.name)
    if not suffix:
        problems.add(path, 1, "file name needs a language suffix, e.g. 'wohngeld.de.md'", "language")
    elif languages and suffix.group(1) not in languages:
        problems.add(path, 1, f"language '{suffix.group(1)}' is not configured (mkdocs.yml: {', '.join(languages)}); "
                              "this page would not be built", "language")
    parts = split_front_matter(text)
    if parts is None:
        problems.add(path, 1, "front matter missing: the file must start with '---', the fields, and '---'", "front-matter")
        return
    fm_text, fm_line, body, body_line = parts
    try:
        meta = yamlio.load(fm_text) or {}
    except yaml.YAMLError as exc:
        line = fm_line - 1 + yaml_error_line(exc, last=fm_text.count("\n"))
        problems.add(path, line, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}", "front-matter")
        return
    if not isinstance(meta, dict):
        problems.add(path, fm_line, "front matter must be 'key: value' lines", "front-matter")
        return

    for line, message in schemas.errors("frontmatter", meta, yamlio.compose(fm_text), fm_line):
        problems.add(path, line, f"front matter: {message}", "front-matter")
    lines = list(enumerate(body.splitlines(), start=body_line))
    if known is not None:
        try:
            page_dir = path.parent.relative_to(content_dir).as_posix()
        except ValueError:
            page_dir = ""
        found = [*contentrules.hazards(lines), *contentrules.links(lines, "" if page_dir == "." else page_dir, known),
                 *contentrules.typed_numbers(lines, known, own_params(path, meta))]
        for lineno, rule, message in sorted(found):
            problems.add(path, lineno, message, rule)
    for lineno, line in lines:
        for match in PARAM_RE.finditer(line):
            try:
                resolve(match.group(1), today)
            except PlaceholderError as exc:
                problems.add(path, lineno, f"{exc}: see selfcheck/params/", "placeholder")
        rest = re.sub(r"\{\{\s*(unterlagen|zustaendig)\s*\}\}", "", TABLE_RE.sub("", PARAM_RE.sub("", line)))
        if "{{" in rest or "}}" in rest:
            problems.add(path, lineno, "unknown placeholder: use {{ param(\"file.key\") }}, {{ unterlagen }} or {{ zustaendig }}",
                         "placeholder")

    if translations.source_of(path) is not None and (not languages or suffix.group(1) in languages):
        check_translation(path, problems)
    if path.parent.name == "leichte-sprache" and path.name.endswith(".de.md"):
        for lineno, rule, message in leichtesprache.page_findings(lines):
            problems.add(path, lineno, message, rule)
    if path.parent.name == "leistungen" and path.name.endswith(".de.md"):
        check_benefit(path, meta, fm_text, body, body_line, today, problems)
    legalreview.check(path, meta, fm_text, body, today, problems)


def check_translation(path: Path, problems: Problems) -> None:
    """A translation against its German page: provenance, machinery, glossary (sitebuild/translations)."""
    for line, rule, message in translations.check(path):
        if rule == "stale-translation":
            problems.warn(path, line, message, rule)
        else:
            problems.add(path, line, message, rule)


def own_params(path: Path, meta: dict) -> set[str]:
    """The parameter files a page is about: the one named like the page, and its ``params``."""
    listed = meta.get("params") or []
    return {path.name.split(".")[0], *(listed if isinstance(listed, list) else [listed])}


def _field_line(fm_text: str, key: str) -> int:
    for i, line in enumerate(fm_text.splitlines(), start=2):
        if line.startswith(f"{key}:"):
            return i
    return 1


def check_benefit(path, meta, fm_text, body, body_line, today, problems) -> None:
    for key in BENEFIT_FIELDS:
        if meta.get(key) in (None, "", []):
            problems.add(path, 1, f"front matter field '{key}' is missing or empty", "benefit-page")
    stem = path.name.split(".")[0]
    if meta.get("id") and meta["id"] != stem:
        problems.add(path, _field_line(fm_text, "id"), f"id '{meta['id']}' must equal the file name '{stem}'", "benefit-page")
    if meta.get("office_type") and meta["office_type"] not in localdata.OFFICE_TYPES:
        problems.add(path, _field_line(fm_text, "office_type"),
                     f"office_type '{meta['office_type']}' is not one of: {', '.join(sorted(localdata.OFFICE_TYPES))}", "benefit-page")
    if meta.get("selfcheck") and meta["selfcheck"] not in PROGRAMS:
        problems.add(path, _field_line(fm_text, "selfcheck"), f"selfcheck '{meta['selfcheck']}' is not a self-check program", "benefit-page")
    stand = meta.get("stand")  # its form is the front-matter schema's
    if isinstance(stand, date):
        if today - stand > MAX_STAND_AGE:
            problems.add(path, _field_line(fm_text, "stand"),
                         f"stand {stand} is older than 12 months: check the page against current law and update it",
                         "stale-stand")

    headings = [(n, line[3:].strip()) for n, line in enumerate(body.splitlines(), start=body_line)
                if line.startswith("## ")]
    titles = [h for _, h in headings]
    for section in BENEFIT_SECTIONS:
        if section not in titles:
            problems.add(path, body_line, f"section '## {section}' is missing", "benefit-page")
    present = [s for s in titles if s in BENEFIT_SECTIONS]
    if present != [s for s in BENEFIT_SECTIONS if s in present]:
        problems.add(path, body_line, f"sections must come in this order: {' / '.join(BENEFIT_SECTIONS)}", "benefit-page")
    if "{{ zustaendig }}" not in body and "{{zustaendig}}" not in body:
        problems.add(path, body_line, "section 'Wie beantrage ich es?' needs the line {{ zustaendig }}", "benefit-page")
    if "{{ unterlagen }}" not in body and "{{unterlagen}}" not in body:
        problems.add(path, body_line, "section 'Unterlagen' needs the line {{ unterlagen }}", "benefit-page")


def check_params(params_dir: Path, problems: Problems) -> None:
    """Each parameter file against schemas/params.schema.json, and no validity date twice
    (YAML keeps the later of two equal keys silently, so the schema never sees the first)."""
    for path in sorted(params_dir.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        try:
            root = yamlio.compose(text)
        except yaml.YAMLError as exc:
            problems.add(path, yaml_error_line(exc), f"not valid YAML: {getattr(exc, 'problem', exc)}", "params")
            continue
        if not isinstance(root, yaml.MappingNode):
            problems.add(path, 1, "must be a mapping of parameters", "params")
            continue
        schemas.validate_file("params", path, problems, "params")
        for key_node, node in root.value:
            values = _mapping_value(node, "values")
            seen_days: dict[str, int] = {}
            for day_node, _ in _mapping(values):
                line = day_node.start_mark.line + 1
                if day_node.value in seen_days:
                    problems.add(path, line, f"parameter '{key_node.value}': validity date {day_node.value} appears twice "
                                             f"(also line {seen_days[day_node.value]}); the later value would silently win",
                                 "params")
                seen_days.setdefault(day_node.value, line)


def check_questions(path: Path, problems: Problems) -> None:
    """The questions against their schema (show_if grammar included); show_if names a question."""
    schemas.validate_file("questions", path, problems, "questions")
    try:
        data = yamlio.load(path.read_text(encoding="utf-8")) or {}
        root = yamlio.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        problems.add(path, yaml_error_line(exc), f"not valid YAML: {getattr(exc, 'problem', exc)}", "questions")
        return
    ids = set()
    for step in data.get("steps") or []:
        for q in step.get("questions") or []:
            ids.add(q.get("id"))
            ids.update(sub.get("id") for sub in q.get("group") or [])
    for s_i, step in enumerate(data.get("steps") or []):
        for q_i, q in enumerate(step.get("questions") or []):
            for path_tail, question in [([], q), *[(["group", g_i], sub) for g_i, sub in enumerate(q.get("group") or [])]]:
                cond = question.get("show_if")
                name = re.match(r"^!?([a-z_]+)", str(cond or ""))
                if cond and name and name.group(1) not in ids:
                    node = schemas.node_at(root, ["steps", s_i, "questions", q_i, *path_tail, "show_if"])
                    problems.add(path, node.start_mark.line + 1,
                                 f"question '{question.get('id')}': show_if names no question '{name.group(1)}'", "questions")


def configured_languages() -> tuple[str, ...]:
    config = yamlio.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return tuple(lang["locale"] for lang in plugin["i18n"]["languages"])
    return ("de",)


def generated_pages(site_dir: Path | None) -> set[str]:
    """Pages the stage writes from data (and a site's own pages), by id without language suffix."""
    pages = {"stellen", "zustaendigkeiten", "orte/index", "leistungen/index", "lebenslagen/index"}
    if site_dir is not None:
        data = localdata.LocalData.load(site_dir)
        pages |= {f"orte/{town['id']}" for town in data.towns if isinstance(town, dict) and town.get("id")}
        if (site_dir / "pages").is_dir():
            pages |= contentrules.page_ids(site_dir / "pages", set())
    return pages


def known_values(params_dir: Path) -> dict:
    data = {}
    for path in sorted(params_dir.glob("*.yaml")):
        try:
            data[path.stem] = yamlio.load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            continue  # reported by check_params
    return contentrules.parameter_values(data)


def check_responsibilities(site_dir: Path, problems: Problems) -> None:
    """Per-town entries name a town of towns.yml and an office of offices.yml."""
    path = site_dir / "responsibilities.yml"
    if not path.exists():
        return
    try:
        root = yamlio.compose(path.read_text(encoding="utf-8"))
        data = localdata.LocalData.load(site_dir)
    except yaml.YAMLError:
        return  # reported by localdata.validate
    towns = {t.get("id") for t in data.towns if isinstance(t, dict)}
    offices = {o.get("id") for o in data.offices if isinstance(o, dict)}
    for benefit_key, rule in _mapping(_mapping_value(root, "responsibilities")):
        for town_key, entry in _mapping(_mapping_value(rule, "towns")):
            line = town_key.start_mark.line + 1
            if town_key.value not in towns:
                problems.add(path, line, f"'{benefit_key.value}': town '{town_key.value}' is not in towns.yml "
                                         f"(known: {', '.join(sorted(towns))})", "responsibilities")
            office = _mapping_value(entry, "id")
            if office is not None and office.value not in offices:
                problems.add(path, office.start_mark.line + 1,
                             f"'{benefit_key.value}' in '{town_key.value}': office '{office.value}' is not in offices.yml",
                             "responsibilities")


def _line_of_key(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def _mapping(node):
    return node.value if isinstance(node, yaml.MappingNode) else []


def _mapping_value(node, key: str):
    for k, v in _mapping(node):
        if k.value == key:
            return v
    return None


def run(site: str | None = None, content_dir: Path | None = None, params_dir: Path | None = None,
        today: date | None = None) -> Problems:
    from .resolve import build_date
    from .sites import load_site

    today = today or build_date()
    problems = Problems()
    params_dir = params_dir or PARAMS_DIR
    content_dir = content_dir or CONTENT_DIR
    check_params(params_dir, problems)
    check_questions(QUESTIONS, problems)
    try:
        loaded = load_site(site)
    except (OSError, yaml.YAMLError) as exc:
        problems.append(Problem(str(site), 1, f"cannot read site.yml: {exc}", "site"))
        loaded = None
    known = contentrules.Known(amounts=known_values(params_dir),
                               pages=contentrules.page_ids(content_dir, generated_pages(loaded.dir if loaded else None)))
    languages = configured_languages()
    for po in sorted((ROOT / "locales").glob("*/LC_MESSAGES/messages.po")):
        for line, rule, message in translations.catalog_findings(po, po.parents[1].name):
            problems.add(po, line, message, rule)
    for path in sorted(content_dir.rglob("*.md")):
        if path.name.isupper() or path.name.startswith(("TODO", "README")):
            continue  # editors' notes, not pages
        check_page(path, today, problems, known, content_dir, languages)
    if loaded is None:
        return problems
    schemas.validate_file("site", loaded.dir / "site.yml", problems, "site")
    logo = loaded.data.get("logo")
    if logo and not (loaded.dir / logo).is_file():
        problems.add(loaded.dir / "site.yml", 1, f"logo '{logo}' is not a file in {loaded.dir.name}/", "site")
    for message in signlanguage.problems(loaded.dir, loaded.data, known.pages):
        problems.add(loaded.dir / "site.yml", _line_of_key(loaded.dir / "site.yml", "sign_language_videos"), message, "site")
    localdata.validate(loaded.dir, problems, today)
    if localdata.COMMON_DIR.is_dir():
        localdata.validate(localdata.COMMON_DIR, problems, today)
    if (loaded.dir / "responsibilities.yml").exists():
        schemas.validate_file("responsibilities", loaded.dir / "responsibilities.yml", problems, "responsibilities")
    check_responsibilities(loaded.dir, problems)
    return problems
