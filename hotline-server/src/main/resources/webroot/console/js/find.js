// The search box of every staff page: a ticket number opens the ticket, a phone number lists the caller's
// tickets, anything else searches the words; results are paged with the search API's cursor.
import { api } from './api.js';
import { h, clear, notify } from './dom.js';
import { ticketItem } from './queues.js';
import * as L from './labels.js';

const NUMBER = /^[0-9A-Z]{1,10}-\d{8}-\d{6,}$/;
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const CENTER = new Set(['AGENT', 'DISPATCHER', 'SUPERVISOR', 'ADMIN']);
const PAGE = 20;

/** Wires {form} (the header's search box) to render into {view}; {show} switches to that view. */
export function mountFind(form, view, ctx, show) {
  const status = form.elements.namedItem('status');
  clear(status, h('option', { value: '' }, '全部状态'), Object.entries(L.STATUSES).map(([v, t]) => h('option', { value: v }, t)));
  form.hidden = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = form.elements.namedItem('q').value.trim();
    if (!text) { notify('请输入工单编号、电话号码或关键词', 'error'); return; }
    if (NUMBER.test(text)) { ctx.openTicket(text); return; }
    show('find');
    results(view, firstPage(text, status.value, ctx.role), ctx);
  });
}

/**
 * Opens a list of the search API's tickets, e.g. from a dashboard figure: {query} is the search's own
 * parameters (department=urban&overdue=true), {title} what the list is.
 */
export function showList(view, title, query, ctx) {
  const params = new URLSearchParams(query);
  const path = '/api/v1/search/tickets?' + params.toString() + (params.has('size') ? '' : `&size=${PAGE}`);
  results(view, { title, path }, ctx);
}

function firstPage(text, status, role) {
  const filter = status ? `&status=${status}` : '';
  if (PHONE.test(text) && CENTER.has(role)) {
    return { title: `来电号码 ${text} 的工单`, path: `/api/v1/search/callers/${encodeURIComponent(text)}/tickets?size=${PAGE}` };
  }
  return { title: `“${text}”的检索结果`, path: `/api/v1/search/tickets?q=${encodeURIComponent(text)}&sort=relevance&size=${PAGE}${filter}` };
}

async function results(view, page, ctx) {
  const { title, path } = page;
  const heading = h('h2', {}, title);
  const total = h('span', { className: 'muted', id: 'find-total' });
  const list = h('ul', { className: 'plain', id: 'find-results' });
  const more = h('button', { type: 'button', hidden: true }, '下一页');
  // the index follows the tickets within a moment: searching again finds what was just filed
  const again = h('button', { type: 'button', id: 'find-again', onclick: () => results(view, page, ctx) }, '重新检索');
  clear(view, h('div', { className: 'card' }, h('div', { className: 'row' }, heading, total, again), list, more));
  let after = null;
  const load = async () => {
    try {
      const page = await api('GET', path + (after ? `&searchAfter=${encodeURIComponent(after)}` : ''));
      const hits = page.hits || [];
      total.textContent = `共 ${page.total ?? hits.length} 件`;
      list.append(...hits.map((t) => ticketItem(t, ctx)));
      if (!list.children.length) list.append(h('li', { className: 'muted' }, '没有找到工单'));
      after = page.nextSearchAfter;
      more.hidden = !after || hits.length < PAGE;
    } catch (e) {
      const reason = e.status === 404 ? '检索服务尚未接入本服务器，可按工单编号打开工单' : e.message;
      clear(list, h('li', { className: 'muted' }, '检索失败：' + reason));
    }
  };
  more.addEventListener('click', load);
  await load();
}
