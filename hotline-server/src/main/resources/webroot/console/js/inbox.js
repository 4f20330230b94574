// Department inbox: the unit's and its sub-units' tickets, nearest deadline first, with live countdowns; then what it finished.
import { api, available } from './api.js';
import { queueCard } from './queues.js';
import { h, clear, notify } from './dom.js';
import { nearestClock, markOf, countdownCell } from './deadlines.js';
import * as L from './labels.js';

const REFRESH_MS = 30000;
const FINISHED = 'REPLIED,REVIEWED,REVISITED,CLOSED';

export function mountInbox(view, ctx) {
  const status = h('select', { name: 'status', 'aria-label': '按状态筛选' }, h('option', { value: '' }, '全部状态'),
    Object.entries(L.STATUSES).map(([v, t]) => h('option', { value: v }, t)));
  const body = h('tbody', { id: 'inbox-rows' });
  const summary = h('span', { className: 'muted' });
  const load = async () => {
    const query = status.value ? `&status=${encodeURIComponent(status.value)}` : '';
    try {
      const page = await api('GET', `/api/v1/inbox?size=100${query}`);
      render(body, page.items || [], ctx);
      summary.textContent = `共 ${(page.items || []).length} 件${page.hasMore ? '（还有更多，请按状态筛选）' : ''}`;
    } catch (e) {
      notify('待办加载失败：' + e.message, 'error');
    }
  };
  status.addEventListener('change', load);
  // answered tickets leave the inbox; the unit still looks them up (visits, 重办, its own figures)
  const finished = h('div', { id: 'department-finished', style: 'min-width:0' });
  const loadFinished = async () => {
    if (!(await available('/api/v1/search/tickets?size=1'))) return;
    const refresh = h('button', { type: 'button', id: 'finished-refresh', onclick: loadFinished }, '刷新');
    const card = await queueCard({ key: 'finished', title: '已办理工单（已答复、已审核、已回访、已办结）', status: FINISHED, sort: 'newest' }, ctx);
    card.querySelector('h3').append(' ', refresh);
    clear(finished, card);
  };
  clear(view, h('div', { className: 'card' },
    h('div', { className: 'row' }, h('h2', {}, `待办工单 · ${ctx.departmentName(ctx.department)}`), status,
      h('button', { type: 'button', onclick: load }, '刷新'), summary),
    h('p', { className: 'muted' }, '按最近截止时间排序；黄色为已过黄牌时间，红色为已超期。剩余时间按工作时间计（周末、节假日不计，调休上班日计入），非工作时间暂停计时。'),
    h('table', {}, h('colgroup', {}, h('col', { style: 'width:13rem' }), h('col'), h('col', { style: 'width:6rem' }),
      h('col', { style: 'width:5rem' }), h('col', { style: 'width:7rem' }), h('col', { style: 'width:11rem' })),
    h('thead', {}, h('tr', {}, ['编号', '标题', '状态', '紧急', '时限', '剩余'].map((t) => h('th', {}, t)))), body)),
    finished);
  load();
  loadFinished();
  const timer = setInterval(() => { if (!view.hidden) load(); }, REFRESH_MS);
  return { reload: load, stop: () => clearInterval(timer) };
}

function render(body, items, ctx) {
  if (items.length === 0) {
    clear(body, h('tr', {}, h('td', { colspan: 6, className: 'muted' }, '暂无待办工单')));
    return;
  }
  clear(body, items.map((t) => {
    const clock = nearestClock(t);
    const mark = markOf(clock);
    const cell = clock ? countdownCell(clock) : { props: {}, text: '' };
    const row = h('tr', { className: mark ? 'mark-' + mark : '', tabindex: 0, dataset: { ticketId: t.id, number: t.number } },
      h('td', {}, t.number), h('td', {}, t.title),
      h('td', {}, h('span', { className: 'badge ' + mark }, L.label(L.STATUSES, t.status))),
      h('td', {}, L.label(L.URGENCIES, t.urgency)),
      h('td', {}, clock ? L.label(L.CLOCKS, clock.name) : '—'),
      h('td', cell.props, cell.text));
    const open = () => ctx.openTicket(t.id);
    row.addEventListener('click', open);
    row.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
    return row;
  }));
}
