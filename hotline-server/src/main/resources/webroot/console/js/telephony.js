// Agent's phone state, the screen-pop stream and the missed-call callback list (telephony API, when wired in).
import { api, available, streamEvents } from './api.js';
import { h, clear, notify, formatTime } from './dom.js';

const AGENT_KEY = 'hotline.console.agentId';
const PAUSE_REASONS = ['小休', '培训', '会议', '整理工单', '用餐'];

/** Builds the phone bar; {onPop} receives each screen pop {callId, caller, queue, tickets}. */
export async function mountTelephony(bar, callbacks, ctx, onPop) {
  if (!(await available('/api/telephony/dashboard'))) {
    clear(bar, h('p', { className: 'note', id: 'telephony-unavailable' }, '话务系统未接入本服务器：示闲/示忙、来电弹屏和回拨列表暂不可用，可直接手工登记工单。'));
    callbacks.hidden = true;
    return;
  }
  // The server lets an agent act only as itself (its user id); supervisors may look at another agent's line.
  const agentId = h('input', { id: 'agent-id', value: ctx.role === 'AGENT' ? ctx.username : sessionStorage.getItem(AGENT_KEY) || ctx.username,
    readOnly: ctx.role === 'AGENT', maxlength: 64, style: 'width:8rem' });
  const reason = h('select', { id: 'pause-reason', 'aria-label': '示忙原因' }, PAUSE_REASONS.map((r) => h('option', { value: r }, r)));
  const state = h('span', { id: 'phone-state', className: 'badge' }, '未连接');
  let stop = () => {};
  const connect = () => {
    stop();
    sessionStorage.setItem(AGENT_KEY, agentId.value.trim());
    stop = streamEvents(`/api/telephony/agents/${encodeURIComponent(agentId.value.trim())}/events`,
      (type, data) => { if (type === 'screen-pop') onPop(data); },
      (s) => { state.textContent = s === 'open' ? '弹屏已连接' : '弹屏断开'; if (s !== 'open') setTimeout(connect, 5000); });
  };
  const seat = h('span', { id: 'agent-state', className: 'badge' }, '—');
  const call = async (path, body, done) => {
    try {
      await api('POST', `/api/telephony/agents/${encodeURIComponent(agentId.value.trim())}/${path}`, body);
      notify(done);
    } catch (e) {
      notify('话务操作失败：' + e.message, 'error');
    }
    showState(seat, agentId.value.trim());
  };
  const queues = h('input', { id: 'agent-queues', value: 'common', maxlength: 200, style: 'width:8rem', 'aria-label': '技能队列（逗号分隔）' });
  const queueList = () => queues.value.split(/[,，\s]+/).filter(Boolean);
  clear(bar, h('div', { className: 'row' },
    h('label', { className: 'row' }, '工号', agentId), state, seat,
    h('label', { className: 'row' }, '队列', queues),
    h('button', { type: 'button', id: 'btn-login', onclick: () => call('login', { queues: queueList() }, '已签入：' + queueList().join('、')) }, '签入'),
    h('button', { type: 'button', id: 'btn-logout', onclick: () => call('logout', {}, '已签出') }, '签出'),
    h('button', { type: 'button', id: 'btn-ready', onclick: () => call('ready', {}, '已示闲，等待来电') }, '示闲'),
    reason,
    h('button', { type: 'button', id: 'btn-pause', onclick: () => call('pause', { reason: reason.value }, '已示忙：' + reason.value) }, '示忙')));
  agentId.addEventListener('change', connect);
  connect();
  showState(seat, agentId.value.trim());
  let ticks = 0;
  const poll = setInterval(() => {
    if (!bar.isConnected) { clearInterval(poll); return; }
    if (document.hidden) return;
    showState(seat, agentId.value.trim());
    if (++ticks % 6 === 0) loadCallbacks(callbacks, () => agentId.value.trim());   // new missed calls every 30 s
  }, 5000);
  loadCallbacks(callbacks, () => agentId.value.trim());
}

const STATES = { READY: '空闲', BUSY: '通话中', WRAP_UP: '话后整理', PAUSED: '示忙', LOGGED_OUT: '未签入' };

/** The agent's state as Asterisk reports it (the board follows AMI events, so it may lag the command a moment). */
async function showState(seat, agentId) {
  try {
    const board = await api('GET', '/api/telephony/dashboard');
    const me = (board.agents || []).find((a) => a.agentId === agentId);
    const state = me ? me.state : 'LOGGED_OUT';
    seat.textContent = (STATES[state] || state) + (state === 'PAUSED' && me.reason ? '（' + me.reason + '）' : '');
    seat.dataset.state = state;
  } catch (e) {
    seat.textContent = '状态未知';
  }
}

async function loadCallbacks(card, agentId) {
  const list = h('ul', { className: 'plain', id: 'callbacks' });
  clear(card, h('div', { className: 'row' }, h('h3', {}, '未接来电回拨'),
    h('button', { type: 'button', onclick: () => loadCallbacks(card, agentId) }, '刷新')), list);
  try {
    const answer = await api('GET', '/api/telephony/callbacks');
    const items = answer.callbacks || [];
    if (items.length === 0) list.append(h('li', { className: 'muted' }, '暂无未接来电'));
    for (const c of items) {
      list.append(h('li', { className: 'row' }, h('span', {}, c.caller || '未知号码'),
        h('span', { className: 'muted' }, `${formatTime(c.abandonedAt)} · 等待 ${c.waitSeconds ?? '?'} 秒`),
        h('button', { type: 'button', onclick: () => callBack(c, agentId()).then((ok) => { if (ok) loadCallbacks(card, agentId); }) }, '回拨')));
    }
  } catch (e) {
    list.append(h('li', { className: 'muted' }, '回拨列表加载失败：' + e.message));
  }
}

async function callBack(c, agentId) {
  try {
    await api('POST', `/api/telephony/callbacks/${encodeURIComponent(c.callId)}/call`, { agentId });
    notify('正在回拨 ' + c.caller);
    return true;
  } catch (e) {
    notify('回拨失败：' + e.message, 'error');
    return false;
  }
}

/** 110 one-click transfer or three-way call for the live call. */
export async function police(callId, mode) {
  try {
    await api('POST', `/api/v1/linkage/110/calls/${encodeURIComponent(callId)}/${mode}`, {});
    notify(mode === 'transfer' ? '已转接 110' : '已发起与 110 的三方通话');
  } catch (e) {
    notify((mode === 'transfer' ? '转接 110 失败：' : '三方通话失败：') + e.message, 'error');
  }
}
