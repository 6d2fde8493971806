// Where a task's time and money went, from its events.

import { columns, line, stackedBars } from './charts.js';
import { cost, duration, tokens } from './format.js';
import { h } from './dom.js';

const KEYS = [
  { key: 'llm', label: 'LLM' },
  { key: 'tools', label: 'tools' },
  { key: 'waiting', label: 'waiting' },
];

/** Per iteration: LLM latency, tool durations, retry waits and time waiting for an approval. */
export function timeByIteration(events) {
  const rows = new Map();
  const row = (iteration) => {
    if (!rows.has(iteration)) rows.set(iteration, { llm: 0, tools: 0, waiting: 0 });
    return rows.get(iteration);
  };
  const requested = new Map();
  for (const event of events) {
    if (event.type === 'llm.response') row(event.iteration).llm += event.latencyMs ?? 0;
    if (event.type === 'tool.result') row(event.iteration).tools += event.durationMs ?? 0;
    if (event.type === 'llm.retry') row(event.iteration).waiting += event.waitMs ?? 0;
    if (event.type === 'approval.requested') requested.set(event.approvalId, event);
    if (event.type === 'approval.decided' && requested.has(event.approvalId)) {
      const asked = requested.get(event.approvalId);
      row(asked.iteration).waiting += Math.max(0, Date.parse(event.ts) - Date.parse(asked.ts));
    }
  }
  return [...rows.entries()]
    .filter(([iteration]) => iteration !== undefined)
    .sort(([a], [b]) => a - b)
    .map(([iteration, parts]) => ({
      label: `iteration ${iteration}`,
      parts: KEYS.map(({ key }) => ({ key, value: parts[key] })),
    }));
}

export function cumulative(events) {
  let spent = 0;
  let used = 0;
  let known = true;
  const tokenPoints = [];
  const costPoints = [];
  for (const event of events) {
    if (event.type !== 'llm.response') continue;
    used += (event.inputTokens ?? 0) + (event.outputTokens ?? 0);
    known = known && event.costKnown !== false && event.costUsd !== null;
    spent += Number(event.costUsd ?? 0);
    const x = Date.parse(event.ts);
    tokenPoints.push({ x, y: used });
    if (known) costPoints.push({ x, y: spent });
  }
  return { tokenPoints, costPoints, known };
}

export function taskCharts(events) {
  const rows = timeByIteration(events);
  const { tokenPoints, costPoints, known } = cumulative(events);
  return [
    h('figure', { class: 'chart-box' },
      h('figcaption', {}, 'Where the time went, per iteration'),
      rows.length ? stackedBars('Time per iteration: LLM, tools, waiting', rows, KEYS, duration) : h('p', { class: 'quiet' }, 'No iterations yet.')),
    h('figure', { class: 'chart-box' },
      h('figcaption', {}, 'Cumulative tokens'),
      line('Cumulative tokens', tokenPoints, tokens)),
    h('figure', { class: 'chart-box' },
      h('figcaption', {}, 'Cumulative cost'),
      known ? line('Cumulative cost', costPoints, (v) => cost(v), 'series series-cost') : h('p', { class: 'quiet' }, 'The cost is unknown: a model without a known price was called.')),
  ];
}

const STATUSES = ['queued', 'running', 'waiting_approval', 'succeeded', 'failed', 'cancelled'];

/** Tasks per status and cost per hour over the last hours, computed from the tasks on the page. */
export function listCharts(tasks, now = Date.now(), hours = 6) {
  const perStatus = STATUSES.map((status) => ({
    label: status.replace('_', ' '),
    key: `status-${status}`,
    value: tasks.filter((task) => task.status === status).length,
  }));
  const buckets = [];
  for (let i = hours - 1; i >= 0; i -= 1) {
    const start = now - (i + 1) * 3600_000;
    const end = now - i * 3600_000;
    const spent = tasks
      .filter((task) => Date.parse(task.createdAt) >= start && Date.parse(task.createdAt) < end)
      .reduce((sum, task) => sum + Number(task.usage?.costUsd ?? 0), 0);
    buckets.push({ label: i === 0 ? 'last h' : `-${i} h`, key: 'llm', value: spent });
  }
  return [
    h('figure', { class: 'chart-box' }, h('figcaption', {}, 'Tasks per status (this page)'), columns('Tasks per status', perStatus, String)),
    h('figure', { class: 'chart-box' }, h('figcaption', {}, `Cost per hour, last ${hours} hours (this page)`), columns('Cost per hour', buckets, (v) => cost(v))),
  ];
}
