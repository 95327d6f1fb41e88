// Site search in the reader's language only. Material loads one index for the whole site;
// hooks/search_index.py also writes search_index.zh.json and search_index.en.json, and this
// script (inlined before Material's bundle by overrides/main.html) points the index request
// at the page's language.
(function () {
  var lang = document.documentElement.lang === "en" ? "en" : "zh";
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    var href = String(url);
    if (/\/search\/search_index\.json$/.test(href)) {
      args[1] = href.replace(/search_index\.json$/, "search_index." + lang + ".json");
    }
    return open.apply(this, args);
  };
})();
