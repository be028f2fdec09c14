from datetime import date

from selfcheck.params import Params, compile_sources


def test_value_in_force_follows_validity_dates():
    assert Params(date(2025, 12, 1)).get("kindergeld", "betrag_je_kind").value == 255
    assert Params(date(2026, 1, 1)).get("kindergeld", "betrag_je_kind").value == 259


def test_month_past_coverage_is_flagged_not_extrapolated_silently():
    data = compile_sources()
    covered = data["kindergeld"]["covered_until"]
    params = Params(date(int(covered[:4]) + 1, 1, 1), data)
    params.get("kindergeld", "betrag_je_kind")
    assert params.stale == {"kindergeld": covered}


def test_every_value_has_a_source_and_every_parameter_its_metadata():
    for program, spec in compile_sources().items():
        for key, param in spec.items():
            if key == "covered_until":
                continue
            assert param["name"]["de"] and param["name"]["en"], (program, key)
            assert param["unit"] and param["legal_basis"], (program, key)
            for day, entry in param["values"].items():
                assert entry.get("source"), (program, key, day)
