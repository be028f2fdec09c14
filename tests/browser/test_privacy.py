"""Privacy: every request stays on the site's origin; nothing typed into the form is sent."""
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

MARKER_MONTH = "2026-07"
MARKER_AGE = "73"  # distinctive values we can look for in every request


def all_pages(built_site):
    for index in sorted(built_site.rglob("index.html")):
        rel = index.parent.relative_to(built_site).as_posix()
        yield "/" if rel == "." else f"/{rel}/"


def test_every_page_requests_only_its_own_origin(browser, built_site, site_url):
    origin = urlsplit(site_url).netloc
    pages = list(all_pages(built_site))
    assert len(pages) >= 6  # de, en, ar × start page and self-check at least
    context = browser.new_context()
    page = context.new_page()
    foreign = []
    page.on("request", lambda r: urlsplit(r.url).netloc not in (origin, "") and foreign.append(r.url))
    for path in pages:
        page.goto(site_url + path, wait_until="networkidle")
    context.close()
    assert foreign == []


def test_typed_values_never_leave_the_browser(page, site_url):
    page.goto(site_url + "/selbstcheck/")
    page.wait_for_selector("#sc-status[data-state=ready]")
    after_load = []
    page.on("request", lambda r: after_load.append((r.url, r.post_data or "")))
    page.fill("#sc-month", MARKER_MONTH)
    page.fill("#sc-age", MARKER_AGE)
    page.fill("#sc-children", "1")
    page.fill("#sc-child-1", "4")
    page.click("#sc-form button[type=submit]")
    page.locator("#sc-cards [data-program=kindergeld]").wait_for()
    page.wait_for_load_state("networkidle")
    leaked = [(url, body) for url, body in after_load
              if MARKER_MONTH in url + body or f"age={MARKER_AGE}" in url + body or MARKER_AGE in body]
    assert leaked == []
