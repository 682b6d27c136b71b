import '../../components/base.css';
import './evidence.css';
import { renderPage } from '../../components/render-page';
import { EvidenceLocker } from './EvidenceLocker';
import { translator } from '../../lib/i18n';

renderPage(<EvidenceLocker />, translator);
