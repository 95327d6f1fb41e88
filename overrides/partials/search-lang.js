// Site search in the reader's language only, loaded when the reader turns to it.
// Material loads one index for the whole site; hooks/search_index.py also writes
// search_index.zh.json and search_index.en.json, and this script (inlined before Material's
// bundle by overrides/main.html) points the index request at the page's language.
// The index (20-90 KB) is most of what a page would load for search, and most readers never
// search: its request waits until the search box takes the focus (a click, a tap on the
// search icon or a keyboard shortcut all focus it), or at once on a page opened from a search
// result (?h=...), whose words Material highlights.
(function () {
  var lang = document.documentElement.lang === "en" ? "en" : "zh";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = /[?&]h=/.test(location.search);
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    var href = String(url);
    if (/\/search\/search_index\.json$/.test(href)) {
      args[1] = href.replace(/search_index\.json$/, "search_index." + lang + ".json");
      this.searchIndex = true;
    }
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.searchIndex && !wanted) {
      held.push(this);
      return;
    }
    return send.apply(this, arguments);
  };
  document.addEventListener("focusin", function (event) {
    if (wanted || !event.target.closest || !event.target.closest(".md-search")) return;
    wanted = true;
    held.splice(0).forEach(function (request) { send.call(request); });
  });
})();
