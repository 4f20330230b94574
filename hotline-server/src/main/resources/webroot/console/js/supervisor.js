// Supervisor: approval queues (returns, extensions), replies to review and return visits, from the search API.
import { api, available } from './api.js';
import { h, clear, notify } from './dom.js';
import { openTicketBox } from './ticket.js';
import { queueCard } from './queues.js';
import { revisitCard, surveyReportCard } from './surveys.js';
import * as L from './labels.js';

// Each queue is a status filter of the search API; extensions are open tickets whose snapshot has a pending request.
const QUEUES = [
  { key: 'returns', title: '退单审批', status: 'RETURN_REQUESTED' },
  { key: 'extensions', title: '延期审批', status: 'SIGNED,IN_PROGRESS', pending: 'pendingExtension' },
  { key: 'replies', title: '答复审核', status: 'REPLIED' },
  { key: 'visits', title: '待回访', status: 'REVIEWED' },
  // after the visit: 办结, or 重办 when the citizen was not satisfied
  { key: 'revisited', title: '已回访待办结', status: 'REVISITED' },
];

export async function mountSupervisor(view, ctx) {
  const lists = h('div', { className: 'cols' });
  clear(view,
    h('div', { className: 'card row' }, h('h2', {}, `${L.label(L.ROLES, ctx.role)}工作台`),
      h('a', { href: '/dashboard/', id: 'dashboard-link' }, '督办看板（同一登录）'),
      h('button', { type: 'button', id: 'queues-refresh', onclick: () => view.dispatchEvent(new Event('console:refresh')) }, '刷新队列'),
      openTicketBox((id) => ctx.openTicket(id))),
    lists);
  if (!(await available('/api/v1/search/tickets?size=1'))) {
    clear(lists, h('div', { className: 'card note', id: 'queues-unavailable' },
      '检索服务尚未接入本服务器，审批队列暂不可用。可按工单编号打开工单进行审批、催办、审核答复和录入回访。'));
    return;
  }
  const manual = await available('/api/v1/dispatch/queue');
  // survey campaigns (docs/surveys.md): the visit figures for both roles, the 复核回访 list for supervisors
  const surveys = () => [surveyReportCard(), ctx.role === 'SUPERVISOR' ? revisitCard(ctx) : null];
  const load = () => Promise.all([...QUEUES.map((q) => queueCard(q, ctx)), manual ? dispatchQueue(ctx) : null, ...surveys()])
    .then((cards) => clear(lists, cards));
  await load();
  view.addEventListener('console:refresh', load);
}

/** Tickets automatic dispatch could not place, with its explanation and one-click classify + assign per suggestion. */
async function dispatchQueue(ctx) {
  const card = h('div', { className: 'card', id: 'queue-dispatch' }, h('h3', {}, '待人工派单'));
  try {
    const items = (await api('GET', '/api/v1/dispatch/queue')).items || [];
    const tickets = await Promise.all(items.map((i) => api('GET', `/api/v1/tickets/${encodeURIComponent(i.ticketId)}`).catch(() => null)));
    card.append(items.length === 0 ? h('p', { className: 'muted' }, '暂无')
      : h('ul', { className: 'plain' }, items.map((i, n) => dispatchItem(i, tickets[n], ctx, card))));
  } catch (e) {
    card.append(h('p', { className: 'muted' }, '加载失败：' + e.message));
  }
  return card;
}

function dispatchItem(item, ticket, ctx, card) {
  const title = ticket ? `${ticket.number} ${ticket.title}` : '打开工单';
  return h('li', { dataset: { ticketId: item.ticketId } },
    h('button', { type: 'button', className: 'chip', onclick: () => ctx.openTicket(item.ticketId) }, title),
    h('div', { className: 'muted' }, `${item.explanation || item.reason || ''}`),
    h('div', { className: 'row' }, (item.suggestions || []).slice(0, 3).map((s) => h('button', {
      type: 'button', className: 'dispatch-suggestion', disabled: !s.department,
      title: '按此建议分类并派单', onclick: () => dispatchAs(item.ticketId, s, ctx, card),
    }, `${s.name}（${Math.round((s.confidence || 0) * 100)}%）→ ${ctx.departmentName(s.department)}`))));
}

/** Classifies the ticket as suggested, then assigns it to the suggested department; each refusal shows the API's detail. */
async function dispatchAs(ticketId, suggestion, ctx, card) {
  const reason = '人工派单：采纳系统建议';
  try {
    await api('POST', `/api/v1/tickets/${encodeURIComponent(ticketId)}/classify`, { categoryCode: suggestion.category, reason });
    const t = await api('POST', `/api/v1/tickets/${encodeURIComponent(ticketId)}/assign`, { lead: suggestion.department, reason });
    notify(`派单成功：工单 ${t.number} 已派至${ctx.departmentName(suggestion.department)}`);
    const row = card.querySelector(`li[data-ticket-id="${CSS.escape(ticketId)}"]`);
    if (row) row.remove();
  } catch (e) {
    notify('派单失败：' + e.message, 'error');
  }
}
