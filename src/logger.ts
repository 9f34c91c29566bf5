import pino from 'pino';
import { config } from './config';

// JSON lines. Callers log ids, codes and durations: never secrets, headers, bodies, query strings or personal data.
export const logger = pino({
  level: config.logLevel,
  base: { service: process.env.SERVICE_NAME ?? 'sabnode' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ['authorization', '*.authorization', 'headers', '*.headers', 'body', '*.body'], remove: true },
});
