/**
 * A small client for the submissions (报送) API (src/server/submissions/plugin.ts), used by
 * `zhenggai submit` and meant for the pane's 报送 button. Only global fetch: runs in the
 * browser and in Node 20.
 */
import {
  ApiError,
  type ApiTarget,
  apiBase,
  bearer,
  fetchApi,
  fetchJson,
} from "../api-client/fetch-api";
import type { Account, AccountRole, ProgressPoint, Submission, UnitOverview } from "./types";

export const SUBMISSIONS_API_PREFIX = "/api/submissions";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** An error answer of the server (or a network failure: status 0), with its Chinese message. */
export class SubmissionsApiError extends ApiError {
  override name = "SubmissionsApiError";
}

/** `http://host:port` (or …/api/submissions) → the API base without a trailing slash. */
export const submissionsApiBase = (serverUrl: string): string =>
  apiBase(serverUrl, SUBMISSIONS_API_PREFIX);

export interface SubmitResult {
  readonly submission: Submission;
  /** False when the ledger has errors: stored, but left out of the office's totals. */
  readonly counted: boolean;
  readonly message: string;
}

export class SubmissionsClient {
  readonly base: string;
  private readonly target: ApiTarget;

  constructor(
    serverUrl: string,
    private readonly token: string,
    fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args),
  ) {
    this.base = submissionsApiBase(serverUrl);
    this.target = {
      base: this.base,
      server: "报送服务器",
      fetchImpl,
      errorClass: SubmissionsApiError,
    };
  }

  /** Every call carries the client's token. */
  private withToken(init: RequestInit): RequestInit {
    return {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...bearer(this.token) },
    };
  }

  private request(path: string, init: RequestInit = {}): Promise<Response> {
    return fetchApi(this.target, path, this.withToken(init));
  }

  private json<T>(path: string, init: RequestInit = {}): Promise<T> {
    return fetchJson<T>(this.target, path, this.withToken(init));
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
