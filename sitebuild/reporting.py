"""``build.py check --format``: the same problems for people and for the forges.

- ``text``: ``file:line: message`` (warnings: ``file:line: warning: message``);
- ``github``: workflow commands, so GitHub shows each message on its line of a pull request;
- ``gitlab``: a Code Quality report (JSON), so GitLab shows them in the merge request diff.
"""
from __future__ import annotations

import hashlib
import json

FORMATS = ("text", "github", "gitlab")


def _is_warning(problem, warnings) -> bool:
    return getattr(problem, "rule", "") in warnings


def _escape_github(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def text(problems, warnings) -> str:
    lines = []
    for p in problems:
        lines.append(f"{p.path}:{p.line}: warning: {p.message}" if _is_warning(p, warnings) and hasattr(p, "path")
                     else str(p))
    return "".join(line + "\n" for line in lines)


def github(problems, warnings) -> str:
    out = []
    for p in problems:
        kind = "warning" if _is_warning(p, warnings) else "error"
        out.append(f"::{kind} file={_escape_github(p.path, True)},line={p.line},"
                   f"title={_escape_github(p.rule, True)}::{_escape_github(p.message)}\n")
    return "".join(out)


def gitlab(problems, warnings) -> str:
    report = []
    for p in problems:
        report.append({
            "description": p.message,
            "check_name": p.rule,
            "fingerprint": hashlib.sha256(f"{p.path}:{p.line}:{p.rule}:{p.message}".encode("utf-8")).hexdigest()[:32],
            "severity": "minor" if _is_warning(p, warnings) else "major",
            "location": {"path": p.path, "lines": {"begin": p.line}},
        })
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def render(problems, fmt: str, warnings) -> str:
    return {"text": text, "github": github, "gitlab": gitlab}[fmt](problems, warnings)
