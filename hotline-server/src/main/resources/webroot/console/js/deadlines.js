// Deadline marks shared by the inbox and the ticket page: the nearest running clock decides the colour.
import { countdown, workingCountdown } from './dom.js';

/** The running clock due first, or null when every clock is stopped. */
export function nearestClock(ticket) {
  let best = null;
  for (const [name, c] of Object.entries(ticket.clocks || {})) {
    if (!c || c.stoppedAt || !c.dueAt || name === 'RETURN_WINDOW') continue;
    if (!best || c.dueAt < best.dueAt) best = { name, ...c };
  }
  return best;
}

/** 'red' past the deadline, 'yellow' past the yellow-card time, '' otherwise. */
export function markOf(clock, now = Date.now()) {
  if (!clock) return '';
  if (new Date(clock.dueAt).getTime() <= now) return 'red';
  if (clock.yellowAt && new Date(clock.yellowAt).getTime() <= now) return 'yellow';
  return '';
}

/**
 * The countdown cell of an open clock: the server's working time left when it sends one (taken at
 * the moment of the response), otherwise wall-clock time to dueAt (an older server).
 */
export function countdownCell(clock) {
  if (clock.paused) return { props: { className: 'countdown', dataset: { due: clock.dueAt || '', paused: 'true' } }, text: '已暂停' };
  if (typeof clock.remainingWorkingSeconds !== 'number') {
    return { props: { className: 'countdown', dataset: { due: clock.dueAt, paused: 'false' } }, text: countdown(clock.dueAt) };
  }
  const dataset = {
    remaining: String(clock.remainingWorkingSeconds), counting: String(!!clock.countingNow), fetched: String(Date.now()),
    flip: clock.countingChangesAt || '', workingDays: String(/wd$/.test(clock.limit || '') || !!clock.countingChangesAt),
  };
  return { props: { className: 'countdown', dataset }, text: workingText(dataset, Date.now()) };
}

/** Working time shown at {@code now}: it only decreases while the clock is counting. */
function workingText(d, now) {
  const elapsed = d.counting === 'true' ? Math.floor((now - Number(d.fetched)) / 1000) : 0;
  return workingCountdown(Number(d.remaining) - elapsed, d.counting === 'true', d.workingDays === 'true');
}

/**
 * At the known boundary (midnight before a weekend, holiday or working day) the clock starts or
 * stops counting: the cell re-bases itself there; the next list refresh brings the following one.
 */
function rebaseAtFlip(d, now) {
  if (!d.flip || now < new Date(d.flip).getTime()) return;
  const flipAt = new Date(d.flip).getTime();
  const elapsed = d.counting === 'true' ? Math.floor((flipAt - Number(d.fetched)) / 1000) : 0;
  d.remaining = String(Number(d.remaining) - elapsed);
  d.counting = String(d.counting !== 'true');
  d.fetched = String(flipAt);
  d.flip = '';
}

/** Re-renders every countdown once a second; paused clocks keep their text. */
export function startCountdowns(root) {
  const tick = () => {
    if (!root.isConnected) { clearInterval(timer); return; }
    const now = Date.now();
    for (const el of root.querySelectorAll('[data-remaining]')) {
      rebaseAtFlip(el.dataset, now);
      el.textContent = workingText(el.dataset, now);
    }
    for (const el of root.querySelectorAll('[data-due]')) {
      if (el.dataset.paused === 'true') continue;
      el.textContent = countdown(el.dataset.due);
    }
  };
  const timer = setInterval(tick, 1000);
  tick();
  return timer;
}
