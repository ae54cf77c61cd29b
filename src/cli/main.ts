/**
 * `zhenggai` command line. Each command lives in its own module under ./commands and registers
 * itself on the program; exit codes: 0 ok, 1 the input has errors, 2 the input cannot be used.
 */
import { Command } from "commander";

const program = new Command()
  .name("zhenggai")
  .description("整改台账助手：校验巡察整改台账，统计完成情况，生成整改情况报告和整改进展情况通报")
  .showHelpAfterError("（运行 zhenggai --help 查看用法）");

const commandModules = [
  // Each module exports `register(program: Command): void`.
  () => import("./commands/library"),
  () => import("./commands/check"),
  () => import("./commands/init"),
  () => import("./commands/import"),
  () => import("./commands/report"),
  () => import("./commands/template"),
  () => import("./commands/summary"),
  () => import("./commands/submit"),
] as Array<() => Promise<{ register: (program: Command) => void }>>;

for (const load of commandModules) (await load()).register(program);

await program.parseAsync(process.argv);
