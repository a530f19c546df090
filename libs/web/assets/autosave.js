// Saves an answer as soon as it changes (progressive enhancement: the form's "Gem" works without
// this file). Saves run one after another. Each question remembers the response version at which
// the page last knew its answer, and a save is based on that version: the server stores it unless
// a colleague changed that question since, and then returns a conflict, shown beside the question
// with both answers and a choice. A colleague's save elsewhere never stops this page saving.
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
  // Question key -> the version at which this page last knew its answer (at first: the page's).
  // It is also written on the question as data-base-version, for keep-unsaved.js to keep with a
  // kept answer: put back after signing in again, that answer is saved on the version it was typed on.
  var bases = {};
  var byKey = {};
  var containers = form.querySelectorAll('[data-question]');
  for (var c = 0; c < containers.length; c++) {
    var questionKey = containers[c].getAttribute('data-question');
    byKey[questionKey] = containers[c];
    bases[questionKey] = Number(version.value);
    containers[c].setAttribute('data-base-version', version.value);
  }

  // The form's own "Gem" posts every question, based on the oldest version the page still shows.
  function setBase(key, v) {
    bases[key] = v;
    if (byKey[key]) byKey[key].setAttribute('data-base-version', String(v));
    var oldest = v;
    for (var k in bases) if (bases[k] < oldest) oldest = bases[k];
    version.value = String(oldest);
  }

  // keep-unsaved.js: a kept answer goes back on the version it was typed on (never a newer one,
  // which would overwrite unseen what a colleague saved while this officer was signed out).
  form.addEventListener('autosave:rebase', function (event) {
    var container = event.detail && event.detail.container;
    var key = container && container.getAttribute('data-question');
    var v = event.detail && event.detail.version;
    if (key in bases && typeof v === 'number' && v >= 0 && v < bases[key]) setBase(key, v);
  });

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

  function clearConflict(container) {
    var old = container.querySelector('[data-answer-conflict]');
    if (old) old.parentNode.removeChild(old);
  }

  // The server renders the box (both answers, who, when, the choice); it goes inside the fieldset.
  function showConflict(container, markup) {
    clearConflict(container);
    var holder = document.createElement('div');
    holder.innerHTML = markup;
    var box = holder.firstElementChild;
    var group = container.querySelector('fieldset') || container;
    var before = group.querySelector(
      '.form-group-radio, .form-group-checkbox, .form-input-wrapper, textarea',
    );
    group.insertBefore(box, before);
  }

  function setFields(container, state) {
    var key = container.getAttribute('data-question');
    var chosen = [].concat(state.value === null ? [] : state.value);
    var fields = container.querySelectorAll('input, textarea, select');
    for (var i = 0; i < fields.length; i++) {
      var el = fields[i];
      if (el.name === 'value:' + key) {
        if (el.type === 'radio' || el.type === 'checkbox') el.checked = chosen.indexOf(el.value) !== -1;
        else el.value = chosen.length ? chosen[0] : '';
      } else if (el.name === 'na:' + key) {
        el.checked = !!state.notApplicable;
      } else if (el.name === 'comment:' + key) {
        el.value = state.comment || '';
      }
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
    var key = container.getAttribute('data-question');
    say('Gemmer …');
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-CSRF-Token': csrf ? csrf.value : '',
      },
      body: JSON.stringify({ version: bases[key], answers: [answerOf(container)] }),
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
          var conflict = (r.body.conflicts || []).filter(function (x) {
            return x.questionKey === key;
          })[0];
          clearError(container);
          showProgress(r.body.progress);
          if (conflict) {
            showConflict(container, conflict.html);
            say('Dit svar blev ikke gemt, fordi en kollega har ændret det. Vælg ved spørgsmålet.', true);
          } else {
            clearConflict(container);
            setBase(key, r.body.version);
            say('Gemt kl. ' + r.body.savedAtText);
            announce('autosave:saved', container);
          }
        } else if (r.status === 422) {
          var problem = (r.body.details || [])[0];
          showError(container, (problem && problem.message) || 'Svaret passer ikke til spørgsmålet.');
          say('Svaret blev ikke gemt. Ret fejlen ved spørgsmålet.', true);
        } else if (r.status === 409) {
          halted = true;
          say(
            r.body.details && r.body.details.readOnly
              ? 'Besvarelsen kan ikke længere ændres. Genindlæs siden.'
              : 'Besvarelsen er ændret på en måde, siden ikke kender. Genindlæs siden.',
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

  function enqueue(container) {
    pending++;
    queue = queue
      .then(function () {
        return save(container);
      })
      .then(function () {
        pending--;
      });
  }

  form.addEventListener('change', function (event) {
    var container = event.target.closest('[data-question]');
    if (!container) return;
    exclusive(container, event.target);
    enqueue(container);
  });

  // "Behold mit svar" saves the officer's answer on top of the colleague's (now seen); "Brug
  // kollegas svar" puts the colleague's answer, which is already stored, into the fields.
  form.addEventListener('click', function (event) {
    var button = event.target.closest('[data-conflict-choice]');
    if (!button) return;
    event.preventDefault();
    var box = button.closest('[data-answer-conflict]');
    var container = box.closest('[data-question]');
    var key = container.getAttribute('data-question');
    setBase(key, Number(box.getAttribute('data-version')));
    if (button.getAttribute('data-conflict-choice') === 'theirs') {
      setFields(container, JSON.parse(box.getAttribute('data-theirs')));
      say('Kollegaens svar er valgt.');
    } else {
      enqueue(container);
    }
    clearConflict(container);
    var first = container.querySelector('input:not([type="hidden"]), textarea');
    if (first) first.focus();
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
