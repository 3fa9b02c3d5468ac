#!/usr/bin/env node
// Unit tests of the search's matching and ranking (themes/default/static/search.js),
// with node alone: the script runs in a sandbox with a page that has no search form, so
// it only defines window.okrsSearch.
//
//   node search_unit.mjs
//
// Exit status: 0 all passed, 1 a test failed.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const here = dirname(fileURLToPath(import.meta.url));
const source = readFileSync(join(here, "../../themes/default/static/search.js"), "utf8");
const sandbox = { window: {}, document: { getElementById: () => null } };
vm.runInNewContext(source, sandbox, { filename: "search.js" });
const { parse, prepare, rank, marks } = sandbox.window.okrsSearch;

let failed = 0;
let passed = 0;
function test(name, body) {
  try {
    body();
    passed += 1;
    console.log(`  ok    ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`  FAIL  ${name}\n        ${e.message}`);
  }
}
function equal(actual, expected, what) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) {
    throw new Error(`${what}: got ${a}, want ${b}`);
  }
}

const entry = (kind, title, text = "", context = "") => ({ kind, title, text, context, url: "" });
const INDEX = [
  entry("objective", "建成开放式创新平台", "让合作伙伴自助接入", "2025年第二季度 · 王强"),
  entry("key_result", "接入 20 家合作伙伴", "", "建成开放式创新平台 · 王强"),
  entry("checkin", "发布开放接口文档 · 2025年5月15日", "开放平台的接口文档已发布"),
  entry("objective", "开放平台", "", ""),
  entry("objective", "平台稳定运行", "开放时间延长", ""),
  entry("objective", "Grow renewals with cafés", "Renewal rate reaches 70%", "Q2 2024 · Li Si"),
  entry("person", "李四", "li-si", "销售部"),
];
const prepared = INDEX.map((item) => prepare(item));
const titles = (query) => rank(prepared, query).map((h) => h.item.title);

test("a Chinese word is cut into its two-character pieces", () => {
  equal(parse("开放平台").map((g) => [g.text, g.pieces, g.needed]), [["开放平台", ["开放", "放平", "平台"], 2]], "groups");
  equal(parse("续约").map((g) => g.pieces), [["续约"]], "one piece");
  equal(parse("茶").map((g) => g.pieces), [["茶"]], "one character");
});

test("words split on white space; Latin and Chinese runs apart; CJK punctuation separates", () => {
  equal(parse("  KR1续约 grow  ").map((g) => [g.text, g.cjk]), [["kr1", false], ["续约", true], ["grow", false]], "groups");
  equal(parse("开放、平台").map((g) => g.text), ["开放", "平台"], "a list comma");
  equal(parse("ＡＢＣ").map((g) => g.text), ["abc"], "full-width Latin is normalised");
});

test("开放平台 finds 开放式创新平台 (two of its three pieces)", () => {
  const found = titles("开放平台");
  if (!found.includes("建成开放式创新平台")) {
    throw new Error(`not found: ${JSON.stringify(found)}`);
  }
});

test("the exact title first, then exact text, then pieces in the title, then pieces elsewhere", () => {
  equal(
    titles("开放平台"),
    ["开放平台", "发布开放接口文档 · 2025年5月15日", "建成开放式创新平台", "平台稳定运行", "接入 20 家合作伙伴"],
    "order",
  );
});

test("a Chinese word with too few of its pieces does not match", () => {
  // 开放创新平台: 开放, 放创, 创新, 新平, 平台; 4 of 5 needed. 平台稳定运行 has one.
  const found = titles("开放创新平台");
  equal(found.includes("平台稳定运行"), false, "one piece of five");
  equal(found.includes("建成开放式创新平台"), true, "three of five in the title");
});

test("every word must match, case-insensitive, anywhere in the entry", () => {
  equal(titles("RENEWAL cafés"), ["Grow renewals with cafés"], "two words");
  equal(titles("renewal 70%"), ["Grow renewals with cafés"], "a word in the text");
  equal(titles("renewal nothing"), [], "one word missing");
  // "li si" is the phrase of one context; the other has "li" and "si" in its text (li-si).
  equal(titles("li si"), ["Grow renewals with cafés", "李四"], "the exact phrase first");
  equal(titles("李四 销售"), ["李四"], "Chinese words");
});

test("nothing to search for gives nothing", () => {
  equal(titles(""), [], "empty");
  equal(titles("   "), [], "blank");
});

test("marks are the words and their pieces", () => {
  equal(marks("开放平台 KR"), ["开放平台", "开放", "放平", "平台", "kr"], "marks");
});

console.log(failed ? `FAILED: ${failed} of ${passed + failed} tests` : `PASSED: all ${passed} tests`);
process.exit(failed ? 1 : 0);
