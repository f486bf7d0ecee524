// "Kopieer tekst" buttons: copy the text of the field named in data-copy-target and say so in
// the live region named in data-copy-status. The buttons stay hidden without JavaScript (the
// text can still be selected by hand). A static file: the Content Security Policy allows
// scripts from 'self' only.
(function () {
  "use strict";

  var COPIED = "Tekst gekopieerd";
  var FAILED =
    "Kopiëren lukte niet. De tekst is geselecteerd: kopieer hem zelf " +
    "(op een telefoon: houd je vinger op de tekst en kies Kopiëren).";
  var STATUS_MS = 6000; // long enough to read, then the region is quiet again

  function copyBySelection(field) {
    // Older browsers and pages not served over https have no async clipboard.
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function init(button) {
    var field = document.getElementById(button.getAttribute("data-copy-target"));
    var status = document.getElementById(button.getAttribute("data-copy-status"));
    if (!field || !status) {
      return;
    }
    var timer = null;

    function say(message) {
      var failed = message === FAILED;
      status.textContent = message;
      status.classList.toggle("copy-status--failed", failed);
      window.clearTimeout(timer);
      if (failed) {
        // The advice stays until the next try: it is needed while selecting by hand.
        field.focus();
        field.select();
        return;
      }
      timer = window.setTimeout(function () {
        status.textContent = "";
      }, STATUS_MS);
    }

    button.addEventListener("click", function () {
      var text = field.value;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () {
            say(COPIED);
          },
          function () {
            say(copyBySelection(field) ? COPIED : FAILED);
          }
        );
      } else {
        say(copyBySelection(field) ? COPIED : FAILED);
      }
    });
    button.hidden = false;
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-copy-target]"), init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
