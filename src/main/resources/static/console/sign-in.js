// Sign in by pasting a bearer token (the local admin token, an API key, or a JWT from the identity provider),
// or, when NAVI names the console's client at an OpenID Connect issuer, at that issuer.

import { api, authHeaders, token } from './api.js';
import { h, clear, uid } from './dom.js';
import { startSignIn } from './oidc.js';

class NaviSignIn extends HTMLElement {
  async connectedCallback() {
    const id = uid('token');
    const hint = uid('hint');
    this.error = h('p', { class: 'field-error', role: 'alert', id: uid('error') });
    this.hint = h('p', { class: 'hint', id: hint }, 'Paste a bearer token.');
    this.input = h('input', { id, name: 'token', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': `${hint} ${this.error.id}` });
    this.provider = h('div', { class: 'sign-in-provider', hidden: true });
    const form = h('form', { class: 'card sign-in', onsubmit: (e) => this.submit(e) },
      h('h1', { tabindex: '-1' }, 'Sign in to NAVI'),
      this.getAttribute('message') ? h('p', { class: 'notice', role: 'status' }, this.getAttribute('message')) : null,
      this.provider,
      h('label', { for: id }, 'Token'),
      this.input,
      this.hint,
      this.error,
      h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
      h('p', { class: 'quiet' }, 'The token stays in this browser tab (session storage) and is sent only to this NAVI, in the Authorization header.'));
    clear(this).append(form);
    this.describeMethod();
  }

  async describeMethod() {
    try {
      const method = await api.signIn();
      if (method.method === 'admin-token') {
        this.hint.textContent = 'Paste the local admin token (the file admin.token in NAVI_HOME) or an API key.';
      } else if (method.issuer && method.clientId) {
        this.offerProvider(method);
        clear(this.hint).append('Or paste an access token from ', h('code', {}, method.issuer), ', or an API key.');
      } else if (method.issuer) {
        clear(this.hint).append('This NAVI accepts tokens from the identity provider ',
          h('code', {}, method.issuer), '. Get an access token there (for your tenant, with the tasks scopes) and paste it, or paste an API key.');
      } else {
        this.hint.textContent = 'Paste a JWT signed for this NAVI, or an API key.';
      }
    } catch {
      // the generic hint stays
    }
  }

  offerProvider(method) {
    const button = h('button', { type: 'button', class: 'primary oidc-sign-in' }, `Sign in with ${method.issuer}`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await startSignIn(method);
      } catch (error) {
        button.disabled = false;
        this.fail(error.message);
      }
    });
    clear(this.provider).append(button);
    this.provider.hidden = false;
  }

  async submit(event) {
    event.preventDefault();
    const value = this.input.value.trim();
    if (!value) {
      this.fail('Paste a token first.');
      return;
    }
    token.set(value);
    try {
      const response = await fetch('/api/v1/tasks?limit=1', { headers: authHeaders({ Accept: 'application/json' }), cache: 'no-store' });
      if (response.ok) {
        window.dispatchEvent(new Event('navi:signed-in'));
        return;
      }
      token.clear();
      this.fail(response.status === 401 ? 'This token is not accepted.' : `Could not sign in: HTTP ${response.status}.`);
    } catch {
      token.clear();
      this.fail('NAVI did not answer.');
    }
  }

  fail(message) {
    this.error.textContent = message;
    this.input.setAttribute('aria-invalid', 'true');
    this.input.focus();
  }
}

customElements.define('navi-sign-in', NaviSignIn);
