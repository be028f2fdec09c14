// What the household would have per month from benefits, read from the engine's combination.
// The engine's `total` holds what is certain; where the office still has to decide, each
// alternative is added to it, so every option is shown as a complete total, never as if it
// replaced Kindergeld or Unterhaltsvorschuss.

const cents = (x) => Math.round(x * 100) / 100;

export function householdTotals(result) {
  const combo = result.combination;
  const byId = new Map(result.programs.map((p) => [p.program, p]));
  const part = (id) => ({ program: id, amount: byId.get(id)?.amount ?? 0, status: byId.get(id)?.status });
  const base = (combo?.programs || []).map(part);
  const baseTotal = combo ? combo.total : result.total;
  const options = (combo?.alternatives || []).map((alt) => ({
    programs: alt.programs,
    status: alt.status,
    parts: [...base, ...alt.programs.map(part)],
    total: cents(baseTotal + alt.total),
  }));
  // One alternative only: the office may also grant neither, so the certain part is the floor.
  if (options.length === 1) options.unshift({ programs: [], status: combo.status, parts: base, total: baseTotal });
  const totals = options.length ? options.map((o) => o.total) : [baseTotal];
  return {
    status: combo?.status ?? "not_entitled",
    base,
    baseTotal,
    options,
    min: Math.min(...totals),
    max: Math.max(...totals),
  };
}

// The option the chart follows where the office decides: the one paying most.
export function bestOption(result) {
  const totals = householdTotals(result);
  if (!totals.options.length) return { programs: totals.base.map((p) => p.program), total: totals.baseTotal };
  const best = totals.options.reduce((a, b) => (b.total > a.total ? b : a));
  return { programs: best.parts.map((p) => p.program), total: best.total };
}
