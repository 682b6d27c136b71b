import '../../components/base.css';
import './evidence.css';
import { renderPage } from '../../components/render-page';
import { EvidenceLocker } from './EvidenceLocker';

renderPage(<EvidenceLocker />);
