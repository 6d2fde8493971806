// Numbers and times as a person reads them.

export const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

export function isActive(status) {
  return !TERMINAL.has(status);
}

export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function age(iso, now = Date.now()) {
  if (!iso) return '–';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}

export function taskDuration(task, now = Date.now()) {
  if (!task.startedAt) return '–';
  const end = task.finishedAt ? Date.parse(task.finishedAt) : now;
  return duration(end - Date.parse(task.startedAt));
}

export function tokens(n) {
  if (n === null || n === undefined) return '–';
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} M`;
  if (n >= 10_000) return `${Math.round(n / 1000)} k`;
  return String(n);
}

/** An unknown cost (a model without a known price) is shown as unknown, never as 0. */
export function cost(usd, known = true) {
  if (!known || usd === null || usd === undefined) return 'unknown';
  const value = Number(usd);
  return value < 0.01 && value > 0 ? `$${value.toFixed(4)}` : `$${value.toFixed(2)}`;
}

export function workspace(ws) {
  if (!ws) return '–';
  if (ws.path) return ws.path;
  return ws.ref ? `${ws.git}#${ws.ref}` : ws.git;
}

export function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString() : '';
}

export function countdown(iso, now = Date.now()) {
  const left = Math.max(0, Date.parse(iso) - now);
  const minutes = Math.floor(left / 60000);
  const seconds = Math.floor((left % 60000) / 1000);
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Tool arguments as the model sent them: an object, or a JSON string. */
export function argumentsOf(value) {
  if (typeof value !== 'string') return value ?? {};
  try {
    return JSON.parse(value);
  } catch {
    return { raw: value };
  }
}
