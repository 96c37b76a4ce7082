/**
 * The session conflict dialog (src/configure/session/conflict-dialog.tsx, on the website and in the console) and the
 * console's continue page (src/sales/configure/), in every language of resources.ts.
 */
export const sessionConflictTexts = {
  en: {
    title: 'This build was changed elsewhere',
    otherDevice: 'This build was changed on another device (at {{at}}).',
    inStore: 'This build was changed in the store (by {{name}}, {{role}}, at {{at}}).',
    byCustomer: '{{name}} changed this build online meanwhile (at {{at}}).',
    removed: 'This build was removed on another device.',
    keepHint: '“Keep both” saves the build on this screen among the saved builds, then loads theirs.',
    reload: 'Reload theirs',
    keepBoth: 'Keep both',
    keeping: 'Saving yours…',
    keepFailed: 'Yours could not be saved. Try again, or reload theirs.',
    keptName: 'Kept on {{at}}',
    reloaded: 'This is the build as it was saved elsewhere.',
  },
  de: {
    title: 'Diese Konfiguration wurde anderswo geändert',
    otherDevice: 'Diese Konfiguration wurde auf einem anderen Gerät geändert (am {{at}}).',
    inStore: 'Diese Konfiguration wurde im Geschäft geändert (von {{name}}, {{role}}, am {{at}}).',
    byCustomer: '{{name}} hat diese Konfiguration inzwischen online geändert (am {{at}}).',
    removed: 'Diese Konfiguration wurde auf einem anderen Gerät entfernt.',
    keepHint:
      '„Beide behalten“ speichert die Konfiguration auf diesem Bildschirm unter den gespeicherten Konfigurationen und lädt dann die andere.',
    reload: 'Andere laden',
    keepBoth: 'Beide behalten',
    keeping: 'Ihre wird gespeichert…',
    keepFailed: 'Ihre konnte nicht gespeichert werden. Versuchen Sie es erneut oder laden Sie die andere.',
    keptName: 'Behalten am {{at}}',
    reloaded: 'Das ist die Konfiguration, wie sie anderswo gespeichert wurde.',
  },
  zh: {
    title: '此配置已在别处更改',
    otherDevice: '此配置已在另一台设备上更改（{{at}}）。',
    inStore: '此配置已在门店更改（{{name}}，{{role}}，{{at}}）。',
    byCustomer: '{{name}} 已在网上更改了此配置（{{at}}）。',
    removed: '此配置已在另一台设备上删除。',
    keepHint: '“两者都保留”会先将此屏幕上的配置保存到已保存的配置中，然后加载对方的配置。',
    reload: '加载对方的',
    keepBoth: '两者都保留',
    keeping: '正在保存您的配置…',
    keepFailed: '您的配置未能保存。请重试，或加载对方的配置。',
    keptName: '保留于 {{at}}',
    reloaded: '这是在别处保存的配置。',
  },
};

/** The console's continue page (src/sales/configure/). */
export const storeContinueTexts = {
  en: {
    resumed: 'Continuing {{name}}’s build from {{date}}, undo history included.',
  },
  de: {
    resumed: 'Sie setzen die Konfiguration von {{name}} vom {{date}} fort, samt Rückgängig-Verlauf.',
  },
  zh: {
    resumed: '正在继续 {{name}} 于 {{date}} 的配置，撤销记录也已保留。',
  },
};
