// Survey campaigns (docs/surveys.md): the agents' 复核回访 list and the supervisors' figures of the visit process.
import { api } from './api.js';
import { h, clear } from './dom.js';
import * as L from './labels.js';

const CHANNELS = { SMS: '短信回访', VOICE: '语音回访', AGENT: '人工电话回访' };
const REASONS = { DISSATISFIED: '不满意复核', AGREEMENT: '一致性抽查' };

function percent(rate) {
  return rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1) + '%';
}

/** Tickets a robot visited that an agent is to re-visit (record it with the ticket's 回访 action), oldest first. */
export async function revisitCard(ctx) {
  const card = h('div', { className: 'card', id: 'survey-revisits' }, h('h3', {}, '复核回访'));
  try {
    const list = await api('GET', '/api/v1/surveys/revisits');
    const items = list.items || [];
    const tickets = await Promise.all(items.map((i) => api('GET', `/api/v1/tickets/${encodeURIComponent(i.ticketId)}`).catch(() => null)));
    card.append(items.length === 0 ? h('p', { className: 'muted empty' }, '暂无')
      : h('ul', { className: 'plain' }, items.map((i, n) => h('li', { dataset: { ticketId: i.ticketId } },
        h('button', { type: 'button', className: 'chip', onclick: () => ctx.openTicket(i.ticketId) },
          tickets[n] ? `${tickets[n].number} ${tickets[n].title}` : '打开工单'),
        h('span', { className: 'muted' }, ' ' + (i.reasons || []).map((r) => REASONS[r] || r).join('、')
          + (i.robotSatisfaction ? `；机器回访：${L.label(L.SATISFACTIONS, i.robotSatisfaction)}，${L.label(L.RESOLUTIONS, i.robotResolution)}` : ''))))));
    if (list.total > items.length) card.append(h('p', { className: 'muted' }, `共 ${list.total} 件，显示最早的 ${items.length} 件`));
  } catch (e) {
    card.append(h('p', { className: 'muted' }, '加载失败：' + e.message));
  }
  return card;
}

/** This month's figures (cohort: the month replies were accepted): response rate per channel, agreement, re-visits. */
export async function surveyReportCard() {
  const card = h('div', { className: 'card', id: 'survey-report' }, h('h3', {}, '回访评价（本月）'));
  const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
  try {
    const t = (await api('GET', `/api/v1/reports/surveys?from=${month}&to=${month}`)).total;
    const a = t.agreement;
    const d = t.dissatisfiedRevisits;
    card.append(
      h('table', { className: 'survey-channels' },
        h('thead', {}, h('tr', {}, ['渠道', '发起', '回复', '回复率'].map((c) => h('th', {}, c)))),
        h('tbody', {}, t.channels.map((c) => h('tr', { dataset: { channel: c.channel } },
          h('td', {}, CHANNELS[c.channel] || c.channel), h('td', {}, String(c.surveyed)), h('td', {}, String(c.answered)),
          h('td', {}, percent(c.responseRate)))))),
      h('p', { id: 'survey-agreement' }, `机器与人工一致率：${percent(a.agreementRate)}（抽查 ${a.sampled} 件，已复核 ${a.compared} 件，`
        + `满意度一致 ${a.sameSatisfaction} 件，解决情况一致 ${a.sameResolution} 件）`),
      h('p', { id: 'survey-dissatisfied' }, `不满意复核完成率：${percent(d.completionRate)}（应复核 ${d.due} 件，已复核 ${d.revisited} 件）`));
  } catch (e) {
    clear(card, h('h3', {}, '回访评价（本月）'), h('p', { className: 'muted' }, '加载失败：' + e.message));
  }
  return card;
}
