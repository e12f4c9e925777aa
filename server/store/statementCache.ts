import type BetterSqlite3 from 'better-sqlite3';

/**
 * better-sqlite3 with its prepared statements kept: Kysely prepares every query again, which
 * is a good share of a schedule pull's time. Statements are run synchronously and never left
 * iterating, so one statement per SQL text can be reused. Bounded: the cache is emptied when it
 * holds `max` texts (queries with `in (…)` lists vary).
 */
export function withStatementCache(database: BetterSqlite3.Database, max = 500): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = database.prepare.bind(database);
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property === 'prepare') {
        return (sql: string) => {
          let statement = cache.get(sql);
          if (!statement) {
            if (cache.size >= max) cache.clear();
            statement = prepare(sql);
            cache.set(sql, statement);
          }
          return statement;
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
