"""Worked examples as data: ``cases/<program>/<name>.yaml`` (household in, expected out).

Optional ``local`` is the municipal data passed to ``evaluate`` (test towns with clearly
fake values are named ``test-...``). ``expected`` maps a program to its ``status``/``amount``
(checked on its own) and optionally ``in_combination``; the key ``combination`` checks the
combination block (``status``, ``total``, ``programs``).

Each case names its ``origin`` (official example, calculator case, or a hand calculation
written out). The same cases run in CPython (test_cases.py) and in Pyodide
(tests/pyodide/), so both runtimes are held to the same numbers.
"""
from __future__ import annotations

from pathlib import Path

import yaml

CASES_DIR = Path(__file__).parent / "cases"
DEFAULT_TOLERANCE = 0.005  # euros: results are rounded to the cent


def load_cases() -> list[dict]:
    cases = []
    for path in sorted(CASES_DIR.glob("*/*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        case["name"] = f"{path.parent.name}/{path.stem}"
        for required in ("origin", "household", "expected"):
            if required not in case:
                raise ValueError(f"{path}: missing '{required}'")
        cases.append(case)
    return cases


def mismatches(case: dict, result: dict) -> list[str]:
    """Compare one engine result with the case's expectations; empty list means it agrees."""
    tolerance = case.get("tolerance", DEFAULT_TOLERANCE)
    by_program = {p["program"]: p for p in result["programs"]}
    problems = []
    for program, expected in case["expected"].items():
        if program == "combination":
            problems += _combination_mismatches(expected, result["combination"], tolerance)
            continue
        got = by_program.get(program)
        if got is None:
            problems.append(f"{program}: missing from result")
            continue
        if "status" in expected and got["status"] != expected["status"]:
            problems.append(f"{program}: status {got['status']!r}, expected {expected['status']!r}")
        if "amount" in expected and abs(got["amount"] - expected["amount"]) > tolerance:
            problems.append(f"{program}: amount {got['amount']}, expected {expected['amount']}")
        if "in_combination" in expected and got["in_combination"] != expected["in_combination"]:
            problems.append(f"{program}: in_combination {got['in_combination']}, expected {expected['in_combination']}")
    return problems


def _combination_mismatches(expected: dict, got: dict, tolerance: float) -> list[str]:
    """``expected.combination``: optional status, total and the set of programs received."""
    problems = []
    if "status" in expected and got["status"] != expected["status"]:
        problems.append(f"combination: status {got['status']!r}, expected {expected['status']!r}")
    if "total" in expected and abs(got["total"] - expected["total"]) > tolerance:
        problems.append(f"combination: total {got['total']}, expected {expected['total']}")
    if "programs" in expected and sorted(got["programs"]) != sorted(expected["programs"]):
        problems.append(f"combination: programs {got['programs']}, expected {expected['programs']}")
    return problems
