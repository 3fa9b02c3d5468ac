//! What templates see: plain, serialisable views of the site with every figure already
//! formatted for the site's language and every link already relative to the page.
//! docs/themes.md documents these for theme authors; keep the two in step.

use serde::Serialize;
use std::sync::Arc;

/// A link to a page: its text and its URL relative to the current page.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Link {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) url: String,
}

/// A figure between 0 and 1 (progress, expected pace) with its display forms.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Fraction {
    /// The fraction itself, e.g. 0.5.
    pub(crate) value: f64,
    /// Rounded percentage for display, e.g. "50%".
    pub(crate) percent: String,
    /// Whole percentage clamped to 0–100, for widths in CSS, e.g. 50.
    pub(crate) width: u32,
}

/// A status with its key (`on_track` …, for CSS classes) and its label in the site's language.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct StatusView {
    pub(crate) key: String,
    pub(crate) label: String,
}

/// A grade of a closed period, 0 to 1, with its band: shown as the number and the band's
/// word ("0.72 · green"), never by colour alone.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct GradeView {
    pub(crate) value: f64,
    /// Two decimals, e.g. "0.72".
    pub(crate) display: String,
    /// `red`, `yellow` or `green` (for CSS classes).
    pub(crate) band: String,
    /// The band's word in the site's language ("green" / "绿").
    pub(crate) band_label: String,
    /// The number and the word, e.g. "0.72 · green".
    pub(crate) label: String,
}

/// A confidence from 0 to 10 with a level for colouring: `low` (≤ 3), `mid` (4–6), `high` (≥ 7).
#[derive(Clone, Debug, Serialize)]
pub(crate) struct ConfidenceView {
    pub(crate) value: u8,
    pub(crate) level: String,
    /// e.g. "7/10" (no space: a confidence is read as one figure, in both languages)
    pub(crate) label: String,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct TaskView {
    pub(crate) title: String,
    pub(crate) done: bool,
}

/// One check-in update.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct CheckinView {
    /// Its day, ISO (`2024-05-15`), and formatted ("May 15, 2024").
    pub(crate) date: String,
    pub(crate) date_display: String,
    /// Its local time of day as written, `HH:MM` ("10:15"); none for a date alone.
    pub(crate) time: Option<String>,
    /// For `<time datetime>`: the date, with its time where it has one (`2024-05-15T10:15`).
    pub(crate) datetime: String,
    /// The value as shown, with its unit ("55%", "¥131,000", "done").
    pub(crate) value_display: String,
    pub(crate) confidence: Option<ConfidenceView>,
    /// The author's name, linked when a people/ file defines them.
    pub(crate) author: Option<Link>,
    /// The rendered, sanitised Markdown notes (may be empty).
    pub(crate) note_html: Arc<str>,
    /// On an objective page, when a check-in file updates several of its key results: the
    /// key result above whose history shows the note, which is then left out here.
    pub(crate) note_with: Option<Link>,
    /// The file it was written in, relative to the site root.
    pub(crate) source: Arc<str>,
    /// The key result it updates, and that key result's objective.
    pub(crate) key_result: Link,
    pub(crate) objective: Link,
    /// Whether that objective is a draft.
    pub(crate) draft: bool,
}

/// A free field as an objective page shows it: its key, and its value as text.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct ExtraField {
    pub(crate) key: String,
    pub(crate) value: String,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct KeyResultView {
    /// Full id `objective/kr`.
    pub(crate) id: String,
    /// The HTML id of its section on the objective page.
    pub(crate) anchor: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) owner: Option<Link>,
    pub(crate) metric: String,
    pub(crate) metric_label: String,
    pub(crate) unit: Option<String>,
    pub(crate) weight: f64,
    /// The weight as shown ("1", "0.5").
    pub(crate) weight_display: String,
    /// Display forms with unit; empty where the metric has none (a milestone has neither
    /// start nor target: its `current_display` is its state, "Done" / "Not done").
    pub(crate) start_display: String,
    pub(crate) target_display: String,
    pub(crate) current_display: String,
    pub(crate) progress: Fraction,
    /// Unclamped progress as a percentage, e.g. "110%" when over-achieved.
    pub(crate) raw_percent: String,
    pub(crate) over_achieved: bool,
    pub(crate) confidence: Option<ConfidenceView>,
    pub(crate) at_risk: bool,
    pub(crate) status: StatusView,
    /// Its grade, in a closed period.
    pub(crate) grade: Option<GradeView>,
    /// Whether that grade was written by hand (`grade:`) rather than taken from progress.
    pub(crate) hand_graded: bool,
    /// Whether its owner owes a check-in (a running period, not done, none for too long).
    pub(crate) checkin_due: bool,
    /// Its latest check-in on or before the as-of date, if any.
    pub(crate) last_checkin: Option<DateView>,
    pub(crate) tasks: Vec<TaskView>,
    /// Burn-up chart (inline SVG), on objective pages only.
    pub(crate) chart_svg: String,
    /// Check-ins on or before the as-of date, newest first.
    pub(crate) checkins: Vec<CheckinView>,
    /// The objective it belongs to.
    pub(crate) objective: Link,
    /// Whether that objective is a draft.
    pub(crate) draft: bool,
}

/// A short view of an objective for lists and trees.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct ObjectiveLink {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) period: String,
    pub(crate) progress: Fraction,
    pub(crate) status: StatusView,
    /// Its grade, in a closed period.
    pub(crate) grade: Option<GradeView>,
    pub(crate) draft: bool,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct ObjectiveView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) period: Link,
    pub(crate) owner: Option<Link>,
    pub(crate) team: Option<Link>,
    pub(crate) commitment: String,
    pub(crate) commitment_label: String,
    pub(crate) weight: f64,
    /// The weight as shown ("1", "0.5").
    pub(crate) weight_display: String,
    pub(crate) draft: bool,
    pub(crate) progress: Fraction,
    pub(crate) expected: Fraction,
    pub(crate) status: StatusView,
    /// Its grade, in a closed period.
    pub(crate) grade: Option<GradeView>,
    pub(crate) confidence: Option<ConfidenceView>,
    pub(crate) at_risk: bool,
    /// Objectives it aligns to, and strategies it aligns to.
    pub(crate) parents: Vec<ObjectiveLink>,
    pub(crate) strategies: Vec<Link>,
    /// Objectives aligned to it: the first `views::CHILDREN_SHOWN` of them.
    pub(crate) children: Vec<ObjectiveLink>,
    /// How many objectives align to it, and where the alignment tree lists them all.
    pub(crate) children_total: usize,
    pub(crate) children_url: Option<String>,
    pub(crate) body_html: String,
    /// Its `review:`, rendered and sanitised (empty without one).
    pub(crate) review_html: String,
    /// The objective of an earlier period it continues, and those that continue it in
    /// later periods (drafts left out of the build are skipped).
    pub(crate) carried_from: Option<ObjectiveLink>,
    pub(crate) carried_to: Vec<ObjectiveLink>,
    /// A small progress-over-time line for lists.
    pub(crate) sparkline_svg: String,
    /// Progress over time (inline SVG), on objective pages only.
    pub(crate) chart_svg: String,
    pub(crate) key_results: Vec<KeyResultView>,
    /// Free fields from `extra:` in its front matter.
    pub(crate) extra: serde_json::Value,
    /// The free fields okrs.yaml's `show_extra:` names, in its order, that it has.
    pub(crate) extra_shown: Vec<ExtraField>,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct StatusCount {
    pub(crate) key: String,
    pub(crate) label: String,
    pub(crate) count: usize,
}

/// The rollup of one team's objectives in one period.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct TeamRollup {
    /// None for objectives without a team.
    pub(crate) team: Option<Link>,
    pub(crate) objective_count: usize,
    pub(crate) progress: Fraction,
    /// In a closed period, the mean grade of these objectives (by weight).
    pub(crate) grade: Option<GradeView>,
}

/// Where a list cut short continues: how many items it has in all, how many the page
/// shows, and its full, paginated list (`url` is empty when nothing was cut).
#[derive(Clone, Debug, Serialize)]
pub(crate) struct More {
    pub(crate) total: usize,
    pub(crate) shown: usize,
    pub(crate) url: String,
}

/// An objective in a full list: with its team and owner.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct ObjectiveRow {
    pub(crate) objective: ObjectiveLink,
    pub(crate) team: Option<Link>,
    pub(crate) owner: Option<Link>,
}

/// An at-risk key result or objective (confidence ≤ 3).
#[derive(Clone, Debug, Serialize)]
pub(crate) struct RiskView {
    /// `objective` or `key_result`.
    pub(crate) kind: String,
    pub(crate) title: String,
    pub(crate) url: String,
    /// For a key result, its objective's title.
    pub(crate) objective_title: Option<String>,
    /// Its period, when it is not the period of the page (the dashboard lists those of
    /// every period holding the as-of date: a running year's beside the quarter's).
    pub(crate) period: Option<Link>,
    pub(crate) owner: Option<Link>,
    pub(crate) confidence: Option<ConfidenceView>,
    pub(crate) status: StatusView,
    pub(crate) progress: Fraction,
    /// Whether the objective (of the key result) is a draft.
    pub(crate) draft: bool,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct PeriodLink {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) url: String,
    pub(crate) start_display: String,
    pub(crate) end_display: String,
    /// `upcoming`, `running` or `closed`, with its label.
    pub(crate) state: StatusView,
    pub(crate) progress: Fraction,
    pub(crate) expected: Fraction,
    /// The period's status, by the same rules as an objective's.
    pub(crate) status: StatusView,
    /// Its grade, once closed.
    pub(crate) grade: Option<GradeView>,
    /// Its review page, once closed.
    pub(crate) review_url: Option<String>,
    pub(crate) objective_count: usize,
    /// The period holding the as-of date (or the latest).
    pub(crate) current: bool,
}

/// A running period's verdict on its pace, from its status: `ahead`, `even`, `behind`,
/// `done`, `no_data` or `upcoming`, with its sentence.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct PaceView {
    pub(crate) key: String,
    pub(crate) label: String,
}

/// A check-in's date, ISO and formatted, and its time of day where it has one.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct DateView {
    pub(crate) date: String,
    pub(crate) display: String,
    /// Its local time of day as written, `HH:MM` ("10:15"); none for a date alone.
    pub(crate) time: Option<String>,
    /// For `<time datetime>`: the date, with its time where it has one (`2024-05-15T10:15`).
    pub(crate) datetime: String,
}

/// A key result whose owner owes a check-in.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct DueView {
    pub(crate) key_result: Link,
    pub(crate) objective: Link,
    /// Its period, when it is not the period of the page (on the dashboard, the current
    /// period; on a person's page, the current period too).
    pub(crate) period: Option<Link>,
    /// Its latest check-in; none when it never had one.
    pub(crate) last_checkin: Option<DateView>,
    /// Whether its objective is a draft.
    pub(crate) draft: bool,
}

/// The due check-ins of one owner: the key result's owner, else its objective's.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct DueGroup {
    /// None for key results with no owner at all.
    pub(crate) owner: Option<Link>,
    pub(crate) items: Vec<DueView>,
}

/// A dashboard: the root page for the current period, and `periods/ID/` for each.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct PeriodView {
    pub(crate) period: PeriodLink,
    /// The pace verdict of a running (or upcoming) period; none once it is closed.
    pub(crate) pace: Option<PaceView>,
    pub(crate) status_counts: Vec<StatusCount>,
    /// Status breakdown (inline SVG).
    pub(crate) status_chart_svg: String,
    /// Per-team rollup bars of the teams shown (inline SVG).
    pub(crate) teams_chart_svg: String,
    /// The top-level objectives: those aligned to no objective of the same period (teams
    /// by name, "no team" last), the first of them; `all_objectives` is every objective.
    pub(crate) objectives: Vec<ObjectiveView>,
    pub(crate) all_objectives: More,
    /// Each team's rollup, teams by name, "no team" last: the first of them.
    pub(crate) teams: Vec<TeamRollup>,
    pub(crate) teams_more: More,
    /// At-risk key results and objectives; empty once the period is closed. On the
    /// dashboard, those of every other period holding the as-of date follow. The first.
    pub(crate) at_risk: Vec<RiskView>,
    pub(crate) at_risk_more: More,
    /// Key results whose owners owe a check-in, by owner (names in order, "no owner" last);
    /// on the dashboard, of every period holding the as-of date. The first of them.
    pub(crate) checkins_due: Vec<DueGroup>,
    pub(crate) checkins_due_more: More,
    pub(crate) latest_checkins: Vec<CheckinView>,
}

/// A band with how many objectives fall in it.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct BandCount {
    pub(crate) key: String,
    pub(crate) label: String,
    pub(crate) count: usize,
}

/// An objective carried into later periods, with its continuations.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct CarriedView {
    pub(crate) objective: ObjectiveLink,
    pub(crate) carried_to: Vec<ObjectiveLink>,
}

/// The review of a closed period: `periods/ID/review/`.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct ReviewView {
    pub(crate) period: PeriodLink,
    /// How many of its objectives fall in each band: green, yellow, red.
    pub(crate) band_counts: Vec<BandCount>,
    /// Committed objectives done, out of all committed ones.
    pub(crate) committed_done: usize,
    pub(crate) committed_total: usize,
    /// How many objectives are aspirational, and the mean of their grades by weight.
    pub(crate) aspirational_total: usize,
    pub(crate) aspirational_mean: Option<GradeView>,
    /// The objectives of this page of the review (teams by name, "no team" last), with
    /// their key results; `objectives_total` in all, over every page.
    pub(crate) objectives: Vec<ObjectiveView>,
    pub(crate) objectives_total: usize,
    /// How many objectives of the period have a `review:`.
    pub(crate) reviewed_count: usize,
    /// Objectives of this page carried into a later period.
    pub(crate) carried: Vec<CarriedView>,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct StrategyView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) description: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct OrgView {
    pub(crate) name: Option<String>,
    pub(crate) mission: Option<String>,
    pub(crate) vision: Option<String>,
    pub(crate) strategies: Vec<StrategyView>,
    pub(crate) body_html: String,
    /// Free fields from `extra:` in org.md's front matter (null without).
    pub(crate) extra: serde_json::Value,
}

/// A node of the alignment tree.
/// One row of the alignment tree, in the order the page shows them. The tree is given flat,
/// each row with its depth, so that a template draws it with one loop (no recursion): after
/// a row with `has_children` its children follow, one level deeper; after a row without,
/// `close` levels end.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct TreeRow {
    pub(crate) objective: ObjectiveLink,
    pub(crate) owner: Option<Link>,
    /// 0 for a row at the top of its section.
    pub(crate) depth: usize,
    /// The anchor of the objective's place (`o-ID`), on the one row that shows it in full
    /// (and on the top row of a subtree's own page); null on the others.
    pub(crate) anchor: Option<String>,
    /// Set where the objective was already shown (it aligns to several parents): the URL of
    /// that place, for a "see above" link. Its children are not repeated.
    pub(crate) seen_url: Option<String>,
    /// Set where the tree is cut: its children are on a page of their own, at this URL.
    pub(crate) more_url: Option<String>,
    /// How many objectives align to it directly (in this build).
    pub(crate) children_count: usize,
    /// Its children's rows follow.
    pub(crate) has_children: bool,
    /// How many levels end after this row.
    pub(crate) close: usize,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct StrategyTree {
    pub(crate) strategy: StrategyView,
    pub(crate) rows: Vec<TreeRow>,
}

/// The page of a subtree cut from the page above it.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct SubtreeView {
    pub(crate) objective: ObjectiveLink,
    /// Its place on the page above.
    pub(crate) up_url: String,
    /// The subtree: its root first.
    pub(crate) rows: Vec<TreeRow>,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct AlignmentView {
    pub(crate) strategies: Vec<StrategyTree>,
    /// Top-level objectives that align to no strategy.
    pub(crate) unaligned: Vec<TreeRow>,
    /// Set on an objective's own page (`alignment/ID/`): then the lists above are empty.
    pub(crate) subtree: Option<SubtreeView>,
    /// How many levels one page shows.
    pub(crate) depth_limit: usize,
    /// Set when this list of roots (or of an objective's children) takes several pages.
    pub(crate) pagination: Option<Pagination>,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct TeamPeriod {
    pub(crate) period: PeriodLink,
    /// The rollup of the team's own objectives (none when it has none in the period).
    pub(crate) progress: Option<Fraction>,
    /// The rollup of its objectives and those of every team below it.
    pub(crate) with_subteams: Fraction,
    /// In a closed period: the mean grade of its own objectives, and with its sub-teams'.
    pub(crate) grade: Option<GradeView>,
    pub(crate) grade_with_subteams: Option<GradeView>,
    /// Its own objectives: the first of them; the rest are on its full list.
    pub(crate) objectives: Vec<ObjectiveView>,
    pub(crate) objectives_more: More,
    /// Its direct sub-teams with objectives (theirs or below) in the period: the first.
    pub(crate) sub_teams: Vec<SubTeamRollup>,
    pub(crate) sub_teams_more: More,
}

/// A direct sub-team's rollups in one period.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct SubTeamRollup {
    pub(crate) team: Link,
    /// The rollup of its own objectives (none when it has none in the period).
    pub(crate) progress: Option<Fraction>,
    /// The rollup with every team below it.
    pub(crate) with_subteams: Fraction,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct TeamView {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) url: String,
    pub(crate) parent: Option<Link>,
    pub(crate) lead: Option<Link>,
    /// Its direct sub-teams and its members: the first of them.
    pub(crate) sub_teams: Vec<Link>,
    pub(crate) sub_teams_more: More,
    pub(crate) members: Vec<Link>,
    pub(crate) members_more: More,
    pub(crate) periods: Vec<TeamPeriod>,
    pub(crate) body_html: String,
    /// Rollup per period (inline SVG bars).
    pub(crate) chart_svg: String,
    /// Free fields from `extra:` in the team's file (null without one).
    pub(crate) extra: serde_json::Value,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct PersonView {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) url: String,
    pub(crate) team: Option<Link>,
    pub(crate) objectives: Vec<ObjectiveView>,
    pub(crate) key_results: Vec<KeyResultView>,
    /// The same objectives and key results by period, newest period first.
    pub(crate) periods: Vec<PersonPeriod>,
    /// The key results on which they owe a check-in (theirs, or their objectives' without an owner).
    pub(crate) checkins_due: Vec<DueView>,
    pub(crate) body_html: String,
    /// Free fields from `extra:` in the person's file (null without one).
    pub(crate) extra: serde_json::Value,
}

/// A person's objectives and key results of one period.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct PersonPeriod {
    pub(crate) period: PeriodLink,
    pub(crate) objectives: Vec<ObjectiveView>,
    pub(crate) key_results: Vec<KeyResultView>,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct PageLink {
    pub(crate) number: usize,
    pub(crate) url: String,
    pub(crate) current: bool,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct Pagination {
    pub(crate) current: usize,
    pub(crate) total: usize,
    pub(crate) previous_url: Option<String>,
    pub(crate) next_url: Option<String>,
    pub(crate) pages: Vec<PageLink>,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct FreePageView {
    pub(crate) title: String,
    pub(crate) slug: String,
    pub(crate) body_html: String,
    /// Free fields from `extra:` in the page's front matter.
    pub(crate) extra: serde_json::Value,
}

/// Entries of the navigation bar.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct NavItem {
    pub(crate) key: String,
    pub(crate) label: String,
    pub(crate) url: String,
    pub(crate) active: bool,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct TeamSummary {
    pub(crate) team: Link,
    pub(crate) parent: Option<Link>,
    pub(crate) objective_count: usize,
    /// Progress in the current period, if the team has objectives there.
    pub(crate) progress: Option<Fraction>,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct PersonSummary {
    pub(crate) person: Link,
    pub(crate) team: Option<Link>,
    pub(crate) objective_count: usize,
    pub(crate) key_result_count: usize,
}
