// Unit tests of the page script's pure functions, run by Node's own test runner.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseLocaleNumber } from "../../overrides/assets/js/selfcheck/form.js";

test("German and English ways of writing the same amount", () => {
  for (const [text, decimal, expected] of [
    ["1.234,50", ",", 1234.5], ["1,234.50", ".", 1234.5], ["1234,5", ",", 1234.5], ["1234.56", ",", 1234.56],
    ["1.234", ",", 1234], ["1,234", ".", 1234], ["1.234", ".", 1.234], ["1.234.567", ",", 1234567],
    ["2 000 €", ",", 2000], ["0", ",", 0], ["-5", ",", -5], ["١٢٣٤٫٥", "٫", 1234.5], ["۲۰۰۰", "٫", 2000],
  ]) assert.equal(parseLocaleNumber(text, decimal), expected, text);
});

test("empty is undefined; anything else that is no number is NaN", () => {
  assert.equal(parseLocaleNumber("", ","), undefined);
  assert.equal(parseLocaleNumber(undefined, ","), undefined);
  for (const text of ["abc", "<script>", "1,2,3.4.5", "1e99", "12-3", "--5", "1,234,5"]) {
    assert.ok(Number.isNaN(parseLocaleNumber(text, ",")), text);
  }
});

test("amounts and dates keep digits 0-9 and the Gregorian calendar in Persian and Arabic", async () => {
  const { intlLocale } = await import("../../overrides/assets/js/selfcheck/text.js");
  // Intl's plain "fa" would write "‎€۱٬۲۳۴٫۵۰" and "۱۱ آذر ۱۴۰۵" (the Solar Hijri date of 2 December 2026)
  const money = (lang) => new Intl.NumberFormat(intlLocale(lang), { style: "currency", currency: "EUR" }).format(1234.5);
  assert.match(money("fa"), /1,234\.50/);
  assert.match(money("ar"), /1,234\.50/);
  assert.equal(money("de"), "1.234,50\u00a0€");
  const day = new Intl.DateTimeFormat(intlLocale("fa"), { dateStyle: "long" }).format(new Date(2026, 11, 2));
  assert.equal(day, "2 دسامبر 2026");
});
