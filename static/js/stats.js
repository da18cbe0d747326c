// Counts a view of a page that a cache in front of the site served without asking Django.
// Progressive enhancement: no cookie, nothing stored in the browser; the server counts the
// view only once per visitor and page within its repeat window, so a page Django served
// itself (and counted already) is not counted twice.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !navigator.sendBeacon) {
    return;
  }
  var data = new FormData();
  data.append("page", script.dataset.page);
  navigator.sendBeacon(script.dataset.endpoint, data);
})();
