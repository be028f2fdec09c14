"""Dated legal parameters: load them and pick the value in force on a given day.

The browser bundle ships the compiled ``params.json`` (made by build.py); in CPython
the YAML sources are read directly when no compiled file is present, so tests always
see the files an editor just changed. Only that fallback needs PyYAML.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).parent
SOURCE_DIR = HERE / "params"
COMPILED = HERE / "params.json"


@dataclass(frozen=True)
class Value:
    """One parameter value with everything needed to cite it."""

    program: str
    key: str
    value: object
    valid_from: str
    legal_basis: str
    reference: tuple  # ({"title": ..., "href": ...}, ...); href only for an official URL
    unit: str
    name: dict
    description: dict

    @property
    def ref(self) -> str:
        return f"{self.program}.{self.key}"

    @property
    def source(self) -> str:
        """The references as one line of text (titles joined), for places that show plain text."""
        return "; ".join(r["title"] for r in self.reference)


def _iso(d) -> str:
    return d.isoformat() if isinstance(d, date) else str(d)


def _normalise(obj):
    """YAML dates become ISO strings so the data is plain JSON."""
    if isinstance(obj, dict):
        return {_iso(k): _normalise(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_normalise(v) for v in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


def compile_sources(source_dir: Path = SOURCE_DIR) -> dict:
    """Read every ``<program>.yaml`` into one JSON-ready mapping (needs PyYAML)."""
    import yaml  # build/CPython only; Pyodide uses the compiled JSON

    data = {}
    for path in sorted(source_dir.glob("*.yaml")):
        with path.open(encoding="utf-8") as fh:
            # libyaml where PyYAML has it: the same values, about ten times faster
            data[path.stem] = _normalise(yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    return data


_cache: dict | None = None


def load_data() -> dict:
    global _cache
    if _cache is None:
        if COMPILED.exists():
            _cache = json.loads(COMPILED.read_text(encoding="utf-8"))
        else:
            _cache = compile_sources()
    return _cache


class Params:
    """Parameters as in force on ``day``; remembers which programs were used past their coverage."""

    def __init__(self, day: date, data: dict | None = None):
        self.day = day
        self.data = load_data() if data is None else data
        self.stale: dict[str, str] = {}
        self._found: dict[tuple[str, str], Value] = {}  # an evaluation asks for the same value often

    def get(self, program: str, key: str) -> Value:
        found = self._found.get((program, key))
        if found is None:
            found = self._found[(program, key)] = self._lookup(program, key)
        covered = self.data[program].get("covered_until")
        if covered and self.day.isoformat() > covered:
            self.stale[program] = covered
        return found

    def _lookup(self, program: str, key: str) -> Value:
        prog = self.data[program]
        spec = prog[key]
        day_iso = self.day.isoformat()
        dates = sorted(d for d in spec["values"] if d <= day_iso)
        if not dates:
            raise LookupError(f"{program}.{key} has no value on or before {day_iso}")
        entry = spec["values"][dates[-1]]
        return Value(
            program=program,
            key=key,
            value=entry["value"],
            valid_from=dates[-1],
            legal_basis=spec["legal_basis"],
            reference=tuple(entry["reference"]),
            unit=spec["unit"],
            name=spec["name"],
            description=spec.get("description", {}),
        )
