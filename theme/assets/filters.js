/* Catalogue filters (/kurser/ only; the page loads this just before its cards).
 *
 * Within a group any choice matches, across groups all must. The choices live in the
 * address (?tema=hope,identity&dag=ons), so a filtered catalogue can be shared and the
 * back button steps through earlier choices. Each option's count says how many
 * courses it would give with the other groups' choices kept. Every Danish word comes
 * from the page (data-rs-text, made by the build), not from this script.
 */
(function () {
  "use strict";

  var form = document.getElementById("rs-filters");
  if (!form) return;
  var text = JSON.parse(form.getAttribute("data-rs-text"));
  var count = document.getElementById("rs-count");
  var nomatch = document.getElementById("rs-nomatch");
  var nomatchText = document.getElementById("rs-nomatch-text");
  var ways = document.getElementById("rs-nomatch-ways");
  var toggle = document.getElementById("rs-filters-toggle");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var cards = [];
  var phone = window.matchMedia("(max-width: 44.9375em)");
  // Browsers without the `scripting` media feature show both; this one is not needed.
  document.querySelectorAll(".rs-nojs-filters").forEach(function (el) { el.hidden = true; });

  function say(template, n) {
    return template.replace("{n}", n).replace("{word}", n === 1 ? text.one : text.many);
  }

  function labelOf(box) {
    var label = form.querySelector('label[for="' + box.id + '"] .rs-check__label');
    return label ? label.textContent : box.value;
  }

  function chosen() {
    var groups = {};
    boxes.forEach(function (b) {
      if (b.checked) (groups[b.name] = groups[b.name] || []).push(b.value);
    });
    return groups;
  }

  function facetsOf(card) {
    var facets = {};
    boxes.forEach(function (b) {
      if (!facets[b.name]) facets[b.name] = (card.getAttribute("data-f-" + b.name) || "").split(" ");
    });
    return facets;
  }

  function matches(card, groups, except) {
    return rsLogic.matches(facetsOf(card), groups, except);
  }

  // Cards that count: not ended since the build (the re-check marks those), not cancelled.
  function counted(card) {
    return !card.hasAttribute("data-rs-ended") && !card.hasAttribute("data-rs-cancelled");
  }

  function fromUrl() {
    var params = new URLSearchParams(window.location.search);
    boxes.forEach(function (b) {
      var values = (params.get(b.name) || "").split(",");
      b.checked = values.indexOf(b.value) !== -1;
    });
  }

  function toUrl(push) {
    var params = new URLSearchParams(window.location.search);
    var groups = chosen();
    boxes.forEach(function (b) { params.delete(b.name); });
    Object.keys(groups).forEach(function (k) { params.set(k, groups[k].join(",")); });
    var query = params.toString().replace(/%2C/g, ",");
    var target = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (target !== window.location.pathname + window.location.search + window.location.hash) {
      window.history[push ? "pushState" : "replaceState"](null, "", target);
    }
  }

  function ended(card) {
    var end = card.getAttribute("data-rs-last-end");
    return end && Date.parse(end) <= Date.now();
  }

  function apply() {
    var groups = chosen();
    var keys = Object.keys(groups);
    var shown = 0;
    cards.forEach(function (card) {
      // The re-check in portal.js runs later; an ended card is left out here already.
      if (ended(card)) card.setAttribute("data-rs-ended", "");
      if (card.hasAttribute("data-rs-ended")) { card.hidden = true; return; }
      var match = matches(card, groups);
      card.hidden = !match;
      if (match && counted(card)) shown += 1;
    });
    // Each option: how many courses it gives together with the other groups' choices.
    var facets = cards.filter(counted).map(facetsOf);
    boxes.forEach(function (b) {
      var n = rsLogic.optionCount(facets, groups, b.name, b.value);
      var span = form.querySelector('label[for="' + b.id + '"] [data-rs-n]');
      if (span) span.textContent = "(" + n + ")";
    });
    if (count) count.textContent = say(keys.length ? text.match : text.all, shown);
    if (!nomatch) return;
    nomatch.hidden = shown !== 0 || !keys.length;
    ways.textContent = "";
    if (shown !== 0) return;
    // Name the choices whose removal would give courses, the most helpful first.
    nomatchText.textContent = text.none;
    var options = [];
    boxes.forEach(function (b) {
      if (!b.checked) return;
      var rest = {};
      keys.forEach(function (k) {
        var values = groups[k].filter(function (v) { return k !== b.name || v !== b.value; });
        if (values.length) rest[k] = values;
      });
      var n = cards.filter(function (card) { return counted(card) && matches(card, rest); }).length;
      if (n) options.push({ box: b, n: n });
    });
    options.sort(function (a, b) { return b.n - a.n; });
    options.forEach(function (o) {
      var li = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "rs-nomatch__way";
      button.textContent = say(text.remove.replace("{choice}", text.quote.replace("{}", labelOf(o.box))), o.n);
      button.addEventListener("click", function () {
        o.box.checked = false;
        apply();
        toUrl(true);
        if (count) count.focus();
      });
      li.appendChild(button);
      ways.appendChild(li);
    });
  }

  function setOpen(open) {
    form.setAttribute("data-rs-open", open ? "true" : "false");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  form.addEventListener("change", function () { apply(); toUrl(true); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { apply(); toUrl(true); }, 0);
  });
  var again = document.getElementById("rs-nomatch-reset");
  if (again) again.addEventListener("click", function () { form.reset(); });
  window.addEventListener("popstate", function () { fromUrl(); apply(); });
  if (count) count.setAttribute("tabindex", "-1");
  fromUrl();

  /* The cards come after this script. A choice in the address hides the cards that do
   * not match with a style rule from the start, so they are never painted and then
   * taken away (the page would jump); once the cards are read the rule is not needed. */
  var sheet = null;
  var groups = chosen();
  Array.prototype.forEach.call(document.styleSheets, function (s) {
    if (/portal\.css/.test(s.href || "")) sheet = s;
  });
  var rules = [];
  if (sheet && window.CSS && CSS.escape) {
    Object.keys(groups).forEach(function (k) {
      var not = groups[k].map(function (v) { return ':not([data-f-' + k + '~="' + CSS.escape(v) + '"])'; }).join("");
      rules.push(sheet.insertRule("[data-rs-filterable] .rs-card" + not + " { display: none; }", sheet.cssRules.length));
    });
  }

  function start() {
    var list = document.querySelector("[data-rs-filterable]");
    if (!list) return;
    cards = Array.prototype.slice.call(list.querySelectorAll(".rs-card"));
    apply();
    rules.reverse().forEach(function (at) { sheet.deleteRule(at); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // The style sheet already shows the box open on wide screens and closed on phones;
  // say so to assistive technology (changing the attribute moves nothing).
  setOpen(!phone.matches);
})();
