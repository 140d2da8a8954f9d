import fs from 'node:fs';
import path from 'node:path';

const TICKS_PER_SECOND = 100;

/** CPU time of one process and its waited-for children, from /proc (Linux); 0 elsewhere. */
export function processCpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime, stime, cutime, cstime are fields 14–17 of stat, i.e. 11–14 after the command name.
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU time so far of a PostgreSQL cluster: the postmaster, its running children and the children that ended. */
export function postgresCpuMs(clusterDir: string): number {
  let postmaster: number;
  try {
    postmaster = Number(fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
  let total = processCpuMs(postmaster);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.split(') ')[1]!.split(' ')[1]) === postmaster) total += processCpuMs(Number(entry));
    } catch {
      // the process ended meanwhile; its time is in the postmaster's children total
    }
  }
  return total;
}

export function nodeCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
