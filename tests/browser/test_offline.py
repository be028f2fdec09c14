"""Offline (issue 12, item 9): after a first visit of the self-check, a page not stored on the
device shows the offline page, styled and in the language of its address, with what is stored;
the pages of the user's language are kept; a repeat visit does not download Pyodide again."""
import pytest

from .selfcheck_helpers import PAGES, wait_ready, wait_until

pytestmark = pytest.mark.browser

STORED = """async (path) => {
    const reg = await navigator.serviceWorker.ready;
    return !!(await caches.match(new URL(path, reg.scope).href));
}"""


def first_visit(page, url, lang):
    page.goto(url + PAGES[lang])
    wait_ready(page)
    wait_until(page, STORED, "pyodide/pyodide.asm.wasm", timeout=90)


def test_an_unvisited_page_offline_shows_the_styled_offline_page_in_its_language(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(90_000)
    first_visit(page, site_url, "en")
    # the English content pages are kept after this first visit (within the stated budget)
    wait_until(page, STORED, "en/leistungen/wohngeld/", timeout=120)
    context.set_offline(True)
    page.goto(site_url + "/en/leistungen/wohngeld/")
    assert page.locator("h1").first.inner_text() != "You are offline"  # kept: the page itself
    # an Arabic page was never visited nor kept: the Arabic offline page, styled by the theme
    page.goto(site_url + "/ar/leistungen/kindergeld/")
    page.wait_for_selector("#offline")
    assert page.url.endswith("/ar/offline/")
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("document.body.dir") == "rtl"  # the theme puts dir on <body>
    assert page.locator("h1").first.inner_text() == "أنت غير متصل بالإنترنت"
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
    assert header in ("sticky", "fixed")  # the theme's stylesheet applies
    assert page.locator("#offline a[href$='/selbstcheck/']").count() == 1
    # in English: the list of stored pages names the self-check
    page.goto(site_url + "/en/glossar/x-never-built/")
    page.wait_for_selector("#offline-list li")
    assert page.url.endswith("/en/offline/")
    titles = page.locator("#offline-list li").all_inner_texts()
    assert any("Self-check" in title for title in titles), titles
    context.close()


def test_a_repeat_visit_does_not_download_pyodide_again(browser, recording_site):
    url, seen = recording_site
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(90_000)
    first_visit(page, url, "de")
    downloads = [p for p in seen if p.startswith("/pyodide/pyodide.asm.wasm")]
    assert len(downloads) == 1
    page.reload()
    wait_ready(page)
    page.goto(url + PAGES["ar"])
    wait_ready(page)
    assert [p for p in seen if p.startswith("/pyodide/pyodide.asm.wasm")] == downloads
    context.close()
