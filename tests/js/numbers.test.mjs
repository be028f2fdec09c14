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
