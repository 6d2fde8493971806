// A task's pending approvals: approve or deny with a reason, before the countdown runs out.

import { api } from './api.js';
import { h, clear, uid } from './dom.js';
import { argumentsOf, countdown } from './format.js';

class NaviApprovals extends HTMLElement {
  connectedCallback() {
    this.tick = setInterval(() => this.updateCountdowns(), 1000);
  }

  disconnectedCallback() {
    clearInterval(this.tick);
  }

  async refresh(taskId) {
    this.taskId = taskId;
    let items = [];
    try {
      items = (await api.approvals(taskId)).items;
    } catch {
      return;
    }
    const pending = items.filter((approval) => approval.status === 'pending');
    clear(this);
    if (pending.length === 0) return;
    this.append(h('section', { class: 'approvals', 'aria-labelledby': 'approvals-title' },
      h('h2', { id: 'approvals-title' }, pending.length === 1 ? 'Waiting for your approval' : `${pending.length} approvals waiting`),
      ...pending.map((approval) => this.card(approval))));
  }

  card(approval) {
    const reasonId = uid('reason');
    const reason = h('input', { id: reasonId, name: 'reason', maxlength: 2000, autocomplete: 'off' });
    const error = h('p', { class: 'field-error', role: 'alert' });
    const decide = async (decision) => {
      error.textContent = '';
      try {
        await api.decide(this.taskId, approval.id, decision, reason.value.trim());
        this.dispatchEvent(new CustomEvent('decided', { bubbles: true }));
        await this.refresh(this.taskId);
      } catch (problem) {
        error.textContent = problem.message;
      }
    };
    return h('article', { class: 'approval', 'data-approval-id': approval.id },
      h('p', {}, h('strong', {}, approval.tool), ' wants to run:'),
      h('pre', { class: approval.tool === 'run_command' ? 'terminal' : 'arguments' },
        approval.tool === 'run_command' ? `$ ${argumentsOf(approval.arguments).command ?? ''}` : JSON.stringify(argumentsOf(approval.arguments), null, 2)),
      h('p', { class: 'countdown' }, 'Expires in ', h('span', { class: 'countdown-value', 'data-expires': approval.expiresAt }, countdown(approval.expiresAt))),
      h('label', { for: reasonId }, 'Reason (optional)'),
      reason,
      error,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary approve', onclick: () => decide('approve') }, 'Approve'),
        h('button', { type: 'button', class: 'danger deny', onclick: () => decide('deny') }, 'Deny')));
  }

  updateCountdowns() {
    for (const element of this.querySelectorAll('[data-expires]')) element.textContent = countdown(element.dataset.expires);
  }
}

customElements.define('navi-approvals', NaviApprovals);
