/* Runs before Material's bundle and changes two things about search:
   1. Material's worker is wrapped by workers/search-thai.js, which cuts Thai queries into
      words (Intl.Segmenter) as generator/search.py cut the indexed text.
   2. The search index is downloaded when the visitor first opens search, not with every
      page: a citizen reading one agency's page never pays for the whole province's index. */
(function () {
  "use strict";
  var element = document.getElementById("__config");
  if (!element) return;
  var config = JSON.parse(element.textContent);
  if (typeof config.search === "string") {
    var cut = config.search.lastIndexOf("/");
    config.search = config.search.slice(0, cut + 1) + "search-thai.js?worker=" +
      encodeURIComponent(config.search.slice(cut + 1));
    element.textContent = JSON.stringify(config);
  }

  var wanted = /[?&]q=/.test(location.search);
  var waiting = [];
  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (send) { send(); });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.name === "query") want();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) want();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" || event.key === "s" || event.key === "f") want();  // Material's shortcuts
  });

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__c3Index = /search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.__c3Index || wanted) return send.apply(request, args);
    waiting.push(function () { send.apply(request, args); });
  };
})();
