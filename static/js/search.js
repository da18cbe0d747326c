/*
 * Search suggestions: a progressive enhancement of every search field with a
 * data-autocomplete-url. Without this script the form simply submits.
 * ARIA 1.2 combobox with a listbox; arrow keys choose, Enter opens the page, Escape closes.
 * Requests go only to this site's own autocomplete endpoint.
 */
(function () {
  "use strict";

  var DELAY = 200;
  var MIN_LENGTH = 2;
  var counter = 0;

  function enhance(input) {
    counter += 1;
    var listId = "search-suggestions-" + counter;
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var options = [];
    var active = -1;
    var timer = null;
    var controller = null;

    list.id = listId;
    list.className = "autocomplete__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent.trim() : "");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    function close() {
      list.hidden = true;
      list.textContent = "";
      options = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(results) {
      close();
      results.forEach(function (result, i) {
        var option = document.createElement("li");
        var type = document.createElement("span");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.url = result.url;
        option.appendChild(document.createTextNode(result.title));
        type.className = "autocomplete__type";
        type.textContent = result.type;
        option.appendChild(type);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = option.dataset.url;
        });
        list.appendChild(option);
        options.push(option);
      });
      status.textContent = results.length ? input.dataset.autocompleteStatus || "" : "";
      if (results.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        close();
        return;
      }
      if (controller) {
        controller.abort();
      }
      controller = new AbortController();
      var url = input.dataset.autocompleteUrl + "?q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" }, signal: controller.signal, credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query) {
            show(data.results || []);
          }
        })
        .catch(function () {
          /* aborted or offline: the form still works */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && options.length) {
        event.preventDefault();
        highlight((active + 1) % options.length);
      } else if (event.key === "ArrowUp" && options.length) {
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = options[active].dataset.url;
      } else if (event.key === "Escape") {
        close();
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-autocomplete-url]").forEach(enhance);
})();
