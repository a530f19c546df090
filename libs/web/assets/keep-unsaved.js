// Keeps what the officer typed when the session has ended, so that signing in again loses
// nothing. autosave.js announces on the form when a save met an ended session
// ("autosave:session-lost") and when one was saved ("autosave:saved"). From the first loss on,
// the unsaved answers of this area wait in this tab's sessionStorage, keyed by edition and area
// and marked with the user, and "Log ind igen" leads to the sign-in page and back here. On
// return they are put back into the form and saved through autosave.js. Sign-out clears
// sessionStorage (Clear-Site-Data), so only an expired session leaves anything here; another
// user signing in in the same tab, or the same user now of another municipality, gets nothing back.
(function () {
  'use strict';
  var form = document.querySelector('form[data-autosave-url]');
  if (!form || !window.sessionStorage || !window.JSON) return;
  var user = document.body.getAttribute('data-user') || '';
  // Kept answers belong to one municipality's response: an officer moved to another municipality
  // meanwhile must not put them into the new one's (its officers would read them there).
  var municipality = form.getAttribute('data-municipality') || '';
  var area = form.querySelector('input[name="area"]');
  var storageKey =
    'baseline:unsaved:' + form.getAttribute('data-autosave-url') + ':' + (area ? area.value : '');
  var lost = false;
  var unsaved = {}; // question key → true, for answers not saved since they changed
  var restored = null; // question keys put back on this visit and not yet saved
  var notice = null;

  function read() {
    try {
      return JSON.parse(sessionStorage.getItem(storageKey) || 'null');
    } catch (e) {
      return null;
    }
  }

  function write(record) {
    try {
      if (record) sessionStorage.setItem(storageKey, JSON.stringify(record));
      else sessionStorage.removeItem(storageKey);
    } catch (e) {
      // Storage full or refused: the notice still tells the officer that the answer was not saved.
    }
  }

  function containerOf(key) {
    var all = form.querySelectorAll('[data-question]');
    for (var i = 0; i < all.length; i++) if (all[i].getAttribute('data-question') === key) return all[i];
    return null;
  }

  // The fields of one question as they stand: checked values of radios and checkboxes, text of the rest.
  function fieldsOf(container) {
    var state = {};
    var inputs = container.querySelectorAll('input, textarea, select');
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i];
      if (!el.name) continue;
      if (el.type === 'radio' || el.type === 'checkbox') {
        if (!state[el.name]) state[el.name] = [];
        if (el.checked) state[el.name].push(el.value);
      } else {
        state[el.name] = el.value;
      }
    }
    return state;
  }

  function putBack(container, state) {
    var inputs = container.querySelectorAll('input, textarea, select');
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i];
      if (!(el.name in state)) continue;
      if (el.type === 'radio' || el.type === 'checkbox') el.checked = state[el.name].indexOf(el.value) >= 0;
      else el.value = state[el.name];
    }
  }

  // Each answer is kept with the version autosave.js based it on, so that it is saved on that
  // version after signing in: a colleague's change meanwhile is then a conflict, not overwritten.
  function keep() {
    var answers = {};
    Object.keys(unsaved).forEach(function (key) {
      var container = containerOf(key);
      if (container)
        answers[key] = { fields: fieldsOf(container), base: container.getAttribute('data-base-version') };
    });
    write({ user: user, municipality: municipality, answers: answers });
  }

  function show(variant, heading, text, link) {
    if (notice) notice.parentNode.removeChild(notice);
    notice = document.createElement('div');
    notice.className = 'alert alert-' + variant + ' keep-unsaved-notice';
    notice.setAttribute('role', variant === 'warning' ? 'alert' : 'status');
    var body = document.createElement('div');
    body.className = 'alert-body';
    var h = document.createElement('h2');
    h.className = 'alert-heading';
    h.textContent = heading;
    var p = document.createElement('p');
    p.className = 'alert-text';
    p.textContent = text;
    body.appendChild(h);
    body.appendChild(p);
    if (link) {
      var a = document.createElement('a');
      a.className = 'button button-primary mt-4';
      a.href = link.href;
      a.textContent = link.text;
      body.appendChild(a);
    }
    notice.appendChild(body);
    form.parentNode.insertBefore(notice, form);
  }

  function markUnsaved(container) {
    if (!container) return;
    unsaved[container.getAttribute('data-question')] = true;
    keep();
  }

  form.addEventListener('autosave:session-lost', function (event) {
    markUnsaved(event.detail && event.detail.container);
    if (lost) return;
    lost = true;
    show(
      'warning',
      'Du er blevet logget ud',
      'Dine seneste svar er ikke gemt endnu, men de er husket i denne fane. Log ind igen, så kommer du ' +
        'tilbage hertil, og svarene bliver sat ind og gemt.',
      {
        href: '/login?next=' + encodeURIComponent(location.pathname + location.search),
        text: 'Log ind igen',
      },
    );
  });

  // After the loss autosave.js saves nothing more; what the officer changes from then on is kept too.
  function changed(event) {
    if (lost) markUnsaved(event.target.closest('[data-question]'));
  }
  form.addEventListener('change', changed);
  form.addEventListener('input', changed);

  form.addEventListener('autosave:saved', function (event) {
    var key = event.detail && event.detail.container && event.detail.container.getAttribute('data-question');
    if (!key) return;
    delete unsaved[key];
    if (!restored || !restored[key]) return;
    delete restored[key];
    if (Object.keys(restored).length === 0) {
      restored = null;
      show(
        'success',
        'Dine svar er gemt',
        'De svar, du ikke nåede at gemme, før du blev logget ud, er sat ind igen og gemt.',
      );
    }
  });

  // Back after signing in: put the kept answers into the form, and let autosave.js save each.
  var record = read();
  if (!record || !record.answers) return;
  write(null);
  if (record.user !== user || record.municipality !== municipality) return;
  var keys = Object.keys(record.answers).filter(function (key) {
    return containerOf(key) !== null;
  });
  if (keys.length === 0) return;
  restored = {};
  keys.forEach(function (key) {
    var container = containerOf(key);
    var kept = record.answers[key] || {};
    putBack(container, kept.fields || kept);
    if (/^\d+$/.test(kept.base || '') && window.CustomEvent) {
      form.dispatchEvent(
        new CustomEvent('autosave:rebase', { detail: { container: container, version: Number(kept.base) } }),
      );
    }
    restored[key] = true;
    unsaved[key] = true;
    var first = container.querySelector('input, textarea, select');
    if (first) first.dispatchEvent(new Event('change', { bubbles: true }));
  });
})();
