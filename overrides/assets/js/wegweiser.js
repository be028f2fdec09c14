// Custom guide (Wegweiser): show the chosen language and topics, keep only the offices they
// need (and the Lotse), then print from the browser. Nothing leaves the page.
(function () {
  "use strict";
  const form = document.getElementById("wegweiser-form");
  if (!form) return;
  form.hidden = false;
  const nojs = document.getElementById("ww-nojs");
  if (nojs) nojs.hidden = true;

  function numbers(text) {
    return (text || "").split(" ").filter(Boolean);
  }

  function apply() {
    const lang = form.elements.lang.value;
    const chosen = new Set(Array.from(form.querySelectorAll("input[name=topic]:checked"), (i) => i.value));
    for (const variant of document.querySelectorAll(".sl-ww-variant")) {
      variant.hidden = variant.dataset.lang !== lang;
      const article = variant.querySelector(".sl-ww");
      const needed = new Set(numbers(article && article.dataset.lotse));
      for (const topic of variant.querySelectorAll(".sl-ww-topic")) {
        const on = chosen.has(topic.dataset.topic);
        topic.hidden = !on;
        if (on) numbers(topic.dataset.offices).forEach((n) => needed.add(n));
      }
      for (const group of variant.querySelectorAll(".sl-ww-group")) {
        group.hidden = !group.querySelector(".sl-ww-topic:not([hidden])");
      }
      for (const office of variant.querySelectorAll(".sl-ww-office")) {
        office.hidden = !needed.has(office.dataset.no);
      }
    }
  }

  form.addEventListener("change", apply);
  document.getElementById("ww-print").addEventListener("click", () => {
    apply();
    window.print();
  });
  apply();
})();
