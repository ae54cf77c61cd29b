/**
 * A small client for the submissions (报送) API (src/server/submissions/plugin.ts), used by
 * `zhenggai submit` and meant for the pane's 报送 button. Only global fetch: runs in the
 * browser and in Node 20.
 */
import type { Account, AccountRole, ProgressPoint, Submission, UnitOverview } from "./types";

export const SUBMISSIONS_API_PREFIX = "/api/submissions";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** An error answer of the server (or a network failure: status 0), with its Chinese message. */
export class SubmissionsApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = "SubmissionsApiError";
  }
}

/** `http://host:port` (or …/api/submissions) → the API base without a trailing slash. */
export function submissionsApiBase(serverUrl: string): string {
  const trimmed = serverUrl.trim().replace(/\/+$/, "");
  return trimmed.endsWith(SUBMISSIONS_API_PREFIX) ? trimmed : `${trimmed}${SUBMISSIONS_API_PREFIX}`;
}

export interface SubmitResult {
  readonly submission: Submission;
  /** False when the ledger has errors: stored, but left out of the office's totals. */
  readonly counted: boolean;
  readonly message: string;
}

export class SubmissionsClient {
  readonly base: string;

  constructor(
    serverUrl: string,
    private readonly token: string,
    private readonly fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args),
  ) {
    this.base = submissionsApiBase(serverUrl);
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.base}${path}`, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          authorization: `Bearer ${this.token}`,
        },
      });
    } catch (error) {
      throw new SubmissionsApiError(
        0,
        "network",
        `无法连接报送服务器 ${this.base}：${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (response.ok) return response;
    let body: { error?: { code?: string; message?: string; details?: string[] } } = {};
    try {
      body = (await response.json()) as typeof body;
    } catch {
      // not JSON: keep the status line
    }
    throw new SubmissionsApiError(
      response.status,
      body.error?.code ?? "http",
      body.error?.message ?? `报送服务器返回 ${response.status} ${response.statusText}`,
      body.error?.details ?? [],
    );
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await (await this.request(path, init)).json()) as T;
  }

  /** Submits a ledger's bytes under the token's unit. */
  async submit(fileName: string, bytes: Uint8Array, asOf?: string): Promise<SubmitResult> {
    const query = asOf ? `?asOf=${encodeURIComponent(asOf)}` : "";
    return this.json<SubmitResult>(`/submissions${query}`, {
      method: "POST",
      headers: { "content-type": XLSX_MIME, "x-file-name": encodeURIComponent(fileName) },
      body: bytes as unknown as BodyInit,
    });
  }

  /** A unit: its own submissions; the office: all, or one unit's. Newest first. */
  async submissions(unitId?: number): Promise<Submission[]> {
    const query = unitId !== undefined ? `?unit=${unitId}` : "";
    return (await this.json<{ submissions: Submission[] }>(`/submissions${query}`)).submissions;
  }

  async submission(id: number): Promise<Submission> {
    return (await this.json<{ submission: Submission }>(`/submissions/${id}`)).submission;
  }

  async units(): Promise<UnitOverview[]> {
    return (await this.json<{ units: UnitOverview[] }>("/units")).units;
  }

  async progress(unitId: number): Promise<ProgressPoint[]> {
    return (await this.json<{ progress: ProgressPoint[] }>(`/units/${unitId}/progress`)).progress;
  }

  /** The 汇总 workbook for an as-of day (office or admin). */
  async summaryWorkbook(asOf?: string): Promise<Uint8Array> {
    const query = asOf ? `?asOf=${encodeURIComponent(asOf)}` : "";
    return new Uint8Array(await (await this.request(`/summary.xlsx${query}`)).arrayBuffer());
  }

  /** Admin: creates a unit or office account; the token is shown only in this answer. */
  async createAccount(
    role: AccountRole,
    name: string,
  ): Promise<{ account: Account; token: string }> {
    return this.json(`/accounts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role, name }),
    });
  }
}
