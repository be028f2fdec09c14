"""JSON Schemas for every file an editor touches (schemas/*.schema.json), validated with the
``jsonschema`` package; each error becomes one ``file:line: message`` through ``validate``.

YAML is read twice from the same text: as data (for the schema) and as nodes (for the line of
each value). A schema may give an editor-friendly message in ``x-message``; otherwise the
message is jsonschema's, prefixed with where the value sits (``values > 2026-01-01``).
"""
from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

import jsonschema
import yaml

from . import ROOT
from . import yamlio

SCHEMAS = ROOT / "schemas"


@lru_cache(maxsize=None)
def validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def plain(value):
    """YAML data as JSON data: dates (also as keys) become ISO strings."""
    if isinstance(value, dict):
        return {(k.isoformat() if isinstance(k, date) else str(k) if not isinstance(k, str) else k): plain(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def node_at(node, path) -> yaml.Node | None:
    """The YAML node at a JSON path (keys and indexes), or the deepest one found on the way."""
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            match = node.value[part]
        else:
            match = None
        if match is None:
            return node
        node = match
    return node


def _key_line(node, path) -> int | None:
    """The line of the key the path ends in, if it ends in a mapping key."""
    parent = node_at(node, list(path)[:-1]) if path else node
    if isinstance(parent, yaml.MappingNode) and path:
        for k, _ in parent.value:
            if k.value == str(list(path)[-1]):
                return k.start_mark.line + 1
    return None


def _where(path) -> str:
    return " > ".join(str(p) for p in path)


def _message(error: jsonschema.ValidationError) -> str:
    # the most specific error among alternatives (anyOf/oneOf) reads best
    best = jsonschema.exceptions.best_match([error]) if error.context else error
    custom = error.schema.get("x-message") if isinstance(error.schema, dict) else None
    text = custom or best.message
    where = _where(error.absolute_path)
    return f"{where}: {text}" if where else text


def errors(name: str, data, root_node, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, message) for each schema error; ``first_line``: where the YAML text starts in its file."""
    out = []
    for error in sorted(validator(name).iter_errors(plain(data)), key=lambda e: list(map(str, e.absolute_path))):
        # a value under a key is reported on the key's line (the value may start a line later)
        line = _key_line(root_node, error.absolute_path)
        if line is None:
            found = node_at(root_node, error.absolute_path)
            line = found.start_mark.line + 1 if found is not None else 1
        out.append((first_line - 1 + line, _message(error)))
    return out


def validate_text(name: str, text: str, first_line: int = 1):
    """Schema errors of a YAML text; raises yaml.YAMLError for text that is not YAML."""
    data = yamlio.load(text)
    node = yamlio.compose(text)
    return errors(name, data, node, first_line)


def validate_file(name: str, path: Path, problems, rule: str) -> None:
    """Report through ``problems`` (check.Problems); a YAML error is reported by the caller's rules."""
    try:
        found = validate_text(name, path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return
    for line, message in found:
        problems.add(path, line, message, rule)
