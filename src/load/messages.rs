//! Every sentence the loader and the YAML layer say: reading files, YAML syntax, keys and
//! values of each kind, okrs.yaml and themes, and the hints that name the value to write.

crate::messages! {
    // ---- Lists in prose: `a, b, c` in English, `a、b、c` in Chinese ----
    LOAD_LIST_ONE { en: "{item}", zh: "{item}" }
    LOAD_LIST_MORE { en: "{list}, {item}", zh: "{list}、{item}" }

    // ---- Files ----
    LOAD_CANNOT_READ_CONFIG { en: "cannot read okrs.yaml: {error}", zh: "无法读取 okrs.yaml：{error}" }
    LOAD_CONFIG_IS_FOLDER {
        en: "okrs.yaml is a folder, not a file: the site's settings go in a file named okrs.yaml",
        zh: "okrs.yaml 是一个文件夹而不是文件：站点设置要写在名为 okrs.yaml 的文件中",
    }
    LOAD_CONFIG_NOT_A_FILE {
        en: "okrs.yaml is not a regular file (a FIFO, socket or device), so okrs does not read it: make it a file",
        zh: "okrs.yaml 不是普通文件（而是管道、套接字或设备），okrs 不会读取它：请改为普通文件",
    }
    LOAD_CANNOT_READ_FILE { en: "cannot read the file: {error}", zh: "无法读取该文件：{error}" }
    LOAD_IO_NOT_FOUND { en: "{detail}", zh: "文件不存在（{detail}）" }
    LOAD_IO_PERMISSION { en: "{detail}", zh: "没有读取权限（{detail}）" }
    LOAD_IO_OTHER { en: "{detail}", zh: "{detail}" }
    LOAD_NOT_UTF8 { en: "the file is not valid UTF-8 text", zh: "该文件不是有效的 UTF-8 文本：请另存为 UTF-8 编码" }
    LOAD_TEMPLATE_NOT_UTF8 { en: "the template is not valid UTF-8 text", zh: "该模板不是有效的 UTF-8 文本：请另存为 UTF-8 编码" }
    LOAD_NO_FRONT_MATTER {
        en: "the file must start with front matter: a line `---`, the YAML, then another `---`",
        zh: "文件必须以文件头（front matter）开始：先是一行 `---`，然后是 YAML，再是一行 `---`",
    }
    LOAD_FRONT_MATTER_UNCLOSED {
        en: "the front matter opened on line 1 is never closed: add a line `---` after the YAML",
        zh: "第 1 行开始的文件头（front matter）没有结束：请在 YAML 之后加一行 `---`",
    }
    LOAD_KIND_UNKNOWN {
        en: "`kind` is '{value}'; it must be one of {kinds}{hint}",
        zh: "`kind` 的值「{value}」无效：必须是 {kinds} 之一{hint}",
    }
    LOAD_UNKNOWN_FOLDER {
        en: "'{path}' is in folder '{folder}/', which holds no kind of content{hint}; move it, or give it `kind:`",
        zh: "「{path}」位于文件夹「{folder}/」，该文件夹不存放任何一类内容{hint}；请移动该文件，或给它写上 `kind:`",
    }
    LOAD_THEME_NOT_A_NAME {
        en: "theme '{theme}' must be the name of a folder under themes/ or of a built-in theme ({built_in}), not a path",
        zh: "主题「{theme}」必须是 themes/ 下某个文件夹的名字或内置主题（{built_in}），不能是路径",
    }
    LOAD_OUTSIDE_SITE {
        en: "{folder} leads outside the site folder (to {target}): okrs reads templates and publishes static files only from inside the site",
        zh: "{folder} 指向站点文件夹之外（{target}）：okrs 只从站点内部读取模板、发布静态文件",
    }
    LOAD_BASE_URL {
        en: "`base_url` '{value}' must be an absolute http:// or https:// address with no query, fragment, spaces or quotes (feed.xml's links start with it)",
        zh: "`base_url` 的值「{value}」必须是以 http:// 或 https:// 开头的完整地址，不含查询串、片段、空格或引号（feed.xml 的链接以它开头）",
    }
    LOAD_UNKNOWN_THEME {
        en: "theme '{theme}' is neither a folder themes/{theme}/ of the site nor a built-in theme ({built_in})",
        zh: "主题「{theme}」既不是站点中的文件夹 themes/{theme}/，也不是内置主题（{built_in}）",
    }

    // ---- YAML syntax ----
    LOAD_UNCLOSED_BRACKET {
        en: "unclosed bracket '{open}': close it with '{close}' on this line",
        zh: "括号「{open}」没有闭合：请在这一行用「{close}」闭合",
    }
    LOAD_YAML_TOO_DEEP { en: "the YAML nests more than {depth} levels deep", zh: "YAML 嵌套超过 {depth} 层" }
    LOAD_YAML_ANCHOR_LOOP {
        en: "an alias refers to the node that contains it (a YAML anchor loop)",
        zh: "别名引用了包含它自身的节点（YAML 锚点循环）",
    }
    LOAD_YAML_MAPPING_VALUES {
        en: "mapping values are not allowed in this context",
        zh: "此处不能出现键值对（请检查这一行的缩进）",
    }
    LOAD_YAML_DUPLICATE_KEY { en: "duplicate mapping key: {key}", zh: "键重复：{key}" }
    LOAD_YAML_EXPECTED_COLON { en: "simple key expected ':'", zh: "这里缺少键后的冒号「:」" }
    LOAD_YAML_EXPECTED_KEY {
        en: "while parsing a block mapping, did not find expected key",
        zh: "这里应当是一个键（请检查这一行的缩进）",
    }
    LOAD_YAML_EXPECTED_DASH {
        en: "while parsing a block collection, did not find expected '-' indicator",
        zh: "这里应当是以「-」开头的列表项（请检查这一行的缩进）",
    }
    LOAD_YAML_UNCLOSED_QUOTE { en: "unclosed quote", zh: "引号没有闭合" }
    LOAD_YAML_AFTER_DOUBLE_QUOTED {
        en: "invalid trailing content after double-quoted scalar",
        zh: "双引号括起的值之后还有内容：请把整个值放进引号里",
    }
    LOAD_YAML_AFTER_SINGLE_QUOTED {
        en: "invalid trailing content after single-quoted scalar",
        zh: "单引号括起的值之后还有内容：请把整个值放进引号里",
    }
    LOAD_YAML_TAB { en: "{detail}", zh: "不能用制表符（Tab）缩进或分隔，请改用空格（{detail}）" }
    LOAD_YAML_UNEXPECTED_CHARACTER {
        en: "unexpected character: `{character}'",
        zh: "值不能以「{character}」开头：请给值加上引号",
    }
    LOAD_YAML_UNKNOWN_ANCHOR { en: "alias references unknown anchor", zh: "别名引用了不存在的锚点" }
    LOAD_YAML_UNCLOSED { en: "unclosed bracket '{open}'", zh: "括号「{open}」没有闭合" }
    LOAD_YAML_MISMATCHED {
        en: "mismatched bracket '{open}' closed by '{close}'",
        zh: "括号「{open}」被「{close}」闭合，两者不匹配",
    }
    LOAD_YAML_INDENTATION { en: "{detail}", zh: "缩进不正确（{detail}）" }
    LOAD_YAML_OTHER { en: "{detail}", zh: "YAML 语法错误：{detail}" }

    // ---- Slips of Chinese typing ----
    LOAD_FULL_WIDTH_COLON {
        en: "a full-width colon「：」 after `{key}`: write an ASCII colon `:` followed by a space: `{fixed}`",
        zh: "`{key}` 后是全角冒号「：」，请改为半角「:」后加空格：`{fixed}`",
    }
    LOAD_FULL_WIDTH_INDENT {
        en: "a full-width space「　」 in the indentation: indent with ASCII spaces",
        zh: "缩进里有全角空格「　」，请改用半角空格缩进",
    }
    LOAD_FULL_WIDTH_SPACE {
        en: "a full-width space「　」 after `{after}`: write an ASCII space: `{fixed}`",
        zh: "`{after}` 后是全角空格「　」，请改为半角空格：`{fixed}`",
    }
    LOAD_NO_SPACE_AFTER_COLON {
        en: "a colon must be followed by a space: write `{fixed}`",
        zh: "冒号后缺少空格：请写成 `{fixed}`",
    }
    LOAD_HASH_IN_PROSE {
        en: "YAML reads the text from「#」on in `{key}` as a comment and drops it: put the whole value in quotes: `{fixed}`",
        zh: "`{key}` 中「#」后面的文字被当作注释丢掉了：请给整个值加上引号：`{fixed}`",
    }
    LOAD_QUOTE_THE_VALUE {
        en: "the value of `{key}` holds a colon followed by a space, which YAML reads as the start of another key: put the value in quotes: `{fixed}`",
        zh: "`{key}` 的值里有冒号加空格，YAML 会把它当作另一个键的开始：请给整个值加上引号：`{fixed}`",
    }
    LOAD_FULL_WIDTH_VALUE {
        en: "`{key}: {value}` is written in full-width characters: write `{key}: {fixed}`",
        zh: "`{key}: {value}` 中用了全角字符：请改用半角字符，写成 `{key}: {fixed}`",
    }
    LOAD_CHINESE_QUOTES {
        en: "the Chinese quotation marks {marks} in `{key}: {value}` are no YAML quotes and stay part of the value: write `{key}: {fixed}`",
        zh: "`{key}: {value}` 中的中文引号 {marks} 不是 YAML 的引号，会成为值的一部分：请写成 `{key}: {fixed}`",
    }
    LOAD_LIST_SEPARATOR {
        en: "`{key}` separates its ids with '{separator}', which YAML does not read as a list: write `{key}: [{ids}]`",
        zh: "`{key}` 用「{separator}」分隔 id，YAML 不会把它读成列表：请写成 `{key}: [{ids}]`",
    }
    LOAD_LIST_SEPARATOR_LINTS {
        en: "`{key}` separates its lint names with '{separator}', which YAML does not read as a list: write `{key}: [{ids}]`",
        zh: "`{key}` 用「{separator}」分隔检查规则名称，YAML 不会把它读成列表：请写成 `{key}: [{ids}]`",
    }
    LOAD_WRITE { en: ": write `{key}: {value}`", zh: "：请写成 `{key}: {value}`" }

    // ---- Keys and types ----
    LOAD_NOTHING { en: "nothing", zh: "空值" }
    LOAD_A_BOOLEAN { en: "a boolean", zh: "布尔值" }
    LOAD_A_NUMBER { en: "a number", zh: "数字" }
    LOAD_TEXT { en: "text", zh: "文本" }
    LOAD_A_LIST { en: "a list", zh: "列表" }
    LOAD_A_MAPPING { en: "a mapping", zh: "映射" }
    LOAD_TRUE_OR_FALSE { en: "true or false", zh: " true 或 false" }
    LOAD_A_DATE { en: "a date (YYYY-MM-DD)", zh: "日期（YYYY-MM-DD）" }
    LOAD_A_DATE_TIME {
        en: "a date (YYYY-MM-DD, or YYYY-MM-DD HH:MM)",
        zh: "日期（YYYY-MM-DD，或 YYYY-MM-DD HH:MM）",
    }
    LOAD_IDS { en: "an id or a list of ids", zh: "一个 id 或一组 id" }
    LOAD_LINT_NAMES { en: "a lint name or a list of them", zh: "一个检查规则名称或一组检查规则名称" }
    LOAD_ZERO_TO_TEN { en: "a whole number from 0 to 10", zh: " 0 到 10 之间的整数" }
    LOAD_TYPE { en: "`{key}` must be {expected}, not {found}{hint}", zh: "`{key}` 必须是{expected}，而不是{found}{hint}" }
    LOAD_NOT_A_MAPPING {
        en: "{what} must be a mapping of keys, not {found}",
        zh: "{what}必须是由键和值组成的映射，而不是{found}",
    }
    LOAD_UNKNOWN_KEY { en: "unknown key `{key}` in {what}{hint}", zh: "{what}中有未知的键 `{key}`{hint}" }
    LOAD_KNOWN_KEYS { en: ". Known keys: {keys}", zh: "。可用的键：{keys}" }
    LOAD_KNOWN_KEYS_EXTRA {
        en: "; free fields go under `extra:`. Known keys: {keys}",
        zh: "；自定义字段请写在 `extra:` 下。可用的键：{keys}",
    }
    LOAD_AND { en: "{first} and {rest}", zh: "{first} 和 {rest}" }
    LOAD_THOUSANDS {
        en: "`{key}` is {written} with thousands commas, which YAML reads as {head} and the keys {keys}: write `{key}: {joined}`",
        zh: "`{key}` 的值 {written} 带千位分隔逗号，YAML 会把它读成 {head} 和键 {keys}：请写成 `{key}: {joined}`",
    }
    LOAD_COMMA_IN_NUMBER {
        en: "`{key}` is {written}, which YAML reads as {head} and the keys {keys}: write the number without commas",
        zh: "`{key}` 的值 {written} 中有逗号，YAML 会把它读成 {head} 和键 {keys}：数字中不要写逗号",
    }
    LOAD_NEEDS { en: "{what} needs `{key}`", zh: "{what}缺少 `{key}`" }
    LOAD_NEEDS_NON_EMPTY { en: "{what} needs a non-empty `{key}`", zh: "{what}的 `{key}` 不能为空" }

    // ---- What a mapping is, in messages ----
    LOAD_IN_CONFIG { en: "okrs.yaml", zh: "okrs.yaml " }
    LOAD_IN_ORG { en: "org.md", zh: "org.md " }
    LOAD_IN_LINTS { en: "`lints`", zh: "`lints` " }
    LOAD_LINT_SETTINGS { en: "the settings of lint `{rule}`", zh: "检查规则 `{rule}` 的设置" }
    LOAD_A_STRATEGY { en: "a strategy", zh: "战略" }
    LOAD_AN_OBJECTIVE { en: "an objective", zh: "目标" }
    LOAD_A_KEY_RESULT { en: "a key result", zh: "关键结果" }
    LOAD_A_TASK { en: "a task", zh: "关键任务" }
    LOAD_AN_INLINE_CHECKIN { en: "an inline check-in", zh: "内嵌的进展更新" }
    LOAD_A_CHECKIN { en: "a check-in", zh: "进展更新" }
    LOAD_A_CHECKIN_UPDATE { en: "a check-in update", zh: "进展更新条目" }
    LOAD_A_TEAM { en: "a team", zh: "团队" }
    LOAD_A_PERSON { en: "a person", zh: "成员" }
    LOAD_A_PAGE { en: "a page", zh: "页面" }
    LOAD_A_CUSTOM_PERIOD { en: "a custom period", zh: "自定义周期" }

    // ---- Values ----
    LOAD_NUMBER_AS_TEXT {
        en: "`{key}` must be a number, not text ('{value}'): write `{key}: {number}`{unit}",
        zh: "`{key}` 必须是数字，而不是文本（「{value}」）：请写成 `{key}: {number}`{unit}",
    }
    LOAD_AND_UNIT { en: " and `unit: \"{unit}\"`", zh: "，并写上 `unit: \"{unit}\"`" }
    LOAD_UNIT_OF_KR {
        en: " (a unit such as '{unit}' belongs in the key result's `unit:`, not in the value)",
        zh: "（「{unit}」这样的单位请写在关键结果的 `unit:` 中，不要写进数值）",
    }
    LOAD_WEIGHT_ABOVE_ZERO { en: "`weight` must be above 0, not {value}", zh: "`weight` 必须大于 0，而不是 {value}" }
    LOAD_NOT_A_DAY { en: "`{key}`: {day} is not a day: {why}", zh: "`{key}` 的值「{day}」不是有效日期：{why}" }
    LOAD_NOT_A_DAY_IN {
        en: "`{key}`: {day} (in '{value}') is not a day: {why}",
        zh: "`{key}` 的值「{value}」中的「{day}」不是有效日期：{why}",
    }
    LOAD_DATE_FORM {
        en: "`{key}` is '{value}', which is not a date of the form YYYY-MM-DD{or_time}{write}",
        zh: "`{key}` 的值「{value}」不是 YYYY-MM-DD 格式的日期{or_time}{write}",
    }
    LOAD_OR_TIME { en: " (or YYYY-MM-DD HH:MM)", zh: "（也可以是 YYYY-MM-DD HH:MM）" }
    LOAD_MONTH_HAS_DAYS { en: "{month} has {days} days", zh: "{month}只有 {days} 天" }
    LOAD_FEBRUARY_OF { en: "February {year}", zh: "{year} 年二月" }
    LOAD_NO_MONTH { en: "there is no month {month}", zh: "没有 {month} 月" }
    LOAD_NO_DAY_ZERO { en: "there is no day 0", zh: "没有 0 日" }
    LOAD_JANUARY { en: "January", zh: "一月" }
    LOAD_FEBRUARY { en: "February", zh: "二月" }
    LOAD_MARCH { en: "March", zh: "三月" }
    LOAD_APRIL { en: "April", zh: "四月" }
    LOAD_MAY { en: "May", zh: "五月" }
    LOAD_JUNE { en: "June", zh: "六月" }
    LOAD_JULY { en: "July", zh: "七月" }
    LOAD_AUGUST { en: "August", zh: "八月" }
    LOAD_SEPTEMBER { en: "September", zh: "九月" }
    LOAD_OCTOBER { en: "October", zh: "十月" }
    LOAD_NOVEMBER { en: "November", zh: "十一月" }
    LOAD_DECEMBER { en: "December", zh: "十二月" }
    LOAD_GRADE_RANGE {
        en: "`grade` is {value}; a grade is a number from 0 to 1 (0.7 for 70 %)",
        zh: "`grade` 的值为 {value}；评分是 0 到 1 之间的数（70% 写作 0.7）",
    }
    LOAD_CONFIDENCE_RANGE {
        en: "`confidence` is {value}; it must be a whole number from 0 to 10{hint}",
        zh: "`confidence` 的值为 {value}；信心必须是 0 到 10 之间的整数{hint}",
    }
    LOAD_CONFIDENCE_IF {
        en: " (if {value} is {what}, write `confidence: {confidence}`)",
        zh: "（如果 {value} 是{what}，请写成 `confidence: {confidence}`）",
    }
    LOAD_A_FRACTION { en: "a fraction", zh: "小数" }
    LOAD_A_PERCENTAGE { en: "a percentage", zh: "百分比" }
    LOAD_CONFIDENCE_TEXT {
        en: "`confidence` must be a whole number from 0 to 10, not text ('{value}'){hint}",
        zh: "`confidence` 必须是 0 到 10 之间的整数，而不是文本（「{value}」）{hint}",
    }
    LOAD_BAD_ID { en: "`{key}` '{id}' {problem}", zh: "`{key}` 的值「{id}」{problem}" }
    LOAD_FILE_NAME_ID {
        en: "the file name gives the id '{id}', which {problem}; rename the file or set `id:`",
        zh: "由文件名得到的 id「{id}」{problem}；请重命名文件，或写上 `id:`",
    }
    LOAD_ID_EMPTY { en: "is empty", zh: "为空" }
    LOAD_ID_DOT { en: "must not start with `.`", zh: "不能以 `.` 开头" }
    LOAD_ID_SLASH { en: "must not contain `/`", zh: "不能包含 `/`" }
    LOAD_ID_SPACE { en: "must not contain white space", zh: "不能包含空白字符" }
    LOAD_NOT_FINITE {
        en: "`{key}` '{value}' is not a finite number: okrs computes with numbers up to about ±1.8e308",
        zh: "`{key}` 的值「{value}」不是有限的数：okrs 能计算的数最大约为 ±1.8e308",
    }
    LOAD_ID_TOO_LONG {
        en: "is {bytes} bytes long, more than the {max} an objective id may have (its page's folder is named after it): choose a shorter one",
        zh: "长 {bytes} 字节，超过了目标 id 的上限 {max} 字节（目标页面的文件夹以它命名）：请换一个短一些的 id",
    }
    LOAD_ID_RESERVED {
        en: "must not contain any of ? # % \\ \" < >",
        zh: "不能包含 ? # % \\ \" < > 中的任何一个",
    }

    // ---- Kinds ----
    LOAD_WRONG_KIND_WRITTEN {
        en: "this file says `kind: {kind}` but reads as {other} (it has {keys}): change `kind:` to `{other_kind}`",
        zh: "这个文件写着 `kind: {kind}`，内容却是{other}（含有 {keys}）：请把 `kind:` 改为 `{other_kind}`",
    }
    LOAD_WRONG_KIND_FOLDER {
        en: "this file in {folder} reads as {other} (it has {keys}): move it to {other_folder}",
        zh: "这个文件在 {folder} 中，内容却是{other}（含有 {keys}）：请把它移到 {other_folder}",
    }
    LOAD_COMMITMENT {
        en: "`commitment` is '{value}'; it must be `aspirational` or `committed`{hint}",
        zh: "`commitment` 的值「{value}」无效：必须是 `aspirational`（挑战型）或 `committed`（承诺型）{hint}",
    }
    LOAD_NOT_A_LINT { en: "`allow` names '{name}', which is no lint{hint}", zh: "`allow` 中的「{name}」不是检查规则{hint}" }
    LOAD_LINTS_ARE { en: ". Lints: {names}", zh: "。检查规则有：{names}" }
    LOAD_METRIC {
        en: "`metric` is '{value}'; it must be one of {metrics}{hint}",
        zh: "`metric` 的值「{value}」无效：必须是 {metrics} 之一{hint}",
    }
    LOAD_NEEDS_TARGET {
        en: "a key result with metric `{metric}` needs `target`",
        zh: "`metric` 为 `{metric}` 的关键结果需要 `target`",
    }
    LOAD_DECREASE_NEEDS_START {
        en: "a key result with metric `decrease` needs `start`: the baseline it comes down from",
        zh: "`metric` 为 `decrease` 的关键结果需要 `start`：即要从哪个基线降下来",
    }
    LOAD_UPDATE_NEEDS_VALUE {
        en: "a check-in update needs `value` (or `done` for a milestone)",
        zh: "进展更新条目需要 `value`（里程碑用 `done`）",
    }
    LOAD_KR_AND_UPDATES {
        en: "a check-in has either `kr` (one update) or `updates` (several), not both",
        zh: "进展更新要么写 `kr`（一条更新），要么写 `updates`（多条更新），不能两者都写",
    }
    LOAD_CHECKIN_NEEDS_KR {
        en: "a check-in needs `kr` with `value` or `done` (one update), or `updates` (several)",
        zh: "进展更新需要 `kr` 加上 `value` 或 `done`（一条更新），或者 `updates`（多条更新）",
    }
    LOAD_BELONGS_IN_UPDATES {
        en: "`{key}` belongs inside an entry of `updates` when a check-in has several",
        zh: "进展更新有多条更新时，`{key}` 应写在 `updates` 的各个条目里",
    }
    LOAD_NO_UPDATES { en: "`updates` lists no update", zh: "`updates` 中没有任何更新" }

    // ---- okrs.yaml ----
    LOAD_LANGUAGE {
        en: "`language` is '{value}'; it must be `en` or `zh-CN`{hint}",
        zh: "`language` 的值「{value}」无效：必须是 `en` 或 `zh-CN`{hint}",
    }
    LOAD_PACE_TOLERANCE {
        en: "`pace_tolerance` is {value}; it must be a fraction from 0 to 1",
        zh: "`pace_tolerance` 的值为 {value}；必须是 0 到 1 之间的小数",
    }
    LOAD_CALENDAR_ID_TAKEN {
        en: "'{id}' is a calendar period already; give the custom period another id",
        zh: "「{id}」已经是日历周期：请给这个自定义周期另取一个 id",
    }
    LOAD_PERIOD_ENDS_FIRST {
        en: "period '{id}' ends ({end}) before it starts ({start})",
        zh: "周期「{id}」的结束日期（{end}）早于开始日期（{start}）",
    }
    LOAD_LINT_TAKES {
        en: "lint `{rule}` takes a level (allow, warn, deny) or a mapping such as {{ level: warn{param} }}",
        zh: "检查规则 `{rule}` 的值应为级别（allow、warn、deny），或形如 {{ level: warn{param} }} 的映射",
    }
    LOAD_WHOLE_NUMBER {
        en: "`{key}` must be a whole number of 0 or more, not {value}",
        zh: "`{key}` 必须是大于或等于 0 的整数，而不是 {value}",
    }
    LOAD_LINT_LEVEL {
        en: "lint level '{level}' must be allow, warn or deny{hint}",
        zh: "检查规则级别「{level}」无效：必须是 allow、warn 或 deny{hint}",
    }

    // ---- Hints for periods (raised where periods are checked) ----
    LOAD_PERIOD_NEEDS_YEAR {
        en: " (a period needs its year: write `YYYY-{part}`, with YYYY the year)",
        zh: "（周期要写明年份：请写成 `YYYY-{part}`，YYYY 为四位年份）",
    }
}

/// Names or values listed in a sentence: separated by `, ` in English and by `、` in
/// Chinese (`increase、decrease、milestone`).
pub(crate) fn list<S: AsRef<str>>(items: &[S]) -> crate::message::Message {
    let mut items = items.iter().map(AsRef::as_ref);
    let first = crate::msg!(LOAD_LIST_ONE, item = items.next().unwrap_or_default());
    items.fold(first, |list, item| {
        crate::msg!(LOAD_LIST_MORE, list = list, item = item)
    })
}

#[cfg(test)]
mod tests {
    use crate::model::Language::{En, ZhCn};

    #[test]
    fn lists_are_separated_in_each_language_s_way() {
        let list = super::list(&["increase", "decrease", "milestone"]);
        assert_eq!(list.text(En), "increase, decrease, milestone");
        assert_eq!(list.text(ZhCn), "increase、decrease、milestone");
        assert_eq!(super::list(&["a"]).text(ZhCn), "a");
    }
}
