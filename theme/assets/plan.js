/* "Min plan" (/min-plan/ only): a shortlist kept only in this browser's localStorage.
 * Nothing is sent anywhere; the page carries the data of every upcoming course itself,
 * and every Danish word the script shows comes from that data (made by the build).
 */
(function () {
  "use strict";

  var root = document.getElementById("rs-plan");
  var dataEl = document.getElementById("rs-plan-data");
  if (!root || !dataEl) return;
  var data = JSON.parse(dataEl.textContent);
  var courses = data.courses;
  var T = data.text;
  var undoList = null;

  function storage() { return window.localStorage; }

  function readPlan() { return rsLogic.readPlan(storage); }

  function writePlan(list) { return rsLogic.writePlan(storage, list); }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? values[k] : m; });
  }

  function sessionsWord(n) {
    return n + " " + (n === 1 ? T.one : T.many);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function announce(text) {
    var region = document.getElementById("rs-announce");
    if (!region) {
      region = el("div", { id: "rs-announce", "class": "rs-visually-hidden", role: "status" });
      document.body.appendChild(region);
    }
    region.textContent = text;
  }

  function undoBox(text, withUndo) {
    var box = document.getElementById("rs-plan-undo");
    box.textContent = "";
    if (!text) return;
    box.appendChild(el("span", {}, text + " "));
    if (withUndo) {
      var b = el("button", { type: "button", "class": "rs-plan__button", id: "rs-plan-undo-button" }, T.undo);
      b.addEventListener("click", function () {
        if (undoList) writePlan(undoList);
        undoList = null;
        render();
        undoBox(T.restored, false);
      });
      box.appendChild(b);
    }
  }

  function render() {
    var now = Date.now();
    var plan = readPlan();
    var chosen = plan.filter(function (slug) { return courses[slug]; });
    document.getElementById("rs-plan-empty").hidden = chosen.length > 0;
    document.getElementById("rs-plan-content").hidden = chosen.length === 0;
    var list = document.getElementById("rs-plan-courses");
    list.textContent = "";
    var all = [];
    chosen.forEach(function (slug) {
      var c = courses[slug];
      var section = el("section", { "class": "rs-plan__course", "data-rs-plan-course": slug });
      var h = el("h3", { "class": "rs-plan__title" });
      // Course URLs are relative to the site root; the plan page is one level down.
      h.appendChild(el("a", { href: "../" + c.url }, c.title));
      section.appendChild(h);

      var dl = el("dl", { "class": "rs-facts" });
      function row(label, value) {
        var div = el("div");
        div.appendChild(el("dt", {}, label));
        div.appendChild(typeof value === "string" ? el("dd", {}, value) : value);
        dl.appendChild(div);
      }
      var next = null;
      c.sessions.forEach(function (s) {
        if (!next && !s.cancelled && Date.parse(s.end) > now) next = s;
      });
      if (next) {
        var dd = el("dd");
        dd.appendChild(el("time", { datetime: next.start }, next.text));
        row(T.next, dd);
      } else {
        row(T.next, c.sessions.length ? (c.cancelled ? c.series : T.none_left) : T.no_dates);
      }
      row("Sted", c.place);
      section.appendChild(dl);

      // The registration state now: a plan opened after a deadline says so (the build
      // gave every state time will bring, each from its start).
      var step = rsLogic.stepAt(c.steps, now);
      var state = el("p", { "class": "rs-plan__state" });
      state.appendChild(el("span", { "class": "rs-status rs-status--" + step.state }, step.status));
      // The label says the state; the detail only what it adds ("Venteliste" "Kurset er fuldt.").
      if (step.detail) state.appendChild(document.createTextNode(" " + step.detail));
      section.appendChild(state);
      if (step.actions.length) {
        var ways = el("ul", { "class": "rs-actions" });
        step.actions.forEach(function (w, i) {
          var li = el("li");
          var a = el("a", { href: w.href, "class": "rs-action" + (i === 0 ? " rs-action--primary" : "") },
                     w.action + (w.kind !== "url" ? ": " + w.text : ""));
          li.appendChild(a);
          ways.appendChild(li);
        });
        section.appendChild(ways);
      }

      // Sessions still to come (the plan is for what lies ahead).
      var coming = c.sessions.filter(function (s) { return Date.parse(s.end) > now; });
      var ul = el("ul", { "class": "rs-plan__sessions", "aria-label": fill(T.sessions, { n: coming.length }) });
      coming.forEach(function (s) {
        var li = el("li", { "data-start": s.start });
        li.appendChild(el("time", { datetime: s.start }, s.text));
        if (s.cancelled) li.appendChild(el("strong", { "class": "rs-session__flag--cancelled" }, " " + T.cancelled));
        ul.appendChild(li);
        if (!s.cancelled) all.push({ slug: slug, title: c.title, s: s, li: li });
      });
      if (coming.length) {
        section.appendChild(el("p", { "class": "rs-plan__sessions-title" }, fill(T.sessions, { n: coming.length })));
        section.appendChild(ul);
      }
      var remove = el("button", { type: "button", "class": "rs-plan__button rs-plan__remove", "aria-label": T.remove + ": " + c.title }, T.remove);
      remove.addEventListener("click", function () {
        writePlan(readPlan().filter(function (x) { return x !== slug; }));
        render();
        announce(fill(T.removed, { title: c.title }));
      });
      section.appendChild(remove);
      list.appendChild(section);
    });

    // Sessions of different courses that overlap in time.
    var clashes = [];
    var pairs = rsLogic.overlaps(all.map(function (a) { return { slug: a.slug, start: a.s.start, end: a.s.end, item: a }; }));
    pairs.forEach(function (pair) {
      var a = pair[0].item, b = pair[1].item;
      clashes.push(fill(T.clash_item, { when: a.s.text, a: a.title, b: b.title }));
      [a.li, b.li].forEach(function (li) {
        li.classList.add("rs-plan__clash");
        if (!li.querySelector(".rs-plan__clash-flag")) li.appendChild(el("strong", { "class": "rs-plan__clash-flag" }, " " + T.clash_flag));
      });
    });
    var box = document.getElementById("rs-plan-clashes");
    box.textContent = "";
    box.classList.toggle("rs-plan__clashes--found", clashes.length > 0);
    if (clashes.length) {
      box.appendChild(el("p", {}, clashes.length === 1 ? T.clash_one : fill(T.clash_many, { n: clashes.length })));
      var cl = el("ul");
      clashes.forEach(function (t) { cl.appendChild(el("li", {}, t)); });
      box.appendChild(cl);
    } else if (chosen.length > 1) {
      box.appendChild(el("p", {}, T.no_clash));
    }

    // How many sessions fall in each week, in words.
    var weeks = {};
    var order = [];
    all.forEach(function (a) {
      if (!weeks[a.s.weekKey]) { weeks[a.s.weekKey] = { label: a.s.week, n: 0 }; order.push(a.s.weekKey); }
      weeks[a.s.weekKey].n += 1;
    });
    order.sort();
    var body = document.getElementById("rs-plan-weeks");
    body.textContent = "";
    order.forEach(function (k) {
      body.appendChild(el("li", {}, fill(T.week, { week: weeks[k].label, n: sessionsWord(weeks[k].n) })));
    });
  }

  document.getElementById("rs-plan-print").addEventListener("click", function () { window.print(); });
  document.getElementById("rs-plan-clear").addEventListener("click", function () {
    undoList = readPlan();
    if (!writePlan([])) { announce(T.storage); return; }
    render();
    undoBox(T.cleared, true);
    var b = document.getElementById("rs-plan-undo-button");
    if (b) b.focus();
  });
  window.addEventListener("storage", render);
  root.classList.add("rs-plan--ready");
  render();
})();
