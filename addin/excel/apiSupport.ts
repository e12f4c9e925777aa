/**
 * Whether the running Excel supports an ExcelApi requirement set. Outside Office (unit tests,
 * a plain browser) there is no `Office` global and the answer is yes: the caller's context is a
 * double that implements what it needs.
 */
export function excelApiSupported(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  if (!requirements || !('isSetSupported' in requirements)) return true;
  return requirements.isSetSupported('ExcelApi', version);
}
