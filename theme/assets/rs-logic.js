/* The browser scripts' decisions as plain functions: no DOM, no clock of their own.
 *
 * portal.js, filters.js and plan.js read the page and call these; tests/js/ runs them in
 * Node (node --test). Every instant is an ISO 8601 string with its offset, as the build
 * writes it, compared as milliseconds: the answer does not depend on the visitor's own
 * time zone. The rules themselves (which registration state, which session is held)
 * are the build's; these functions only read its data at a given moment.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.rsLogic = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /* The registration timeline (made by rskole/registration.py): the last step whose
   * start has come. The first step has no start: it holds from the beginning. */
  function stepAt(steps, now) {
    var current = steps[0];
    for (var i = 1; i < steps.length; i++) {
      if (steps[i].start && Date.parse(steps[i].start) <= now) current = steps[i];
    }
    return current;
  }

  /* Sessions in order, each {end, cancelled}: which have been held (past) and which one
   * is next (the first not over and not cancelled; a session in progress is next).
   * A cancelled course has no next session (noNext). */
  function sessionMarks(sessions, now, noNext) {
    var nextFound = !!noNext;
    return sessions.map(function (s) {
      var past = Date.parse(s.end) <= now;
      var next = false;
      if (!past && !s.cancelled && !nextFound) {
        nextFound = true;
        next = true;
      }
      return { past: past, next: next };
    });
  }

  /* A card's facets ({tema: ["hope"], dag: ["ons"]}) against the chosen values per group:
   * within a group any value matches, across groups all must. ``except`` leaves one
   * group out (to count what an option would give with the other choices kept). */
  function matches(facets, groups, except) {
    return Object.keys(groups).every(function (k) {
      if (k === except) return true;
      var have = facets[k] || [];
      return groups[k].some(function (v) { return have.indexOf(v) !== -1; });
    });
  }

  /* How many cards an option (key=value) gives together with the other groups' choices. */
  function optionCount(cards, groups, key, value) {
    return cards.filter(function (facets) {
      return (facets[key] || []).indexOf(value) !== -1 && matches(facets, groups, key);
    }).length;
  }

  /* Sessions of different courses that overlap in time: items {slug, start, end}; returns
   * [a, b] pairs of items, a starting first. */
  function overlaps(items) {
    var sorted = items.slice().sort(function (a, b) { return Date.parse(a.start) - Date.parse(b.start); });
    var pairs = [];
    for (var i = 0; i < sorted.length; i++) {
      for (var j = i + 1; j < sorted.length && Date.parse(sorted[j].start) < Date.parse(sorted[i].end); j++) {
        if (sorted[i].slug !== sorted[j].slug) pairs.push([sorted[i], sorted[j]]);
      }
    }
    return pairs;
  }

  /* "Min plan" is a list of course slugs kept in the browser's storage and nowhere else.
   * ``storage`` is a function returning it (reading localStorage itself can throw when a
   * browser forbids storage): a broken or foreign value reads as an empty plan. */
  var PLAN_KEY = "rs-min-plan";

  function readPlan(storage) {
    try {
      var list = JSON.parse(storage().getItem(PLAN_KEY) || "[]");
      return Array.isArray(list) ? list.filter(function (x) { return typeof x === "string"; }) : [];
    } catch (e) {
      return [];
    }
  }

  /* Whether the plan could be saved. */
  function writePlan(storage, list) {
    try {
      storage().setItem(PLAN_KEY, JSON.stringify(list));
      return true;
    } catch (e) {
      return false;
    }
  }

  return { stepAt: stepAt, sessionMarks: sessionMarks, matches: matches, optionCount: optionCount, overlaps: overlaps,
           readPlan: readPlan, writePlan: writePlan };
});
