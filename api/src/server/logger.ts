import pino, { type Logger } from 'pino';

/** Structured JSON logs. Cookies and authorization headers never reach them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
  });
}
