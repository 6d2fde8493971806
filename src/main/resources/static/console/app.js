// Entry: routes #/… to a view, asks for a token first, and exposes the test hooks (window.naviConsole).

import { token } from './api.js';
import { h, clear } from './dom.js';
import { completeSignIn } from './oidc.js';
import './sign-in.js';
import './task-list.js';
import './submit-form.js';
import './task-view.js';
import './diff-view.js';

/** The route of a hash such as #/tasks/<id>/diff?at=12. */
export function route(hash) {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'submit') return { view: 'navi-submit', params };
  if (parts[0] === 'tasks' && parts[1] && parts[2] === 'diff') return { view: 'navi-diff', id: parts[1], params };
  if (parts[0] === 'tasks' && parts[1]) return { view: 'navi-task', id: parts[1], params };
  return { view: 'navi-task-list', params };
}

/** For the browser tests: the open task's stream (drop it to see a resume). */
window.naviConsole = {
  stream: null,
  dropStream() {
    window.naviConsole.stream?.drop();
  },
};

class NaviApp extends HTMLElement {
  connectedCallback() {
    this.render = this.render.bind(this);
    window.addEventListener('hashchange', this.render);
    window.addEventListener('navi:signed-in', this.render);
    window.addEventListener('navi:unauthorized', () => {
      token.clear();
      this.render('Your token was not accepted (expired or revoked?). Sign in again.');
    });
    this.returnFromIdentityProvider();
  }

  /** Back from the identity provider with ?code=&state=: the token it issues signs this tab in. */
  async returnFromIdentityProvider() {
    try {
      const accessToken = await completeSignIn();
      if (accessToken) token.set(accessToken);
      this.render();
    } catch (error) {
      token.clear();
      this.render(error.message);
    }
  }

  render(message) {
    const signedIn = Boolean(token.get());
    document.querySelector('navi-account')?.update();
    if (!signedIn) {
      const view = h('navi-sign-in');
      if (typeof message === 'string') view.setAttribute('message', message);
      clear(this).append(view);
      return;
    }
    const { view, id, params } = route(location.hash);
    const element = document.createElement(view);
    if (id) element.setAttribute('task-id', id);
    element.params = params;
    clear(this).append(element);
    requestAnimationFrame(() => this.querySelector('h1')?.focus({ preventScroll: false }));
  }
}

class NaviAccount extends HTMLElement {
  connectedCallback() {
    this.update();
  }

  update() {
    clear(this);
    if (!token.get()) return;
    this.append(h('button', {
      type: 'button',
      class: 'link-button',
      onclick: () => {
        token.clear();
        window.dispatchEvent(new Event('navi:signed-in'));
      },
    }, 'Sign out'));
  }
}

customElements.define('navi-account', NaviAccount);
customElements.define('navi-app', NaviApp);
