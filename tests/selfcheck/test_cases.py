import pytest

from selfcheck import evaluate

from .cases import load_cases, mismatches

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_worked_example(case):
    assert mismatches(case, evaluate(case["household"], case.get("local"))) == []
