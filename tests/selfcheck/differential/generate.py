"""Seeded, deterministic generator of model households for the differential test.

A *scenario* is the model-neutral description of one household: who lives there, who
is whose partner or parent, gross earnings, rent, heating and the Wohngeld Mietstufe.
It deliberately has no net income: both models must see the same net, so the net is
taken from GETTSIM's own tax and contribution calculation (see ``harness.py``) and then
written into our household as ``earned_income_net``.

Design of the sample (so that every program is exercised in its interesting range):

* months 2026-01 … 2026-06 only (the law before the 13. SGB II-ÄndG of 1.7.2026);
* household types: single, couple without children, couple with 1–4 children,
  single parent with 1–4 children; couples married or not;
* adults 25–59 (no pensioners, no under-25 adults of their own, no Regelaltersgrenze);
* children 0–24; 18–24-year-olds are in school, training or studies and earn nothing;
* earned income of each adult 0 € (about a third) or 100–4,000 € gross in steps of 10 €;
  children have no earnings;
* rent by floor area (35 m² + 15 m² per further person, ± 10 m²) at 5.50–13 €/m² cold,
  1.50–3.50 €/m² Nebenkosten and 0.80–2 €/m² heating with central hot water;
* Mietstufe I–VII uniformly; no assets; tenants only; nobody disabled or pregnant.

Only the standard library is used, so the generator also runs without GETTSIM.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

SEED = 20260301
DEFAULT_N = 400
MONTHS = ("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06")


@dataclass
class Person:
    id: str
    age: int
    role: str  # "adult" or "child"
    gross: float = 0.0  # gross earned income, €/month
    in_education: bool = False


@dataclass
class Scenario:
    key: str
    kind: str  # single | couple | couple_children | single_parent
    month: str
    married: bool
    persons: list[Person] = field(default_factory=list)
    kaltmiete: float = 0.0
    nebenkosten: float = 0.0
    heizung: float = 0.0
    area: float = 0.0
    mietstufe: int = 1

    @property
    def adults(self) -> list[Person]:
        return [p for p in self.persons if p.role == "adult"]

    @property
    def children(self) -> list[Person]:
        return [p for p in self.persons if p.role == "child"]

    @property
    def bruttokaltmiete(self) -> float:
        return round(self.kaltmiete + self.nebenkosten, 2)


def _gross(rng: random.Random, zero_share: float) -> float:
    if rng.random() < zero_share:
        return 0.0
    return float(rng.randrange(100, 4001, 10))


def _child(rng: random.Random, idx: int) -> Person:
    # Mostly minors; about one child in ten is 18-24 and in education.
    if rng.random() < 0.1:
        age = rng.randint(18, 24)
        return Person(f"c{idx}", age, "child", in_education=True)
    age = rng.randint(0, 17)
    return Person(f"c{idx}", age, "child", in_education=age >= 6)


def generate(n: int = DEFAULT_N, seed: int = SEED) -> list[Scenario]:
    rng = random.Random(seed)
    kinds = ("single", "couple", "couple_children", "single_parent")
    weights = (0.25, 0.15, 0.35, 0.25)
    out = []
    for i in range(n):
        kind = rng.choices(kinds, weights)[0]
        sc = Scenario(key=f"hh{i:03d}", kind=kind, month=rng.choice(MONTHS),
                      married=False, mietstufe=rng.randint(1, 7))
        sc.persons.append(Person("p1", rng.randint(25, 59), "adult", _gross(rng, 0.3)))
        if kind in ("couple", "couple_children"):
            sc.married = rng.random() < 0.6
            sc.persons.append(Person("p2", rng.randint(25, 59), "adult", _gross(rng, 0.5)))
        if kind in ("couple_children", "single_parent"):
            for k in range(rng.randint(1, 4)):
                sc.persons.append(_child(rng, k + 1))
        size = len(sc.persons)
        sc.area = float(35 + 15 * (size - 1) + rng.randint(-10, 10))
        sc.kaltmiete = round(sc.area * rng.uniform(5.5, 13.0), 2)
        sc.nebenkosten = round(sc.area * rng.uniform(1.5, 3.5), 2)
        sc.heizung = round(sc.area * rng.uniform(0.8, 2.0), 2)
        out.append(sc)
    return out


if __name__ == "__main__":  # pragma: no cover - quick look at the sample
    from collections import Counter

    sample = generate()
    print(len(sample), Counter(s.kind for s in sample), Counter(s.month for s in sample))
