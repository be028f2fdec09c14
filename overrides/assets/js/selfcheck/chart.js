// "What if my earnings change": total household income and each benefit over gross earnings,
// drawn as inline SVG (no chart library), with the same numbers as a table for screen readers.

import { bestOption } from "./totals.js";
import { bdi, intlLocale } from "./text.js";

const SVG = "http://www.w3.org/2000/svg";
// Colour plus dash pattern, so lines differ without colour vision too.
const STYLES = [
  ["#1b1b1b", ""], ["#005a8c", "6 3"], ["#b34700", "2 3"], ["#1b5e20", "10 3 2 3"], ["#6a1b9a", "4 4"], ["#8a5300", "1 2"],
];
export const SWEEP_MAX = 3000;
export const SWEEP_STEP = 100;

function node(tag, attrs = {}, text) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

// Households for the sweep: the applicant's gross pay from 0 to 3,000 €, net pay in the
// household's own net/gross ratio (stated on the chart; the engine has no tax model).
export function sweepHouseholds(household) {
  const self = household.persons[0];
  const earners = household.persons.filter((p) => p.earned_income_gross > 0 && p.earned_income_net > 0);
  const ratio = earners.length
    ? earners.reduce((s, p) => s + p.earned_income_net, 0) / earners.reduce((s, p) => s + p.earned_income_gross, 0)
    : 1;
  const points = [];
  for (let gross = 0; gross <= SWEEP_MAX; gross += SWEEP_STEP) {
    const copy = structuredClone(household);
    copy.persons[0].earned_income_gross = gross;
    copy.persons[0].earned_income_net = Math.round(gross * ratio * 100) / 100;
    points.push(copy);
  }
  return { points, ratio, measured: earners.length > 0, current: self.earned_income_gross || 0 };
}

// Where the office still has to choose between alternatives, the chart follows the better one,
// always together with the child benefits the household gets either way (totals.js).
const chosen = bestOption;

function householdIncome(household, result) {
  let sum = chosen(result).total;
  for (const p of household.persons) {
    sum += p.earned_income_net || 0;
    for (const v of Object.values(p.other_income || {})) sum += v;
  }
  return sum;
}

// Can anyone in the household earn? Not below the working age, not past the retirement age
// (both from selfcheck/params, § 7 Abs. 1 Nr. 1, § 7a SGB II), not when they said they cannot work.
export function someoneCanEarn(household, limits) {
  return household.persons.some((p) => p.relation !== "child" && p.able_to_work !== false &&
    p.age >= limits.minimum && p.age < limits.age);
}

export function drawChart(container, sweep, results, t, money, lang, programName = (id) => t(`program.${id}`)) {
  const programs = [...new Set(results.flatMap((r) => chosen(r).programs))];
  const amountIn = (r, id) => {
    const p = r.programs.find((x) => x.program === id);
    return chosen(r).programs.includes(id) && p ? p.amount : 0;
  };
  const series = [
    { label: t("selfcheck.chart_total"), values: results.map((r, i) => householdIncome(sweep.points[i], r)) },
    ...programs.map((id) => ({ label: programName(id), values: results.map((r) => amountIn(r, id)) })),
  ];
  const xs = sweep.points.map((h) => h.persons[0].earned_income_gross);
  const maxY = Math.max(100, ...series.flatMap((s) => s.values));
  const W = 480, H = 300, L = 70, R = 10, T = 12, B = 48;
  const x = (v) => L + (v / SWEEP_MAX) * (W - L - R);
  const y = (v) => H - B - (v / maxY) * (H - T - B);
  const short = new Intl.NumberFormat(intlLocale(lang), { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

  // The axes run left to right in every language; amount labels are anchored left to right too
  // ("end" is their right edge), also on right-to-left pages.
  const svg = node("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": "sc-chart-title sc-chart-desc", class: "sl-chart-svg" });
  svg.append(node("desc", { id: "sc-chart-desc" }, t("selfcheck.chart_desc")));
  for (let i = 0; i <= 4; i++) {
    const v = (maxY / 4) * i;
    svg.append(node("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: "sl-grid" }));
    svg.append(node("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", direction: "ltr", class: "sl-axis" }, short.format(v)));
  }
  // every 1,000 € (every 500 € the labels touch on a phone; the table has every 500 €)
  for (let v = 0; v <= SWEEP_MAX; v += 1000) {
    // the last label ends at the last point: centred on it, it would be cut at the edge
    const anchor = v + 1000 > SWEEP_MAX ? "end" : "middle";
    svg.append(node("text", { x: x(v), y: H - B + 16, "text-anchor": anchor, direction: "ltr", class: "sl-axis" }, short.format(v)));
  }
  svg.append(node("text", { x: (L + W - R) / 2, y: H - 6, "text-anchor": "middle", class: "sl-axis" }, t("selfcheck.chart_x")));
  svg.append(node("line", { x1: x(sweep.current), x2: x(sweep.current), y1: T, y2: H - B, class: "sl-now" }));
  series.forEach((s, i) => {
    const [colour, dash] = STYLES[i % STYLES.length];
    const d = s.values.map((v, j) => `${j ? "L" : "M"}${x(xs[j]).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    svg.append(node("path", { d, fill: "none", stroke: colour, "stroke-width": i ? 2 : 3, "stroke-dasharray": dash }));
  });

  const legend = document.createElement("ul");
  legend.className = "sl-legend";
  series.forEach((s, i) => {
    const [colour, dash] = STYLES[i % STYLES.length];
    const li = document.createElement("li");
    const key = node("svg", { width: 28, height: 10, "aria-hidden": "true" });
    key.append(node("line", { x1: 0, x2: 28, y1: 5, y2: 5, stroke: colour, "stroke-width": 3, "stroke-dasharray": dash }));
    li.append(key, ` ${s.label}`);
    legend.append(li);
  });

  const note = document.createElement("p");
  note.className = "sl-hint";
  note.textContent = sweep.measured
    ? t("selfcheck.chart_assumption", { percent: new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 0 }).format(sweep.ratio * 100) })
    : t("selfcheck.chart_assumption_none");

  const parts = document.createElement("p");
  parts.className = "sl-hint";
  parts.textContent = t("selfcheck.chart_assumption_parts");

  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = t("selfcheck.chart_table");
  const table = document.createElement("table");
  table.className = "sl-chart-table";
  const head = table.createTHead().insertRow();
  for (const label of [t("selfcheck.chart_x"), ...series.map((s) => s.label)]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  xs.forEach((gross, j) => {
    if (gross % 500 !== 0) return;
    const row = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    // amounts isolated, as everywhere in the result: right-to-left tables keep "1.500 €" whole
    th.append(bdi(money.format(gross), { noTranslate: true }));
    row.append(th);
    for (const s of series) row.insertCell().append(bdi(money.format(s.values[j]), { noTranslate: true }));
  });
  // A wide table scrolls inside a region that keyboard users can focus and scroll.
  const scroll = document.createElement("div");
  scroll.className = "sl-table-scroll";
  scroll.tabIndex = 0;
  scroll.setAttribute("role", "region");
  scroll.setAttribute("aria-label", t("selfcheck.chart_table"));
  scroll.append(table);
  details.append(summary, scroll);
  container.replaceChildren(svg, legend, note, parts, details);
}
