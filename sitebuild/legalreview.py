"""Legal review record on benefit and life-situation pages.

Every page that tells citizens what the law gives them says in its front matter which rules were
checked and when::

    legal_review:
      date: 2026-12-01
      basis: ["§ 22 Abs. 1 SGB II", "§ 65a SGB II"]

``build.py check`` reports a missing or malformed record as an error (file:line). When a parameter
the page shows got a new value after the review, the law may have moved on since, so the check
warns (``problems.warn``; it does not fail: the amounts themselves come from the parameter and stay right).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from selfcheck.params import Params

from .placeholders import PARAM_RE, TABLE_RE

REVIEWED_DIRS = ("leistungen", "lebenslagen")


def applies(path: Path) -> bool:
    return path.parent.name in REVIEWED_DIRS and path.name.endswith(".de.md")


def _line(fm_text: str, key: str) -> int:
    for i, line in enumerate(fm_text.splitlines(), start=2):  # line 1 is the opening '---'
        if line.startswith(f"{key}:"):
            return i
    return 1


def newest_parameter_date(body: str, today: date) -> tuple[str, str] | None:
    """(validity date, reference) of the most recently changed parameter the page shows."""
    params = Params(today)
    newest = None
    for ref in PARAM_RE.findall(body) + [m[0] for m in TABLE_RE.findall(body)]:
        program, key = ref.split(".")[:2]
        try:
            valid_from = params.get(program, key).valid_from
        except (KeyError, LookupError):
            continue  # an unknown parameter is reported by the placeholder check
        if newest is None or valid_from > newest[0]:
            newest = (valid_from, f"{program}.{key}")
    return newest


def check(path: Path, meta: dict, fm_text: str, body: str, today: date, problems) -> None:
    if not applies(path):
        return
    line = _line(fm_text, "legal_review")
    review = meta.get("legal_review")
    if review is None:
        problems.add(path, 1, "front matter field 'legal_review' is missing: add "
                              "'legal_review: {date: YYYY-MM-DD, basis: [\"§ … <Gesetz>\", …]}' "
                              "listing the rules you checked the page against")
        return
    if not isinstance(review, dict):
        problems.add(path, line, "legal_review must be a mapping with 'date' and 'basis'")
        return
    reviewed = review.get("date")
    basis = review.get("basis")
    if not isinstance(reviewed, date):
        problems.add(path, line, "legal_review.date must be a date like 2026-12-01")
    if not (isinstance(basis, list) and basis and all(isinstance(b, str) and "§" in b for b in basis)):
        problems.add(path, line, "legal_review.basis must list the checked rules, each with its §")
    if not isinstance(reviewed, date):
        return
    newest = newest_parameter_date(body, today)
    if newest and reviewed.isoformat() < newest[0]:
        problems.warn(path, line, f"legal_review {reviewed} is older than the value of {newest[1]} valid from "
                                  f"{newest[0]}: check the page against the changed law")
