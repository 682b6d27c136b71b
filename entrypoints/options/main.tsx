import '../../components/base.css';
import './options.css';
import { renderPage } from '../../platform/page';
import { Options } from './Options';

renderPage(<Options />);
