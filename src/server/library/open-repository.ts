/**
 * Which storage a library server runs on: PostgreSQL when a database URL is configured
 * (`DATABASE_URL` or `--database-url`), else the SQLite file in the data directory, as a county
 * runs it. PostgreSQL's client is loaded only when it is used.
 */
import type { TemplateRepository } from "./repository";

export interface RepositoryChoice {
  /** postgres://… ; empty or undefined = SQLite. */
  readonly databaseUrl?: string | undefined;
  /** Where library.sqlite lives when no database URL is given. */
  readonly sqliteFile: string;
}

export async function openTemplateRepository(
  choice: RepositoryChoice,
): Promise<TemplateRepository> {
  const url = choice.databaseUrl?.trim();
  if (url) {
    const { PostgresTemplateRepository } = await import("./pg-repository");
    return PostgresTemplateRepository.open(url);
  }
  const { SqliteTemplateRepository } = await import("./sqlite-repository");
  return new SqliteTemplateRepository(choice.sqliteFile);
}

/** How the storage is named in start-up messages (never with the password). */
export async function describeStorage(choice: RepositoryChoice): Promise<string> {
  const url = choice.databaseUrl?.trim();
  if (!url) return `SQLite ${choice.sqliteFile}`;
  const { redactUrl } = await import("../store/pg");
  return `PostgreSQL ${redactUrl(url)}`;
}
