"""Snapshot of one source tree for ``build.py impact``; runs in a subprocess under that tree's code.

    python impact_snapshot.py TREE_ROOT REQUEST_JSON   ->  JSON on stdout

The request names the site (folder relative to the tree), the dates to render pages on, and the
example households with the months to evaluate them in. Each tree stages its pages and runs its
engine with its own code and parameters, so BASE is judged by BASE's code, not by ours.

Pages are compared as staged Markdown with the amounts (``{{ param(...) }}``) and the local
offices (``{{ zustaendig }}``) filled in (by the tree's own stage() where it renders pages for a day): that is what changes on the built page, and it needs no
MkDocs build of either tree. Only the standard library and the tree's own modules are used here.
"""
from __future__ import annotations

import hashlib
import inspect
import json
import sys
import tempfile
from datetime import date
from pathlib import Path


def _lang_of(name: str) -> str:
    parts = name.split(".")
    return parts[-2] if len(parts) >= 3 else "de"


def pages(root: Path, site_dir: Path, dates: list[str]) -> dict:
    """{day: {lang: {page: sha1 of the rendered Markdown}}} for the site's languages."""
    import yaml
    from sitebuild import placeholders, sites, stage
    from sitebuild.frontmatter import split_front_matter

    if not (site_dir / "site.yml").exists():
        return {day: {} for day in dates}
    site = sites.load_site(site_dir)
    try:
        from sitebuild.localdata import LocalData
        from sitebuild.localpages import benefit_offices_block
        local = LocalData.load(site.dir)
    except ImportError:  # an older tree without local data
        local = benefit_offices_block = None
    # A tree whose stage() renders pages for a day (amounts in force then) is staged once per day;
    # an older one is staged once and its placeholders are filled per day below.
    per_day = "day" in inspect.signature(stage.stage).parameters
    staged_files: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for day in (dates if per_day else dates[:1]):
            kwargs = {"day": date.fromisoformat(day)} if per_day else {}
            staged = stage.stage(site, Path(tmp) / day / "docs", **kwargs)
            staged_files[day] = {p.relative_to(staged).as_posix(): p.read_text(encoding="utf-8")
                                 for p in staged.rglob("*.md")}
    out: dict = {}
    for day in dates:
        files = staged_files[day if per_day else dates[0]]
        stems = sorted({name.rsplit(".", 2)[0] for name in files if name.count(".") >= 2})
        when = date.fromisoformat(day)
        by_lang: dict = {}
        for lang in site.languages:
            rendered = {}
            for stem in stems:
                name = f"{stem}.{lang}.md" if f"{stem}.{lang}.md" in files else f"{stem}.de.md"
                if name not in files:
                    continue
                text, file_lang = files[name], _lang_of(name)
                try:  # a no-op where the tree's stage() already rendered the amounts
                    if hasattr(placeholders, "fill_params"):
                        text = placeholders.fill_params(text, file_lang, when)
                except Exception as exc:  # an unknown parameter: the page would fail to build
                    text += f"\n<!-- {exc} -->"
                if local is not None and "zustaendig" in text and hasattr(placeholders, "fill_offices"):
                    parts = split_front_matter(text)
                    meta = (yaml.load(parts[0], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) if parts else None) or {}
                    page_id = str(meta.get("id", "")) if isinstance(meta, dict) else ""
                    text = placeholders.fill_offices(text, lambda: benefit_offices_block(local, page_id, file_lang))
                rendered[stem] = hashlib.sha1(text.encode("utf-8")).hexdigest()
            by_lang[lang] = rendered
        out[day] = by_lang
    return out


def results(site_dir: Path, households: dict, months: dict) -> dict:
    """{household: {month: {program: [status, amount]}}}, plus the combination's total."""
    from selfcheck.engine import evaluate

    local = None
    if (site_dir / "towns.yml").exists():
        from selfcheck.__main__ import read_site
        local = read_site(str(site_dir))
    out: dict = {}
    for name, household in households.items():
        per_month = {}
        for month in months[name]:
            try:
                result = evaluate(dict(household, month=month), local)
            except Exception as exc:  # an invalid household for this tree's schema
                per_month[month] = {"error": [type(exc).__name__, None]}
                continue
            row = {p["program"]: [p["status"], p.get("amount")] for p in result.get("programs", [])}
            combination = result.get("combination") or {}
            row["combination"] = [combination.get("status"), combination.get("total")]
            per_month[month] = row
        out[name] = per_month
    return out


def main(argv: list[str]) -> int:
    root = Path(argv[1]).resolve()
    sys.path[0] = str(root)  # the tree's own sitebuild and selfcheck, not this file's folder
    request = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
    site_dir = root / request["site"]
    snapshot = {"pages": pages(root, site_dir, request["dates"]),
                "results": results(site_dir, request["households"], request["months"])}
    json.dump(snapshot, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
