/** Words for an agreement's records (documents, activities and evaluations, history, the terminate dialog), Bahasa Indonesia first. */
export const id = {} as const;

export const en: Record<keyof typeof id, string> = {};

export const enumLabels = { id: {}, en: {} } as const;
