// What the figures were measured on: they mean little without it.
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

export type MachineInfo = {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  loadAverage: number[];
};

function distro(): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(text)?.[1] ?? '';
  } catch {
    return '';
  }
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: [distro(), `${platform()} ${release()}`].filter(Boolean).join(' · '),
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

export function describeMachine(info = machineInfo()): string {
  return `${info.cpu} × ${info.cores} cores · ${info.memoryGiB} GiB (${Math.round(freemem() / 1024 ** 3)} GiB free) · node ${info.node} · ${info.os} · load ${info.loadAverage.join(' ')}`;
}
