export * from './schema';
export { parseRfc3339, timestampSchema } from './timestamp';
export {
  decodeEvent,
  validateEvent,
  MAX_EVENT_BYTES,
  MAX_FUTURE_MS,
  type Rejection,
  type RejectionCode,
  type Validation,
} from './validate';
