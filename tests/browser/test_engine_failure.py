"""When the engine cannot start, the page says so in the user's language, keeps every answer
and shows the offices of the chosen town (the cards the build embedded for that town).

Each failure is injected into a fresh browser context: the WebAssembly binary missing, the
engine bundle corrupt or missing, WebAssembly blocked, and a worker that never answers (the
bundle request hangs; the page's timeout is shortened through its test hook)."""
import pytest

from tests.catalogs import MESSAGES

from .selfcheck_helpers import FAMILY_STEPS, PAGES, STEP_IDS, TOWN_NAME, fill_step

pytestmark = pytest.mark.browser

# Blocks WebAssembly in the page as a locked-down browser does (the worker is never started then).
NO_WASM = "delete globalThis.WebAssembly;"
SHORT_TIMEOUT = "window.__slEngineTimeoutMs = 4000;"


def corrupt(route):
    route.fulfill(status=200, body=b"PK\x03\x04 this is not a zip archive", content_type="application/zip")


def missing(route):
    route.fulfill(status=404, body=b"not found")


def hang(route):
    pass  # never answered: the worker waits for ever


FAILURES = {
    # Pyodide never settles when its .wasm is missing: the page's timeout is what catches it
    "wasm-404": ("**/pyodide.asm.wasm", missing, SHORT_TIMEOUT),
    "bundle-corrupt": ("**/selfcheck.zip*", corrupt, ""),
    "bundle-404": ("**/selfcheck.zip*", missing, ""),
    "webassembly-blocked": (None, None, NO_WASM),
    "timeout": ("**/selfcheck.zip*", hang, SHORT_TIMEOUT),
}


def office_texts(page, town_id):
    """Every distinct office card the build embedded for the town, as its text."""
    return page.evaluate("""id => {
        const lookup = JSON.parse(document.getElementById("sc-responsible").textContent);
        const seen = new Set();
        for (const [key, block] of Object.entries(lookup)) {
            if (!key.startsWith(`${id}/`)) continue;
            for (const card of document.querySelector(`template[data-block="${block}"]`).content.children)
                seen.add(card.textContent.trim());
        }
        return [...seen].filter(Boolean);
    }""", town_id)


def open_failing(browser, site_url, lang, failure, viewport=None):
    pattern, handler, init = FAILURES[failure]
    context = browser.new_context(**(viewport or {}))
    if init:
        context.add_init_script(init)
    if pattern:
        context.route(pattern, handler)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(site_url + PAGES[lang])
    return context, page


@pytest.mark.parametrize("failure", FAILURES)
def test_engine_failure_keeps_answers_and_shows_the_towns_offices(browser, site_url, failure):
    lang = "de" if failure != "timeout" else "en"
    msg = MESSAGES[lang]
    context, page = open_failing(browser, site_url, lang, failure)
    try:
        # the person answers while the engine is (failing to be) loaded
        for n, step in enumerate(FAMILY_STEPS):
            fill_step(page, step)
            if n < len(STEP_IDS) - 1:
                page.click("#sc-next")
        page.wait_for_selector("#sc-status[data-state=failed]", timeout=60_000)
        assert page.text_content("#sc-status") == msg["selfcheck.engine_failed_status"]
        page.click("#sc-submit")
        panel = page.locator("#sc-engine-failed")
        assert panel.is_visible()
        assert page.evaluate("document.activeElement.id") == "sc-engine-failed"
        text = panel.text_content()
        assert msg["selfcheck.engine_failed"] in text
        assert msg["selfcheck.engine_failed_offices"].format(town=TOWN_NAME) in text
        town_id = page.eval_on_selector('[name="town"]', "el => el.value")
        offices = office_texts(page, town_id)
        assert offices  # the default site knows Dorsten's offices
        for office in offices:
            assert office in text
        # no result was made up, and every answer is still in the form
        assert page.locator("#sc-result").is_hidden()
        for step in FAMILY_STEPS:
            for qid, value in step:
                control = page.locator(f'[name="{qid}"]').first
                kind = control.evaluate("el => el.type || el.tagName.toLowerCase()")
                if kind == "radio":
                    assert page.locator(f'[name="{qid}"][value="{value}"]').is_checked()
                elif kind == "select-one":
                    assert control.evaluate("el => el.selectedOptions[0].textContent") == value
                else:
                    assert control.input_value() == value
    finally:
        context.close()


def test_failure_before_a_town_is_chosen_asks_for_the_town_then_shows_its_offices(browser, site_url):
    msg = MESSAGES["ar"]
    context, page = open_failing(browser, site_url, "ar", "webassembly-blocked")
    try:
        page.wait_for_selector("#sc-status[data-state=failed]")
        panel = page.locator("#sc-engine-failed")
        assert msg["selfcheck.engine_failed_choose_town"] in panel.text_content()
        page.select_option('[name="town"]', label=TOWN_NAME)
        assert msg["selfcheck.engine_failed_offices"].format(town=TOWN_NAME) in panel.text_content()
        assert page.evaluate("getComputedStyle(document.getElementById('sc-engine-failed')).direction") == "rtl"
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_failure_message_fits_a_phone(browser, site_url, lang, tmp_path):
    """360 px phone: the message and the office cards stay within the screen (screenshot kept)."""
    phone = {"viewport": {"width": 360, "height": 780}, "device_scale_factor": 2,
             "is_mobile": True, "has_touch": True}
    context, page = open_failing(browser, site_url, lang, "bundle-corrupt", phone)
    try:
        page.select_option('[name="town"]', label=TOWN_NAME)
        page.wait_for_selector("#sc-status[data-state=failed]")
        page.locator("#sc-engine-failed").scroll_into_view_if_needed()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.screenshot(path=str(tmp_path / f"engine-failed-{lang}.png"), full_page=True)
    finally:
        context.close()
