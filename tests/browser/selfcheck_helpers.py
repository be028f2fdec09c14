"""Driving the self-check like a person: keyboard only, or quickly by filling fields."""
import base64
import json
import time

PAGES = {"de": "/selbstcheck/", "en": "/en/selbstcheck/", "ar": "/ar/selbstcheck/"}
TOWN_NAME = "Dorsten"

# The family case: what a person answers, step by step (question id -> answer).
FAMILY_STEPS = [
    [("town", TOWN_NAME), ("month", "2026-09")],
    [("self_age", "38"), ("has_partner", "yes"), ("partner_age", "36"), ("married", "yes"),
     ("children", "2"), ("child_age-1", "8"), ("child_age-2", "10")],
    [("self_gross", "2000"), ("self_net", "1480"), ("partner_gross", "570"), ("partner_net", "570")],
    [("kaltmiete", "650"), ("nebenkosten", "150"), ("heizung", "150")],
    [("assets", "2000")],
]

# The same household as the engine's input, written out independently of the page script.
FAMILY_HOUSEHOLD = {
    "month": "2026-09",
    "town": "dorsten",
    "persons": [
        {"id": "p1", "age": 38, "relation": "self", "married": True,
         "earned_income_gross": 2000, "earned_income_net": 1480},
        {"id": "p2", "age": 36, "relation": "partner", "married": True,
         "earned_income_gross": 570, "earned_income_net": 570},
        {"id": "c1", "age": 8, "relation": "child", "parent": "p1", "parent2": "p2"},
        {"id": "c2", "age": 10, "relation": "child", "parent": "p1", "parent2": "p2"},
    ],
    "housing": {"kaltmiete": 650, "nebenkosten": 150, "heizung": 150},
    "assets": 2000,
}


def wait_until(page, script, arg=None, timeout=90.0):
    """Poll an async page function until it resolves to something truthy. Playwright's
    wait_for_function counts the Promise an async function returns as truthy at once."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout} s: {script[:80]}")
        page.wait_for_timeout(250)


def wait_ready(page):
    page.wait_for_selector("#sc-status[data-state=ready]", timeout=90_000)


def tab_to(page, selector, limit=120):
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def answer_by_keyboard(page, qid, value):
    control = page.locator(f'[name="{qid}"]').first
    kind = control.evaluate("el => el.type || el.tagName.toLowerCase()")
    if kind == "radio":
        tab_to(page, f'[name="{qid}"]')
        current = page.evaluate("document.activeElement.value")
        if current != value:
            page.keyboard.press("ArrowUp" if value == "yes" else "ArrowDown")
        assert page.locator(f'[name="{qid}"][value="{value}"]').is_checked()
    elif kind == "select-one":
        tab_to(page, f'[name="{qid}"]')
        page.keyboard.type(value)
        assert control.evaluate("el => el.selectedOptions[0].textContent") == value
    else:
        tab_to(page, f'[name="{qid}"]')
        page.keyboard.press("Control+A")
        page.keyboard.type(value)


def complete_by_keyboard(page, steps=FAMILY_STEPS):
    for n, step in enumerate(steps):
        for qid, value in step:
            answer_by_keyboard(page, qid, value)
        button = "#sc-submit" if n == len(steps) - 1 else "#sc-next"
        tab_to(page, button)
        page.keyboard.press("Enter")
        if button == "#sc-next":
            page.wait_for_function("s => !document.querySelector(s).hidden", arg=f"#sc-step-{STEP_IDS[n + 1]}")
    page.wait_for_selector("#sc-result:not([hidden])")


STEP_IDS = ["place", "household", "income", "housing", "special"]


def fill_step(page, step):
    """Answer one step's questions with the mouse-free shortcuts Playwright offers."""
    for qid, value in step:
        control = page.locator(f'[name="{qid}"]').first
        kind = control.evaluate("el => el.type || el.tagName.toLowerCase()")
        if kind == "radio":
            page.check(f'[name="{qid}"][value="{value}"]')
        elif kind == "select-one":
            control.select_option(label=value)
        else:
            control.fill(value)


def complete_quickly(page, steps=FAMILY_STEPS):
    for n, step in enumerate(steps):
        fill_step(page, step)
        page.click("#sc-submit" if n == len(steps) - 1 else "#sc-next")
    page.wait_for_selector("#sc-result:not([hidden])")


def fragment_for(answers: dict) -> str:
    raw = base64.urlsafe_b64encode(json.dumps(answers).encode()).decode().rstrip("=")
    return f"#a={raw}"


def money(page, lang, amount):
    """An amount as the page writes it (Intl in the browser)."""
    return page.evaluate("([l, a]) => new Intl.NumberFormat(l, {style: 'currency', currency: 'EUR'}).format(a)",
                         [lang, amount])


# -- the three households of issue 12, as answers (question -> value) and as the engine's input --
# Written out independently of the page script, so a test compares the page with the CLI.
HOUSEHOLDS = {
    # a single mother in Marl with a 4-year-old, part-time work
    "mother": {
        "answers": {"town": "marl", "month": "2026-12", "self_age": "31", "children": "1", "child_age-1": "4",
                    "self_gross": "1200", "self_net": "950", "kaltmiete": "450", "nebenkosten": "120",
                    "heizung": "80"},
        "household": {"month": "2026-12", "town": "marl", "persons": [
            {"id": "p1", "relation": "self", "age": 31, "earned_income_gross": 1200, "earned_income_net": 950},
            {"id": "c1", "relation": "child", "parent": "p1", "age": 4}],
            "housing": {"kaltmiete": 450, "nebenkosten": 120, "heizung": 80}},
    },
    # a married couple in Gladbeck with three children, one earner
    "family": {
        "answers": {"town": "gladbeck", "month": "2026-12", "self_age": "40", "has_partner": "yes",
                    "partner_age": "38", "married": "yes", "children": "3", "child_age-1": "3",
                    "child_age-2": "7", "child_age-3": "12", "self_gross": "2400", "self_net": "1750",
                    "kaltmiete": "700", "nebenkosten": "180", "heizung": "120"},
        "household": {"month": "2026-12", "town": "gladbeck", "persons": [
            {"id": "p1", "relation": "self", "age": 40, "married": True,
             "earned_income_gross": 2400, "earned_income_net": 1750},
            {"id": "p2", "relation": "partner", "age": 38, "married": True},
            {"id": "c1", "relation": "child", "parent": "p1", "parent2": "p2", "age": 3},
            {"id": "c2", "relation": "child", "parent": "p1", "parent2": "p2", "age": 7},
            {"id": "c3", "relation": "child", "parent": "p1", "parent2": "p2", "age": 12}],
            "housing": {"kaltmiete": 700, "nebenkosten": 180, "heizung": 120}},
    },
    # a pensioner in Recklinghausen: 70, pension 500 €, who knows only her warm rent of 510 €
    # (70 € of it for heating): rent without heating 510 - 70 = 440 €
    "pensioner": {
        "answers": {"town": "recklinghausen", "month": "2026-12", "self_age": "70", "self_pension": "500",
                    "rent_known": "warm", "warmmiete": "510", "warm_heizung": "70"},
        "household": {"month": "2026-12", "town": "recklinghausen", "persons": [
            {"id": "p1", "relation": "self", "age": 70, "other_income": {"pension": 500}}],
            "housing": {"kaltmiete": 440, "heizung": 70}},
    },
}


def cli_evaluate(household: dict, tmp_path) -> dict:
    """The engine's CLI on a household, with the default site's local data."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    path = tmp_path / "household.json"
    path.write_text(json.dumps(household))
    out = subprocess.run([sys.executable, "-m", "selfcheck", "evaluate", str(path),
                          "--site", str(ROOT / "sites" / "kreis-recklinghausen")],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def expected_totals(result: dict) -> list[float]:
    """What the household would have in each case, by hand from the CLI's combination: the
    certain part (``total``) plus each alternative; with one alternative, the certain part alone
    is the other case (the office may grant neither)."""
    combo = result["combination"]
    options = [round(combo["total"] + alt["total"], 2) for alt in combo["alternatives"]]
    if len(options) == 1:
        options.insert(0, combo["total"])
    return options or [combo["total"]]
