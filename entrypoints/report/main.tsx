import '../../components/base.css';
import '../../components/checker/report.css';
import { EvidenceReport, reportIds, type ReportSnapshot } from '../../components/checker/EvidenceReport';
import { sendMessage } from '../../platform/messaging';
import { renderPage } from '../../components/render-page';
import { translator } from '../../lib/i18n';

// The printable evidence report (popup → ticket → "print the evidence report"): the snapshots
// named in the address, as the browser prints them to PDF for a ticket form's attachment.
const load = async (): Promise<ReportSnapshot[]> => {
  const found = await Promise.all(reportIds(location.search).map((id) => sendMessage('evidence.get', { id })));
  return found.flatMap(({ snapshot }) =>
    snapshot
      ? [
          {
            id: snapshot.summary.id,
            title: snapshot.summary.title,
            url: snapshot.summary.url,
            capturedAtShanghai: snapshot.summary.capturedAtShanghai,
            fields: snapshot.body.fields,
            chainHash: snapshot.chainHash,
            screenshot: snapshot.screenshot,
          },
        ]
      : [],
  );
};

renderPage(<EvidenceReport load={load} print={() => window.print()} />, translator);
