/* Material's search worker, loaded only when the first search message arrives, with Thai
   queries cut into words by the browser's own ICU (Intl.Segmenter), as generator/search.py
   cut the indexed text at build time. No word list is downloaded. Messages of type 2 carry
   the query (Material 9's worker protocol). */
(function () {
  "use strict";
  var THAI_RUN = /[\u0E00-\u0E7F]+/g;
  var THAI_DIGIT = /[\u0E50-\u0E59]/g;
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter
    ? new Intl.Segmenter("th", { granularity: "word" })
    : null;
  var handlers = [];
  var loaded = false;

  /* Pages and the index write numbers with Arabic digits (generator/render/format.py), so a
     query typed with Thai digits looks for the same number. */
  function arabic(query) {
    return query.replace(THAI_DIGIT, function (digit) {
      return String.fromCharCode(digit.charCodeAt(0) - 0x0E50 + 48);
    });
  }

  function cut(query) {
    if (typeof query !== "string") return query;
    query = arabic(query);
    if (!segmenter) return query;
    return query.replace(THAI_RUN, function (run) {
      return Array.from(segmenter.segment(run), function (part) { return part.segment; }).join(" ");
    });
  }

  function load() {
    if (loaded) return;
    loaded = true;
    var listen = self.addEventListener;
    self.addEventListener = function (type, handler, options) {
      if (type === "message") handlers.push(handler);
      else listen.call(self, type, handler, options);
    };
    var name = new URLSearchParams(self.location.search).get("worker") || "";
    if (/^search\.[0-9a-f]+\.min\.js$/.test(name)) importScripts(name);
    self.addEventListener = listen;
  }

  self.addEventListener("message", function (event) {
    load();
    var message = event.data;
    if (message && message.type === 2) message = { type: 2, data: cut(message.data) };
    handlers.forEach(function (handler) { handler({ data: message, target: event.target }); });
  });
})();
