"""HTML components: one Jinja2 template per component in components/, autoescaped.

Python code never writes HTML with f-strings; it calls ``render("office_card", office=...)``.
Each component ``<name>.html`` has a file of examples ``<name>.examples.yaml`` (a list of
``{name, lang, context}``) that the tests render and check with axe-core.

The folder lies outside the theme (overrides/) on purpose: MkDocs copies every non-HTML file
of a theme folder into the built site, so the examples would be published.

Line breaks in a component, with the indentation after them, are layout for the reader of
the template only: ``render`` removes them, so every component is one line of HTML. Markdown
then passes it through as one raw block (a blank or indented line inside would end the block
or turn into a code block), and text that needs a space keeps it on its own line.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jinja2
from babel import Locale
from babel.dates import format_date, get_day_names
from markupsafe import Markup

from .catalogs import translator

COMPONENTS = Path(__file__).resolve().parent.parent / "components"
LAYOUT_RE = re.compile(r"\n[ \t]*")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(COMPONENTS)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        lstrip_blocks=True,
    )
    env.globals["component"] = render  # components nest: {{ component("office_card", ...) }}
    env.filters.update(hours=hours, medium_date=medium_date, long_date=long_date, language_names=language_names,
                       stale_label=stale_label)
    return env


def render(name: str, **context) -> Markup:
    """The component ``name`` rendered with ``context``; safe to embed in other templates.

    With ``lang`` in the context the component gets ``t``, that language's translator, so
    examples stay plain data.
    """
    if "lang" in context and "t" not in context:
        context["t"] = translator(context["lang"])
    html = environment().get_template(f"{name}.html").render(**context)
    return Markup(LAYOUT_RE.sub("", html))


def names() -> list[str]:
    """Every component (files starting with '_' hold shared macros)."""
    return sorted(p.stem for p in COMPONENTS.glob("*.html") if not p.name.startswith("_"))


def examples(name: str) -> list[dict]:
    """The examples of a component: ``[{name, lang, context}, ...]``."""
    path = COMPONENTS / f"{name}.examples.yaml"
    return yamlio.load(path.read_text(encoding="utf-8")) or []


# -- filters: facts formatted for the page's language --------------------------------------

from .localdata import DAY_CODES, stale_label  # noqa: E402
from . import yamlio


def hours(entries, lang: str) -> str:
    """Opening hours ``[{days, opens, closes}]`` as "Mo., Di. 08:00–12:00; ..." ('' if none)."""
    if not entries:
        return ""
    names = get_day_names("abbreviated", locale=lang)  # Babel: 0 = Monday
    days = {code: names[i] for i, code in enumerate(DAY_CODES)}
    return "; ".join(f"{', '.join(days[d] for d in e['days'])} {e['opens']}–{e['closes']}" for e in entries)


def medium_date(day, lang: str) -> str:
    return format_date(day, "medium", locale=lang) if hasattr(day, "year") else ""


def long_date(day, lang: str) -> str:
    return format_date(day, "long", locale=lang) if hasattr(day, "year") else ""


def language_names(codes, lang: str) -> str:
    names = Locale.parse(lang).languages
    return ", ".join(names.get(code, code) for code in codes or [])
