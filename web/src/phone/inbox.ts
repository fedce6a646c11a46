// The in-app inbox, live while the app is open: a server-sent event stream through the gateway
// (GET /api/workflow/notifications/mine/live), read with fetch so it carries the token. The last message's id is
// kept on the phone: after a reconnect, or opening the app again, the stream starts after it (catching up).
import { computed, ref } from 'vue';
import type { components } from '../api/generated/workflow';
import { freshUser } from '../auth/session';

export type Message = components['schemas']['NotificationResponse'];

const lastIdKey = 'platform.inbox.last';
const seenKey = 'platform.inbox.seen';

export const messages = ref<Message[]>([]);
export const live = ref(false);
const seen = ref(localStorage.getItem(seenKey) ?? '');
/** Messages that arrived since the inbox was last opened: the tab's badge. */
export const unread = computed(() => {
  const at = messages.value.findIndex((m) => m.id === seen.value);
  return at === -1 ? messages.value.length : at;
});

export function markRead(): void {
  if (messages.value[0]) {
    seen.value = messages.value[0].id;
    localStorage.setItem(seenKey, seen.value);
  }
}

function arrived(message: Message): void {
  if (messages.value.some((m) => m.id === message.id)) return;
  messages.value = [message, ...messages.value];
  localStorage.setItem(lastIdKey, message.id);
}

/** The inbox's latest page, to show at once; the stream carries on from the newest of it. */
async function loadRecent(token: string): Promise<void> {
  const response = await fetch('/api/workflow/notifications/mine?pageSize=50', { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) return;
  const page = (await response.json()) as { items: Message[] };
  const delivered = page.items.filter((m) => m.status === 'Sent');
  messages.value = delivered;
  if (delivered[0] && !localStorage.getItem(lastIdKey)) localStorage.setItem(lastIdKey, delivered[0].id);
  if (!localStorage.getItem(seenKey) && delivered[0]) {
    seen.value = delivered[0].id;
    localStorage.setItem(seenKey, seen.value);
  }
}

/** Reads one stream until it ends; messages are handed over as their events complete. */
async function follow(token: string, signal: AbortSignal): Promise<void> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
  const last = localStorage.getItem(lastIdKey);
  if (last) headers['Last-Event-ID'] = last;
  const response = await fetch('/api/workflow/notifications/mine/live', { headers, signal, cache: 'no-store' });
  if (!response.ok || !response.body) throw new Error(`${response.status}`);
  live.value = true;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event.split('\n').find((line) => line.startsWith('data: '));
      if (event.includes('event: notification') && data) arrived(JSON.parse(data.slice(6)) as Message);
    }
  }
}

let stop: AbortController | null = null;

/** Keeps the stream open while the app is: reconnects after a drop, at once when the network returns. */
export function startInbox(): void {
  if (stop) return;
  stop = new AbortController();
  const signal = stop.signal;
  let wake: (() => void) | null = null;
  window.addEventListener('online', () => wake?.());
  void (async () => {
    let first = true;
    while (!signal.aborted) {
      try {
        const user = await freshUser();
        if (user && navigator.onLine) {
          if (first) await loadRecent(user.access_token);
          first = false;
          await follow(user.access_token, signal);
        }
      } catch {
        // The network or the server dropped the stream: try again shortly.
      }

      live.value = false;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, navigator.onLine ? 3000 : 30_000);
      });
    }
  })();
}

/** Stops the stream and forgets where this person's inbox stood (the next person on the phone starts afresh). */
export function stopInbox(): void {
  stop?.abort();
  stop = null;
  messages.value = [];
  localStorage.removeItem(lastIdKey);
  localStorage.removeItem(seenKey);
  seen.value = '';
}
