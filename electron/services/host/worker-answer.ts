// The two ends of a helper worker thread whose answer is taken synchronously, by a thread inside a
// database transaction that cannot await (the import's summaries, the draw's simulated draws). The
// shared flag: [0] 0 running, 1 answered; [1] a count the worker raises as it goes (its heartbeat).
// The waiting thread gives up on a worker that has not raised it within startupMs, or whose count
// then stops for stallMs, and does the work itself: same answer, only slower.

import { receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';

/** In the worker: the answer posted, then the flag set, so the waiting thread finds it. */
export function postAnswer(port: MessagePort, signal: Int32Array, answer: unknown): void {
  port.postMessage(answer);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
  port.close();
}

/**
 * In the waiting thread: the worker's answer, or undefined once it is taken for dead (then it is
 * stopped). onWait runs every `tickMs` while waiting (progress).
 */
export function takeAnswer<T>(
  worker: Worker,
  port: MessagePort,
  signal: Int32Array,
  patience: { startupMs: number; stallMs: number; tickMs?: number },
  onWait?: () => void,
): T | undefined {
  let beat = 0;
  let beatAt = performance.now();
  for (;;) {
    const m = receiveMessageOnPort(port);
    if (m) {
      port.close();
      return m.message as T;
    }
    Atomics.wait(signal, 0, 0, patience.tickMs ?? 500);
    onWait?.();
    const now = Atomics.load(signal, 1);
    if (now !== beat) [beat, beatAt] = [now, performance.now()];
    else if (Atomics.load(signal, 0) === 0 && performance.now() - beatAt > (beat === 0 ? patience.startupMs : patience.stallMs)) {
      void worker.terminate();
      port.close();
      return undefined;
    }
  }
}
