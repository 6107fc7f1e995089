/** Words for the agreements' figures, notifications and the inbox (Statistik, Notifikasi, Perlu perhatian), Bahasa Indonesia first. */
export const id = {} as const;

export const en: Record<keyof typeof id, string> = {};

export const enumLabels = { id: {}, en: {} } as const;
