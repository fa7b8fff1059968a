/* Material's storage helpers, which its own theme writes inline into every page. The site allows
   no inline script (generator/csp.py), so they live here. The site's root is found from this
   file's own address (assets/javascripts/ is two folders below it), as Material finds it from
   each page's base URL. Loaded before Material's bundle, which uses them. */
var __md_scope = new URL("../../", document.currentScript.src);
var __md_hash = function (value) {
  return Array.from(value).reduce(function (hash, ch) { return (hash << 5) - hash + ch.charCodeAt(0); }, 0);
};
var __md_get = function (key, storage, scope) {
  storage = storage || localStorage;
  scope = scope || __md_scope;
  return JSON.parse(storage.getItem(scope.pathname + "." + key));
};
var __md_set = function (key, value, storage, scope) {
  storage = storage || localStorage;
  scope = scope || __md_scope;
  try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (error) { /* full or off */ }
};
