"""Validate a household against the shipped JSON Schema with the standard library only.

Supports the subset of JSON Schema the household schema uses. Errors name the field
(``persons[1].age``) and carry a message key, so the browser can show them next to the
field in the user's language.

Bad input never crashes: nesting deeper than the schema allows is rejected before the
(recursive) schema walk, patterns must match the WHOLE value (``re.fullmatch``: with
``re.search``, ``$`` also matches before a final newline, so "2026-01\n" passed), and
parent references that form a cycle are rejected.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

SCHEMA_PATH = Path(__file__).parent / "household.schema.json"
_schema: dict | None = None


def schema() -> dict:
    global _schema
    if _schema is None:
        _schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return _schema


@dataclass(frozen=True)
class FieldError:
    field: str
    key: str
    args: dict

    def to_json(self) -> dict:
        return {"field": self.field, "key": self.key, "args": self.args}


class ValidationError(ValueError):
    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(f"{e.field or '(household)'}: {e.key} {e.args}" for e in errors))


_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v == v and abs(v) != float("inf"),
}


MAX_DEPTH = 8  # the schema nests at most 5 levels (household > persons > person > other_income > value)


def _too_deep(value) -> bool:
    """Iterative depth check, so a JSON nested a thousand levels deep cannot exhaust the stack."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth >= MAX_DEPTH:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def _join(path: str, name) -> str:
    return f"{path}[{name}]" if isinstance(name, int) else (f"{path}.{name}" if path else name)


def _check(value, sch: dict, path: str, out: list[FieldError]) -> None:
    t = sch.get("type")
    if t and not _TYPES[t](value):
        out.append(FieldError(path, "wrong_type", {"expected": t}))
        return
    if "enum" in sch and value not in sch["enum"]:
        out.append(FieldError(path, "not_allowed", {"allowed": sch["enum"]}))
    if t in ("integer", "number"):
        if "minimum" in sch and value < sch["minimum"]:
            out.append(FieldError(path, "too_small", {"min": sch["minimum"]}))
        if "maximum" in sch and value > sch["maximum"]:
            out.append(FieldError(path, "too_large", {"max": sch["maximum"]}))
    if t == "string":
        if "maxLength" in sch and len(value) > sch["maxLength"]:
            out.append(FieldError(path, "too_long", {"max": sch["maxLength"]}))
        if "pattern" in sch and not re.fullmatch(sch["pattern"], value):
            out.append(FieldError(path, "bad_format", {}))
    if t == "array":
        if len(value) < sch.get("minItems", 0):
            out.append(FieldError(path, "too_few", {"min": sch["minItems"]}))
        if "maxItems" in sch and len(value) > sch["maxItems"]:
            out.append(FieldError(path, "too_many", {"max": sch["maxItems"]}))
            return
        for i, item in enumerate(value):
            _check(item, sch.get("items", {}), _join(path, i), out)
    if t == "object":
        props = sch.get("properties", {})
        for name in sch.get("required", []):
            if name not in value:
                out.append(FieldError(_join(path, name), "required", {}))
        for name, item in value.items():
            if name in props:
                _check(item, props[name], _join(path, name), out)
            elif sch.get("additionalProperties") is False:
                out.append(FieldError(_join(path, str(name)), "unknown_field", {}))


def _consistency(household: dict, out: list[FieldError]) -> None:
    """Rules across fields that JSON Schema cannot express (run only on schema-valid input)."""
    persons = household["persons"]
    ids = [p["id"] for p in persons]
    seen = set()
    for i, pid in enumerate(ids):
        if pid in seen:
            out.append(FieldError(f"persons[{i}].id", "duplicate_id", {}))
        seen.add(pid)
    by_id = {p["id"]: p for p in persons}
    for relation, limit in (("self", 1), ("partner", 1)):
        found = [i for i, p in enumerate(persons) if p.get("relation") == relation]
        for i in found[limit:]:
            out.append(FieldError(f"persons[{i}].relation", "too_many", {"max": limit}))
    for i, p in enumerate(persons):
        for key in ("parent", "parent2"):
            if key in p and (p[key] not in seen or p[key] == p["id"]):
                out.append(FieldError(f"persons[{i}].{key}", "unknown_person", {}))
        if _cycle(p, by_id):
            out.append(FieldError(f"persons[{i}].parent", "parent_cycle", {}))
        gross = p.get("earned_income_gross")
        net = p.get("earned_income_net")
        if net is not None and net > (gross or 0):
            out.append(FieldError(f"persons[{i}].earned_income_net", "net_above_gross", {}))


def _cycle(person: dict, by_id: dict) -> bool:
    """Following parent/parent2 links from ``person`` leads back to it (iterative walk)."""
    stack, seen = [person], set()
    while stack:
        current = stack.pop()
        for key in ("parent", "parent2"):
            nxt = by_id.get(current.get(key, ""))
            if nxt is None:
                continue
            if nxt is person:
                return True
            if nxt["id"] not in seen:
                seen.add(nxt["id"])
                stack.append(nxt)
    return False


def validate(household) -> None:
    """Raise ValidationError listing every problem; return None for a valid household."""
    errors: list[FieldError] = []
    if _too_deep(household):
        raise ValidationError([FieldError("", "too_deep", {"max": MAX_DEPTH})])
    _check(household, schema(), "", errors)
    if not errors:
        _consistency(household, errors)
    if errors:
        raise ValidationError(errors)
