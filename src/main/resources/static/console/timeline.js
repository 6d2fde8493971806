// One stored event as a readable timeline entry.

import { h } from './dom.js';
import { argumentsOf, cost, duration, time, tokens } from './format.js';
import { highlight, languageOf } from './highlight.js';

const FILE_TOOLS = new Set(['write_file', 'edit_file']);

function entry(event, kind, title, ...body) {
  return h('li', { class: `event event-${kind}`, 'data-seq': event.seq, 'data-type': event.type },
    h('div', { class: 'event-head' },
      h('span', { class: 'event-seq', 'aria-label': `event ${event.seq}` }, `#${event.seq}`),
      h('span', { class: 'event-title' }, title),
      h('time', { datetime: event.ts ?? '' }, time(event.ts))),
    ...body);
}

function meta(...parts) {
  return h('p', { class: 'event-meta' }, parts.filter(Boolean).join(' · '));
}

function block(text, className = 'output') {
  return h('pre', { class: className }, text ?? '');
}

/** Lines of an edit as a small diff: removed old text, added new text. */
export function editDiff(tool, args) {
  const lines = [];
  if (tool === 'edit_file') {
    for (const line of String(args.old_text ?? '').split('\n')) lines.push(['del', `-${line}`]);
    for (const line of String(args.new_text ?? '').split('\n')) lines.push(['add', `+${line}`]);
  } else {
    for (const line of String(args.content ?? '').replace(/\n$/, '').split('\n')) lines.push(['add', `+${line}`]);
  }
  const language = languageOf(args.path);
  return h('pre', { class: 'diff' },
    h('span', { class: 'diff-file' }, `${tool === 'edit_file' ? 'edit' : 'write'} ${args.path ?? ''}\n`),
    ...lines.map(([kind, text]) => h('span', { class: `diff-${kind}` }, text[0], ...highlight(text.slice(1), language), '\n')));
}

function toolCall(event) {
  const args = argumentsOf(event.arguments);
  const body = FILE_TOOLS.has(event.tool)
    ? editDiff(event.tool, args)
    : event.tool === 'run_command'
      ? block(`$ ${args.command ?? ''}`, 'terminal')
      : block(JSON.stringify(args, null, 2), 'arguments');
  return entry(event, 'tool', `Tool call: ${event.tool}`, meta(`iteration ${event.iteration}`, event.toolCallId), body);
}

function toolResult(event, taskId) {
  const outcome = event.ok ? 'ok' : 'failed';
  const exit = event.exitCode === undefined || event.exitCode === null ? null : `exit ${event.exitCode}`;
  return entry(event, event.ok ? 'result' : 'result-failed', `Result of ${event.tool}: ${outcome}`,
    meta(exit, duration(event.durationMs)),
    block(event.output, event.tool === 'run_command' ? 'terminal' : 'output'),
    h('a', { class: 'event-link', href: `#/tasks/${taskId}/diff?at=${event.seq}` }, 'Diff at this point'));
}

function modelTurn(event) {
  const calls = (event.toolCalls ?? []).map((call) => call.name);
  return entry(event, 'model', `Model turn (iteration ${event.iteration})`,
    event.text ? h('p', { class: 'model-text' }, event.text) : null,
    calls.length ? h('p', { class: 'event-meta' }, `Requests tools: ${calls.join(', ')}`) : null,
    meta(`${tokens(event.inputTokens)} in / ${tokens(event.outputTokens)} out`, cost(event.costUsd, event.costKnown !== false),
      `latency ${duration(event.latencyMs)}`, event.model));
}

function outcome(event) {
  const totals = event.totals ?? {};
  const kind = event.type.slice('task.'.length);
  return entry(event, `outcome-${kind}`, `Task ${kind}`,
    meta(`stop reason: ${event.stopReason}`),
    event.summary ? h('p', { class: 'summary' }, event.summary) : null,
    event.errorClass ? h('p', { class: 'error-text' }, `${event.errorClass}: ${event.message ?? ''}`) : null,
    meta(`${totals.iterations ?? 0} iterations`, `${tokens((totals.inputTokens ?? 0) + (totals.outputTokens ?? 0))} tokens`,
      cost(totals.costUsd, totals.costKnown !== false)));
}

export function renderEvent(event, taskId) {
  switch (event.type) {
    case 'task.queued':
      return entry(event, 'lifecycle', 'Queued', meta(event.owner, event.model, event.workspace), block(event.prompt, 'prompt'));
    case 'task.started':
      return entry(event, 'lifecycle', 'Started', meta(event.model, event.workerId));
    case 'task.resumed':
      return entry(event, 'lifecycle', `Resumed (attempt ${event.attempt})`, meta(event.workerId, `after event ${event.lastSeq}`));
    case 'llm.request':
      return entry(event, 'quiet', `Asked the model (iteration ${event.iteration})`, meta(`${event.messages} message${event.messages === 1 ? '' : 's'}`, event.model));
    case 'llm.response':
      return modelTurn(event);
    case 'llm.retry':
      return entry(event, 'retry', `Retry ${event.attempt}: ${event.errorClass}`, meta(`waiting ${duration(event.waitMs)}`), h('p', {}, event.message ?? ''));
    case 'tool.call':
      return toolCall(event);
    case 'tool.result':
      return toolResult(event, taskId);
    case 'approval.requested':
      return entry(event, 'approval', `Waiting for approval: ${event.tool}`, meta(`expires ${time(event.expiresAt)}`),
        block(JSON.stringify(argumentsOf(event.arguments), null, 2), 'arguments'));
    case 'approval.decided':
      return entry(event, 'approval-decided', `Approval ${event.decision} by ${event.by}`, event.reason ? h('p', {}, event.reason) : null);
    case 'task.succeeded':
    case 'task.failed':
    case 'task.cancelled':
      return outcome(event);
    default:
      return entry(event, 'quiet', event.type, block(JSON.stringify(event, null, 2), 'arguments'));
  }
}
