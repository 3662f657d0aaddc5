import { i18n } from '../../lib/i18n';
import { detailsText, subjectText } from './audit-text';

describe('audit entries in words', () => {
  const t = (language: string) => i18n.getFixedT(language, 'admin');

  it('names who acted and on what', () => {
    expect(subjectText('bootstrap', t('en'))).toBe('bootstrap token');
    expect(subjectText('user:lin', t('en'))).toBe('user lin');
    expect(subjectText('token:tok_9:x', t('zh-CN'))).toBe('令牌 tok_9:x');
    expect(subjectText('settings', t('en'))).toBe('settings'); // not a kind the app knows: as given
  });

  it('spells out known details, and keeps the rest as JSON', () => {
    expect(detailsText({ role: 'supervisor', queues: ['billing', 'vip'], teams: [] }, t('en'))).toBe(
      'Role: Supervisor · Queues: billing, vip · Teams: all',
    );
    expect(detailsText({ reason: 'wrong password' }, t('zh-CN'))).toBe('原因: 密码错误');
    expect(detailsText({ password: 'changed', disabled: true }, t('en'))).toBe('Password: changed · Disabled: yes');
    expect(detailsText({ defaults: { serviceLevelSeconds: 30 } }, t('en'))).toBe('{"defaults":{"serviceLevelSeconds":30}}');
    expect(detailsText({}, t('en'))).toBe('');
  });
});
