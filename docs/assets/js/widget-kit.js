/* What the handbook's widgets share: safe storage, interface words, small DOM helpers,
 * and starting on every page, including after Material's instant navigation. */
(function () {
  "use strict";

  /* localStorage, or null where the browser blocks it (settings, a private window refusing writes). */
  function openStorage(prefix) {
    try {
      var storage = window.localStorage;
      storage.setItem(prefix + "probe", "1");
      storage.removeItem(prefix + "probe");
      return storage;
    } catch (error) {
      return null;
    }
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : match;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function button(text, onClick) {
    var node = element("button", "md-button", text);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  /* Run `init` on each element matching `selector`, now and after each instant navigation. */
  function onEachPage(selector, init) {
    function initAll() {
      Array.prototype.forEach.call(document.querySelectorAll(selector), init);
    }
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(initAll);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", initAll);
    } else {
      initAll();
    }
  }

  window.HbWidget = { openStorage: openStorage, format: format, element: element, button: button,
                      onEachPage: onEachPage };
})();
