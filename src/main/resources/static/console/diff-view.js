// The task's changes as a unified diff, coloured per line and highlighted by each file's language,
// downloadable as a patch `git apply` accepts.

import { api } from './api.js';
import { h, clear } from './dom.js';
import { highlight, languageOf } from './highlight.js';

/** The CSS class of a line of `git diff` output. */
export function lineClass(line) {
  if (line.startsWith('diff --git') || line.startsWith('index ') || line.startsWith('--- ') || line.startsWith('+++ ')) return 'diff-file';
  if (line.startsWith('@@')) return 'diff-hunk';
  if (line.startsWith('+')) return 'diff-add';
  if (line.startsWith('-')) return 'diff-del';
  if (line.startsWith('# NAVI:') || line.startsWith('#   ')) return 'diff-note';
  return 'diff-context';
}

/** The lines as elements: each changed or context line's code (after its +, - or space) highlighted. */
export function diffLines(lines) {
  let language = null;
  return lines.map((line) => {
    const kind = lineClass(line);
    if (line.startsWith('diff --git')) language = languageOf(line.split(' b/').pop());
    const code = ['diff-add', 'diff-del', 'diff-context'].includes(kind) && /^[-+ ]/.test(line);
    if (!code || !language) return h('span', { class: kind }, `${line}\n`);
    return h('span', { class: kind, 'data-language': language }, line[0], ...highlight(line.slice(1), language), '\n');
  });
}

class NaviDiff extends HTMLElement {
  async connectedCallback() {
    this.taskId = this.getAttribute('task-id');
    const at = this.params?.get('at');
    this.at = at && /^\d+$/.test(at) ? Number(at) : null;
    this.body = h('div', { class: 'diff-body' }, h('p', { class: 'quiet' }, 'Loading the diff…'));
    this.download = h('a', { class: 'button', download: this.fileName(), hidden: true }, 'Download .patch');
    clear(this).append(
      h('div', { class: 'view-head' },
        h('h1', { tabindex: '-1' }, this.at === null ? 'Diff' : `Diff at event ${this.at}`),
        h('div', { class: 'actions' },
          h('a', { class: 'button', href: `#/tasks/${this.taskId}` }, 'Back to the task'),
          this.at === null ? null : h('a', { class: 'button', href: `#/tasks/${this.taskId}/diff` }, 'Latest diff'),
          this.download)),
      this.body);
    try {
      this.show(await api.diff(this.taskId, this.at));
    } catch (problem) {
      clear(this.body).append(h('p', { class: 'form-error', role: 'alert' }, problem.message));
    }
  }

  disconnectedCallback() {
    if (this.url) URL.revokeObjectURL(this.url);
  }

  fileName() {
    return `navi-${this.taskId.slice(0, 8)}${this.at === null ? '' : `-at-${this.at}`}.patch`;
  }

  show(text) {
    if (!text) {
      clear(this.body).append(h('p', { class: 'quiet diff-empty' }, 'No changes (yet).'));
      return;
    }
    this.url = URL.createObjectURL(new Blob([text], { type: 'text/x-diff' }));
    this.download.href = this.url;
    this.download.hidden = false;
    const files = text.split('\n').filter((line) => line.startsWith('diff --git')).length;
    const lines = text.replace(/\n$/, '').split('\n');
    clear(this.body).append(
      h('p', { class: 'quiet' }, `${files} file${files === 1 ? '' : 's'} changed`),
      h('pre', { class: 'diff', tabindex: '0', 'aria-label': 'Unified diff' },
        ...diffLines(lines)));
  }
}

customElements.define('navi-diff', NaviDiff);
