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


def test_every_value_has_a_reference_and_every_parameter_its_metadata():
    for program, spec in compile_sources().items():
        for key, param in spec.items():
            if key == "covered_until":
                continue
            assert param["name"]["de"] and param["name"]["en"], (program, key)
            assert param["description"]["de"] and param["description"]["en"], (program, key)
            assert param["unit"] and param["legal_basis"], (program, key)
            for day, entry in param["values"].items():
                assert "source" not in entry, (program, key, day)  # the old free-text field
                refs = entry.get("reference")
                assert isinstance(refs, list) and refs, (program, key, day)
                for ref in refs:
                    assert set(ref) <= {"title", "href"} and ref["title"].strip(), (program, key, day, ref)
                    assert ref.get("href", "https://").startswith("https://"), (program, key, day, ref)


def test_a_value_carries_its_references_and_description():
    found = Params(date(2026, 7, 1)).get("grundsicherungsgeld", "vermoegen_freibetrag_nach_alter")
    assert found.reference[0]["title"] == "13. SGB II-ÄndG, G. v. 16.04.2026, BGBl. 2026 I Nr. 107"
    assert found.description["en"].startswith("Asset allowance")
    assert "BGBl. 2026 I Nr. 107" in found.source
