"""Bad input never crashes the engine (issue #10, item 2): deep nesting, patterns that must match
the whole value, and parent references that form a cycle all give a validation error."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from selfcheck import ValidationError, evaluate
from selfcheck.jsonapi import evaluate_json
from selfcheck.validate import schema

ROOT = Path(__file__).parents[2]
BASE = {"month": "2026-03", "persons": [{"id": "p1", "age": 40, "relation": "self"}]}


def _errors(household) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as exc:
        evaluate(household)
    return [(e.field, e.key) for e in exc.value.errors]


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_deeply_nested_json_text_is_a_format_error_not_a_crash(depth):
    text = '{"month": "2026-03", "persons": ' + "[" * depth + "]" * depth + "}"
    answer = json.loads(evaluate_json(text))
    assert answer == {"ok": False, "errors": [{"field": "", "key": "bad_format", "args": {}}]}


def test_deeply_nested_data_is_a_validation_error_not_a_recursion_error():
    nested: list = []
    for _ in range(1000):
        nested = [nested]
    assert _errors({"month": "2026-03", "persons": nested}) == [("", "too_deep")]


def test_cli_reports_deep_nesting_without_a_traceback():
    text = '{"month": "2026-03", "persons": ' + "[" * 100_000 + "]" * 100_000 + "}"
    proc = subprocess.run([sys.executable, "-m", "selfcheck", "evaluate", "-"], cwd=ROOT, input=text,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "nested too deeply" in proc.stderr


@pytest.mark.parametrize("field,value", [("month", "2026-01\n"), ("town", "recklinghausen\n")])
def test_pattern_must_match_the_whole_value(field, value):
    assert _errors({**BASE, field: value}) == [(field, "bad_format")]


def test_person_id_with_a_final_newline_is_rejected():
    hh = {"month": "2026-03", "persons": [{"id": "p1\n", "age": 40, "relation": "self"}]}
    assert ("persons[0].id", "bad_format") in _errors(hh)


def test_every_schema_pattern_is_anchored_so_fullmatch_equals_the_json_schema_meaning():
    patterns = re.findall(r'"pattern":\s*"([^"]*)"', json.dumps(schema()))
    assert patterns and all(p.startswith("^") and p.endswith("$") for p in patterns)


def test_two_children_naming_each_other_as_parent_are_rejected():
    hh = {"month": "2026-03", "persons": [
        {"id": "p1", "age": 40, "relation": "self"},
        {"id": "c1", "age": 5, "relation": "child", "parent": "c2"},
        {"id": "c2", "age": 7, "relation": "child", "parent": "c1"}]}
    assert _errors(hh) == [("persons[1].parent", "parent_cycle"), ("persons[2].parent", "parent_cycle")]


def test_a_cycle_through_parent2_is_rejected_too():
    hh = {"month": "2026-03", "persons": [
        {"id": "p1", "age": 40, "relation": "self"},
        {"id": "c1", "age": 5, "relation": "child", "parent": "p1", "parent2": "c2"},
        {"id": "c2", "age": 7, "relation": "child", "parent": "c1"}]}
    assert ("persons[1].parent", "parent_cycle") in _errors(hh)


def test_parents_without_a_cycle_are_accepted():
    hh = {"month": "2026-03", "persons": [
        {"id": "p1", "age": 40, "relation": "self"}, {"id": "p2", "age": 38, "relation": "partner"},
        {"id": "c1", "age": 5, "relation": "child", "parent": "p1", "parent2": "p2"}]}
    assert evaluate(hh)["month"] == "2026-03"
