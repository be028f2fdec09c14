"""Read-only view of a validated household dict, with the questions programs ask of it."""
from __future__ import annotations

from datetime import date


class Household:
    def __init__(self, data: dict):
        self.data = data
        year, month = (int(x) for x in data["month"].split("-"))
        self.day = date(year, month, 1)  # law in force on the first of the month assessed
        self.town = data.get("town")
        self.persons = data["persons"]

    def children(self) -> list[dict]:
        return [p for p in self.persons if p.get("relation") == "child"]
