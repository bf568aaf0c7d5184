// The browser scripts' decisions (theme/assets/rs-logic.js), run in Node: node --test tests/js/
// scripts/test.sh runs them under three time zones (TZ): the answers must not change.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const logic = require("../../theme/assets/rs-logic.js");

const at = (iso) => Date.parse(iso);

// A timeline as rskole/registration.py writes it: deadline Saturday 20 March 2027 in
// Copenhagen, so closing from 14 March and closed from the start of 21 March.
const timeline = [
  { key: "open", start: null, plan: true, calendar: true },
  { key: "closing", start: "2027-03-14T00:00:00+01:00", plan: true, calendar: true },
  { key: "closed", start: "2027-03-21T00:00:00+01:00", plan: false, calendar: true },
  { key: "ended", start: "2027-04-14T12:00:00+02:00", plan: false, calendar: false },
];

test("the registration state follows the timeline", () => {
  assert.equal(logic.stepAt(timeline, at("2027-03-01T09:00:00+01:00")).key, "open");
  assert.equal(logic.stepAt(timeline, at("2027-03-13T23:59:59+01:00")).key, "open");
  assert.equal(logic.stepAt(timeline, at("2027-03-14T00:00:00+01:00")).key, "closing");
  // The deadline day itself, from its first to its last minute, is still open.
  assert.equal(logic.stepAt(timeline, at("2027-03-20T00:00:00+01:00")).key, "closing");
  assert.equal(logic.stepAt(timeline, at("2027-03-20T23:59:00+01:00")).key, "closing");
  assert.equal(logic.stepAt(timeline, at("2027-03-21T00:00:00+01:00")).key, "closed");
  assert.equal(logic.stepAt(timeline, at("2027-04-14T11:59:59+02:00")).key, "closed");
  assert.equal(logic.stepAt(timeline, at("2027-04-14T12:00:00+02:00")).key, "ended");
});

test("a reader in another zone reads the site's instants, not the local date", () => {
  // 23:30 on the deadline day in Copenhagen is already 21 March in Tokyo: still closing.
  assert.equal(logic.stepAt(timeline, at("2027-03-21T07:30:00+09:00")).key, "closing");
  // and 20 March 20:30 at UTC-3 (west Greenland) is 21 March 00:30 in Copenhagen: closed.
  assert.equal(logic.stepAt(timeline, at("2027-03-20T20:30:00-03:00")).key, "closed");
});

test("a cancelled course's timeline stays cancelled", () => {
  const cancelled = [{ key: "cancelled", start: null, plan: false, calendar: false }];
  assert.equal(logic.stepAt(cancelled, at("2030-01-01T00:00:00Z")).key, "cancelled");
});

const sessions = [
  { end: "2027-03-03T12:00:00+01:00", cancelled: false },
  { end: "2027-03-10T12:00:00+01:00", cancelled: true },
  { end: "2027-03-17T12:00:00+01:00", cancelled: false },
  { end: "2027-03-24T12:00:00+01:00", cancelled: false },
];

test("the next session skips a cancelled one between past and next", () => {
  const marks = logic.sessionMarks(sessions, at("2027-03-05T09:00:00+01:00"), false);
  assert.deepEqual(marks.map((m) => m.next), [false, false, true, false]);
  assert.deepEqual(marks.map((m) => m.past), [true, false, false, false]);
});

test("a session in progress is the next one, and only one is marked", () => {
  const marks = logic.sessionMarks(sessions, at("2027-03-17T11:00:00+01:00"), false);
  assert.deepEqual(marks.map((m) => m.next), [false, false, true, false]);
  assert.equal(marks.filter((m) => m.next).length, 1);
});

test("a cancelled course marks no next session", () => {
  const marks = logic.sessionMarks(sessions, at("2027-03-01T09:00:00+01:00"), true);
  assert.equal(marks.filter((m) => m.next).length, 0);
});

test("filters: any value within a group, every group across", () => {
  const card = { tema: ["hope"], dag: ["ons", "tor"], form: ["in-person"] };
  assert.ok(logic.matches(card, {}));
  assert.ok(logic.matches(card, { dag: ["man", "tor"] }));
  assert.ok(!logic.matches(card, { dag: ["man"] }));
  assert.ok(!logic.matches(card, { tema: ["hope"], form: ["online"] }));
  assert.ok(logic.matches(card, { tema: ["hope"], form: ["online"] }, "form"));
});

test("an option's count keeps the other groups' choices", () => {
  const cards = [
    { form: ["online"], dag: ["man"] },
    { form: ["in-person"], dag: ["man"] },
    { form: ["online", "in-person"], dag: ["ons"] }, // hybrid: both
  ];
  // "Online" chosen: Mandag gives 1 (not 2), Onsdag 1.
  assert.equal(logic.optionCount(cards, { form: ["online"] }, "dag", "man"), 1);
  assert.equal(logic.optionCount(cards, { form: ["online"] }, "dag", "ons"), 1);
  // Within its own group, an option counts as if the group were free.
  assert.equal(logic.optionCount(cards, { form: ["online"] }, "form", "in-person"), 2);
});

test("clashes are overlaps of different courses only", () => {
  const items = [
    { slug: "a", start: "2027-03-03T10:00:00+01:00", end: "2027-03-03T12:00:00+01:00" },
    { slug: "b", start: "2027-03-03T11:00:00+01:00", end: "2027-03-03T13:00:00+01:00" },
    { slug: "b", start: "2027-03-03T11:30:00+01:00", end: "2027-03-03T11:45:00+01:00" },
    { slug: "c", start: "2027-03-03T12:00:00+01:00", end: "2027-03-03T13:00:00+01:00" }, // touches a: no clash
  ];
  const pairs = logic.overlaps(items).map(([x, y]) => x.slug + y.slug + x.start.slice(11, 16) + y.start.slice(11, 16));
  assert.deepEqual(pairs, ["ab10:0011:00", "ab10:0011:30", "bc11:0012:00"]);
});

test("a session is held the moment it ends", () => {
  const marks = logic.sessionMarks(sessions, at("2027-03-03T12:00:00+01:00"), false);
  assert.deepEqual(marks[0], { past: true, next: false });
  assert.equal(marks[2].next, true);
});

test("clashes are found whatever order the plan lists its courses in", () => {
  const items = [
    { slug: "b", start: "2027-03-03T11:00:00+01:00", end: "2027-03-03T13:00:00+01:00" },
    { slug: "a", start: "2027-03-03T10:00:00+01:00", end: "2027-03-03T12:00:00+01:00" },
  ];
  assert.deepEqual(logic.overlaps(items).map(([x, y]) => x.slug + y.slug), ["ab"]);
});

function fakeStorage(initial) {
  const data = { ...initial };
  return { getItem: (k) => (k in data ? data[k] : null), setItem: (k, v) => { data[k] = String(v); }, data };
}

test("the plan reads back what was written, and a broken value as empty", () => {
  const store = fakeStorage();
  assert.deepEqual(logic.readPlan(() => store), []);
  assert.equal(logic.writePlan(() => store, ["haab", "cafe"]), true);
  assert.deepEqual(logic.readPlan(() => store), ["haab", "cafe"]);
  assert.deepEqual(logic.readPlan(() => fakeStorage({ "rs-min-plan": "{not json" })), []);
  assert.deepEqual(logic.readPlan(() => fakeStorage({ "rs-min-plan": '{"a": 1}' })), []);
  assert.deepEqual(logic.readPlan(() => fakeStorage({ "rs-min-plan": '["haab", 3, null]' })), ["haab"]);
});

test("a browser that forbids storage gets an empty plan and a failed save", () => {
  const forbidden = () => { throw new Error("SecurityError"); };
  assert.deepEqual(logic.readPlan(forbidden), []);
  assert.equal(logic.writePlan(forbidden, ["haab"]), false);
});
