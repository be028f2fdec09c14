"""Bildung und Teilhabe: the Schulbedarf is shown in the month it is paid (§ 28 Abs. 3 SGB II)."""
from selfcheck import evaluate

from .cases import load_cases

CASES = {c["name"]: c for c in load_cases()}


def _steps(name):
    case = CASES[f"bildung_und_teilhabe/{name}"]
    result = evaluate(case["household"], case.get("local"))
    but = next(p for p in result["programs"] if p["program"] == "bildung-und-teilhabe")
    return [(s["key"], s.get("amount"), s["args"].get("person")) for s in but["steps"]]


def test_school_supplies_paid_in_august_and_february():
    # August: 130 € for the pupil (16), none for the Kita child (4), who gets trips and lunch.
    august = _steps("sgb2-family-august-2026")
    assert ("but.schulbedarf_now", 130.0, "c1") in august
    assert not any(k == "but.schulbedarf_now" and p == "c2" for k, _, p in august)
    assert ("but.actual_cost_kita", None, "c2") in august
    # February: 65 € for each of the two pupils.
    february = _steps("wohngeld-kiz-family-february-2026")
    assert [a for k, a, _ in february if k == "but.schulbedarf_now"] == [65.0, 65.0]
