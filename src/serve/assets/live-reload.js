(function () {
  var key = "okrs-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    document.addEventListener("DOMContentLoaded", function () { window.scrollTo(0, Number(saved)); });
  }
  if (!window.EventSource) { return; }
  var source = new EventSource("/__okrs/events");
  source.addEventListener("reload", function () {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
  source.addEventListener("css", function () {
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      var url = new URL(link.href);
      url.searchParams.set("okrs-reload", String(Date.now()));
      link.href = url.href;
    });
  });
})();
