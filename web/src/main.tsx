import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { AuthProvider } from './auth/AuthProvider.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import './styles.css';
import './plans/plans.css';
import './catalogue/catalogue.css';
import './auth/auth.css';
import './ingest/ingest.css';
import './reporting/reporting.css';
import './monitor/monitor.css';
import './inbox/inbox.css';
import './home/home.css';
import './phone.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <AuthProvider>
        <App />
      </AuthProvider>
    </I18nProvider>
  </StrictMode>,
);
