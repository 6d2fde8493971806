// One task: its header, approvals, cancel, the live timeline and its charts.

import { api } from './api.js';
import { h, clear } from './dom.js';
import { cost, isActive, taskDuration, time, tokens, workspace } from './format.js';
import { TaskStream } from './sse.js';
import { renderEvent } from './timeline.js';
import { taskCharts } from './task-charts.js';
import './approvals.js';

const STREAM_STATES = {
  connecting: 'Connecting to the event stream…',
  live: 'Live',
  reconnecting: 'Connection lost: reconnecting…',
  ended: 'Finished: every event is shown',
  failed: 'The event stream was refused',
};

class NaviTask extends HTMLElement {
  connectedCallback() {
    this.taskId = this.getAttribute('task-id');
    this.events = [];
    this.heading = h('h1', { tabindex: '-1' }, 'Task');
    this.prompt = h('p', { class: 'task-prompt' });
    this.summary = h('dl', { class: 'task-summary' });
    this.cancelButton = h('button', { type: 'button', class: 'danger', onclick: () => this.cancel(), hidden: true }, 'Cancel task');
    this.actionMessage = h('p', { class: 'form-error', role: 'alert' });
    this.approvals = h('navi-approvals');
    this.streamState = h('p', { class: 'stream-state', role: 'status', 'data-state': 'connecting' }, STREAM_STATES.connecting);
    this.alive = h('span', { class: 'alive', 'aria-label': 'stream alive indicator', title: 'last heartbeat' });
    this.timeline = h('ol', { class: 'timeline', 'aria-label': 'Events' });
    this.charts = h('div', { class: 'charts' });
    clear(this).append(
      h('div', { class: 'view-head' }, this.heading,
        h('div', { class: 'actions' },
          h('a', { class: 'button', href: `#/tasks/${this.taskId}/diff` }, 'Diff'),
          this.cancelButton)),
      this.actionMessage,
      this.prompt,
      this.summary,
      this.approvals,
      h('div', { class: 'stream-bar' }, this.streamState, this.alive),
      h('div', { class: 'task-body' },
        h('section', { class: 'timeline-box', 'aria-label': 'Timeline' }, this.timeline),
        h('section', { class: 'charts-box', 'aria-label': 'Charts' }, this.charts)));
    this.addEventListener('decided', () => this.refreshTask());
    this.refreshTask();
    this.clock = setInterval(() => this.tickDuration(), 1000);
    this.stream = new TaskStream(this.taskId, {
      onEvent: (event) => this.add(event),
      onHeartbeat: () => this.heartbeat(),
      onState: (state, detail) => this.showState(state, detail),
    }).start();
    window.naviConsole.stream = this.stream;
  }

  disconnectedCallback() {
    this.stream?.close();
    if (window.naviConsole.stream === this.stream) window.naviConsole.stream = null;
    clearTimeout(this.chartTimer);
    clearInterval(this.clock);
  }

  tickDuration() {
    if (this.task && this.duration && isActive(this.task.status)) this.duration.textContent = taskDuration(this.task);
  }

  async refreshTask() {
    try {
      this.task = await api.task(this.taskId);
    } catch (problem) {
      this.actionMessage.textContent = problem.status === 404 ? 'No such task.' : problem.message;
      return;
    }
    const task = this.task;
    this.heading.textContent = `Task ${task.id.slice(0, 8)}`;
    this.prompt.textContent = task.prompt;
    const item = (name, value) => [h('dt', {}, name), h('dd', {}, value)];
    this.summary.replaceChildren(
      ...item('Status', h('span', { class: `status status-${task.status}`, 'data-status': task.status }, task.status.replace('_', ' '))),
      ...item('Workspace', workspace(task.workspace)),
      ...item('Model', task.model),
      ...item('Approvals', task.approvals),
      ...item('Duration', (this.duration = h('span', {}, taskDuration(task)))),
      ...item('Iterations', `${task.iterations} of ${task.limits.maxIterations}`),
      ...item('Tokens', tokens(task.usage.inputTokens + task.usage.outputTokens)),
      ...item('Cost', cost(task.usage.costUsd, task.usage.costKnown)),
      ...item('Stop reason', task.stopReason ?? '–'));
    this.cancelButton.hidden = !isActive(task.status);
    await this.approvals.refresh(this.taskId);
  }

  add(event) {
    this.events.push(event);
    this.timeline.append(renderEvent(event, this.taskId));
    if (['approval.requested', 'approval.decided', 'task.started', 'task.resumed', 'llm.response'].includes(event.type) || event.type.startsWith('task.')) {
      this.refreshTask();
    }
    clearTimeout(this.chartTimer);
    this.chartTimer = setTimeout(() => this.charts.replaceChildren(...taskCharts(this.events)), 200);
  }

  heartbeat() {
    this.alive.classList.remove('beat');
    void this.alive.offsetWidth;
    this.alive.classList.add('beat');
    this.alive.title = `last heartbeat ${time(new Date().toISOString())}`;
  }

  showState(state, detail) {
    this.streamState.dataset.state = state;
    const resumed = this.stream?.resumedFrom.length ? ` (resumed after event ${this.stream.resumedFrom.at(-1)})` : '';
    this.streamState.textContent = (STREAM_STATES[state] ?? state) + (state === 'live' ? resumed : '') + (detail ? `: ${detail}` : '');
  }

  async cancel() {
    this.actionMessage.textContent = '';
    try {
      await api.cancel(this.taskId);
      await this.refreshTask();
    } catch (problem) {
      this.actionMessage.textContent = problem.message;
    }
  }
}

customElements.define('navi-task', NaviTask);
