"""The browser's small standard-library validator (selfcheck/validate.py) agrees with the
`jsonschema` package on the household schema: on the example households and on thousands of
variants with one field changed to a value of another type, out of range, malformed or unknown."""
import copy
import json
import random
from pathlib import Path

import jsonschema

from selfcheck import validate

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = validate.schema()
STRICT = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
EXAMPLES = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.json"))]
# (1.0 is left out: jsonschema counts it as an integer, the stdlib validator does not; the page
# script sends JSON.stringify output, which never writes 1.0.)
ODD_VALUES = [None, True, False, 0, -1, 1, 2.5, 17, 121, 10**9, -0.01, "", "x", "2026-13", "2026-07", "self",
              "a" * 300, [], [{}], {}, {"x": 1}]


def stdlib_valid(household) -> bool:
    errors = []
    validate._check(household, SCHEMA, "", errors)  # the schema part (cross-field rules are not JSON Schema)
    return not errors


def households_of(example):
    return example["household"] if "household" in example else example


def variants(household, rng, n):
    paths = []

    def walk(value, path):
        paths.append(path)
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, path + [k])
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + [i])

    walk(household, [])
    for _ in range(n):
        changed = copy.deepcopy(household)
        path = rng.choice(paths[1:])
        parent = changed
        for part in path[:-1]:
            parent = parent[part]
        if isinstance(parent, dict) and rng.random() < 0.15:
            parent["unknown_" + str(rng.randint(0, 9))] = rng.choice(ODD_VALUES)
        elif isinstance(parent, dict) and rng.random() < 0.1:
            del parent[path[-1]]
        else:
            parent[path[-1]] = rng.choice(ODD_VALUES)
        yield changed


def test_examples_are_valid_for_both():
    for example in EXAMPLES:
        household = households_of(example)
        assert STRICT.is_valid(household) and stdlib_valid(household)


def test_both_validators_agree_on_variants():
    rng = random.Random(9)  # fixed: the same 3,000 variants every run
    disagreements = []
    for example in EXAMPLES:
        for household in variants(households_of(example), rng, 3000 // len(EXAMPLES)):
            if STRICT.is_valid(household) != stdlib_valid(household):
                disagreements.append(household)
    assert disagreements == []
