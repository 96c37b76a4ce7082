/** The customer's account pages (sign-in, saved builds, timeline, preferences), in every language of resources.ts. */
export const accountTexts = {
  en: {
    title: 'Your account',
  },
  de: {
    title: 'Ihr Konto',
  },
  zh: {
    title: '您的账户',
  },
} as const;
