// Saves an answer as soon as it changes (progressive enhancement: the form's "Gem" works without
// this file). Saves run one after another, each with the version the previous one returned, so
// the officer's own saves never conflict; a colleague's save in between gives a 409 and a
// request to reload instead of overwriting their answers.
(function () {
  'use strict';
  var form = document.querySelector('form[data-autosave-url]');
  if (!form || !window.fetch || !window.JSON) return;
  var url = form.getAttribute('data-autosave-url');
  var version = form.querySelector('input[name="version"]');
  var csrf = form.querySelector('input[name="_csrf"]');
  var status = document.getElementById('autosave-status');
  var queue = Promise.resolve();
  var pending = 0;
  var halted = false;

  function say(text, isError) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle('autosave-status--error', !!isError);
  }

  function answerOf(container) {
    var key = container.getAttribute('data-question');
    var multi = container.getAttribute('data-type') === 'multi_choice';
    var answer = { questionKey: key, value: multi ? [] : null, notApplicable: false, comment: null };
    var fields = container.querySelectorAll('input, textarea, select');
    for (var i = 0; i < fields.length; i++) {
      var el = fields[i];
      if (el.name === 'value:' + key) {
        if (el.type === 'radio' || el.type === 'checkbox') {
          if (el.checked) {
            if (multi) answer.value.push(el.value);
            else answer.value = el.value;
          }
        } else {
          answer.value = el.value;
        }
      } else if (el.name === 'na:' + key) {
        answer.notApplicable = el.checked;
      } else if (el.name === 'comment:' + key) {
        answer.comment = el.value;
      }
    }
    return answer;
  }

  // The field an error describes, as the server marks it: the text box (aria-invalid and
  // aria-describedby) or the fieldset of a choice (aria-describedby).
  function describedField(container) {
    return container.querySelector('#' + container.id + '-input') || container.querySelector('fieldset');
  }

  function showError(container, text) {
    clearError(container);
    container.classList.add('form-error');
    var message = document.createElement('span');
    message.className = 'form-error-message';
    message.id = container.id + '-autosave-error';
    message.setAttribute('data-autosave-error', '');
    var hidden = document.createElement('span');
    hidden.className = 'sr-only';
    hidden.textContent = 'Fejl: ';
    message.appendChild(hidden);
    message.appendChild(document.createTextNode(text));
    var anchor = container.querySelector('legend, label');
    anchor.parentNode.insertBefore(message, anchor.nextSibling);
    var field = describedField(container);
    if (!field) return;
    var ids = (field.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    field.setAttribute('aria-describedby', ids.concat(message.id).join(' '));
    if (field.tagName !== 'FIELDSET') field.setAttribute('aria-invalid', 'true');
  }

  function clearError(container) {
    var old = container.querySelector('[data-autosave-error]');
    if (!old) return;
    old.parentNode.removeChild(old);
    var field = describedField(container);
    if (field) {
      var ids = (field.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
        return id && id !== old.id;
      });
      if (ids.length) field.setAttribute('aria-describedby', ids.join(' '));
      else field.removeAttribute('aria-describedby');
    }
    if (!container.querySelector('.form-error-message')) {
      container.classList.remove('form-error');
      if (field) field.removeAttribute('aria-invalid');
    }
  }

  function showProgress(progress) {
    if (!progress) return;
    var bar = document.querySelector('[data-progress-bar]');
    var text = document.querySelector('[data-progress-text]');
    if (bar) bar.value = progress.answered;
    if (text) text.textContent = progress.answered + ' af ' + progress.total + ' spørgsmål besvaret';
    progress.areas.forEach(function (area) {
      var el = document.querySelector('[data-area-progress="' + area.key + '"]');
      if (el) el.textContent = area.answered + ' af ' + area.total + ' besvaret';
    });
  }

  // keep-unsaved.js listens, to keep answers across an ended session.
  function announce(name, container) {
    if (window.CustomEvent) form.dispatchEvent(new CustomEvent(name, { detail: { container: container } }));
  }

  function save(container) {
    if (halted) return Promise.resolve();
    say('Gemmer …');
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-CSRF-Token': csrf ? csrf.value : '',
      },
      body: JSON.stringify({ version: Number(version.value), answers: [answerOf(container)] }),
    })
      .then(function (res) {
        return res.json().then(
          function (body) {
            return { status: res.status, body: body };
          },
          function () {
            return { status: res.status, body: {} };
          },
        );
      })
      .then(function (r) {
        if (r.status === 200) {
          version.value = String(r.body.version);
          clearError(container);
          showProgress(r.body.progress);
          say('Gemt kl. ' + r.body.savedAtText);
          announce('autosave:saved', container);
        } else if (r.status === 422) {
          var problem = (r.body.details || [])[0];
          showError(container, (problem && problem.message) || 'Svaret passer ikke til spørgsmålet.');
          say('Svaret blev ikke gemt. Ret fejlen ved spørgsmålet.', true);
        } else if (r.status === 409) {
          halted = true;
          say(
            r.body.details && r.body.details.readOnly
              ? 'Besvarelsen kan ikke længere ændres. Genindlæs siden.'
              : 'En kollega har gemt svar i mellemtiden, så dit svar blev ikke gemt. Genindlæs siden for at se de aktuelle svar.',
            true,
          );
        } else if (r.status === 401) {
          halted = true;
          say('Du er ikke længere logget ind, så svaret blev ikke gemt. Log ind igen.', true);
          announce('autosave:session-lost', container);
        } else {
          say('Svaret blev ikke gemt. Prøv igen, eller brug knappen »Gem«.', true);
        }
      })
      .catch(function () {
        say('Svaret blev ikke gemt, fordi forbindelsen svigtede. Prøv igen, eller brug knappen »Gem«.', true);
      });
  }

  // "Ikke relevant" and an answer exclude each other; with a script the other one is cleared.
  function exclusive(container, changed) {
    var key = container.getAttribute('data-question');
    if (!changed.checked) return;
    var clear =
      changed.name === 'na:' + key ? 'value:' + key : changed.name === 'value:' + key ? 'na:' + key : null;
    if (!clear) return;
    var others = container.querySelectorAll('input[type="radio"], input[type="checkbox"]');
    for (var i = 0; i < others.length; i++) if (others[i].name === clear) others[i].checked = false;
  }

  form.addEventListener('change', function (event) {
    var container = event.target.closest('[data-question]');
    if (!container) return;
    exclusive(container, event.target);
    pending++;
    queue = queue
      .then(function () {
        return save(container);
      })
      .then(function () {
        pending--;
      });
  });

  // A click on "Gem" right after typing fires "change" first; wait for that save so the form
  // posts the version it returned rather than colliding with it.
  form.addEventListener('submit', function (event) {
    if (pending === 0) return;
    event.preventDefault();
    var submitter = event.submitter;
    queue.then(function () {
      if (form.requestSubmit) form.requestSubmit(submitter || undefined);
      else form.submit();
    });
  });
})();
