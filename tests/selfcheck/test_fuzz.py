"""The fuzz test of issue #10's acceptance, bounded to well under a minute.

For random input: no exception other than the ValidationError; invalid input gives that error,
valid input a result; the total equals the sum of the programs in the combination; the same
persons in another order give the same result; every amount is finite and >= 0.
"""
import copy
import json
import math
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfcheck import ValidationError, evaluate
from selfcheck.jsonapi import evaluate_json

from .test_properties import TEST_LOCAL, households

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def rich_households(draw):
    """The property-test households plus the fields added for issue #10."""
    hh = draw(households())
    for p in hh["persons"]:
        if draw(st.integers(0, 4)) == 0:
            p["minijob_flat_tax"] = draw(st.booleans())
        if draw(st.integers(0, 4)) == 0:
            p["grundrentenzeiten"] = draw(st.sampled_from(["yes", "no", "unknown"]))
        if draw(st.integers(0, 4)) == 0:
            p["maintenance_paid"] = {"amount": draw(st.floats(0, 5000)), "titled": draw(st.booleans()),
                                     "recipient": draw(st.sampled_from(["child", "ex_partner", "other"]))}
        if draw(st.integers(0, 6)) == 0:
            p["in_education"], p["education"] = True, "voluntary_service"
    if draw(st.integers(0, 3)) == 0:
        hh["sgb2_approval_start"] = draw(st.sampled_from(["2025-11", "2026-06", "2026-07", "2026-10"]))
    return hh


def _check_result(result: dict) -> None:
    amounts = [result["total"], result["combination"]["total"]] + [p["amount"] for p in result["programs"]]
    amounts += [a["total"] for a in result["combination"]["alternatives"]]
    assert all(math.isfinite(a) and a >= 0 for a in amounts), amounts
    chosen = [p for p in result["programs"] if p["in_combination"]]
    assert sorted(p["program"] for p in chosen) == sorted(result["combination"]["programs"])
    assert abs(sum(p["amount"] for p in chosen) - result["combination"]["total"]) < 0.015
    assert result["total"] == result["combination"]["total"]


def _summary(result: dict) -> tuple:
    programs = sorted((p["program"], p["status"], round(p["amount"], 2), p["in_combination"])
                      for p in result["programs"])
    combo = result["combination"]
    return programs, combo["status"], round(combo["total"], 2), sorted(combo["programs"]), \
        sorted(w["args"]["program"] for w in result["warnings"])


@FUZZ
@given(rich_households(), st.booleans(), st.randoms(use_true_random=False))
def test_valid_input_gives_a_sane_result_in_any_person_order(hh, with_local, rnd):
    local = TEST_LOCAL if with_local else None
    try:
        result = evaluate(copy.deepcopy(hh), local)
    except ValidationError:
        return  # e.g. net above gross: an error, never a crash
    _check_result(result)
    shuffled = copy.deepcopy(hh)
    rnd.shuffle(shuffled["persons"])
    assert _summary(evaluate(shuffled, local)) == _summary(result)


MUTATIONS = st.sampled_from([
    ("month", "2026-13"), ("month", "2026-01\n"), ("month", 202601), ("persons", []), ("persons", None),
    ("assets", -1), ("assets", float("inf")), ("sgb2_approval_start", "2026/07"), ("housing", {"miete": 1}),
    ("unknown", 1)])


@FUZZ
@given(rich_households(), MUTATIONS)
def test_invalid_input_gives_the_validation_error(hh, mutation):
    key, value = mutation
    bad = copy.deepcopy(hh)
    bad[key] = value
    try:
        evaluate(bad)
    except ValidationError as exc:
        assert exc.errors
    else:
        raise AssertionError(f"{key}={value!r} was accepted")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60) | st.binary(max_size=60).map(lambda b: b.decode("latin-1")))
def test_any_text_gives_an_answer_from_the_browser_entry_point(text):
    answer = json.loads(evaluate_json(text))
    assert "internal" not in answer and answer["ok"] in (True, False)


def test_person_order_example():
    hh = {"month": "2026-04", "persons": [
        {"id": "c1", "age": 6, "relation": "child", "parent": "p1"},
        {"id": "p1", "age": 35, "relation": "self", "earned_income_gross": 1500, "earned_income_net": 1150},
        {"id": "c2", "age": 13, "relation": "child", "parent": "p1"}],
        "housing": {"kaltmiete": 500, "nebenkosten": 100, "heizung": 80}}
    reordered = copy.deepcopy(hh)
    random.Random(1).shuffle(reordered["persons"])
    assert _summary(evaluate(hh)) == _summary(evaluate(reordered))
