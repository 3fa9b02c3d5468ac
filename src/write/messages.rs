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
}
