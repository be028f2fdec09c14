"""The messages of ``build.py check`` in the form each place shows them where editors look.

- ``text``: ``file:line: message [rule]`` for people and job logs;
- ``github``: workflow commands (``::error file=…,line=…,title=…::…``), which GitHub shows on the
  changed lines of a pull request;
- ``gitlab``: a Code Quality report (JSON), which GitLab shows in the merge request.

A problem is anything with ``path``, ``line``, ``message`` and ``rule`` attributes, or a plain
``file:line: message`` string (then the rule is ``check``; ``file:line: warning: message`` is a warning).
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

FORMATS = ("text", "github", "gitlab")
LINE_RE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<message>.*)$", re.S)


@dataclass(frozen=True)
class Item:
    path: str
    line: int
    message: str
    rule: str
    warning: bool = False


def item(problem, warnings=()) -> Item:
    if hasattr(problem, "path") and hasattr(problem, "message"):
        rule = getattr(problem, "rule", None) or "check"
        return Item(str(problem.path), int(problem.line), str(problem.message), rule, rule in warnings)
    match = LINE_RE.match(str(problem))
    if not match:  # a message without a place, e.g. an unreadable site.yml
        return Item("", 1, str(problem), "check")
    message = match["message"]
    warning = message.startswith("warning: ")  # check's warnings: reported, they do not fail the check
    return Item(match["path"], int(match["line"]), message.removeprefix("warning: "), "check", warning)


def text(items: list[Item]) -> str:
    return "".join(f"{i.path}:{i.line}: {'warning: ' if i.warning else ''}{i.message} [{i.rule}]\n" for i in items)


def _gh_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(value: str) -> str:
    return _gh_data(value).replace(":", "%3A").replace(",", "%2C")


def github(items: list[Item]) -> str:
    out = []
    for i in items:
        level = "warning" if i.warning else "error"
        where = f"file={_gh_property(i.path)},line={i.line}," if i.path else ""
        out.append(f"::{level} {where}title={_gh_property(i.rule)}::{_gh_data(i.message)}\n")
    return "".join(out)


def gitlab(items: list[Item]) -> str:
    """Code Quality report: the fingerprint leaves out the line, so a moved line is not a new problem."""
    seen: dict[str, int] = {}
    report = []
    for i in items:
        base = f"{i.rule}\0{i.path}\0{i.message}"
        seen[base] = seen.get(base, 0) + 1
        fingerprint = hashlib.md5(f"{base}\0{seen[base]}".encode("utf-8")).hexdigest()
        report.append({
            "description": i.message,
            "check_name": i.rule,
            "fingerprint": fingerprint,
            "severity": "minor" if i.warning else "major",
            "location": {"path": i.path, "lines": {"begin": i.line}},
        })
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def render(problems, fmt: str = "text", warnings=()) -> str:
    items = [item(p, warnings) for p in problems]
    return {"text": text, "github": github, "gitlab": gitlab}[fmt](items)
