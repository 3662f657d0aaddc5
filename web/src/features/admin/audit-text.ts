import type { TFunction } from 'i18next';
import { ROLES } from '../../lib/principal';

const SUBJECT_KINDS = ['user', 'token'] as const;
const DETAIL_KEYS = ['reason', 'name', 'role', 'queues', 'teams', 'displayName', 'disabled', 'password', 'session'] as const;
const REASONS = ['unknown user', 'wrong password', 'user disabled'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => (list as readonly unknown[]).includes(value);

/** The api's `bootstrap`, `user:<username>` and `token:<name or id>` in words. */
export function subjectText(subject: string, t: TFunction): string {
  if (subject === 'bootstrap') return t('audit.subjects.bootstrap');
  const [kind, ...rest] = subject.split(':');
  return isOneOf(SUBJECT_KINDS, kind) && rest.length > 0 ? t(`audit.subjects.${kind}`, { name: rest.join(':') }) : subject;
}

/** `{ role: 'supervisor', queues: [] }` → "Role: Supervisor · Queues: all"; keys the app does not know stay as JSON. */
export function detailsText(details: Record<string, unknown>, t: TFunction): string {
  return Object.entries(details)
    .map(([key, value]) => {
      if (!isOneOf(DETAIL_KEYS, key)) return JSON.stringify({ [key]: value });
      return `${t(`audit.detailKeys.${key}`)}: ${valueText(key, value, t)}`;
    })
    .join(' · ');
}

function valueText(key: (typeof DETAIL_KEYS)[number], value: unknown, t: TFunction): string {
  if (key === 'role' && isOneOf(ROLES, value)) return t(`auth:roles.${value}`);
  if (key === 'reason' && isOneOf(REASONS, value)) return t(`audit.reasons.${value.replaceAll(' ', '_')}`);
  if (key === 'password') return t('audit.changed');
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : t('all');
  return typeof value === 'string' ? value : JSON.stringify(value);
}
