// The soft phone bar: the agent's phone in the browser. WebRTC media, SIP over WebSocket to Asterisk's
// transport-ws/-wss (JsSIP, vendored in ../vendor/jssip). The phone bar above it keeps 示闲/示忙 and the
// callback list; this card adds the phone itself: sign in/out, answer, hang up, hold, transfers, 110.
import JsSIP from '../vendor/jssip/jssip-3.13.8.min.js';
import { api } from './api.js';
import { h, clear, notify } from './dom.js';
import { police } from './telephony.js';

const WS_KEY = 'hotline.softphone.ws';
const STATES = {
  off: '软电话未签入', connecting: '正在注册…', registered: '软电话就绪', ringing: '来电振铃',
  talking: '通话中', held: '通话保持中', failed: '注册失败', lost: '与话务服务器断开',
};

const MEDIA = { connecting: '语音连接中…', connected: '语音已接通', disconnected: '语音中断', failed: '语音连接失败' };

// Asterisk's HTTP server: 8088 (ws) next to an http console, 8089 (wss) when the console is served over https.
function defaultWebSocket() {
  const secure = location.protocol === 'https:';
  return `${secure ? 'wss' : 'ws'}://${location.hostname}:${secure ? 8089 : 8088}/ws`;
}

// The workbench renders the phone bar after log-in (and again after each log-in): mount under it once it has its buttons.
new MutationObserver(() => {
  const bar = document.getElementById('phone-bar');
  if (bar && bar.querySelector('#btn-login') && !document.getElementById('softphone')) mountSoftphone(bar);
}).observe(document.body, { childList: true, subtree: true });

function mountSoftphone(bar) {
  const phone = { ua: null, session: null };
  const status = h('span', { id: 'sp-status', className: 'badge', dataset: { state: 'off' } }, STATES.off);
  const caller = h('strong', { id: 'sp-caller' });
  const media = h('span', { id: 'sp-media', className: 'muted' });
  const ws = h('input', { id: 'sp-ws', value: localStorage.getItem(WS_KEY) || defaultWebSocket(), maxlength: 200,
    style: 'width:18rem', 'aria-label': '话务服务器 WebSocket 地址' });
  const target = h('input', { id: 'sp-target', maxlength: 20, inputmode: 'numeric', placeholder: '转接号码',
    style: 'width:8rem', 'aria-label': '转接号码' });
  const audio = h('audio', { id: 'sp-audio', autoplay: true });
  const button = (id, text, onclick) => h('button', { type: 'button', id, onclick }, text);
  const buttons = {
    signIn: button('sp-signin', '软电话签入', () => signIn()),
    signOut: button('sp-signout', '软电话签出', () => signOut()),
    answer: button('sp-answer', '接听', () => answer()),
    hangUp: button('sp-hangup', '挂断', () => phone.session && phone.session.terminate()),
    hold: button('sp-hold', '保持', () => toggleHold()),
    blind: button('sp-blind', '转接', () => transfer(false)),
    attended: button('sp-attended', '咨询转接', () => transfer(true)),
    police: button('sp-110', '三方通话 110', () => withCall((callId) => police(callId, 'conference'))),
  };
  buttons.answer.className = 'primary';
  const card = h('div', { className: 'card softphone', id: 'softphone' },
    h('div', { className: 'row' }, h('h3', {}, '软电话'), status, caller, media, audio),
    h('div', { className: 'row' }, buttons.signIn, buttons.signOut, buttons.answer, buttons.hangUp, buttons.hold,
      target, buttons.blind, buttons.attended, buttons.police),
    h('details', {}, h('summary', {}, '设置'), h('label', { className: 'row' }, '话务服务器', ws)));
  bar.after(card);

  const show = (state, who) => {
    status.textContent = STATES[state];
    status.dataset.state = state;
    if (who !== undefined) caller.textContent = who;
    const inCall = state === 'talking' || state === 'held';
    buttons.signIn.disabled = phone.ua !== null;
    buttons.signOut.disabled = phone.ua === null;
    buttons.answer.disabled = state !== 'ringing';
    buttons.hangUp.disabled = !(inCall || state === 'ringing');
    for (const b of [buttons.hold, buttons.blind, buttons.attended, buttons.police]) b.disabled = !inCall;
    buttons.hold.textContent = state === 'held' ? '恢复通话' : '保持';
  };
  show('off', '');

  const agentId = () => (document.getElementById('agent-id') || {}).value?.trim();
  const queues = () => ((document.getElementById('agent-queues') || {}).value || '').split(/[,，\s]+/).filter(Boolean);

  async function signIn() {
    const url = ws.value.trim();
    if (!/^wss?:\/\/[^/]+/.test(url)) { notify('话务服务器地址应为 ws:// 或 wss:// 开头', 'error'); return; }
    localStorage.setItem(WS_KEY, url);
    buttons.signIn.disabled = true;   // one log-in at a time
    let sip;
    try {
      // webrtc: the server writes this agent's endpoint for a browser (DTLS-SRTP, ICE, opus)
      sip = (await api('POST', `/api/telephony/agents/${encodeURIComponent(agentId())}/login`, { queues: queues(), webrtc: true })).sip;
    } catch (e) {
      buttons.signIn.disabled = false;
      notify('软电话签入失败：' + e.message, 'error');
      return;
    }
    if (!sip || !sip.username) {
      buttons.signIn.disabled = false;
      notify('本服务器未管理坐席话机（坐席接口不是 PJSIP），软电话无法注册', 'error');
      return;
    }
    const ua = new JsSIP.UA({
      sockets: [new JsSIP.WebSocketInterface(url)], uri: `sip:${sip.username}@${new URL(url).hostname}`,
      authorization_user: sip.username, password: sip.password, register: true, session_timers: false,
      user_agent: '12345-console-softphone',
    });
    phone.ua = ua;
    show('connecting');
    let announced = false;   // JsSIP renews the registration every few minutes: say it once
    ua.on('registered', () => {
      if (!phone.session) show('registered');
      if (!announced) notify('软电话已签入：' + (queues().join('、') || '全部队列'));
      announced = true;
    });
    ua.on('registrationFailed', (e) => { show('failed'); notify('软电话注册失败：' + e.cause, 'error'); });
    ua.on('disconnected', () => { if (phone.ua === ua) show('lost'); });
    ua.on('connected', () => { if (phone.ua === ua && status.dataset.state === 'lost') show('connecting'); });
    ua.on('newRTCSession', ({ session, originator }) => {
      if (originator !== 'remote') return;
      // ringinuse = no keeps a second call away; should one come anyway, the agent's line is busy
      if (phone.session) { session.terminate({ status_code: 486, reason_phrase: 'Busy Here' }); return; }
      incoming(session);
    });
    ua.start();
  }

  function incoming(session) {
    phone.session = session;
    const who = session.remote_identity.uri.user || session.remote_identity.display_name || '未知号码';
    session.on('peerconnection', ({ peerconnection }) => {
      peerconnection.addEventListener('track', (e) => { audio.srcObject = e.streams[0]; });
      // SIP may be answered while the media path (ICE, then DTLS) still fails: say so, it is the usual site problem
      peerconnection.addEventListener('connectionstatechange', () => {
        const now = peerconnection.connectionState;
        media.dataset.state = now;
        media.textContent = MEDIA[now] || '';
        if (now === 'failed') notify('语音通道建立失败（ICE/DTLS）：请检查坐席电脑到话务服务器的网络和 WebRTC 设置', 'error');
      });
    });
    session.on('accepted', () => show('talking'));
    session.on('hold', () => show('held'));
    session.on('unhold', () => show('talking'));
    const over = (text) => () => {
      if (phone.session !== session) return;
      phone.session = null;
      audio.srcObject = null;
      media.textContent = '';
      media.dataset.state = '';
      show(phone.ua ? 'registered' : 'off', '');
      notify(text);
    };
    session.on('ended', over('通话已结束'));
    session.on('failed', (e) => over(e.cause === JsSIP.C.causes.CANCELED ? '来电未接听，已转其他坐席' : '通话未建立：' + e.cause)());
    show('ringing', who);
    notify('软电话来电：' + who);
  }

  function answer() {
    if (!phone.session) return;
    phone.session.answer({ mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: [] } });
  }

  // Asterisk answers the re-INVITE by playing music on hold to the citizen.
  function toggleHold() {
    const s = phone.session;
    if (!s) return;
    if (s.isOnHold().local) s.unhold(); else s.hold();
  }

  // Transfers and the 110 call go through the server (call record, audit), named by the screen pop's call id.
  function withCall(action) {
    const field = document.querySelector('#intake-form [name=callId]');
    const callId = field && field.value;
    if (!callId) { notify('尚未收到本通来电的弹屏，暂无法转接', 'error'); return; }
    action(callId);
  }

  function transfer(attended) {
    const number = target.value.trim();
    if (!/^\d{3,20}$/.test(number)) { notify('请填写 3 到 20 位数字的转接号码', 'error'); target.focus(); return; }
    withCall(async (callId) => {
      try {
        await api('POST', `/api/telephony/calls/${encodeURIComponent(callId)}/transfer`, { target: number, attended });
        notify(attended ? `正在咨询 ${number}，与对方沟通后挂断即完成转接` : `已转接 ${number}`);
      } catch (e) {
        notify('转接失败：' + e.message, 'error');
      }
    });
  }

  async function signOut() {
    const ua = phone.ua;
    phone.ua = null;
    if (phone.session) phone.session.terminate();
    if (ua) ua.stop();
    show('off', '');
    try {
      await api('POST', `/api/telephony/agents/${encodeURIComponent(agentId())}/logout`, {});
      notify('软电话已签出');
    } catch (e) {
      notify('签出失败：' + e.message, 'error');
    }
  }

  // leaving the page (console log-out, closing the tab) unregisters the phone so the queue stops ringing it
  window.addEventListener('pagehide', () => { if (phone.ua) phone.ua.stop(); });
  const gone = new MutationObserver(() => {
    if (card.isConnected) return;
    gone.disconnect();
    if (phone.ua) { phone.ua.stop(); phone.ua = null; }
  });
  gone.observe(document.body, { childList: true, subtree: true });
}
