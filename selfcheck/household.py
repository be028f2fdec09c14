"""Read-only view of a validated household dict, with the questions programs ask of it.

Money is handled as ``Decimal`` (``D``) so results are exact to the cent in CPython and
Pyodide alike. ``with_extra_income`` returns a new view in which benefits computed by one
program (Unterhaltsvorschuss, Wohngeld, Kinderzuschlag) count as income for another.
"""
from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

ZERO = Decimal(0)


def D(x) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x or 0))


class Household:
    def __init__(self, data: dict, extra: dict | None = None):
        self.data = data
        year, month = (int(x) for x in data["month"].split("-"))
        self.day = date(year, month, 1)  # law in force on the first of the month assessed
        self.town = data.get("town")
        self.persons = data["persons"]
        self.by_id = {p["id"]: p for p in self.persons}
        self.extra = extra or {}  # {person id: {income kind: Decimal}} added by other programs
        housing = data.get("housing", {})
        self.kaltmiete = D(housing.get("kaltmiete", 0))
        self.nebenkosten = D(housing.get("nebenkosten", 0))
        self.heizung = D(housing.get("heizung", 0))
        self.hot_water_decentral = bool(housing.get("hot_water_decentral", False))
        self.owner = bool(housing.get("owner", False))
        self.assets = D(data.get("assets", 0))
        self.sgb2_months = int(data.get("sgb2_months", 0))

    # --- who lives here -------------------------------------------------------------
    @property
    def applicant(self) -> dict:
        for p in self.persons:
            if p.get("relation") == "self":
                return p
        return self.persons[0]

    def partner(self) -> dict | None:
        for p in self.persons:
            if p.get("relation") == "partner" and p is not self.applicant:
                return p
        return None

    def adults_core(self) -> list[dict]:
        """Applicant and partner (the parents' side of a Bedarfsgemeinschaft)."""
        partner = self.partner()
        return [self.applicant] + ([partner] if partner else [])

    def children(self) -> list[dict]:
        return [p for p in self.persons if p.get("relation") == "child" and p is not self.applicant]

    def parent_of(self, child: dict) -> dict:
        """The parent the child lives with: its ``parent`` if that person is here, else the applicant."""
        parent = self.by_id.get(child.get("parent", ""))
        return parent if parent is not None and parent is not child else self.applicant

    def is_single_parent(self) -> bool:
        return self.partner() is None and bool(self.children())

    def only_family(self) -> bool:
        """Nobody lives here except applicant, partner and children."""
        return all(p.get("relation") in ("self", "partner", "child") or p is self.applicant
                   for p in self.persons)

    # --- money ----------------------------------------------------------------------
    @property
    def bruttokaltmiete(self) -> Decimal:
        return self.kaltmiete + self.nebenkosten

    @property
    def warm_costs(self) -> Decimal:
        return self.kaltmiete + self.nebenkosten + self.heizung

    @staticmethod
    def gross(p: dict) -> Decimal:
        return D(p.get("earned_income_gross", 0))

    @staticmethod
    def net(p: dict) -> Decimal:
        # A net income above the gross one is impossible; validate.py rejects it.
        return D(p.get("earned_income_net", p.get("earned_income_gross", 0)))

    def other_income(self, p: dict) -> dict[str, Decimal]:
        """Every non-earned income of the person by kind, including amounts added by programs."""
        out = {k: D(v) for k, v in p.get("other_income", {}).items()}
        for kind, amount in self.extra.get(p["id"], {}).items():
            out[kind] = out.get(kind, ZERO) + D(amount)
        return out

    def with_extra_income(self, extra: dict) -> "Household":
        merged = copy.deepcopy(self.extra)
        for pid, kinds in extra.items():
            for kind, amount in kinds.items():
                if D(amount) > 0:
                    slot = merged.setdefault(pid, {})
                    slot[kind] = slot.get(kind, ZERO) + D(amount)
        return Household(self.data, merged)
