import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { filterParams, instantParam } from '../common/query-params';
import { AUDIT_ACTIONS } from './audit.service';
import { ROLES, TOKEN_ROLES, USER_ROLES } from './roles';

const name = z.string().trim().min(1).max(128);
const queueList = z.array(z.string().min(1).max(128)).max(200);
const password = z.string().min(10, 'at least 10 characters').max(256);

export const principalSchema = z.object({
  kind: z.enum(['user', 'token', 'bootstrap']),
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  tenant: z.string().describe("the tenant it may see; '*' for every tenant"),
  queues: z.array(z.string()).nullable().describe('the queues it is limited to; null: every queue'),
  teams: z.array(z.string()).nullable().describe('the teams it is limited to; null: every team'),
});
export class PrincipalDto extends createZodDto(principalSchema) {}

export class LoginDto extends createZodDto(z.object({ username: name, password: z.string().min(1).max(256) }).strict()) {}
export class RefreshDto extends createZodDto(z.object({ refreshToken: z.string().min(1).max(512) }).strict()) {}

export const sessionTokensSchema = z.object({
  accessToken: z.string().describe('bearer token for every request; short-lived'),
  refreshToken: z.string().describe('exchange at POST /auth/refresh for new tokens; each one works once'),
  expiresIn: z.number().describe('seconds the access token is valid'),
  principal: principalSchema,
});
export class SessionTokensDto extends createZodDto(sessionTokensSchema) {}

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(USER_ROLES),
  tenant: z.string(),
  queues: z.array(z.string()),
  teams: z.array(z.string()),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export class UserDto extends createZodDto(userSchema) {}
export class UsersDto extends createZodDto(z.object({ users: z.array(userSchema) })) {}

export const newUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only'),
    password,
    displayName: name.optional(),
    role: z.enum(USER_ROLES),
    tenant: filterParams.tenant,
    queues: queueList.default([]).describe("a supervisor's queues"),
    teams: queueList.default([]).describe("a supervisor's teams"),
  })
  .strict();
export class NewUserDto extends createZodDto(newUserSchema) {}

export const userChangeSchema = z
  .object({
    password: password.optional(),
    displayName: name.optional(),
    role: z.enum(USER_ROLES).optional(),
    queues: queueList.optional(),
    teams: queueList.optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
export class UserChangeDto extends createZodDto(userChangeSchema) {}
export class IdParamDto extends createZodDto(z.object({ id: z.string().min(1).max(64) })) {}

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(TOKEN_ROLES),
  tenant: z.string(),
  queues: z.array(z.string()).describe('a wallboard token shows only these queues; empty: every queue'),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export class ApiTokenDto extends createZodDto(apiTokenSchema) {}
export class ApiTokensDto extends createZodDto(z.object({ tokens: z.array(apiTokenSchema) })) {}
export class NewApiTokenSecretDto extends createZodDto(
  apiTokenSchema.extend({ secret: z.string().describe('the bearer token: shown this once, stored only as a hash') }),
) {}

export const newApiTokenSchema = z
  .object({ name, role: z.enum(TOKEN_ROLES), tenant: filterParams.tenant, queues: queueList.default([]) })
  .strict();
export class NewApiTokenDto extends createZodDto(newApiTokenSchema) {}

export const auditQuerySchema = z
  .object({
    tenant: z.string().min(1).max(64).optional(),
    from: instantParam.optional(),
    to: instantParam.optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();
export class AuditQueryDto extends createZodDto(auditQuerySchema) {}

const auditEntrySchema = z.object({
  at: z.string(),
  tenant: z.string(),
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  target: z.string(),
  outcome: z.enum(['success', 'failure']),
  ip: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export class AuditEntriesDto extends createZodDto(z.object({ entries: z.array(auditEntrySchema) })) {}
