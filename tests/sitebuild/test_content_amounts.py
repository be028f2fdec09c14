"""Every amount on a benefit page is the parameter file's value in force on the build date."""
import re

import pytest

from sitebuild.frontmatter import split_front_matter
from sitebuild.resolve import build_date
from sitebuild.placeholders import PARAM_RE, format_value, resolve
from tests.conftest import ROOT

PAGES = sorted((ROOT / "content" / "leistungen").glob("*.de.md"))


def test_benefit_pages_use_parameters():
    using = [p for p in PAGES if PARAM_RE.search(p.read_text(encoding="utf-8"))]
    assert len(using) >= 15


@pytest.mark.parametrize("source", PAGES, ids=[p.name.split(".")[0] for p in PAGES])
def test_rendered_amounts_equal_the_current_parameter_values(built_site, source):
    # the body only: front matter (deadlines) goes to the self-check page, not to this page
    refs = PARAM_RE.findall(split_front_matter(source.read_text(encoding="utf-8"))[2])
    html = (built_site / "leistungen" / source.name.split(".")[0] / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html).replace("&nbsp;", "\u00a0")
    assert "{{" not in text
    today = build_date()
    for ref in refs:
        value, found = resolve(ref, today)
        assert format_value(value, found.unit, "de") in text, ref
