// Passkeys (WebAuthn) on /konto/mfa and /login/mfa. They need JavaScript: the buttons stay hidden
// without it, and the authenticator app works by plain forms. Uses @simplewebauthn/browser's bundle.
(function () {
  var lib = window.SimpleWebAuthnBrowser;
  if (!lib || !lib.browserSupportsWebAuthn()) return;
  var csrfInput = document.querySelector('input[name="_csrf"]');
  var csrf = csrfInput ? csrfInput.value : '';

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body || {}),
    }).then(function (res) {
      return res.json().then(function (json) {
        if (!res.ok) throw new Error(json.danish || json.message || 'Fejl');
        return json;
      });
    });
  }

  function say(el, text, error) {
    el.hidden = false;
    el.className = 'alert ' + (error ? 'alert-error' : 'alert-success');
    el.setAttribute('role', error ? 'alert' : 'status');
    el.textContent = text;
  }

  var register = document.querySelector('[data-passkey-register]');
  if (register) {
    var result = document.getElementById('passkey-result');
    var nameInput = document.getElementById('passkey-name');
    register.closest('[data-passkey-section]').hidden = false;
    register.addEventListener('click', function () {
      post('/konto/mfa/adgangsnoegler/muligheder.json')
        .then(function (options) {
          return lib.startRegistration({ optionsJSON: options });
        })
        .then(function (response) {
          return post('/konto/mfa/adgangsnoegler.json', {
            response: response,
            name: nameInput ? nameInput.value : '',
          });
        })
        .then(function (body) {
          if (body.recoveryCodes) {
            say(
              result,
              'Adgangsnøglen er tilføjet. Gem dine gendannelseskoder nu – de vises kun denne gang: ' +
                body.recoveryCodes.join(', '),
            );
          } else {
            window.location.assign('/konto/mfa?besked=noegle');
          }
        })
        .catch(function () {
          say(result, 'Adgangsnøglen blev ikke tilføjet. Prøv igen.', true);
        });
    });
  }

  var signIn = document.querySelector('[data-passkey-sign-in]');
  if (signIn) {
    var status = document.getElementById('passkey-result');
    signIn.closest('[data-passkey-section]').hidden = false;
    signIn.addEventListener('click', function () {
      var next = document.querySelector('input[name="next"]');
      post('/login/mfa/adgangsnoegle/muligheder.json')
        .then(function (options) {
          return lib.startAuthentication({ optionsJSON: options });
        })
        .then(function (response) {
          return post('/login/mfa/adgangsnoegle.json', {
            response: response,
            next: next ? next.value : undefined,
          });
        })
        .then(function (body) {
          window.location.assign(body.location);
        })
        .catch(function () {
          say(status, 'Adgangsnøglen blev ikke godkendt. Prøv igen, eller skriv en kode.', true);
        });
    });
  }
})();
