// The page has JavaScript: the mobile menu opens as a drawer (without it, app.css shows it inline).
document.documentElement.classList.remove('no-js');
// Starts DKFDS's component behaviour (menus, alerts) once the page has loaded.
document.addEventListener('DOMContentLoaded', function () {
  if (window.DKFDS) window.DKFDS.init();
  // An error summary takes focus so screen readers announce it; `autofocus` covers most browsers.
  var summary = document.querySelector('[data-focus-on-load]');
  if (summary && document.activeElement !== summary) summary.focus();
});
