import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Locale } from '@kooperant/platform-i18n';
import type { ClusterReportData } from './cluster-report-data';
import { renderClusterReportPdf } from './cluster-report-pdf';

/** The compiled worker script beside this file (dist/); absent when the sources run under Jest. */
const WORKER_SCRIPT = join(__dirname, 'report-pdf.worker.js');

interface Pending {
  resolve(pdf: Buffer): void;
  reject(e: Error): void;
}

/**
 * Renders report PDFs on a thread of their own: laying out a page and embedding its fonts takes 0.3 to 0.7 s of CPU,
 * which on the gateway's event loop would hold up every other request meanwhile. One thread, started at the first
 * report and kept (it does not keep the process alive); reports queue on it. Where the compiled worker script is
 * not there (the sources under Jest), it renders in-process.
 */
@Injectable()
export class ReportPdfRenderer implements OnModuleDestroy {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  render(data: ClusterReportData, locale: Locale): Promise<Buffer> {
    if (!existsSync(WORKER_SCRIPT)) return renderClusterReportPdf(data, locale);
    const worker = this.thread();
    const id = ++this.next;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, data, locale });
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SCRIPT);
    worker.unref();
    worker.on('message', (m: { id: number; pdf?: Uint8Array; error?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!p) return;
      if (m.pdf) p.resolve(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength));
      else p.reject(new Error(`report rendering failed: ${m.error}`));
    });
    // A thread that dies fails what it had, and the next report starts a new one.
    const lost = (e: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`report thread exited with ${code}`)));
    this.worker = worker;
    return worker;
  }
}
