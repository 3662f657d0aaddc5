import { logLevel as KafkaLogLevel, type logCreator } from 'kafkajs';
import pino, { type Logger } from 'pino';

export function createLogger(level: string, name = 'ingest'): Logger {
  return pino({ name, level });
}

/** Routes kafkajs's own log lines into the service's pino logger. */
export function kafkaLogCreator(logger: Logger): logCreator {
  const child = logger.child({ component: 'kafkajs' });
  return () =>
    ({ level, log }) => {
      const { message, ...extra } = log;
      if (level === KafkaLogLevel.ERROR) child.error(extra, message);
      else if (level === KafkaLogLevel.WARN) child.warn(extra, message);
      else if (level === KafkaLogLevel.INFO) child.info(extra, message);
      else child.debug(extra, message);
    };
}
