//! What templates see: plain, serialisable views of the site with every figure already
//! formatted for the site's language and every link already relative to the page.
//! docs/themes.md documents these for theme authors; keep the two in step.

use serde::Serialize;

/// A link to a page: its text and its URL relative to the current page.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    pub id: String,
    pub name: String,
    pub url: String,
}

/// A figure between 0 and 1 (progress, expected pace) with its display forms.
#[derive(Clone, Debug, Serialize)]
pub struct Fraction {
    /// The fraction itself, e.g. 0.5.
    pub value: f64,
    /// Rounded percentage for display, e.g. "50%".
    pub percent: String,
    /// Whole percentage clamped to 0–100, for widths in CSS, e.g. 50.
    pub width: u32,
}

/// A status with its key (`on_track` …, for CSS classes) and its label in the site's language.
#[derive(Clone, Debug, Serialize)]
pub struct StatusView {
    pub key: String,
    pub label: String,
}

/// A grade of a closed period, 0 to 1, with its band: shown as the number and the band's
/// word ("0.72 · green"), never by colour alone.
#[derive(Clone, Debug, Serialize)]
pub struct GradeView {
    pub value: f64,
    /// Two decimals, e.g. "0.72".
    pub display: String,
    /// `red`, `yellow` or `green` (for CSS classes).
    pub band: String,
    /// The band's word in the site's language ("green" / "绿").
    pub band_label: String,
    /// The number and the word, e.g. "0.72 · green".
    pub label: String,
}

/// A confidence from 0 to 10 with a level for colouring: `low` (≤ 3), `mid` (4–6), `high` (≥ 7).
#[derive(Clone, Debug, Serialize)]
pub struct ConfidenceView {
    pub value: u8,
    pub level: String,
    /// e.g. "7/10" (no space: a confidence is read as one figure, in both languages)
    pub label: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct TaskView {
    pub title: String,
    pub done: bool,
}

/// One check-in update.
#[derive(Clone, Debug, Serialize)]
pub struct CheckinView {
    /// Its day, ISO (`2024-05-15`), and formatted ("May 15, 2024").
    pub date: String,
    pub date_display: String,
    /// Its local time of day as written, `HH:MM` ("10:15"); none for a date alone.
    pub time: Option<String>,
    /// For `<time datetime>`: the date, with its time where it has one (`2024-05-15T10:15`).
    pub datetime: String,
    /// The value as shown, with its unit ("55%", "¥131,000", "done").
    pub value_display: String,
    pub confidence: Option<ConfidenceView>,
    /// The author's name, linked when a people/ file defines them.
    pub author: Option<Link>,
    /// The rendered, sanitised Markdown notes (may be empty).
    pub note_html: String,
    /// On an objective page, when a check-in file updates several of its key results: the
    /// key result above whose history shows the note, which is then left out here.
    pub note_with: Option<Link>,
    /// The file it was written in, relative to the site root.
    pub source: String,
    /// The key result it updates, and that key result's objective.
    pub key_result: Link,
    pub objective: Link,
    /// Whether that objective is a draft.
    pub draft: bool,
}

/// A free field as an objective page shows it: its key, and its value as text.
#[derive(Clone, Debug, Serialize)]
pub struct ExtraField {
    pub key: String,
    pub value: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct KeyResultView {
    /// Full id `objective/kr`.
    pub id: String,
    /// The HTML id of its section on the objective page.
    pub anchor: String,
    pub title: String,
    pub url: String,
    pub owner: Option<Link>,
    pub metric: String,
    pub metric_label: String,
    pub unit: Option<String>,
    pub weight: f64,
    /// The weight as shown ("1", "0.5").
    pub weight_display: String,
    /// Display forms with unit; empty where the metric has none (a milestone has neither
    /// start nor target: its `current_display` is its state, "Done" / "Not done").
    pub start_display: String,
    pub target_display: String,
    pub current_display: String,
    pub progress: Fraction,
    /// Unclamped progress as a percentage, e.g. "110%" when over-achieved.
    pub raw_percent: String,
    pub over_achieved: bool,
    pub confidence: Option<ConfidenceView>,
    pub at_risk: bool,
    pub status: StatusView,
    /// Its grade, in a closed period.
    pub grade: Option<GradeView>,
    /// Whether that grade was written by hand (`grade:`) rather than taken from progress.
    pub hand_graded: bool,
    /// Whether its owner owes a check-in (a running period, not done, none for too long).
    pub checkin_due: bool,
    /// Its latest check-in on or before the as-of date, if any.
    pub last_checkin: Option<DateView>,
    pub tasks: Vec<TaskView>,
    /// Burn-up chart (inline SVG), on objective pages only.
    pub chart_svg: String,
    /// Check-ins on or before the as-of date, newest first.
    pub checkins: Vec<CheckinView>,
    /// The objective it belongs to.
    pub objective: Link,
    /// Whether that objective is a draft.
    pub draft: bool,
}

/// A short view of an objective for lists and trees.
#[derive(Clone, Debug, Serialize)]
pub struct ObjectiveLink {
    pub id: String,
    pub title: String,
    pub url: String,
    pub period: String,
    pub progress: Fraction,
    pub status: StatusView,
    /// Its grade, in a closed period.
    pub grade: Option<GradeView>,
    pub draft: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct ObjectiveView {
    pub id: String,
    pub title: String,
    pub url: String,
    pub period: Link,
    pub owner: Option<Link>,
    pub team: Option<Link>,
    pub commitment: String,
    pub commitment_label: String,
    pub weight: f64,
    /// The weight as shown ("1", "0.5").
    pub weight_display: String,
    pub draft: bool,
    pub progress: Fraction,
    pub expected: Fraction,
    pub status: StatusView,
    /// Its grade, in a closed period.
    pub grade: Option<GradeView>,
    pub confidence: Option<ConfidenceView>,
    pub at_risk: bool,
    /// Objectives it aligns to, and strategies it aligns to.
    pub parents: Vec<ObjectiveLink>,
    pub strategies: Vec<Link>,
    /// Objectives aligned to it: the first `views::CHILDREN_SHOWN` of them.
    pub children: Vec<ObjectiveLink>,
    /// How many objectives align to it, and where the alignment tree lists them all.
    pub children_total: usize,
    pub children_url: Option<String>,
    pub body_html: String,
    /// Its `review:`, rendered and sanitised (empty without one).
    pub review_html: String,
    /// The objective of an earlier period it continues, and those that continue it in
    /// later periods (drafts left out of the build are skipped).
    pub carried_from: Option<ObjectiveLink>,
    pub carried_to: Vec<ObjectiveLink>,
    /// A small progress-over-time line for lists.
    pub sparkline_svg: String,
    /// Progress over time (inline SVG), on objective pages only.
    pub chart_svg: String,
    pub key_results: Vec<KeyResultView>,
    /// Free fields from `extra:` in its front matter.
    pub extra: serde_json::Value,
    /// The free fields okrs.yaml's `show_extra:` names, in its order, that it has.
    pub extra_shown: Vec<ExtraField>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StatusCount {
    pub key: String,
    pub label: String,
    pub count: usize,
}

/// The rollup of one team's objectives in one period.
#[derive(Clone, Debug, Serialize)]
pub struct TeamRollup {
    /// None for objectives without a team.
    pub team: Option<Link>,
    pub objective_count: usize,
    pub progress: Fraction,
    /// In a closed period, the mean grade of these objectives (by weight).
    pub grade: Option<GradeView>,
}

/// Where a list cut short continues: how many items it has in all, how many the page
/// shows, and its full, paginated list (`url` is empty when nothing was cut).
#[derive(Clone, Debug, Serialize)]
pub struct More {
    pub total: usize,
    pub shown: usize,
    pub url: String,
}

/// An objective in a full list: with its team and owner.
#[derive(Clone, Debug, Serialize)]
pub struct ObjectiveRow {
    pub objective: ObjectiveLink,
    pub team: Option<Link>,
    pub owner: Option<Link>,
}

/// An at-risk key result or objective (confidence ≤ 3).
#[derive(Clone, Debug, Serialize)]
pub struct RiskView {
    /// `objective` or `key_result`.
    pub kind: String,
    pub title: String,
    pub url: String,
    /// For a key result, its objective's title.
    pub objective_title: Option<String>,
    /// Its period, when it is not the period of the page (the dashboard lists those of
    /// every period holding the as-of date: a running year's beside the quarter's).
    pub period: Option<Link>,
    pub owner: Option<Link>,
    pub confidence: Option<ConfidenceView>,
    pub status: StatusView,
    pub progress: Fraction,
    /// Whether the objective (of the key result) is a draft.
    pub draft: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct PeriodLink {
    pub id: String,
    pub label: String,
    pub url: String,
    pub start_display: String,
    pub end_display: String,
    /// `upcoming`, `running` or `closed`, with its label.
    pub state: StatusView,
    pub progress: Fraction,
    pub expected: Fraction,
    /// The period's status, by the same rules as an objective's.
    pub status: StatusView,
    /// Its grade, once closed.
    pub grade: Option<GradeView>,
    /// Its review page, once closed.
    pub review_url: Option<String>,
    pub objective_count: usize,
    /// The period holding the as-of date (or the latest).
    pub current: bool,
}

/// A running period's verdict on its pace, from its status: `ahead`, `even`, `behind`,
/// `done`, `no_data` or `upcoming`, with its sentence.
#[derive(Clone, Debug, Serialize)]
pub struct PaceView {
    pub key: String,
    pub label: String,
}

/// A check-in's date, ISO and formatted, and its time of day where it has one.
#[derive(Clone, Debug, Serialize)]
pub struct DateView {
    pub date: String,
    pub display: String,
    /// Its local time of day as written, `HH:MM` ("10:15"); none for a date alone.
    pub time: Option<String>,
    /// For `<time datetime>`: the date, with its time where it has one (`2024-05-15T10:15`).
    pub datetime: String,
}

/// A key result whose owner owes a check-in.
#[derive(Clone, Debug, Serialize)]
pub struct DueView {
    pub key_result: Link,
    pub objective: Link,
    /// Its period, when it is not the period of the page (on the dashboard, the current
    /// period; on a person's page, the current period too).
    pub period: Option<Link>,
    /// Its latest check-in; none when it never had one.
    pub last_checkin: Option<DateView>,
    /// Whether its objective is a draft.
    pub draft: bool,
}

/// The due check-ins of one owner: the key result's owner, else its objective's.
#[derive(Clone, Debug, Serialize)]
pub struct DueGroup {
    /// None for key results with no owner at all.
    pub owner: Option<Link>,
    pub items: Vec<DueView>,
}

/// A dashboard: the root page for the current period, and `periods/ID/` for each.
#[derive(Clone, Debug, Serialize)]
pub struct PeriodView {
    pub period: PeriodLink,
    /// The pace verdict of a running (or upcoming) period; none once it is closed.
    pub pace: Option<PaceView>,
    pub status_counts: Vec<StatusCount>,
    /// Status breakdown (inline SVG).
    pub status_chart_svg: String,
    /// Per-team rollup bars of the teams shown (inline SVG).
    pub teams_chart_svg: String,
    /// The top-level objectives: those aligned to no objective of the same period (teams
    /// by name, "no team" last), the first of them; `all_objectives` is every objective.
    pub objectives: Vec<ObjectiveView>,
    pub all_objectives: More,
    /// Each team's rollup, teams by name, "no team" last: the first of them.
    pub teams: Vec<TeamRollup>,
    pub teams_more: More,
    /// At-risk key results and objectives; empty once the period is closed. On the
    /// dashboard, those of every other period holding the as-of date follow. The first.
    pub at_risk: Vec<RiskView>,
    pub at_risk_more: More,
    /// Key results whose owners owe a check-in, by owner (names in order, "no owner" last);
    /// on the dashboard, of every period holding the as-of date. The first of them.
    pub checkins_due: Vec<DueGroup>,
    pub checkins_due_more: More,
    pub latest_checkins: Vec<CheckinView>,
}

/// A band with how many objectives fall in it.
#[derive(Clone, Debug, Serialize)]
pub struct BandCount {
    pub key: String,
    pub label: String,
    pub count: usize,
}

/// An objective carried into later periods, with its continuations.
#[derive(Clone, Debug, Serialize)]
pub struct CarriedView {
    pub objective: ObjectiveLink,
    pub carried_to: Vec<ObjectiveLink>,
}

/// The review of a closed period: `periods/ID/review/`.
#[derive(Clone, Debug, Serialize)]
pub struct ReviewView {
    pub period: PeriodLink,
    /// How many of its objectives fall in each band: green, yellow, red.
    pub band_counts: Vec<BandCount>,
    /// Committed objectives done, out of all committed ones.
    pub committed_done: usize,
    pub committed_total: usize,
    /// How many objectives are aspirational, and the mean of their grades by weight.
    pub aspirational_total: usize,
    pub aspirational_mean: Option<GradeView>,
    /// The objectives of this page of the review (teams by name, "no team" last), with
    /// their key results; `objectives_total` in all, over every page.
    pub objectives: Vec<ObjectiveView>,
    pub objectives_total: usize,
    /// How many objectives of the period have a `review:`.
    pub reviewed_count: usize,
    /// Objectives of this page carried into a later period.
    pub carried: Vec<CarriedView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StrategyView {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct OrgView {
    pub name: Option<String>,
    pub mission: Option<String>,
    pub vision: Option<String>,
    pub strategies: Vec<StrategyView>,
    pub body_html: String,
}

/// A node of the alignment tree.
/// One row of the alignment tree, in the order the page shows them. The tree is given flat,
/// each row with its depth, so that a template draws it with one loop (no recursion): after
/// a row with `has_children` its children follow, one level deeper; after a row without,
/// `close` levels end.
#[derive(Clone, Debug, Serialize)]
pub struct TreeRow {
    pub objective: ObjectiveLink,
    pub owner: Option<Link>,
    /// 0 for a row at the top of its section.
    pub depth: usize,
    /// The anchor of the objective's place (`o-ID`), on the one row that shows it in full
    /// (and on the top row of a subtree's own page); null on the others.
    pub anchor: Option<String>,
    /// Set where the objective was already shown (it aligns to several parents): the URL of
    /// that place, for a "see above" link. Its children are not repeated.
    pub seen_url: Option<String>,
    /// Set where the tree is cut: its children are on a page of their own, at this URL.
    pub more_url: Option<String>,
    /// How many objectives align to it directly (in this build).
    pub children_count: usize,
    /// Its children's rows follow.
    pub has_children: bool,
    /// How many levels end after this row.
    pub close: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct StrategyTree {
    pub strategy: StrategyView,
    pub rows: Vec<TreeRow>,
}

/// The page of a subtree cut from the page above it.
#[derive(Clone, Debug, Serialize)]
pub struct SubtreeView {
    pub objective: ObjectiveLink,
    /// Its place on the page above.
    pub up_url: String,
    /// The subtree: its root first.
    pub rows: Vec<TreeRow>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AlignmentView {
    pub strategies: Vec<StrategyTree>,
    /// Top-level objectives that align to no strategy.
    pub unaligned: Vec<TreeRow>,
    /// Set on an objective's own page (`alignment/ID/`): then the lists above are empty.
    pub subtree: Option<SubtreeView>,
    /// How many levels one page shows.
    pub depth_limit: usize,
    /// Set when this list of roots (or of an objective's children) takes several pages.
    pub pagination: Option<Pagination>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TeamPeriod {
    pub period: PeriodLink,
    /// The rollup of the team's own objectives (none when it has none in the period).
    pub progress: Option<Fraction>,
    /// The rollup of its objectives and those of every team below it.
    pub with_subteams: Fraction,
    /// In a closed period: the mean grade of its own objectives, and with its sub-teams'.
    pub grade: Option<GradeView>,
    pub grade_with_subteams: Option<GradeView>,
    /// Its own objectives: the first of them; the rest are on its full list.
    pub objectives: Vec<ObjectiveView>,
    pub objectives_more: More,
    /// Its direct sub-teams with objectives (theirs or below) in the period: the first.
    pub sub_teams: Vec<SubTeamRollup>,
    pub sub_teams_more: More,
}

/// A direct sub-team's rollups in one period.
#[derive(Clone, Debug, Serialize)]
pub struct SubTeamRollup {
    pub team: Link,
    /// The rollup of its own objectives (none when it has none in the period).
    pub progress: Option<Fraction>,
    /// The rollup with every team below it.
    pub with_subteams: Fraction,
}

#[derive(Clone, Debug, Serialize)]
pub struct TeamView {
    pub id: String,
    pub name: String,
    pub url: String,
    pub parent: Option<Link>,
    pub lead: Option<Link>,
    /// Its direct sub-teams and its members: the first of them.
    pub sub_teams: Vec<Link>,
    pub sub_teams_more: More,
    pub members: Vec<Link>,
    pub members_more: More,
    pub periods: Vec<TeamPeriod>,
    pub body_html: String,
    /// Rollup per period (inline SVG bars).
    pub chart_svg: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct PersonView {
    pub id: String,
    pub name: String,
    pub url: String,
    pub team: Option<Link>,
    pub objectives: Vec<ObjectiveView>,
    pub key_results: Vec<KeyResultView>,
    /// The same objectives and key results by period, newest period first.
    pub periods: Vec<PersonPeriod>,
    /// The key results on which they owe a check-in (theirs, or their objectives' without an owner).
    pub checkins_due: Vec<DueView>,
    pub body_html: String,
}

/// A person's objectives and key results of one period.
#[derive(Clone, Debug, Serialize)]
pub struct PersonPeriod {
    pub period: PeriodLink,
    pub objectives: Vec<ObjectiveView>,
    pub key_results: Vec<KeyResultView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub previous_url: Option<String>,
    pub next_url: Option<String>,
    pub pages: Vec<PageLink>,
}

#[derive(Clone, Debug, Serialize)]
pub struct FreePageView {
    pub title: String,
    pub slug: String,
    pub body_html: String,
}

/// Entries of the navigation bar.
#[derive(Clone, Debug, Serialize)]
pub struct NavItem {
    pub key: String,
    pub label: String,
    pub url: String,
    pub active: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct TeamSummary {
    pub team: Link,
    pub parent: Option<Link>,
    pub objective_count: usize,
    /// Progress in the current period, if the team has objectives there.
    pub progress: Option<Fraction>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PersonSummary {
    pub person: Link,
    pub team: Option<Link>,
    pub objective_count: usize,
    pub key_result_count: usize,
}
