// The Laufzettel: answers, the household's total (same figures as the page), for each suggested
// benefit its office, deadline and how far back it is paid, and the documents filtered to this
// household — in the user's language beside German, so that staff at the office can read it.

import { el } from "./results.js";
import { intlLocale, isolateTree } from "./text.js";
import { householdTotals } from "./totals.js";

function cell(row, content, lang, header = false) {
  const c = document.createElement(header ? "th" : "td");
  if (typeof content === "string") c.textContent = content;
  else c.append(content);
  if (lang) c.lang = lang;
  row.append(c);
  return c;
}

export function buildPrint(target, ctx) {
  const { form, questionnaire, result, household, t, tDe, lang, money, documents, texts, textsDe, results, facts } = ctx;
  const bilingual = lang !== "de";
  const both = (key, args) => (bilingual ? `${t(key, args)} / ${tDe(key, args)}` : tDe(key, args));
  const bothText = (key, args) => (bilingual ? `${texts.plain(key, args)} / ${textsDe.plain(key, args)}` : textsDe.plain(key, args));
  const name = (id) => (bilingual ? `${texts.program(id)} / ${textsDe.program(id)}` : textsDe.program(id));
  target.replaceChildren();
  target.append(el("h1", both("print.title")));
  target.append(el("p", new Date().toLocaleDateString(intlLocale(lang))));

  const answers = el("table", undefined, "sl-print-table");
  const head = answers.createTHead().insertRow();
  if (bilingual) cell(head, t("print.question"), lang, true);
  cell(head, tDe("print.question"), "de", true);
  cell(head, both("print.answer"), null, true);
  const body = answers.createTBody();
  for (const qname of questionnaire.visibleNames()) {
    const qid = qname.replace(/-\d+$/, "");
    const n = /-(\d+)$/.exec(qname)?.[1];
    const raw = questionnaire.rawValue(qname);
    if (raw === undefined || raw === "") continue;
    const suffix = n ? ` (${t("selfcheck.child_legend", { n })})` : "";
    const suffixDe = n ? ` (${tDe("selfcheck.child_legend", { n })})` : "";
    const row = body.insertRow();
    if (bilingual) cell(row, t(`q.${qid}.label`) + suffix, lang);
    cell(row, tDe(`q.${qid}.label`) + suffixDe, "de");
    let shown = raw;
    const control = form.querySelector(`[name="${CSS.escape(qname)}"]`);
    if (raw === "yes" || raw === "no") shown = both(`selfcheck.${raw}`);
    else if (control?.tagName === "SELECT") shown = control.selectedOptions[0]?.textContent ?? raw;
    cell(row, shown);
  }
  target.append(el("h2", both("print.answers")), answers);

  // Results: each benefit, then the household's total exactly as the page's headline.
  const table = el("table", undefined, "sl-print-table");
  const rhead = table.createTHead().insertRow();
  cell(rhead, both("print.benefit"), null, true);
  cell(rhead, both("print.status"), null, true);
  cell(rhead, both("selfcheck.per_month"), null, true);
  const rbody = table.createTBody();
  for (const program of result.programs) {
    const row = rbody.insertRow();
    cell(row, name(program.program));
    cell(row, both(`status.${program.status}`));
    cell(row, texts.amount(program.amount));
  }
  const totals = householdTotals(result);
  if (totals.options.length) {
    for (const option of totals.options) {
      const row = rbody.insertRow();
      row.className = "sl-print-total";
      const programs = option.programs.map((id) => texts.program(id)).join(" + ");
      const programsDe = option.programs.map((id) => textsDe.program(id)).join(" + ");
      const label = option.programs.length
        ? (bilingual ? `${t("selfcheck.option_with", { programs })} / ${tDe("selfcheck.option_with", { programs: programsDe })}`
          : tDe("selfcheck.option_with", { programs: programsDe }))
        : both("selfcheck.option_without");
      cell(row, label);
      cell(row, both("combination.needs_advice_short"));
      cell(row, texts.amount(option.total));
    }
  } else if (result.combination) {
    const row = rbody.insertRow();
    row.className = "sl-print-total";
    cell(row, both("selfcheck.total"));
    cell(row, both(`status.${totals.status}`));
    cell(row, texts.amount(totals.max));
  }
  target.append(el("h2", both("selfcheck.result_title")), table);

  // What to do, per suggested benefit: office, deadline, how far back it is paid.
  const suggested = result.programs.filter((p) => p.status !== "not_entitled" && p.amount > 0);
  if (suggested.length) {
    target.append(el("h2", both("selfcheck.what_to_do")));
    for (const program of suggested) {
      const section = el("section", undefined, "sl-print-benefit");
      section.append(el("h3", name(program.program)));
      const facts_ = results.benefits[program.program];
      const back = facts?.rueckwirkung_monate?.months?.[program.program];
      if (back !== undefined) {
        section.append(el("p", bothText(back ? "selfcheck.paid_back" : "selfcheck.paid_from_month", { months: back })));
      }
      const period = facts?.bewilligungszeitraum_monate?.months?.[program.program];
      if (period) section.append(el("p", bothText("selfcheck.approval_period", { months: period })));
      if (facts_?.deadline?.text) {
        const p = el("p", undefined, "sl-deadline");
        const text = el("span", facts_.deadline.text);
        text.lang = facts_.deadline.lang;
        p.append(el("strong", `${both("selfcheck.deadline")}: `), text);
        section.append(p);
      }
      const offices = results.offices(program.program, household.town);
      if (offices) section.append(offices);
      else section.append(el("p", both("selfcheck.ask_town")));
      target.append(section);
    }
  }

  if (documents.length) {
    const list = el("ul");
    for (const [doc, entry] of documents) {
      const li = el("li", `☐ ${doc}`);
      li.lang = entry.lang;
      list.append(li);
    }
    target.append(el("h2", both("selfcheck.documents_title")), list);
  }
  target.append(el("p", both("selfcheck.disclaimer"), "sl-disclaimer"));
  isolateTree(target);
}
