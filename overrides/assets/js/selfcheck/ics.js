// Reminders without a server: an iCalendar file (RFC 5545) made in the browser for one benefit,
// with "apply now" today and, where the law names a usual approval period
// (selfcheck/params/antrag.yaml), "reapply" two months before that period ends.
// An application counts from the first day of the month it arrives in (§ 37 Abs. 2 SGB II,
// § 25 Abs. 2 WoGG, § 6a Abs. 7 BKGG, § 44 Abs. 2 SGB XII), so the period starts this month.
import { saveBlob } from "./keep.js";

const pad = (n) => String(n).padStart(2, "0");
const day = (d) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;
const addMonths = (d, n) => new Date(d.getFullYear(), d.getMonth() + n, 1);

// RFC 5545 §3.3.11: backslash, semicolon, comma and newlines escaped; lines folded at 75 octets.
function escapeText(text) {
  return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

function fold(line) {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const out = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    if (size + n > (out.length ? 74 : 75)) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join("\r\n ");
}

// Dates of the reminders for a program applied for on `today`.
export function reminderDates(program, today, approvalMonths) {
  const months = approvalMonths?.[program];
  const events = [{ kind: "apply", date: new Date(today.getFullYear(), today.getMonth(), today.getDate()) }];
  if (months) {
    const start = addMonths(today, 0);
    events.push({ kind: "reapply", date: addMonths(start, months - 2), periodEnd: addMonths(start, months), months });
  }
  return events;
}

export function calendar({ program, name, today = new Date(), approvalMonths, t, office = "" }) {
  const stamp = `${day(today)}T${pad(today.getHours())}${pad(today.getMinutes())}00`;
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Soziallotse//Selbstcheck//DE", "CALSCALE:GREGORIAN"];
  reminderDates(program, today, approvalMonths).forEach((event, i) => {
    const next = new Date(event.date.getFullYear(), event.date.getMonth(), event.date.getDate() + 1);
    const summary = t(`selfcheck.ics_${event.kind}`, { program: name });
    const description = event.kind === "reapply"
      ? t("selfcheck.ics_reapply_description", { program: name, months: event.months })
      : t("selfcheck.ics_apply_description", { program: name });
    lines.push("BEGIN:VEVENT", `UID:${program}-${event.kind}-${day(today)}-${i}@soziallotse.invalid`, `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day(event.date)}`, `DTEND;VALUE=DATE:${day(next)}`,
      `SUMMARY:${escapeText(summary)}`, `DESCRIPTION:${escapeText(office ? `${description}\n${office}` : description)}`,
      "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT12H", `DESCRIPTION:${escapeText(summary)}`, "END:VALARM",
      "END:VEVENT");
  });
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

export function downloadCalendar(text, filename) {
  saveBlob(new Blob([text], { type: "text/calendar;charset=utf-8" }), filename);
}
