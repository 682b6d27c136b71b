import '../../components/base.css';
import './evidence.css';
import { renderPage } from '../../platform/page';
import { EvidenceLocker } from './EvidenceLocker';

renderPage(<EvidenceLocker />);
