import '../../components/base.css';
import './options.css';
import { renderPage } from '../../components/render-page';
import { Options } from './Options';
import { translator } from '../../lib/i18n';

renderPage(<Options />, translator);
