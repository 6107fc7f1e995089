/** Audit actions of what is recorded beside an agreement: its documents and its activities (evaluations included). */
export const annotationActions = ['DOCUMENT_ADDED', 'DOCUMENT_CHECKED', 'DOCUMENT_DELETED', 'ACTIVITY_RECORDED', 'ACTIVITY_DELETED'] as const;
export type AnnotationAction = (typeof annotationActions)[number];
