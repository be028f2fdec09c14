"""MkDocs hooks: placeholders in Markdown and translated strings in templates.

MkDocs loads this file by path; build.py runs from the repository root, so the
``sitebuild`` and ``selfcheck`` packages import normally.
"""
from __future__ import annotations

import os
from datetime import date

from sitebuild import catalogs, pagemeta, placeholders, selfcheckpage
from sitebuild.localdata import LocalData
from sitebuild.localpages import benefit_offices_block


def build_date() -> date:
    # SOZIALLOTSE_DATE pins "today" for reproducible builds and tests.
    override = os.environ.get("SOZIALLOTSE_DATE")
    return date.fromisoformat(override) if override else date.today()


def _lang(config) -> str:
    return config.theme["language"]


def on_env(env, config, files):
    env.globals["t"] = catalogs.translator(_lang(config))
    return env


def on_page_markdown(markdown, page, config, files):
    file_lang = getattr(page.file, "locale", None) or "de"
    markdown = placeholders.fill_params(markdown, file_lang, build_date())
    markdown = placeholders.fill_documents(markdown, page.meta.get("documents", []))
    local = _local(config.extra.get("site_dir"))
    markdown = placeholders.fill_offices(
        markdown, lambda: benefit_offices_block(local, page.meta.get("id", ""), file_lang))
    return pagemeta.decorate(markdown, page.meta, _lang(config), page.file.src_uri.count("/"))


_local_cache: dict[str, LocalData] = {}


def _local(site_dir: str) -> LocalData:
    if site_dir not in _local_cache:
        _local_cache[site_dir] = LocalData.load(site_dir)
    return _local_cache[site_dir]


def on_page_context(context, page, config, nav):
    if page.meta.get("template") in ("selfcheck.html", "adviser.html"):
        context["selfcheck"] = selfcheckpage.context(_lang(config), _local(config.extra["site_dir"]), config.docs_dir,
                                                    build_date())
    return context
