/* The language links lead to the same page in the other language (partials/language-links.html);
   this keeps the part of it the reader is on (#networks), which the server never sees. Both
   languages give sections the same ids. Without JavaScript the links lead to the page itself. */
(function () {
  "use strict";
  function keepPlace() {
    var links = document.querySelectorAll(".c3-lang-switch a[hreflang], .md-select__link[hreflang]");
    Array.prototype.forEach.call(links, function (link) {
      link.hash = location.hash;
    });
  }
  keepPlace();
  window.addEventListener("hashchange", keepPlace);
})();
