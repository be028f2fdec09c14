"""The shape of an evaluation result: plain data that serialises to JSON.

Text is never produced here: every step and reason carries a message key and its
arguments, and the user interface translates them (Babel catalogs, see locales/).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

LIKELY = "likely"
POSSIBLE = "possible"
NOT_ENTITLED = "not_entitled"
NEEDS_ADVICE = "needs_advice"  # cannot be assessed here: discretion or data we lack

CENT = Decimal("0.01")


def euro(x) -> Decimal:
    return Decimal(str(x)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Step:
    """One line of the explanation: what was counted, how much, on which legal basis."""

    key: str
    amount: Decimal | None = None
    law: str = ""
    args: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        out = {"key": self.key, "law": self.law, "args": self.args}
        if self.amount is not None:
            out["amount"] = float(euro(self.amount))
        return out


@dataclass
class ProgramResult:
    program: str
    status: str
    amount: Decimal = Decimal(0)
    office: str = ""
    steps: list[Step] = field(default_factory=list)
    reasons: list[Step] = field(default_factory=list)
    # Set by the priority check: part of the combination the household gets? Status and
    # amount stay those of the program checked on its own (with Kindergeld and UVG as income).
    in_combination: bool = False

    def to_json(self) -> dict:
        return {
            "in_combination": self.in_combination,
            "program": self.program,
            "status": self.status,
            "amount": float(euro(self.amount)),
            "office": self.office,
            "steps": [s.to_json() for s in self.steps],
            "reasons": [r.to_json() for r in self.reasons],
        }


def program_result(program: str, office: str, assessment, amount) -> ProgramResult:
    """A program's own result from its assessment; nothing is paid when not entitled."""
    return ProgramResult(program, assessment.status, amount=amount if assessment.status != NOT_ENTITLED else Decimal(0),
                         office=office, steps=list(assessment.steps), reasons=list(assessment.reasons))
