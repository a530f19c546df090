// Starts DKFDS's component behaviour (menus, alerts) once the page has loaded.
document.addEventListener('DOMContentLoaded', function () {
  if (window.DKFDS) window.DKFDS.init();
});
