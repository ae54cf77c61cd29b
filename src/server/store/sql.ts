/** Small pieces both SQL dialects' stores use alike (no driver is loaded from here). */

/** The time stored in every row: ISO 8601 in UTC. */
export const now = () => new Date().toISOString();

/** LIKE pattern matching `q` literally anywhere (with ESCAPE '\'). */
export const likeAnywhere = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
