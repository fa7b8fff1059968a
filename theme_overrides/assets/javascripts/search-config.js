/* Runs before Material's bundle and changes four things about search:
   1. Material's worker is replaced by workers/search.js, which fetches the few files of the
      site's search index a query needs (generator/search_index.py) instead of the whole index.
   2. search_index.json (now only the list of those files) is downloaded when the visitor first
      opens search, not with every page.
   3. The worker itself starts only when the visitor first searches.
   4. The line above the results says how many pages match in the site's words, that another
      word narrows them down when more match than are listed, and what to try when none does
      (the words come from the page: partials/search.html). */
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

  /* The worker starts when Material first sends it a message (once the visitor has opened
     search and the list of index files has come), not with every page: a reader who never
     searches never downloads it. And after Material has written "N matching documents" from
     the pages a result lists, the line says how many matched in all. */
  var NativeWorker = window.Worker;
  if (typeof NativeWorker !== "function") return;

  /* The line is rewritten as soon as Material has written it, before the page is drawn (a
     MutationObserver's callback runs before the next frame; a timer's may not), so the reader
     never sees "พบ 10 เอกสารที่ตรงกัน" flash before "พบ 1005 หน้า …" at each key. */
  var more = null;           /* what the line says for the newest result, or null: Material's */
  var watched = null;
  function rewrite() {
    var line = document.querySelector(".md-search-result__meta");
    if (line && more !== null && line.textContent !== more) line.textContent = more;
    if (line && line !== watched && typeof MutationObserver === "function") {
      watched = line;
      new MutationObserver(rewrite).observe(line, { childList: true, characterData: true, subtree: true });
    }
  }

  /* The line in the site's words, the same however many pages match (Material says
     "documents", and no number for one), with a hint when none does; a query the worker
     found no word in (only punctuation) keeps Material's line. */
  function counted(event) {
    if (!event.data || event.data.type !== 3) return;
    var data = event.data.data || {};
    var line = document.querySelector(".md-search-result__meta");
    var words = line && data.asked
      ? line.getAttribute(data.total > data.items.length ? "data-c3-more" : data.total ? "data-c3-count" : "data-c3-none")
      : null;
    more = words ? words.replace("#", String(data.total)).replace("%", String(data.items.length)) : null;
    rewrite();
    setTimeout(rewrite, 0);
  }

  function LazyWorker(url, options) {
    var real = null;
    var listeners = [];
    function started() {
      if (!real) {
        real = new NativeWorker(url, options);
        real.addEventListener("message", counted);
        listeners.forEach(function (args) { real.addEventListener.apply(real, args); });
      }
      return real;
    }
    return {
      postMessage: function () { var worker = started(); worker.postMessage.apply(worker, arguments); },
      addEventListener: function () {
        listeners.push(arguments);
        if (real) real.addEventListener.apply(real, arguments);
      },
      removeEventListener: function (type, handler) {
        listeners = listeners.filter(function (args) { return args[0] !== type || args[1] !== handler; });
        if (real) real.removeEventListener.apply(real, arguments);
      },
      terminate: function () { if (real) real.terminate(); }
    };
  }

  window.Worker = function (url, options) {
    if (/workers\/search\.js$/.test(String(url))) return LazyWorker(url, options);
    return new NativeWorker(url, options);
  };
  window.Worker.prototype = NativeWorker.prototype;
})();
