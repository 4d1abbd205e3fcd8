import { pino, type Logger } from 'pino';
import type { Config } from '../config.ts';

export type { Logger };

/** One structured JSON logger for the process; each request gets a child carrying its request id. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({ level, base: { service: 'portico' }, timestamp: pino.stdTimeFunctions.isoTime });
}
