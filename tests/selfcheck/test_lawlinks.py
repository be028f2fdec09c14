"""Law links come from a table made at build time (issue #9, item 5), not from a regex in the page."""
from selfcheck import evaluate, lawlinks

from ..catalogs import emitted_steps
from .cases import load_cases


def test_examples_resolve_to_the_first_paragraph_named():
    assert lawlinks.href("§ 12 Abs. 2 SGB II") == "https://www.gesetze-im-internet.de/sgb_2/__12.html"
    assert lawlinks.href("§ 6a Abs. 3 Satz 7 BKGG") == "https://www.gesetze-im-internet.de/bkgg_1996/__6a.html"
    assert lawlinks.href("§ 7 Abs. 1 Satz 1 Nr. 1, § 7a SGB II") == "https://www.gesetze-im-internet.de/sgb_2/__7.html"
    assert lawlinks.href("§ 9 Abs. 3 UVG") == "https://www.gesetze-im-internet.de/uhvorschg/__9.html"


def test_a_paragraph_of_another_regulation_is_not_linked_to_the_law_it_cites():
    # § 1 of the DVO zu § 90 SGB XII is not § 1 SGB XII
    assert lawlinks.href("§ 1 Abs. 1 Nr. 2 DVO zu § 90 Abs. 2 Nr. 9 SGB XII") is None
    assert lawlinks.href("VRR-Tarifbestimmungen (Landesförderung NRW Sozialticket)") is None


def test_every_law_the_cases_emit_is_in_the_table_when_it_names_a_known_law():
    table = lawlinks.table()
    assert all(v.startswith("https://www.gesetze-im-internet.de/") for v in table.values())
    for case in load_cases():
        for step in emitted_steps(evaluate(case["household"], case.get("local"))):
            law = step.get("law", "")
            if law and lawlinks.href(law):
                # texts joined from two parameters ("A, B") are looked up by their first part
                found = table.get(law) or table.get(law.split(", ")[0])
                assert found == lawlinks.href(law, lawlinks._reference_hrefs(lawlinks.load_data())), \
                    (case["name"], law)
