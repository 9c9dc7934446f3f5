// The platform's API with the login session: the session cookie goes along by itself; state-changing
// calls carry the CSRF token the platform put in the WORKBENCH-XSRF cookie. Errors keep the API's
// Chinese message as it comes ({"error", "message", "fields"}).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function csrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)WORKBENCH-XSRF=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** Where a 401 sends the person: the login page, back to where they were afterwards. */
export function toLogin() {
  const here = location.pathname + location.search;
  if (!location.pathname.startsWith('/workbench/login')) {
    location.assign('/workbench/login?redirect=' + encodeURIComponent(here));
  }
}

export async function request<T>(method: string, path: string, body?: unknown, form?: URLSearchParams,
  accept = 'application/json'): Promise<T> {
  const headers: Record<string, string> = { Accept: accept, 'X-Requested-With': 'XMLHttpRequest' };
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  let payload: BodyInit | undefined;
  if (form) {
    payload = form;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (response.status === 401 && !path.startsWith('/workbench/login')) {
    toLogin();
  }
  if (!response.ok) {
    let code = 'HTTP_' + response.status;
    let message = '请求失败（' + response.status + '）';
    let fields: Record<string, string> = {};
    try {
      const error = await response.json();
      code = error.error ?? code;
      message = error.message ?? message;
      fields = error.fields ?? {};
    } catch {
      // not the platform's error body (e.g. a proxy's page): the status says it
    }
    throw new ApiError(response.status, code, message, fields);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const type = response.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? response.json() : response.text()) as Promise<T>;
}

export const get = <T>(path: string) => request<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body);
/** A text answer (a diagram's XML); errors still come as the platform's JSON body. */
export const getText = (path: string) => request<string>('GET', path, undefined, undefined, 'application/xml, application/json');

/** The file as a same-origin blob: a PDF shows in a frame even though the platform forbids framing its pages. */
export async function blobUrl(href: string): Promise<string> {
  const response = await fetch(href, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  if (response.status === 401) toLogin();
  if (!response.ok) {
    let message = '文件打不开（' + response.status + '）';
    try {
      message = (await response.json()).message ?? message;
    } catch {
      // keep the status
    }
    throw new ApiError(response.status, 'FILE', message);
  }
  return URL.createObjectURL(await response.blob());
}
