//! Every rule a diagnostic can be raised under: the errors okrs always reports and the
//! lints of docs/checks.md, each with its name, default level and parameter. A rule is
//! named by this enum everywhere, so a misspelt rule cannot compile.

use serde::{Serialize, Serializer};

use crate::diagnostics::Severity;

macro_rules! rules {
    ($( $variant:ident = $name:literal, $severity:ident $(, $param:literal = $default:literal)? ;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub(crate) enum Rule {
            $( $variant, )*
        }

        impl Rule {
            /// Every rule, errors and lints, in the order above.
            pub(crate) const ALL: &'static [Rule] = &[ $( Rule::$variant, )* ];

            /// The name diagnostics and okrs.yaml use (`unknown-reference`, `kr-owner`).
            pub(crate) fn name(self) -> &'static str {
                match self {
                    $( Rule::$variant => $name, )*
                }
            }

            /// The level it is raised at unless okrs.yaml says otherwise.
            pub(crate) fn default_severity(self) -> Severity {
                match self {
                    $( Rule::$variant => Severity::$severity, )*
                }
            }

            /// The name and default value of the rule's parameter, for lints that have one.
            pub(crate) fn param(self) -> Option<(&'static str, f64)> {
                match self {
                    $( Rule::$variant => rules!(@param $($param = $default)?), )*
                }
            }
        }
    };
    (@param $param:literal = $default:literal) => { Some(($param, $default)) };
    (@param) => { None };
}

rules! {
    // Errors: the content cannot be read, or contradicts itself.
    Io = "io", Error;
    FrontMatter = "front-matter", Error;
    YamlSyntax = "yaml-syntax", Error;
    UnknownKind = "unknown-kind", Error;
    WrongKind = "wrong-kind", Error;
    Type = "type", Error;
    UnknownKey = "unknown-key", Error;
    MissingField = "missing-field", Error;
    InvalidValue = "invalid-value", Error;
    DuplicateId = "duplicate-id", Error;
    UnknownReference = "unknown-reference", Error;
    AlignmentCycle = "alignment-cycle", Error;
    TeamCycle = "team-cycle", Error;
    TargetEqualsStart = "target-equals-start", Error;
    MissingStart = "missing-start", Error;
    CheckinMismatch = "checkin-mismatch", Error;
    ConfidenceRange = "confidence-range", Error;
    GradeRange = "grade-range", Error;
    GradeTooEarly = "grade-too-early", Error;
    CarryPeriod = "carry-period", Error;
    Template = "template", Error;
    // Lints: advice from the methodology, warnings unless okrs.yaml says otherwise.
    MaxKeyResults = "max-key-results", Warning, "max" = 5.0;
    KrOwner = "kr-owner", Warning;
    KrMeasurable = "kr-measurable", Warning;
    KrDirection = "kr-direction", Warning;
    KrNoCheckins = "kr-no-checkins", Warning;
    StaleCheckin = "stale-checkin", Warning, "days" = 14.0;
    ObjectiveAligned = "objective-aligned", Warning;
    ObjectiveEmpty = "objective-empty", Warning;
    TooEasy = "too-easy", Warning;
    CommittedMissed = "committed-missed", Warning;
    UnknownPerson = "unknown-person", Warning;
    UnknownTeam = "unknown-team", Warning;
    FeedBaseUrl = "feed-base-url", Warning;
}

impl Rule {
    /// Whether okrs.yaml's `lints:` and an objective's `allow:` may set this rule's level.
    pub(crate) fn is_lint(self) -> bool {
        self.default_severity() == Severity::Warning
    }

    /// Whether a lint warns unless okrs.yaml says otherwise. `feed-base-url` does not: a
    /// site read only locally needs no address, so a site that publishes turns it on.
    pub(crate) fn is_on_by_default(self) -> bool {
        self != Rule::FeedBaseUrl
    }

    /// Every lint, in the order of docs/checks.md.
    pub(crate) fn lints() -> impl Iterator<Item = Rule> {
        Rule::ALL.iter().copied().filter(|r| r.is_lint())
    }

    /// The lint of that name.
    pub(crate) fn lint(name: &str) -> Option<Rule> {
        Rule::lints().find(|r| r.name() == name)
    }

    /// The names of every lint, for "did you mean" hints.
    pub(crate) fn lint_names() -> Vec<&'static str> {
        Rule::lints().map(Rule::name).collect()
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl PartialEq<&str> for Rule {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_lints_are_warnings() {
        let mut names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Rule::ALL.len());
        assert_eq!(Rule::lint("stale-checkin"), Some(Rule::StaleCheckin));
        assert_eq!(Rule::StaleCheckin.param(), Some(("days", 14.0)));
        assert_eq!(Rule::lint("unknown-reference"), None);
        assert!(!Rule::GradeTooEarly.is_lint());
    }
}
