// A small client of GET /v1/events/stream over fetch, shared by the suites that read the stream.
import { stack } from './stack';

export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

/** A small SSE client over fetch: collects messages and comment lines until closed. */
export async function connect(key: string, opts: { query?: string; headers?: Record<string, string>; baseUrl?: string } = {}) {
  const abort = new AbortController();
  const res = await fetch(`${opts.baseUrl ?? stack().apiUrl}/v1/events/stream${opts.query ?? ''}`, {
    headers: { Authorization: `Bearer ${key}`, Accept: 'text/event-stream', ...(opts.headers ?? {}) },
    signal: abort.signal,
  });
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  let retry: number | null = null;
  let ended = false;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  const reading = (async () => {
    if (res.status !== 200 || !res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const msg: SseMessage = { data: '' };
          let isMessage = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            else if (line.startsWith('retry: ')) retry = Number(line.slice(7));
            else {
              const [field, ...rest] = line.split(': ');
              (msg as unknown as Record<string, string>)[field] = rest.join(': ');
              isMessage = true;
            }
          }
          if (isMessage) messages.push(msg);
        }
        notify();
      }
    } catch {
      /* aborted */
    } finally {
      ended = true;
      notify();
    }
  })();
  const until = (check: () => boolean, what: string, timeoutMs = 8_000) =>
    new Promise<void>((resolve, reject) => {
      if (check()) return resolve();
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}; got ${messages.length} messages: ${messages.map((m) => m.event).join(', ')}`));
      }, timeoutMs);
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve();
      };
      waiters.add(waiter);
    });
  return {
    res,
    messages,
    comments,
    get retry() {
      return retry;
    },
    get ended() {
      return ended;
    },
    count: (n: number, timeoutMs?: number) => until(() => messages.length >= n, `${n} messages`, timeoutMs),
    heartbeat: () => until(() => comments.includes(': keep-alive'), 'a keep-alive comment', 5_000),
    end: () => until(() => ended, 'the end of the stream'),
    async close() {
      abort.abort();
      await reading;
    },
  };
}
