// What a person did on the phone, kept in IndexedDB until the API has taken it: a report, a patrol finding, a
// reply, a rating or a check-in made without a network is not lost, and is sent when the network returns.
// Each request carries an Idempotency-Key fixed when the job was made, so a retry after a lost answer gets the
// first answer again and never files anything twice (the API keeps answers a day).
import { computed, ref, shallowRef } from 'vue';
import { current, freshUser } from '../auth/session';

/** One request of a job. A step may take the ids its earlier steps answered (a report names its uploaded photos). */
export interface OutboxStep {
  path: string;
  key: string;
  json?: Record<string, unknown>;
  photo?: Blob;
  /** Steps whose answers' ids go into json.photoIds. */
  photoIdsFrom?: number[];
}

export interface OutboxJob {
  id: string;
  /** Who made it: a job is sent only with its maker's token (another person may sign in on the same phone). */
  subject: string;
  label: string;
  createdAt: string;
  steps: OutboxStep[];
  /** Ids the finished steps answered, by step. */
  answers: (string | null)[];
  /** A refusal (4xx) stops the job: the person reads why and discards it or edits and sends anew. */
  refusal?: string;
  attempts: number;
}

const database = 'platform-phone';
const store = 'outbox';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(database, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(store, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(store, mode);
      const request = work(transaction.objectStore(store));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

// Plain objects (not reactive proxies): IndexedDB stores clones of them.
export const jobs = shallowRef<OutboxJob[]>([]);
export const sending = ref(false);
export const online = ref(navigator.onLine);
export const waiting = computed(() => jobs.value.length);

/** The signed-in person's jobs, oldest first (another person's wait for them to sign in again). */
async function reload(): Promise<void> {
  const all = await run<OutboxJob[]>('readonly', (s) => s.getAll() as IDBRequest<OutboxJob[]>);
  const subject = current.value?.profile.sub;
  jobs.value = all.filter((job) => job.subject === subject).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Keeps a job on the phone and tries to send it at once. */
export async function enqueue(label: string, steps: Omit<OutboxStep, 'key'>[]): Promise<OutboxJob> {
  const job: OutboxJob = {
    id: crypto.randomUUID(),
    subject: current.value?.profile.sub ?? '',
    label,
    createdAt: new Date().toISOString(),
    steps: steps.map((step) => ({ ...step, key: crypto.randomUUID() })),
    answers: steps.map(() => null),
    attempts: 0,
  };
  await run('readwrite', (s) => s.put(job));
  await reload();
  void flush();
  return job;
}

export async function discard(id: string): Promise<void> {
  await run('readwrite', (s) => s.delete(id));
  await reload();
}

class Refused extends Error {}

async function send(step: OutboxStep, answers: (string | null)[]): Promise<string | null> {
  const user = await freshUser();
  if (!user) throw new Error('not signed in');
  const headers: Record<string, string> = { Authorization: `Bearer ${user.access_token}`, 'Idempotency-Key': step.key };
  let body: BodyInit | undefined;
  if (step.photo) {
    body = step.photo;
    headers['Content-Type'] = step.photo.type || 'image/jpeg';
  } else if (step.json) {
    const json = step.photoIdsFrom ? { ...step.json, photoIds: step.photoIdsFrom.map((i) => answers[i]).filter(Boolean) } : step.json;
    body = JSON.stringify(json);
    headers['Content-Type'] = 'application/json';
  }

  const response = await fetch(step.path, { method: 'POST', headers, body });
  const answer = await response.json().catch(() => ({}));
  // In progress elsewhere (409 idempotent-request-in-progress), too many, or the server's trouble: try again later.
  if (response.ok) return typeof answer.id === 'string' ? answer.id : null;
  if (response.status >= 500 || response.status === 429 || response.status === 401 || answer.code === 'idempotent-request-in-progress') {
    throw new Error(answer.title ?? `${response.status}`);
  }

  throw new Refused(answer.title ?? `${response.status} ${response.statusText}`);
}

let running: Promise<void> | null = null;
/** A job kept while a pass was already under way: the pass goes round once more instead of leaving it for later. */
let again = false;
const listeners = new Set<(job: OutboxJob) => void>();

/** Called with each job the API has taken in full. */
export function onSent(listener: (job: OutboxJob) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sends what waits, oldest first, one at a time; stops at the first failure of the network. */
export function flush(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }

  running = (async () => {
    sending.value = true;
    try {
      do {
        again = false;
        await reload();
        if (!(await sendAll())) break;
      } while (again);
    } finally {
      await reload();
      sending.value = false;
      running = null;
    }
  })();
  return running;
}

/** One pass over the signed-in person's jobs; false when the network failed (the rest wait for the next try). */
async function sendAll(): Promise<boolean> {
  for (const job of [...jobs.value]) {
    if (job.refusal || !navigator.onLine) continue;
    try {
      for (let i = 0; i < job.steps.length; i++) {
        if (job.answers[i] !== null) continue;
        job.answers[i] = (await send(job.steps[i]!, job.answers)) ?? '';
        await run('readwrite', (s) => s.put(job));
      }

      await run('readwrite', (s) => s.delete(job.id));
      listeners.forEach((listener) => listener(job));
    } catch (error) {
      job.attempts++;
      if (error instanceof Refused) job.refusal = error.message;
      await run('readwrite', (s) => s.put(job));
      if (!(error instanceof Refused)) return false;
    }
  }

  return true;
}

/** Sends when the network returns, and looks again every half minute while something waits. */
export function startOutbox(): void {
  window.addEventListener('online', () => {
    online.value = true;
    void flush();
  });
  window.addEventListener('offline', () => (online.value = false));
  setInterval(() => {
    if (jobs.value.some((job) => !job.refusal)) void flush();
  }, 30_000);
  void flush();
}
