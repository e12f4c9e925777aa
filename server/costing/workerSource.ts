/**
 * The code that starts a worker thread running `file` (a module next to `from`): the compiled .js,
 * or the .ts source under tsx/vitest (registered in the worker first). For `new Worker(code, { eval: true })`.
 */
export function workerSource(file: string, from: string): string {
  const fromSource = from.endsWith('.ts');
  const target = new URL(`./${file}${fromSource ? '.ts' : '.js'}`, from).href;
  return fromSource
    ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); })`
    : `import(${JSON.stringify(target)})`;
}
