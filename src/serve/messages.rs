//! What `okrs serve` prints on the terminal.

crate::messages! {
    SERVE_ADDRESS_IN_USE {
        en: "{address} is already in use: stop the program using port {port} or choose another with --port",
        zh: "{address} 已被占用：请停止占用端口 {port} 的程序，或用 --port 换一个端口",
    }
    SERVE_CANNOT_LISTEN {
        en: "cannot listen on {address}: {error}",
        zh: "无法在 {address} 上监听：{error}",
    }
    SERVE_CANNOT_START {
        en: "cannot start the server: {error}",
        zh: "无法启动服务器：{error}",
    }
    SERVE_CANNOT_WATCH {
        en: "cannot watch {site} for changes: {error}",
        zh: "无法监视 {site} 中的改动：{error}",
    }
    SERVE_HAS_ERRORS { en: "okrs serve: {errors}; {state}", zh: "okrs serve：{errors}；{state}" }
    SERVE_NO_PAGE_YET {
        en: "no page can be shown until they are fixed",
        zh: "修正之前无法显示任何页面",
    }
    SERVE_LAST_GOOD {
        en: "still serving the last good pages",
        zh: "仍在提供上一次成功生成的页面",
    }
    SERVE_REBUILT {
        en: "okrs serve: rebuilt in {ms} ms: {pages} ({files} re-read, {warnings})",
        zh: "okrs serve：已重新生成，用时 {ms} 毫秒：{pages}（重新读取 {files}，{warnings}）",
    }
    SERVE_SERVING {
        en: "okrs serve: serving {site} at {url} (Ctrl-C to stop)",
        zh: "okrs serve：正在 {url} 提供 {site}（按 Ctrl-C 停止）",
    }
    SERVE_EXPOSED {
        en: "okrs serve: warning: bound to {address}, so other machines can see the site",
        zh: "okrs serve：警告：绑定在 {address} 上，其他机器也能看到这个站点",
    }
    SERVE_STOPPED { en: "okrs serve: stopped", zh: "okrs serve：已停止" }
    SERVE_NO_BROWSER {
        en: "okrs serve: could not start a browser; open {url} yourself",
        zh: "okrs serve：无法启动浏览器；请自己打开 {url}",
    }
}
