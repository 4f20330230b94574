// Talks to the public HTTP API only; the token lives in sessionStorage so a closed tab logs out.
const KEY = 'hotline.console.session';

export class ApiError extends Error {
  constructor(status, detail, code) {
    super(detail);
    this.status = status;
    this.code = code;
  }
}

export const session = {
  get() {
    try { return JSON.parse(sessionStorage.getItem(KEY)); } catch { return null; }
  },
  set(value) { sessionStorage.setItem(KEY, JSON.stringify(value)); },
  clear() { sessionStorage.removeItem(KEY); },
};

function headers(body) {
  const h = { Accept: 'application/json, application/problem+json' };
  const s = session.get();
  if (s && s.token) h.Authorization = 'Bearer ' + s.token;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  return h;
}

/** Calls the API; resolves with the JSON answer or rejects with an ApiError carrying the problem's detail. */
export async function api(method, path, body) {
  let response;
  try {
    response = await fetch(path, { method, headers: headers(body), body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, '网络连接中断，已填写的内容已保留，请稍后重试', 'network');
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/v1/auth/token') {
      window.dispatchEvent(new CustomEvent('console:unauthorized'));
    }
    const detail = json && (json.detail || json.title) ? (json.detail || json.title) : '请求失败（HTTP ' + response.status + '）';
    throw new ApiError(response.status, detail, json && json.code);
  }
  return json;
}

/** Sends a file as the request body (its name in ?fileName=); answers like {@link api}. */
export async function upload(path, file) {
  const url = path + (path.includes('?') ? '&' : '?') + 'fileName=' + encodeURIComponent(file.name);
  const h = headers();
  h['Content-Type'] = file.type || 'application/octet-stream';
  let response;
  try {
    response = await fetch(url, { method: 'POST', headers: h, body: file });
  } catch {
    throw new ApiError(0, '网络连接中断，文件未上传，请稍后重试', 'network');
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, (json && (json.detail || json.title)) || '上传失败（HTTP ' + response.status + '）', json && json.code);
  }
  return json;
}

/** Fetches a file with the token and lets the browser save it under its own name. */
export async function download(path, fileName) {
  const response = await fetch(path, { headers: headers() });
  if (!response.ok) throw new ApiError(response.status, '下载失败（HTTP ' + response.status + '）');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** True when a route is mounted on this server (404/405 mean the module is not wired in). */
export async function available(path) {
  try {
    await api('GET', path);
    return true;
  } catch (e) {
    return !(e.status === 404 || e.status === 405 || e.status === 0);
  }
}

/**
 * Server-sent events read through fetch so the bearer token can be sent (EventSource cannot send headers).
 * Returns a function that stops the stream.
 */
export function streamEvents(path, onEvent, onState) {
  const controller = new AbortController();
  (async () => {
    try {
      const response = await fetch(path, { headers: headers(), signal: controller.signal });
      if (!response.ok || !response.body) { onState('error', response.status); return; }
      onState('open');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, cut), onEvent);
          buffer = buffer.slice(cut + 2);
        }
      }
      onState('closed');
    } catch (e) {
      if (!controller.signal.aborted) onState('error', 0);
    }
  })();
  return () => controller.abort();
}

function dispatch(block, onEvent) {
  let type = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) type = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (data.length === 0) return;
  try { onEvent(type, JSON.parse(data.join('\n'))); } catch { /* a malformed event is skipped, the stream goes on */ }
}
