"""axe-core (WCAG 2.1 AA) on every example of every HTML component, each on its own page in
its language and direction, with the site's own stylesheet."""
from pathlib import Path

import pytest

from sitebuild import components
from tests.browser.test_accessibility import violations

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CSS = (ROOT / "overrides" / "assets" / "css" / "soziallotse.css").read_text(encoding="utf-8")
EXAMPLES = [(name, ex) for name in components.names() for ex in components.examples(name)]
PAGE = """<!doctype html><html lang="{lang}" dir="{dir}"><head><meta charset="utf-8">
<title>{name}</title><style>{css}</style></head>
<body><main><h1>{name}</h1>{html}</main></body></html>"""


@pytest.mark.parametrize("name,example", EXAMPLES, ids=[f"{n}:{e['name']}" for n, e in EXAMPLES])
def test_component_example_has_no_wcag_21_aa_violations(page, name, example):
    lang = example["context"].get("lang", example.get("lang", "de"))
    html = components.render(name, **{"lang": lang, **example["context"]})
    page.set_content(PAGE.format(lang=lang, dir="rtl" if lang == "ar" else "ltr", name=name, css=CSS, html=html))
    assert violations(page) == []
