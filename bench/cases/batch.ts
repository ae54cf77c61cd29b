import type { Pieces } from "../pieces";
import type { CaseResult } from "../report";

export async function batchCase(_pieces: Pieces): Promise<CaseResult> {
  throw new Error("not yet");
}
