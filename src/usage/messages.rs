//! The words of command-line mistakes, in English and Chinese.

crate::messages! {
    USAGE_MISSING {
        en: "a required argument is missing: {args} (see `--help`)",
        zh: "缺少必需的参数：{args}（用 `--help` 查看用法）",
    }
    USAGE_CONFLICT {
        en: "{arg} cannot be used together with {other}",
        zh: "参数 {arg} 不能与 {other} 同时使用",
    }
    USAGE_UNKNOWN_ARGUMENT {
        en: "unknown argument {arg}{hint} (see `--help`)",
        zh: "未知参数 {arg}{hint}（用 `--help` 查看用法）",
    }
    USAGE_UNKNOWN_COMMAND {
        en: "unknown command '{command}'{hint} (see `okrs --help`)",
        zh: "未知命令「{command}」{hint}（用 `okrs --help` 查看用法）",
    }
    USAGE_INVALID_VALUE {
        en: "{arg} does not take '{value}'; it takes: {valid}",
        zh: "参数 {arg} 不接受「{value}」；可用的值：{valid}",
    }
    USAGE_DID_YOU_MEAN { en: " (did you mean {suggestion}?)", zh: "（是不是想写 {suggestion}？）" }
    USAGE_MISSING_COMMAND {
        en: "say what to do: okrs init, serve, check, build or new (see `okrs --help`)",
        zh: "请指明要做什么：okrs init、serve、check、build 或 new（用 `okrs --help` 查看用法）",
    }
}
