import assert from "node:assert/strict";
import { test } from "node:test";
import { bestOption, householdTotals } from "../../overrides/assets/js/selfcheck/totals.js";
import { reminderDates } from "../../overrides/assets/js/selfcheck/ics.js";

const program = (id, amount, status = "likely") => ({ program: id, amount, status });

test("alternatives are complete totals: the certain part plus each alternative", () => {
  // Kindergeld 259 + UVG 227 certain; Wohngeld 379 + KiZ 194.85 or Grundsicherungsgeld 709.68
  const result = {
    programs: [program("kindergeld", 259), program("unterhaltsvorschuss", 227), program("wohngeld", 379),
      program("kinderzuschlag", 194.85), program("grundsicherungsgeld", 709.68)],
    combination: { status: "needs_advice", programs: ["kindergeld", "unterhaltsvorschuss"], total: 486,
      alternatives: [{ programs: ["wohngeld", "kinderzuschlag"], total: 573.85, status: "needs_advice" },
        { programs: ["grundsicherungsgeld"], total: 709.68, status: "likely" }] },
  };
  const totals = householdTotals(result);
  assert.deepEqual(totals.options.map((o) => o.total), [1059.85, 1195.68]);
  assert.equal(totals.min, 1059.85);
  assert.equal(totals.max, 1195.68);
  assert.deepEqual(totals.options[1].parts.map((p) => p.program), ["kindergeld", "unterhaltsvorschuss", "grundsicherungsgeld"]);
  assert.deepEqual(bestOption(result), { programs: ["kindergeld", "unterhaltsvorschuss", "grundsicherungsgeld"], total: 1195.68 });
});

test("one alternative: the certain part alone is the other case", () => {
  const result = {
    programs: [program("kindergeld", 259), program("grundsicherungsgeld", 300)],
    combination: { status: "needs_advice", programs: ["kindergeld"], total: 259,
      alternatives: [{ programs: ["grundsicherungsgeld"], total: 300, status: "likely" }] },
  };
  assert.deepEqual(householdTotals(result).options.map((o) => o.total), [259, 559]);
});

test("no alternatives: the combination's total with its parts", () => {
  const result = { programs: [program("kindergeld", 518), program("wohngeld", 120)],
    combination: { status: "likely", programs: ["kindergeld", "wohngeld"], total: 638, alternatives: [] } };
  const totals = householdTotals(result);
  assert.deepEqual([totals.min, totals.max, totals.options.length], [638, 638, 0]);
  assert.equal(totals.base.reduce((s, p) => s + p.amount, 0), 638);
});

test("reminders: apply today, reapply two months before the approval period ends", () => {
  // applied on 15 May 2026: KiZ May-October (§ 6a Abs. 7 BKGG, 6 months) -> reapply 1 September
  const dates = reminderDates("kinderzuschlag", new Date(2026, 4, 15), { kinderzuschlag: 6 });
  assert.deepEqual(dates.map((d) => [d.kind, d.date.getFullYear(), d.date.getMonth() + 1, d.date.getDate()]),
    [["apply", 2026, 5, 15], ["reapply", 2026, 9, 1]]);
  assert.equal(reminderDates("kindergeld", new Date(2026, 4, 15), { kinderzuschlag: 6 }).length, 1);
});
