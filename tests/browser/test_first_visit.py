"""A first visit downloads each runtime file once, and nothing it does not need."""
from __future__ import annotations

import functools
import tempfile
import threading
from collections import Counter

import pytest

from tests.conftest import CHROMIUM_ARGS, chromium_path

from .selfcheck_helpers import PAGES, wait_ready

pytestmark = pytest.mark.browser


@pytest.fixture
def counting_server(built_site):
    """The default site on a server that records (path, status) of every full response."""
    from sitebuild.serve import make_server

    served: list[tuple[str, int]] = []
    server = make_server(built_site, port=0)
    base = server.RequestHandlerClass.func

    class Counting(base):
        def send_response(self, code, message=None):
            served.append((self.path.split("?", 1)[0], code))
            super().send_response(code, message)

    server.RequestHandlerClass = functools.partial(Counting, **server.RequestHandlerClass.keywords)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", served
    server.shutdown()


# Passes when run on its own; under heavy load it failed once in three suite runs, probably because
# Chromium had not yet written the 9.6 MB wasm to its disk cache when the service worker's
# force-cache precache asked for it. Not strict until that race is closed (issue #16).
@pytest.mark.xfail(strict=False, reason="race between Chromium's disk cache and the service worker precache under load")
def test_cold_visit_fetches_no_file_twice(counting_server):
    url, served = counting_server
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        # A profile with a disk cache, as a real phone browser has (in-memory contexts evict the wasm).
        context = pw.chromium.launch_persistent_context(tempfile.mkdtemp(), executable_path=chromium_path(),
                                                        args=CHROMIUM_ARGS, headless=True)
        page = context.new_page()
        page.goto(url + PAGES["de"])
        wait_ready(page)
        # The service worker registers once the engine is ready and precaches the runtime.
        page.evaluate("""async () => {
            const registration = await navigator.serviceWorker.ready;
            for (let i = 0; i < 600 && !(await caches.keys()).some(n => n.startsWith('soziallotse-')); i++) await new Promise(r => setTimeout(r, 100));
            const cache = await caches.open((await caches.keys()).find(n => n.startsWith('soziallotse-')));  // not the engine snapshot's
            for (let i = 0; i < 600; i++) {
                if ((await cache.keys()).some(r => r.url.endsWith('pyodide.asm.wasm'))) return;
                await new Promise(r => setTimeout(r, 100));
            }
        }""")
        page.wait_for_timeout(500)
        context.close()
    full = Counter(path for path, code in served if code == 200)
    twice = {path: n for path, n in full.items() if n > 1}
    assert "/pyodide/pyodide.asm.wasm" in full
    assert twice == {}, f"fetched more than once on a cold visit: {twice}"


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_search_index_waits_for_the_first_search(fresh_page, recording_site, lang):
    page = fresh_page  # a new profile: nothing from other tests
    url, seen = recording_site
    page.goto(url + PAGES[lang])
    wait_ready(page)
    page.wait_for_timeout(1000)
    assert not [p for p in seen if "search_index.json" in p], "the self-check page loaded the search index"
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    query.fill("Wohngeld")
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    assert [p for p in seen if "search_index.json" in p]
