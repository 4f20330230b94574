// Agent workbench: phone bar, screen pop with the caller's history, the keyboard-first ticket form.
import { api, available } from './api.js';
import { h, clear, notify, keepDraft, debounce } from './dom.js';
import { mountTelephony, police } from './telephony.js';
import { intakeForm, districtsOf } from './intake.js';
import { mountKnowledge } from './knowledge.js';
import { queueCard } from './queues.js';
import { revisitCard } from './surveys.js';
import * as L from './labels.js';

// below this the suggestion is a guess: accepting it shows a warning
const LOW_CONFIDENCE = 0.3;

export async function mountAgent(view, ctx) {
  const bar = h('div', { className: 'card', id: 'phone-bar' }, '正在检测话务系统…');
  const pop = h('div', { className: 'card', id: 'screen-pop', hidden: true });
  const callbacks = h('div', { className: 'card', id: 'callback-card' });
  const emergency = h('div', { className: 'emergency', id: 'emergency', role: 'alert', hidden: true });
  const helpers = h('div', { className: 'card', id: 'intake-helpers' });
  const result = h('div', { className: 'card', id: 'filed', hidden: true });
  // agents record return visits: their own 待回访 list (a search API queue)
  const visits = h('div', { id: 'agent-visits', style: 'min-width:0' });
  const live = { callId: null };
  const services = {
    classify: await available('/api/v1/classify/model'),
    similar: await available('/api/v1/search/similar?text=' + encodeURIComponent('测试')),
    police: await probePost('/api/v1/linkage/110/check'),
    duplicates: await probePost('/api/v1/dispatch/duplicates'),
    knowledge: await available('/api/v1/knowledge?size=1'),
  };
  const knowledgeCard = h('div', { className: 'card', id: 'knowledge-card', hidden: !services.knowledge });
  const form = intakeForm(ctx, districtsOf(ctx.allDepartments));
  const draft = keepDraft(form, 'intake');
  clear(view, bar, emergency,
    h('div', { className: 'cols' },
      h('div', { className: 'card' }, h('h2', {}, '登记工单 ', h('span', { className: 'muted' }, '（Alt+T 标题，Alt+1..3 采纳分类，Ctrl+Enter 提交，Alt+A 直接答复）')), form),
      h('div', { style: 'display:grid;gap:.75rem;min-width:0' }, pop, helpers, knowledgeCard, result, visits, callbacks)));
  const assist = assistant(form, helpers, emergency, services, live, ctx);
  // the ticket filed last, answerable directly until the agent starts on the next appeal
  let answerFiled = null;
  // file() answers the new ticket's answer box, true when it was filed answered already, null on failure
  const submit = async () => {
    const filed = await file(form, draft, result, live, assist.accepted, ctx);
    if (filed) answerFiled = typeof filed === 'function' ? filed : null;
    return filed;
  };
  const answerField = form.elements.namedItem('directAnswer');
  const typing = () => form.elements.namedItem('title').value.trim() || form.elements.namedItem('content').value.trim();
  // an appeal still on the form is filed with the article as its answer, in one request
  const kb = services.knowledge ? mountKnowledge(knowledgeCard, async (text) => {
    if (typing() || !answerFiled) {
      if (!form.reportValidity()) { notify('请先填写诉求（标题、内容、类型），再用知识直接答复', 'error'); return; }
      answerField.value = text;
      await submit();
      return;
    }
    if (await answerFiled(text)) answerFiled = null;
  }) : null;
  form.querySelector('#btn-file-answered').addEventListener('click', () => {
    if (!answerField.value.trim()) { notify('请填写直接答复的内容', 'error'); answerField.focus(); return; }
    form.requestSubmit();
  });
  form.addEventListener('input', debounce(() => {
    assist();
    // a short query finds the article; the whole appeal text matches nothing: the title, else the content's start
    if (kb) kb.follow((form.elements.namedItem('title').value.trim() || form.elements.namedItem('content').value.trim()).slice(0, 30));
  }, 600));
  form.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
  form.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); form.requestSubmit(); } });
  document.addEventListener('keydown', (e) => {
    if (view.hidden || !e.altKey) return;
    if (e.key === 't') { e.preventDefault(); form.elements.namedItem('title').focus(); }
    if (e.key === 'k' && kb) { e.preventDefault(); kb.focus(); }
    if (e.key === 'a') {
      const answer = typing() || result.hidden ? answerField : document.getElementById('filed-answer');
      if (answer) { e.preventDefault(); answer.focus(); }
    }
    if (/^[1-3]$/.test(e.key)) { const chip = helpers.querySelectorAll('.chip.suggestion')[Number(e.key) - 1]; if (chip) { e.preventDefault(); chip.click(); } }
  });
  if (form.elements.namedItem('title').value || form.elements.namedItem('content').value) assist();
  mountTelephony(bar, callbacks, ctx, (event) => screenPop(pop, form, live, event, ctx));
  if (ctx.role === 'AGENT' && services.similar) mountVisits(visits, ctx);
}

/** The agent's 待回访 list, oldest first, with its own refresh (the index follows the ticket stream). */
async function mountVisits(box, ctx) {
  const refresh = h('button', { type: 'button', id: 'agent-visits-refresh' }, '刷新待回访');
  const load = async () => {
    const card = await queueCard({ key: 'visits', title: '待回访', status: 'REVIEWED', sort: 'oldest' }, ctx, 'agent-queue-');
    card.querySelector('h3').append(' ', refresh);
    // robot-visited tickets the survey campaign gives back to agents (复核回访)
    clear(box, card, await revisitCard(ctx));
  };
  refresh.addEventListener('click', load);
  await load();
}

async function probePost(path) {
  try { await api('POST', path, {}); return true; } catch (e) { return !(e.status === 404 || e.status === 405 || e.status === 0); }
}

/** Classification suggestions, the 110 check and similar tickets, refreshed as the agent types. */
function assistant(form, box, emergency, services, live, ctx) {
  // the accepted category sits in a hidden field so it is part of the draft
  const category = form.elements.namedItem('categoryCode');
  const state = { get accepted() { return category.value || null; }, set accepted(code) { category.value = code; form.dispatchEvent(new Event('change')); } };
  const chips = h('div', { className: 'chips', id: 'suggestions' });
  const similar = h('ul', { className: 'plain', id: 'similar' });
  const duplicates = h('ul', { className: 'plain', id: 'duplicates' });
  clear(box, h('h3', {}, '分类建议 ', h('span', { className: 'muted' }, 'Alt+1..3 采纳')),
    services.classify ? chips : h('p', { className: 'note' }, '分类服务未接入，提交后由派单员分类。'),
    h('h3', {}, '相似/重复诉求'), duplicates,
    services.similar ? similar : h('p', { className: 'note' }, '检索服务未接入，暂无法提示重复件。'));
  const text = () => ({ title: form.elements.namedItem('title').value.trim(), content: form.elements.namedItem('content').value.trim() });
  const run = async () => {
    const { title, content } = text();
    if (!title && !content) return;
    if (services.classify) {
      api('POST', '/api/v1/classify?limit=3', { title, content }).then((a) => clear(chips, (a.suggestions || []).map((s, i) =>
        h('button', { type: 'button', className: 'chip suggestion', 'aria-pressed': String(state.accepted === s.category),
          onclick: (e) => {
            state.accepted = s.category;
            chips.querySelectorAll('.chip').forEach((c) => c.setAttribute('aria-pressed', String(c === e.currentTarget)));
            // a weak suggestion is accepted only with a visible warning, so the agent looks again
            if ((s.confidence || 0) < LOW_CONFIDENCE) notify(`分类“${s.name}”的置信度只有 ${Math.round((s.confidence || 0) * 100)}%，请核对后再提交`, 'error');
          } },
        `${i + 1}. ${s.name}（${Math.round((s.confidence || 0) * 100)}%）`)))).catch((e) => clear(chips, h('span', { className: 'muted' }, '分类建议不可用：' + e.message)));
    }
    if (services.police) {
      api('POST', '/api/v1/linkage/110/check', { title, content }).then((a) => showEmergency(emergency, a, live)).catch(() => {});
    }
    if (services.duplicates) {
      const v = (n) => form.elements.namedItem(n).value.trim();
      // the place finds other callers' open tickets about it; the category narrows them
      const probe = { phone: v('phone'), title, content, location: { district: v('district'), street: v('street'), address: v('address') } };
      if (state.accepted) probe.category = state.accepted;
      api('POST', '/api/v1/dispatch/duplicates', probe)
        .then((a) => showDuplicates(duplicates, a.candidates || [], form, ctx)).catch(() => duplicates.replaceChildren());
    }
    if (services.similar) {
      api('GET', '/api/v1/search/similar?size=5&text=' + encodeURIComponent(title + ' ' + content)).then((a) => clear(similar,
        (a.hits || []).length === 0 ? h('li', { className: 'muted' }, '未发现相似诉求') : a.hits.map((t) => h('li', { className: L.OPEN_STATUSES.has(t.status) ? 'open-ticket' : '' },
          `${t.number} ${t.title}`, h('div', { className: 'muted' }, `${L.label(L.STATUSES, t.status)} · ${t.district || ''}`)))))
        .catch((e) => clear(similar, h('li', { className: 'muted' }, '相似检索失败：' + e.message)));
    }
  };
  run.accepted = () => state.accepted;
  form.addEventListener('reset', () => { chips.replaceChildren(); similar.replaceChildren(); duplicates.replaceChildren(); emergency.hidden = true; });
  return run;
}

const MERGERS = new Set(['DISPATCHER', 'SUPERVISOR']);

/** Likely duplicates of the same caller; roles that may merge pick one and the new ticket is merged into it. */
function showDuplicates(list, candidates, form, ctx) {
  const chosen = form.elements.namedItem('mergeInto');
  clear(list, candidates.map((c) => h('li', { className: 'open-ticket' },
    h('strong', {}, `疑似重复：${c.number}`), h('span', { className: 'muted' }, `（相似度 ${Math.round(c.similarity * 100)}%）`),
    h('div', { className: 'muted' }, c.explanation || ''),
    h('div', { className: 'row' },
      h('button', { type: 'button', onclick: () => ctx.openTicket(c.ticketId) }, '查看'),
      MERGERS.has(ctx.role) ? h('button', { type: 'button', className: 'merge', 'aria-pressed': String(chosen.value === c.ticketId),
        onclick: (e) => {
          chosen.value = chosen.value === c.ticketId ? '' : c.ticketId;
          form.dispatchEvent(new Event('change'));
          list.querySelectorAll('button.merge').forEach((b) => b.setAttribute('aria-pressed', String(b === e.currentTarget && !!chosen.value)));
        } }, '并入此工单（提交即合并）') : null))));
}

function showEmergency(box, answer, live) {
  if (!answer || !answer.police) { box.hidden = true; return; }
  const noCall = !live.callId;
  clear(box, h('strong', {}, '⚠ 涉警紧急情况，应转 110 处置'), h('div', {}, answer.advice || ''),
    h('div', { className: 'row', style: 'margin-top:.4rem' },
      h('button', { type: 'button', id: 'btn-110-transfer', disabled: noCall, onclick: () => police(live.callId, 'transfer') }, '一键转 110'),
      h('button', { type: 'button', id: 'btn-110-conference', disabled: noCall, onclick: () => police(live.callId, 'conference') }, '三方通话（110）'),
      noCall ? h('span', {}, '（当前没有通话，无法转接）') : null));
  box.hidden = false;
}

function screenPop(pop, form, live, event, ctx) {
  live.callId = event.callId;
  form.elements.namedItem('phone').value = event.caller || '';
  form.elements.namedItem('callId').value = event.callId || '';
  // bubbles to the form (draft) and fills the caller's history under the phone field
  form.elements.namedItem('phone').dispatchEvent(new Event('change', { bubbles: true }));
  const list = h('ul', { className: 'plain', id: 'pop-tickets' });
  const heading = h('h3', {}, '历史工单');
  const show = (tickets) => {
    heading.textContent = `历史工单（${tickets.length}）`;
    clear(list, tickets.length === 0 ? h('li', { className: 'muted' }, '无历史工单')
      : tickets.map((t) => h('li', { className: (t.open ?? L.OPEN_STATUSES.has(t.status)) ? 'open-ticket' : '' },
        h('button', { type: 'button', className: 'chip', onclick: () => ctx.openTicket(t.id) }, `${t.number || ''} ${t.title || ''}`),
        h('span', { className: 'muted' }, ' ' + L.label(L.STATUSES, t.status)))));
  };
  clear(pop, h('h3', {}, '来电 ', h('span', { id: 'pop-caller' }, event.caller || '未知号码')),
    h('p', { className: 'muted' }, `队列 ${event.queue || '—'} · 通话 ${event.callId}`), heading, list);
  show(event.tickets || []);
  // the pop waits only briefly for the history; when it came empty, the API is asked once more
  if ((event.tickets || []).length === 0 && event.caller && event.caller.length >= 7) {
    api('GET', `/api/v1/tickets?limit=5&phone=${encodeURIComponent(event.caller)}`)
      .then((a) => { if (live.callId === event.callId) show(a.items || []); }).catch(() => {});
  }
  pop.hidden = false;
  form.elements.namedItem('title').focus();
  notify('来电弹屏：' + (event.caller || '未知号码'));
}

async function file(form, draft, result, live, accepted, ctx) {
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const request = form.ticketBody();
    if (request.directAnswer && request.mergeInto) { notify('直接答复与并入已有工单只能选择一项', 'error'); return null; }
    // the decision (answer or merge) is part of the filing: automatic dispatch never sees the ticket waiting
    const ticket = await api('POST', '/api/v1/tickets', request);
    const category = accepted();
    let classified = '';
    if (category && ticket.status === 'RECEIVED') {
      classified = await api('POST', `/api/v1/tickets/${ticket.id}/classify`, { categoryCode: category })
        .then(() => '，已按建议分类').catch((e) => '，分类未成功：' + e.message);
    }
    if (request.mergeInto) classified += ticket.status === 'MERGED' ? '，已合并为重复件' : '，合并未成功';
    draft.discard();
    form.reset();
    form.newIdempotencyKey();
    live.callId = null;
    if (request.directAnswer) {
      notify(`工单 ${ticket.number} 已直接答复，当前状态：${L.label(L.STATUSES, ticket.status)}`);
      result.hidden = true;
      return true;
    }
    notify(`工单已登记：${ticket.number}${classified}`);
    return showFiled(result, ticket, ctx);
  } catch (e) {
    notify('登记失败：' + e.message, 'error');
    return null;
  } finally {
    button.disabled = false;
  }
}

/** Shows the filed ticket with its direct-answer box; returns {answerWith(text)} resolving to true once answered. */
function showFiled(box, ticket, ctx) {
  const answer = h('textarea', { name: 'answer', id: 'filed-answer', maxlength: 4000, placeholder: '咨询类诉求可直接答复（Alt+A 到此处，Ctrl+Enter 提交）' });
  const send = async () => {
    const text = answer.value.trim();
    if (!text) { notify('请填写答复内容', 'error'); answer.focus(); return false; }
    try {
      const done = await api('POST', `/api/v1/tickets/${ticket.id}/answer`, { answer: text });
      notify(`工单 ${ticket.number} 已直接答复，当前状态：${L.label(L.STATUSES, done.status)}`);
      answer.value = '';
      return true;
    } catch (e) {
      notify('直接答复失败：' + e.message, 'error');
      return false;
    }
  };
  answer.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); send(); } });
  clear(box, h('h3', {}, '刚登记的工单'), h('p', { id: 'filed-number' }, ticket.number),
    h('div', { className: 'row' }, h('button', { type: 'button', onclick: () => ctx.openTicket(ticket.id) }, '查看工单')),
    h('label', {}, '直接答复', answer), h('button', { type: 'button', id: 'btn-filed-answer', onclick: send }, '提交直接答复'));
  box.hidden = false;
  return (text) => { answer.value = text; return send(); };
}
