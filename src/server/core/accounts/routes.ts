import { z } from 'zod';
import { Account, AccountsQuery, CreateAccountBody, OneTimePassword } from '../../../shared/contracts/accounts.js';
import { IdParam, listOf } from '../../../shared/contracts/common.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { createAccount, listAccounts, resetPassword, setDisabled } from './service.js';

export function accountRoutes(app: App, deps: Deps): void {
  const admin = { access: ['admin'] as const };
  app.get('/api/accounts', {
    config: admin,
    schema: { tags: ['accounts'], summary: '账号列表 Accounts', querystring: AccountsQuery, response: { 200: listOf(Account) } },
    handler: (req) => listAccounts(ctxOf(deps, req), req.query),
  });
  app.post('/api/accounts', {
    config: admin,
    schema: {
      tags: ['accounts'], summary: '创建账号 Create an account (without a password: a one-time password is returned)',
      body: CreateAccountBody, response: { 200: z.object({ account: Account, oneTimePassword: z.string().nullable() }) },
    },
    handler: (req) => createAccount(ctxOf(deps, req), req.body),
  });
  app.post('/api/accounts/:id/reset-password', {
    config: admin,
    schema: { tags: ['accounts'], summary: '重置密码 Reset to a one-time password', params: IdParam, response: { 200: OneTimePassword } },
    handler: (req) => resetPassword(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/accounts/:id/disable', {
    config: admin,
    schema: { tags: ['accounts'], summary: '停用账号 Disable (ends its sessions)', params: IdParam, response: { 200: Account } },
    handler: (req) => setDisabled(ctxOf(deps, req), req.params.id, true),
  });
  app.post('/api/accounts/:id/enable', {
    config: admin,
    schema: { tags: ['accounts'], summary: '启用账号 Enable', params: IdParam, response: { 200: Account } },
    handler: (req) => setDisabled(ctxOf(deps, req), req.params.id, false),
  });
}
