/** A background worker that works in rounds: the mail outbox and the webhook deliveries. */
export interface Rounds {
  /** Starts a pass now (or one more after the pass under way, so nothing committed meanwhile waits). */
  wake(): void;
  /** Runs a pass and settles when it finds nothing more to do (tests). */
  settle(): Promise<void>;
  /** Stops the timer and waits for the pass under way. */
  stop(): Promise<void>;
  readonly stopped: boolean;
}

/**
 * Calls `round` until it reports 0 items done — on `wake()`, every `intervalMs`, and once at start. A `wake()` during
 * a pass asks for another pass after it, so work committed after the pass's last look is never left for the timer.
 * `afterPass` runs at the end of each pass (to schedule an early retry, say).
 */
export function repeatRounds(round: () => Promise<number>, options: { intervalMs: number; onError: (error: unknown) => void; afterPass?: () => Promise<void> }): Rounds {
  let stopped = false;
  let inFlight: Promise<void> | undefined;
  let again = false;

  function pass(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      try {
        do {
          again = false;
          while (!stopped && (await round()) > 0);
        } while (again && !stopped);
        if (!stopped) await options.afterPass?.();
      } finally {
        // In the same tick as the last look at `again`, so no wake() falls between the two.
        inFlight = undefined;
      }
    })();
    return inFlight;
  }

  const wake = () => {
    if (!stopped) pass().catch(options.onError);
  };
  const timer = setInterval(wake, options.intervalMs);
  timer.unref();
  setImmediate(wake);

  return {
    wake,
    async settle() {
      await inFlight?.catch(() => {});
      await pass();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await inFlight?.catch(() => {});
    },
    get stopped() {
      return stopped;
    },
  };
}
