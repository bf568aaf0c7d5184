/* Re-checks time-dependent states in the visitor's browser.
 *
 * A static page is read days after it was built. The build decided which sessions
 * were past, which was next, and whether registration was open; this script decides
 * again from the machine-readable datetimes in the page, so a page read later says
 * so without a rebuild. Without JavaScript the build's answer stands.
 */
(function () {
  "use strict";

  var zoneMeta = document.querySelector('meta[name="rs-timezone"]');
  var zone = zoneMeta ? zoneMeta.content : "Europe/Copenhagen";

  function now() {
    return new Date();
  }

  function todayIso(date) {
    // YYYY-MM-DD in the site's zone (the same "today" the build uses).
    var parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(date);
    var get = function (type) { return parts.filter(function (p) { return p.type === type; })[0].value; };
    return get("year") + "-" + get("month") + "-" + get("day");
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
      var nextFound = false;
      list.querySelectorAll("li[data-rs-end]").forEach(function (li) {
        var cancelled = li.classList.contains("rs-session--cancelled");
        if (ended(li, "data-rs-end", t)) {
          li.classList.add("rs-session--past");
          li.classList.remove("rs-session--next");
          unflag(li, "next");
          if (!cancelled) flag(li, "past", "Afholdt");
        } else if (!cancelled && !nextFound) {
          nextFound = true;
          li.classList.add("rs-session--next");
          flag(li, "next", "Næste gang");
        } else {
          li.classList.remove("rs-session--next");
          unflag(li, "next");
        }
      });
    });
    // Lists of upcoming sessions only (the calendar) drop the ones that have ended.
    document.querySelectorAll("[data-rs-upcoming-only] li[data-rs-end]").forEach(function (li) {
      if (ended(li, "data-rs-end", t)) li.hidden = true;
    });
  }

  function setStatus(el, key, label) {
    el.className = el.className.replace(/rs-status--\w+/, "rs-status--" + key);
    el.setAttribute("data-rs-status", key);
    var span = el.querySelector(".rs-status__label");
    if (span) span.textContent = label;
  }

  function setRegistration(box, key, label, text) {
    box.className = box.className.replace(/rs-registration--\w+/, "rs-registration--" + key);
    box.setAttribute("data-rs-registration", key);
    var state = box.querySelector(".rs-registration__state");
    if (state) {
      state.textContent = "";
      var strong = document.createElement("strong");
      strong.textContent = label + ".";
      state.appendChild(strong);
      state.appendChild(document.createTextNode(" " + text));
    }
    box.querySelectorAll(".rs-ways, .rs-registration__deadline").forEach(function (el) { el.hidden = true; });
  }

  function registration(t) {
    var today = todayIso(t);
    var closedAfter = function (el) {
      var d = el.getAttribute("data-rs-deadline");
      return d && today > d;
    };
    // Course cards and status labels.
    document.querySelectorAll(".rs-card").forEach(function (card) {
      var status = card.querySelector(".rs-status");
      if (ended(card, "data-rs-last-end", t)) {
        if (status) setStatus(status, "past", "Afsluttet");
        if (card.closest("[data-rs-upcoming-only]")) card.hidden = true;
      } else if (status && /^(open|waitlist)$/.test(status.getAttribute("data-rs-status")) && closedAfter(status)) {
        setStatus(status, "closed", "Tilmelding lukket");
      }
    });
    // The course page's own registration box.
    document.querySelectorAll(".rs-course").forEach(function (course) {
      var box = course.querySelector(".rs-registration");
      if (!box) return;
      var key = box.getAttribute("data-rs-registration");
      if (ended(course, "data-rs-last-end", t)) {
        if (key !== "past") setRegistration(box, "past", "Afsluttet", "Kurset er afsluttet.");
        var note = course.querySelector(".rs-past-note");
        if (note) note.hidden = false;
      } else if (/^(open|waitlist)$/.test(key) && closedAfter(box)) {
        setRegistration(box, "closed", "Tilmelding lukket", "Fristen for tilmelding er overskredet.");
      }
    });
  }

  function run() {
    var t = now();
    sessions(t);
    registration(t);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
