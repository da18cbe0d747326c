/* The multiple chooser of the page editor (core/choosers.py): "add" opens Wagtail's chooser
   modal with several items selectable; each chosen item becomes a hidden input with a remove
   button. Without this script the chosen items are still shown and saved as they are. */
(function () {
  "use strict";

  function addItem(chooser, result) {
    var list = chooser.querySelector("[data-multiple-chooser-list]");
    var id = String(result.id);
    var present = Array.prototype.some.call(
      list.querySelectorAll("input[type=hidden]"),
      function (input) { return input.value === id; }
    );
    if (present) {
      return;
    }
    var title = result.title || result.string || id;
    var template = chooser.querySelector("[data-multiple-chooser-template]");
    var item = template.content.firstElementChild.cloneNode(true);
    item.querySelector("input[type=hidden]").value = id;
    item.querySelector(".multiple-chooser__title").textContent = title;
    var label = item.querySelector("[data-remove-label]");
    label.textContent = label.getAttribute("data-remove-label") + " " + title;
    list.appendChild(item);
  }

  function changed(chooser) {
    // Tells the editor (unsaved-changes warning, draft saving) that the field changed.
    chooser.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function open(chooser) {
    window.ModalWorkflow({
      url: chooser.getAttribute("data-chooser-url"),
      onload: window.CHOOSER_MODAL_ONLOAD_HANDLERS,
      responses: {
        chosen: function (results) {
          [].concat(results).forEach(function (result) { addItem(chooser, result); });
          changed(chooser);
        },
      },
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-multiple-chooser-add], [data-multiple-chooser-remove]");
    if (!button) {
      return;
    }
    var chooser = button.closest("[data-multiple-chooser]");
    if (button.hasAttribute("data-multiple-chooser-add")) {
      open(chooser);
    } else {
      button.closest("[data-multiple-chooser-item]").remove();
      changed(chooser);
    }
  });
})();
