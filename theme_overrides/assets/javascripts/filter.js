/* Filter a long list as the visitor types. Without JavaScript the whole list shows and the
   box stays hidden. Thai has no spaces, so matching is on substrings of normalized text. */
(function () {
  "use strict";
  function norm(text) {
    return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ");
  }
  function setUp(box) {
    var list = document.getElementById(box.getAttribute("data-filter"));
    var input = box.querySelector("input");
    var none = box.querySelector(".c3-filter__none");
    if (!list || !input) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("[data-filter-item]"));
    var texts = items.map(function (item) { return norm(item.textContent); });
    var groups = Array.prototype.slice.call(list.querySelectorAll("[data-filter-group]"));
    box.hidden = false;
    input.addEventListener("input", function () {
      var query = norm(input.value.trim());
      var shown = 0;
      items.forEach(function (item, i) {
        var match = !query || texts[i].indexOf(query) !== -1;
        item.hidden = !match;
        if (match) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-filter-item]:not([hidden])");
      });
      if (none) none.hidden = shown !== 0;
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-filter]"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
