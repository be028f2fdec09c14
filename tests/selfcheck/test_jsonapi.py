"""The browser's entry point (selfcheck/jsonapi.py): the worker's warm-up before the first answer."""
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from selfcheck.jsonapi import evaluate_json, warm_up
from tests.browser.selfcheck_helpers import FAMILY_HOUSEHOLD

ROOT = Path(__file__).parents[2]


def test_the_warm_up_evaluates_its_made_up_household_in_a_covered_month():
    answer = json.loads(warm_up(date(2026, 12, 1)))
    assert answer["ok"] is True, answer
    programs = {p["program"] for p in answer["result"]["programs"]}
    # the household exercises the family programs, not only the quick no-claim paths
    assert {"kindergeld", "kinderzuschlag", "wohngeld", "grundsicherungsgeld"} <= programs


def test_an_answer_after_the_warm_up_is_the_answer_of_a_fresh_engine():
    # The memory snapshot is taken after the warm-up: whatever it leaves behind must not change
    # a later result. A fresh interpreter without warm-up gives the reference.
    text = json.dumps({k: v for k, v in FAMILY_HOUSEHOLD.items() if k != "town"})  # no local data here
    fresh = subprocess.run([sys.executable, "-c", "import sys; from selfcheck.jsonapi import evaluate_json; "
                            "print(evaluate_json(sys.stdin.read()))"], input=text, cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.strip()
    warm_up(date(2026, 12, 1))
    assert json.loads(evaluate_json(text)) == json.loads(fresh)
