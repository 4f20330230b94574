// Ticket lists from the search API: one card per queue (a status filter), paged with the search's own cursor.
import { api } from './api.js';
import { h, clear, notify, formatTime } from './dom.js';
import * as L from './labels.js';

const PAGE = 20;

/**
 * A card listing the tickets of {q.status} (comma-separated statuses are asked one by one); {q.pending} keeps
 * only tickets whose full view has that field. {prefix} keeps ids unique when two views show the same queue.
 */
export async function queueCard(q, ctx, prefix = 'queue-') {
  const card = h('div', { className: 'card', id: prefix + q.key }, h('h3', {}, q.title));
  const list = h('ul', { className: 'plain' });
  const more = h('button', { type: 'button', className: 'more', hidden: true }, '下一页');
  card.append(list, more);
  const cursors = Object.fromEntries(q.status.split(',').map((s) => [s, null]));
  const load = async () => {
    try {
      const statuses = Object.keys(cursors).filter((s) => cursors[s] !== false);
      const pages = await Promise.all(statuses.map((s) => api('GET', searchPath(s, q.sort || 'deadline', cursors[s]))));
      statuses.forEach((s, i) => { cursors[s] = pages[i].nextSearchAfter && (pages[i].hits || []).length === PAGE ? pages[i].nextSearchAfter : false; });
      let hits = pages.flatMap((p) => p.hits || []);
      if (q.pending) {
        const full = await Promise.all(hits.map((hit) => api('GET', `/api/v1/tickets/${encodeURIComponent(hit.id)}`).catch(() => null)));
        hits = full.filter((t) => t && t[q.pending]);
      }
      list.append(...hits.map((t) => ticketItem(t, ctx)));
      if (!list.children.length) list.append(h('li', { className: 'muted empty' }, '暂无'));
      more.hidden = Object.values(cursors).every((c) => c === false);
    } catch (e) {
      notify(`${q.title}加载失败：${e.message}`, 'error');
      clear(list, h('li', { className: 'muted' }, '加载失败：' + e.message));
    }
  };
  more.addEventListener('click', load);
  await load();
  return card;
}

function searchPath(status, sort, after) {
  return `/api/v1/search/tickets?status=${status}&sort=${sort}&size=${PAGE}` + (after ? `&searchAfter=${encodeURIComponent(after)}` : '');
}

/** One ticket in a list: its number and title open it; status, lead unit and deadline underneath. */
export function ticketItem(t, ctx) {
  const due = t.handleDueAt || (t.clocks && t.clocks.HANDLE && t.clocks.HANDLE.dueAt);
  return h('li', { dataset: { ticketId: t.id, number: t.number } },
    h('button', { type: 'button', className: 'chip', onclick: () => ctx.openTicket(t.id) }, `${t.number} ${t.title}`),
    h('div', { className: 'muted' }, [L.label(L.STATUSES, t.status), ctx.departmentName(t.leadDepartment),
      due ? '截止 ' + formatTime(due) : null].filter(Boolean).join(' · ')));
}
