// Submit a task; a problem naming a `field` is shown at that field.

import { api } from './api.js';
import { h, clear, uid } from './dom.js';

function field(label, input, help) {
  const id = input.id || uid('field');
  input.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error` });
  const hint = help ? h('p', { class: 'hint', id: `${id}-hint` }, help) : null;
  input.setAttribute('aria-describedby', [hint?.id, error.id].filter(Boolean).join(' '));
  return h('div', { class: 'field', 'data-field': input.name }, h('label', { for: id }, label), input, hint, error);
}

function number(name, placeholder) {
  return h('input', { name, type: 'text', inputmode: 'decimal', placeholder, autocomplete: 'off' });
}

class NaviSubmit extends HTMLElement {
  connectedCallback() {
    this.general = h('p', { class: 'form-error', role: 'alert' });
    this.pathRadio = h('input', { type: 'radio', name: 'source', value: 'path', id: uid('source'), checked: true, onchange: () => this.toggle() });
    this.gitRadio = h('input', { type: 'radio', name: 'source', value: 'git', id: uid('source'), onchange: () => this.toggle() });
    this.pathFields = h('div', { class: 'source-path' },
      field('Workspace path', h('input', { name: 'workspace.path', autocomplete: 'off' }), 'A directory under your tenant\'s workspaces root, e.g. my-repo.'));
    this.gitFields = h('div', { class: 'source-git', hidden: true },
      field('Git URL', h('input', { name: 'workspace.git', autocomplete: 'off', placeholder: 'https://git.example.com/team/repo.git' })),
      field('Ref (branch or tag)', h('input', { name: 'workspace.ref', autocomplete: 'off', placeholder: 'default branch' })));
    this.form = h('form', { class: 'card submit', novalidate: true, onsubmit: (e) => this.submit(e) },
      h('h1', { tabindex: '-1' }, 'New task'),
      field('Prompt', h('textarea', { name: 'prompt', rows: 6, required: true })),
      h('fieldset', { class: 'field', 'data-field': 'workspace' },
        h('legend', {}, 'Workspace'),
        h('div', { class: 'radios' },
          this.pathRadio, h('label', { for: this.pathRadio.id }, 'Local path'),
          this.gitRadio, h('label', { for: this.gitRadio.id }, 'Git repository')),
        this.pathFields, this.gitFields,
        h('p', { class: 'field-error', id: uid('workspace-error') })),
      field('Model', h('input', { name: 'model', autocomplete: 'off' }), 'Leave empty for the default model.'),
      h('fieldset', { class: 'limits' },
        h('legend', {}, 'Limits (empty: the defaults)'),
        field('Max iterations', number('limits.maxIterations', '30')),
        field('Max duration (seconds)', number('limits.maxDurationSeconds', '3600')),
        field('Max tokens', number('limits.maxTokens', '2000000')),
        field('Max cost (USD)', number('limits.maxCostUsd', '5'))),
      field('Approvals', h('select', { name: 'approvals' },
        h('option', { value: 'never' }, 'never: run every tool call'),
        h('option', { value: 'commands' }, 'commands: approve each run_command'),
        h('option', { value: 'writes' }, 'writes: approve file writes and commands'))),
      this.general,
      h('button', { type: 'submit', class: 'primary' }, 'Submit'));
    clear(this).append(this.form);
  }

  toggle() {
    const git = this.gitRadio.checked;
    this.gitFields.hidden = !git;
    this.pathFields.hidden = git;
  }

  value(name) {
    return this.form.elements.namedItem(name).value.trim();
  }

  body() {
    const body = { prompt: this.form.elements.namedItem('prompt').value, approvals: this.value('approvals') };
    body.workspace = this.gitRadio.checked
      ? { git: this.value('workspace.git'), ref: this.value('workspace.ref') || undefined }
      : { path: this.value('workspace.path') };
    if (this.value('model')) body.model = this.value('model');
    const limits = {};
    for (const name of ['maxIterations', 'maxDurationSeconds', 'maxTokens', 'maxCostUsd']) {
      const text = this.value(`limits.${name}`);
      if (text) limits[name] = Number.isNaN(Number(text)) ? text : Number(text);
    }
    if (Object.keys(limits).length) body.limits = limits;
    return body;
  }

  clearErrors() {
    this.general.textContent = '';
    for (const element of this.form.querySelectorAll('.field-error')) element.textContent = '';
    for (const element of this.form.querySelectorAll('[aria-invalid]')) element.removeAttribute('aria-invalid');
  }

  async submit(event) {
    event.preventDefault();
    this.clearErrors();
    const button = this.form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const task = await api.submit(this.body());
      location.hash = `#/tasks/${task.id}`;
    } catch (problem) {
      this.show(problem);
    } finally {
      button.disabled = false;
    }
  }

  /** At the field the problem names (or its closest enclosing one), else above the button. */
  show(problem) {
    const type = problem.problem?.type ?? '';
    const name = problem.field ?? (/workspace|git-/.test(type) ? 'workspace' : null);
    const container = name && (this.form.querySelector(`[data-field="${CSS.escape(name)}"]`)
      ?? this.form.querySelector(`[data-field="${CSS.escape(name.split('.')[0])}"]`));
    if (!container) {
      this.general.textContent = problem.message;
      return;
    }
    container.querySelector('.field-error').textContent = problem.message;
    const input = container.querySelector('input:not([type=radio]), textarea, select') ?? container.querySelector('input');
    input?.setAttribute('aria-invalid', 'true');
    input?.focus();
  }
}

customElements.define('navi-submit', NaviSubmit);
