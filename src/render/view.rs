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

/// A confidence from 0 to 10 with a level for colouring: `low` (≤ 3), `mid` (4–6), `high` (≥ 7).
#[derive(Clone, Debug, Serialize)]
pub struct ConfidenceView {
    pub value: u8,
    pub level: String,
    /// e.g. "7 /10"
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
    pub date: String,
    pub date_display: String,
    /// The value as shown, with its unit ("55%", "¥131,000", "done").
    pub value_display: String,
    pub confidence: Option<ConfidenceView>,
    /// The author's name, linked when a people/ file defines them.
    pub author: Option<Link>,
    /// The rendered, sanitised Markdown notes (may be empty).
    pub note_html: String,
    /// The file it was written in, relative to the site root.
    pub source: String,
    /// The key result it updates, and that key result's objective.
    pub key_result: Link,
    pub objective: Link,
    /// Whether that objective is a draft.
    pub draft: bool,
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
    /// Display forms with unit; empty where the metric has none.
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
    pub confidence: Option<ConfidenceView>,
    pub at_risk: bool,
    /// Objectives it aligns to, and strategies it aligns to.
    pub parents: Vec<ObjectiveLink>,
    pub strategies: Vec<Link>,
    /// Objectives aligned to it.
    pub children: Vec<ObjectiveLink>,
    pub body_html: String,
    /// A small progress-over-time line for lists.
    pub sparkline_svg: String,
    /// Progress over time (inline SVG), on objective pages only.
    pub chart_svg: String,
    pub key_results: Vec<KeyResultView>,
    /// Free fields from `extra:` in its front matter.
    pub extra: serde_json::Value,
}

#[derive(Clone, Debug, Serialize)]
pub struct StatusCount {
    pub key: String,
    pub label: String,
    pub count: usize,
}

/// Objectives of one team in one period.
#[derive(Clone, Debug, Serialize)]
pub struct TeamGroup {
    /// None for objectives without a team.
    pub team: Option<Link>,
    pub progress: Fraction,
    pub objectives: Vec<ObjectiveView>,
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
    pub progress: Fraction,
    pub expected: Fraction,
    pub objective_count: usize,
    /// The period holding the as-of date (or the latest).
    pub current: bool,
}

/// A dashboard: the root page for the current period, and `periods/ID/` for each.
#[derive(Clone, Debug, Serialize)]
pub struct PeriodView {
    pub period: PeriodLink,
    pub status_counts: Vec<StatusCount>,
    /// Status breakdown (inline SVG).
    pub status_chart_svg: String,
    /// Per-team rollup bars (inline SVG).
    pub teams_chart_svg: String,
    /// Objectives by team, teams by name, "no team" last.
    pub groups: Vec<TeamGroup>,
    pub at_risk: Vec<RiskView>,
    pub latest_checkins: Vec<CheckinView>,
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
#[derive(Clone, Debug, Serialize)]
pub struct TreeNode {
    pub objective: ObjectiveLink,
    pub owner: Option<Link>,
    pub children: Vec<TreeNode>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StrategyTree {
    pub strategy: StrategyView,
    pub objectives: Vec<TreeNode>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AlignmentView {
    pub strategies: Vec<StrategyTree>,
    /// Top-level objectives that align to no strategy.
    pub unaligned: Vec<TreeNode>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TeamPeriod {
    pub period: PeriodLink,
    pub progress: Fraction,
    pub objectives: Vec<ObjectiveView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TeamView {
    pub id: String,
    pub name: String,
    pub url: String,
    pub parent: Option<Link>,
    pub lead: Option<Link>,
    pub sub_teams: Vec<Link>,
    pub members: Vec<Link>,
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
    pub body_html: String,
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
