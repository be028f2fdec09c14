#!/usr/bin/env python3
"""Soziallotse: the one entry point.

    python build.py build [--site sites/<id>]   build one municipality's site into site/<id>/
    python build.py serve [--site ...] [--port 8000]   build, then serve on 127.0.0.1
    python build.py check [--site ...]           validate content and data; file:line messages
    python build.py impact BASE [--site ...]     what changes against git revision BASE (Markdown)
    python build.py new-site [--name ... --land ... --town ...]   start sites/<id>/ for a municipality
    python build.py wegweiser --town marl --audience stadtteiltreff --lang ar [--site ...] [--out DIR]
                                                 one printed guide (A4, A5, A5 booklet)
"""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitebuild import brand, bundle, check, compress, csp, fonts, offline, search, pyodide, reporting, signlanguage, sites, stage, stdlib  # noqa: E402
from sitebuild.wegweiser import pages as wegweiser  # noqa: E402


class EditorMistake(Exception):
    """Content or data that ``check`` rejects: reported as file:line messages, never a traceback."""


def report(problems) -> None:
    sys.stderr.write(reporting.text(problems, check.WARNINGS))


def build(site_dir: str | None) -> Path:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    started = time.perf_counter()
    # The same rules as `build.py check`, first: an editor's mistake stops here with its
    # file:line, before MkDocs could fail on it with a traceback or build it wrongly.
    problems = check.run(site_dir)
    report(problems)
    if problems.blocking():
        raise EditorMistake(f"{len(problems.blocking())} problem(s) in content or data (see above)")
    site = sites.load_site(site_dir)
    zip_bytes = bundle.build_zip(local=site.engine_local())
    version = bundle.version(zip_bytes)
    docs = stage.stage(site, sites.work_dir(site) / "docs")
    wegweiser.stage(site, docs)  # every printed guide, its pages and its PDFs
    config_path = sites.write_config(site, bundle_version=version, docs_dir=docs)
    config = load_config(str(config_path))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    out = sites.output_dir(site)
    # After MkDocs, which empties the output folder first.
    pyodide.copy_runtime(out, stdlib.trimmed_zip(bundle.build_zip(local=None),
                                                pyodide.installed_dir() / "python_stdlib.zip"))
    bundle.write(out, zip_bytes)
    fonts.copy(out)
    search.split(out, site.languages)
    (out / "assets" / "css" / "brand.css").write_text(brand.css(site.data["colours"]), encoding="utf-8")
    if site.data.get("logo"):
        (out / "assets" / "brand").mkdir(exist_ok=True)
        shutil.copyfile(site.dir / site.data["logo"], out / "assets" / "brand" / Path(site.data["logo"]).name)
    signlanguage.copy(site.dir, site.data, out)
    offline.write(out, site.languages, "de", version)
    csp.write(out, sites.work_dir(site))
    compress.write(out)  # last: every file is final now
    print(f"built {site.id} into {out} in {time.perf_counter() - started:.1f} s")
    return out


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(format="%(levelname)-7s %(message)s", level=logging.INFO)
    logging.getLogger("mkdocs.plugins.material").setLevel(logging.ERROR)  # end-of-life banner
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "serve", "check"):
        cmd = sub.add_parser(name)
        cmd.add_argument("--site", help="site folder (default: sites/kreis-recklinghausen)")
        if name == "check":
            cmd.add_argument("--format", choices=reporting.FORMATS, default="text",
                             help="text for people; github or gitlab to show messages on the changed lines")
        if name == "serve":
            cmd.add_argument("--port", type=int, default=8000)
            cmd.add_argument("--no-build", action="store_true", help="serve the last build as it is")
    impact_cmd = sub.add_parser("impact", help="pages, amounts and self-check results that change against BASE")
    impact_cmd.add_argument("base", help="git revision to compare with, e.g. origin/main")
    impact_cmd.add_argument("--site", help="site folder (default: sites/kreis-recklinghausen)")
    impact_cmd.add_argument("--output", help="also write the Markdown report to this file")
    new = sub.add_parser("new-site", help="start sites/<id>/ for a municipality (asks for what is missing)")
    new.add_argument("--name", help="e.g. Ostalbkreis")
    new.add_argument("--land", help="ISO code, e.g. DE-BW")
    new.add_argument("--town", action="append", help="Name or Name:AGS; repeat for each town")
    new.add_argument("--kreis", help="the Kreis as the WoGV Anlage names it (for towns it does not list)")
    new.add_argument("--languages", default="de,en,ar")
    new.add_argument("--id", help="folder name (default: from the name)")
    new.add_argument("--force", action="store_true", help="overwrite an existing folder")
    tcheck = sub.add_parser("check-translation", help="check translations against their German pages (file:line)")
    tcheck.add_argument("files", nargs="+", help="e.g. content/leistungen/wohngeld.tr.md")
    sub.add_parser("translations", help="per language: pages translated (machine, reviewed), stale, missing")
    guide = sub.add_parser("wegweiser", help="make one printed guide")
    guide.add_argument("--site")
    for name in ("--town", "--audience", "--lang"):
        guide.add_argument(name, required=True)
    guide.add_argument("--german-only", action="store_true", help="German only instead of bilingual")
    guide.add_argument("--out", default="build/wegweiser")
    args = parser.parse_args(argv)

    if args.command == "new-site":
        from sitebuild import newsite

        return newsite.main(args)
    if args.command == "impact":
        from sitebuild import impact

        return impact.main(args.base, args.site, args.output)

    if args.command == "check-translation":
        from sitebuild.resolve import build_date

        problems = check.Problems()
        for name in args.files:  # the page's own rules (front matter, placeholders), then its translation's
            check.check_page(Path(name).resolve(), build_date(), problems)
        report(problems)
        errors = problems.errors()
        print(f"check-translation: {len(errors)} problem(s)" if errors else "check-translation: ok")
        return 1 if errors else 0

    if args.command == "translations":
        from sitebuild import translations

        languages = [lang for lang in check.configured_languages() if lang != "de"]
        rows = translations.status(translations.ROOT / "content", languages)
        print(f"{'':10}" + "".join(f"{lang:>9}" for lang in languages))
        for state in ("machine", "reviewed", "stale", "missing"):
            print(f"{state:10}" + "".join(f"{sum(1 for r in rows if r[lang] == state):>9}" for lang in languages))
        for row in rows:
            if any(row[lang] in ("stale", "missing") for lang in languages):
                print("  " + row["page"] + ": " + ", ".join(f"{lang} {row[lang]}" for lang in languages
                                                         if row[lang] in ("stale", "missing")))
        return 0

    if args.command == "wegweiser":
        from sitebuild.wegweiser import make_one

        made = make_one(sites.load_site(args.site), args.town, args.audience, args.lang, Path(args.out),
                        bilingual=not args.german_only)
        print("\n".join(str(path) for path in made.files.values()))
        return 0

    if args.command == "check":
        problems = check.run(args.site)
        if args.format == "text":
            report(problems)
        else:  # machine-readable on stdout, for the forge
            sys.stdout.write(reporting.render(problems, args.format, check.WARNINGS))
            return 1 if problems.errors() else 0
        errors = problems.errors()
        warnings = len(problems) - len(errors)
        note = f", {warnings} warning(s)" if warnings else ""
        print(f"check: {len(errors)} problem(s){note}" if errors else f"check: ok{note}")
        return 1 if errors else 0

    try:
        out = build(args.site) if (args.command == "build" or not args.no_build) \
            else sites.output_dir(sites.load_site(args.site))
    except (EditorMistake, csp.ForeignScript) as exc:
        print(f"build stopped: {exc}", file=sys.stderr)
        return 1
    except pyodide.PyodideMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "serve":
        from sitebuild.serve import make_server

        server = make_server(out, port=args.port)
        print(f"serving {out} on http://127.0.0.1:{args.port}/ (Ctrl+C stops)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
