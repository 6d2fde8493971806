// Tasks, newest first: status filter, cursor paging, refreshed while any task on the page is still going.

import { api } from './api.js';
import { h, clear, uid } from './dom.js';
import { age, cost, isActive, taskDuration, tokens, workspace } from './format.js';
import { listCharts } from './task-charts.js';

const STATUSES = ['', 'queued', 'running', 'waiting_approval', 'succeeded', 'failed', 'cancelled'];
const PAGE = 20;
const POLL_MS = 2000;

class NaviTaskList extends HTMLElement {
  connectedCallback() {
    this.status = this.params?.get('status') ?? '';
    this.cursors = [null];
    const filterId = uid('status');
    this.select = h('select', { id: filterId, name: 'status', onchange: () => this.filter() },
      ...STATUSES.map((status) => h('option', { value: status, selected: status === this.status }, status ? status.replace('_', ' ') : 'all')));
    this.body = h('tbody');
    this.message = h('p', { class: 'list-message', role: 'status' });
    this.previous = h('button', { type: 'button', onclick: () => this.page(-1) }, 'Newer');
    this.next = h('button', { type: 'button', onclick: () => this.page(1) }, 'Older');
    this.charts = h('div', { class: 'charts list-charts' });
    clear(this).append(
      h('div', { class: 'view-head' },
        h('h1', { tabindex: '-1' }, 'Tasks'),
        h('a', { class: 'button primary', href: '#/submit' }, 'New task')),
      h('div', { class: 'toolbar' }, h('label', { for: filterId }, 'Status'), this.select),
      h('div', { class: 'table-wrap' },
        h('table', { class: 'tasks' },
          h('caption', { class: 'visually-hidden' }, 'Tasks, newest first'),
          h('thead', {}, h('tr', {}, ...['Status', 'Prompt', 'Workspace', 'Model', 'Age', 'Duration', 'Iterations', 'Tokens', 'Cost']
            .map((name) => h('th', { scope: 'col' }, name)))),
          this.body)),
      this.message,
      h('nav', { class: 'pager', 'aria-label': 'Pages' }, this.previous, this.next),
      this.charts);
    this.load();
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
  }

  filter() {
    this.status = this.select.value;
    history.replaceState(null, '', this.status ? `#/tasks?status=${this.status}` : '#/tasks');
    this.cursors = [null];
    this.load();
  }

  page(direction) {
    if (direction > 0 && this.nextCursor) this.cursors.push(this.nextCursor);
    if (direction < 0 && this.cursors.length > 1) this.cursors.pop();
    this.load();
  }

  async load() {
    clearTimeout(this.timer);
    const query = { limit: PAGE };
    if (this.status) query.status = this.status;
    const cursor = this.cursors[this.cursors.length - 1];
    if (cursor) query.cursor = cursor;
    try {
      const page = await api.tasks(query);
      this.nextCursor = page.nextCursor;
      this.show(page.items);
      if (page.items.some((task) => isActive(task.status))) {
        this.timer = setTimeout(() => this.isConnected && this.load(), POLL_MS);
      }
    } catch (problem) {
      this.message.textContent = `Could not load the tasks: ${problem.message}`;
    }
  }

  show(tasks) {
    const now = Date.now();
    this.body.replaceChildren(...tasks.map((task) => h('tr', { 'data-task-id': task.id, 'data-status': task.status },
      h('td', {}, h('span', { class: `status status-${task.status}` }, task.status.replace('_', ' '))),
      h('td', { class: 'prompt-cell' }, h('a', { href: `#/tasks/${task.id}` }, task.prompt)),
      h('td', {}, workspace(task.workspace)),
      h('td', {}, task.model),
      h('td', {}, h('time', { datetime: task.createdAt }, age(task.createdAt, now))),
      h('td', {}, taskDuration(task, now)),
      h('td', { class: 'number' }, task.iterations),
      h('td', { class: 'number' }, tokens(task.usage.inputTokens + task.usage.outputTokens)),
      h('td', { class: 'number' }, cost(task.usage.costUsd, task.usage.costKnown)))));
    this.message.textContent = tasks.length ? '' : 'No tasks here yet.';
    this.previous.disabled = this.cursors.length <= 1;
    this.next.disabled = !this.nextCursor;
    this.charts.replaceChildren(...listCharts(tasks, now));
  }
}

customElements.define('navi-task-list', NaviTaskList);
