"""The self-check end to end in Chromium: Pyodide in a worker, served from our own origin."""
import pytest

from .selfcheck_helpers import PAGES, complete_quickly, money, wait_ready

pytestmark = pytest.mark.browser

TWO_CHILDREN_2026 = [
    [("town", "Dorsten"), ("month", "2026-03")],
    [("self_age", "34"), ("children", "2"), ("child_age-1", "8"), ("child_age-2", "10")],
    [("self_gross", "0")],
    [("kaltmiete", "500")],
    [],
]


@pytest.mark.parametrize("lang", PAGES)
def test_two_children_get_518_euro_kindergeld_per_month(page, site_url, lang):
    page.goto(site_url + PAGES[lang])
    # The engine starts loading as the page opens, with a visible status.
    assert page.get_attribute("#sc-status", "data-state") in ("loading", "ready")
    assert page.inner_text("#sc-status")
    wait_ready(page)
    complete_quickly(page, TWO_CHILDREN_2026)
    card = page.locator("#sc-cards > [data-program=kindergeld]")
    # 2 × 259 € Kindergeld (§ 66 Abs. 1 EStG, 2026) = 518 €, written as each locale writes euros
    assert card.locator(".sl-card-amount strong").inner_text() == money(page, lang, 518)
    assert money(page, lang, 518).replace("\u00a0", " ").replace("\u200f", "") in ("518,00 €", "€518.00", "518.00 €")
    assert page.locator("html").get_attribute("lang") == lang


def test_arabic_page_is_right_to_left(page, site_url):
    page.goto(site_url + PAGES["ar"])
    assert page.locator("body").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('#selfcheck')).direction") == "rtl"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_latin_pages_are_left_to_right(page, site_url, lang):
    page.goto(site_url + PAGES[lang])
    assert page.locator("body").get_attribute("dir") == "ltr"
