// The self-check's translator (selfcheck/text.js) with the catalogs exactly as the page gets them
// (sitebuild/selfcheckpage.py catalog: a plural key's value is {CLDR category: text}). Expected forms:
// CLDR plural rules (de/en one = 1; ar zero 0, one 1, two 2, few 3-10, many 11-99, other 100-102).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { Texts, peopleNames, translator } from "../../overrides/assets/js/selfcheck/text.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const venv = `${root}.venv/bin/python`;
const python = process.env.PYTHON || (existsSync(venv) ? venv : "python3");
const catalog = (lang) => JSON.parse(execFileSync(python, ["-c",
  `import json; from sitebuild.selfcheckpage import catalog; print(json.dumps(catalog("${lang}")))`],
{ cwd: root, encoding: "utf8" }));
const [de, en, ar] = ["de", "en", "ar"].map((lang) => translator(catalog(lang), lang));

test("German and English: one child, two children", () => {
  assert.equal(de("kindergeld.total", { children: 1 }), "Kindergeld für 1 Kind");
  assert.equal(de("kindergeld.total", { children: 2 }), "Kindergeld für 2 Kinder zusammen");
  assert.equal(en("kindergeld.total", { children: 1 }), "Child benefit for 1 child");
  assert.equal(en("kindergeld.total", { children: 3 }), "Child benefit for 3 children together");
  assert.equal(de("selfcheck.approval_period", { months: 1 }), "Meist für 1 Monat bewilligt, danach neu beantragen.");
  assert.equal(de("selfcheck.approval_period", { months: 6 }), "Meist für 6 Monate bewilligt, danach neu beantragen.");
});

test("Arabic: dual for 2, plural for 3-10, singular accusative for 11-99, singular for 100", () => {
  assert.equal(ar("kindergeld.total", { children: 1 }), "إعانة الأطفال لطفل واحد");
  assert.equal(ar("kindergeld.total", { children: 2 }), "إعانة الأطفال لطفلين معًا");
  assert.equal(ar("kindergeld.total", { children: 3 }), "إعانة الأطفال لـ 3 أطفال معًا");
  assert.equal(ar("kindergeld.total", { children: 11 }), "إعانة الأطفال لـ 11 طفلًا معًا");
  assert.equal(ar("kindergeld.total", { children: 100 }), "إعانة الأطفال لـ 100 طفل معًا");
  assert.equal(ar("asylblg.months_unknown", { months: 36 }).split(" في ")[0], "بعد 36 شهرًا");
});

test("the count is the first placeholder with a number; a label passed as text is not", () => {
  // {persons} before {limit}: the form follows the persons, not the euro amount
  assert.match(de("sgb2.kdu_limit_source", { persons: 1, limit: 543.5, valid_from: "2026-01-01", source: "x" }),
    /^Mietobergrenze für 1 Person: 543.5 €/);
  assert.equal(de("selfcheck.person_child", { n: "2", age: 1 }), "Kind 2 (1 Jahr)");
  assert.equal(de("selfcheck.person_child", { n: "1", age: 4 }), "Kind 1 (4 Jahre)");
  // no number among the arguments: the "other" form, placeholders left as they are
  assert.equal(de("kindergeld.total"), "Kindergeld für {children} Kinder zusammen");
  assert.equal(de("kindergeld.total", { children: "1" }), "Kindergeld für 1 Kinder zusammen");
});

test("people are named with their age in the right form", () => {
  const household = { persons: [{ id: "a1", relation: "self", age: 30 }, { id: "c1", relation: "child", age: 1 },
    { id: "c2", relation: "child", age: 4 }] };
  assert.deepEqual(peopleNames(household, de), { a1: "Person 1 (30 Jahre)", c1: "Kind 1 (1 Jahr)", c2: "Kind 2 (4 Jahre)" });
});

test("result text: the form is chosen before the numbers are formatted", () => {
  const money = new Intl.NumberFormat("de", { style: "currency", currency: "EUR" });
  const texts = new Texts({ t: de, lang: "de", money, household: { persons: [] } });
  assert.equal(texts.plain("kindergeld.total", { children: 1 }), "Kindergeld für 1 Kind");
  assert.equal(texts.plain("asylblg.assets_allowance", { persons: 1 }), "Geschütztes Vermögen für 1 Person");
  const textsAr = new Texts({ t: ar, lang: "ar", money, household: { persons: [] } });
  assert.equal(textsAr.plain("kindergeld.total", { children: 2 }), "إعانة الأطفال لطفلين معًا");
  // Arabic digits from Intl.NumberFormat("ar") in the few form
  assert.match(textsAr.plain("kindergeld.total", { children: 3 }), /أطفال معًا$/);
});
