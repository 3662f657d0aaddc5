export { importQueueLog, type ImportQueueLogOptions, type ImportQueueLogTotals, type QueueLogProblem } from './import-queue-log';
export { mapQueueLog, QueueLogMapper, type MappedLine, type QueueLogMapperOptions } from './queue-log-mapper';
export { parseQueueLogLine, type QueueLogLine } from './queue-log-line';
