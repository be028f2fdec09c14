"""Property tests: for any household the schema accepts, the engine answers sanely."""
import copy
import json
import re


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfcheck import ValidationError, evaluate

from ..catalogs import MESSAGES as CATALOGS
from ..catalogs import emitted_steps, step_key

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Clearly fake municipal data, for tests only.
TEST_LOCAL = {"towns": {
    "test-a": {"name": "Test A (fake)", "wohngeld_mietstufe": 3,
               "kdu": {"bruttokaltmiete": {"1": 400.0, "2": 480.0, "3": 560.0}, "je_weitere_person": 80.0}},
    "test-b": {"name": "Test B (fake)", "wohngeld_mietstufe": None, "kdu": None},
}}

money = st.one_of(st.just(0), st.integers(0, 5000), st.floats(0, 100000, allow_nan=False))
months = st.sampled_from(["2025-01", "2025-07", "2026-01", "2026-06", "2026-07", "2026-12", "2027-03", "2024-05"])


@st.composite
def persons(draw):
    n = draw(st.one_of(st.integers(1, 6), st.integers(1, 20)))
    out = []
    for i in range(n):
        relation = "self" if i == 0 else draw(st.sampled_from(["partner", "child", "child", "other"]))
        if relation == "partner" and any(p.get("relation") == "partner" for p in out):
            relation = "child"
        age = draw(st.integers(0, 120))
        p = {"id": f"p{i}", "age": age, "relation": relation}
        if relation == "child" and draw(st.booleans()):
            p["parent"] = "p0"
            if i >= 2 and draw(st.booleans()):
                p["parent2"] = "p1"
        gross = draw(money)
        if draw(st.booleans()):
            p["earned_income_gross"] = gross
            p["earned_income_net"] = draw(st.floats(0, 1)) * gross
        if draw(st.booleans()):
            kinds = ["pension", "arbeitslosengeld", "unterhalt", "unterhaltsvorschuss", "elterngeld",
                     "bafoeg", "krankengeld", "other"]
            p["other_income"] = {k: draw(money) for k in draw(st.lists(st.sampled_from(kinds), max_size=3, unique=True))}
        for flag in ("married", "in_education", "able_to_work", "costly_diet", "pays_income_tax",
                     "pays_health_insurance", "pays_pension_insurance"):
            if draw(st.integers(0, 4)) == 0:
                p[flag] = draw(st.booleans())
        if draw(st.integers(0, 3)) == 0:
            p["education"] = draw(st.sampled_from(["school", "vocational", "university"]))
        if draw(st.integers(0, 4)) == 0:
            p["pregnancy_week"] = draw(st.integers(0, 45))
        if draw(st.integers(0, 4)) == 0:
            p["disability"] = {"gdb": draw(st.integers(0, 100)), "merkzeichen_g": draw(st.booleans()),
                               "eingliederungsleistungen": draw(st.booleans())}
        if draw(st.integers(0, 3)) == 0:
            p["residence_status"] = draw(st.sampled_from(
                ["german", "eu", "settled", "residence_permit", "asylum_procedure", "toleration", "other"]))
        out.append(p)
    return out


@st.composite
def households(draw):
    hh = {"month": draw(months), "persons": draw(persons())}
    if draw(st.booleans()):
        hh["town"] = draw(st.sampled_from(["test-a", "test-b", "unknown-town"]))
    if draw(st.integers(0, 5)) > 0:
        hh["housing"] = {"kaltmiete": draw(st.floats(0, 20000)), "nebenkosten": draw(st.floats(0, 5000)),
                         "heizung": draw(st.floats(0, 5000)), "hot_water_decentral": draw(st.booleans()),
                         "owner": draw(st.integers(0, 5)) == 0}
    if draw(st.booleans()):
        hh["assets"] = draw(st.one_of(st.integers(0, 60000), st.floats(0, 1e8)))
    if draw(st.booleans()):
        hh["sgb2_months"] = draw(st.integers(0, 600))
    return hh


def _amounts(result):
    yield result["total"]
    yield result["combination"]["total"]
    for p in result["programs"]:
        yield p["amount"]


MESSAGES = CATALOGS["de"]


@SETTINGS
@given(households(), st.booleans())
def test_valid_input_never_raises_and_is_never_negative(hh, with_local):
    result = evaluate(hh, TEST_LOCAL if with_local else None)
    assert all(a >= 0 for a in _amounts(result))
    json.dumps(result)  # plain JSON data
    for step in emitted_steps(result):  # every emitted key has a text whose placeholders are filled
        assert step_key(step["key"]) in MESSAGES, step["key"]
        assert set(re.findall(r"{(\w+)}", MESSAGES[step_key(step["key"])])) <= set(step["args"]), step


@SETTINGS
@given(households())
def test_deterministic(hh):
    first = json.dumps(evaluate(copy.deepcopy(hh), TEST_LOCAL), sort_keys=True)
    assert json.dumps(evaluate(copy.deepcopy(hh), TEST_LOCAL), sort_keys=True) == first


def _sgb2(result) -> float:
    return next(p for p in result["programs"] if p["program"] == "grundsicherungsgeld")["amount"]


@SETTINGS
@given(households(), st.floats(1, 3000), st.booleans())
def test_more_earned_income_never_raises_sgb2(hh, extra, with_local):
    local = TEST_LOCAL if with_local else None
    before = _sgb2(evaluate(hh, local))
    richer = copy.deepcopy(hh)
    p = richer["persons"][0]
    gross = p.get("earned_income_gross", 0)
    net = p.get("earned_income_net", 0)
    p["earned_income_gross"] = min(gross + extra, 100000)
    p["earned_income_net"] = min(net + extra, p["earned_income_gross"])
    assert _sgb2(evaluate(richer, local)) <= before + 1e-9


BAD_VALUES = st.one_of(st.none(), st.text(max_size=5), st.integers(-10**12, 10**12), st.floats(),
                       st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


@SETTINGS
@given(households(), st.sampled_from(["age", "earned_income_gross", "relation", "pregnancy_week", "disability",
                                      "other_income", "nonsense"]), BAD_VALUES)
def test_invalid_input_gives_a_clean_validation_error(hh, field, value):
    bad = copy.deepcopy(hh)
    bad["persons"][0][field] = value
    try:
        evaluate(bad)
    except ValidationError as exc:
        assert exc.errors and all(e.field for e in exc.errors)


@SETTINGS
@given(st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8)),
                    lambda children: st.one_of(st.lists(children, max_size=3),
                                               st.dictionaries(st.sampled_from(["month", "persons", "housing", "assets", "id", "age", "x"]),
                                                               children, max_size=4)),
                    max_leaves=12))
def test_arbitrary_json_gives_result_or_validation_error(data):
    try:
        evaluate(data)
    except ValidationError:
        pass


def test_out_of_range_field_is_named():
    hh = {"month": "2026-03", "persons": [{"id": "p1", "age": 200}]}
    try:
        evaluate(hh)
    except ValidationError as exc:
        assert [e.field for e in exc.errors] == ["persons[0].age"]
    else:
        raise AssertionError("expected ValidationError")
