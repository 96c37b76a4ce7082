import type { LanguageCode } from '../../contract/language.schema.ts';

/** The two mails a sign-up sends, in the language of the page it was made on. */
export interface SignUpMail {
  subject: string;
  body: string;
  link: string;
}

const texts = {
  en: {
    confirmSubject: 'Confirm your e-mail to finish your account',
    confirm: (name: string, link: string) =>
      `Hello ${name},\n\nOpen this link to finish creating your account (it works once, for 24 hours):\n${link}\n\n` +
      'If you did not sign up, ignore this mail: nothing is created without the link.',
    existingSubject: 'You already have an account',
    existing: (link: string) =>
      'Someone, perhaps you, tried to create an account with this e-mail address. You already have one, so ' +
      `nothing was created. Sign in here:\n${link}\n\nIf it was not you, you need not do anything.`,
  },
  de: {
    confirmSubject: 'Bestätigen Sie Ihre E-Mail-Adresse, um Ihr Konto anzulegen',
    confirm: (name: string, link: string) =>
      `Hallo ${name},\n\nÖffnen Sie diesen Link, um Ihr Konto anzulegen (einmal gültig, 24 Stunden lang):\n${link}\n\n` +
      'Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail: ohne den Link wird nichts angelegt.',
    existingSubject: 'Sie haben bereits ein Konto',
    existing: (link: string) =>
      'Jemand, vielleicht Sie, wollte mit dieser E-Mail-Adresse ein Konto anlegen. Sie haben bereits eines, daher ' +
      `wurde nichts angelegt. Hier melden Sie sich an:\n${link}\n\nWaren Sie es nicht, müssen Sie nichts tun.`,
  },
  zh: {
    confirmSubject: '请确认您的电子邮箱以完成注册',
    confirm: (name: string, link: string) =>
      `${name}，您好：\n\n打开此链接即可完成账户注册（仅可使用一次，24 小时内有效）：\n${link}\n\n` +
      '如果您没有注册，请忽略此邮件：没有此链接不会创建任何账户。',
    existingSubject: '您已有账户',
    existing: (link: string) =>
      `有人（也许是您）尝试用此电子邮箱注册账户。您已有账户，因此未创建新账户。请在此登录：\n${link}\n\n如果不是您本人，无需任何操作。`,
  },
} satisfies Record<LanguageCode, unknown>;

export function confirmMail(language: LanguageCode, name: string, link: string): SignUpMail {
  const t = texts[language];
  return { subject: t.confirmSubject, body: t.confirm(name, link), link };
}

export function existingAccountMail(language: LanguageCode, link: string): SignUpMail {
  const t = texts[language];
  return { subject: t.existingSubject, body: t.existing(link), link };
}
