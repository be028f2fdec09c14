"""SGB XII specifics the case files cannot express: the office named, the reason given, the age limit."""
from datetime import date

from selfcheck import evaluate
from selfcheck.params import Params
from selfcheck.programs.sozialhilfe import age_limit_reached

from .cases import load_cases

CASES = {c["name"]: c for c in load_cases()}


def _run(name):
    case = CASES[f"sozialhilfe/{name}"]
    result = evaluate(case["household"], case.get("local"))
    return {p["program"]: p for p in result["programs"]}, result


def test_grundsicherung_names_the_sozialamt_and_why_not_wohngeld():
    programs, result = _run("recklinghausen-pension-500-2026-03")
    assert programs["grundsicherung-im-alter"]["office"] == "sozialamt"
    assert "priority.sgb12_instead_of_wohngeld" in [r["key"] for r in programs["wohngeld"]["reasons"]]
    assert "priority.sgb12_need_remains" in [s["key"] for s in result["combination"]["steps"]]
    assert "sozialhilfe" not in result["not_checked"]


def test_wohngeld_first_gives_the_reason():
    programs, result = _run("recklinghausen-pension-800-2026-03")
    assert "priority.wg_ends_sgb12_need" in [r["key"] for r in programs["grundsicherung-im-alter"]["reasons"]]
    assert "priority.wg_ends_sgb12_need" in [s["key"] for s in result["combination"]["steps"]]


def test_unknown_grundrente_shows_both_amounts():
    programs, _ = _run("grundrente-unknown-both-results-2026-03")
    step = [r for r in programs["grundsicherung-im-alter"]["reasons"] if r["key"] == "sozialhilfe.grundrente_unknown"][0]
    # without § 82a: 1,073 − 700; with it: 1,073 − (700 − 280)
    assert (step["args"]["without"], step["args"]["with"]) == (373.0, 653.0)


def test_age_limit_by_birth_month():
    # Born March 1959: 66 years 2 months (§ 41 Abs. 2 SGB XII) are completed in May 2025; the limit
    # counts as reached from the following month (end of the month, as § 7a SGB II says).
    born = {"age": 66, "birth_year": 1959, "birth_month": 3}
    assert age_limit_reached(born, date(2025, 5, 1), Params(date(2025, 5, 1))) is False
    assert age_limit_reached(born, date(2025, 6, 1), Params(date(2025, 6, 1))) is True
    # Age alone: 67 in 2026 is always past the limit, 65 never, 66 depends on the birth month.
    day = date(2026, 3, 1)
    assert age_limit_reached({"age": 67}, day, Params(day)) is True
    assert age_limit_reached({"age": 65}, day, Params(day)) is False
    assert age_limit_reached({"age": 66}, day, Params(day)) is None
