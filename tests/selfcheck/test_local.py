from decimal import Decimal

from selfcheck.local import from_towns_yaml, kdu_limit, mietstufe

# The shape of sites/<site>/towns.yml; the numbers are clearly fake test values.
TOWNS = {"towns": [
    {"id": "test-a", "name": "Test A", "wohngeld_mietstufe": {"value": 3, "valid_from": "2025-01-01",
                                                            "source": "test", "verified": "2026-11-21"},
     "kdu": {"bruttokaltmiete": {1: 400, 2: 480}, "je_weitere_person": 60, "valid_from": "2025-01-01",
             "source": "test", "verified": "2026-11-21"}},
    {"id": "test-b", "name": "Test B", "wohngeld_mietstufe": None, "kdu": None},
    {"name": "no id is skipped"},
]}


def test_from_towns_yaml():
    local = from_towns_yaml(TOWNS)
    assert local == {"towns": {
        "test-a": {"name": "Test A", "wohngeld_mietstufe": 3,
                   "kdu": {"bruttokaltmiete": {"1": 400.0, "2": 480.0}, "je_weitere_person": 60.0,
                           "source": "test", "valid_from": "2025-01-01"}},
        "test-b": {"name": "Test B", "wohngeld_mietstufe": None, "kdu": None},
    }}


def test_lookups_never_guess():
    local = from_towns_yaml(TOWNS)
    assert mietstufe(local, "test-a") == 3
    assert mietstufe(local, "test-b") is None
    assert mietstufe(local, "elsewhere") is None
    assert mietstufe(None, "test-a") is None
    assert kdu_limit(local, "test-a", 2) == Decimal("480.0")
    assert kdu_limit(local, "test-a", 4) == Decimal("600.0")
    assert kdu_limit(local, "test-b", 1) is None


def test_real_site_file_converts():
    from pathlib import Path

    import yaml

    path = Path(__file__).parents[2] / "sites" / "kreis-recklinghausen" / "towns.yml"
    if path.exists():
        local = from_towns_yaml(yaml.safe_load(path.read_text(encoding="utf-8")))
        assert local["towns"]
