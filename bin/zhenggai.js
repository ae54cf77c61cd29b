#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so `npx zhenggai` works
// straight after `npm install`, with no build step to forget.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
