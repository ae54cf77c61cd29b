/**
 * Which storage the submissions store runs on, chosen as the template library's is
 * (../library/open-repository.ts): PostgreSQL when a database URL is configured, else the
 * SQLite file beside library.sqlite. PostgreSQL's client is loaded only when it is used.
 */
import type { SubmissionRepository } from "./repository";

export interface SubmissionStoreChoice {
  /** postgres://… ; empty or undefined = SQLite. */
  readonly databaseUrl?: string | undefined;
  /** Where submissions.sqlite lives when no database URL is given. */
  readonly sqliteFile: string;
}

export async function openSubmissionRepository(
  choice: SubmissionStoreChoice,
): Promise<SubmissionRepository> {
  const url = choice.databaseUrl?.trim();
  if (url) {
    const { PostgresSubmissionRepository } = await import("./pg-repository");
    return PostgresSubmissionRepository.open(url);
  }
  const { SqliteSubmissionRepository } = await import("./sqlite-repository");
  return new SqliteSubmissionRepository(choice.sqliteFile);
}
