// A task's event stream read with fetch(): EventSource cannot send an Authorization header. Resumes after
// a drop with Last-Event-ID and hands each stored event to the listener exactly once, in seq order.

import { authHeaders, problemOf } from './api.js';

const TERMINAL_EVENTS = new Set(['task.succeeded', 'task.failed', 'task.cancelled']);

/** Feeds text in, calls onFrame({id, event, data}) per complete SSE frame; onRetry(ms) for `retry:`. */
export class SseParser {
  constructor(onFrame, onRetry) {
    this.onFrame = onFrame;
    this.onRetry = onRetry;
    this.buffer = '';
    this.reset();
  }

  reset() {
    this.frame = { id: null, event: 'message', data: [] };
  }

  push(text) {
    this.buffer += text;
    let newline;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '');
      this.buffer = this.buffer.slice(newline + 1);
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.frame.data.length > 0) this.onFrame({ ...this.frame, data: this.frame.data.join('\n') });
      this.reset();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') this.frame.id = value;
    else if (field === 'event') this.frame.event = value;
    else if (field === 'data') this.frame.data.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) this.onRetry(Number(value));
  }
}

/**
 * States: connecting, live, reconnecting, ended (the terminal event arrived, or nothing is left), failed
 * (the API refused the stream: the task is gone or the token is not accepted).
 */
export class TaskStream {
  constructor(taskId, { onEvent, onHeartbeat = () => {}, onState = () => {} }) {
    this.url = `/api/v1/tasks/${encodeURIComponent(taskId)}/events`;
    this.onEvent = onEvent;
    this.onHeartbeat = onHeartbeat;
    this.onState = onState;
    this.lastSeq = 0;
    this.retryMs = 3000;
    this.connections = 0;
    /** The Last-Event-ID sent by each reconnection, for the timeline's status line and the tests. */
    this.resumedFrom = [];
    this.closed = false;
    this.state = 'connecting';
  }

  start() {
    this.run();
    return this;
  }

  close() {
    this.closed = true;
    this.controller?.abort();
  }

  /** Cuts the connection as a network failure would (the test hook `naviConsole.dropStream()`). */
  drop() {
    this.controller?.abort();
  }

  setState(state, detail) {
    this.state = state;
    this.onState(state, detail);
  }

  async run() {
    while (!this.closed) {
      this.setState(this.connections === 0 ? 'connecting' : 'reconnecting');
      const outcome = await this.connect();
      if (outcome === 'ended' || outcome === 'failed' || this.closed) return;
      this.setState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, this.retryMs));
    }
  }

  async connect() {
    this.controller = new AbortController();
    const headers = authHeaders({ Accept: 'text/event-stream' });
    if (this.lastSeq > 0) {
      headers['Last-Event-ID'] = String(this.lastSeq);
      this.resumedFrom.push(this.lastSeq);
    }
    try {
      const response = await fetch(this.url, { headers, signal: this.controller.signal, cache: 'no-store' });
      this.connections += 1;
      if (response.status === 204) return this.end();
      if (!response.ok) {
        const problem = await problemOf(response);
        if (response.status === 429 || response.status >= 500) return 'retry';
        this.setState('failed', problem.message);
        return 'failed';
      }
      this.setState('live');
      return await this.read(response.body);
    } catch {
      return 'retry';
    }
  }

  async read(body) {
    const parser = new SseParser(
      (frame) => this.frame(frame),
      (ms) => (this.retryMs = ms),
    );
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return this.state === 'ended' ? 'ended' : 'retry';
      parser.push(value);
      if (this.state === 'ended') {
        reader.cancel().catch(() => {});
        return 'ended';
      }
    }
  }

  frame({ id, event, data }) {
    if (id === null || id === '') {
      this.onHeartbeat(event);
      return;
    }
    const seq = Number(id);
    if (!(seq > this.lastSeq)) return;
    this.lastSeq = seq;
    let payload;
    try {
      payload = JSON.parse(data);
    } catch {
      payload = { raw: data };
    }
    this.onEvent({ ...payload, seq, type: event });
    if (TERMINAL_EVENTS.has(event)) this.end();
  }

  end() {
    this.setState('ended');
    return 'ended';
  }
}
