// The ticket page: facts, deadlines with live countdowns, the history, and the commands the server allows now.
import { api } from './api.js';
import { h, clear, formatTime, notify } from './dom.js';
import { ACTIONS, actionForm } from './actions.js';
import { nearestClock, markOf, countdownCell } from './deadlines.js';
import { history } from './history.js';
import { evidenceCard } from './evidence.js';
import * as L from './labels.js';

/** Renders ticket {id} into {view}; {back} returns to the list the user came from. */
export async function showTicket(view, id, ctx, back) {
  clear(view, h('p', { className: 'muted' }, '正在加载工单…'));
  let ticket;
  let deadlines = null;
  try {
    ticket = await api('GET', `/api/v1/tickets/${encodeURIComponent(id)}`);
    deadlines = await api('GET', `/api/v1/tickets/${encodeURIComponent(id)}/deadlines`).catch(() => null);
  } catch (e) {
    clear(view, h('div', { className: 'card' }, h('p', {}, '无法打开工单：' + e.message),
      h('button', { type: 'button', onclick: back }, '返回')));
    return;
  }
  const reload = () => showTicket(view, id, ctx, back);
  clear(view,
    h('div', { className: 'row' }, h('button', { type: 'button', onclick: back, accesskey: 'b' }, '← 返回列表'),
      h('h2', { id: 'ticket-heading' }, `工单 ${ticket.number}`), statusBadge(ticket)),
    h('div', { className: 'cols' },
      h('div', { className: 'card' }, facts(ticket, ctx)),
      h('div', { className: 'card' }, h('h3', {}, '办理'), commands(ticket, ctx, reload))),
    h('div', { className: 'cols' },
      h('div', { className: 'card' }, h('h3', {}, '时限'), clocks(deadlines ? deadlines.clocks : ticket.clocks)),
      h('div', { className: 'card' }, h('h3', {}, '办理经过'), await history(ticket, deadlines, ctx))),
    assistance(ticket, ctx),
    await evidenceCard(ticket, ctx.departmentName));
}

/** 协办: each assisting unit's own part, its clocks and the opinion it gave the lead (docs/api.md, 主办与协办). */
function assistance(t, ctx) {
  const parts = t.assistance || [];
  if (parts.length === 0) return null;
  const state = (p) => (p.answeredAt ? '已提交协办意见' : p.endedAt ? '主办单位已答复，协办已结束' : p.signedAt ? '已签收，待提交意见' : '待签收');
  return h('div', { className: 'card', id: 'assistance' }, h('h3', {}, '协办单位'),
    parts.map((p) => h('div', { className: 'assist-part', dataset: { department: p.department } },
      h('h4', {}, `${ctx.departmentName(p.department)} · ${state(p)}`),
      p.opinion ? h('p', { className: 'assist-opinion' }, `协办意见（${formatTime(p.answeredAt)}）：${p.opinion}`) : null,
      clocks(p.clocks))));
}

export function statusBadge(ticket) {
  const mark = markOf(nearestClock(ticket));
  return h('span', { className: 'badge ' + mark, dataset: { status: ticket.status } }, L.label(L.STATUSES, ticket.status));
}

function facts(t, ctx) {
  const row = (k, v) => [h('dt', {}, k), h('dd', {}, v == null || v === '' ? '—' : v)];
  const loc = t.location || {};
  return h('dl', { className: 'facts' },
    row('标题', t.title), row('内容', t.content),
    row('受理渠道', L.label(L.CHANNELS, t.channel)),
    row('诉求类型', L.label(L.APPEAL_TYPES, t.appealType)), row('紧急程度', L.label(L.URGENCIES, t.urgency)),
    row('来电人', [t.caller && t.caller.name, t.caller && t.caller.phone].filter(Boolean).join('  ')),
    row('地点', [loc.district, loc.street, loc.community, loc.address].filter(Boolean).join(' ')),
    row('分类', t.category ? t.category.path || t.category.name : null),
    row('主办单位', ctx.departmentName(t.leadDepartment)),
    row('协办单位', (t.assistingDepartments || []).map((d) => ctx.departmentName(d)).join('、')),
    row('受理时间', formatTime(t.receivedAt)),
    row('答复', t.reply ? `${L.label(L.REPLY_RESULTS, t.reply.result)}：${t.reply.text}` : null),
    row('待批延期', t.pendingExtension ? `${L.limit(t.pendingExtension.amount)}：${t.pendingExtension.reason}` : null),
    row('待批退单', t.pendingReturn ? `${t.pendingReturn.reason || ''} ${t.pendingReturn.responsibleParty || ''}` : null),
    row('催办次数', String(t.urgeCount || 0)), row('ID', t.id));
}

/** Only what the server lists in allowedActions: the role table and the ticket's state, decided once, on the server. */
function commands(ticket, ctx, reload) {
  const names = (ticket.allowedActions || []).filter((n) => ACTIONS[n]);
  if (names.length === 0) return h('p', { className: 'muted', id: 'no-actions' }, '当前没有您可以办理的操作');
  return h('div', { className: 'plain', id: 'ticket-actions', style: 'display:grid;gap:.4rem' },
    names.map((n) => actionForm(ticket, n, ctx, reload)));
}

const PROVISIONAL = '截止时间暂定：计算跨越了尚未导入国务院节假日安排的年份（只扣除周末），导入后可能变化';

function clocks(all) {
  const entries = Object.entries(all || {});
  if (entries.length === 0) return h('p', { className: 'muted' }, '尚未开始计时（派单后开始）');
  return h('table', {},
    h('thead', {}, h('tr', {}, h('th', {}, '时限'), h('th', {}, '黄牌'), h('th', {}, '截止'), h('th', {}, '剩余'))),
    h('tbody', {}, entries.map(([name, c]) => {
      const mark = c.stoppedAt ? '' : markOf(c);
      const cell = c.stoppedAt ? null : countdownCell(c);
      return h('tr', { className: mark ? 'mark-' + mark : '' },
        h('td', {}, `${L.label(L.CLOCKS, name)}${c.limit ? '（' + L.limit(c.limit) + '）' : ''}`),
        h('td', {}, formatTime(c.yellowAt)),
        // provisional: counted through a year whose official holidays are not imported (weekends only), may still move
        h('td', { title: (c.derivation || []).join('\n') }, formatTime(c.dueAt),
          c.provisional ? h('span', { className: 'badge yellow provisional', title: PROVISIONAL }, '暂定') : null),
        c.stoppedAt ? h('td', {}, '已停止 ' + formatTime(c.stoppedAt))
          : h('td', cell.props, cell.text));
    })));
}

/** Opens a ticket by the number people quote (or its internal id). */
export function openTicketBox(onOpen) {
  const form = h('form', { className: 'row' },
    h('label', {}, '按工单编号打开', h('input', { name: 'id', required: true, maxlength: 64, placeholder: '如 12345-20261207-000001' })),
    h('button', { type: 'submit' }, '打开'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const id = form.elements.namedItem('id').value.trim();
    if (id) onOpen(id); else notify('请输入工单编号', 'error');
  });
  return form;
}
