/* Re-checks time-dependent states in the visitor's browser.
 *
 * A static page is read days after it was built. The build decided which sessions
 * were past, which was next, and whether registration was open; this script decides
 * again from the machine-readable datetimes in the page, so a page read later says
 * so without a rebuild. Without JavaScript the build's answer stands.
 */
(function () {
  "use strict";

  function now() {
    return new Date();
  }

  function ended(el, attr, t) {
    var value = el.getAttribute(attr);
    return value && Date.parse(value) <= t.getTime();
  }

  function flag(li, kind, text) {
    var existing = li.querySelector(".rs-session__flag--" + kind);
    if (existing) return;
    var el = document.createElement(kind === "past" ? "span" : "strong");
    el.className = "rs-session__flag rs-session__flag--" + kind;
    el.textContent = text;
    var when = li.querySelector(".rs-session__when");
    (when || li).insertAdjacentElement(when ? "afterend" : "beforeend", el);
  }

  function unflag(li, kind) {
    var el = li.querySelector(".rs-session__flag--" + kind);
    if (el) el.remove();
  }

  function sessions(t) {
    document.querySelectorAll(".rs-sessions").forEach(function (list) {
      var nextLi = null;
      var items = Array.prototype.slice.call(list.querySelectorAll("li[data-rs-end]"));
      // A cancelled course has no next session at all (data-rs-no-next).
      var marks = rsLogic.sessionMarks(items.map(function (li) {
        return { end: li.getAttribute("data-rs-end"), cancelled: li.classList.contains("rs-session--cancelled") };
      }), t.getTime(), list.hasAttribute("data-rs-no-next"));
      items.forEach(function (li, i) {
        var cancelled = li.classList.contains("rs-session--cancelled");
        if (marks[i].past) {
          li.classList.add("rs-session--past");
          li.classList.remove("rs-session--next");
          unflag(li, "next");
          if (!cancelled) flag(li, "past", "Afholdt");
        } else if (marks[i].next) {
          nextLi = li;
          li.classList.add("rs-session--next");
          flag(li, "next", "Næste gang");
        } else {
          li.classList.remove("rs-session--next");
          unflag(li, "next");
        }
      });
      // The course's "when" line on its first screen follows the list.
      var course = list.closest(".rs-course");
      var line = course && course.querySelector("[data-rs-next]");
      if (!line || list.hasAttribute("data-rs-no-next")) return;
      var time = line.querySelector("time");
      if (nextLi && time) {
        var src = nextLi.querySelector(".rs-session__when");
        time.setAttribute("datetime", nextLi.getAttribute("data-rs-start"));
        time.textContent = src ? src.textContent.trim() : time.textContent;
      } else if (!nextLi) {
        line.textContent = line.getAttribute("data-rs-none");
      }
    });
    // Lists of upcoming sessions only (the calendar) drop the ones that have ended.
    document.querySelectorAll("[data-rs-upcoming-only] li[data-rs-end]").forEach(function (li) {
      if (ended(li, "data-rs-end", t)) li.hidden = true;
    });
  }

  /* Registration states are decided by the build as a timeline (the state now and the
   * instants at which it changes); the script only reads it at the visitor's now. */
  function stepAt(el, t) {
    var steps;
    try {
      steps = JSON.parse(el.getAttribute("data-rs-timeline"));
    } catch (e) {
      return null;
    }
    return rsLogic.stepAt(steps, t.getTime());
  }

  function removeAll(root, selector) {
    root.querySelectorAll(selector).forEach(function (el) { el.remove(); });
  }

  function registration(t) {
    document.querySelectorAll(".rs-status[data-rs-timeline]").forEach(function (el) {
      var s = stepAt(el, t);
      if (!s) return;
      if (s.key !== el.getAttribute("data-rs-status")) {
        el.className = el.className.replace(/rs-status--\w+/, "rs-status--" + s.key);
        el.setAttribute("data-rs-status", s.key);
        var span = el.querySelector(".rs-status__label");
        if (span) span.textContent = s.label;
      }
      var card = el.closest(".rs-card");
      if (!card) return;
      if (!s.plan) removeAll(card, "[data-rs-plan-toggle]");
      if (ended(card, "data-rs-last-end", t) && card.closest("[data-rs-upcoming-only]")) {
        card.hidden = true;
        card.setAttribute("data-rs-ended", "");
      }
    });
    document.querySelectorAll(".rs-signup[data-rs-timeline]").forEach(function (box) {
      var s = stepAt(box, t);
      if (!s) return;
      if (s.key !== box.getAttribute("data-rs-registration")) {
        var tpl = box.querySelector('template[data-rs-state="' + s.key + '"]');
        var now = box.querySelector(".rs-signup__now");
        if (tpl && now) {
          now.textContent = "";
          now.appendChild(tpl.content.cloneNode(true));
          box.setAttribute("data-rs-registration", s.key);
        }
      }
      var course = box.closest(".rs-course") || document;
      if (!s.plan) removeAll(course, "[data-rs-plan-toggle]");
      if (!s.calendar) removeAll(course, "[data-rs-calendar]");
    });
  }

  /* "Min plan": a shortlist kept only in this browser's localStorage. Nothing is
   * sent anywhere; the plan page carries the data of every upcoming course itself. */

  function storage() { return window.localStorage; }

  function readPlan() { return rsLogic.readPlan(storage); }

  function writePlan(list) { return rsLogic.writePlan(storage, list); }

  function announce(text) {
    var region = document.getElementById("rs-announce");
    if (!region) {
      region = document.createElement("div");
      region.id = "rs-announce";
      region.className = "rs-visually-hidden";
      region.setAttribute("role", "status");
      document.body.appendChild(region);
    }
    region.textContent = text;
  }

  function planButtons() {
    var buttons = document.querySelectorAll("[data-rs-plan-toggle]");
    if (!buttons.length) return;
    function label() {
      var plan = readPlan();
      buttons.forEach(function (b) {
        var inPlan = plan.indexOf(b.getAttribute("data-rs-plan-toggle")) !== -1;
        b.textContent = inPlan ? "Fjern fra min plan" : "Tilføj til min plan";
        b.classList.toggle("rs-plan-toggle--in", inPlan);
      });
    }
    buttons.forEach(function (b) {
      if (b.closest("[data-rs-ended]")) return;
      b.hidden = false;
      b.addEventListener("click", function () {
        var slug = b.getAttribute("data-rs-plan-toggle");
        var plan = readPlan();
        var at = plan.indexOf(slug);
        if (at === -1) plan.push(slug); else plan.splice(at, 1);
        if (!writePlan(plan)) {
          announce("Din browser tillader ikke, at siden gemmer din plan.");
          return;
        }
        label();
        announce(at === -1 ? "Kurset er føjet til din plan." : "Kurset er fjernet fra din plan.");
      });
    });
    label();
  }

  function printButtons() {
    document.querySelectorAll("[data-rs-print]").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () { window.print(); });
    });
  }

  function run() {
    printButtons();
    var t = now();
    sessions(t);
    registration(t);
    planButtons();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
