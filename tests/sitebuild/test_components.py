"""Every HTML component renders each of its examples; Python writes no HTML in f-strings."""
import ast
from pathlib import Path

import pytest

from sitebuild import components

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [(name, ex) for name in components.names() for ex in components.examples(name)]


def test_every_component_has_examples():
    assert components.names(), "no components found"
    assert [n for n in components.names() if not components.examples(n)] == []


@pytest.mark.parametrize("name,example", EXAMPLES, ids=[f"{n}:{e['name']}" for n, e in EXAMPLES])
def test_example_renders_one_line_of_html(name, example):
    html = components.render(name, **{"lang": example.get("lang", "de"), **example["context"]})
    assert html.startswith("<") and html.endswith(">")
    assert "\n" not in html  # one raw block for Markdown


def test_office_card_escapes_and_says_please_ask():
    office = {"id": "x", "name": "Amt <b>&</b>", "type": "wohngeldstelle", "source": "https://example.org/?a=1&b=2",
              "verified": None, "address": None, "phone": None}
    html = components.render("office_card", office=office, lang="de")
    assert "Amt &lt;b&gt;&amp;&lt;/b&gt;" in html
    assert 'href="https://example.org/?a=1&amp;b=2"' in html
    assert html.count('<span class="sl-ask">bitte erfragen</span>') == 3  # address, phone, hours


def test_office_card_hides_a_source_that_is_no_public_address():
    office = {"id": "x", "name": "Amt", "type": "jobcenter", "source": "seed 000 L3117-3130", "verified": None}
    assert "seed" not in components.render("office_card", office=office, lang="de")


def test_no_html_in_python_f_strings():
    found = []
    for path in sorted((ROOT / "sitebuild").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if "<" in text and any(f"<{c}" in text for c in "abcdefghijklmnopqrstuvwxyz/"):
                    found.append(f"{path.name}:{node.lineno}")
    assert found == []


def test_components_live_outside_the_theme():
    # MkDocs copies every non-HTML file of overrides/ into the site: examples would be published.
    assert not (ROOT / "overrides" / "components").exists(), "put components in components/, not overrides/components/"
