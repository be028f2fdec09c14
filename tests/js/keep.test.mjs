import assert from "node:assert/strict";
import { test } from "node:test";
import { answersFromFragment, parseAnswers } from "../../overrides/assets/js/selfcheck/keep.js";

const encode = (text) => "#a=" + Buffer.from(text).toString("base64url");

test("a fragment round-trips answers, including non-Latin text", () => {
  const answers = { town: "dorsten", self_age: "38", note: "مرحبا" };
  assert.deepEqual({ ...answersFromFragment(encode(JSON.stringify(answers))) }, answers);
});

test("broken or hostile fragments give null or only flat strings", () => {
  assert.equal(answersFromFragment("#a=%%%"), null);
  assert.equal(answersFromFragment(encode("[1,2]")), null);
  assert.equal(answersFromFragment(encode("not json")), null);
  const parsed = parseAnswers('{"__proto__": {"polluted": true}, "a": {"b": 1}, "c": "ok", "d": 5}');
  assert.equal({}.polluted, undefined);
  assert.deepEqual({ ...parsed }, { c: "ok", d: "5" });
});
