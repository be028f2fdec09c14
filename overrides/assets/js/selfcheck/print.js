// The Laufzettel: answers, results and documents on paper, in the user's language beside
// German, so that staff at the office can read it.

import { el } from "./results.js";

function cell(row, text, lang, header = false) {
  const c = document.createElement(header ? "th" : "td");
  c.textContent = text;
  if (lang) c.lang = lang;
  row.append(c);
  return c;
}

export function buildPrint(target, { form, questionnaire, result, t, tDe, lang, money, documents }) {
  const bilingual = lang !== "de";
  const both = (key, args) => (bilingual ? `${t(key, args)} / ${tDe(key, args)}` : tDe(key, args));
  target.replaceChildren();
  target.append(el("h1", both("print.title")));
  target.append(el("p", new Date().toLocaleDateString(lang)));

  const answers = el("table", undefined, "sl-print-table");
  const head = answers.createTHead().insertRow();
  if (bilingual) cell(head, t("print.question"), lang, true);
  cell(head, tDe("print.question"), "de", true);
  cell(head, both("print.answer"), null, true);
  const body = answers.createTBody();
  for (const name of questionnaire.visibleNames()) {
    const qid = name.replace(/-\d+$/, "");
    const n = /-(\d+)$/.exec(name)?.[1];
    const raw = questionnaire.rawValue(name);
    if (raw === undefined || raw === "") continue;
    const suffix = n ? ` (${t("selfcheck.child_legend", { n })})` : "";
    const suffixDe = n ? ` (${tDe("selfcheck.child_legend", { n })})` : "";
    const row = body.insertRow();
    if (bilingual) cell(row, t(`q.${qid}.label`) + suffix, lang);
    cell(row, tDe(`q.${qid}.label`) + suffixDe, "de");
    let shown = raw;
    const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (raw === "yes" || raw === "no") shown = both(`selfcheck.${raw}`);
    else if (control?.tagName === "SELECT") shown = control.selectedOptions[0]?.textContent ?? raw;
    cell(row, shown);
  }
  target.append(el("h2", both("print.answers")), answers);

  const results = el("table", undefined, "sl-print-table");
  const rhead = results.createTHead().insertRow();
  cell(rhead, both("print.benefit"), null, true);
  cell(rhead, both("print.status"), null, true);
  cell(rhead, both("selfcheck.per_month"), null, true);
  const rbody = results.createTBody();
  for (const program of result.programs) {
    const row = rbody.insertRow();
    cell(row, both(`program.${program.program}`));
    cell(row, both(`status.${program.status}`));
    cell(row, money.format(program.amount));
  }
  if (result.combination) {
    const row = rbody.insertRow();
    cell(row, both("selfcheck.total"));
    cell(row, both(`combination.${result.combination.status}`));
    cell(row, money.format(result.combination.total));
  }
  target.append(el("h2", both("selfcheck.result_title")), results);

  if (documents.length) {
    const list = el("ul");
    for (const [doc] of documents) {
      const li = el("li", `☐ ${doc}`);
      li.lang = "de";
      list.append(li);
    }
    target.append(el("h2", both("selfcheck.documents_title")), list);
  }
  target.append(el("p", both("selfcheck.disclaimer"), "sl-disclaimer"));
}
