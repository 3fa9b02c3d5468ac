//! What the lints say, and the date-dependent `grade-too-early` error.

crate::messages! {
    LINT_MAX_KEY_RESULTS {
        en: "objective '{id}' has {n} key results; keep to the {max} that matter most",
        zh: "目标「{id}」有 {n} 个关键结果；只保留最重要的 {max} 个",
    }
    LINT_OBJECTIVE_ALIGNED {
        en: "objective '{id}' aligns to nothing: give `aligns_to` a strategy or a parent objective",
        zh: "目标「{id}」没有对齐到任何战略或目标：请在 `aligns_to` 中写一个战略或上级目标",
    }
    LINT_OBJECTIVE_EMPTY {
        en: "objective '{id}' has no key results and no objective aligns to it",
        zh: "目标「{id}」既没有关键结果，也没有目标对齐到它",
    }
    LINT_COMMITTED_MISSED {
        en: "committed objective '{id}' ended with period {period} at {progress}% progress; committed means done (write a `review:` on what happened)",
        zh: "承诺型目标「{id}」在周期 {period} 结束时进度为 {progress}%；承诺型目标就是要完成（请在 `review:` 中复盘发生了什么）",
    }
    LINT_TOO_EASY {
        en: "aspirational objective '{id}' was complete on {day}, in the first half of {period}: aim higher",
        zh: "挑战型目标「{id}」在 {day} 就已完成，还在 {period} 的前半段：目标可以定得更高",
    }
    LINT_KR_OWNER {
        en: "key result '{id}' has no owner: someone must keep pushing and checking it",
        zh: "关键结果「{id}」没有负责人：需要有人持续推进并跟进它",
    }
    LINT_KR_MEASURABLE {
        en: "key result '{id}' has no target: it reads as a task; describe a result to reach (or say `metric: milestone`)",
        zh: "关键结果「{id}」没有目标值（`target`）：读起来像一项任务；请描述要达成的结果（或写 `metric: milestone`）",
    }
    LINT_KR_DIRECTION {
        en: "key result '{id}' has no `start`, so it is measured upwards from 0, but its first check-in ({first}) is already past its target ({target}): if it should come down to {target}, write `start: {first}` (the baseline) and `metric: decrease`",
        zh: "关键结果「{id}」没有 `start`，因此从 0 向上计算，但它的第一次进展更新（{first}）已经超过目标值（{target}）：如果它应当降到 {target}，请写 `start: {first}`（基线）和 `metric: decrease`",
    }
    LINT_KR_NO_CHECKINS {
        en: "key result '{id}' has no check-in yet, {days} days into {period}",
        zh: "关键结果「{id}」还没有进展更新，{period} 已经过去 {days} 天",
    }
    LINT_STALE_CHECKIN {
        en: "key result '{id}' was last checked in on {date}, {days} days before {as_of} (more than {max})",
        zh: "关键结果「{id}」最近一次进展更新在 {date}，距 {as_of} 已有 {days} 天（超过 {max} 天）",
    }
    LINT_GRADE_TOO_EARLY {
        en: "key result '{id}' has a `grade`, but {period} is running until {end}: grade it once the period has closed",
        zh: "关键结果「{id}」写了 `grade`，但 {period} 正在进行，到 {end} 才结束：请在周期结束后再评分",
    }
    LINT_GRADE_TOO_EARLY_UPCOMING {
        en: "key result '{id}' has a `grade`, but {period} is upcoming: it starts on {start} and ends on {end}; grade it once the period has closed",
        zh: "关键结果「{id}」写了 `grade`，但 {period} 未开始：{start} 才开始，到 {end} 结束；请在周期结束后再评分",
    }
    LINT_UNKNOWN_PERSON {
        en: "no file in people/ defines the person '{name}'{hint}",
        zh: "people/ 中没有文件定义成员「{name}」{hint}",
    }
    LINT_FEED_BASE_URL {
        en: "okrs.yaml has no `base_url`, so the links of feed.xml are relative: a feed reader that is handed the file (not its address) cannot follow them; write the address the site is published at, such as `base_url: https://okrs.example.com/`",
        zh: "okrs.yaml 没有写 `base_url`，feed.xml 中的链接因此是相对地址：拿到的是文件（而不是其网址）的订阅阅读器无法打开这些链接；请写上站点发布的地址，例如 `base_url: https://okrs.example.com/`",
    }
    LINT_UNKNOWN_TEAM {
        en: "no file in teams/ defines the team '{name}'{hint}",
        zh: "teams/ 中没有文件定义团队「{name}」{hint}",
    }
}
