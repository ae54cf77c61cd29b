import type { Pieces } from "../pieces";
import type { CaseResult } from "../report";

export async function taskpaneCase(_pieces: Pieces): Promise<CaseResult> {
  throw new Error("not yet");
}
