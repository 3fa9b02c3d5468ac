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
const { parse, prepare, score, rank, marks, words, hash, keyOf, decode, clauses, searcher, search, LIMITS } =
  sandbox.window.okrsSearch;

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
async function testAsync(name, body) {
  try {
    await body();
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
// What `score` matches, in the order `rank` shows it (index order breaking ties).
const titles = (query) => {
  const groups = parse(query);
  const found = INDEX.map((item, doc) => ({ item, doc, estimate: 0 })).filter(
    (h) => score(prepare(h.item), groups, query) >= 0,
  );
  return rank(found, query).map((h) => h.item.title);
};

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

// --- The index: the same hash, terms and encoding as src/render/search.rs ------------

test("the shard hash is the Rust side's (FNV-1a over UTF-16 code units)", () => {
  // The same values as src/render/search.rs's shards_are_chosen_by_fnv1a_of_the_key.
  equal([hash(""), hash("ren"), hash("开放"), hash("𠀀")], [2166136261, 1257541786, 1874472691, 3072481677], "hashes");
});

test("words and keys are the Rust side's", () => {
  equal(words("kr-1: grow cafés 70%"), ["kr", "1", "grow", "cafés", "70"], "words");
  equal([keyOf("renewals", 3), keyOf("kr", 3), keyOf("cafés", 3), keyOf("开放", 3)], ["ren", "kr", "caf", "开放"], "keys");
});

test("postings decode as the Rust side encodes them", () => {
  // src/render/search.rs: encode([0 title, 1, 40 title]) is "12C)".
  equal(decode("12C)"), { docs: [0, 1, 40], titles: [1, 0, 1] }, "postings");
  equal(decode(""), { docs: [], titles: [] }, "none");
});

test("a query is clauses: each Latin word alone, a CJK run with two thirds of its pieces", () => {
  const { clauses: cl, keys } = clauses("KR-1 开放平台 re", 3, 8);
  equal(
    cl.map((c) => [c.terms.map((t) => [t.key, t.word, t.prefix]), c.needed]),
    [
      [[["kr", "kr", false]], 1],
      [[["1", "1", false]], 1],
      [[["开放", "开放", false], ["放平", "放平", false], ["平台", "平台", false]], 2],
      [[["re", "re", false]], 1],
    ],
    "clauses",
  );
  equal(keys, ["kr", "1", "开放", "放平", "平台", "re"], "keys");
  equal(clauses("renewal", 3, 8).clauses[0].terms[0], { key: "ren", word: "renewal", prefix: true }, "a prefix");
  equal(clauses("一二三四五六七八九十", 3, 4).keys.length, 4, "at most maxKeys keys");
});

// A small index as the Rust side writes it: docs 0..3, one term shard, one block.
const MANIFEST = { dir: "search/index/", docs: 4, recordsPerShard: 2, termShards: 1, keyChars: 3 };
const PIECES = {
  t0: {
    ren: [["renewal", "1"], ["renewals", "03"]], // renewal: 0 (title); renewals: 0, 1 (title)
    caf: [["cafés", [[1, 3, 0, 2]]]], // in a block: 1 (title), 3
    "开放": [["开放", "5"]], // 2 (title)
  },
  p0: "34", // 1 (title), 3
  d0: [[0, "Renewal plan", "", "objectives/a/", ""], [1, "Renewals with cafés", "", "objectives/a/#kr-x", ""]],
  d1: [[5, "开放平台", "", "objectives/b/#kr-y", ""], [4, "Cafés note", "more renewals", "objectives/a/#kr-x", ""]],
};
function engineOver(pieces) {
  const have = {};
  const loaded = [];
  const load = async (names) => {
    for (const n of names) {
      if (!(n in have)) {
        loaded.push(n);
        have[n] = pieces[n] ?? null;
      }
    }
  };
  return { engine: searcher(MANIFEST, have, load, LIMITS), loaded };
}

await testAsync("a query loads its term shard, the blocks it needs and the records it shows", async () => {
  const { engine, loaded } = engineOver(PIECES);
  const found = await search(engine, "renewal", LIMITS);
  equal(found.hits.map((h) => h.item.title), ["Renewal plan", "Renewals with cafés"], "renewal finds renewals too");
  equal([found.total, found.complete], [2, true], "count");
  equal(loaded, ["t0", "d0"], "pieces loaded");
  const both = await search(engine, "cafés renewals", LIMITS);
  equal(both.hits.map((h) => h.item.title), ["Renewals with cafés"], "both words");
  equal(loaded, ["t0", "d0", "p0"], "the block, once");
});

await testAsync("nothing is loaded past the term shard when a word is missing", async () => {
  const { engine, loaded } = engineOver(PIECES);
  const found = await search(engine, "cafés zzz", LIMITS);
  equal(found.hits, [], "no hits");
  equal(loaded, ["t0"], "pieces loaded");
});

await testAsync("a Chinese query reads its pieces' postings", async () => {
  const { engine } = engineOver(PIECES);
  const found = await search(engine, "开放", LIMITS);
  equal(found.hits.map((h) => [h.item.kind, h.item.title, h.item.url]), [["page", "开放平台", "objectives/b/#kr-y"]], "hit");
});

console.log(failed ? `FAILED: ${failed} of ${passed + failed} tests` : `PASSED: all ${passed} tests`);
process.exit(failed ? 1 : 0);
