// Department inbox: the unit's and its sub-units' tickets, nearest deadline first, with live countdowns; then what it finished.
import { api, available } from './api.js';
import { queueCard } from './queues.js';
import { h, clear, notify, formatTime } from './dom.js';
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
  const stats = h('div', { className: 'card', id: 'department-stats', hidden: true });
  clear(view, h('div', { className: 'card' },
    h('div', { className: 'row' }, h('h2', {}, `待办工单 · ${ctx.departmentName(ctx.department)}`), status,
      h('button', { type: 'button', onclick: load }, '刷新'), summary),
    h('p', { className: 'muted' }, '按最近截止时间排序；黄色为已过黄牌时间，红色为已超期。剩余时间按工作时间计（周末、节假日不计，调休上班日计入），非工作时间暂停计时。'),
    h('table', {}, h('colgroup', {}, h('col', { style: 'width:13rem' }), h('col'), h('col', { style: 'width:6rem' }),
      h('col', { style: 'width:5rem' }), h('col', { style: 'width:7rem' }), h('col', { style: 'width:11rem' })),
    h('thead', {}, h('tr', {}, ['编号', '标题', '状态', '紧急', '时限', '剩余'].map((t) => h('th', {}, t)))), body)),
    stats, finished);
  load();
  loadFinished();
  ownStatistics(stats, ctx);
  const timer = setInterval(() => { if (!view.hidden) load(); }, REFRESH_MS);
  return { reload: load, stop: () => clearInterval(timer) };
}

function render(body, items, ctx) {
  if (items.length === 0) {
    clear(body, h('tr', {}, h('td', { colspan: 6, className: 'muted' }, '暂无待办工单')));
    return;
  }
  clear(body, items.map((t) => {
    // an assisting unit (协办) works on its own part: its clocks, not the lead's
    const part = (t.assistance || []).find((p) => p.department === ctx.department);
    const clock = nearestClock(part ? { clocks: part.clocks } : t);
    const mark = markOf(clock);
    const cell = clock ? countdownCell(clock) : { props: {}, text: '' };
    const row = h('tr', { className: mark ? 'mark-' + mark : '', tabindex: 0, dataset: { ticketId: t.id, number: t.number } },
      h('td', {}, t.number), h('td', {}, t.title),
      h('td', {}, h('span', { className: 'badge ' + mark }, L.label(L.STATUSES, t.status)),
        part ? h('span', { className: 'badge assist', title: '本单位为协办单位' }, '协办') : null),
      h('td', {}, L.label(L.URGENCIES, t.urgency)),
      h('td', {}, clock ? L.label(L.CLOCKS, clock.name) : '—', clock && clock.provisional ? h('span', { className: 'badge yellow provisional', title: '截止时间暂定（缺少节假日数据）' }, '暂定') : null),
      h('td', cell.props, cell.text));
    const open = () => ctx.openTicket(t.id);
    row.addEventListener('click', open);
    row.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
    return row;
  }));
}

const PCT = (v) => (v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%');
const PERIODS = { month: '本月', days30: '近 30 日', today: '今日' };

/** 本单位统计: the unit's own line of the department report (GET /api/v1/reports/my-department); counts open their lists. */
async function ownStatistics(card, ctx) {
  if (!(await available('/api/v1/reports/my-department'))) return;
  card.hidden = false;
  const period = h('select', { name: 'period', 'aria-label': '统计期间' }, Object.entries(PERIODS).map(([v, t]) => h('option', { value: v }, t)));
  const body = h('div', {});
  const show = async () => {
    const today = formatTime(new Date().toISOString()).slice(0, 10); // in the hotline's zone
    const from = { month: today.slice(0, 8) + '01', today, days30: null }[period.value];
    const query = from ? `from=${from}&to=${today}` : '';
    try {
      const r = (await api('GET', '/api/v1/reports/my-department' + (query ? '?' + query : ''))).department;
      const list = (extra, title) => '#list=' + encodeURIComponent(`department=${r.department}${extra}`) + '&title=' + encodeURIComponent(title);
      const range = query ? '&' + query : '';
      const c = r.counts || {};
      clear(body, h('dl', { className: 'facts' },
        h('dt', {}, '工单数'), h('dd', {}, h('a', { href: list(range, `${PERIODS[period.value]}本单位受理的工单`), id: 'stats-tickets' }, String(r.tickets))),
        h('dt', {}, '超期件数'), h('dd', {}, h('a', { href: list('&overdue=true', '本单位超期工单') }, String(r.overdue ?? 0))),
        h('dt', {}, '及时签收率'), h('dd', {}, PCT(r.onTimeSignRate)),
        h('dt', {}, '响应率'), h('dd', {}, PCT(r.responseRate)),
        h('dt', {}, '按时办结率'), h('dd', {}, PCT(r.onTimeCompletionRate)),
        h('dt', {}, '解决率'), h('dd', {}, PCT(r.resolutionRate)),
        h('dt', {}, '满意率'), h('dd', { id: 'stats-satisfaction' }, PCT(r.satisfactionRate)),
        h('dt', {}, '退单 / 延期'), h('dd', {}, `${c.returns ?? r.returns ?? 0} / ${c.extensions ?? r.extensions ?? 0}`),
        h('dt', {}, '平均办理时长'), h('dd', {}, r.averageHandlingHours == null ? '—' : r.averageHandlingHours + ' 小时'),
        // as an assisting unit (协办): its own parts, apart from the lead figures above
        h('dt', {}, '协办件数'), h('dd', { id: 'stats-assisting' }, String(r.assisting ? r.assisting.parts : 0)),
        h('dt', {}, '协办签收及时率'), h('dd', {}, PCT(r.assisting && r.assisting.onTimeSignRate)),
        h('dt', {}, '协办意见及时率'), h('dd', {}, PCT(r.assisting && r.assisting.onTimeOpinionRate))));
    } catch (e) {
      clear(body, h('p', { className: 'muted' }, '统计加载失败：' + e.message));
    }
  };
  period.addEventListener('change', show);
  clear(card, h('div', { className: 'row' }, h('h3', {}, '本单位统计'), period,
    h('button', { type: 'button', id: 'stats-refresh', onclick: show }, '刷新')),
    h('p', { className: 'muted' }, '口径与督办看板的单位考核相同（同一报表）。'), body);
  await show();
}
