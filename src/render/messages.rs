//! What rendering says when a template fails. The template engine's own words (Tera's)
//! are quoted as it writes them, in English.

crate::messages! {
    RENDER_TEMPLATE_ERROR {
        en: "{error}",
        zh: "模板出错：{error}",
    }
    RENDER_PAGE_FAILED {
        en: "rendering {page} failed: {error}",
        zh: "生成页面 {page} 失败：{error}",
    }
}
