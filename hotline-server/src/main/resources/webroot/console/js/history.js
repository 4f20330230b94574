// A ticket's history: every event from GET /tickets/{id}/events when the server has it, otherwise
// rebuilt from the snapshot's timestamps and the deadline marks (older servers).
import { api } from './api.js';
import { h, formatTime } from './dom.js';
import * as L from './labels.js';

const DEPARTMENT_FIELDS = new Set(['lead', 'previousLead', 'subUnit', 'departmentId', 'returnedBy', 'newLead']);
const FIELD_LABELS = {
  answer: '答复', text: '内容', result: '结果', attachments: '附件', lead: '主办', previousLead: '原主办', subUnit: '下级单位', assisting: '协办',
  departmentId: '单位', returnedBy: '退单单位', newLead: '改派至', responsibleParty: '建议责任单位', bounce: '第几次退单',
  amount: '延期', newDueAt: '新截止', handleDueAt: '办理截止', level: '级别', urgeCount: '催办次数', resolution: '解决情况',
  satisfaction: '满意度', channel: '渠道', appealType: '类型', urgency: '紧急程度', categoryCode: '分类', properChannel: '建议渠道',
  clock: '时限', dueAt: '截止', callId: '通话', tag: '标记', master: '主单', duplicate: '重复件', reopenCount: '重办次数', first: '首次联系',
};
const ENUMS = { result: L.REPLY_RESULTS, level: L.URGE_LEVELS, resolution: L.RESOLUTIONS, satisfaction: L.SATISFACTIONS,
  appealType: L.APPEAL_TYPES, urgency: L.URGENCIES, clock: L.CLOCKS, channel: L.CHANNELS, properChannel: L.CHANNELS };

/** The history list of ticket {t}; resolves to an element. */
export async function history(t, deadlines, ctx) {
  try {
    const answer = await api('GET', `/api/v1/tickets/${encodeURIComponent(t.id)}/events`);
    return fromEvents(answer, ctx);
  } catch (e) {
    if (e.status === 404 || e.status === 405) return fromSnapshot(t, deadlines);
    return h('p', { className: 'muted' }, '办理经过加载失败：' + e.message);
  }
}

function fromEvents(answer, ctx) {
  const items = answer.items || [];
  return h('ul', { className: 'plain timeline', id: 'ticket-events' },
    items.map((e) => h('li', { dataset: { type: e.type } },
      h('span', { className: 'muted' }, formatTime(e.at) + ' '), h('strong', {}, e.label || e.type),
      e.actor ? h('span', { className: 'muted' }, ' · ' + actorText(e.actor, ctx)) : null,
      e.reason ? h('div', {}, '理由：' + e.reason) : null,
      details(e.details || {}, ctx))),
    answer.complete === false ? h('li', { className: 'muted' }, '较早的记录不完整（历史数据导入前的事件未保存）') : null);
}

function actorText(actor, ctx) {
  const who = L.actor(actor);
  return actor.departmentId ? `${who}（${ctx.departmentName(actor.departmentId)}）` : who;
}

function details(d, ctx) {
  const parts = [];
  for (const [key, value] of Object.entries(d)) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    parts.push(`${FIELD_LABELS[key] || key}：${valueText(key, value, ctx)}`);
  }
  return parts.length ? h('div', { className: 'muted event-details' }, parts.join('；')) : null;
}

function valueText(key, value, ctx) {
  if (DEPARTMENT_FIELDS.has(key)) return ctx.departmentName(value);
  if (key === 'assisting' && Array.isArray(value)) return value.map((d) => ctx.departmentName(d)).join('、');
  if (key === 'attachments' && Array.isArray(value)) return `${value.length} 个（见下方附件）`;
  if (ENUMS[key]) return L.label(ENUMS[key], value);
  if (key === 'categoryCode') return categoryName(value, ctx);
  if (key === 'amount') return L.limit(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatTime(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A category code (010103) as people read it: its path in the catalog the console loaded at sign-in, else the code. */
function categoryName(code, ctx) {
  const c = (ctx.categories || []).find((x) => x.code === code);
  return c ? `${c.path || c.name}（${code}）` : String(code);
}

/** The events the snapshot and the deadline marks record, oldest first. */
function fromSnapshot(t, deadlines) {
  const events = [];
  const add = (at, text) => { if (at) events.push({ at, text }); };
  add(t.receivedAt, `受理（${L.label(L.CHANNELS, t.channel)}）`);
  add(t.signedAt, '承办单位签收');
  add(t.firstContactAt, '首次联系群众');
  add(t.pendingReturn && t.pendingReturn.at, '申请退单：' + (t.pendingReturn && t.pendingReturn.reason));
  add(t.pendingExtension && t.pendingExtension.at, '申请延期：' + (t.pendingExtension && t.pendingExtension.reason));
  add(t.repliedAt, '答复');
  add(t.visit && t.visit.at, t.visit ? `回访：${L.label(L.RESOLUTIONS, t.visit.resolution)}，${L.label(L.SATISFACTIONS, t.visit.satisfaction)}` : '');
  add(t.closedAt, '办结');
  for (const [name, c] of Object.entries((deadlines && deadlines.clocks) || {})) {
    for (const m of c.marks || []) {
      add(m.at, `${L.label(L.CLOCKS, name)}：${L.label(L.MARKS, m.kind)}${m.extension ? '（' + m.extension + '）' : ''}`);
    }
  }
  events.sort((a, b) => a.at.localeCompare(b.at));
  return h('ul', { className: 'plain timeline' },
    events.map((e) => h('li', {}, h('span', { className: 'muted' }, formatTime(e.at) + ' '), e.text)),
    h('li', { className: 'muted' }, `退单 ${t.returnCount || 0} 次 · 延期 ${t.extensionCount || 0} 次 · 催办 ${t.urgeCount || 0} 次 · 重办 ${t.reopenCount || 0} 次 · 版本 ${t.version}`));
}
