//! Why an output folder may not be built into (`okrs build -o`).

crate::messages! {
    WRITE_OUTPUT_HOLDS_SITE {
        en: "the output folder {output} holds the site itself; building there would replace it",
        zh: "输出文件夹 {output} 包含站点本身；在那里生成会把站点替换掉",
    }
    WRITE_OUTPUT_IN_CONTENT {
        en: "the output folder {output} is inside the site's {folder}, which building would replace",
        zh: "输出文件夹 {output} 位于站点的 {folder} 中，生成时会把它替换掉",
    }
    WRITE_OUTPUT_IS_SITE {
        en: "the output folder {output} is an okrs site (it has okrs.yaml); building there would replace it",
        zh: "输出文件夹 {output} 是一个 okrs 站点（其中有 okrs.yaml）；在那里生成会把它替换掉",
    }
    WRITE_OUTPUT_IS_FILE {
        en: "the output {output} is a file, not a folder",
        zh: "输出路径 {output} 是文件，不是文件夹",
    }
    WRITE_OUTPUT_UNDER_FILE {
        en: "the output {output} cannot be made: {file} is a file",
        zh: "无法创建输出文件夹 {output}：{file} 是文件，不是文件夹",
    }
    WRITE_OUTPUT_NOT_OURS {
        en: "the output folder {output} is not empty and was not written by okrs build (it has no {marker}); building there would replace everything in it: choose a new or empty folder, or pass --force to replace it",
        zh: "输出文件夹 {output} 不是空的，也不是 okrs build 生成的（其中没有 {marker}）；在那里生成会替换掉其中的一切：请换一个新的或空的文件夹，或加上 --force 替换它",
    }
    WRITE_OUTPUT_OLDER_BUILD {
        en: "the output folder {output} looks like the output of an older okrs build, which did not mark its output with {marker}: if it is, pass --force once to replace it (every build marks its output from now on)",
        zh: "输出文件夹 {output} 看起来是旧版 okrs build 的输出，旧版不会用 {marker} 标记输出：如果确实如此，请加上 --force 替换它一次（此后每次生成都会标记输出）",
    }
}
