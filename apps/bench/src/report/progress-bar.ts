import type { SeedProgress } from '../run/run-seed';

/** Where progress is written (stderr by default). */
export interface ProgressSink {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * A progress bar on stderr: requests done out of total in the current seed.
 * On a terminal it redraws one line; elsewhere (CI logs) it prints a line at
 * each quarter of a seed.
 */
export class ProgressBar {
  private lastQuarter = -1;
  private open = false;

  constructor(
    private readonly sink: ProgressSink = process.stderr,
    private readonly width = 30,
  ) {}

  /** Shows the progress of a seed. */
  update(p: SeedProgress): void {
    const ratio = p.total === 0 ? 1 : p.done / p.total;
    const label = `seed ${p.seed} (${p.seedIndex + 1}/${p.seedCount})`;
    if (this.sink.isTTY) {
      const filled = Math.round(ratio * this.width);
      this.sink.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(this.width - filled)}] ${p.done}/${p.total} requests`);
      this.open = true;
      if (p.done === p.total) this.newline();
      return;
    }
    const quarter = Math.floor(ratio * 4);
    if (quarter > 0 && quarter !== this.lastQuarter) this.sink.write(`${label}: ${p.done}/${p.total} requests\n`);
    this.lastQuarter = p.done === p.total ? -1 : quarter;
  }

  /** Prints a status line (micro-benchmark stages), ending any open bar. */
  stage(text: string): void {
    this.newline();
    this.sink.write(`${text}…\n`);
  }

  private newline(): void {
    if (this.open) this.sink.write('\n');
    this.open = false;
  }
}
