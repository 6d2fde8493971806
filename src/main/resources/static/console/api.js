// The public API, called with the token the user pasted (kept in sessionStorage, never in a URL).

const KEY = 'navi.token';

export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

/** An RFC 9457 problem answered by the API; `field` names the request field at fault, if any. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.field = problem.field ?? null;
  }
}

export function authHeaders(headers = {}) {
  const value = token.get();
  return value ? { ...headers, Authorization: `Bearer ${value}` } : headers;
}

export async function problemOf(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    problem = { title: response.statusText };
  }
  if (response.status === 401) {
    window.dispatchEvent(new CustomEvent('navi:unauthorized', { detail: problem }));
  }
  return new ApiProblem(response.status, problem);
}

export async function request(path, { method = 'GET', body, accept = 'application/json', signal } = {}) {
  const headers = authHeaders({ Accept: accept });
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    cache: 'no-store',
  });
  if (!response.ok) throw await problemOf(response);
  return response;
}

export const getJson = async (path, options) => (await request(path, options)).json();
export const postJson = async (path, body) => (await request(path, { method: 'POST', body })).json();
export const getText = async (path, accept) => (await request(path, { accept })).text();

export const api = {
  tasks: (query) => getJson(`/api/v1/tasks?${new URLSearchParams(query)}`),
  task: (id) => getJson(`/api/v1/tasks/${encodeURIComponent(id)}`),
  submit: (body) => postJson('/api/v1/tasks', body),
  cancel: async (id) => (await request(`/api/v1/tasks/${encodeURIComponent(id)}/cancel`, { method: 'POST' })).json(),
  approvals: (id) => getJson(`/api/v1/tasks/${encodeURIComponent(id)}/approvals`),
  decide: (id, approvalId, decision, reason) =>
    postJson(`/api/v1/tasks/${encodeURIComponent(id)}/approvals/${encodeURIComponent(approvalId)}`, {
      decision,
      reason: reason || undefined,
    }),
  diff: (id, at) =>
    getText(`/api/v1/tasks/${encodeURIComponent(id)}/diff${at === null || at === undefined ? '' : `?at=${at}`}`, 'text/x-diff'),
  signIn: () => fetch('/console/sign-in', { headers: { Accept: 'application/json' } }).then((r) => r.json()),
};
