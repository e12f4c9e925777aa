/** The report views by name. Its own module, with no imports, so the command line can list them without loading the engine. */
export const reportViews = ['summary', 'disclosure', 'reconcile', 'by-fund', 'by-department'] as const;
export type ReportView = (typeof reportViews)[number];
