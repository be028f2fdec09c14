"""``build.py impact BASE``: what a change does for citizens, as Markdown short enough for a PR comment.

Compares the git revision BASE with the working tree:

1. every parameter value that changed (selfcheck/params/*.yaml), with its validity date;
2. the pages that change per language (staged Markdown with amounts and offices filled in,
   rendered on the build date and on each changed validity date after it);
3. translations whose German source changed and that were not updated with it (stale);
4. the self-check results of the example households (examples/*.json and sites/<id>/examples/)
   that change: program, old €, new €, month. Each tree runs its own engine in a subprocess.

BASE is exported with ``git archive`` into a temporary folder, so the repository's worktrees and
index stay untouched. The report is in German: editors read it in the pull request.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from . import ROOT
from . import yamlio

SNAPSHOT = Path(__file__).with_name("impact_snapshot.py")
MAX_ROWS = 25  # per table: a pull-request comment stays readable
MAX_EXTRA_DATES = 3  # future validity dates rendered besides the build date
STATUS_DE = {"likely": "wahrscheinlich", "possible": "möglich", "not_entitled": "kein Anspruch",
             "needs_advice": "Beratung nötig", "error": "Fehler"}


class ImpactError(RuntimeError):
    pass


def export_revision(rev: str, dest: Path, repo: Path = ROOT) -> Path:
    """Write the tree of ``rev`` into ``dest`` (git archive: no worktree, no index change)."""
    proc = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", rev], capture_output=True)
    if proc.returncode != 0:
        raise ImpactError(f"git archive {rev}: {proc.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as tar:
        tar.extractall(dest, filter="data")
    return dest


# --- parameters --------------------------------------------------------------------------------

@dataclass
class ParamChange:
    ref: str
    name: str
    unit: str
    valid_from: str
    old: object
    new: object
    kind: str  # "neu", "geändert", "entfernt", "Quelle"


def _load_params(root: Path) -> dict:
    out = {}
    for path in sorted((root / "selfcheck" / "params").glob("*.yaml")):
        try:
            out[path.stem] = yamlio.load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError:
            out[path.stem] = {}  # build.py check reports it
    return out


def _values(param) -> dict:
    values = param.get("values") if isinstance(param, dict) else None
    return {str(day): entry for day, entry in (values or {}).items()} if isinstance(values, dict) else {}


def _entry_value(entry):
    return entry.get("value") if isinstance(entry, dict) else entry


def _in_force_before(values: dict, day: str):
    earlier = [d for d in values if d < day]
    return _entry_value(values[max(earlier)]) if earlier else None


def param_changes(base: Path, head: Path) -> list[ParamChange]:
    old_all, new_all = _load_params(base), _load_params(head)
    changes = []
    for program in sorted(set(old_all) | set(new_all)):
        old_file, new_file = old_all.get(program, {}), new_all.get(program, {})
        for key in sorted((set(old_file) | set(new_file)) - {"covered_until"}):
            old_p, new_p = old_file.get(key), new_file.get(key)
            meta = new_p if isinstance(new_p, dict) else old_p if isinstance(old_p, dict) else {}
            name = (meta.get("name") or {}).get("de", key) if isinstance(meta.get("name"), dict) else key
            unit = str(meta.get("unit", ""))
            old_v, new_v = _values(old_p), _values(new_p)
            for day in sorted(set(old_v) | set(new_v)):
                ref = f"{program}.{key}"
                if day not in old_v:
                    changes.append(ParamChange(ref, name, unit, day, _in_force_before(old_v, day),
                                               _entry_value(new_v[day]), "neu"))
                elif day not in new_v:
                    changes.append(ParamChange(ref, name, unit, day, _entry_value(old_v[day]),
                                               _in_force_before(new_v, day), "entfernt"))
                elif _entry_value(old_v[day]) != _entry_value(new_v[day]):
                    changes.append(ParamChange(ref, name, unit, day, _entry_value(old_v[day]),
                                               _entry_value(new_v[day]), "geändert"))
                elif old_v[day] != new_v[day]:
                    changes.append(ParamChange(ref, name, unit, day, _entry_value(old_v[day]),
                                               _entry_value(new_v[day]), "Quelle"))
        if old_file.get("covered_until") != new_file.get("covered_until"):
            changes.append(ParamChange(f"{program}.covered_until", "geprüft bis", "", "",
                                       old_file.get("covered_until"), new_file.get("covered_until"), "geändert"))
    return changes


def _flat(value, prefix="") -> dict:
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            out.update(_flat(v, f"{prefix}{k}."))
        return out
    if isinstance(value, list):
        return _flat(dict(enumerate(value)), prefix)
    return {prefix.rstrip("."): value}


def euro(amount) -> str:
    """518.0 -> '518,00 €' (German notation, as on the site)."""
    if amount is None:
        return "–"
    text = f"{float(amount):,.2f}".replace(",", "\u202f").replace(".", ",").replace("\u202f", ".")
    return f"{text} €"


def _plain(value, unit: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if unit.startswith("EUR"):
        return euro(value)
    return f"{value:g}".replace(".", ",") + (f" {unit}" if unit and unit not in ("number", "share") else "")


def describe_value_change(change: ParamChange) -> tuple[str, str]:
    """Old and new as text; for tables only the cells that differ."""
    if isinstance(change.old, (dict, list)) or isinstance(change.new, (dict, list)):
        old, new = _flat(change.old), _flat(change.new)
        cells = [k for k in sorted(set(old) | set(new), key=str) if old.get(k) != new.get(k)]
        shown = cells[:4]
        more = f" (+{len(cells) - 4})" if len(cells) > 4 else ""
        return ("; ".join(f"{k}: {_plain(old.get(k), change.unit)}" for k in shown) + more or "–",
                "; ".join(f"{k}: {_plain(new.get(k), change.unit)}" for k in shown) + more or "–")
    return _plain(change.old, change.unit), _plain(change.new, change.unit)


# --- sources and translations -------------------------------------------------------------------

def _page_sources(root: Path, site_rel: str) -> dict[str, str]:
    """{relative path: text} of every Markdown page in content/ and the site's pages/."""
    out = {}
    for folder in (root / "content", root / site_rel / "pages"):
        if folder.is_dir():
            for path in folder.rglob("*.md"):
                out[f"{folder.relative_to(root).as_posix()}/{path.relative_to(folder).as_posix()}"] = \
                    path.read_text(encoding="utf-8")
    return out


def stale_translations(base: Path, head: Path, site_rel: str) -> dict[str, list[str]]:
    """{lang: [translation path]} whose German source changed while the translation did not."""
    old, new = _page_sources(base, site_rel), _page_sources(head, site_rel)
    stale: dict[str, list[str]] = {}
    for path, text in sorted(new.items()):
        if not path.endswith(".de.md") or old.get(path) == text or path not in old:
            continue
        stem = path[: -len(".de.md")]
        for other in sorted(new):
            if other.startswith(stem + ".") and not other.endswith(".de.md") and other.count(".") == stem.count(".") + 2:
                if old.get(other) == new[other]:
                    stale.setdefault(other.rsplit(".", 2)[-2], []).append(other)
    return stale


# --- households ---------------------------------------------------------------------------------

def example_households(head: Path, site_rel: str) -> dict[str, dict]:
    """The fixed example households, plus a municipality's own in sites/<id>/examples/."""
    out = {}
    for folder in (head / "examples", head / site_rel / "examples"):
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                out[path.relative_to(head).as_posix()] = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError:
                continue
    return out


def _month(day: str) -> str:
    return day[:7]


# --- snapshots ----------------------------------------------------------------------------------

def _start_snapshot(tree: Path, request_path: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(SNAPSHOT), str(tree), str(request_path)], cwd=tree, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen, label: str) -> dict:
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise ImpactError(f"{label}: {err.strip().splitlines()[-1] if err.strip() else 'failed'}")
    return json.loads(out)


@dataclass
class Report:
    base: str
    site: str
    today: str
    params: list[ParamChange] = field(default_factory=list)
    pages: dict = field(default_factory=dict)   # {day: {page: {lang: "geändert"|"neu"|"entfernt"}}}
    stale: dict = field(default_factory=dict)
    results: list = field(default_factory=list)  # (household, month, program, old, new)
    errors: list = field(default_factory=list)


def page_changes(old: dict, new: dict) -> dict:
    """{page: {lang: kind}} between two {lang: {page: hash}} snapshots."""
    out: dict = {}
    for lang in sorted(set(old) | set(new)):
        o, n = old.get(lang, {}), new.get(lang, {})
        for page in sorted(set(o) | set(n)):
            kind = "neu" if page not in o else "entfernt" if page not in n else "geändert" if o[page] != n[page] else None
            if kind:
                out.setdefault(page, {})[lang] = kind
    return out


def result_changes(old: dict, new: dict) -> list[tuple]:
    rows = []
    for household in sorted(set(old) | set(new)):
        for month in sorted(set(old.get(household, {})) | set(new.get(household, {}))):
            o, n = old.get(household, {}).get(month, {}), new.get(household, {}).get(month, {})
            for program in sorted(set(o) | set(n), key=lambda p: (p == "combination", p)):
                if o.get(program) != n.get(program):
                    rows.append((household, month, program, o.get(program), n.get(program)))
    return rows


def impact(base_rev: str, site: str | None = None, head: Path = ROOT, today: date | None = None) -> Report:
    from .hooks import build_date

    site_path = Path(site) if site else Path("sites/kreis-recklinghausen")
    site_rel = (site_path.resolve().relative_to(head.resolve()) if site_path.is_absolute() else site_path).as_posix()
    today_s = (today or build_date()).isoformat()
    report = Report(base=base_rev, site=site_rel, today=today_s)
    with tempfile.TemporaryDirectory(prefix="impact-") as tmp:
        base = export_revision(base_rev, Path(tmp) / "base", head)
        report.params = param_changes(base, head)
        report.stale = stale_translations(base, head, site_rel)
        later = sorted({c.valid_from for c in report.params if c.valid_from > today_s})[:MAX_EXTRA_DATES]
        dates = [today_s, *later]
        households = example_households(head, site_rel)
        months = {name: sorted({str(h.get("month", _month(today_s))), *(_month(d) for d in later)})
                  for name, h in households.items()}
        request = Path(tmp) / "request.json"
        request.write_text(json.dumps({"site": site_rel, "dates": dates, "households": households,
                                       "months": months}), encoding="utf-8")
        env = dict(os.environ, SOZIALLOTSE_DATE=today_s, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
        procs = {"BASE": _start_snapshot(base, request, env), "HEAD": _start_snapshot(head.resolve(), request, env)}
        snaps = {}
        for label, proc in procs.items():
            try:
                snaps[label] = _finish(proc, label)
            except ImpactError as exc:
                report.errors.append(str(exc))
        if len(snaps) == 2:
            for day in dates:
                changed = page_changes(snaps["BASE"]["pages"].get(day, {}), snaps["HEAD"]["pages"].get(day, {}))
                if changed:
                    report.pages[day] = changed
            report.results = result_changes(snaps["BASE"]["results"], snaps["HEAD"]["results"])
    return report


# --- Markdown -----------------------------------------------------------------------------------

def _cut(rows: list[str], total: int) -> list[str]:
    return rows + ([f"\n… und {total - MAX_ROWS} weitere"] if total > MAX_ROWS else [])


def _result_text(value) -> str:
    if not value:
        return "–"
    status, amount = value
    label = STATUS_DE.get(status, status or "–")
    return f"{euro(amount)} ({label})" if amount else label


def to_markdown(report: Report) -> str:
    lines = [f"## Auswirkungen gegenüber `{report.base}`", "",
             f"Website `{report.site}`, Stand {report.today}."]
    for error in report.errors:
        lines += ["", f"**Nicht vollständig:** {error}"]
    if not (report.params or report.pages or report.stale or report.results):
        return "\n".join(lines + ["", "Keine Änderung an Seiten, Beträgen oder Selbstcheck-Ergebnissen."]) + "\n"

    lines += ["", f"### Beträge und Werte ({len(report.params)})", ""]
    if report.params:
        lines += ["| Parameter | gültig ab | alt | neu | |", "|---|---|---|---|---|"]
        rows = []
        for c in report.params[:MAX_ROWS]:
            old, new = describe_value_change(c)
            rows.append(f"| `{c.ref}` {c.name} | {c.valid_from or '–'} | {old} | {new} | {c.kind} |")
        lines += _cut(rows, len(report.params))
    else:
        lines.append("Keine.")

    for day, pages in report.pages.items():
        title = "heute" if day == report.today else f"ab {day}"
        langs = sorted({lang for kinds in pages.values() for lang in kinds}, key=lambda x: (x != "de", x))
        lines += ["", f"### Seiten, die sich ändern ({title}): {len(pages)}", "",
                  "| Seite | " + " | ".join(langs) + " |", "|---|" + "---|" * len(langs)]
        rows = [f"| `{page}` | " + " | ".join(kinds.get(lang, "") for lang in langs) + " |"
                for page, kinds in list(pages.items())[:MAX_ROWS]]
        lines += _cut(rows, len(pages))
    if not report.pages and not report.errors:
        lines += ["", "### Seiten, die sich ändern: keine"]

    if report.stale:
        lines += ["", "### Übersetzungen jetzt veraltet", "",
                  "Der deutsche Text hat sich geändert, die Übersetzung nicht:", ""]
        for lang, paths in sorted(report.stale.items()):
            lines.append(f"- **{lang}**: " + ", ".join(f"`{p}`" for p in paths[:MAX_ROWS])
                         + (f" … und {len(paths) - MAX_ROWS} weitere" if len(paths) > MAX_ROWS else ""))

    lines += ["", f"### Selbstcheck der Beispielhaushalte: {len(report.results)} Ergebnis(se) ändern sich", ""]
    if report.results:
        lines += ["| Haushalt | Monat | Leistung | alt | neu |", "|---|---|---|---|---|"]
        rows = [f"| `{Path(h).stem}` | {m} | {'Summe' if p == 'combination' else p} | {_result_text(o)} | {_result_text(n)} |"
                for h, m, p, o, n in report.results[:MAX_ROWS]]
        lines += _cut(rows, len(report.results))
    else:
        lines.append("Keine.")
    return "\n".join(lines) + "\n"


def main(base_rev: str, site: str | None = None, output: str | None = None) -> int:
    try:
        report = impact(base_rev, site)
    except ImpactError as exc:
        print(f"impact: {exc}", file=sys.stderr)
        return 2
    text = to_markdown(report)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 1 if report.errors else 0
