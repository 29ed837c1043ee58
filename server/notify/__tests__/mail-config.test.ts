// The mail settings: WORKDIARY_SMTP_URL must be an smtp(s) URL and WORKDIARY_MAIL_FROM an
// address; a bad one stops the server with a message naming it. Unset, mails are kept.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#server/config.ts';

describe('mail settings', () => {
  it('keeps mails without an SMTP URL, and sends from workdiary <no-reply@localhost> by default', () => {
    const c = loadConfig({});
    expect(c.smtpUrl).toBeUndefined();
    expect(c.mailFrom).toBe('workdiary <no-reply@localhost>');
    expect(loadConfig({ WORKDIARY_SMTP_URL: '' }).smtpUrl).toBeUndefined();
  });

  it('takes smtp:// and smtps:// URLs and a From with or without a name', () => {
    const c = loadConfig({ WORKDIARY_SMTP_URL: 'smtps://user:p%40ss@mail.example.com:465', WORKDIARY_MAIL_FROM: 'Acme diary <diary@acme.example>' });
    expect(c.smtpUrl).toBe('smtps://user:p%40ss@mail.example.com:465');
    expect(c.mailFrom).toBe('Acme diary <diary@acme.example>');
    expect(loadConfig({ WORKDIARY_MAIL_FROM: 'diary@acme.example' }).mailFrom).toBe('diary@acme.example');
  });

  it('refuses another scheme or a From that is no address, naming the setting', () => {
    expect(() => loadConfig({ WORKDIARY_SMTP_URL: 'http://mail.example.com' })).toThrow(/WORKDIARY_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadConfig({ WORKDIARY_SMTP_URL: 'mail.example.com:587' })).toThrow(/WORKDIARY_SMTP_URL/);
    expect(() => loadConfig({ WORKDIARY_MAIL_FROM: 'workdiary' })).toThrow(/WORKDIARY_MAIL_FROM: must be an address/);
    expect(() => loadConfig({ WORKDIARY_MAIL_FROM: 'a <b@c>\r\nBcc: x@y' })).toThrow(/WORKDIARY_MAIL_FROM/);
  });
});
