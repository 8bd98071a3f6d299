// Reads a PostgreSQL URL as TONGBAN_DATABASE_URL spells it: Prisma's `?schema=` names the schema (default public),
// which node-postgres does not understand, so it is taken off the connection string. Prisma's client (server/db) and
// the collab update log (collab/storage) both read the URL here.

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The connection string without ?schema=, and the schema it named (default public). */
export function postgresTarget(url: string): { connectionString: string; schema: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema))
    throw new Error(
      `TONGBAN_DATABASE_URL: ?schema= takes a plain name (letters, digits, underscore), not "${schema}" / schema 名称只能包含字母、数字和下划线`,
    );
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
}

/** The URL of the same database with ?schema= naming another schema. */
export function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}
