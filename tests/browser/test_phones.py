"""Phones in every script (issue 12, item 4): at 360×740 and 390×844 with touch, in every
language of the site, with 0, 1, 3 and 10 children, no step and no result is wider than the
screen; the Next button is the element under its own centre and a tap on it advances; the
closed navigation drawer covers nothing; radio buttons sit beside their labels; the first
question is visible without scrolling; the office directory's filters fit.
A language added later gets the same tests by adding its code to PAGES."""
import pytest

from .selfcheck_helpers import PAGES, STEP_IDS, wait_ready

pytestmark = pytest.mark.browser

PHONES = {"360x740": (360, 740), "390x844": (390, 844)}
CHILDREN = (0, 1, 3, 10)
DIRECTORY = {"de": "/stellen/", "en": "/en/stellen/", "ar": "/ar/stellen/"}

# What a step needs so that Next accepts it (question id -> value); children's ages are added.
ANSWERS = {"place": [("town", "marl")], "household": [("self_age", "34")], "income": [],
           "housing": [("kaltmiete", "480")], "special": []}

WIDTH = "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
UNDER_CENTRE = """sel => {
    const b = document.querySelector(sel);
    b.scrollIntoView({block: 'center'});
    const r = b.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && (hit === b || b.contains(hit));
}"""
CHART_LABELS_CUT = """() => {
  const svg = document.querySelector('#sc-chart svg');
  const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].filter((label) => {
    const r = label.getBoundingClientRect();
    return r.left < box.left - 0.5 || r.right > box.right + 0.5;
  }).map((label) => label.textContent);
}"""
RADIO_GAPS = """() => [...document.querySelectorAll('.sl-radio')].filter(l => l.offsetParent).map(l => {
    const input = l.querySelector('input').getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(l);
    const text = [...range.getClientRects()].filter(r => r.width > 0 && Math.abs(r.left - input.left) > 1);
    const words = text.length ? text : [l.getBoundingClientRect()];
    return Math.min(...words.map(r => Math.max(r.left - input.right, input.left - r.right)));
})"""
DRAWER_HIDDEN = """() => {
    const d = document.querySelector('.md-sidebar--primary');
    if (!d) return true;
    const r = d.getBoundingClientRect();
    return getComputedStyle(d).visibility === 'hidden' || r.right <= 0 || r.left >= innerWidth;
}"""


@pytest.fixture(scope="module")
def phone_profiles(browser):
    """One returning visitor per phone size (the engine cached after its first self-check)."""
    made = {}
    yield made
    for context in made.values():
        context.close()


@pytest.fixture
def phone(browser, phone_profiles, request):
    width, height = PHONES[request.param]
    if request.param not in phone_profiles:
        phone_profiles[request.param] = browser.new_context(
            viewport={"width": width, "height": height}, has_touch=True, is_mobile=True, device_scale_factor=2)
    page = phone_profiles[request.param].new_page()
    page.set_default_timeout(90_000)
    yield page, width, height
    page.close()


def assert_fits(page, width, where):
    assert page.evaluate(WIDTH) <= width, f"{where}: page {page.evaluate(WIDTH)} px wide on a {width} px screen"
    assert page.evaluate(DRAWER_HIDDEN), f"{where}: the navigation drawer is on screen"


@pytest.mark.parametrize("phone", PHONES, indirect=True)
@pytest.mark.parametrize("lang", PAGES)
def test_every_step_and_the_result_fit_a_phone_and_taps_reach_next(phone, site_url, lang):
    page, width, height = phone
    page.goto(site_url + PAGES[lang])
    wait_ready(page)
    # the first question is visible without scrolling (keep/load/delete sit below the form)
    box = page.locator("#q-town").bounding_box()
    assert box["y"] + box["height"] <= height, f"first question at {box['y']} px"
    for children in CHILDREN:
        for n, step in enumerate(STEP_IDS):
            where = f"{lang} {width}px {children} children, step {step}"
            for qid, value in ANSWERS[step]:
                control = page.locator(f"#q-{qid}")
                if control.evaluate("el => el.tagName") == "SELECT":
                    control.select_option(value)
                else:
                    control.fill(value)
            if step == "household":
                page.fill("#q-children", str(children))
                for c in range(1, children + 1):
                    page.fill(f"#q-child_age-{c}", str(2 + c))
            assert_fits(page, width, where)
            gaps = page.evaluate(RADIO_GAPS)
            assert all(0 <= gap <= 16 for gap in gaps), f"{where}: radio buttons {gaps} px from their labels"
            button = "#sc-submit" if n == len(STEP_IDS) - 1 else "#sc-next"
            assert page.evaluate(UNDER_CENTRE, button), f"{where}: something covers {button}"
            page.locator(button).tap()
            if button == "#sc-next":
                page.wait_for_selector(f"#sc-step-{STEP_IDS[n + 1]}:not([hidden])", timeout=5_000)
        page.wait_for_selector("#sc-result:not([hidden])")
        page.wait_for_function("() => !document.getElementById('sc-chart-box').hidden")
        page.evaluate("document.querySelectorAll('#sc-result details').forEach(d => d.open = true)")
        assert_fits(page, width, f"{lang} {width}px {children} children, result")
        # every axis label inside the chart (the SVG clips what falls outside its box)
        cut = page.evaluate(CHART_LABELS_CUT)
        assert not cut, f"{lang} {width}px {children} children: chart labels cut at the edge: {cut}"
        # back to the first step for the next household, by touch as well
        assert page.evaluate(UNDER_CENTRE, "#sc-edit")
        page.locator("#sc-edit").tap()
        page.wait_for_selector("#sc-step-place:not([hidden])")


@pytest.mark.parametrize("phone", PHONES, indirect=True)
@pytest.mark.parametrize("lang", DIRECTORY)
def test_the_office_directory_and_its_filters_fit_a_phone(phone, site_url, lang):
    page, width, _ = phone
    page.goto(site_url + DIRECTORY[lang])
    page.wait_for_selector("#office-filter:not([hidden])")
    assert_fits(page, width, f"directory {lang}")
    box = page.locator("#office-filter").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    page.locator("#filter-topic").select_option(index=3)
    assert_fits(page, width, f"directory {lang}, filtered")
