import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { LoadProgress } from '../db/load-profile';

export interface ProgressReporter {
  update(progress: LoadProgress): void;
  stop(): void;
}

/**
 * Bars on a terminal; on a pipe or CI log (where cli-progress draws nothing useful) one line
 * per table and per tenth of a big table. Always on stderr, so stdout carries only the summary.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  return stream.isTTY ? barReporter(stream) : lineReporter(stream);
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bars = new MultiBar(
    { stream, format: '{table} [{bar}] {value}/{total} rows', hideCursor: true, clearOnComplete: false },
    Presets.shades_classic,
  );
  const byTable = new Map<string, SingleBar>();
  return {
    update({ table, rows, total }) {
      let bar = byTable.get(table);
      if (!bar) {
        bar = bars.create(total, 0, { table: table.padEnd(24) });
        byTable.set(table, bar);
      }
      bar.update(rows);
    },
    stop: () => bars.stop(),
  };
}

function lineReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const started = Date.now();
  const reported = new Map<string, number>();
  return {
    update({ table, rows, total }) {
      const tenth = total ? Math.floor((rows * 10) / total) : 10;
      if ((reported.get(table) ?? -1) >= tenth) return;
      reported.set(table, tenth);
      if (tenth === 10 || total >= 100_000) {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        stream.write(`${seconds.padStart(7)} s  ${table.padEnd(24)} ${rows.toLocaleString('en-US')}/${total.toLocaleString('en-US')}\n`);
      }
    },
    stop: () => undefined,
  };
}
