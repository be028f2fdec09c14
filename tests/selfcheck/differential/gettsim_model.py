"""Map scenarios to GETTSIM inputs and run GETTSIM once, vectorised, on all of them.

Written against GETTSIM 1.3.1's public interface (``gettsim.main`` with
``InputData.df_and_mapper`` and ``TTTargets``); no GETTSIM code is copied here.
GETTSIM is AGPL-licensed and only ever imported as an installed test dependency.

The policy date is the first of the scenario's month. GETTSIM computes the whole
chain itself: income tax (annual, split per Steuersubjekt), social-insurance
contributions, the SGB II net income, Unterhaltsvorschuss, Kindergeld, Kinderzuschlag,
Wohngeld, Bürgergeld and the priority check between them. One call per distinct month
(at most six), each over all households of that month at once.
"""
from __future__ import annotations

from collections import defaultdict

from .generate import Scenario

# Per-person targets read back from GETTSIM (qualified names, "__" separates levels).
TARGETS = (
    "hh_id",
    "bg_id",
    "wthh_id",
    "bürgergeld__nettoeinkommen_vor_abzug_freibetrag_m",
    "einkommensteuer__betrag_y_sn",
    "sozialversicherung__rente__beitrag__betrag_versicherter_y",
    "sozialversicherung__kranken__beitrag__betrag_versicherter_y",
    "sozialversicherung__arbeitslosen__beitrag__betrag_versicherter_y",
    "sozialversicherung__pflege__beitrag__betrag_versicherter_y",
    "kindergeld__betrag_m",
    "unterhaltsvorschuss__betrag_m",
    "kinderzuschlag__anspruchshöhe_m",
    "kinderzuschlag__betrag_m_bg",
    "kinderzuschlag__anspruchshöhe_m_bg",
    "wohngeld__basisbetrag_m_wthh",
    "wohngeld__anspruchshöhe_m_wthh",
    "wohngeld__betrag_m_wthh",
    "bürgergeld__anspruchshöhe_m",
    "bürgergeld__betrag_m",
    "bürgergeld__regelbedarf_m",
    "bürgergeld__anzurechnendes_einkommen_m",
    "vorrangprüfungen__wohngeld_kinderzuschlag_vorrangig_oder_günstiger",
)


def _birth(age: int, year: int, month: int) -> tuple[int, int, int]:
    """Birth year/month so that the person is ``age`` on the 1st of the month assessed
    (born in the month after it), and the age in completed months."""
    birth_month = month % 12 + 1
    birth_year = year - age - 1 if birth_month > month else year - age
    months = (year - birth_year) * 12 + (month - birth_month)
    return birth_year, birth_month, months


def _rows(scenarios: list[Scenario], first_pid: int) -> list[dict]:
    rows = []
    pid = first_pid
    for hh_num, sc in enumerate(scenarios):
        year, month = (int(x) for x in sc.month.split("-"))
        ids = {}
        for p in sc.persons:
            ids[p.id] = pid
            pid += 1
        adults = sc.adults
        partner = {}
        if len(adults) == 2:
            partner = {adults[0].id: ids[adults[1].id], adults[1].id: ids[adults[0].id]}
        for p in sc.persons:
            by, bm, months = _birth(p.age, year, month)
            is_child = p.role == "child"
            parent1 = ids[adults[0].id] if is_child else -1
            parent2 = ids[adults[1].id] if is_child and len(adults) == 2 else -1
            hours = 0.0 if p.gross == 0 else min(40.0, round(p.gross / 15.0 / 4.33, 1))
            rows.append({
                "p_id": ids[p.id],
                "hh_id": hh_num,
                "alter": p.age,
                "alter_monate": months,
                "geburtsjahr": by,
                "geburtsmonat": bm,
                "arbeitsstunden_w": hours,
                "behinderungsgrad": 0,
                "schwerbehindert_grad_g": False,
                "bezug_im_vorjahr": False,
                "einstandspartner": partner.get(p.id, -1),
                "ehepartner": partner.get(p.id, -1) if sc.married else -1,
                "elternteil_1": parent1,
                "elternteil_2": parent2,
                "alleinerziehend": (not is_child) and sc.kind == "single_parent",
                "gemeinsam_veranlagt": (not is_child) and sc.married,
                "in_ausbildung": p.in_education,
                "kindergeld_empfaenger": parent1,
                "steuerklasse": (4 if sc.married else (2 if sc.kind == "single_parent" else 1))
                if not is_child else 1,
                "hat_kinder": (not is_child) and bool(sc.children),
                "bruttolohn_m": float(p.gross),
                "zero_f": 0.0,
                "zero_i": 0,
                "minus_one": -1,
                "false": False,
                "rentenalter_private_vorsorge": 67,
                "jahr_renteneintritt": by + 67,
                "monat_renteneintritt": bm,
                "pflichtbeitragsmonate": float(max(0, p.age - 20) * 12) if not is_child else 0.0,
                "vermoegen": 0.0,
                "bruttokaltmiete_m_hh": sc.bruttokaltmiete,
                "heizkosten_m_hh": sc.heizung,
                "wohnflaeche_hh": sc.area,
                "mietstufe_hh": sc.mietstufe,
            })
    return rows


# Nested GETTSIM input tree -> column of our data frame.
MAPPER = {
    "p_id": "p_id",
    "hh_id": "hh_id",
    "alter": "alter",
    "alter_monate": "alter_monate",
    "geburtsjahr": "geburtsjahr",
    "geburtsmonat": "geburtsmonat",
    "arbeitsstunden_w": "arbeitsstunden_w",
    "behinderungsgrad": "behinderungsgrad",
    "schwerbehindert_grad_g": "schwerbehindert_grad_g",
    "vermögen": "vermoegen",
    "bürgergeld": {"bezug_im_vorjahr": "bezug_im_vorjahr", "p_id_einstandspartner": "einstandspartner"},
    "einkommensteuer": {
        "abzüge": {
            "beitrag_private_rentenversicherung_m": "zero_f",
            "kinderbetreuungskosten_m": "zero_f",
            "p_id_kinderbetreuungskostenträger": "minus_one",
        },
        "einkünfte": {
            "aus_forst_und_landwirtschaft": {"betrag_y": "zero_f"},
            "aus_gewerbebetrieb": {"betrag_y": "zero_f"},
            "aus_nichtselbstständiger_arbeit": {"tatsächliche_werbungskosten_y": "zero_f"},
            "aus_selbstständiger_arbeit": {"betrag_y": "zero_f"},
            "aus_vermietung_und_verpachtung": {"betrag_y": "zero_f"},
            "ist_hauptberuflich_selbstständig": "false",
            "sonstige": {
                "alle_weiteren_y": "zero_f",
                "rente": {"alter_beginn_leistungsbezug_sonstige_private_vorsorge": "rentenalter_private_vorsorge"},
            },
        },
        "gemeinsam_veranlagt": "gemeinsam_veranlagt",
    },
    "einnahmen": {
        "bruttolohn_m": "bruttolohn_m",
        "kapitalerträge_y": "zero_f",
        "renten": {
            "aus_berufsständischen_versicherungen_m": "zero_f",
            "basisrente_m": "zero_f",
            "betriebliche_altersvorsorge_m": "zero_f",
            "geförderte_private_vorsorge_m": "zero_f",
            "sonstige_private_vorsorge_m": "zero_f",
            # Nobody draws a statutory pension: supplying the amount as data prunes
            # GETTSIM's pension computation from the DAG.
            "gesetzliche_m": "zero_f",
        },
    },
    "elterngeld": {
        "bisherige_bezugsmonate": "zero_i",
        "claimed": "false",
        "mean_nettoeinkommen_in_12_monaten_vor_geburt_m": "zero_f",
        "zu_versteuerndes_einkommen_vorjahr_y_sn": "zero_f",
    },
    "familie": {
        "alleinerziehend": "alleinerziehend",
        "p_id_ehepartner": "ehepartner",
        "p_id_elternteil_1": "elternteil_1",
        "p_id_elternteil_2": "elternteil_2",
    },
    "kindergeld": {"in_ausbildung": "in_ausbildung", "p_id_empfänger": "kindergeld_empfaenger"},
    "lohnsteuer": {"steuerklasse": "steuerklasse"},
    "sozialversicherung": {
        "arbeitslosen": {
            "arbeitssuchend": "false",
            "mean_nettoeinkommen_in_12_monaten_vor_arbeitslosigkeit_m": "zero_f",
            "monate_beitragspflichtig_versichert_in_letzten_30_monaten": "zero_i",
            "monate_durchgängigen_bezugs_von_arbeitslosengeld": "zero_i",
            "monate_sozialversicherungspflichtiger_beschäftigung_in_letzten_5_jahren": "zero_i",
        },
        "kranken": {"beitrag": {
            "beitrag_private_basiskrankenversicherung_abzüglich_arbeitgeberanteil_m": "zero_f",
            "privat_versichert": "false",
        }},
        "pflege": {"beitrag": {"hat_kinder": "hat_kinder"}},
        "rente": {
            "bezieht_rente": "false",
            "entgeltpunkte": "zero_f",
            "ersatzzeiten_monate": "zero_f",
            "erwerbsminderung": {"teilweise_erwerbsgemindert": "false", "voll_erwerbsgemindert": "false"},
            "freiwillige_beitragsmonate": "zero_f",
            "grundrente": {
                "bewertungszeiten_monate": "zero_i",
                "bruttolohn_vorjahr_y": "zero_f",
                "einnahmen_aus_kapitalvermögen_vorvorjahr_y": "zero_f",
                "einnahmen_aus_selbstständiger_arbeit_vorvorjahr_y": "zero_f",
                "einnahmen_aus_vermietung_und_verpachtung_vorvorjahr_y": "zero_f",
                "gesamteinnahmen_aus_renten_vorjahr_m": "zero_f",
                "grundrentenzeiten_monate": "zero_i",
                "mean_entgeltpunkte": "zero_f",
            },
            "jahr_renteneintritt": "jahr_renteneintritt",
            "kinderberücksichtigungszeiten_monate": "zero_f",
            "krankheitszeiten_ab_16_bis_24_monate": "zero_f",
            "monat_renteneintritt": "monat_renteneintritt",
            "monate_geringfügiger_beschäftigung": "zero_f",
            "monate_in_arbeitslosigkeit": "zero_f",
            "monate_in_arbeitsunfähigkeit": "zero_f",
            "monate_in_ausbildungssuche": "zero_f",
            "monate_in_mutterschutz": "zero_f",
            "monate_in_schulausbildung": "zero_f",
            "monate_mit_bezug_entgeltersatzleistungen_wegen_arbeitslosigkeit": "zero_f",
            "pflegeberücksichtigungszeiten_monate": "zero_f",
            "pflichtbeitragsmonate": "pflichtbeitragsmonate",
        },
    },
    "unterhalt": {"tatsächlich_erhaltener_betrag_m": "zero_f"},
    "wohnen": {
        "bewohnt_eigentum_hh": "false",
        "bruttokaltmiete_m_hh": "bruttokaltmiete_m_hh",
        "heizkosten_m_hh": "heizkosten_m_hh",
        "wohnfläche_hh": "wohnflaeche_hh",
    },
    "wohngeld": {"mietstufe_hh": "mietstufe_hh"},
}


def _targets_tree() -> dict:
    tree: dict = {}
    for qname in TARGETS:
        node = tree
        parts = qname.split("__")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = None
    return tree


def _flatten(tree: dict, prefix: str = "") -> dict:
    out = {}
    for k, v in tree.items():
        if isinstance(v, dict):
            out.update(_flatten(v, f"{prefix}{k}__"))
        else:
            out[f"{prefix}{k}"] = v
    return out


def run(scenarios: list[Scenario]) -> dict[str, dict]:
    """Run GETTSIM on all scenarios. Returns, per scenario key, a dict with
    ``persons`` (scenario person id -> per-person outputs) and household sums."""
    import gettsim
    import pandas as pd

    by_month: dict[str, list[Scenario]] = defaultdict(list)
    for sc in scenarios:
        by_month[sc.month].append(sc)

    results: dict[str, dict] = {}
    for month, group in sorted(by_month.items()):
        df = pd.DataFrame(_rows(group, first_pid=0))
        out = gettsim.main(
            main_target=gettsim.MainTarget.results.df_with_qname_columns,
            policy_date_str=f"{month}-01",
            input_data=gettsim.InputData.df_and_mapper(df=df, mapper=MAPPER),
            tt_targets=gettsim.TTTargets(tree=_targets_tree()),
            include_warn_nodes=False,
        )
        res = out.reset_index()  # index: p_id
        res = res.set_index("p_id").loc[df["p_id"]].reset_index()
        for hh_num, sc in enumerate(group):
            part = res[df["hh_id"].to_numpy() == hh_num]
            results[sc.key] = _summarise(sc, part)
    return results


def _summarise(sc: Scenario, part) -> dict:
    rows = part.to_dict("records")
    persons = {p.id: row for p, row in zip(sc.persons, rows)}

    def per_group(group_col: str, value_col: str) -> float:
        seen = {}
        for row in rows:
            seen[row[group_col]] = float(row[value_col])
        return sum(seen.values())

    def per_person(col: str) -> float:
        return sum(float(r[col]) for r in rows)

    return {
        "persons": persons,
        "n_bg": len({r["bg_id"] for r in rows}),
        "n_wthh": len({r["wthh_id"] for r in rows}),
        "kindergeld": per_person("kindergeld__betrag_m"),
        "unterhaltsvorschuss": per_person("unterhaltsvorschuss__betrag_m"),
        "kinderzuschlag_claim": per_group("bg_id", "kinderzuschlag__anspruchshöhe_m_bg"),
        "kinderzuschlag_paid": per_group("bg_id", "kinderzuschlag__betrag_m_bg"),
        "wohngeld_formula": per_group("wthh_id", "wohngeld__basisbetrag_m_wthh"),
        "wohngeld_claim": per_group("wthh_id", "wohngeld__anspruchshöhe_m_wthh"),
        "wohngeld_paid": per_group("wthh_id", "wohngeld__betrag_m_wthh"),
        "buergergeld_claim": per_person("bürgergeld__anspruchshöhe_m"),
        "buergergeld_paid": per_person("bürgergeld__betrag_m"),
        "buergergeld_bedarf": per_person("bürgergeld__regelbedarf_m"),
        "vorrang_wohngeld_kiz": bool(rows[0]["vorrangprüfungen__wohngeld_kinderzuschlag_vorrangig_oder_günstiger"]),
    }
