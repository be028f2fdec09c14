"""WCAG 2.1 AA with axe-core (bundled by axe-playwright-python, served from no CDN): the views
the gate does not reach (a result with alternatives, the pensioner's, the adviser page, offline),
in German, English and Arabic; `violations` is shared with the gate."""
import functools
from pathlib import Path

import pytest

from .selfcheck_helpers import PAGES, wait_ready

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
              "resultTypes": ["violations"]}


@functools.cache
def axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def violations(page):
    """axe-core's WCAG 2.1 AA violations (rule id, first three targets). axe is injected once per
    document and only the violations come back: the full result of a large page is slow to ship."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_script())
    return page.evaluate("""options => axe.run(document, options).then(r =>
        r.violations.map(v => [v.id, v.nodes.slice(0, 3).map(n => n.target)]))""", WCAG_21_AA)


# Every step of the questions and the result, in every language of the site, are checked with
# axe on a 360 px phone by the gate (test_gate.py, test_every_selfcheck_step_and_the_result_pass_the_gate).


@pytest.mark.parametrize("lang", PAGES)
def test_new_views_have_no_wcag_21_aa_violations(page, site_url, lang):
    """Issue 12's views: the result with alternatives and the "no claim" line, the adviser page
    with its result beside the form, and the offline page."""
    from .selfcheck_helpers import HOUSEHOLDS, fragment_for

    page.set_default_timeout(90_000)
    found = {}
    # Somewhere else than the site's towns: no Mietstufe, so the office has to choose between
    # alternatives (in Marl, with its Mietstufe known, the combination is decided).
    page.goto(site_url + PAGES[lang] + fragment_for({**HOUSEHOLDS["mother"]["answers"], "town": "-"}))
    page.wait_for_selector("#sc-result:not([hidden]) .sl-alternative")
    page.wait_for_selector("#sc-chart svg")
    page.evaluate("document.querySelectorAll('#sc-result details').forEach(d => d.open = true)")
    found["result"] = violations(page)
    page.goto(site_url + PAGES[lang] + fragment_for(HOUSEHOLDS["pensioner"]["answers"]))
    page.wait_for_selector("#sc-result:not([hidden]) #sc-no-claim details")
    page.evaluate("document.querySelectorAll('#sc-result details').forEach(d => d.open = true)")
    found["pensioner"] = violations(page)
    adviser = PAGES[lang].replace("selbstcheck", "berater")
    page.goto(site_url + adviser)
    wait_ready(page)
    found["adviser"] = violations(page)
    for name, value in HOUSEHOLDS["mother"]["answers"].items():
        control = page.locator(f'[name="{name}"]').first
        if control.evaluate("el => el.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)
    page.click("#sc-submit")
    page.wait_for_selector("#sc-combination .sl-combination-total")
    found["adviser result"] = violations(page)
    page.goto(site_url + PAGES[lang].replace("selbstcheck", "offline"))
    found["offline"] = violations(page)
    assert {k: v for k, v in found.items() if v} == {}
