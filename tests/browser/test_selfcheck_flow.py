"""The self-check as citizens use it (issue 4): keyboard only in three languages, amounts equal
to the engine's CLI, offline after a first visit, share links, hostile input."""
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

from .selfcheck_helpers import (FAMILY_HOUSEHOLD, wait_until, PAGES, complete_by_keyboard, complete_quickly, expected_totals,
                                fragment_for, money, tab_to, wait_ready)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def cli_result(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "family.json"
    path.write_text(json.dumps(FAMILY_HOUSEHOLD))
    out = subprocess.run([sys.executable, "-m", "selfcheck", "evaluate", str(path),
                          "--site", str(ROOT / "sites" / "kreis-recklinghausen")],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("lang", PAGES)
def test_family_case_by_keyboard_only_shows_the_engines_amounts(page, site_url, lang, cli_result):
    page.goto(site_url + PAGES[lang])
    wait_ready(page)
    complete_by_keyboard(page)
    assert page.evaluate("document.activeElement.id") == "sc-result-title"
    for program in cli_result["programs"]:
        card = page.locator(f'#sc-cards > [data-program="{program["program"]}"]')
        if program["status"] == "not_entitled":  # no card: named in the one "no claim" line
            assert card.count() == 0
            assert page.locator(f'#sc-no-claim [data-program="{program["program"]}"]').count() == 1
        else:
            assert card.locator(".sl-card-amount strong").inner_text() == money(page, lang, program["amount"])
    totals = expected_totals(cli_result)
    total = page.locator("#sc-combination .sl-combination-total strong").inner_text()
    assert total == " – ".join(dict.fromkeys(money(page, lang, x) for x in (min(totals), max(totals))))
    # what to do: the office of the chosen town for a program the household should claim
    assert page.locator('#sc-cards [data-program="kinderzuschlag"] .sl-office').count() >= 1
    assert page.locator("#sc-documents li").count() >= 3
    page.wait_for_selector("#sc-chart svg path")


def test_validation_messages_name_the_problem_in_the_users_language(page, site_url):
    page.goto(site_url + PAGES["ar"])
    wait_ready(page)
    tab_to(page, "#sc-next")
    page.keyboard.press("Enter")  # nothing chosen yet
    assert page.inner_text("#q-town-error") == "يرجى اختيار إجابة."
    assert page.evaluate("document.activeElement.id") == "q-town"


def test_after_a_first_visit_the_self_check_works_offline(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(90_000)
    page.goto(site_url + PAGES["de"])
    wait_ready(page)
    # the service worker has stored everything the self-check needs
    wait_until(page, """async () => {
        const reg = await navigator.serviceWorker.ready;
        return !!reg.active && !!(await caches.match(new URL('pyodide/pyodide.asm.wasm', reg.scope).href));
    }""")
    context.set_offline(True)
    page.reload()
    wait_ready(page)
    complete_quickly(page)
    # the card itself (its calendar button carries the programme too)
    assert page.locator('#sc-cards > [data-program="kindergeld"]').count() == 1
    context.close()


def test_a_share_link_shows_the_same_result_and_the_server_never_sees_the_answers(browser, recording_site):
    url, seen = recording_site
    first = browser.new_context().new_page()
    first.goto(url + PAGES["en"])
    wait_ready(first)
    complete_quickly(first)
    total = first.inner_text("#sc-combination .sl-combination-total")
    assert "#a=" not in first.url  # answers reach the address only on request
    first.click("#sc-make-link")
    link = first.url
    assert "#a=" in link
    fragment = link.split("#", 1)[1]
    first.context.close()

    second = browser.new_context().new_page()
    second.set_default_timeout(90_000)
    second.goto(link)
    second.wait_for_selector("#sc-result:not([hidden])")
    assert second.inner_text("#sc-combination .sl-combination-total") == total
    second.context.close()
    assert seen and not [path for path in seen if "#" in path or fragment[2:20] in path or "a=" in path]


def test_answers_can_be_saved_loaded_and_deleted(page, site_url, tmp_path):
    page.goto(site_url + PAGES["de"])
    wait_ready(page)
    complete_quickly(page)
    total = page.inner_text("#sc-combination .sl-combination-total")
    with page.expect_download() as download:
        page.click("#sc-download")
    saved = tmp_path / "antworten.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text())["answers"]["kaltmiete"] == "650"

    page.click("#sc-delete")
    assert "#a=" not in page.url
    assert page.locator("#sc-result").is_hidden()
    assert page.input_value("#q-self_age") == ""

    page.set_input_files("#sc-upload", str(saved))
    page.wait_for_selector("#sc-result:not([hidden])")
    assert page.inner_text("#sc-combination .sl-combination-total") == total


@pytest.mark.parametrize("qid,value,message", [
    ("self_age", "-5", "Der Wert ist zu klein (mindestens 0)."),
    ("self_age", "abc", "Bitte geben Sie eine Zahl ein, zum Beispiel 1200."),
    ("self_age", "999999999999", "Der Wert ist zu groß (höchstens 120)."),
])
def test_hostile_values_get_field_messages(page, site_url, qid, value, message):
    page.goto(site_url + PAGES["de"])
    wait_ready(page)
    page.select_option("#q-town", "dorsten")
    page.click("#sc-next")
    page.fill(f"#q-{qid}", value)
    page.click("#sc-next")
    assert page.inner_text(f"#q-{qid}-error") == message
    assert page.get_attribute(f"#q-{qid}", "aria-invalid") == "true"


def test_hostile_values_in_a_share_link_are_never_executed(page, site_url):
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    hostile = {"town": "<img src=x onerror=alert(1)>", "self_age": "<script>alert(2)</script>",
               "kaltmiete": "1e99", "children": "99999", "__proto__": "x", "month": "javascript:alert(3)"}
    page.goto(site_url + PAGES["de"] + fragment_for(hostile))
    wait_ready(page)
    page.wait_for_selector(".sl-error:not(:empty)")
    assert page.locator("#sc-result").is_hidden()
    assert page.inner_text("#q-self_age-error") or page.inner_text("#q-town-error")
    assert page.locator("img[src=x], #selfcheck script:not([type])").count() == 0
    assert page.locator("[data-repeats=children] > *").count() <= 10  # the count is capped
    page.goto(site_url + PAGES["de"] + "#a=%%%not-base64")
    wait_ready(page)
    assert page.inner_text("#sc-keep-status") == "Diese Antworten konnten nicht gelesen werden. Bitte füllen Sie die Fragen neu aus."
    assert dialogs == [] and errors == []


def test_print_sheet_is_bilingual_with_answers_results_and_documents(page, site_url):
    page.goto(site_url + PAGES["en"])
    wait_ready(page)
    complete_quickly(page)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    sheet = page.locator("#sc-print")
    assert sheet.is_visible() and page.locator("#sc-form").is_hidden() and page.locator("#sc-result").is_hidden()
    text = sheet.inner_text()
    # the user's language beside German, so office staff can read it
    assert "Self-check summary sheet / Laufzettel Selbstcheck" in text
    assert "How old are you?" in text and "Wie alt sind Sie?" in text
    assert "Child benefit (Kindergeld) / Kindergeld" in text
    assert page.locator("#sc-print li").count() >= 3  # the documents checklist
    assert len(page.pdf(format="A4")) > 10_000
