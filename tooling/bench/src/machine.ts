import { readFile } from 'node:fs/promises';
import os from 'node:os';

/** The machine a run happened on, stored next to the numbers. */
export interface MachineInfo {
  node: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  platform: string;
}

/** Reads the Node version, CPU model (from /proc/cpuinfo on Linux), core count and memory. */
export async function describeMachine(): Promise<MachineInfo> {
  return {
    node: process.version,
    cpu: (await cpuModelFromProc()) ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

async function cpuModelFromProc(): Promise<string | undefined> {
  try {
    const text = await readFile('/proc/cpuinfo', 'utf8');
    const match = /^model name\s*:\s*(.+)$/m.exec(text);
    return match?.[1]?.trim();
  } catch {
    return undefined;
  }
}
