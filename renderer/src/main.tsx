import './lib/zod-jitless';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { isCustomerDisplayRoute } from './features/display/display-route';
import { bootData } from './lib/boot';
import './styles.css';
import './fit.css';

// "#/display": the customer-facing screen (a second window in Electron, a second page in the web shell),
// loaded only there so the cashier's start does not build the display's schemas.
const CustomerDisplay = lazy(() => import('./features/display/CustomerDisplay').then((m) => ({ default: m.CustomerDisplay })));

const display = isCustomerDisplayRoute(window.location.hash);
if (!display) void bootData();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {display ? (
      <Suspense fallback={null}>
        <CustomerDisplay />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
