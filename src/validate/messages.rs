//! What validation says: duplicate ids, references that name nothing, cycles, check-ins
//! that do not fit their key result, and names written with white space around them.

crate::messages! {
    // Lists of ids, joined one pair at a time: "a, b, c" / "a、b、c".
    VALIDATE_LIST { en: "{first}, {rest}", zh: "{first}、{rest}" }
    VALIDATE_NOTES { en: "{first}; {rest}", zh: "{first}；{rest}" }

    // What a file with errors left unchecked in other files (appended to its error).
    VALIDATE_UNCHECKED_ONE {
        en: "1 reference to {what} from another file was not checked",
        zh: "其他文件中有 1 处对{what}的引用未检查",
    }
    VALIDATE_UNCHECKED {
        en: "{n} references to {what} from other files were not checked",
        zh: "其他文件中有 {n} 处对{what}的引用未检查",
    }
    VALIDATE_THIS_OBJECTIVE { en: "this objective", zh: "此目标" }
    VALIDATE_ITS_KEY_RESULTS { en: "its key results", zh: "其关键结果" }
    VALIDATE_THIS_KEY_RESULT { en: "this key result", zh: "此关键结果" }
    VALIDATE_ITS_STRATEGIES { en: "its strategies", zh: "其战略" }
    VALIDATE_ITS_PERIODS { en: "its custom periods", zh: "其自定义周期" }
    VALIDATE_THIS_TEAM { en: "this team", zh: "此团队" }
    VALIDATE_THIS_PERSON { en: "this person", zh: "此成员" }

    // duplicate-id
    VALIDATE_SECOND_ORG {
        en: "a second org file; the organisation is already described in '{first}'",
        zh: "这是第二个 org 文件；组织已在「{first}」中描述",
    }
    VALIDATE_DUPLICATE_STRATEGY {
        en: "strategy id '{id}' is already used in '{file}'",
        zh: "战略 id「{id}」已在「{file}」中使用",
    }
    VALIDATE_DUPLICATE_OBJECTIVE {
        en: "id '{id}' is already used in '{file}' (line {line})",
        zh: "id「{id}」已在「{file}」（第 {line} 行）中使用",
    }
    VALIDATE_DUPLICATE_PAGE {
        en: "this page would be pages/{slug}/, like '{first}'",
        zh: "此页面会生成 pages/{slug}/，与「{first}」相同",
    }
    VALIDATE_DUPLICATE_PERIOD {
        en: "period '{id}' is defined twice",
        zh: "周期「{id}」定义了两次",
    }
    VALIDATE_DUPLICATE_TEAM {
        en: "team id '{id}' is already used in '{file}'",
        zh: "团队 id「{id}」已在「{file}」中使用",
    }
    VALIDATE_DUPLICATE_PERSON {
        en: "person id '{id}' is already used in '{file}'",
        zh: "成员 id「{id}」已在「{file}」中使用",
    }
    VALIDATE_DUPLICATE_KEY_RESULT {
        en: "key result id '{id}' is already used on line {line} of this objective",
        zh: "关键结果 id「{id}」已在此目标的第 {line} 行使用",
    }

    // unknown-reference
    VALIDATE_UNKNOWN_PERIOD {
        en: "period '{id}' is neither a calendar period (2024, 2024-H1, 2024-Q2) nor one of okrs.yaml's `periods`{hint}",
        zh: "周期「{id}」既不是日历周期（如 2024、2024-H1、2024-Q2），也不是 okrs.yaml 的 `periods` 中的周期{hint}",
    }
    VALIDATE_UNKNOWN_ALIGNS_TO {
        en: "aligns_to names '{id}', which no objective or strategy defines{hint}",
        zh: "`aligns_to` 写的「{id}」不是任何目标或战略的 id{hint}",
    }
    VALIDATE_ITS_OBJECTIVE {
        en: " (did you mean its objective '{objective}'?)",
        zh: "（是不是想写它所属的目标「{objective}」？）",
    }
    VALIDATE_UNKNOWN_CARRIED_FROM {
        en: "carried_from names '{id}', which no objective defines{hint}",
        zh: "`carried_from` 写的「{id}」不是任何目标的 id{hint}",
    }
    VALIDATE_UNKNOWN_KR {
        en: "kr names '{kr}', which {what}",
        zh: "`kr` 写的「{kr}」{what}",
    }
    VALIDATE_KR_LEFT_UNCHECKED {
        en: "the check-in lints of {ids} were not run",
        zh: "未对 {ids} 运行与进展更新有关的检查规则",
    }
    VALIDATE_KR_IS_EMPTY_OBJECTIVE {
        en: "is an objective, and it has no key results",
        zh: "是目标，不是关键结果，而且这个目标还没有关键结果",
    }
    VALIDATE_KR_IS_OBJECTIVE {
        en: "is an objective; its key results are {ids}",
        zh: "是目标，不是关键结果；它的关键结果有 {ids}",
    }
    VALIDATE_KR_NONE {
        en: "is no key result{hint}",
        zh: "不是任何关键结果{hint}",
    }
    VALIDATE_KR_SHARED_ID {
        en: "is no key result: key results of several objectives have the id '{id}': {ids}",
        zh: "不是完整的关键结果 id：有多个目标的关键结果都叫「{id}」：{ids}",
    }
    VALIDATE_KR_OBJECTIVE_HAS_NONE {
        en: "is no key result: '{objective}' has no key results",
        zh: "不是任何关键结果：目标「{objective}」还没有关键结果",
    }
    VALIDATE_KR_OF_OBJECTIVE {
        en: "is no key result; the key results of '{objective}' are {ids}",
        zh: "不是任何关键结果；目标「{objective}」的关键结果有 {ids}",
    }
    VALIDATE_KR_FORM {
        en: "is no key result (write OBJECTIVE/KR, e.g. '{example}')",
        zh: "不是任何关键结果（请写「目标 id/关键结果 id」，例如「{example}」）",
    }
    VALIDATE_KR_SITE_HAS_NONE {
        en: "is no key result, and the site has no key results yet",
        zh: "不是任何关键结果，而且站点还没有任何关键结果",
    }

    // alignment-cycle, team-cycle, carry-period
    VALIDATE_ALIGNS_TO_ITSELF {
        en: "objective '{id}' aligns to itself",
        zh: "目标「{id}」对齐到了自己",
    }
    VALIDATE_ALIGNMENT_CYCLE {
        en: "objectives align to each other in a cycle: {path}",
        zh: "目标之间循环对齐：{path}",
    }
    VALIDATE_TEAM_CYCLE {
        en: "teams are each other's parents in a cycle: {path}",
        zh: "团队之间循环互为上级团队：{path}",
    }
    VALIDATE_CARRY_PERIOD {
        en: "objective '{id}' of {period} is carried from '{from}' of {from_period}, which does not end before {period} starts",
        zh: "{period} 的目标「{id}」延续自 {from_period} 的「{from}」，但 {from_period} 没有在 {period} 开始前结束",
    }

    // target-equals-start
    VALIDATE_TARGET_EQUALS_START {
        en: "key result '{id}' starts at its target ({target}): there is nothing to {metric}",
        zh: "关键结果「{id}」的起始值已等于目标值（{target}）：没有可{metric}的空间",
    }
    VALIDATE_TO_INCREASE { en: "increase", zh: "增加" }
    VALIDATE_TO_DECREASE { en: "decrease", zh: "减少" }

    // checkin-mismatch
    VALIDATE_CHECKIN_ON_MILESTONE {
        en: "key result '{kr}' is a milestone: check in with `done: true` or `done: false`, not `value`",
        zh: "关键结果「{kr}」是里程碑：进展更新请写 `done: true` 或 `done: false`，不要写 `value`",
    }
    VALIDATE_CHECKIN_ON_NUMBER {
        en: "key result '{kr}' is measured by a number ({metric}): check in with `value`, not `done`",
        zh: "关键结果「{kr}」按数值衡量（{metric}）：进展更新请写 `value`，不要写 `done`",
    }

    // invalid-value, as a warning: a name or id with white space around it.
    VALIDATE_STRAY_SPACE {
        en: "`{key}` is '{written}', with {space} at its {end}: it is read as '{value}'; delete it",
        zh: "`{key}` 的值「{written}」{end}有{space}：已按「{value}」读取；请删除多余的{space}",
    }
    VALIDATE_SPACE { en: "a space", zh: "空格" }
    VALIDATE_FULL_WIDTH_SPACE { en: "a full-width space '　'", zh: "全角空格「　」" }
    VALIDATE_WHITE_SPACE { en: "white space", zh: "空白字符" }
    VALIDATE_AT_START { en: "start", zh: "开头" }
    VALIDATE_AT_END { en: "end", zh: "末尾" }
    VALIDATE_AT_BOTH_ENDS { en: "start and end", zh: "开头和末尾" }
}
