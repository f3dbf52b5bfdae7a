import './lib/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CustomerDisplay, isCustomerDisplayRoute } from './features/display/CustomerDisplay';
import './styles.css';
import './fit.css';

// "#/display": the customer-facing screen (a second window in Electron, a second page in the web shell).
createRoot(document.getElementById('root')!).render(<StrictMode>{isCustomerDisplayRoute(window.location.hash) ? <CustomerDisplay /> : <App />}</StrictMode>);
