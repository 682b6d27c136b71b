import '../../components/base.css';
import './popup.css';
import { renderPage } from '../../platform/page';
import { Popup } from './Popup';

renderPage(<Popup />);
