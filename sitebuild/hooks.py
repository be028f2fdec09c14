"""MkDocs hooks: only what the theme's templates need that MkDocs cannot give them.

No hook changes a page: the stage (sitebuild/stage.py, sitebuild/resolve.py) has written
every page in its final form. What remains is the translator for the templates' interface
strings, ``t("…")`` in overrides/*.html (README, "Renderer").
"""
from __future__ import annotations

from sitebuild import catalogs
from sitebuild.resolve import build_date  # where other modules looked for it before

__all__ = ["build_date", "on_env"]


def on_env(env, config, files):
    env.globals["t"] = catalogs.translator(config.theme["language"])
    return env
