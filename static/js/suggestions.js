// The loan form suggests books while the resident writes the learning goal. Without
// JavaScript the form shows the same suggestions after sending (LoanFormPage.serve).
// A static file, not inline: the Content Security Policy allows scripts from 'self' only.
(function () {
  "use strict";

  var DELAY_MS = 400; // ask once the resident pauses, not at every key
  var MIN_LENGTH = 12; // shorter text says too little about the goal
  var MAX_LENGTH = 500; // the endpoint reads no more than this

  function init() {
    var region = document.getElementById("goal-suggestions");
    var goal = document.querySelector('textarea[name="learning_goals"]');
    if (!region || !goal || !window.fetch) {
      return;
    }
    // Next to the textarea, so the suggestions are read where they are typed for.
    var field = goal.closest(".field") || goal.parentNode;
    field.parentNode.insertBefore(region, field.nextSibling);

    var timer = null;
    var asked = "";
    var latest = 0;

    function show(books) {
      region.textContent = "";
      if (!books.length) {
        return;
      }
      var heading = document.createElement("p");
      heading.className = "suggestions__title";
      heading.textContent = "Misschien past een van deze boeken:";
      var list = document.createElement("ul");
      books.forEach(function (book) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = book.url;
        link.textContent = book.title;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" (" + book.expert + ")"));
        var choose = document.createElement("button");
        choose.type = "button";
        choose.className = "suggestions__choose";
        choose.textContent = "Kies dit boek";
        // Three buttons of the same name: each says which book it chooses.
        choose.setAttribute("aria-label", "Kies het boek ‘" + book.title + "’");
        choose.addEventListener("click", function () {
          chooseBook(book);
        });
        item.appendChild(document.createTextNode(" · "));
        item.appendChild(choose);
        list.appendChild(item);
      });
      region.appendChild(heading);
      region.appendChild(list);
    }

    // Choosing in the form's own list keeps everything typed so far.
    function chooseBook(book) {
      var select = document.querySelector('select[name="expert"]');
      if (!select) {
        return;
      }
      for (var i = 0; i < select.options.length; i += 1) {
        if (select.options[i].text.indexOf(book.title + " (") === 0) {
          select.selectedIndex = i;
          select.dispatchEvent(new Event("change", { bubbles: true }));
          select.focus();
          return;
        }
      }
    }

    function ask() {
      var text = goal.value.trim().slice(0, MAX_LENGTH);
      if (text.length < MIN_LENGTH || text === asked) {
        return;
      }
      asked = text;
      latest += 1;
      var mine = latest;
      fetch(region.getAttribute("data-url") + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.ok ? response.json() : { books: [] };
        })
        .then(function (data) {
          if (mine === latest) {
            show(data.books || []); // an older, slower answer never replaces a newer one
          }
        })
        .catch(function () {
          // Offline or refused: the form works without suggestions.
        });
    }

    goal.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY_MS);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
