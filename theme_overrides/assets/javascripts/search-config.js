/* Runs before Material's bundle and changes three things about search:
   1. Material's worker is replaced by workers/search.js, which fetches the few files of the
      site's search index a query needs (generator/search_index.py) instead of the whole index.
   2. search_index.json (now only the list of those files) is downloaded when the visitor first
      opens search, not with every page.
   3. When more pages match than a result lists, the line above the results says how many, and
      that another word narrows them down (the words come from the page: partials/search.html). */
(function () {
  "use strict";
  var element = document.getElementById("__config");
  if (!element) return;
  var config = JSON.parse(element.textContent);
  if (typeof config.search === "string") {
    config.search = config.search.slice(0, config.search.lastIndexOf("/") + 1) + "search.js";
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

  /* Material writes "N matching documents" from the pages a result lists; after it has, say
     how many matched in all. */
  var NativeWorker = window.Worker;
  if (typeof NativeWorker !== "function") return;
  function counted(event) {
    var data = event.data && event.data.type === 3 ? event.data.data : null;
    if (!data || !(data.total > data.items.length)) return;
    setTimeout(function () {
      var line = document.querySelector(".md-search-result__meta");
      var words = line && line.getAttribute("data-c3-more");
      if (words) line.textContent = words.replace("#", String(data.total)).replace("%", String(data.items.length));
    }, 0);
  }
  window.Worker = function (url, options) {
    var worker = new NativeWorker(url, options);
    worker.addEventListener("message", counted);
    return worker;
  };
  window.Worker.prototype = NativeWorker.prototype;
})();
