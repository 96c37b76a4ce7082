/**
 * The configurator's save status (src/configure/session/save-status.tsx, on the website and in the console), in
 * every language of resources.ts.
 */
export const sessionSaveTexts = {
  en: {
    saved: 'All changes saved',
    saving: 'Saving…',
    offline: 'Offline — your changes are kept here and will be saved when the connection is back',
    failed:
      'Your latest changes could not be saved (the server answered {{status}}). They stay on this page while it is open.',
    retry: 'Retry now',
  },
  de: {
    saved: 'Alle Änderungen gespeichert',
    saving: 'Wird gespeichert…',
    offline:
      'Offline – Ihre Änderungen bleiben hier erhalten und werden gespeichert, sobald die Verbindung wieder da ist',
    failed:
      'Ihre letzten Änderungen konnten nicht gespeichert werden (Antwort des Servers: {{status}}). Sie bleiben auf dieser Seite erhalten, solange sie geöffnet ist.',
    retry: 'Jetzt erneut versuchen',
  },
  zh: {
    saved: '所有更改已保存',
    saving: '正在保存…',
    offline: '离线——您的更改保留在此处，连接恢复后将自动保存',
    failed: '您最近的更改未能保存（服务器返回 {{status}}）。只要此页面保持打开，它们就会保留在这里。',
    retry: '立即重试',
  },
};
