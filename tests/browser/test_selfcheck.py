"""The self-check end to end in Chromium: Pyodide in a worker, served from our own origin."""
import re

import pytest

pytestmark = pytest.mark.browser

PAGES = {"de": "/selbstcheck/", "en": "/en/selbstcheck/", "ar": "/ar/selbstcheck/"}
# 2 × 259 € Kindergeld (§ 66 Abs. 1 EStG, 2026) = 518 €, written as each locale writes euros.
EXPECTED_518 = {"de": "518,00 €", "en": "€518.00", "ar": "518.00 €"}


def fill_two_children(page):
    page.fill("#sc-month", "2026-03")
    page.fill("#sc-age", "34")
    page.fill("#sc-children", "2")
    page.fill("#sc-child-1", "8")
    page.fill("#sc-child-2", "10")


@pytest.mark.parametrize("lang", PAGES)
def test_two_children_get_518_euro_per_month(page, site_url, lang):
    page.goto(site_url + PAGES[lang])
    # The engine starts loading as the page opens, with a visible status.
    assert page.get_attribute("#sc-status", "data-state") in ("loading", "ready")
    page.wait_for_selector("#sc-status[data-state=ready]")
    fill_two_children(page)
    page.click("#sc-form button[type=submit]")
    card = page.locator("#sc-cards [data-program=kindergeld]")
    card.wait_for()
    amount = card.locator(".sl-card-amount strong").inner_text()
    assert EXPECTED_518[lang] in amount.replace("\u00a0", " ").replace("\u200f", "")
    assert page.locator("html").get_attribute("lang") == lang


def test_arabic_page_is_right_to_left(page, site_url):
    page.goto(site_url + PAGES["ar"])
    assert page.locator("body").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('#selfcheck')).direction") == "rtl"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_latin_pages_are_left_to_right(page, site_url, lang):
    page.goto(site_url + PAGES[lang])
    assert page.locator("body").get_attribute("dir") == "ltr"


def test_invalid_input_gets_a_field_message_in_the_users_language(page, site_url):
    page.goto(site_url + PAGES["en"])
    page.wait_for_selector("#sc-status[data-state=ready]")
    page.fill("#sc-month", "<script>alert(1)</script>")
    page.fill("#sc-age", "-5")
    page.fill("#sc-children", "0")
    page.click("#sc-form button[type=submit]")
    page.wait_for_selector("#sc-month-error:not(:empty)")
    assert page.inner_text("#sc-month-error") == "The format is not right."
    assert re.search(r"too small", page.inner_text("#sc-age-error"))
    assert page.get_attribute("#sc-age", "aria-invalid") == "true"
    assert page.locator("#sc-result").is_hidden()
