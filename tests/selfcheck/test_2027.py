"""2027 without guessing (issue #10, item 5).

Known for 2027: the Minijob limit of 633 € (minimum wage 14.60 €, Fünfte Mindestlohn-
anpassungsverordnung). Not known (bills only, as of the legal update of December 2026):
Regelbedarfe, Kindergeld, Kinderzuschlag, Mindestunterhalt, Wohngeld, AsylbLG. A month in 2027
therefore uses the last enacted values, says "law as of 31.12.2026" for every program whose
values end in 2026, and no value is extrapolated: each one is a dated entry of the YAML files.
"""
from datetime import date

from selfcheck import evaluate
from selfcheck.params import Params, compile_sources

COMPUTED = ("kindergeld", "unterhaltsvorschuss", "wohngeld", "kinderzuschlag", "grundsicherungsgeld")
SINGLE_PARENT = {
    "town": "test-town",
    "persons": [{"id": "p1", "age": 34, "relation": "self", "earned_income_gross": 1400, "earned_income_net": 1100},
                {"id": "c1", "age": 7, "relation": "child", "parent": "p1"}],
    "housing": {"kaltmiete": 450, "nebenkosten": 90, "heizung": 70},
    "sgb2_months": 24,
}
LOCAL = {"towns": {"test-town": {"name": "Test town (fake values)", "wohngeld_mietstufe": 3,
                                 "kdu": {"bruttokaltmiete": {"1": 400, "2": 550}, "je_weitere_person": 100}}}}


def _month(month: str) -> dict:
    return evaluate({**SINGLE_PARENT, "month": month}, LOCAL)


def test_a_month_in_2027_warns_law_as_of_for_every_program_whose_values_end_in_2026():
    data = compile_sources()
    result = _month("2027-03")
    warned = {w["args"]["program"]: w["args"]["date"] for w in result["warnings"] if w["key"] == "law_as_of"}
    for program in COMPUTED:
        assert data[program]["covered_until"] == "2026-12-31"
        assert warned[program] == "2026-12-31", program
    assert _month("2026-12")["warnings"] == []


def test_no_value_is_extrapolated_into_2027():
    data = compile_sources()
    last_2026, in_2027 = Params(date(2026, 12, 31), data), Params(date(2027, 6, 1), data)
    for program, spec in data.items():
        for key, param in spec.items():
            if key == "covered_until" or not any(d <= "2026-12-31" for d in param["values"]):
                continue
            found = in_2027.get(program, key)
            assert found.valid_from in param["values"], (program, key)  # a dated entry, nothing computed
            if not any(d.startswith("2027") for d in param["values"]):
                assert found.value == last_2026.get(program, key).value, (program, key)


def test_the_known_2027_minijob_limit_is_used_with_its_reference():
    found = Params(date(2027, 1, 1)).get("allgemein", "minijob_grenze")
    assert (found.value, found.valid_from) == (633, "2027-01-01")
    assert "14.60" in found.source
    assert Params(date(2026, 12, 1)).get("allgemein", "minijob_grenze").value == 603


def test_amounts_in_2027_are_those_of_december_2026_where_only_unknown_values_would_change():
    # This household's earnings are far above both Minijob limits, so the one known 2027 change
    # does not touch it: every amount must be the December 2026 one.
    before, after = _month("2026-12"), _month("2027-03")
    assert [(p["program"], p["status"], p["amount"]) for p in after["programs"]] == \
        [(p["program"], p["status"], p["amount"]) for p in before["programs"]]
    assert after["combination"]["total"] == before["combination"]["total"]
