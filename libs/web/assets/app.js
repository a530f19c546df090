// Starts DKFDS's component behaviour (menus, alerts) once the page has loaded.
document.addEventListener('DOMContentLoaded', function () {
  if (window.DKFDS) window.DKFDS.init();
  // An error summary takes focus so screen readers announce it; `autofocus` covers most browsers.
  var summary = document.querySelector('[data-focus-on-load]');
  if (summary && document.activeElement !== summary) summary.focus();
});
