// DOM helpers: every piece of data is inserted as text (citizens' text may contain HTML).
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'className') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k in node && typeof v !== 'string') node[k] = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

let noticeTimer = 0;
/** Shows the outcome of an action: success in green, the API's problem detail in red. */
export function notify(message, kind = 'ok') {
  const el = document.getElementById('notice');
  el.textContent = message;
  el.className = kind;
  el.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { el.hidden = true; }, kind === 'ok' ? 5000 : 12000);
}

// times are shown in the hotline's zone (GET /api/v1/departments answers it), not the browser's
let timeFormat = null;

/** Sets the hotline's time zone (an IANA name such as Asia/Shanghai) every later formatTime uses. */
export function useTimeZone(zone) {
  try {
    timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  } catch (e) {
    timeFormat = null;
  }
}

export function formatTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (timeFormat) {
    const part = Object.fromEntries(timeFormat.formatToParts(d).map((x) => [x.type, x.value]));
    return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
  }
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Remaining time to a deadline as 剩余 1天 02:03:04 or 超期 00:10:00. */
export function countdown(dueIso, now = Date.now()) {
  if (!dueIso) return '';
  let ms = new Date(dueIso).getTime() - now;
  const late = ms < 0;
  ms = Math.abs(ms);
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86400);
  const p = (n) => String(n).padStart(2, '0');
  const clock = `${p(Math.floor((s % 86400) / 3600))}:${p(Math.floor((s % 3600) / 60))}:${p(s % 60)}`;
  return (late ? '超期 ' : '剩余 ') + (days ? days + '天 ' : '') + clock;
}

/**
 * Counted time left as the server measures it (working time for working-day limits): 剩余 2个工作日
 * 03:04:05, 超期 …; while the clock is not counting (a weekend or holiday) it says so.
 */
export function workingCountdown(seconds, counting, workingDays) {
  const late = seconds < 0;
  const s = Math.abs(Math.trunc(seconds));
  const days = Math.floor(s / 86400);
  const p = (n) => String(n).padStart(2, '0');
  const clock = `${p(Math.floor((s % 86400) / 3600))}:${p(Math.floor((s % 3600) / 60))}:${p(s % 60)}`;
  const unit = workingDays ? '个工作日 ' : '天 ';
  return (late ? '超期 ' : '剩余 ') + (days ? days + unit : '') + clock + (counting ? '' : '（非工作时间，暂停计时）');
}

/** Keeps a form's fields in sessionStorage on every keystroke so a dropped connection or reload loses nothing. */
export function keepDraft(form, key) {
  const storageKey = 'hotline.console.draft.' + key;
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
    if (saved) {
      for (const [name, value] of Object.entries(saved)) {
        const field = form.elements.namedItem(name);
        // a browser never lets a page choose files: chosen files are not part of a draft
        if (!field || field instanceof RadioNodeList || field.type === 'file') continue;
        if (field.type === 'checkbox') field.checked = value === true;
        else field.value = value;
        // dependent pickers (district → street) fill their options on change, before the next field is restored
        field.dispatchEvent(new Event('change'));
      }
    }
  } catch { /* a broken draft is ignored */ }
  const save = () => {
    const data = {};
    for (const field of form.elements) {
      if (!field.name || field.type === 'file') continue;
      data[field.name] = field.type === 'checkbox' ? field.checked : field.value;
    }
    sessionStorage.setItem(storageKey, JSON.stringify(data));
  };
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  return { save, discard: () => sessionStorage.removeItem(storageKey) };
}

export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}
