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

  /* Mark a row whose saved answer no longer applies, with a tag saying so; or clear the mark. */
  function flag(node, tagParent, text) {
    node.classList.add("hb-changed");
    tagParent.appendChild(element("span", "hb-tag hb-changed-tag", text));
  }

  function unflag(node) {
    node.classList.remove("hb-changed");
    var tag = node.querySelector(".hb-changed-tag");
    if (tag) tag.remove();
  }

  /* A button that asks first, inline: a group with the question and yes / no. Focus moves
   * to "yes" when asked and back to the button when closed. `labels` has button, yes, no
   * and question, or `ask()` gives the question when clicked (nothing: go ahead unasked). */
  function confirmControl(labels, id, onConfirm, ask) {
    var box = element("div", "hb-reset-confirm");
    var question = element("span", "", labels.question);
    var control = { box: box, close: close };
    control.button = button(labels.button, function () {
      var asking = ask ? ask() : labels.question;
      if (!asking) return onConfirm();
      question.textContent = asking;
      box.hidden = false;
      yes.focus();
    });
    box.setAttribute("role", "group");
    box.hidden = true;
    question.id = id;
    box.setAttribute("aria-labelledby", id);
    var yes = button(labels.yes, function () {
      close();
      onConfirm();
    });
    box.appendChild(question);
    box.appendChild(yes);
    box.appendChild(button(labels.no, close));
    function close() {
      box.hidden = true;
      control.button.focus();
    }
    return control;
  }

  /* Clearing what was entered, after asking: the checklists' and rubrics' reset. */
  function resetControl(words, id, onReset) {
    return confirmControl({ button: words.reset, question: words.reset_confirm, yes: words.reset_yes, no: words.reset_no },
                          id, onReset);
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
                      flag: flag, unflag: unflag, confirmControl: confirmControl, resetControl: resetControl,
                      onEachPage: onEachPage };
})();
