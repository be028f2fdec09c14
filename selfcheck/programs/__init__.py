"""The registry of programs: the one list the engine, the self-check page and the tests read.

Each benefit has one ``Program`` entry in ``REGISTRY``. Its ``id`` is the benefit page id
(``content/leistungen/<id>.*.md``), the ``program.<id>`` message and the ``program`` field of
its result. A program the self-check computes names its module here (``selfcheck/programs/
<module>.py``); one it only explains has ``module=None`` and is listed as "not checked".

A program module exposes ``assess(household, params, local) -> Assessment`` (the program
checked on its own) and ``to_result(assessment) -> ProgramResult``; ``kindergeld`` has only
``evaluate``. Which program comes first is decided in ``selfcheck/priority.py``.

Registry API (pure standard library, works in Pyodide):

- ``REGISTRY``: every program, in the order results are shown.
- ``get(id)``: the entry; ``module(id)``: its imported module (``KeyError`` if not computed).
- ``computed()``: ids the engine computes; ``not_checked()``: ids it only explains.
- ``message_prefixes()``: every prefix of the message keys the engine emits (``sgb2.``, ...).

Add a program: write ``selfcheck/programs/<module>.py``, set ``module`` (and ``prefix``, the
start of its message keys) in its entry below, wire it into ``priority.py``, add its messages
to ``locales/*/LC_MESSAGES/messages.po`` and its cases under ``tests/selfcheck/cases/``.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Program:
    id: str
    office: str                 # office type responsible (sitebuild.localdata.OFFICE_TYPES); "" if it varies
    module: str | None = None   # module in this package; None: explained, not computed
    prefix: str = ""            # prefix of its message keys (default: the id)

    @property
    def computed(self) -> bool:
        return self.module is not None


REGISTRY: tuple[Program, ...] = (
    Program("kindergeld", "familienkasse", module="kindergeld"),
    Program("unterhaltsvorschuss", "jugendamt", module="unterhaltsvorschuss", prefix="uvg"),
    Program("wohngeld", "wohngeldstelle", module="wohngeld"),
    Program("kinderzuschlag", "familienkasse", module="kinderzuschlag"),
    Program("grundsicherungsgeld", "jobcenter", module="grundsicherungsgeld", prefix="sgb2"),
    # SGB XII, one module for both chapters; the result names the chapter that applies.
    Program("grundsicherung-im-alter", "sozialamt", module="sozialhilfe", prefix="sozialhilfe"),
    Program("hilfe-zum-lebensunterhalt", "sozialamt", module="sozialhilfe", prefix="sozialhilfe"),
    Program("elterngeld", "elterngeldstelle", module="elterngeld"),
    Program("bildung-und-teilhabe", "", module="bildung_und_teilhabe", prefix="but"),  # office of the benefit it comes with
    Program("asylbewerberleistungen", "sozialamt", module="asylblg", prefix="asylblg"),
    Program("pflege", "pflegekasse"),
    Program("eingliederungshilfe", ""),
)

# Message keys that belong to no single program (income rules, the priority check, ...).
ENGINE_PREFIXES = ("income", "priority", "combination", "params")

_BY_ID = {p.id: p for p in REGISTRY}


def get(program_id: str) -> Program:
    return _BY_ID[program_id]


def module(program_id: str):
    entry = _BY_ID[program_id]
    if entry.module is None:
        raise KeyError(f"{program_id} is not computed by the self-check")
    return importlib.import_module(f"{__name__}.{entry.module}")


def computed() -> tuple[str, ...]:
    return tuple(p.id for p in REGISTRY if p.computed)


def not_checked() -> tuple[str, ...]:
    return tuple(p.id for p in REGISTRY if not p.computed)


def message_prefixes() -> tuple[str, ...]:
    return tuple(p.prefix or p.id for p in REGISTRY if p.computed) + ENGINE_PREFIXES
