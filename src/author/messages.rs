//! What `okrs new` and `okrs init` print: what they wrote, what to do next, and why they
//! wrote nothing.

crate::messages! {
    // ---- Arguments ----
    AUTHOR_BAD_ID { en: "the id '{id}' {problem}", zh: "id「{id}」{problem}" }
    AUTHOR_ID_UNDERSCORE {
        en: "the id '{id}' must not start with `_`: okrs skips files whose names do",
        zh: "id「{id}」不能以 `_` 开头：okrs 会跳过名字以 `_` 开头的文件",
    }
    AUTHOR_NOT_A_NUMBER {
        en: "--value '{value}' is not a number{hint}",
        zh: "--value 的值「{value}」不是数字{hint}",
    }
    AUTHOR_WRITE_VALUE {
        en: ": write --value {number}{unit}",
        zh: "：请写成 --value {number}{unit}",
    }
    AUTHOR_VALUE_UNIT {
        en: " (the unit, {unit}, is the key result's `unit`)",
        zh: "（单位「{unit}」由关键结果的 `unit` 表示）",
    }
    AUTHOR_BAD_CONFIDENCE {
        en: "--confidence is {value}; it must be a whole number from 0 to 10{hint}",
        zh: "--confidence 的值为「{value}」；它必须是 0 到 10 的整数{hint}",
    }
    AUTHOR_CONFIDENCE_IF {
        en: " (if {value} is {what}, write --confidence {confidence})",
        zh: "（如果 {value} 是{what}，请写成 --confidence {confidence}）",
    }
    AUTHOR_WRITE_CONFIDENCE {
        en: " (write --confidence {confidence})",
        zh: "（请写成 --confidence {confidence}）",
    }
    AUTHOR_EMPTY_TITLE { en: "--title must not be empty", zh: "--title 不能为空" }
    AUTHOR_EMPTY_NAME { en: "--name must not be empty", zh: "--name 不能为空" }

    // ---- Files ----
    AUTHOR_CANNOT_WRITE { en: "cannot write {file}: {error}", zh: "无法写入 {file}：{error}" }
    AUTHOR_EXISTS {
        en: "{file} already exists; okrs new never overwrites a file",
        zh: "{file} 已存在；okrs new 从不覆盖已有的文件",
    }
    AUTHOR_EXISTS_ADVICE {
        en: "{file} already exists; okrs new never overwrites a file ({advice})",
        zh: "{file} 已存在；okrs new 从不覆盖已有的文件（{advice}）",
    }
    AUTHOR_WROTE { en: "wrote {file}", zh: "已写入 {file}" }

    // ---- okrs new objective ----
    AUTHOR_NO_NAME_FROM_TITLE {
        en: "cannot make a file name from the title '{title}'; give one with --id",
        zh: "无法从标题「{title}」生成文件名；请用 --id 指定",
    }
    AUTHOR_NO_FOLDER_FROM_TEAM {
        en: "cannot make a folder name from the team '{team}'",
        zh: "无法从团队「{team}」生成文件夹名",
    }
    AUTHOR_ADVICE_NEW {
        en: "choose another title, or an id with --id",
        zh: "请换一个标题，或用 --id 指定 id",
    }
    AUTHOR_ADVICE_CARRY {
        en: "give the continuation another id with --id",
        zh: "请用 --id 给延续的目标另取一个 id",
    }
    AUTHOR_OBJECTIVE_TAKEN {
        en: "an objective with the id '{id}' already exists ({file}); {advice}",
        zh: "已有 id 为「{id}」的目标（{file}）；{advice}",
    }
    AUTHOR_STRATEGY_TAKEN {
        en: "'{id}' is the id of a strategy in org.md, and objectives share ids with strategies; give another id with --id",
        zh: "「{id}」是 org.md 中一个战略的 id，而目标与战略共用 id；请用 --id 另取一个",
    }
    AUTHOR_UNKNOWN_ALIGNMENT {
        en: "--aligns-to names '{target}', which no objective or strategy defines{hint}",
        zh: "--aligns-to 写的「{target}」不是任何目标或战略的 id{hint}",
    }
    AUTHOR_UNKNOWN_PERIOD {
        en: "--period '{period}' is no period{hint}; write a calendar period such as 2024, 2024-H1 or 2024-Q2, or a custom period of okrs.yaml ({custom})",
        zh: "--period 的值「{period}」不是周期{hint}；请写日历周期（如 2024、2024-H1 或 2024-Q2），或 okrs.yaml 中的自定义周期（{custom}）",
    }
    AUTHOR_NO_CUSTOM_PERIODS {
        en: "it declares none",
        zh: "其中没有自定义周期",
    }
    AUTHOR_CUSTOM_PERIODS {
        en: "it declares {periods}",
        zh: "其中有{periods}",
    }
    AUTHOR_ID_FROM_TITLE {
        en: "id: {id}, from the title (to choose another, rename the file before anything refers to it, or give one with --id)",
        zh: "id：{id}，由标题生成（想换一个：在有其他文件引用它之前重命名这个文件，或用 --id 指定）",
    }
    AUTHOR_ID_NUMBERED {
        en: "id: {id}, numbered within {period} because the title would make a long file name (to choose another, rename the file before anything refers to it, or give one with --id)",
        zh: "id：{id}，由于标题生成的文件名会太长，按周期 {period} 编号（想换一个：在有其他文件引用它之前重命名这个文件，或用 --id 指定）",
    }
    AUTHOR_NEXT_OBJECTIVE {
        en: "next: write its key results (and what it aligns to), then run `okrs check`",
        zh: "下一步：写上它的关键结果（以及它对齐的战略或上级目标），然后运行 `okrs check`",
    }

    // ---- okrs new objective --carry ----
    AUTHOR_CARRY_FROM_NO_PERIOD {
        en: "'{from}' is of the period '{period}', which is no period: fix that first (`okrs check` says how)",
        zh: "「{from}」的周期「{period}」不是有效的周期：请先修正（`okrs check` 会说明怎么改）",
    }
    AUTHOR_CARRY_NO_NEXT {
        en: "'{from}' is of the custom period {period}, and okrs.yaml has no period that starts after it ends ({end}): say which period to carry it into with --period",
        zh: "「{from}」属于自定义周期 {period}，而 okrs.yaml 中没有在它结束（{end}）之后开始的周期：请用 --period 指定延续到哪个周期",
    }
    AUTHOR_NO_SUCH_PERIOD {
        en: "--period '{period}' is no period",
        zh: "--period 的值「{period}」不是周期",
    }
    AUTHOR_CARRY_NOT_LATER {
        en: "--period {period} starts on {start}, before '{from}' of {old} ends ({end}): an objective is carried into a later period (carry-period)",
        zh: "--period {period} 从 {start} 开始，早于「{from}」所在的 {old} 结束（{end}）：目标只能延续到之后的周期（carry-period）",
    }
    AUTHOR_GIVE_ID { en: "{problem}; give one with --id", zh: "{problem}；请用 --id 指定" }
    AUTHOR_CARRY_WOULD_FAIL {
        en: "the continuation of '{from}' would have errors, so it was not written{removed}:\n{errors}",
        zh: "「{from}」的延续会有错误，因此没有写入{removed}：\n{errors}",
    }
    AUTHOR_NOT_REMOVED {
        en: "; and {file} could not be removed: {error}",
        zh: "；而且无法删除 {file}：{error}",
    }
    AUTHOR_CARRIED {
        en: "carried {n} of the {key_results} of '{from}' into {period}{left_out}",
        zh: "已将「{from}」的 {key_results}中的 {n} 个延续到 {period}{left_out}",
    }
    AUTHOR_CARRIED_NO_KEY_RESULTS {
        en: "carried '{from}' into {period}: it has no key results of its own, and its progress comes from the objectives aligned to it (carried after it, they align to this continuation)",
        zh: "已将「{from}」延续到 {period}：它自己没有关键结果，进度来自对齐到它的目标（之后再延续这些目标，它们会对齐到这个延续的目标）",
    }
    AUTHOR_CARRY_REALIGNED {
        en: "aligns to '{to}' in place of '{target}': '{target}' is of {old}, which ends before {period} starts, and '{to}' continues it",
        zh: "对齐到「{to}」而不是「{target}」：「{target}」属于 {old}，在 {period} 开始前就已结束，而「{to}」是它的延续",
    }
    AUTHOR_CARRY_ALIGNMENT_DROPPED {
        en: "note: '{from}' aligns to '{target}', of {old}, which ends before {period} starts, and '{target}' has no continuation in {period}, so the continuation does not align to it: align it by hand in its `aligns_to`",
        zh: "注意：「{from}」对齐到「{target}」，而「{target}」属于 {old}，在 {period} 开始前就已结束，且在 {period} 没有延续，因此延续的目标不再对齐到它：请在它的 `aligns_to` 中手动对齐",
    }
    AUTHOR_CARRY_ALIGNMENT_SPLIT {
        en: "note: '{from}' aligns to '{target}', of {old}, which ends before {period} starts, and '{target}' was carried into {continuations}, so the continuation aligns to none of them: align it by hand to one in its `aligns_to`",
        zh: "注意：「{from}」对齐到「{target}」，而「{target}」属于 {old}，在 {period} 开始前就已结束，且已延续为{continuations}，因此延续的目标没有对齐到其中任何一个：请在它的 `aligns_to` 中手动对齐到其中一个",
    }
    AUTHOR_LEFT_OUT {
        en: "; left out, done: {ids}",
        zh: "；已完成、未延续的：{ids}",
    }
    AUTHOR_KEY_RESULTS { en: "{n} key results", zh: "{n} 个关键结果" }
    AUTHOR_ONE_KEY_RESULT { en: "1 key result", zh: "1 个关键结果" }
    AUTHOR_NEXT_CARRY {
        en: "next: review its targets for {period}, then run `okrs check`",
        zh: "下一步：核对它在 {period} 的目标值，然后运行 `okrs check`",
    }
    AUTHOR_CARRY_STILL_RUNNING {
        en: "note: {period} has not ended as of {as_of}, so '{from}' may still move; the new key results start where they stood on {as_of}",
        zh: "注意：截至 {as_of}，{period} 尚未结束，「{from}」可能还会变化；新的关键结果从它们在 {as_of} 的数值开始",
    }
    AUTHOR_IS_STRATEGY {
        en: "'{id}' is a strategy of org.md, not an objective: only objectives are carried over",
        zh: "「{id}」是 org.md 中的战略，不是目标：只有目标可以延续",
    }
    AUTHOR_IS_KEY_RESULT {
        en: "'{id}' is a key result, not an objective: write --carry {objective}, and its key results that are not done go with it",
        zh: "「{id}」是关键结果，不是目标：请写 --carry {objective}，它未完成的关键结果会一起延续",
    }
    AUTHOR_NO_OBJECTIVE {
        en: "'{id}' is no objective of this site{hint}",
        zh: "本站点没有 id 为「{id}」的目标{hint}",
    }
    AUTHOR_OBJECTIVE_MAYBE_BROKEN {
        en: "{message}\n(the site has errors, and an objective in a file with errors may be missing: run `okrs check`)",
        zh: "{message}\n（站点有错误，出错文件中的目标可能没有读到：请运行 `okrs check`）",
    }
    AUTHOR_SITE_HAS_ERRORS {
        en: "note: the site has {errors} elsewhere: `okrs check` lists them",
        zh: "注意：站点的其他地方有 {errors}：`okrs check` 会列出",
    }

    // ---- okrs new checkin ----
    AUTHOR_UNKNOWN_KEY_RESULT { en: "'{kr}' {hint}", zh: "「{kr}」{hint}" }
    AUTHOR_KEY_RESULT_MAYBE_BROKEN {
        en: "{message}\n(the site has errors, and a key result in a file with errors may be missing: run `okrs check`)",
        zh: "{message}\n（站点有错误，出错文件中的关键结果可能没有读到：请运行 `okrs check`）",
    }
    AUTHOR_MILESTONE_NEEDS_DONE {
        en: "'{kr}' is a milestone: check it in with --done (or --not-done), not --value",
        zh: "「{kr}」是里程碑：请用 --done（或 --not-done）写进展更新，而不是 --value",
    }
    AUTHOR_NUMBER_NEEDS_VALUE {
        en: "'{kr}' is measured by a number (metric {metric}): give its current value with --value, not --done or --not-done",
        zh: "「{kr}」用数字衡量（metric 为 {metric}）：请用 --value 写出当前数值，而不是 --done 或 --not-done",
    }
    AUTHOR_PROGRESS { en: "{kr}: {was} → {now} ({status})", zh: "{kr}：{was} → {now}（{status}）" }
    AUTHOR_STATUS_UPCOMING { en: "upcoming", zh: "未开始" }
    AUTHOR_STATUS_DONE { en: "done", zh: "已完成" }
    AUTHOR_STATUS_MISSED { en: "missed", zh: "未达成" }
    AUTHOR_STATUS_NO_DATA { en: "no_data", zh: "暂无数据" }
    AUTHOR_STATUS_ON_TRACK { en: "on_track", zh: "进展正常" }
    AUTHOR_STATUS_BEHIND { en: "behind", zh: "进度落后" }
    AUTHOR_DATED_AFTER_AS_OF {
        en: "note: the check-in is dated {date}, after the as-of date {as_of}: it counts from that day on",
        zh: "注意：这条进展更新的日期是 {date}，晚于统计日期 {as_of}：从那天起才计入",
    }
    AUTHOR_LATER_CHECKIN {
        en: "note: {file} also checks in '{kr}' on {date} and comes after this one ({why}), so its value counts",
        zh: "注意：{file} 在 {date} 也写了「{kr}」的进展更新，且排在这条之后（{why}），因此以它的数值为准",
    }
    AUTHOR_LATER_IN_THE_DAY { en: "later in the day", zh: "当天的时间更晚" }
    AUTHOR_LATER_BY_PATH { en: "by path", zh: "按文件路径排在后面" }
    AUTHOR_SITE_HAS_ERRORS_NO_BUILD {
        en: "note: the site has {errors} elsewhere: `okrs check` lists them, and `okrs build` will not build until they are fixed",
        zh: "注意：站点的其他地方有 {errors}：`okrs check` 会列出；修正之前 `okrs build` 不会生成站点",
    }

    // ---- okrs new team / person ----
    AUTHOR_TEAM_TAKEN {
        en: "a team with the id '{id}' already exists ({file})",
        zh: "已有 id 为「{id}」的团队（{file}）",
    }
    AUTHOR_PERSON_TAKEN {
        en: "a person with the id '{id}' already exists ({file})",
        zh: "已有 id 为「{id}」的成员（{file}）",
    }

    // ---- okrs init ----
    AUTHOR_INIT_IS_FILE { en: "'{dir}' is a file, not a folder", zh: "「{dir}」是文件，不是文件夹" }
    AUTHOR_INIT_CANNOT_READ { en: "cannot read '{dir}': {error}", zh: "无法读取「{dir}」：{error}" }
    AUTHOR_INIT_NOT_EMPTY {
        en: "'{dir}' is not empty (it holds {names}): okrs init writes only into an empty folder, so it never overwrites anything; choose a new folder, e.g. `okrs init my-okrs`",
        zh: "「{dir}」不是空文件夹（其中有{names}）：okrs init 只写入空文件夹，因此从不覆盖任何文件；请换一个新文件夹，例如 `okrs init my-okrs`",
    }
    AUTHOR_INIT_CREATED {
        en: "created an okrs site in {dir} ({files}), with OKRs for {period}",
        zh: "已在 {dir} 新建 okrs 站点（{files}），含 {period} 的 OKR",
    }
    AUTHOR_INIT_NEXT { en: "next:", zh: "下一步：" }
    AUTHOR_INIT_SERVE {
        en: "preview it in your browser, updated as you edit",
        zh: "在浏览器中预览，边改边更新",
    }
    AUTHOR_INIT_CHECK {
        en: "check it for errors and lint warnings (what CI runs)",
        zh: "检查错误和检查规则的警告（CI 运行的就是它）",
    }
    AUTHOR_INIT_BUILD { en: "write the static site to {output}", zh: "把静态站点写到 {output}" }
    AUTHOR_INIT_CHECKIN {
        en: "record progress on a key result",
        zh: "为一个关键结果写一条进展更新",
    }
    AUTHOR_INIT_OBJECTIVE {
        en: "start a new objective from a template",
        zh: "用模板新建一个目标",
    }
}
