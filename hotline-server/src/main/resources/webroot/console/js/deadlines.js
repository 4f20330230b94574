// Deadline marks shared by the inbox and the ticket page: the nearest running clock decides the colour.
import { countdown } from './dom.js';

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

/** Re-renders every [data-due] element once a second; paused clocks keep their text. */
export function startCountdowns(root) {
  const tick = () => {
    if (!root.isConnected) { clearInterval(timer); return; }
    for (const el of root.querySelectorAll('[data-due]')) {
      if (el.dataset.paused === 'true') continue;
      el.textContent = countdown(el.dataset.due);
    }
  };
  const timer = setInterval(tick, 1000);
  tick();
  return timer;
}
