"""HTML components: one Jinja2 template per component in overrides/components/, autoescaped.

Python code never writes HTML with f-strings; it calls ``render("office_card", office=...)``.
Each component ``<name>.html`` has a file of examples ``<name>.examples.yaml`` (a list of
``{name, context}``) that the tests render and check with axe-core.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

COMPONENTS = Path(__file__).resolve().parent.parent / "overrides" / "components"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(COMPONENTS)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, **context) -> Markup:
    """The component ``name`` rendered with ``context``; safe to embed in other templates."""
    return Markup(environment().get_template(f"{name}.html").render(**context))
