//! The search index, in pieces that the search page loads on demand with `<script>`
//! elements, so search works from `file://` (where `fetch` is refused) at any size.
//!
//! - `search-index.js`, the manifest: sets `window.OKRS_SEARCH` to the numbers the
//!   search script needs to find the pieces (how many documents, term shards, records a
//!   record shard holds).
//! - `search/index/tN.js`, the term shards: every index term is filed under a key (a Latin
//!   word under its first [`KEY_CHARS`] characters, a CJK character or two-character piece
//!   under itself), and a key lives in shard `hash(key) % term shards`. A key holds its
//!   terms, each with its postings: the documents it occurs in, in order, with whether it
//!   occurs in the title. Postings of more than [`INLINE_POSTINGS`] documents are in
//!   blocks of their own (`pN.js`, at most [`BLOCK_POSTINGS`] each), named in the shard
//!   with the range of documents each covers, so a query loads only the blocks it needs.
//! - `search/index/dN.js`, the record shards: what a result shows (kind, title, text, url,
//!   context) for consecutive documents, loaded only for the results shown.
//!
//! Documents are numbered kind by kind (objectives, key results, people, teams,
//! check-ins, pages), each kind in the order of the pages. docs/themes.md ("Search")
//! describes the format and the budget of a query.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use rayon::prelude::*;

use super::paths;
use super::views::{Views, url};
use crate::model::{Content, KeyResultRef};

/// The manifest's path; the search page loads it first.
pub(crate) const MANIFEST: &str = "search-index.js";
/// Where the pieces are, relative to the site root.
const DIR: &str = "search/index/";
/// A Latin word is filed under this many of its first characters, so that a query word
/// of at least this length finds the words it begins (`renewal` finds `renewals`).
pub(crate) const KEY_CHARS: usize = 3;
/// Postings of up to this many documents are written in the term shard itself.
pub(crate) const INLINE_POSTINGS: usize = 256;
/// The most postings one block file holds.
pub(crate) const BLOCK_POSTINGS: usize = 4096;
/// What a term shard should weigh: the shard count grows with the index to keep it so.
const TERM_SHARD_BYTES: usize = 16 * 1024;
/// What a record shard should weigh, on average.
const RECORD_SHARD_BYTES: usize = 6 * 1024;
/// The most records one record shard holds.
const MAX_RECORDS_PER_SHARD: usize = 64;

/// One searchable thing: what a result shows, and what is searched.
struct Doc {
    /// 0 objective, 1 key result, 2 person, 3 team, 4 check-in, 5 page: the order of
    /// search.js's `KINDS`, and the order documents are numbered in.
    kind: usize,
    title: String,
    text: String,
    /// Relative to the site root.
    url: String,
    context: String,
}

/// Every file of the index, by path relative to the site root.
pub(crate) struct Index {
    files: BTreeMap<String, Vec<u8>>,
}

/// Whether the index writes `path` (a static file of that name is left out).
pub(crate) fn is_generated(path: &str) -> bool {
    path == MANIFEST || path.starts_with(DIR)
}

impl Index {
    /// The index of the site `views` show, held in memory (for `serve`).
    pub(crate) fn build(views: &Views) -> Index {
        Index::of(&docs(views))
    }

    fn of(docs: &[Doc]) -> Index {
        let mut files = BTreeMap::new();
        let Ok(()) = write_index(docs, &mut |path, bytes| {
            files.insert(path, bytes);
            Ok::<(), std::convert::Infallible>(())
        });
        Index { files }
    }

    pub(crate) fn get(&self, path: &str) -> Option<&Vec<u8>> {
        self.files.get(path)
    }
}

/// Hands every file of the index of the site `views` show to `sink` (path, bytes) as it
/// is made, so the whole index is never held in memory; stops at the sink's first error.
pub(crate) fn write_each<E>(
    views: &Views,
    sink: &mut dyn FnMut(String, Vec<u8>) -> Result<(), E>,
) -> Result<(), E> {
    write_index(&docs(views), sink)
}

/// The text a reader sees in sanitised HTML (what the page shows, not what the Markdown
/// said: text inside removed elements such as scripts is gone), shortened for the index.
/// The edge of a block (a paragraph, list item, heading, table cell …) separates like a
/// space; inline markup (bold, links, code …) does not, so `**45%**：` stays `45%：`.
/// Line breaks between two CJK characters are already gone from the HTML (see
/// `markdown::to_html`); the others read as spaces.
fn plain(html: &str, limit: usize) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        push_text(&mut text, &rest[..open]);
        let tag = &rest[open + 1..];
        let end = tag.find('>').map_or(tag.len(), |e| e + 1);
        if separates(&tag[..end]) && !text.ends_with(' ') && !text.is_empty() {
            text.push(' ');
        }
        rest = tag.get(end..).unwrap_or("");
    }
    push_text(&mut text, rest);
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    let words: Vec<&str> = text.split_whitespace().collect();
    words.join(" ").chars().take(limit).collect()
}

/// Text between tags, white space as spaces.
fn push_text(text: &mut String, between: &str) {
    text.extend(
        between
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c }),
    );
}

/// Whether a tag (`p>`, `/li>`, `br />`) is one whose edge reads as a space: anything but
/// inline markup.
fn separates(tag: &str) -> bool {
    const INLINE: &[&str] = &[
        "a", "abbr", "b", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "u", "var",
    ];
    let name: String = tag
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    !INLINE.contains(&name.as_str())
}

/// The documents of the site, numbered kind by kind.
fn docs(views: &Views) -> Vec<Doc> {
    let objectives: Vec<usize> = views.included_objectives().collect();
    // Made in parallel, a run of objectives at a time, then put back in order.
    let parts: Vec<[Vec<Doc>; 6]> = objectives
        .par_chunks(256)
        .map(|run| {
            let mut by_kind: [Vec<Doc>; 6] = Default::default();
            for &o in run {
                objective_docs(views, o, &mut by_kind);
            }
            by_kind
        })
        .collect();
    let mut by_kind: [Vec<Doc>; 6] = Default::default();
    for part in parts {
        for (all, docs) in by_kind.iter_mut().zip(part) {
            all.extend(docs);
        }
    }
    checkin_docs(views, &objectives, &mut by_kind[4]);
    people_and_team_docs(views, &mut by_kind);
    page_docs(views, &mut by_kind[5]);
    by_kind.into_iter().flatten().collect()
}

/// The documents of objective `o`: itself and its key results.
fn objective_docs(views: &Views, o: usize, by_kind: &mut [Vec<Doc>; 6]) {
    let site = &*views.site;
    let resolved = &site.objectives[o];
    let data = &resolved.data;
    let period = super::format::period_label(&site.periods[resolved.period].id, views.language);
    let objective_url = url("", &paths::objective(&data.id.value));
    let owner = resolved
        .owner
        .map(|p| site.people[p].name.clone())
        .unwrap_or_default();
    by_kind[0].push(Doc {
        kind: 0,
        title: data.title.clone(),
        text: plain(&views.prepared(o).body_html, 300),
        url: objective_url.clone(),
        context: [period.as_str(), owner.as_str(), data.id.value.as_str()].join(" · "),
    });
    for KeyResultRef {
        written: kr,
        resolved: rk,
    } in resolved.each_key_result()
    {
        let kr_url = format!("{objective_url}#{}", paths::kr_anchor(&kr.id.value));
        let owner = rk
            .owner
            .map(|p| site.people[p].name.clone())
            .unwrap_or_default();
        by_kind[1].push(Doc {
            kind: 1,
            title: kr.title.clone(),
            text: kr
                .tasks
                .iter()
                .map(|t| t.title.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            url: kr_url,
            context: [data.title.as_str(), owner.as_str()].join(" · "),
        });
    }
}

/// One document per check-in with a note, in the order of its first update on the pages
/// (objectives, then key results, then check-ins).
fn checkin_docs(views: &Views, objectives: &[usize], checkins: &mut Vec<Doc>) {
    let site = &*views.site;
    let updates = objectives.iter().flat_map(|&o| {
        let f = &views.figures.objectives[o];
        (0..site.objectives[o].key_results.len())
            .flat_map(move |k| (0..f.key_results[k].checkins).map(move |c| (o, k, c)))
    });
    let groups: Vec<Vec<(usize, usize, usize)>> = views
        .checkins_grouped(updates)
        .into_iter()
        .filter(|g| {
            g.iter().any(|&(o, k, c)| {
                !site.objectives[o].key_results[k].checkins[c]
                    .note
                    .trim()
                    .is_empty()
            })
        })
        .collect();
    let docs: Vec<Doc> = groups.par_iter().map(|g| checkin_doc(views, g)).collect();
    checkins.extend(docs);
}

/// A check-in's document: its updates ("Key result: 55%; …") and date as the title, its
/// notes as text (the file's body once, and any update's own `note:`), its author by name
/// when a people/ file defines them (as on the pages), linked to its first key result.
fn checkin_doc(views: &Views, group: &[(usize, usize, usize)]) -> Doc {
    let site = &*views.site;
    let colon = views.strings.get("punct.colon");
    let mut updates = Vec::new();
    let mut notes: Vec<&str> = Vec::new();
    for &(o, k, c) in group {
        let kr = site.objectives[o].key_result(k).written;
        updates.push(format!(
            "{}{colon}{}",
            kr.title,
            views.value_display(o, k, c)
        ));
        let note = views.prepared(o).notes_html[k]
            .get(c)
            .map_or("", |note| &**note);
        if !note.is_empty() && !notes.contains(&note) {
            notes.push(note);
        }
    }
    let (o, k, c) = group[0];
    let resolved = &site.objectives[o];
    let KeyResultRef {
        written: kr,
        resolved: rk,
    } = resolved.key_result(k);
    let checkin = &rk.checkins[c];
    let author = checkin
        .author
        .as_deref()
        .map(|a| match views.person_named(a) {
            Some(p) => site.people[p].name.clone(),
            None => a.to_owned(),
        });
    Doc {
        kind: 4,
        title: format!(
            "{} · {}",
            updates.join(&views.strings.get("punct.separator")),
            views.date(checkin.date)
        ),
        text: plain(&notes.concat(), 300),
        url: format!(
            "{}#{}",
            url("", &paths::objective(&resolved.data.id.value)),
            paths::kr_anchor(&kr.id.value)
        ),
        context: author.unwrap_or_default(),
    }
}

fn people_and_team_docs(views: &Views, by_kind: &mut [Vec<Doc>; 6]) {
    let site = &*views.site;
    let people = site
        .people
        .iter()
        .enumerate()
        .filter(|(p, _)| views.figures.people_included[*p]);
    for (_, person) in people {
        by_kind[2].push(Doc {
            kind: 2,
            title: person.name.clone(),
            text: person.id.clone(),
            url: url("", &paths::person(&person.id)),
            context: person
                .team
                .map(|t| site.teams[t].name.clone())
                .unwrap_or_default(),
        });
    }
    let teams = site
        .teams
        .iter()
        .enumerate()
        .filter(|(t, _)| views.figures.teams_included[*t]);
    for (_, team) in teams {
        by_kind[3].push(Doc {
            kind: 3,
            title: team.name.clone(),
            text: team.id.clone(),
            url: url("", &paths::team(&team.id)),
            context: team
                .team
                .map(|p| site.teams[p].name.clone())
                .unwrap_or_default(),
        });
    }
}

fn page_docs(views: &Views, pages: &mut Vec<Doc>) {
    let site = &*views.site;
    for &d in &site.pages {
        if let Content::Page(page) = &site.documents[d].content {
            pages.push(Doc {
                kind: 5,
                title: page.title.clone(),
                text: plain(&super::markdown::to_html(&site.documents[d].body), 300),
                url: url("", &paths::page(&page.slug)),
                context: String::new(),
            });
        }
    }
}

/// Text as search compares it: NFKC (so `ＡＢＣ` is `abc`), then lower case, as
/// search.js's `normalise`.
pub(crate) fn normalise(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    icu_normalizer::ComposingNormalizerBorrowed::new_nfkc()
        .normalize(text)
        .to_lowercase()
}

/// Han ideographs, kana and hangul: letters written without spaces between words (the
/// same ranges as search.js's `isCjk`).
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af
        | 0xf900..=0xfaff | 0x20000..=0x3134f)
}

/// The index terms of normalised text, each handed to `each`: every word (a run of
/// letters and digits that are not CJK), and every character and two-character piece of
/// a run of CJK characters. Anything else separates.
pub(crate) fn terms(text: &str, mut each: impl FnMut(&str)) {
    let mut word_start = None;
    let mut previous_cjk: Option<usize> = None;
    for (at, c) in text.char_indices() {
        let cjk = is_cjk(c);
        let in_word = !cjk && c.is_alphanumeric();
        match (in_word, word_start) {
            (true, None) => word_start = Some(at),
            (false, Some(start)) => {
                each(&text[start..at]);
                word_start = None;
            }
            _ => {}
        }
        if cjk {
            let end = at + c.len_utf8();
            each(&text[at..end]);
            if let Some(before) = previous_cjk {
                each(&text[before..end]);
            }
            previous_cjk = Some(at);
        } else {
            previous_cjk = None;
        }
    }
    if let Some(start) = word_start {
        each(&text[start..]);
    }
}

/// The key a term is filed under: a word's first [`KEY_CHARS`] characters, a CJK term
/// itself.
pub(crate) fn key_of(term: &str) -> &str {
    match term.char_indices().nth(KEY_CHARS) {
        Some((at, _)) if !term.chars().next().is_some_and(is_cjk) => &term[..at],
        _ => term,
    }
}

/// FNV-1a (32 bits) over the UTF-16 code units of `key`, as search.js's `hash`.
pub(crate) fn hash(key: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for unit in key.encode_utf16() {
        hash ^= u32::from(unit);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// The term shard of `key` among `shards`.
pub(crate) fn shard_of(key: &str, shards: usize) -> usize {
    hash(key) as usize % shards.max(1)
}

/// Digits of the posting encoding: the last digit of a number is one of `END`, the ones
/// before it of `MORE` (base 32, most significant first). None needs escaping in a
/// JavaScript string or in HTML, and no run of them spells a word such as `NaN` or
/// `inf`.
const END: &[u8; 32] = b"0123456789!#$%()*+,-./:;=?@[]^_~";
const MORE: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ`{|}'z";

/// Writes `value` in the posting encoding.
fn push_number(out: &mut String, value: u64) {
    let mut digits = [0u8; 13];
    let mut n = value;
    let mut len = 0;
    loop {
        digits[len] = (n % 32) as u8;
        len += 1;
        n /= 32;
        if n == 0 {
            break;
        }
    }
    for (i, &d) in digits[..len].iter().enumerate().rev() {
        let alphabet = if i == 0 { END } else { MORE };
        out.push(char::from(alphabet[usize::from(d)]));
    }
}

/// Postings (`doc << 1 | in_title`, docs ascending) as a string: for each, the distance
/// from the document before (the first: from 0) times two, plus one when in the title.
pub(crate) fn encode(postings: &[u32]) -> String {
    let mut out = String::with_capacity(postings.len() * 2);
    let mut previous = 0u64;
    for &p in postings {
        let doc = u64::from(p >> 1);
        push_number(&mut out, ((doc - previous) << 1) | u64::from(p & 1));
        previous = doc;
    }
    out
}

/// A term's postings as it is built: `doc << 1 | in_title`, one per document.
#[derive(Default)]
struct Postings {
    list: Vec<u32>,
}

impl Postings {
    fn add(&mut self, doc: u32, title: bool) {
        // Documents come in order and the title first: one posting per document.
        if self.list.last().is_some_and(|&p| p >> 1 == doc) {
            return;
        }
        self.list.push(doc << 1 | u32::from(title));
    }
}

/// A fast hash for the terms while the index is built (the table is ours, its keys
/// short): a multiply-rotate over 8 bytes at a time.
#[derive(Default)]
struct TermHasher(u64);

impl std::hash::Hasher for TermHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type TermMap = HashMap<String, Postings, std::hash::BuildHasherDefault<TermHasher>>;

/// Every term of `docs` with its postings: made in parallel for runs of documents, then
/// joined in order.
fn postings(docs: &[Doc]) -> TermMap {
    const RUN: usize = 4096;
    let parts: Vec<TermMap> = docs
        .par_chunks(RUN)
        .enumerate()
        .map(|(r, run)| run_postings(run, (r * RUN) as u32))
        .collect();
    let mut parts = parts.into_iter();
    let mut map = parts.next().unwrap_or_default();
    for part in parts {
        for (term, p) in part {
            map.entry(term).or_default().list.extend(p.list);
        }
    }
    map
}

/// The terms of `docs`, numbered from `first`, with their postings.
fn run_postings(docs: &[Doc], first: u32) -> TermMap {
    let mut map = TermMap::default();
    let mut add = |term: &str, doc: u32, title: bool| match map.get_mut(term) {
        Some(p) => p.add(doc, title),
        None => map.entry(term.to_owned()).or_default().add(doc, title),
    };
    for (n, doc) in docs.iter().enumerate() {
        let n = first + n as u32;
        terms(&normalise(&doc.title), |t| add(t, n, true));
        for text in [&doc.text, &doc.context] {
            terms(&normalise(text), |t| add(t, n, false));
        }
    }
    map
}

/// A string as a JSON (and JavaScript) string literal, markup characters escaped so no
/// content can close or open a script element even if a piece is ever inlined.
fn js_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' | '\0'..='\u{1f}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A piece: a call of `okrsSearchPiece(name, data)`.
fn piece(name: &str, data: &str) -> Vec<u8> {
    format!("okrsSearchPiece(\"{name}\",{data});\n").into_bytes()
}

/// A document's record: what its result shows.
fn record(d: &Doc) -> String {
    let mut r = format!("[{},", d.kind);
    for (i, field) in [&d.title, &d.text, &d.url, &d.context].iter().enumerate() {
        if i > 0 {
            r.push(',');
        }
        js_string(&mut r, field);
    }
    r.push(']');
    r
}

/// How many records a record shard holds: as many as weigh [`RECORD_SHARD_BYTES`] on
/// average.
fn records_per_shard(docs: &[Doc]) -> usize {
    let total: usize = docs
        .iter()
        .map(|d| d.title.len() + d.text.len() + d.url.len() + d.context.len() + 16)
        .sum();
    let average = (total / docs.len().max(1)).max(1);
    (RECORD_SHARD_BYTES / average).clamp(1, MAX_RECORDS_PER_SHARD)
}

/// Writes the record shards of `per_shard` records each.
fn record_shards<E>(docs: &[Doc], per_shard: usize, sink: &mut Sink<E>) -> Result<(), E> {
    // Made in parallel, a batch of shards at a time, so only a batch is held.
    let batch = per_shard * 256;
    for (b, docs) in docs.chunks(batch).enumerate() {
        let shards: Vec<(String, Vec<u8>)> = docs
            .par_chunks(per_shard)
            .enumerate()
            .map(|(n, chunk)| {
                let records: Vec<String> = chunk.iter().map(record).collect();
                let name = format!("d{}", b * 256 + n);
                let bytes = piece(&name, &format!("[{}]", records.join(",")));
                (format!("{DIR}{name}.js"), bytes)
            })
            .collect();
        for (path, bytes) in shards {
            sink(path, bytes)?;
        }
    }
    Ok(())
}

/// Where the index's files go: (path, bytes).
type Sink<'s, E> = dyn FnMut(String, Vec<u8>) -> Result<(), E> + 's;

/// A key's terms with their postings, sorted.
type Terms = Vec<(String, Vec<u32>)>;

/// The terms filed under each key.
type Keys = BTreeMap<String, Terms>;

fn keys(map: TermMap) -> Keys {
    let mut keys = Keys::new();
    for (term, p) in map {
        keys.entry(key_of(&term).to_owned())
            .or_default()
            .push((term, p.list));
    }
    for terms in keys.values_mut() {
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    }
    keys
}

/// About what a key weighs in its shard (blocks are named, not written there).
fn key_weight(key: &str, terms: &[(String, Vec<u32>)]) -> usize {
    key.len()
        + terms
            .iter()
            .map(|(t, list)| {
                let postings = if list.len() <= INLINE_POSTINGS {
                    list.len() * 2
                } else {
                    list.len().div_ceil(BLOCK_POSTINGS) * 24
                };
                t.len() + 8 + postings
            })
            .sum::<usize>()
}

/// The term shards and the blocks, and how many term shards there are.
fn term_shards<E>(keys: &Keys, sink: &mut Sink<E>) -> Result<usize, E> {
    let weight: usize = keys.iter().map(|(k, t)| key_weight(k, t)).sum();
    let shards = weight.div_ceil(TERM_SHARD_BYTES).max(1).next_power_of_two();
    let mut by_shard: Vec<Vec<(&String, &Terms)>> = vec![Vec::new(); shards];
    for (key, terms) in keys {
        by_shard[shard_of(key, shards)].push((key, terms));
    }
    let mut blocks = 0;
    for (n, entries) in by_shard.iter().enumerate() {
        let mut data = String::from("{");
        for (i, (key, terms)) in entries.iter().enumerate() {
            if i > 0 {
                data.push(',');
            }
            js_string(&mut data, key);
            data.push_str(":[");
            for (j, (term, list)) in terms.iter().enumerate() {
                if j > 0 {
                    data.push(',');
                }
                data.push('[');
                js_string(&mut data, term);
                data.push(',');
                write_postings(&mut data, list, &mut blocks, sink)?;
                data.push(']');
            }
            data.push(']');
        }
        data.push('}');
        let name = format!("t{n}");
        sink(format!("{DIR}{name}.js"), piece(&name, &data))?;
    }
    Ok(shards)
}

/// A term's postings in its shard: the encoded string when short, else the blocks (each
/// `[first doc, last doc, block number, postings]`), written as files of their own.
fn write_postings<E>(
    data: &mut String,
    list: &[u32],
    blocks: &mut usize,
    sink: &mut Sink<E>,
) -> Result<(), E> {
    if list.len() <= INLINE_POSTINGS {
        let _ = write!(data, "\"{}\"", encode(list));
        return Ok(());
    }
    data.push('[');
    for (i, block) in list.chunks(BLOCK_POSTINGS).enumerate() {
        if i > 0 {
            data.push(',');
        }
        let (first, last) = (block[0] >> 1, block[block.len() - 1] >> 1);
        let _ = write!(data, "[{first},{last},{blocks},{}]", block.len());
        let name = format!("p{blocks}");
        sink(
            format!("{DIR}{name}.js"),
            piece(&name, &format!("\"{}\"", encode(block))),
        )?;
        *blocks += 1;
    }
    data.push(']');
    Ok(())
}

/// Writes every file of the index of `docs`: the pieces, then the manifest.
fn write_index<E>(docs: &[Doc], sink: &mut Sink<E>) -> Result<(), E> {
    let per_shard = records_per_shard(docs);
    record_shards(docs, per_shard, sink)?;
    let shards = term_shards(&keys(postings(docs)), sink)?;
    let manifest = format!(
        "window.OKRS_SEARCH = {{\"version\":2,\"dir\":\"{DIR}\",\"docs\":{},\"recordsPerShard\":{per_shard},\"termShards\":{shards},\"keyChars\":{KEY_CHARS}}};\n",
        docs.len()
    );
    sink(MANIFEST.to_owned(), manifest.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_text_is_what_the_page_shows() {
        let html = super::super::markdown::to_html(
            "Body with <script>alert(1)</script> and **bold** &amp; more",
        );
        let text = plain(&html, 300);
        assert!(!text.contains("alert"), "{text}");
        assert!(text.contains("bold & more"), "{text}");
    }

    #[test]
    fn inline_markup_adds_no_space_and_blocks_are_apart() {
        let html = super::super::markdown::to_html(
            "**续约率 45%**：续约提醒\n邮件上线，[链接](x)`code`。\n\n- one\n- two\n\n*a*b cd\nef",
        );
        assert_eq!(
            plain(&html, 300),
            "续约率 45%：续约提醒邮件上线，链接code。 one two ab cd ef"
        );
    }

    fn all_terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        terms(&normalise(text), |t| out.push(t.to_owned()));
        out
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_and_chinese_is_cut_into_pieces() {
        assert_eq!(
            all_terms("KR-1: Grow cafés 70%"),
            ["kr", "1", "grow", "cafés", "70"]
        );
        assert_eq!(all_terms("ＡＢＣ"), ["abc"], "width is normalised");
        assert_eq!(
            all_terms("开放平台"),
            ["开", "放", "开放", "平", "放平", "台", "平台"]
        );
        assert_eq!(
            all_terms("开放、平台 v2版"),
            ["开", "放", "开放", "平", "台", "平台", "v2", "版"],
            "punctuation and Latin letters end a CJK run"
        );
    }

    #[test]
    fn a_word_is_filed_under_its_first_characters_a_chinese_piece_under_itself() {
        assert_eq!(key_of("renewals"), "ren");
        assert_eq!(key_of("kr"), "kr");
        assert_eq!(key_of("cafés"), "caf");
        assert_eq!(key_of("开放"), "开放");
        assert_eq!(key_of("开"), "开");
    }

    /// The same values are checked against search.js's `hash` in
    /// tests/browser/search_unit.mjs, so both pick the same shard.
    #[test]
    fn shards_are_chosen_by_fnv1a_of_the_key() {
        assert_eq!(hash(""), 2_166_136_261);
        assert_eq!(hash("ren"), 1_257_541_786);
        assert_eq!(hash("开放"), 1_874_472_691);
        assert_eq!(hash("𠀀"), 3_072_481_677, "a surrogate pair is two units");
        assert_eq!(shard_of("ren", 8), 1_257_541_786 % 8);
        assert_eq!(shard_of("ren", 1), 0);
    }

    #[test]
    fn postings_are_gaps_in_base_32_with_the_title_bit() {
        // docs 0 (title), 1, 40 (title): gaps 0, 1, 39 → 1, 2, 79 = 2·32 + 15.
        assert_eq!(encode(&[1, 2, 81]), "12C)");
        assert_eq!(encode(&[]), "");
        let mut big = String::new();
        push_number(&mut big, 32 * 32 * 5 + 32 * 7 + 9);
        assert_eq!(big, "FH9");
        let digits: std::collections::BTreeSet<u8> = END.iter().chain(MORE).copied().collect();
        assert_eq!(digits.len(), 64, "the two alphabets are apart");
        assert!(!digits.iter().any(|d| b"\"\\<>&".contains(d)));
    }

    #[test]
    fn strings_are_json_with_markup_and_line_separators_escaped() {
        let texts = [
            "plain",
            "quote \" back \\ line \n tab \t bell \u{7}",
            "<script>a && b</script>",
            "\u{2028}\u{2029}",
            "中文 ＡＢＣ",
        ];
        for text in texts {
            let mut out = String::new();
            js_string(&mut out, text);
            assert!(!out.contains(['<', '>', '&', '\u{2028}', '\t']), "{out}");
            assert_eq!(serde_json::from_str::<String>(&out).unwrap(), text);
        }
    }

    fn doc(kind: usize, title: &str, text: &str) -> Doc {
        Doc {
            kind,
            title: title.to_owned(),
            text: text.to_owned(),
            url: String::new(),
            context: String::new(),
        }
    }

    fn file(index: &Index, path: &str) -> String {
        String::from_utf8(index.get(path).cloned().unwrap_or_default()).unwrap()
    }

    #[test]
    fn one_posting_per_document_marked_when_in_the_title() {
        let docs = [doc(0, "Grow grow", "grow"), doc(1, "x", "grow more")];
        let map = postings(&docs);
        assert_eq!(map["grow"].list, [1, 2]);
        assert_eq!(map["more"].list, [2]);
    }

    #[test]
    fn long_postings_go_to_blocks_named_in_the_shard() {
        let docs: Vec<Doc> = (0..BLOCK_POSTINGS + 10)
            .map(|n| doc(0, "common", &format!("w{n}")))
            .collect();
        let index = Index::of(&docs);
        let manifest = file(&index, MANIFEST);
        assert!(
            manifest.contains(&format!("\"docs\":{}", docs.len())),
            "{manifest}"
        );
        let shards: usize = manifest
            .split("\"termShards\":")
            .nth(1)
            .and_then(|s| s.split(',').next())
            .and_then(|s| s.parse().ok())
            .unwrap();
        let shard = file(
            &index,
            &format!("search/index/t{}.js", shard_of("com", shards)),
        );
        let last = docs.len() - 1;
        let blocks = format!(
            "\"com\":[[\"common\",[[0,{},0,{BLOCK_POSTINGS}],[{BLOCK_POSTINGS},{last},1,10]]]]",
            BLOCK_POSTINGS - 1
        );
        assert!(shard.contains(&blocks), "{shard}");
        assert!(file(&index, "search/index/p1.js").starts_with("okrsSearchPiece(\"p1\",\""));
        assert!(index.get("search/index/p2.js").is_none());
    }

    #[test]
    fn records_escape_markup_and_the_same_docs_give_the_same_bytes() {
        let docs = [doc(2, "<b>Li</b> & co", "")];
        let index = Index::of(&docs);
        let records = file(&index, "search/index/d0.js");
        assert_eq!(
            records,
            "okrsSearchPiece(\"d0\",[[2,\"\\u003cb\\u003eLi\\u003c/b\\u003e \\u0026 co\",\"\",\"\",\"\"]]);\n"
        );
        let again = Index::of(&docs);
        assert!(index.files == again.files);
    }
}
