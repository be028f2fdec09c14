// The office directory's count (directory.js pluralText) with Intl.PluralRules and the catalogs' msgid_plural
// forms. Expected categories: CLDR plural rules (de/en: one = 1; ar: zero 0, one 1, two 2, few 3-10,
// many 11-99, other 100-102), the same that the .po files' Plural-Forms headers encode.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

const source = readFileSync(new URL("../../overrides/assets/js/directory.js", import.meta.url), "utf8");
const context = { document: { getElementById: () => null }, Intl };
vm.runInNewContext(source, context);  // no filter form on the page: only the function is defined
const { pluralText } = context;

test("German and English: 1 is singular, 0 and 2 are plural", () => {
  const de = { one: "{n} Stelle gefunden", other: "{n} Stellen gefunden" };
  assert.equal(pluralText(de, 1, "de"), "1 Stelle gefunden");
  assert.equal(pluralText(de, 0, "de"), "0 Stellen gefunden");
  assert.equal(pluralText(de, 2, "de"), "2 Stellen gefunden");
  const en = { one: "{n} office found", other: "{n} offices found" };
  assert.equal(pluralText(en, 1, "en"), "1 office found");
  assert.equal(pluralText(en, 5, "en"), "5 offices found");
});

test("Arabic uses all six categories", () => {
  const ar = { zero: "zero", one: "one", two: "two", few: "few {n}", many: "many {n}", other: "other {n}" };
  for (const [n, expected] of [[0, "zero"], [1, "one"], [2, "two"], [3, "few 3"], [10, "few 10"], [11, "many 11"],
    [99, "many 99"], [100, "other 100"], [102, "other 102"], [103, "few 103"]]) {
    assert.equal(pluralText(ar, n, "ar"), expected, String(n));
  }
});

test("without forms the old template is used", () => {
  assert.equal(pluralText({}, 4, "de", "{n} Stellen gefunden"), "4 Stellen gefunden");
});
