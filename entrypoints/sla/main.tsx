import '../../components/base.css';
import '../options/options.css';
import './sla.css';
import { useEffect, useState } from 'react';
import type { SlaApi } from '../../components/sla/api';
import { SlaLog } from '../../components/sla/SlaLog';
import { yearOverridesSchema, type YearOverride } from '../../lib/time/calendar';
import { sendMessage } from '../../platform/messaging';
import { renderPage } from '../../components/render-page';
import { loadOutageLog, loadSettings, saveOutageLog } from '../../platform/settings';
import { translator } from '../../lib/i18n';

const api: SlaApi = {
  loadLog: loadOutageLog,
  saveLog: saveOutageLog,
  sightings: async () => (await sendMessage('outage.sightings', {})).sightings,
  snapshots: async () => (await sendMessage('evidence.list', { countAll: false, offset: 0, limit: 100 })).items,
  copy: (text) => navigator.clipboard.writeText(text),
  now: () => new Date(),
};

function SlaPage() {
  const [overrides, setOverrides] = useState<YearOverride[]>([]);
  useEffect(() => {
    void loadSettings().then(({ settings }) => {
      const parsed = yearOverridesSchema().safeParse(settings.holidayOverrides);
      if (parsed.success) setOverrides(parsed.data);
    });
  }, []);
  return <SlaLog api={api} holidayOverrides={overrides} />;
}

renderPage(<SlaPage />, translator);
