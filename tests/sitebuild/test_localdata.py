"""Office data: resolution and the schema check (file:line)."""
from datetime import date
from pathlib import Path

from sitebuild import localdata
from sitebuild.check import Problems
from sitebuild.localdata import LocalData

# Test towns borrow the WoGV Anlage entries of two real towns so that their Mietstufe resolves.
TOWNS = ('towns:\n  - {id: alpha, name: Alpha, ags: "05562024", mietenstufe: {gemeinde: "Marl, Stadt"}}\n'
         '  - {id: beta, name: Beta, ags: "05562012", mietenstufe: {gemeinde: "Dorsten, Stadt"}}\n')


def office(**over) -> dict:
    base = {"id": "amt-alpha", "name": "Amt Alpha", "type": "sozialamt", "towns": ["alpha"], "benefits": [],
            "source": "https://example.org/amt", "verified": date(2026, 11, 21),
            "opening_hours": [{"days": ["mo", "tu"], "opens": "08:00", "closes": "12:00"}]}
    base.update(over)
    return base


def problems_for(tmp_path: Path, offices: list[dict]) -> list[str]:
    import yaml
    (tmp_path / "towns.yml").write_text(TOWNS)
    (tmp_path / "offices.yml").write_text(yaml.safe_dump({"offices": offices}, sort_keys=False))
    problems = Problems()
    localdata.validate(tmp_path, problems)
    return problems


def test_valid_office_passes(tmp_path):
    assert problems_for(tmp_path, [office()]) == []


def test_office_without_source_is_rejected_with_its_line(tmp_path):
    problems = problems_for(tmp_path, [office(), office(id="amt-beta", source=None)])
    assert len(problems) == 1
    path, line, message = problems[0].split(":", 2)
    assert path.endswith("offices.yml") and message.strip().startswith("offices > 1 > source: source must be")
    lines = (tmp_path / "offices.yml").read_text().splitlines()
    assert lines[int(line) - 1].strip() == "source: null"
    assert [ln for ln in lines[:int(line)] if ln.startswith("- id: ")][-1] == "- id: amt-beta"


def test_malformed_hours_are_rejected(tmp_path):
    bad = [
        office(id="a", opening_hours=[{"days": ["monday"], "opens": "08:00", "closes": "12:00"}]),
        office(id="b", opening_hours=[{"days": ["mo"], "opens": "8 Uhr", "closes": "12:00"}]),
        office(id="c", opening_hours=[{"days": ["mo"], "opens": "14:00", "closes": "12:00"}]),
        office(id="d", phone_hours="Mo-Fr 8-12"),
    ]
    problems = problems_for(tmp_path, bad)
    assert [p.split(": ", 1)[1].split(":")[0] for p in problems] == [
        "office 'a'", "office 'b'", "office 'c'", "office 'd'"]
    assert "days must be" in problems[0] and "times like 08:30" in problems[1]
    assert "must be after" in problems[2] and "must be a list" in problems[3]


def test_office_for_an_unknown_town_is_rejected(tmp_path):
    problems = problems_for(tmp_path, [office(towns=["gamma"])])
    assert problems and "unknown town 'gamma'" in problems[0]


def test_the_town_office_comes_before_a_kreis_wide_one():
    data = LocalData(towns=[{"id": "alpha", "name": "Alpha"}, {"id": "beta", "name": "Beta"}],
                     offices=[office(id="kreis", towns=["alpha", "beta"], benefits=["wohngeld"], type="wohngeldstelle"),
                              office(id="local", towns=["alpha"], benefits=["wohngeld"], type="wohngeldstelle")],
                     responsibilities={"wohngeld": {"default": "wohngeldstelle"}})
    assert [o["id"] for o in data.responsible("wohngeld", "alpha").offices] == ["local"]
    assert [o["id"] for o in data.responsible("wohngeld", "beta").offices] == ["kreis"]


def test_also_adds_a_second_office_type_each_with_its_own_nearest_office():
    # Adult migration counselling in the town and the Jugendmigrationsdienst serving two towns: both answer,
    # although the JMD serves more towns (the nearest rule applies within one office type).
    data = LocalData(towns=[{"id": "alpha", "name": "Alpha"}, {"id": "beta", "name": "Beta"}],
                     offices=[office(id="mbe", towns=["alpha"], type="migrationsberatung", benefits=["migrationsberatung"]),
                              office(id="jmd", towns=["alpha", "beta"], type="jugendmigrationsdienst",
                                     benefits=["migrationsberatung"])],
                     responsibilities={"migrationsberatung": {"default": "migrationsberatung",
                                                              "also": "jugendmigrationsdienst"}})
    assert [o["id"] for o in data.responsible("migrationsberatung", "alpha").offices] == ["mbe", "jmd"]
    assert [o["id"] for o in data.responsible("migrationsberatung", "beta").offices] == ["jmd"]


def test_unknown_responsibility_offers_the_towns_lotse():
    data = LocalData(towns=[{"id": "alpha", "name": "Alpha"}],
                     offices=[office(id="lotse", type="lotse")],
                     responsibilities={"grundrente": {"default": None}})
    found = data.responsible("grundrente", "alpha")
    assert not found.known and [o["id"] for o in found.general] == ["lotse"]


def test_the_repository_sites_pass_the_check():
    from tests.conftest import ROOT
    for site in ("kreis-recklinghausen", "kreis-offenbach"):
        problems = Problems()
        localdata.validate(ROOT / "sites" / site, problems)
        assert problems == [], site


# schemas/towns.schema.json and offices.schema.json: the real data passes, typical mistakes fail at their line
REAL = Path(__file__).resolve().parents[2] / "sites"


def test_real_towns_and_offices_pass_their_schemas():
    from sitebuild import schemas

    files = [("towns", p) for p in sorted(REAL.glob("*/towns.yml"))] + [("offices", p) for p in sorted(REAL.glob("*/offices.yml"))]
    assert len(files) == 5  # two sites' towns and offices, plus sites/_common/offices.yml
    for name, path in files:
        assert schemas.validate_text(name, path.read_text(encoding="utf-8")) == [], path


def test_towns_schema_rejects_a_misspelt_key_at_its_line(tmp_path):
    (tmp_path / "towns.yml").write_text(TOWNS.replace("{id: beta, name: Beta,", "{id: beta, nmae: Beta,"))
    problems = Problems()
    localdata.validate(tmp_path, problems)
    assert any(p.endswith("towns.yml:3: towns > 1: 'name' is a required property") for p in problems), problems
    assert any(p.startswith(f"{tmp_path / 'towns.yml'}:3: towns > 1: Additional properties") and "'nmae'" in p
               for p in problems), problems


def test_offices_schema_rejects_a_wrong_type_and_a_typo_at_their_line(tmp_path):
    problems = problems_for(tmp_path, [office(), office(id="amt-beta", barrier_free="ja", sorce="https://x.org")])
    lines = (tmp_path / "offices.yml").read_text().splitlines()
    bf_line = next(i for i, ln in enumerate(lines, 1) if ln.strip().startswith("barrier_free:"))
    assert f"{tmp_path / 'offices.yml'}:{bf_line}: offices > 1 > barrier_free: 'ja' is not of type 'boolean', 'null'" in problems
    assert any("offices > 1: Additional properties are not allowed ('sorce' was unexpected)" in p for p in problems)
