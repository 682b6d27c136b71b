import '../../components/base.css';
import './options.css';
import { renderPage } from '../../components/render-page';
import { Options } from './Options';

renderPage(<Options />);
