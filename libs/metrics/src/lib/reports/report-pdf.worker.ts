import { parentPort } from 'node:worker_threads';
import type { Locale } from '@kooperant/platform-i18n';
import type { ClusterReportData } from './cluster-report-data';
import { renderClusterReportPdf } from './cluster-report-pdf';

/** The thread ReportPdfRenderer renders on: one request at a time. */
parentPort?.on('message', (m: { id: number; data: ClusterReportData; locale: Locale }) => {
  renderClusterReportPdf(m.data, m.locale).then(
    (pdf) => {
      // Exactly the PDF's bytes in a buffer of their own, handed over rather than cloned.
      const bytes = new Uint8Array(pdf);
      parentPort?.postMessage({ id: m.id, pdf: bytes }, [bytes.buffer as ArrayBuffer]);
    },
    (e: unknown) => parentPort?.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
