"""Results people can act on (issue 12): the household's total with its parts and complete
alternatives, the same on the print sheet; no internal ids or raw numbers; isolated citations and
amounts in right-to-left text; answers in the address only on request; calendar reminders."""
import re
from datetime import date, datetime

import pytest

from .selfcheck_helpers import HOUSEHOLDS, PAGES, cli_evaluate, expected_totals, fragment_for, money, wait_ready

pytestmark = pytest.mark.browser

TOWN_IDS = ("castrop-rauxel", "datteln", "dorsten", "gladbeck", "haltern", "herten", "marl",
            "oer-erkenschwick", "recklinghausen", "waltrop")


def open_result(page, site_url, lang, name):
    page.goto(site_url + PAGES[lang] + fragment_for(HOUSEHOLDS[name]["answers"]))
    page.wait_for_selector("#sc-result:not([hidden]) #sc-combination .sl-combination-total")


def amount_of(locator) -> float:
    return float(locator.get_attribute("data-amount"))


@pytest.mark.parametrize("lang", PAGES)
@pytest.mark.parametrize("name", HOUSEHOLDS)
def test_headline_is_the_households_total_with_its_parts_as_the_cli_combines_them(page, site_url, tmp_path, lang, name):
    expected = expected_totals(cli_evaluate(HOUSEHOLDS[name]["household"], tmp_path))
    open_result(page, site_url, lang, name)
    head = page.locator("#sc-combination .sl-combination-total")
    shown = head.locator("strong").inner_text()
    low, high = min(expected), max(expected)
    assert shown == (money(page, lang, low) if low == high else f"{money(page, lang, low)} – {money(page, lang, high)}")
    options = page.locator("#sc-combination .sl-alternative")
    if len(expected) > 1:
        # each alternative is a complete total: the certain part plus the alternative's own benefits
        assert options.count() == len(expected)
        for i, total in enumerate(expected):
            option = options.nth(i)
            assert float(option.get_attribute("data-total")) == total
            assert option.locator(":scope > strong").inner_text() == money(page, lang, total)
            parts = option.locator(".sl-parts li")
            assert round(sum(amount_of(parts.nth(j)) for j in range(parts.count())), 2) == total
            assert {"kindergeld", "unterhaltsvorschuss"} & {parts.nth(j).get_attribute("data-program")
                                                            for j in range(parts.count())} or name == "pensioner"
    else:
        assert options.count() == 0
        parts = page.locator("#sc-combination > .sl-parts li")
        assert round(sum(amount_of(parts.nth(j)) for j in range(parts.count())), 2) == expected[0]

    # the print sheet repeats the same totals
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    rows = page.locator("#sc-print .sl-print-total")
    assert [rows.nth(i).locator("td").last.inner_text() for i in range(rows.count())] == \
        [money(page, lang, total) for total in (expected if len(expected) > 1 else [expected[0]])]


def visible_text_problems(text: str, decimal: str) -> list[str]:
    """Internal ids, town ids, message keys and numbers as a program prints them; ``decimal`` is
    the decimal mark of the page's language (as the browser's Intl writes it)."""
    text = re.sub(r"https?://\S+|\S+@\S+", " ", text)  # the offices' links are addresses, not ids
    problems = re.findall(r"\b[cp]\d+\b", text)
    problems += [t for t in TOWN_IDS if re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", text)]
    text = re.sub(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b|\d{4}-\d{2}-\d{2}", " ", text)  # dates are fine
    problems += re.findall(r"(?<![\d.,])\d+\.\d{4,}(?!\d)", text)     # 77.1234: a float as JavaScript prints it
    problems += re.findall(r"(?<![\d.,])0\.\d{3,}", text)              # 0.7712: a share, not a percentage
    if decimal != ".":
        problems += re.findall(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.])", text)  # 77.12: not how this language writes it
    problems += re.findall(r"undefined|NaN|\{\w+\}", text)
    problems += re.findall(r"\b(?:selfcheck|program|status|combination|priority|sgb2|income|warning|deadline|uvg|"
                           r"wohngeld|kindergeld|kinderzuschlag)\.[a-z_]+", text)
    return problems


@pytest.mark.parametrize("lang", PAGES)
def test_no_result_text_shows_internal_ids_or_raw_numbers(page, site_url, lang):
    decimal = None
    for name in HOUSEHOLDS:
        open_result(page, site_url, lang, name)
        page.evaluate("document.querySelectorAll('#sc-result details').forEach(d => d.open = true)")
        page.wait_for_timeout(200)
        decimal = decimal or page.evaluate(
            "l => new Intl.NumberFormat(l).formatToParts(1.5).find(p => p.type === 'decimal').value", lang)
        text = page.inner_text("#sc-result")
        assert visible_text_problems(text, decimal) == [], name
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        assert visible_text_problems(page.locator("#sc-print").text_content(), decimal) == [], name
        # people are named as people: "Kind 1 (4 Jahre)" in German
        if lang == "de" and name == "mother":
            assert "Kind 1 (4 Jahre)" in text


def test_citations_amounts_and_numbers_are_isolated_in_arabic(page, site_url):
    open_result(page, site_url, "ar", "mother")
    page.wait_for_selector("#sc-chart svg")  # its table too, always (it is drawn after the result)
    page.evaluate("document.querySelectorAll('#sc-result details').forEach(d => d.open = true)")
    # An SVG axis label is a text of its own (no <bdi> in SVG) inside a role="img" chart whose
    # figures the table beside it gives, isolated; prose and tables must isolate every figure.
    loose = page.evaluate("""() => {
        const out = [];
        const walk = document.createTreeWalker(document.getElementById('sc-result'), NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            if (n.parentElement.closest('bdi, svg')) continue;
            if (/§\\s?\\d|\\d\\s?€|\\b\\d{5}\\b|\\d{2,}[ /-]\\d{2,}/.test(n.data)) out.push(n.data);
        }
        return out;
    }""")
    assert loose == []
    laws = page.locator("#sc-result .sl-law")
    assert laws.count() > 3
    for i in range(laws.count()):
        law = laws.nth(i).locator("bdi")
        assert law.get_attribute("dir") == "ltr" and law.get_attribute("translate") == "no"
        # in the source order the citation stays "§ <number> ...", whatever the script around it
        assert re.match(r"§", law.text_content())
    amounts = page.locator("#sc-result strong bdi")
    assert amounts.count() > 5
    assert all(amounts.nth(i).get_attribute("translate") == "no" for i in range(amounts.count()))


def test_answers_reach_the_address_only_by_the_link_button_without_history(fresh_page, site_url):
    page = fresh_page  # a new profile: nothing from other tests
    from .selfcheck_helpers import complete_quickly

    page.goto(site_url + PAGES["de"])
    wait_ready(page)
    before = page.evaluate("history.length")
    complete_quickly(page)
    page.click("#sc-edit")
    page.click("#sc-next")
    page.click("#sc-next")
    page.click("#sc-next")
    page.click("#sc-next")
    page.click("#sc-submit")
    page.wait_for_selector("#sc-result:not([hidden])")
    assert "#" not in page.url
    assert page.evaluate("history.length") == before
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click("#sc-make-link")
    assert "#a=" in page.url
    assert page.evaluate("history.length") == before
    assert page.inner_text("#sc-keep-status") in ("Der Link ist kopiert.",
                                                    "Kopieren Sie den Link aus der Adresszeile Ihres Browsers.")


def test_a_link_too_long_for_the_answers_says_so_and_offers_the_file(page, site_url):
    from .selfcheck_helpers import complete_quickly

    page.goto(site_url + PAGES["en"])
    wait_ready(page)
    complete_quickly(page)
    # an answer far longer than any link can carry (the link keeps at most 4,000 characters)
    page.evaluate("document.querySelector('#q-self_other').value = '1'.repeat(6000)")
    page.click("#sc-make-link")
    assert "#a=" not in page.url
    assert "do not fit into a link" in page.inner_text("#sc-keep-status")
    assert page.evaluate("document.activeElement.id") == "sc-download"


@pytest.mark.parametrize("accept", [False, True])
def test_opening_a_link_over_a_filled_form_asks_first(page, site_url, accept):
    page.goto(site_url + PAGES["de"])
    wait_ready(page)
    page.select_option("#q-town", "herten")
    page.click("#sc-next")
    page.fill("#q-self_age", "55")
    messages = []
    page.once("dialog", lambda d: (messages.append(d.message), d.accept() if accept else d.dismiss()))
    page.goto(site_url + PAGES["de"] + fragment_for(HOUSEHOLDS["mother"]["answers"]))
    for _ in range(100):  # the question comes from the hashchange handler: wait for it, not a fixed time
        if messages:
            break
        page.wait_for_timeout(100)
    assert messages == ["Sie haben schon Antworten eingegeben. Sollen sie durch die geöffneten Antworten ersetzt werden?"]
    if accept:
        page.wait_for_selector("#sc-result:not([hidden])")
        assert page.input_value("#q-self_age") == "31"
    else:
        assert page.input_value("#q-self_age") == "55" and page.locator("#sc-result").is_hidden()


def parse_ics(text: str) -> list[dict]:
    """A small RFC 5545 reader: unfold lines, then the events' properties."""
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    lines = re.sub(r"\r\n[ \t]", "", text).split("\r\n")
    events, current, depth = [], None, 0
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif line == "BEGIN:VALARM":
            depth += 1
        elif line == "END:VALARM":
            depth -= 1
        elif current is not None and depth == 0 and ":" in line:
            name, value = line.split(":", 1)
            current[name.split(";")[0]] = value
    return events


@pytest.mark.parametrize("program,reapply", [("kinderzuschlag", date(2027, 4, 1)), ("wohngeld", date(2027, 10, 1))])
def test_calendar_reminder_parses_with_apply_now_and_reapply_two_months_before_the_period_ends(
        page, site_url, tmp_path, program, reapply):
    # Applying in December 2026 (§ 6a Abs. 7 BKGG: 6 months, December to May; § 25 Abs. 1 WoGG:
    # 12 months, December to November): reapply two months before the end, on 1 April / 1 October 2027.
    page.clock.set_fixed_time(datetime(2026, 12, 1, 10, 0))
    open_result(page, site_url, "de", "mother")
    with page.expect_download() as download:
        page.click(f'#sc-cards [data-program="{program}"] .sl-ics')
    path = tmp_path / "reminder.ics"
    download.value.save_as(path)
    events = parse_ics(path.read_bytes().decode("utf-8"))
    assert [e["DTSTART"] for e in events] == ["20261201", reapply.strftime("%Y%m%d")]
    assert [e["DTEND"] for e in events] == ["20261202", reapply.replace(day=2).strftime("%Y%m%d")]
    assert events[0]["SUMMARY"].endswith("beantragen") and "neuen Antrag" in events[1]["SUMMARY"]
    assert len({e["UID"] for e in events}) == 2


def answer(page, qid, value):
    control = page.locator(f'[name="{qid}"]').first
    kind = control.evaluate("el => el.type || el.tagName.toLowerCase()")
    if kind == "radio":
        page.check(f'[name="{qid}"][value="{value}"]')
    elif kind == "select-one":
        control.select_option(value)
    else:
        control.fill(value)


def test_pensioner_is_not_asked_irrelevant_questions_gets_no_chart_and_no_claims_in_one_line(page, site_url):
    page.goto(site_url + PAGES["de"])
    wait_ready(page)
    page.select_option("#q-town", "recklinghausen")
    page.click("#sc-next")
    assert page.locator("#q-pregnant-yes, [name=pregnant]").first.is_visible()  # asked while the age is open
    page.fill("#q-self_age", "70")
    assert page.locator("[name=pregnant]").first.is_hidden()
    page.click("#sc-next")
    page.fill("#q-self_pension", "500")
    page.click("#sc-next")
    # "I only know my warm rent": the heating share is asked for, the result says what it used
    page.select_option("#q-rent_known", "warm")
    assert page.locator("#q-kaltmiete").is_hidden()
    page.fill("#q-warmmiete", "510")
    page.fill("#q-warm_heizung", "70")
    page.click("#sc-next")
    assert page.locator("#q-sgb2_months").is_hidden()        # no SGB II months for a pensioner
    assert page.locator("[name=self_able_to_work]").first.is_hidden()
    page.click("#sc-submit")
    page.wait_for_selector("#sc-result:not([hidden])")
    page.wait_for_timeout(1000)
    assert page.locator("#sc-chart-box").is_hidden() and page.locator("#sc-chart svg").count() == 0
    assert "Gerechnet mit Ihrer Warmmiete von 510 € abzüglich 70 € für die Heizung: 440 € Miete ohne Heizung." in \
        page.inner_text("#sc-warnings")
    # the benefits she cannot claim: one line, their reasons one click away, no card each
    no_claim = page.locator("#sc-no-claim details")
    assert no_claim.count() == 1
    assert no_claim.locator("summary").inner_text().startswith("Nach Ihren Angaben kein Anspruch auf:")
    assert page.locator('#sc-cards [data-program="kindergeld"]').count() == 0
    assert no_claim.locator('[data-program="kindergeld"]').count() == 1


def test_pensioner_sees_grundsicherung_im_alter_and_the_sozialamt(page, site_url):
    open_result(page, site_url, "de", "pensioner")
    cards = page.locator("#sc-cards .sl-card")
    titles = cards.locator("h3").all_inner_texts()
    card = cards.filter(has=page.locator("h3", has_text="Grundsicherung im Alter"))
    assert card.count() == 1, titles
    assert "Sozialamt" in card.locator(".sl-office-type").first.inner_text()
    assert page.locator("#sc-chart svg").count() == 0


def result_summary(page):
    return {
        "total": page.inner_text("#sc-combination .sl-combination-total"),
        "cards": {c.get_attribute("data-program"): c.locator(".sl-card-amount strong").inner_text()
                  for c in page.locator("#sc-cards .sl-card").all()},
    }


@pytest.mark.parametrize("name", ["family", "pensioner"])
def test_adviser_mode_gives_the_guided_forms_result_on_one_page_without_the_address(page, site_url, name):
    open_result(page, site_url, "de", name)
    guided = result_summary(page)

    page.goto(site_url + "/berater/")
    wait_ready(page)
    assert page.locator("#sc-step-place").is_visible() and page.locator("#sc-step-special").is_visible()
    answers = HOUSEHOLDS[name]["answers"]
    for qid in ("has_partner", "children", "rent_known"):  # the answers that open further questions
        if qid in answers:
            answer(page, qid, answers[qid])
    for qid, value in answers.items():
        answer(page, qid, value)
    page.focus("#q-self_age")
    page.keyboard.press("Enter")  # keyboard-fast: Enter in any field shows the result
    page.wait_for_selector("#sc-combination .sl-combination-total")
    assert page.locator("#sc-form").is_visible()  # the result beside the form, not instead of it
    assert result_summary(page) == guided
    assert "#" not in page.url
    page.click("#sc-new")
    assert page.input_value("#q-self_age") == "" and page.locator("#sc-cards .sl-card").count() == 0
    assert "#" not in page.url
